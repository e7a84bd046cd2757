"""``--asr assemblyai`` through the real command, against the fake v3 server on loopback."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

pytest.importorskip("websockets")

from speech2image.asr.fake_assemblyai import FakeAssemblyAI


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


def test_a_rejected_key_is_one_clear_warning(tmp_path: Path) -> None:
    fake = FakeAssemblyAI(TRANSCRIPTS, api_key="the-right-key")
    with fake.serve_in_thread():
        wav = write_wav(fake.utterance(0), tmp_path / "a.wav")
        env = {"ASSEMBLYAI_API_KEY": "a-wrong-key", "ASSEMBLYAI_STREAMING_URL": fake.url}
        result = run_cli("transcribe", wav, "--asr", "assemblyai", env=env)
    assert result.returncode == 0
    assert result.stdout == ""
    assert "API key" in result.stderr and "Traceback" not in result.stderr
    assert "a-wrong-key" not in result.stderr
