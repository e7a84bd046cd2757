"""A recogniser or an image engine that raises or hangs: the session reports it and goes on,
and other sessions are not held up for longer than the stage's time-out.

The hangs are real (a thread blocked on an event the test releases at its end); the
time-outs are short so the tests stay fast. Nothing here asserts a duration: the checks are
on what was delivered, which a hung stage without a time-out would never deliver.
"""

from __future__ import annotations

import asyncio
import json
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import pytest
from websockets.sync.client import ClientConnection, connect

from speech2image.events import FinalTranscript, ImageReady, SessionEnded, StageFailed
from speech2image.session import SessionOptions
from speech2image.stage import StageBroken, StageThread, StageTimeout, StageTimeouts
from speech2image.testing import (
    ScriptedTranscriber,
    SolidColorEngine,
    run_session,
    sentence_script,
)
from tests.robustness.conftest import SILENCE_100MS, fake_workers, serve_app

QUICK = StageTimeouts(asr_timeout_s=1.0, language_timeout_s=1.0, image_timeout_s=1.0)
SENTENCES = ["A red car waits.", "The cat will hang on the wall.", "Two birds fly."]


@pytest.fixture
def release() -> Iterator[threading.Event]:
    """Set at the end of the test, so hung threads return and nothing outlives the test."""
    event = threading.Event()
    yield event
    event.set()


# -- the stage's thread ---------------------------------------------------------------------


def test_a_hung_call_times_out_and_the_calls_queued_behind_it_still_run(
    release: threading.Event,
) -> None:
    stage = StageThread("test", timeout_s=0.5)
    running = threading.Event()

    def hang() -> None:
        running.set()
        release.wait()

    async def main() -> tuple[BaseException | None, list[int]]:
        hung = asyncio.create_task(stage.call(hang))
        await asyncio.to_thread(running.wait, 10)  # the hang runs; the others queue behind it
        queued = await asyncio.gather(*(stage.call(lambda n=n: n * n) for n in range(4)))
        return (await asyncio.gather(hung, return_exceptions=True))[0], queued

    error, queued = asyncio.run(main())
    assert isinstance(error, StageTimeout) and "within 0.5 s" in str(error)
    assert queued == [0, 1, 4, 9]
    assert stage.abandoned == 1
    stage.close()


def test_the_hung_call_fails_even_when_another_caller_notices_the_hang(
    release: threading.Event,
) -> None:
    """Every caller watches the running call. Here the hung call's own caller is held up (its
    event loop is busy) while a caller queued behind it notices the hang and abandons the
    thread: the hung call's caller must still get its StageTimeout, not wait forever."""
    stage = StageThread("shared", timeout_s=0.2)
    outcome: list[object] = []
    running, noticed = threading.Event(), threading.Event()

    def hang() -> None:
        running.set()
        release.wait()

    def hung_caller() -> None:
        async def main() -> None:
            call = asyncio.create_task(stage.call(hang))
            await asyncio.to_thread(running.wait, 10)  # submitted and running
            # This loop is stuck on purpose until the other caller has abandoned the thread.
            noticed.wait(30)
            try:
                await asyncio.wait_for(call, timeout=5)
            except (StageTimeout, TimeoutError) as e:
                outcome.append(e)

        asyncio.run(main())

    thread = threading.Thread(target=hung_caller)
    thread.start()
    assert running.wait(10)
    assert asyncio.run(stage.call(lambda: "fresh")) == "fresh"
    noticed.set()
    thread.join(timeout=10)
    assert len(outcome) == 1 and isinstance(outcome[0], StageTimeout), outcome
    assert stage.abandoned == 1
    stage.close()


def test_has_waiting_tells_when_calls_queue_behind_the_running_one() -> None:
    stage = StageThread("test", timeout_s=10)
    running, go = threading.Event(), threading.Event()

    def busy() -> None:
        running.set()
        go.wait()

    async def main() -> tuple[bool, bool, bool]:
        first = asyncio.create_task(stage.call(busy))
        await asyncio.to_thread(running.wait)
        alone = stage.has_waiting()
        second = asyncio.create_task(stage.call(lambda: None))
        queued = await _eventually(stage.has_waiting)
        go.set()
        await asyncio.gather(first, second)
        return alone, queued, stage.has_waiting()

    assert asyncio.run(main()) == (False, True, False)
    stage.close()


