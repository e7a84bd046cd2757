"""Decode any audio file PyAV can read to 16 kHz mono float32.

wav, flac, ogg, mp3, m4a and webm at any sample rate and channel count all arrive here;
the resampling is FFmpeg's, through PyAV (which faster-whisper already brings).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from speech2image.config import SAMPLE_RATE


class AudioDecodeError(ValueError):
    """The file is missing, empty, truncated, not audio, or not a file."""


def decode_file(path: str | Path, *, sample_rate: int = SAMPLE_RATE) -> np.ndarray:
    """Decode ``path`` to mono float32 samples in [-1, 1] at ``sample_rate``.

    Raises :class:`AudioDecodeError` with a message a person can act on.
    """
    import av  # PyAV is heavy; import on use so `import speech2image` stays light

    path = Path(path)
    if not path.exists():
        raise AudioDecodeError(f"{path}: no such file")
    if path.is_dir():
        raise AudioDecodeError(f"{path}: is a folder; give an audio file")
    if path.stat().st_size == 0:
        raise AudioDecodeError(f"{path}: the file is empty")

    chunks: list[np.ndarray] = []
    declared_s = _declared_wav_seconds(path)
    try:
        with av.open(str(path), mode="r", metadata_errors="ignore") as container:
            if not container.streams.audio:
                raise AudioDecodeError(f"{path}: has no audio stream")
            stream = container.streams.audio[0]
            resampler = av.AudioResampler(format="s16", layout="mono", rate=sample_rate)
            for frame in container.decode(stream):
                for out in resampler.resample(frame):
                    chunks.append(out.to_ndarray().reshape(-1))
            for out in resampler.resample(None):
                chunks.append(out.to_ndarray().reshape(-1))
    except AudioDecodeError:
        raise
    except (av.error.FFmpegError, UnicodeDecodeError, ValueError, OSError) as e:
        raise AudioDecodeError(f"{path}: not a readable audio file ({e})") from e

    if not chunks:
        raise AudioDecodeError(f"{path}: contains no audio samples")
    samples = np.concatenate(chunks).astype(np.float32) / 32768.0
    decoded_s = len(samples) / sample_rate
    # A WAV file cut short keeps its header; FFmpeg then decodes the part that is there
    # without complaint. Results would silently lose the end, so say so instead.
    if declared_s is not None and declared_s > 1.0 and decoded_s < 0.9 * declared_s:
        raise AudioDecodeError(
            f"{path}: the file is truncated (its header says {declared_s:.1f} s, "
            f"only {decoded_s:.1f} s could be read)"
        )
    return samples


def _declared_wav_seconds(path: Path) -> float | None:
    """The length a WAV header declares, or ``None`` for other files and streamed WAVs."""
    import struct
    import wave

    try:
        with wave.open(str(path), "rb") as wav:
            frames, rate = wav.getnframes(), wav.getframerate()
    # ``wave`` raises a bare RuntimeError for a chunk whose size points past the end of the
    # file (found by tests/robustness/test_fuzz_decoder.py), struct.error for a cut header.
    except (wave.Error, EOFError, OSError, RuntimeError, struct.error):
        return None
    # Recorders that stream WAV write 0 or 0xFFFFFFFF as the size: the length is unknown.
    if rate <= 0 or frames <= 0 or frames * wav.getsampwidth() >= 0xFFFF_0000:
        return None
    return frames / rate
