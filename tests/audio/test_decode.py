from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from speech2image.audio.decode import AudioDecodeError, decode_file
from tests.conftest import encode_audio


@pytest.fixture(scope="module")
def speech(three_sentences: Path) -> np.ndarray:
    return decode_file(three_sentences)


def test_flac_decodes_to_16k_mono_float(speech: np.ndarray) -> None:
    assert speech.dtype == np.float32
    assert speech.ndim == 1
    assert 8.7 < len(speech) / 16_000 < 9.7
    assert 0.05 < np.abs(speech).max() <= 1.0


@pytest.mark.parametrize("suffix", [".wav", ".flac", ".ogg", ".mp3", ".m4a", ".webm"])
@pytest.mark.parametrize(("rate", "channels"), [(8_000, 1), (44_100, 2), (48_000, 2)])
def test_every_container_rate_and_layout(
    speech: np.ndarray, tmp_path: Path, suffix: str, rate: int, channels: int
) -> None:
    if suffix in (".ogg", ".webm") and rate == 44_100:
        rate = 24_000  # Opus takes 8, 12, 16, 24 or 48 kHz only
    path = encode_audio(speech, tmp_path / f"speech{suffix}", sample_rate=rate, channels=channels)
    decoded = decode_file(path)
    assert abs(len(decoded) / 16_000 - len(speech) / 16_000) < 0.2
    # The signal survived the round trip. (Encoding mono as stereo pans it 3 dB down, so
    # the check is on the order of loudness, not its exact value.)
    ratio = np.sqrt(np.mean(decoded**2)) / np.sqrt(np.mean(speech**2))
    assert 0.6 < ratio < 1.4


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(AudioDecodeError, match="no such file"):
        decode_file(tmp_path / "nope.wav")


def test_folder(tmp_path: Path) -> None:
    with pytest.raises(AudioDecodeError, match="is a folder"):
        decode_file(tmp_path)


def test_empty_file(tmp_path: Path) -> None:
    (tmp_path / "empty.wav").write_bytes(b"")
    with pytest.raises(AudioDecodeError, match="empty"):
        decode_file(tmp_path / "empty.wav")


def test_not_audio(tmp_path: Path) -> None:
    (tmp_path / "notes.mp3").write_text("these are my notes, not a recording\n" * 20)
    with pytest.raises(AudioDecodeError, match="not a readable audio file"):
        decode_file(tmp_path / "notes.mp3")


def test_truncated_wav(speech: np.ndarray, tmp_path: Path) -> None:
    whole = encode_audio(speech, tmp_path / "whole.wav").read_bytes()
    cut = tmp_path / "cut.wav"
    cut.write_bytes(whole[: len(whole) // 3])
    with pytest.raises(AudioDecodeError, match="truncated"):
        decode_file(cut)


def test_header_only(speech: np.ndarray, tmp_path: Path) -> None:
    whole = encode_audio(speech, tmp_path / "whole.wav").read_bytes()
    cut = tmp_path / "header.wav"
    cut.write_bytes(whole[:44])
    with pytest.raises(AudioDecodeError):
        decode_file(cut)
