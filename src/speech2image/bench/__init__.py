"""Benchmarks: commands that print figures (``speech2image bench ...``)."""

from __future__ import annotations

import numpy as np


def percentile(values: list[float], q: float) -> float | None:
    """The ``q``-th percentile rounded to milliseconds, or ``None`` without values."""
    return round(float(np.percentile(values, q)), 3) if values else None
