"""The recorder keeps audio in memory and writes it in blocks, with a real SQLite store."""

from __future__ import annotations

import asyncio
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from speech2image.audio.sources import ArraySource
from speech2image.events import FinalTranscript, SessionEnded
from speech2image.session import Session, SessionOptions, Workers
from speech2image.store import SessionStore
from speech2image.store.audio import AUDIO_NAME, pcm_duration_s, read_pcm
from speech2image.store.recorder import SessionRecorder
from speech2image.testing import (
    ScriptedTranscriber,
    SolidColorEngine,
    WordSceneBuilder,
    sentence_script,
)

FRAME = 1600  # 100 ms, what the page sends


def frame(k: int) -> np.ndarray:
    """Frame ``k``: a constant level that says which frame it was."""
    return np.full(FRAME, (k % 100 + 1) / 200, dtype=np.float32)


def test_frames_reach_the_file_in_blocks_and_all_at_close(tmp_path: Path) -> None:
    store = SessionStore(tmp_path / "data")
    recorder = store.create(session_id="blocks", title="Blocks")
    pcm = recorder.folder / AUDIO_NAME
    for k in range(9):
        recorder.append_audio(frame(k))
    assert pcm_duration_s(pcm) == 0.0  # 0.9 s: still in memory
    recorder.append_audio(frame(9))
    assert pcm_duration_s(pcm) == 1.0  # one block of 1 s, written at once
    for k in range(10, 13):
        recorder.append_audio(frame(k))
    assert pcm_duration_s(pcm) == 1.0
    recorder(FinalTranscript(0, "A red ball.", 0.0, 1.2))
    recorder(SessionEnded("blocks", 1))
    assert pcm_duration_s(pcm) == pytest.approx(1.3)
    expected = (np.concatenate([frame(k) for k in range(13)]) * 32767).astype("<i2")
    assert np.array_equal(read_pcm(pcm), expected)
    assert store.manifest("blocks")["duration_s"] == pytest.approx(1.3)
    recorder.append_audio(frame(13))  # after close: ignored, nothing reopens the file
    recorder.close()
    assert pcm_duration_s(pcm) == pytest.approx(1.3)


CRASHING_WRITER = """
import os, sys
import numpy as np
from speech2image.events import FinalTranscript
from speech2image.store import SessionStore
recorder = SessionStore(sys.argv[1]).create(session_id="crash", title="Crash")
for k in range(25):
    recorder.append_audio(np.full(1600, (k + 1) / 200, dtype=np.float32))
recorder(FinalTranscript(0, "A red ball.", 0.0, 2.4))
os._exit(9)  # dies without closing anything
"""


def test_a_crash_loses_only_the_block_in_memory(tmp_path: Path) -> None:
    data = tmp_path / "data"
    result = subprocess.run(
        [sys.executable, "-c", CRASHING_WRITER, str(data)], capture_output=True, timeout=60
    )
    assert result.returncode == 9, result.stderr
    manifest = SessionStore(data).manifest("crash")
    assert manifest["duration_s"] == 2.0  # two whole blocks; the last 0.5 s was in memory
    assert manifest["ended"] is None
    assert [s["text"] for s in manifest["sentences"]] == ["A red ball."]


def test_the_block_length_is_checked(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="audio_block_s"):
        SessionRecorder(session_id="x", db_path=tmp_path / "db", folder=tmp_path, audio_block_s=0.0)


def test_a_whole_session_is_recorded_through_the_worker_thread(tmp_path: Path) -> None:
    sentences = ["A red car waits.", "The cat sleeps on the sofa."]
    workers = Workers(
        make_transcriber=lambda: ScriptedTranscriber(sentence_script(sentences)),
        builder=WordSceneBuilder(),
        engine=SolidColorEngine(size_px=64),
    )
    store = SessionStore(tmp_path / "data")

    async def main() -> None:
        session = Session(workers, options=SessionOptions(drafts=False), session_id="whole")
        session.subscribe(store.create(session_id="whole", title="Whole"))
        await session.run(ArraySource(np.zeros(5 * 16_000, dtype=np.float32)))

    try:
        asyncio.run(main())
    finally:
        workers.close()
    manifest = store.manifest("whole")
    assert [s["text"] for s in manifest["sentences"]] == sentences
    assert all(s["image"] for s in manifest["sentences"])
    assert manifest["ended"] is not None
