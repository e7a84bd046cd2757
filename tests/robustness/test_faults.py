"""Faults around a running server: a ``kill -9``, a full disk, a client that vanishes halfway
through a frame, a client that never reads.

Real parts throughout: the real app on a loopback socket, real SQLite files and picture files,
and for the ``kill -9`` the real ``speech2image serve`` with its real models. The fakes of
:mod:`speech2image.testing` stand in for the models where the fault is not about them.
"""

from __future__ import annotations

import errno
import json
import logging
import os
import signal
import sqlite3
import time
import urllib.request
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from websockets.sync.client import connect

from speech2image.audio.decode import decode_file
from speech2image.events import FinalTranscript
from speech2image.server.live import LiveSession
from speech2image.store import SessionStore
from speech2image.testing import Cue, ScriptedTranscriber, sentence_script
from tests.robustness.conftest import (
    SILENCE_100MS,
    RawClient,
    ServeProcess,
    fake_workers,
    get_json,
    serve_app,
    wait_for,
)

STORY = [f"Picture number {n} shows a red car." for n in range(12)]


def _live(app: Any) -> list[LiveSession]:
    return list(app.state.s2i.live.sessions.values())


def _fetch(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.read()


def _session_messages(url: str, frames: list[bytes], *, pace_s: float) -> list[dict]:
    """One well-behaved session: ``frames`` of audio at ``pace_s`` apart, then stop."""
    with connect(url.replace("http", "ws", 1) + "/ws", max_size=None) as ws:
        ws.send(json.dumps({"type": "start", "sample_rate": 16000}))
        messages = [json.loads(ws.recv(timeout=10))]
        for frame in frames:
            ws.send(frame)
            time.sleep(pace_s)
        ws.send(json.dumps({"type": "stop"}))
        while messages[-1]["type"] != "done":
            messages.append(json.loads(ws.recv(timeout=30)))
    return messages


# -- kill -9 ----------------------------------------------------------------------------------


@pytest.mark.slow
def test_kill_9_mid_session_keeps_what_was_saved(
    tmp_path: Path, three_sentences: Path, serve_process: Any
) -> None:
    data = tmp_path / "data"
    server: ServeProcess = serve_process(data)
    pcm = (np.clip(decode_file(three_sentences), -1, 1) * 32767).astype("<i2").tobytes()
    with connect(server.url.replace("http", "ws", 1) + "/ws", max_size=None) as ws:
        ws.send(json.dumps({"type": "start", "sample_rate": 16000}))
        session_id = json.loads(ws.recv(timeout=10))["id"]
        # The whole recording at three times real time (the server allows four), no "stop".
        for offset in range(0, len(pcm), 3200):
            ws.send(pcm[offset : offset + 3200])
            time.sleep(0.033)
        for _ in range(15):
            ws.send(SILENCE_100MS)  # a pause, so the sentences end
            time.sleep(0.033)
        finals: dict[int, str] = {}
        pictures: dict[int, bytes] = {}
        while len(pictures) < 2:
            message = json.loads(ws.recv(timeout=60))
            if message["type"] == "final":
                finals[message["index"]] = message["text"]
            elif message["type"] == "image" and message["final"]:
                pictures[message["index"]] = _fetch(server.url + message["url"])
        os.kill(server.process.pid, signal.SIGKILL)
        server.process.wait(timeout=10)

    assert _integrity(data / "sessions.sqlite3") == "ok"
    again: ServeProcess = serve_process(data)
    assert session_id in [s["id"] for s in get_json(again.url + "/api/sessions")]
    manifest = get_json(f"{again.url}/api/sessions/{session_id}")
    assert manifest["ended"] is None  # how a crashed session reads: never marked ended
    stored = {s["index"]: s for s in manifest["sentences"]}
    for index, text in finals.items():
        assert stored[index]["text"] == text  # every final the client was sent was saved
    for index, png in pictures.items():
        assert _fetch(f"{again.url}/api/sessions/{session_id}/images/{index}.png") == png
    assert manifest["duration_s"] >= 5.0  # the audio heard before the kill, minus a frame
    # The restarted server serves new sessions on the same data folder.
    done = _session_messages(again.url, [SILENCE_100MS] * 5, pace_s=0.05)
    assert done[-1]["type"] == "done"


def _integrity(db: Path) -> str:
    with sqlite3.connect(db) as conn:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]


# -- a full disk ------------------------------------------------------------------------------


def _fill(folder: Path) -> Path:
    filler = folder / "filler"
    with filler.open("wb") as out, pytest.raises(OSError) as full:
        while True:
            out.write(b"\0" * 65536)
            out.flush()
    assert full.value.errno == errno.ENOSPC
    return filler


