"""A final with its last draft's things gets the draft's picture: no second draw."""

from __future__ import annotations

import numpy as np
import pytest

from speech2image.audio.sources import ArraySource
from speech2image.events import FinalTranscript, ImageReady, PartialTranscript
from speech2image.session import Workers
from speech2image.testing import (
    Cue,
    ScriptedTranscriber,
    SolidColorEngine,
    WordSceneBuilder,
    run_session,
)


def session_events(cues: list[Cue], engine: SolidColorEngine) -> list:
    workers = Workers(
        make_transcriber=lambda: ScriptedTranscriber(cues),
        builder=WordSceneBuilder(),
        engine=engine,
    )
    return run_session(workers, source=ArraySource(np.zeros(16_000 * 3), realtime=True))


def pictures(events: list, *, final: bool) -> list[ImageReady]:
    return [e for e in events if isinstance(e, ImageReady) and e.final == final]


@pytest.mark.slow
def test_the_pause_draft_is_the_final_picture() -> None:
    # The speaker pauses: the words to be finalised come as partial text at 1.0 s, the
    # final 0.4 s later says the same (with its full stop).
    cues = [
        Cue(0.5, PartialTranscript("The cat sleeps", 0.0)),
        Cue(1.0, PartialTranscript("The cat sleeps on the sofa", 0.0)),
        Cue(1.4, FinalTranscript(0, "The cat sleeps on the sofa.", 0.0, 1.2)),
    ]
    engine = SolidColorEngine(delay_s=0.05)
    events = session_events(cues, engine)
    final = pictures(events, final=True)
    assert [p.index for p in final] == [0]
    last_draft = pictures(events, final=False)[-1]
    assert final[0].png == last_draft.png
    assert [text for text, _ in engine.drawn].count("The cat sleeps on the sofa.") == 0
    assert len(engine.drawn) == 2  # the two drafts; the final drew nothing


@pytest.mark.slow
def test_a_final_with_other_things_is_drawn() -> None:
    cues = [
        Cue(1.0, PartialTranscript("The cat sleeps on the", 0.0)),
        Cue(1.4, FinalTranscript(0, "The cat sleeps on the bed.", 0.0, 1.2)),
    ]
    engine = SolidColorEngine(delay_s=0.05)
    events = session_events(cues, engine)
    final = pictures(events, final=True)
    assert [p.index for p in final] == [0]
    assert [o.noun for o in final[0].scene.objects][-1] == "bed"
    assert ("The cat sleeps on the bed.", True) in [(t, not d) for t, d in engine.drawn]


@pytest.mark.slow
def test_a_draft_of_an_earlier_sentence_is_never_reused() -> None:
    cues = [
        Cue(0.5, PartialTranscript("A red car", 0.0)),
        Cue(0.8, FinalTranscript(0, "A red car.", 0.0, 0.7)),
        Cue(1.6, FinalTranscript(1, "A red car.", 1.0, 1.5)),
    ]
    engine = SolidColorEngine(delay_s=0.02)
    events = session_events(cues, engine)
    assert [p.index for p in pictures(events, final=True)] == [0, 1]
    # The first final reused its draft; the second had no draft of its own and was drawn.
    assert [text for text, draft in engine.drawn if not draft] == ["A red car."]


@pytest.mark.slow
def test_a_final_does_not_cancel_the_draft_of_its_own_words() -> None:
    # Drawing takes 0.6 s: the final arrives while the pause's draft is still being drawn.
    cues = [
        Cue(1.0, PartialTranscript("Two birds fly over the house", 0.0)),
        Cue(1.3, FinalTranscript(0, "Two birds fly over the house.", 0.0, 1.0)),
    ]
    engine = SolidColorEngine(delay_s=0.6)
    events = session_events(cues, engine)
    assert [p.index for p in pictures(events, final=True)] == [0]
    assert engine.drawn == [("Two birds fly over the house", True)]
