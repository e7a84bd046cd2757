"""The image engine protocol and the picture it returns.

An engine implements one blocking method, :meth:`ImageEngine.draw`. The embedded default is
the clip-art composer (:mod:`speech2image.imaging.compose`); neural engines live in their own
modules and never import each other. Shared helpers live here.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol

from PIL import Image

from speech2image.scene import Scene


@dataclass(frozen=True, slots=True)
class Picture:
    """A drawn picture and the scene completed with how it was drawn (assets, boxes)."""

    image: Image.Image = field(repr=False)
    scene: Scene

    def to_png(self) -> bytes:
        """The picture encoded as PNG."""
        buffer = io.BytesIO()
        self.image.save(buffer, format="PNG", optimize=False, compress_level=3)
        return buffer.getvalue()


class DrawingCancelled(Exception):
    """Raised by an engine when ``should_stop`` said a newer request superseded this one."""


class ImageEngine(Protocol):
    """Draws a :class:`~speech2image.scene.Scene` (blocking; one call at a time)."""

    name: str

    def draw(
        self,
        scene: Scene,
        *,
        draft: bool = False,
        previous: Image.Image | None = None,
        seed: int = 0,
        should_stop: Callable[[], bool] | None = None,
    ) -> Picture:
        """Draw ``scene``.

        ``draft`` marks a picture of partial text, which may be cheaper; ``previous`` is the
        session's last picture, which an engine may evolve from for continuity; ``seed``
        makes the picture reproducible; ``should_stop`` is polled by engines that can stop
        part-way and raise :class:`DrawingCancelled`.
        """
        ...
