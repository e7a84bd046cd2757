"""The pure pass-scheduling policy: which pass an open utterance needs, from positions."""

from __future__ import annotations

import dataclasses

from speech2image.asr.options import TranscriberOptions
from speech2image.asr.schedule import StreamState, open_pass
from speech2image.config import SAMPLE_RATE

OPTIONS = TranscriberOptions(speculative_pause_ms=64, first_partial_s=0.3)
"""The early pause pass and the first partial pass on (both off by default)."""
MS = SAMPLE_RATE // 1000


def state(**changes: object) -> StreamState:
    """Two seconds of speech still going on, the last pass 0.5 s ago, nobody waiting."""
    base = StreamState(
        received=2 * SAMPLE_RATE,
        start=0,
        trailing_silence=0,
        last_pass_at=2 * SAMPLE_RATE - 500 * MS,
        speculating=False,
        silent_since_final=False,
        others_waiting=False,
    )
    return dataclasses.replace(base, **changes)  # type: ignore[arg-type]


def test_speech_going_on_gets_a_partial_pass_every_interval() -> None:
    assert open_pass(state(), OPTIONS) == "partial"
    assert open_pass(state(last_pass_at=2 * SAMPLE_RATE - 100 * MS), OPTIONS) is None


def test_no_partial_pass_starts_once_the_speaker_has_paused() -> None:
    # 40 ms into a pause: a partial pass may still run; from 64 ms the pause pass comes.
    assert open_pass(state(trailing_silence=32 * MS), OPTIONS) == "partial"
    busy = state(trailing_silence=100 * MS, others_waiting=True, last_pass_at=0)
    assert open_pass(busy, OPTIONS) is None  # a partial now would delay the pause pass


def test_a_pause_gets_one_speculative_pass_at_once_when_the_recogniser_is_idle() -> None:
    paused = state(trailing_silence=64 * MS)
    assert open_pass(paused, OPTIONS) == "pause"
    assert open_pass(dataclasses.replace(paused, speculating=True), OPTIONS) is None
    # A pass that already ran 64 ms into this pause heard it.
    assert open_pass(dataclasses.replace(paused, last_pass_at=paused.received), OPTIONS) is None


def test_while_others_wait_the_pause_pass_waits_for_a_longer_pause() -> None:
    busy = state(others_waiting=True, trailing_silence=160 * MS)
    assert open_pass(busy, OPTIONS) is None
    assert open_pass(dataclasses.replace(busy, trailing_silence=200 * MS), OPTIONS) == "pause"
    # Samples received after the last whole VAD window count into the pause.
    almost = dataclasses.replace(busy, trailing_silence=192 * MS, unscored=10 * MS)
    assert open_pass(almost, OPTIONS) == "pause"
    assert open_pass(dataclasses.replace(almost, unscored=0), OPTIONS) is None


def test_a_recogniser_behind_or_words_that_go_on_wait_for_the_longer_pause_too() -> None:
    early = state(trailing_silence=96 * MS)
    assert open_pass(early, OPTIONS) == "pause"
    assert open_pass(dataclasses.replace(early, behind=True), OPTIONS) is None
    assert open_pass(dataclasses.replace(early, unfinished=True), OPTIONS) is None
    late = dataclasses.replace(early, trailing_silence=224 * MS, behind=True, unfinished=True)
    assert open_pass(late, OPTIONS) == "pause"


def test_others_waiting_space_out_partial_passes_but_not_pause_passes() -> None:
    busy = state(others_waiting=True)
    assert open_pass(busy, OPTIONS) is None  # 0.5 s since the last pass, 1 s needed
    assert open_pass(dataclasses.replace(busy, last_pass_at=0), OPTIONS) == "partial"
    assert open_pass(dataclasses.replace(busy, trailing_silence=250 * MS), OPTIONS) == "pause"


def test_new_speech_gets_its_first_partial_pass_a_word_after_its_onset() -> None:
    # Speech began at 1.0 s (its pass starts at the 200 ms pad before it); nothing heard yet.
    onset = SAMPLE_RATE - 200 * MS
    fresh = state(heard=False, start=onset, last_pass_at=0)
    assert open_pass(dataclasses.replace(fresh, received=SAMPLE_RATE + 200 * MS), OPTIONS) is None
    assert open_pass(dataclasses.replace(fresh, received=SAMPLE_RATE + 300 * MS), OPTIONS) == (
        "partial"
    )
    # A pass that heard nothing yet is followed 0.3 s later, not a whole interval later.
    again = dataclasses.replace(
        fresh, received=2 * SAMPLE_RATE, last_pass_at=SAMPLE_RATE + 700 * MS
    )
    assert open_pass(again, OPTIONS) == "partial"
    assert open_pass(dataclasses.replace(again, heard=True), OPTIONS) is None


def test_by_default_the_pause_pass_waits_200_ms_and_partials_keep_their_interval() -> None:
    default = TranscriberOptions()
    assert open_pass(state(trailing_silence=96 * MS), default) is None
    assert open_pass(state(trailing_silence=200 * MS), default) == "pause"
    fresh = state(heard=False, start=0, received=200 * MS, last_pass_at=-SAMPLE_RATE)
    assert open_pass(fresh, default) == "partial"  # as soon as speech is there


def test_speech_past_the_longest_pass_is_bounded_and_silence_after_a_final_is_left() -> None:
    long = state(received=int((OPTIONS.max_utterance_s + 1) * SAMPLE_RATE))
    assert open_pass(long, OPTIONS) == "long"
    assert open_pass(state(silent_since_final=True, trailing_silence=300 * MS), OPTIONS) is None
