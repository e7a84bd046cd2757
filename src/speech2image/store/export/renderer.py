"""Draws an exported video's frames over a timeline: pan-and-zoom, crossfades, captions."""

from __future__ import annotations

import cv2
import numpy as np

from speech2image.store.export.frames import (
    CaptionLayer,
    Planes,
    caption_layer,
    draw_frame,
    i420_to_rgb,
    load_picture,
    make_canvas,
    new_frame,
)
from speech2image.store.export.timeline import Shot


class ShotRenderer:
    """Draws the frame at any time of a timeline, as packed I420; keeps the canvases of the
    shots around the current one."""

    def __init__(
        self, shots: list[Shot], *, width: int, height: int, crossfade_s: float = 0.5
    ) -> None:
        if width % 2 or height % 2:
            raise ValueError(f"width and height must be even, got {width}x{height}")
        self.shots = shots
        self.width, self.height = width, height
        self.half_fade_s = crossfade_s / 2
        self._canvases: dict[int, Planes] = {}
        self._captions: dict[int, CaptionLayer | None] = {}
        self._current = 0
        self._frame, self._planes = new_frame(width, height)
        self._other, self._other_planes = new_frame(width, height)

    def frame(self, t: float) -> np.ndarray:
        """The packed I420 frame at ``t`` seconds (a buffer reused by the next call); times
        must not go backwards by more than a shot."""
        while self._current + 1 < len(self.shots) and t >= self.shots[self._current].end_s:
            self._current += 1
        i = self._current
        shot = self.shots[i]
        self._draw(i, t, self._planes)
        if i + 1 < len(self.shots) and t > shot.end_s - self.half_fade_s:
            weight = (t - (shot.end_s - self.half_fade_s)) / (2 * self.half_fade_s)
            self._draw(i + 1, t, self._other_planes)
            cv2.addWeighted(self._frame, 1 - weight, self._other, weight, 0, dst=self._frame)
        elif i > 0 and t < shot.start_s + self.half_fade_s:
            weight = (t - (shot.start_s - self.half_fade_s)) / (2 * self.half_fade_s)
            self._draw(i - 1, t, self._other_planes)
            cv2.addWeighted(self._other, 1 - weight, self._frame, weight, 0, dst=self._frame)
        # The caption goes on after the blend: captions cut at the cut, as subtitles do,
        # rather than two half-transparent sentences overlapping through the crossfade.
        caption = self._caption(i)
        if caption is not None and shot.caption_start_s <= t < shot.caption_end_s:
            caption.apply(self._planes)
        return self._frame

    def still(self, i: int) -> np.ndarray:
        """Shot ``i`` half-way through its movement, with its caption, as RGB (for GIFs)."""
        draw_frame(self._canvas(i), 0.5, i, self._planes)
        caption = self._caption(i)
        if caption is not None:
            caption.apply(self._planes)
        return i420_to_rgb(self._frame)

    def _draw(self, i: int, t: float, out: Planes) -> None:
        shot = self.shots[i]
        span = shot.duration_s + 2 * self.half_fade_s
        draw_frame(self._canvas(i), (t - shot.start_s + self.half_fade_s) / span, i, out)

    def _canvas(self, i: int) -> Planes:
        if i not in self._canvases:
            for old in [k for k in self._canvases if k < i - 1]:
                del self._canvases[old]  # shots only move forward: keep three at most
            picture = load_picture(self.shots[i].picture)
            self._canvases[i] = make_canvas(picture, self.width, self.height)
        return self._canvases[i]

    def _caption(self, i: int) -> CaptionLayer | None:
        if i not in self._captions:
            self._captions[i] = caption_layer(self.shots[i].text, self.width, self.height)
        return self._captions[i]
