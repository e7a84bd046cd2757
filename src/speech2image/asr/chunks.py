"""Checking the audio chunks every streaming engine is given."""

from __future__ import annotations

import numpy as np


def as_mono_float32(chunk: np.ndarray) -> np.ndarray:
    """Check one chunk of 16 kHz mono audio and return it as float32 in [-1, 1].

    int16 is scaled; float is clipped. Raises ``ValueError`` for other dtypes, more than one
    dimension, and NaN or infinite samples.
    """
    array = np.asarray(chunk)
    if array.ndim != 1:
        raise ValueError(f"audio chunk must be 1-D mono samples, got shape {array.shape}")
    if array.dtype == np.int16:
        return array.astype(np.float32) / 32768.0
    if array.dtype not in (np.float32, np.float64):
        raise ValueError(f"audio chunk dtype must be int16, float32 or float64, got {array.dtype}")
    if not np.isfinite(array).all():
        raise ValueError("audio chunk contains NaN or infinite samples")
    return np.clip(array, -1.0, 1.0).astype(np.float32, copy=False)
