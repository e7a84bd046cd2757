"""The animated GIF export: one held frame per shot with its caption, crossfaded cuts."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import cv2
import numpy as np
from PIL import Image

from speech2image.store.export.renderer import ShotRenderer
from speech2image.store.export.timeline import Shot

Progress = Callable[[float], None]

GIF_WIDTH_PX = 640
GIF_HEIGHT_PX = 360
GIF_FADE_FRAMES = 4
"""Frames of each crossfade in a GIF; the rest of a shot is one held frame, which keeps the
file small (GIF has no inter-frame compression to speak of, so no pan-and-zoom either)."""


def write_gif(
    shots: list[Shot],
    out: Path,
    *,
    crossfade_s: float = 0.5,
    attribution: str = "",
    progress: Progress | None = None,
) -> Path:
    """An animated GIF: one held frame per shot with its caption, crossfaded cuts; the
    clip art's ``attribution`` goes in the GIF's comment."""
    renderer = ShotRenderer(shots, width=GIF_WIDTH_PX, height=GIF_HEIGHT_PX)
    frames: list[Image.Image] = []
    durations_ms: list[int] = []
    fade_ms = round(crossfade_s * 1000 / GIF_FADE_FRAMES)
    previous: np.ndarray | None = None
    for i, shot in enumerate(shots):
        still = renderer.still(i)
        hold_ms = round(shot.duration_s * 1000)
        if previous is not None:
            for k in range(1, GIF_FADE_FRAMES + 1):
                weight = k / (GIF_FADE_FRAMES + 1)
                frames.append(_to_gif(cv2.addWeighted(previous, 1 - weight, still, weight, 0)))
                durations_ms.append(fade_ms)
            hold_ms -= fade_ms * GIF_FADE_FRAMES
        frames.append(_to_gif(still))
        durations_ms.append(max(fade_ms, hold_ms))
        previous = still
        if progress is not None:
            progress(0.9 * (i + 1) / len(shots))
    frames[0].save(
        out,
        format="GIF",
        save_all=True,
        append_images=frames[1:],
        duration=durations_ms,
        loop=0,
        disposal=1,
        comment=attribution.encode("utf-8"),
    )
    if progress is not None:
        progress(1.0)
    return out


def _to_gif(rgb: np.ndarray) -> Image.Image:
    return Image.fromarray(rgb).quantize(colors=255, method=Image.Quantize.FASTOCTREE)
