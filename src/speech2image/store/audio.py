"""A session's audio, kept as it arrives: raw 16 kHz mono PCM16 appended to ``audio.pcm``.

Raw PCM has no header to finish, so every chunk written is a valid file up to that point:
a crash loses at most the chunk being written. Exports turn it into a WAV file or mux it into
a video.
"""

from __future__ import annotations

import logging
import wave
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import BinaryIO

import numpy as np

from speech2image.audio.sources import AudioSource
from speech2image.config import SAMPLE_RATE

logger = logging.getLogger(__name__)

AUDIO_NAME = "audio.pcm"
"""The raw recording's name inside a session's folder."""

BYTES_PER_SAMPLE = 2


def to_pcm16(samples: np.ndarray) -> bytes:
    """Float samples in -1..1 as little-endian signed 16-bit bytes."""
    flat = np.asarray(samples, dtype=np.float32).reshape(-1)
    return (np.clip(flat, -1.0, 1.0) * 32767.0).astype("<i2").tobytes()


class PcmAppender:
    """Appends chunks to a raw PCM file, unbuffered, so each chunk reaches the OS at once."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._file: BinaryIO | None = path.open("ab", buffering=0)
        self.samples = path.stat().st_size // BYTES_PER_SAMPLE

    def append(self, samples: np.ndarray) -> None:
        """Write ``samples`` (16 kHz mono float32); raises ``OSError`` when the disk refuses."""
        if self._file is None:
            raise ValueError(f"{self.path} is closed")
        data = to_pcm16(samples)
        self._file.write(data)
        self.samples += len(data) // BYTES_PER_SAMPLE

    @property
    def duration_s(self) -> float:
        return self.samples / SAMPLE_RATE

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None


def pcm_duration_s(path: Path) -> float:
    """Seconds of audio in a raw recording; 0 when there is none."""
    try:
        return path.stat().st_size // BYTES_PER_SAMPLE / SAMPLE_RATE
    except FileNotFoundError:
        return 0.0


def read_pcm(path: Path) -> np.ndarray:
    """The whole recording as int16 samples (a trailing odd byte from a crash is dropped)."""
    data = path.read_bytes()
    usable = len(data) - len(data) % BYTES_PER_SAMPLE
    return np.frombuffer(data[:usable], dtype="<i2")


def write_wav(pcm_path: Path, out: Path) -> Path:
    """Write the raw recording as a 16 kHz mono 16-bit WAV file."""
    samples = read_pcm(pcm_path)
    with wave.open(str(out), "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(BYTES_PER_SAMPLE)
        wav.setframerate(SAMPLE_RATE)
        wav.writeframes(samples.tobytes())
    return out


class RecordingSource:
    """Wraps an audio source and hands every chunk to ``record`` as the session hears it."""

    def __init__(self, source: AudioSource, record: Callable[[np.ndarray], None]) -> None:
        self.source = source
        self.record = record

    def __getattr__(self, name: str) -> object:
        # ``duration_s`` and the like of the wrapped source stay visible.
        return getattr(self.source, name)

    async def chunks(self) -> AsyncIterator[np.ndarray]:
        async for chunk in self.source.chunks():
            self.record(chunk)
            yield chunk