async def _eventually(condition: Callable[[], bool], timeout_s: float = 10.0) -> bool:
    """Whether ``condition`` holds within ``timeout_s``, looking again after each turn of
    the loop (a task queued with ``create_task`` submits its call when it first runs)."""
    deadline = time.monotonic() + timeout_s
    while not condition():
        if time.monotonic() > deadline:
            return False
        await asyncio.sleep(0.01)
    return True


def test_time_queued_behind_other_calls_does_not_count() -> None:
    stage = StageThread("busy", timeout_s=1.0)

    async def main() -> list[str]:
        # Six calls of 0.3 s each: the last waits 1.5 s in the queue, longer than the
        # time-out, but none runs longer than it.
        calls = [stage.call(lambda n=n: time.sleep(0.3) or f"call {n}") for n in range(6)]
        return await asyncio.gather(*calls)

    assert asyncio.run(main()) == [f"call {n}" for n in range(6)]
    assert stage.abandoned == 0
    stage.close()


def test_errors_reach_the_caller_unchanged() -> None:
    stage = StageThread("raising", timeout_s=5.0)

    def fail() -> None:
        raise KeyError("no such model")

    with pytest.raises(KeyError, match="no such model"):
        asyncio.run(stage.call(fail))
    assert asyncio.run(stage.call(lambda: "still working")) == "still working"
    stage.close()


def test_a_stage_that_keeps_hanging_is_switched_off(release: threading.Event) -> None:
    stage = StageThread("broken", timeout_s=0.2, max_abandoned_threads=1)

    async def call_hung() -> BaseException | None:
        return (await asyncio.gather(stage.call(release.wait), return_exceptions=True))[0]

    assert isinstance(asyncio.run(call_hung()), StageTimeout)
    assert isinstance(asyncio.run(call_hung()), StageTimeout)
    with pytest.raises(StageBroken, match="switched off"):
        asyncio.run(stage.call(lambda: None))
    assert stage.abandoned == 2
    stage.close()


def test_timeouts_are_read_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("S2I_IMAGE_TIMEOUT_S", "42.5")
    workers = fake_workers()
    assert workers.imaging.timeout_s == 42.5
    assert workers.asr.timeout_s == StageTimeouts().asr_timeout_s
    workers.close()
    with pytest.raises(ValueError, match="image_timeout_s must be more than 0"):
        StageTimeouts(image_timeout_s=0)


# -- one session ----------------------------------------------------------------------------


def test_a_picture_that_hangs_is_reported_and_the_next_ones_are_drawn(
    release: threading.Event,
) -> None:
    engine = SolidColorEngine(hang_on="hang")
    engine.released = release
    workers = fake_workers(
        transcribers=lambda: ScriptedTranscriber(sentence_script(SENTENCES)),
        engine=engine,
        timeouts=QUICK,
    )
    events = run_session(workers, options=SessionOptions(drafts=False), seconds=7)
    workers.close()
    errors = [e for e in events if isinstance(e, StageFailed)]
    assert [(e.stage, e.index, e.code) for e in errors] == [("image", 1, "stage_timeout")]
    assert "did not answer within 1 s" in errors[0].message
    pictures = [e.index for e in events if isinstance(e, ImageReady) and e.final]
    assert pictures == [0, 2]
    assert isinstance(events[-1], SessionEnded) and events[-1].sentences == 3


@pytest.mark.parametrize(
    ("fault", "pictured"),
    # A pass that raises costs that pass: the recogniser is asked again, and what it gives
    # at the end is kept. One that hangs may still be running inside the recogniser, so the
    # session stops feeding it.
    [("hang", [0]), ("raise", [0, 1, 2])],
)
def test_a_recogniser_that_fails_mid_session_keeps_what_it_heard(
    fault: str, pictured: list[int], release: threading.Event
) -> None:
    def transcriber() -> ScriptedTranscriber:
        at_s = {"hang_at_s": 2.5} if fault == "hang" else {"fail_at_s": 2.5}
        scripted = ScriptedTranscriber(sentence_script(SENTENCES), **at_s)
        scripted.released = release
        return scripted

    workers = fake_workers(transcribers=transcriber, timeouts=QUICK)
    # One 100 ms chunk a pass, so a pass sees the first sentence's end before the fault.
    options = SessionOptions(drafts=False, max_batch_samples=1600)
    events = run_session(workers, options=options, seconds=7)
    workers.close()
    finals = [e.text for e in events if isinstance(e, FinalTranscript)]
    assert finals[0] == SENTENCES[0]
    errors = [e for e in events if isinstance(e, StageFailed)]
    assert errors and all(e.stage == "asr" for e in errors)
    expected = "speech recognition stopped" if fault == "hang" else "scripted recogniser failure"
    assert expected in errors[0].message
    assert errors[0].code == ("stage_timeout" if fault == "hang" else "asr_failed")
    assert [e.index for e in events if isinstance(e, ImageReady) and e.final] == pictured
    assert isinstance(events[-1], SessionEnded)