@pytest.mark.slow
def test_a_full_disk_is_reported_and_the_session_goes_on(small_mount: Path) -> None:
    store = SessionStore(small_mount / "data")
    workers = fake_workers(
        transcribers=lambda: ScriptedTranscriber(sentence_script(STORY, seconds_each=0.5))
    )
    with serve_app(workers, store) as (url, _):
        with connect(url.replace("http", "ws", 1) + "/ws", max_size=None) as ws:
            ws.send(json.dumps({"type": "start", "sample_rate": 16000}))
            session_id = json.loads(ws.recv(timeout=10))["id"]
            messages: list[dict] = []

            def speak(seconds: float) -> None:
                for _ in range(round(seconds * 10)):
                    ws.send(SILENCE_100MS)
                    time.sleep(0.04)

            speak(1.6)
            while sum(m["type"] == "image" and m["final"] for m in messages) < 2:
                messages.append(json.loads(ws.recv(timeout=30)))
            saved = store.manifest(session_id)["sentences"]
            filler = _fill(small_mount)
            speak(3.0)
            ws.send(json.dumps({"type": "stop"}))
            while messages[-1]["type"] != "done":
                messages.append(json.loads(ws.recv(timeout=30)))
        # The server answers, and a new session on the full disk is told it is not saved.
        assert get_json(url + "/healthz")["status"] == "ok"
        on_full_disk = _first_messages(url)
        filler.unlink()
        fresh = _session_messages(url, [SILENCE_100MS] * 12, pace_s=0.04)
    errors = [m["message"] for m in messages if m["type"] == "error"]
    assert any("no longer being saved" in e and "full" in e for e in errors), errors
    assert len(errors) == len(set(errors)) <= 2  # told once, not once per event
    finals = [m["index"] for m in messages if m["type"] == "final"]
    pictured = [m["index"] for m in messages if m["type"] == "image" and m["final"]]
    assert finals == pictured == list(range(len(finals))) and len(finals) > len(saved) + 2
    assert on_full_disk[-1]["type"] == "error" and "full" in on_full_disk[-1]["message"]
    assert fresh[-1]["type"] == "done" and not [m for m in fresh if m["type"] == "error"]
    # Nothing saved before the disk filled was lost, and the index is whole.
    assert _integrity(store.db_path) == "ok"
    after = {s["index"]: s for s in store.manifest(session_id)["sentences"]}
    for sentence in saved:
        assert after[sentence["index"]]["text"] == sentence["text"]
        if sentence["image"]:
            assert store.image_path(session_id, sentence["index"]).is_file()
    assert store.get(fresh[0]["id"]).sentences == len([m for m in fresh if m["type"] == "final"])


def _first_messages(url: str) -> list[dict]:
    """What the server says to a new session that stops at once, up to "done" or an error."""
    with connect(url.replace("http", "ws", 1) + "/ws", max_size=None) as ws:
        ws.send(json.dumps({"type": "start", "sample_rate": 16000}))
        messages = [json.loads(ws.recv(timeout=10))]
        if messages[0]["type"] == "session":
            ws.send(json.dumps({"type": "stop"}))
            while messages[-1]["type"] not in ("done", "error"):
                messages.append(json.loads(ws.recv(timeout=10)))
    return messages


# -- clients that misbehave -------------------------------------------------------------------


def test_a_client_vanishing_mid_frame_leaves_a_saved_session(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    store = SessionStore(tmp_path / "data")
    with serve_app(fake_workers(), store, resume_grace_s=0.5) as (url, app):
        with RawClient(url) as client:
            client.send_json({"type": "start", "sample_rate": 16000})
            session_id = client.receive_json()["id"]
            for _ in range(10):
                client.send_audio(SILENCE_100MS)
            whole = RawClient.frame(SILENCE_100MS, opcode=2)
            client.sock.sendall(whole[: len(whole) // 2])  # half a frame, then a reset
            wait_for(lambda: _live(app)[0].audio_s > 0.99)  # the whole frames arrived
            client.vanish()
        # No reconnect within the grace period: the session finishes by itself and is saved.
        # The store marks the session ended from the recorder's thread, a moment before the
        # session's task returns: wait on both rather than assume an order.
        wait_for(lambda: store.manifest(session_id)["ended"] is not None)
        wait_for(lambda: _live(app)[0].task.done())
        other = _session_messages(url, [SILENCE_100MS] * 5, pace_s=0.05)
    assert other[-1]["type"] == "done"
    manifest = store.manifest(session_id)
    assert manifest["duration_s"] == pytest.approx(1.0)  # the ten whole frames, not the half
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]


@pytest.mark.slow  # fills a socket's buffers with thousands of messages: many seconds
def test_a_client_that_never_reads_has_its_session_stopped_and_saved(tmp_path: Path) -> None:
    # A recogniser that finishes a long sentence every 10 ms of audio: many messages that
    # may not be dropped (finals and their pictures), far more than a socket buffers.
    text = " ".join(f"word{n}" for n in range(200))
    cues = [Cue(n / 100, FinalTranscript(n, text, n / 100, n / 100)) for n in range(3000)]
    scripts = iter([cues])  # the first session's; the next ones hear nothing
    store = SessionStore(tmp_path / "data")
    workers = fake_workers(transcribers=lambda: ScriptedTranscriber(next(scripts, [])))
    with (
        serve_app(workers, store) as (url, app),
        RawClient(url, receive_buffer_bytes=4096) as client,
    ):
        client.send_json({"type": "start", "sample_rate": 16000})
        client.receive_json()
        live = _live(app)[0]
        sent_s = 0.0
        started = time.monotonic()
        while not live.overflowed:
            assert sent_s < 60, "the outbox never filled"
            time.sleep(max(0.0, started + sent_s / 3 - time.monotonic()))  # 3x real time
            try:
                client.send_audio(SILENCE_100MS)
            except OSError:
                break  # the server stopped reading this connection
            sent_s += 0.1
        wait_for(lambda: live.overflowed and live.task.done(), timeout_s=120)
        # The unread messages were given back; one notice waits in case the client reads.
        assert live.outbox.qsize() == 1
        notice = live.outbox.get_nowait().to_wire()
        assert notice["code"] == "not_reading" and "not reading" in notice["message"]
        # The server still serves everyone else while that connection hangs there.
        other = _session_messages(url, [SILENCE_100MS] * 5, pace_s=0.05)
        client.vanish()
    assert other[-1]["type"] == "done"
    manifest = store.manifest(live.id)
    assert manifest["ended"] is not None
    assert len(manifest["sentences"]) == len(live.session.summary.sentences) > 100
