"""The pure pass-scheduling policy: which pass an open utterance needs, from positions."""

from __future__ import annotations

import dataclasses

from speech2image.asr.options import TranscriberOptions
from speech2image.asr.schedule import StreamState, open_pass
from speech2image.config import SAMPLE_RATE

OPTIONS = TranscriberOptions()
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
    # 100 ms into a pause: the pause pass comes at 200 ms; a partial now would delay it.
    assert open_pass(state(trailing_silence=100 * MS), OPTIONS) is None
    assert open_pass(state(trailing_silence=32 * MS), OPTIONS) == "partial"


def test_a_pause_gets_one_speculative_pass() -> None:
    paused = state(trailing_silence=200 * MS)
    assert open_pass(paused, OPTIONS) == "pause"
    assert open_pass(dataclasses.replace(paused, speculating=True), OPTIONS) is None
    # A pass that already ran 200 ms into this pause heard it.
    assert open_pass(dataclasses.replace(paused, last_pass_at=paused.received), OPTIONS) is None


def test_others_waiting_space_out_partial_passes_but_not_pause_passes() -> None:
    busy = state(others_waiting=True)
    assert open_pass(busy, OPTIONS) is None  # 0.5 s since the last pass, 1 s needed
    assert open_pass(dataclasses.replace(busy, last_pass_at=0), OPTIONS) == "partial"
    assert open_pass(dataclasses.replace(busy, trailing_silence=250 * MS), OPTIONS) == "pause"


def test_speech_past_the_longest_pass_is_bounded_and_silence_after_a_final_is_left() -> None:
    long = state(received=int((OPTIONS.max_utterance_s + 1) * SAMPLE_RATE))
    assert open_pass(long, OPTIONS) == "long"
    assert open_pass(state(silent_since_final=True, trailing_silence=300 * MS), OPTIONS) is None
