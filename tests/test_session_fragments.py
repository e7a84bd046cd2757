"""A spoken fragment ("us.") is drawn with the sentence it ends, and stays a fragment in the
transcript (finals are never revised)."""

from __future__ import annotations

from speech2image.events import FinalTranscript, ImageReady
from speech2image.fragments import picture_text
from speech2image.session import SessionOptions, Workers
from speech2image.testing import (
    Cue,
    ScriptedTranscriber,
    SolidColorEngine,
    WordSceneBuilder,
    run_session,
)


def final(text: str, start_s: float, end_s: float) -> FinalTranscript:
    return FinalTranscript(index=0, text=text, start_s=start_s, end_s=end_s)


def test_a_fragment_right_after_a_sentence_is_drawn_with_it() -> None:
    before = final("The wolf chased.", 0.0, 1.5)
    assert picture_text(final("us.", 2.1, 2.4), before, gap_s=1.5) == "The wolf chased us."
    assert (
        picture_text(final("at home.", 2.0, 2.6), before, gap_s=1.5) == "The wolf chased at home."
    )


def test_a_sentence_or_a_late_fragment_is_drawn_alone() -> None:
    before = final("The wolf chased.", 0.0, 1.5)
    assert picture_text(final("The owl hooted.", 2.0, 3.0), before, gap_s=1.5) == "The owl hooted."
    assert picture_text(final("us.", 5.0, 5.3), before, gap_s=1.5) == "us."
    # Capitalised, Whisper wrote it as a sentence of its own.
    assert picture_text(final("It ran.", 2.0, 2.5), before, gap_s=1.5) == "It ran."


def test_the_session_draws_a_fragment_with_its_sentence_and_keeps_the_transcript() -> None:
    cues = [
        Cue(1.5, FinalTranscript(0, "A red car waits.", 0.0, 1.5)),
        Cue(2.5, FinalTranscript(1, "outside.", 2.0, 2.4)),
        Cue(6.0, FinalTranscript(2, "dogs.", 5.5, 5.9)),  # long after: a sentence of its own
    ]
    workers = Workers(
        make_transcriber=lambda: ScriptedTranscriber(cues),
        builder=WordSceneBuilder(),
        engine=SolidColorEngine(),
    )
    events = run_session(workers, options=SessionOptions(drafts=False), seconds=7.0)
    assert [e.text for e in events if isinstance(e, FinalTranscript)] == [
        "A red car waits.",
        "outside.",
        "dogs.",
    ]
    pictures = [e for e in events if isinstance(e, ImageReady) and e.final]
    assert [p.index for p in pictures] == [0, 1, 2]
    assert pictures[1].scene.text == "A red car waits outside."
    assert pictures[2].scene.text == "dogs."
