"""``--asr assemblyai`` through the real command, against the fake v3 server on loopback."""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
from collections.abc import AsyncIterator
from pathlib import Path

import numpy as np
import pytest

pytest.importorskip("websockets")

from speech2image.asr.assemblyai import AssemblyAIOptions, AssemblyAITranscriber
from speech2image.cli.common import recognition_failure, run_until_recognition_fails
from speech2image.session import Session, SessionOptions, Workers
from speech2image.testing.fake_assemblyai import FakeAssemblyAI

# The CLI in subprocesses (each loads the models) against the fake service.
pytestmark = pytest.mark.slow


def write_wav(samples: np.ndarray, path: Path) -> Path:
    """16 kHz mono PCM16, sample for sample (the fake hears exact marker values)."""
    import wave

    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(16_000)
        out.writeframes(samples.astype("<i2").tobytes())
    return path


TRANSCRIPTS = ["A red fox jumps over the fence.", "Two ducks swim in the pond."]


def run_cli(*args: str | Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "speech2image", *map(str, args)],
        capture_output=True, text=True, timeout=120, env={**os.environ, **env},
    )  # fmt: skip


def test_transcribe_through_the_cloud_engine(tmp_path: Path) -> None:
    fake = FakeAssemblyAI(TRANSCRIPTS, api_key="test-key")
    with fake.serve_in_thread():
        wav = write_wav(np.concatenate([fake.utterance(0), fake.utterance(1)]), tmp_path / "a.wav")
        env = {"ASSEMBLYAI_API_KEY": "test-key", "ASSEMBLYAI_STREAMING_URL": fake.url}
        result = run_cli("transcribe", wav, "--asr", "assemblyai", "--json", env=env)
    assert result.returncode == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["text"] for r in rows] == TRANSCRIPTS
    assert rows[0]["end"] <= rows[1]["start"]
    assert "test-key" not in result.stdout + result.stderr


@pytest.mark.parametrize("command", ["transcribe", "run"])
def test_a_rejected_key_fails_with_one_clear_line(tmp_path: Path, command: str) -> None:
    fake = FakeAssemblyAI(TRANSCRIPTS, api_key="the-right-key")
    with fake.serve_in_thread():
        wav = write_wav(fake.utterance(0), tmp_path / "a.wav")
        env = {
            "ASSEMBLYAI_API_KEY": "a-wrong-key",
            "ASSEMBLYAI_STREAMING_URL": fake.url,
            "S2I_DATA_DIR": str(tmp_path / "data"),
        }
        extra = ["-o", str(tmp_path / "board")] if command == "run" else []
        result = run_cli(command, wav, "--asr", "assemblyai", *extra, env=env)
    assert result.returncode == 2, result.stderr
    if command == "transcribe":
        assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(f"speech2image {command}: speech recognition stopped")
    assert "rejected the API key" in lines[0] and "ASSEMBLYAI_API_KEY" in lines[0]
    assert "a-wrong-key" not in result.stdout + result.stderr


class EndlessSilence:
    """A source that, like a microphone, never ends by itself: 100 ms of silence at a time."""

    def __init__(self) -> None:
        self.chunks_read = 0

    async def chunks(self) -> AsyncIterator[np.ndarray]:
        while True:
            self.chunks_read += 1
            yield np.zeros(1600, dtype=np.float32)
            await asyncio.sleep(0.01)


def test_a_live_session_stops_when_the_key_is_rejected(monkeypatch: pytest.MonkeyPatch) -> None:
    fake = FakeAssemblyAI(TRANSCRIPTS, api_key="the-right-key")
    monkeypatch.setenv("ASSEMBLYAI_API_KEY", "a-wrong-key")
    with fake.serve_in_thread():
        monkeypatch.setenv("ASSEMBLYAI_STREAMING_URL", fake.url)
        workers = Workers(
            make_transcriber=lambda: AssemblyAITranscriber(options=AssemblyAIOptions.from_env()),
            builder=None,
            engine=None,
        )
        session = Session(workers, options=SessionOptions(pictures=False))
        source = EndlessSilence()
        try:
            summary = asyncio.run(run_until_recognition_fails(session, source))
        finally:
            workers.close()
    failure = recognition_failure(summary.errors)
    assert failure is not None and "rejected the API key" in str(failure)
    assert source.chunks_read > 0
