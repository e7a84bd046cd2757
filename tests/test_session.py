"""The session's wiring and scheduling, with real stand-in stages (no models)."""

from __future__ import annotations

import asyncio
import dataclasses
import threading

import numpy as np
import pytest

from speech2image.audio.sources import ArraySource
from speech2image.events import (
    Event,
    FinalTranscript,
    ImageReady,
    PartialTranscript,
    SessionEnded,
    SessionStarted,
    StageFailed,
)
from speech2image.session import Session, SessionOptions, Workers
from speech2image.testing import (
    Cue,
    ScriptedTranscriber,
    SolidColorEngine,
    WordSceneBuilder,
    run_session,
    sentence_script,
)

SENTENCES = ["A red car waits.", "The cat sleeps on the sofa.", "Two birds fly over the house."]


def workers(engine: SolidColorEngine | None = None, script=None) -> Workers:
    cues = script if script is not None else sentence_script(SENTENCES)
    return Workers(
        make_transcriber=lambda: ScriptedTranscriber(cues),
        builder=WordSceneBuilder(),
        engine=engine or SolidColorEngine(),
    )


def of_type(events, kind):
    return [e for e in events if isinstance(e, kind)]


def test_every_final_gets_one_final_picture_in_order() -> None:
    events = run_session(workers(), options=SessionOptions(drafts=False))
    assert isinstance(events[0], SessionStarted)
    assert isinstance(events[-1], SessionEnded)
    assert events[-1].sentences == 3
    finals = of_type(events, FinalTranscript)
    assert [f.text for f in finals] == SENTENCES
    pictures = [e for e in of_type(events, ImageReady) if e.final]
    assert [p.index for p in pictures] == [0, 1, 2]
    assert all(p.png.startswith(b"\x89PNG") for p in pictures)
    assert [o.noun for o in pictures[1].scene.objects][:2] == ["the", "cat"]
    # Each final picture comes after its sentence.
    for picture in pictures:
        assert events.index(finals[picture.index]) < events.index(picture)


@pytest.mark.slow
def test_drafts_follow_partials_and_never_replace_finals() -> None:
    engine = SolidColorEngine(delay_s=0.01)
    events = run_session(workers(engine), source=ArraySource(np.zeros(16_000 * 7), realtime=True))
    drafts = [e for e in of_type(events, ImageReady) if not e.final]
    assert drafts, "partial text should be drawn while the sentence goes on"
    assert all(d.index <= 2 for d in drafts)
    finals = [e for e in of_type(events, ImageReady) if e.final]
    assert [p.index for p in finals] == [0, 1, 2]


@pytest.mark.slow
def test_drafts_latest_wins_when_drawing_is_slow() -> None:
    # Partials every 0.08 s, drawing 0.25 s each, then a second of quiet before the final.
    *partials, final = sentence_script(
        ["one two three four five six seven eight nine ten eleven twelve"], seconds_each=1.0
    )
    script = [*partials, Cue(2.0, final.event)]
    engine = SolidColorEngine(delay_s=0.25)
    events = run_session(
        workers(engine, script), source=ArraySource(np.zeros(16_000 * 3), realtime=True)
    )
    partials = [e for e in of_type(events, PartialTranscript) if e.text]
    drafts = [e for e in of_type(events, ImageReady) if not e.final]
    assert len(partials) == 11
    assert 1 <= len(drafts) < len(partials)
    assert len([e for e in of_type(events, ImageReady) if e.final]) == 1


@pytest.mark.slow
def test_a_final_cancels_the_draft_being_drawn() -> None:
    # Drawing takes longer than the gap between partials, so a draft is always being drawn
    # when the final arrives: it is dropped rather than make the final picture wait.
    script = sentence_script(["one two three four five six seven eight nine ten eleven twelve"])
    engine = SolidColorEngine(delay_s=0.25)
    events = run_session(
        workers(engine, script), source=ArraySource(np.zeros(16_000 * 3), realtime=True)
    )
    final_at = events.index(of_type(events, FinalTranscript)[0])
    late_drafts = [e for e in events[final_at:] if isinstance(e, ImageReady) and not e.final]
    assert late_drafts == []
    assert [e.index for e in of_type(events, ImageReady) if e.final] == [0]


def test_near_identical_drafts_skipped() -> None:
    session = Session(workers(), options=SessionOptions(draft_similarity=0.9))
    assert session._similar("a big red car next to", "a big red car next to the")
    assert not session._similar("a big red car", "a small blue boat")


def test_a_failing_picture_is_an_error_event_and_the_session_goes_on() -> None:
    events = run_session(
        workers(SolidColorEngine(fail_on="cat")), options=SessionOptions(drafts=False)
    )
    errors = of_type(events, StageFailed)
    assert len(errors) == 1
    assert errors[0].stage == "image" and errors[0].index == 1
    assert [p.index for p in of_type(events, ImageReady)] == [0, 2]
    assert events[-1].sentences == 3


def test_a_bad_chunk_is_an_error_event_and_the_session_goes_on() -> None:
    class BadThenGood:
        async def chunks(self):
            yield np.zeros(1600, dtype=np.float32)
            yield np.array([np.nan], dtype=np.float32)
            yield np.zeros(16_000 * 7, dtype=np.float32)

    events = run_session(workers(), source=BadThenGood(), options=SessionOptions(drafts=False))
    assert [e.stage for e in of_type(events, StageFailed)] == ["asr"]
    assert len(of_type(events, FinalTranscript)) == 3


