"""Resampling a stream of PCM chunks to 16 kHz mono, keeping filter state between chunks."""

from __future__ import annotations

from fractions import Fraction

import numpy as np

from speech2image.config import SAMPLE_RATE

MIN_SAMPLE_RATE = 8_000
MAX_SAMPLE_RATE = 96_000


def check_sample_rate(sample_rate: object) -> int:
    """Return ``sample_rate`` as an int, or raise ``ValueError`` saying what is allowed."""
    if isinstance(sample_rate, bool) or not isinstance(sample_rate, int):
        raise ValueError(f"sample_rate must be an integer number of Hz, got {sample_rate!r}")
    if not MIN_SAMPLE_RATE <= sample_rate <= MAX_SAMPLE_RATE:
        raise ValueError(
            f"sample_rate must be between {MIN_SAMPLE_RATE} and {MAX_SAMPLE_RATE} Hz, "
            f"got {sample_rate}"
        )
    return sample_rate


class StreamResampler:
    """FFmpeg's resampler (through PyAV) over consecutive chunks of one stream.

    Chunks are mono int16 or float samples at ``sample_rate``; the output is 16 kHz mono
    float32. At 16 kHz input it passes samples through untouched.
    """

    def __init__(self, sample_rate: int, *, channels: int = 1) -> None:
        self.sample_rate = check_sample_rate(sample_rate)
        if channels not in (1, 2):
            raise ValueError(f"channels must be 1 or 2, got {channels}")
        self.channels = channels
        self._pts = 0
        self._resampler = None
        if sample_rate != SAMPLE_RATE or channels != 1:
            import av

            self._resampler = av.AudioResampler(format="s16", layout="mono", rate=SAMPLE_RATE)

    def process(self, chunk: np.ndarray) -> np.ndarray:
        """Resample one chunk (int16, or float in [-1, 1]; interleaved when stereo)."""
        samples = np.asarray(chunk)
        if samples.dtype != np.int16:
            samples = (np.clip(samples.astype(np.float32), -1, 1) * 32767).astype(np.int16)
        if self._resampler is None:
            return samples.astype(np.float32) / 32768.0
        if samples.size == 0:
            return np.zeros(0, dtype=np.float32)
        return self._run(samples)

    def flush(self) -> np.ndarray:
        """The samples still inside the filter at the end of the stream."""
        if self._resampler is None:
            return np.zeros(0, dtype=np.float32)
        return self._collect(self._resampler.resample(None))

    def _run(self, samples: np.ndarray) -> np.ndarray:
        import av

        layout = "mono" if self.channels == 1 else "stereo"
        usable = samples.size - samples.size % self.channels
        frame = av.AudioFrame.from_ndarray(
            samples[:usable].reshape(1, -1), format="s16", layout=layout
        )
        frame.sample_rate = self.sample_rate
        frame.time_base = Fraction(1, self.sample_rate)
        frame.pts = self._pts
        self._pts += usable // self.channels
        assert self._resampler is not None
        return self._collect(self._resampler.resample(frame))

    @staticmethod
    def _collect(frames: list) -> np.ndarray:
        if not frames:
            return np.zeros(0, dtype=np.float32)
        pcm = np.concatenate([f.to_ndarray().reshape(-1) for f in frames])
        return pcm.astype(np.float32) / 32768.0
