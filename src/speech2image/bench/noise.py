"""Background noise for ``bench asr --snr``: coloured noise or babble, mixed at a chosen SNR.

The SNR is taken against the *active* speech level (the mean power of the 20 ms frames
within 40 dB of the loudest, a simplified ITU-T P.56), not the whole file's power, so the
pauses between sentences do not make a recording look quieter than its speech is.
"""

from __future__ import annotations

import numpy as np

from speech2image.config import SAMPLE_RATE

NOISES = ("pink", "brown", "babble")
"""Noise kinds ``--noise`` accepts."""
_FRAME = SAMPLE_RATE // 50
"""20 ms frames for the speech level."""


def active_power(audio: np.ndarray) -> float:
    """Mean power of the frames within 40 dB of the loudest frame (the speech, not the
    pauses); 0.0 for silence."""
    frames = len(audio) // _FRAME
    if frames == 0:
        return float(np.mean(np.square(audio, dtype=np.float64))) if len(audio) else 0.0
    power = np.mean(
        np.square(audio[: frames * _FRAME].reshape(frames, _FRAME), dtype=np.float64), axis=1
    )
    loudest = float(power.max())
    if loudest <= 0:
        return 0.0
    return float(power[power >= loudest * 1e-4].mean())


def coloured_noise(samples: int, exponent: float, *, seed: int = 0) -> np.ndarray:
    """Noise whose power falls as 1/f**exponent (1: pink, 2: brown), unit power, float32."""
    rng = np.random.default_rng(seed)
    spectrum = np.fft.rfft(rng.standard_normal(samples))
    frequencies = np.fft.rfftfreq(samples, d=1 / SAMPLE_RATE)
    frequencies[0] = frequencies[1] if samples > 1 else 1.0
    noise = np.fft.irfft(spectrum / frequencies ** (exponent / 2), n=samples)
    return (noise / (np.sqrt(np.mean(noise**2)) or 1.0)).astype(np.float32)


def babble(audio: np.ndarray, *, talkers: int = 6, seed: int = 0) -> np.ndarray:
    """Babble made from the recording itself: ``talkers`` copies, each reversed in time (the
    spectrum and rhythm of speech, but no words a recogniser could transcribe) and started
    at a different point, summed; unit power, float32."""
    if not len(audio):
        return audio.astype(np.float32)
    rng = np.random.default_rng(seed)
    reversed_audio = audio[::-1].astype(np.float64)
    noise = sum(np.roll(reversed_audio, int(rng.integers(len(audio)))) for _ in range(talkers))
    noise = np.asarray(noise, dtype=np.float64)
    return (noise / (np.sqrt(np.mean(noise**2)) or 1.0)).astype(np.float32)


def make_noise(kind: str, audio: np.ndarray, *, seed: int = 0) -> np.ndarray:
    """Unit-power noise of ``kind`` (one of :data:`NOISES`) as long as ``audio``."""
    if kind == "pink":
        return coloured_noise(len(audio), 1.0, seed=seed)
    if kind == "brown":
        return coloured_noise(len(audio), 2.0, seed=seed)
    if kind == "babble":
        return babble(audio, seed=seed)
    raise ValueError(f"noise={kind!r} is not known; choose one of {', '.join(NOISES)}")


def mix_at_snr(audio: np.ndarray, kind: str, snr_db: float, *, seed: int = 0) -> np.ndarray:
    """``audio`` with ``kind`` noise added at ``snr_db`` below its active speech level,
    everything scaled down together if the sum would clip."""
    noise = make_noise(kind, audio, seed=seed)
    gain = np.sqrt(active_power(audio) / 10 ** (snr_db / 10))
    mixed = audio.astype(np.float32) + gain * noise
    peak = float(np.abs(mixed).max()) if len(mixed) else 0.0
    return (mixed / peak * 0.99 if peak > 0.99 else mixed).astype(np.float32)
