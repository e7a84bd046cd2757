"""Where the time between a sentence's end and its final picture goes, sentence by sentence.

Runs in-process sessions (the real recogniser, parser and composer, loaded as ``serve``
loads them) over a recording streamed at real-time pace in 100 ms chunks, ``--clients N``
of them ``--stagger-s S`` apart on the same workers, and records in wall time what happens
after each sentence's last word: the voice-activity gate's first silent window (in the
stream, and when the gate saw it), the speculative pass's start and end, the final's commit
and event, its picture's publication, and for every stage call how long it waited in the
stage's queue and ran. Times are milliseconds after the last word's end as Whisper timed it;
``energy_end_ms`` is where the audio's energy says the last word ended. A diagnostic: it
wraps the pipeline's methods from outside, which no product code does; no WebSocket.

    .venv/bin/python scripts/latency-trace.py samples/story.flac [--clients 4 --stagger-s 1]
        [--json OUT]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import threading
import time
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import numpy as np

from speech2image.asr import streaming
from speech2image.asr.vad import SpeechGate
from speech2image.audio.decode import decode_file
from speech2image.config import SAMPLE_RATE
from speech2image.events import FinalTranscript, ImageReady, PartialTranscript
from speech2image.factory import PipelineOptions, load_workers
from speech2image.session import Session

CHUNK = SAMPLE_RATE // 10
T0 = time.monotonic()
MARKS: list[dict[str, Any]] = []
CALLER = threading.local()
"""The client whose stage call this thread runs (its marks are that client's)."""
STARTS: dict[int, float] = {}
"""Client -> wall time (since T0) at which its stream's sample 0 was spoken."""


def now_s() -> float:
    return time.monotonic() - T0


def mark(kind: str, **fields: Any) -> None:
    client = getattr(CALLER, "client", None)
    if client is None:
        client = client_of_task()
    MARKS.append({"kind": kind, "wall_s": now_s(), "client": client, **fields})


def client_of_task() -> int | None:
    """The client of the asyncio task running now (its tasks' names end in its number), or
    of this thread (a session's voice-activity thread is named after the session)."""
    try:
        task = asyncio.current_task()
        name = task.get_name() if task is not None else ""
    except RuntimeError:
        name = threading.current_thread().name
    for suffix, client in TASK_CLIENTS.items():
        if suffix in name:
            return client
    return None


TASK_CLIENTS: dict[str, int] = {}
"""Suffix of a task's name (the session's id) -> client number."""


class PacedSource:
    """The recording in 100 ms chunks, each delivered when its last sample was spoken."""

    def __init__(self, samples: np.ndarray, client: int) -> None:
        self.samples = samples
        self.client = client

    async def chunks(self) -> AsyncIterator[np.ndarray]:
        started = time.monotonic()
        STARTS[self.client] = started - T0
        for offset in range(0, len(self.samples), CHUNK):
            due = started + (offset + CHUNK) / SAMPLE_RATE
            await asyncio.sleep(max(0.0, due - time.monotonic()))
            yield self.samples[offset : offset + CHUNK]


def wrap_stage(stage: Any) -> None:
    """Mark every call of ``stage`` (ordinary and urgent): when it was queued, started and
    ended, for whom."""
    for name in ("call", "call_urgent"):
        if hasattr(stage, name):
            setattr(stage, name, traced_call(stage, getattr(stage, name), urgent=name != "call"))


def traced_call(stage: Any, call: Any, *, urgent: bool) -> Any:
    """``call`` of ``stage``, marking each call."""

    async def traced(fn: Any, *args: Any, **kw: Any) -> Any:
        client = client_of_task()
        queued = now_s()

        def run() -> Any:
            CALLER.client = client
            started = now_s()
            try:
                return fn(*args, **kw)
            finally:
                MARKS.append({"kind": "stage", "stage": stage.name, "client": client,
                              "wall_s": started, "queued_s": queued, "ended_s": now_s(),
                              "urgent": urgent})  # fmt: skip
                CALLER.client = None

        return await call(run)

    return traced


def instrument(workers: Any) -> None:
    """Wrap the gate, the transcriber's passes and commits, and the stages, with marks."""
    push = SpeechGate.push

    def traced_push(self: SpeechGate, probabilities: Any, **kw: Any) -> None:
        before = self.trailing_silence
        push(self, probabilities, **kw)
        if before == 0 and self.trailing_silence > 0:
            silent_at = (self.position - self.trailing_silence) / SAMPLE_RATE
            mark("vad_silent", stream_s=silent_at)

    SpeechGate.push = traced_push  # type: ignore[method-assign]
    cls = streaming.StreamingTranscriber
    for name in ("_pause_pass", "_partial_pass", "_commit_speculation", "_finalize"):
        original = getattr(cls, name)

        def traced(self: Any, *args: Any, _o: Any = original, _n: str = name) -> Any:
            received = self._received / SAMPLE_RATE
            mark(_n + "_start", received_s=received)
            result = _o(self, *args)
            mark(_n + "_end", received_s=received)
            return result

        setattr(cls, name, traced)
    for stage in (workers.asr, workers.language, workers.imaging):
        wrap_stage(stage)


def energy_end(audio: np.ndarray, around_s: float) -> float:
    """The end of the last 10 ms frame within 40 dB of the loudest before the first 150 ms
    of quiet that starts after ``around_s - 0.3``."""
    frame = SAMPLE_RATE // 100
    frames = audio[: len(audio) // frame * frame].reshape(-1, frame)
    level = 10 * np.log10(np.mean(frames**2, axis=1) + 1e-12)
    active = level > level.max() - 40
    i = max(0, int((around_s - 0.3) * 100))
    quiet, last = 0, i
    while i < len(active):
        if active[i]:
            last, quiet = i, 0
        else:
            quiet += 1
            if quiet >= 15:
                break
        i += 1
    return (last + 1) / 100


def timeline(client: int, final: FinalTranscript, seen: dict[str, float], audio: np.ndarray):
    """The marks after ``final``'s last word, in ms after it (wall), for one sentence."""
    end = STARTS[client] + final.end_s  # wall time of the last word's end
    mine = [m for m in MARKS if m["client"] == client and m["wall_s"] >= end - 0.3]

    def first(kind: str) -> int | None:
        hits = [m["wall_s"] for m in mine if m["kind"] == kind]
        return round((hits[0] - end) * 1000) if hits else None

    vad = [m for m in mine if m["kind"] == "vad_silent"]
    final_stage = [m for m in mine if m["kind"] == "stage" and m["wall_s"] >= end]

    def waited(stage: str, after_s: float | None = None) -> int | None:
        """Queue wait of the first call of ``stage`` after ``after_s`` (the last word), or
        of the call running at ``after_s`` for the recogniser (the pause pass's)."""
        if stage == "asr" and after_s is not None:
            calls = [m for m in final_stage if m["stage"] == stage
                     and m["wall_s"] <= after_s <= m["ended_s"]]  # fmt: skip
        else:
            at = end if after_s is None else after_s
            calls = [m for m in final_stage if m["stage"] == stage and m["wall_s"] >= at]
        return round((calls[0]["wall_s"] - calls[0]["queued_s"]) * 1000) if calls else None

    pause_pass = [m["wall_s"] for m in mine if m["kind"] == "_pause_pass_start"]

    return {
        "client": client,
        "index": final.index,
        "start_s": final.start_s,
        "end_s": final.end_s,
        "text": final.text[:40],
        "energy_end_ms": round((energy_end(audio, final.end_s) - final.end_s) * 1000),
        "vad_silent_stream_ms": round((vad[0]["stream_s"] - final.end_s) * 1000) if vad else None,
        "vad_silent_known_ms": round((vad[0]["wall_s"] - end) * 1000) if vad else None,
        "pause_pass_start_ms": first("_pause_pass_start"),
        "pause_pass_end_ms": first("_pause_pass_end"),
        "committed_ms": first("_commit_speculation_start"),
        "final_event_ms": round((seen["final"] - end) * 1000),
        "picture_ms": round((seen["picture"] - end) * 1000),
        "pause_pass_wait_ms": waited("asr", pause_pass[0]) if pause_pass else None,
        "final_scene_wait_ms": waited("language", seen["final"]),
        "final_picture_wait_ms": waited("image", seen["final"]),
        "first_partial_after_start_ms": _after(seen.get("partial"), STARTS[client], final),
        "first_draft_after_start_ms": _after(seen.get("draft"), STARTS[client], final),
    }


def _after(wall: float | None, start: float, final: FinalTranscript) -> int | None:
    return None if wall is None else round((wall - start - final.start_s) * 1000)


async def one_client(workers: Any, audio: np.ndarray, client: int, delay_s: float):
    """One session over ``audio``: what each of its sentences saw, by index."""
    await asyncio.sleep(delay_s)
    session = Session(workers)
    TASK_CLIENTS[session.id] = client
    TASK_CLIENTS[f"run-c{client}"] = client
    finals: dict[int, FinalTranscript] = {}
    seen: dict[int, dict[str, float]] = {}

    def on_event(event: Any) -> None:
        at = now_s()
        if isinstance(event, PartialTranscript):
            mark("partial", text=event.text[-30:])
            if event.text:
                seen.setdefault(len(finals), {}).setdefault("partial", at)
        elif isinstance(event, ImageReady):
            mark("image", index=event.index, final=event.final)
            key = "picture" if event.final else "draft"
            seen.setdefault(event.index, {}).setdefault(key, at)
        elif isinstance(event, FinalTranscript):
            finals[event.index] = event
            seen.setdefault(event.index, {})["final"] = at

    session.subscribe(on_event)
    task = asyncio.create_task(session.run(PacedSource(audio, client)), name=f"run-c{client}")
    await task
    return [
        timeline(client, final, seen[i], audio)
        for i, final in sorted(finals.items())
        if "picture" in seen.get(i, {})
    ]


async def run(path: Path, clients: int, stagger_s: float) -> list[dict[str, Any]]:
    audio = decode_file(path)
    audio = np.concatenate([audio, np.zeros(SAMPLE_RATE, dtype=np.float32)])
    workers = load_workers(PipelineOptions())
    instrument(workers)
    try:
        results = await asyncio.gather(
            *(one_client(workers, audio, i, i * stagger_s) for i in range(clients))
        )
    finally:
        workers.close()
    return [row for rows in results for row in rows]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("audio", type=Path)
    parser.add_argument("--clients", type=int, default=1)
    parser.add_argument("--stagger-s", type=float, default=1.0)
    parser.add_argument("--json", type=Path, default=None)
    args = parser.parse_args()
    rows = asyncio.run(run(args.audio, args.clients, args.stagger_s))
    skip = ("client", "index", "text", "start_s", "end_s")
    keys = [k for k in rows[0] if k not in skip] if rows else []
    print(" | ".join(["client", "#", *keys, "text"]))
    for row in rows:
        print(" | ".join(str(row[k]) for k in ("client", "index", *keys)) + f" | {row['text']}")
    for key in keys:
        values = [row[key] for row in rows if row[key] is not None]
        if values:
            values.sort()
            p95 = values[min(len(values) - 1, round(0.95 * (len(values) - 1)))]
            print(f"{key}: median {statistics.median(values):.0f} ms, p95 {p95} ms")
    if args.json:
        args.json.write_text(json.dumps({"rows": rows, "marks": MARKS, "starts": STARTS}))


if __name__ == "__main__":
    main()