# -- sessions side by side on a real server --------------------------------------------------


@contextmanager
def _session(url: str) -> Iterator[ClientConnection]:
    with connect(url.replace("http", "ws", 1) + "/ws", max_size=None) as ws:
        ws.send(json.dumps({"type": "start", "sample_rate": 16000}))
        assert json.loads(ws.recv(timeout=10))["type"] == "session"
        yield ws


def _until(ws: ClientConnection, kind: str, *, timeout_s: float = 30.0) -> list[dict]:
    messages: list[dict] = []
    while not messages or messages[-1]["type"] != kind:
        messages.append(json.loads(ws.recv(timeout=timeout_s)))
    return messages


def _speak_and_stop(ws: ClientConnection, seconds: float) -> list[dict]:
    for _ in range(round(seconds * 10)):
        ws.send(SILENCE_100MS)
        time.sleep(0.1)
    ws.send(json.dumps({"type": "stop"}))
    return _until(ws, "done")


def test_a_hung_engine_delays_other_sessions_by_its_time_out_only(
    release: threading.Event,
) -> None:
    engine = SolidColorEngine(hang_on="hang")
    engine.released = release
    workers = fake_workers(
        transcribers=lambda: ScriptedTranscriber(
            sentence_script(["A red car waits."], seconds_each=1.0)
        ),
        engine=engine,
        timeouts=QUICK,
    )
    with serve_app(workers) as (url, _), _session(url) as hung:
        hung.send(json.dumps({"type": "text", "text": "Please hang the picture."}))
        assert engine.hanging.wait(10)  # its drawing hangs before the other one speaks
        with _session(url) as other:
            other_messages = _speak_and_stop(other, 1.5)
        hung_messages = _until(hung, "error")
        hung.send(json.dumps({"type": "text", "text": "A blue whale."}))
        hung.send(json.dumps({"type": "stop"}))
        hung_messages += _until(hung, "done")
    errors = [m["message"] for m in hung_messages if m["type"] == "error"]
    assert len(errors) == 1 and "did not answer within 1 s" in errors[0]
    # Its recogniser's script is said at "stop" (this session streamed no audio).
    finals = [m["text"] for m in hung_messages if m["type"] == "final"]
    assert finals == ["Please hang the picture.", "A blue whale.", "A red car waits."]
    assert [m["index"] for m in hung_messages if m["type"] == "image" and m["final"]] == [1, 2]
    assert not [m for m in other_messages if m["type"] == "error"]
    assert [m["index"] for m in other_messages if m["type"] == "image" and m["final"]] == [0]


def test_a_hung_recogniser_stops_one_session_only(release: threading.Event) -> None:
    made: list[ScriptedTranscriber] = []
    first_hangs = threading.Event()

    def transcriber() -> ScriptedTranscriber:
        # The first session's recogniser hangs after a second; the next ones work.
        script = sentence_script(["A red car waits."], seconds_each=1.0)
        scripted = ScriptedTranscriber(script, hang_at_s=0.5 if not made else None)
        scripted.released = release
        if not made:
            scripted.hanging = first_hangs  # made in a worker thread, after the session starts
        made.append(scripted)
        return scripted

    workers = fake_workers(transcribers=transcriber, timeouts=QUICK)
    with serve_app(workers) as (url, _), _session(url) as hung:
        for _ in range(8):
            hung.send(SILENCE_100MS)
        assert first_hangs.wait(10)  # its recogniser hangs before the other one speaks
        with _session(url) as other:
            other_messages = _speak_and_stop(other, 1.5)
        hung_messages = _until(hung, "error")
        hung.send(json.dumps({"type": "text", "text": "Typed sentences still work."}))
        hung.send(json.dumps({"type": "stop"}))
        hung_messages += _until(hung, "done")
    errors = [m for m in hung_messages if m["type"] == "error"]
    assert errors and "speech recognition stopped" in errors[0]["message"]
    assert errors[0]["code"] == "stage_timeout"
    finals = [m["text"] for m in hung_messages if m["type"] == "final"]
    assert finals == ["Typed sentences still work."]
    assert not [m for m in other_messages if m["type"] == "error"]
    assert [m["text"] for m in other_messages if m["type"] == "final"] == ["A red car waits."]