def test_typed_sentences_share_the_numbering() -> None:
    events = []

    async def main() -> None:
        session = Session(
            workers(script=sentence_script(SENTENCES[:1])), options=SessionOptions(drafts=False)
        )
        session.subscribe(events.append)
        await session.submit_text("  A green frog on a log.  ")
        await session.run(ArraySource(np.zeros(16_000 * 3)))

    asyncio.run(main())
    finals = of_type(events, FinalTranscript)
    assert [(f.index, f.text) for f in finals] == [(0, "A green frog on a log."), (1, SENTENCES[0])]
    assert sorted(p.index for p in of_type(events, ImageReady)) == [0, 1]


def test_transcription_only_session_draws_nothing() -> None:
    engine = SolidColorEngine()
    events = run_session(workers(engine), options=SessionOptions(pictures=False))
    assert len(of_type(events, FinalTranscript)) == 3
    assert of_type(events, ImageReady) == [] and engine.drawn == []


def test_wire_forms() -> None:
    events = run_session(workers(), options=SessionOptions(drafts=False))
    wire = [e.to_wire() for e in events]
    assert wire[0]["type"] == "session"
    final = next(w for w in wire if w["type"] == "final")
    assert set(final) == {"type", "index", "text", "start", "end"}
    image = next(w for w in wire if w["type"] == "image")
    assert image["final"] is True and image["scene"]["objects"]
    assert wire[-1]["type"] == "done"


class BlockingSubscriber:
    """Does its "I/O" by waiting, on its first final, until another task releases it."""

    blocking = True

    def __init__(self, seen: list[str]) -> None:
        self.seen = seen
        self.loop = asyncio.get_running_loop()
        self.entered = asyncio.Event()
        self.release = threading.Event()
        self.released_in_time: bool | None = None
        self.threads: set[int] = set()

    def __call__(self, event: Event) -> None:
        self.threads.add(threading.get_ident())
        if isinstance(event, FinalTranscript) and self.released_in_time is None:
            self.loop.call_soon_threadsafe(self.entered.set)
            # Run on the loop, this wait would stop the task that sets the event: it would
            # only end by its safety limit, and the test would fail.
            self.released_in_time = self.release.wait(timeout=30)
        self.seen.append(f"blocking {event.type}")


def test_a_blocking_subscriber_runs_off_the_loop_and_in_order() -> None:
    seen: list[str] = []
    loop_thread: list[int] = []
    subscribers: list[BlockingSubscriber] = []

    async def main() -> None:
        loop_thread.append(threading.get_ident())
        slow = BlockingSubscriber(seen)
        subscribers.append(slow)
        session = Session(workers(), options=SessionOptions(drafts=False))
        session.subscribe(slow)
        session.subscribe(lambda event: seen.append(f"inline {event.type}"))

        async def release_when_blocked() -> None:
            # The loop keeps serving this task while the subscriber waits in its thread.
            await slow.entered.wait()
            seen.append("loop served another task")
            slow.release.set()

        helper = asyncio.create_task(release_when_blocked())
        await session.run(ArraySource(np.zeros(10 * 16_000, dtype=np.float32)))
        await helper

    asyncio.run(main())
    slow = subscribers[0]
    assert slow.released_in_time is True
    assert loop_thread[0] not in slow.threads
    first_final = seen.index("blocking final")
    assert seen.index("loop served another task") < first_final
    # Each event reaches the blocking subscriber before the next one, in publishing order.
    assert seen[first_final + 1] == "inline final"
    blocking = [s.split()[1] for s in seen if s.startswith("blocking")]
    inline = [s.split()[1] for s in seen if s.startswith("inline")]
    assert blocking == inline
    assert blocking[0] == "session" and blocking[-1] == "done"


def test_an_async_subscriber_cannot_be_blocking() -> None:
    async def subscriber(event: Event) -> None:
        return None

    session = Session(workers())
    with pytest.raises(ValueError, match="blocking subscriber"):
        session.subscribe(subscriber, blocking=True)


class CastingEngine(SolidColorEngine):
    """Records the cast each scene brings, and casts each sentence's first word as an entity,
    the way the composer records ``extras["cast"]`` in its completed scenes."""

    def __init__(self) -> None:
        super().__init__()
        self.casts_seen: list[dict] = []

    def draw(self, scene, **kwargs):
        self.casts_seen.append(dict(scene.extras.get("cast", {})))
        picture = super().draw(scene, **kwargs)
        first = scene.text.split()[1].lower()
        cast = {**scene.extras.get("cast", {}), f"e-{first}": f"pack:{first}"}
        done = dataclasses.replace(picture.scene, extras={**picture.scene.extras, "cast": cast})
        return dataclasses.replace(picture, scene=done)


def test_the_cast_of_final_pictures_comes_back_with_the_next_scenes() -> None:
    engine = CastingEngine()
    run_session(workers(engine), options=SessionOptions(drafts=False))
    assert engine.casts_seen[0] == {}
    assert engine.casts_seen[1] == {"e-red": "pack:red"}
    assert engine.casts_seen[2] == {"e-red": "pack:red", "e-cat": "pack:cat"}
