"""Clip art as pixels: render an asset once, crop it, recolour it keeping its outlines.

SVGs are rendered with resvg (``resvg-py``) and PNG stamps read with Pillow, each once per
process at :data:`BASE_PX`, cropped to its visible pixels; sized, recoloured, mirrored and
surfaced copies (a material, a pattern, a finish: :mod:`.materials`) are memoised because a
session draws the same things again and again.
"""

from __future__ import annotations

import colorsys
import io
import logging
import threading
import zlib
from collections import OrderedDict

import numpy as np
from PIL import Image

from speech2image.imaging.compose.assets import AssetEntry
from speech2image.imaging.compose.materials import color_rgb, surface

logger = logging.getLogger(__name__)

BASE_PX = 320
"""Side of the square each asset is first rendered at; larger than any drawn instance at
512 px so that downscaling, never upscaling, sizes it."""
_CACHE_ITEMS = 512


def recolor(image: Image.Image, color: str) -> Image.Image:
    """``image`` painted ``color``: fills take the colour with their own shading; black
    outlines and white highlights stay, so a blue cat still reads as a cat."""
    target = color_rgb(color)
    if target is None:
        return image
    pixels = np.asarray(image.convert("RGBA"), dtype=np.float32) / 255.0
    rgb, alpha = pixels[..., :3], pixels[..., 3]
    lightness = rgb.max(axis=2) * 0.5 + rgb.min(axis=2) * 0.5
    saturation = rgb.max(axis=2) - rgb.min(axis=2)
    outline = rgb.max(axis=2) < 0.22
    highlight = (lightness > 0.9) & (saturation < 0.08)
    fill = (alpha > 0.05) & ~outline & ~highlight
    if not fill.any():
        return image
    mean = float(lightness[fill].mean())
    h, lt, s = colorsys.rgb_to_hls(*(v / 255.0 for v in target))
    # Keep each fill's shading relative to the mean, around the target's lightness.
    new_l = np.clip(lt + (lightness - mean) * 0.6, 0.04, 0.97)
    c = (1 - np.abs(2 * new_l - 1)) * s
    hp = h * 6.0
    x = c * (1 - abs(hp % 2 - 1))
    sector = int(hp) % 6
    order = [(c, x, 0 * c), (x, c, 0 * c), (0 * c, c, x), (0 * c, x, c), (x, 0 * c, c),
             (c, 0 * c, x)][sector]  # fmt: skip
    m = new_l - c / 2
    painted = np.stack([order[0] + m, order[1] + m, order[2] + m], axis=2)
    out = np.where(fill[..., None], painted, rgb)
    result = np.dstack([out, alpha])
    return Image.fromarray((np.clip(result, 0, 1) * 255).astype(np.uint8), "RGBA")


def _render(entry: AssetEntry) -> Image.Image:
    """The asset at :data:`BASE_PX`, RGBA, cropped to its visible pixels."""
    if entry.svg is not None or entry.path.suffix.lower() == ".svg":
        import resvg_py

        svg = entry.svg or entry.path.read_text(encoding="utf-8", errors="replace")
        png = resvg_py.svg_to_bytes(svg_string=svg, width=BASE_PX, height=BASE_PX)
        image = Image.open(io.BytesIO(bytes(png))).convert("RGBA")
    else:
        with Image.open(entry.path) as source:
            image = source.convert("RGBA")
        image.thumbnail((BASE_PX, BASE_PX), Image.Resampling.LANCZOS)
    box = image.getchannel("A").point(lambda a: 255 if a > 8 else 0).getbbox()
    return image.crop(box) if box else image


class AssetRasterizer:
    """Memoised rendering of assets (thread-safe)."""

    def __init__(self) -> None:
        self._base: dict[str, Image.Image] = {}
        self._sized: OrderedDict[tuple[object, ...], Image.Image] = OrderedDict()
        self._lock = threading.Lock()

    def base(self, entry: AssetEntry) -> Image.Image:
        """The cropped full-resolution rendering of ``entry``."""
        with self._lock:
            image = self._base.get(entry.key)
        if image is None:
            try:
                image = _render(entry)
            except (OSError, ValueError) as e:
                logger.warning("cannot render %s (%s): %s", entry.key, entry.path, e)
                image = Image.new("RGBA", (8, 8), (0, 0, 0, 0))
            with self._lock:
                self._base[entry.key] = image
        return image

    def renders(self, entry: AssetEntry) -> bool:
        """True when ``entry`` renders to visible pixels."""
        return self.base(entry).width > 8

    def aspect(self, entry: AssetEntry) -> float:
        """Width over height of the visible part of ``entry``."""
        image = self.base(entry)
        return image.width / max(1, image.height)

    def sized(
        self,
        entry: AssetEntry,
        *,
        width: int,
        height: int,
        color: str | None,
        mirror: bool,
        material: str | None = None,
        pattern: str | None = None,
        finish: str | None = None,
    ) -> Image.Image:
        """``entry`` at ``width`` x ``height`` pixels, recoloured, mirrored and given a
        material, pattern and finish as asked (see :func:`.materials.surface`)."""
        key = (entry.key, color, width, height, mirror, material, pattern, finish)
        with self._lock:
            image = self._sized.get(key)
            if image is not None:
                self._sized.move_to_end(key)
                return image
        image = self.base(entry).resize((max(1, width), max(1, height)), Image.Resampling.BILINEAR)
        painted = material is not None or pattern is not None
        if color and not painted:
            image = recolor(image, color)
        if painted or finish is not None:
            # The asset's own seed: the same glass dog looks the same in every picture.
            seed = zlib.crc32(entry.key.encode("utf-8"))
            image = surface(image, material=material, pattern=pattern, finish=finish,
                            color=color if painted else None, seed=seed)  # fmt: skip
        if mirror:
            image = image.transpose(Image.Transpose.FLIP_LEFT_RIGHT)
        with self._lock:
            self._sized[key] = image
            while len(self._sized) > _CACHE_ITEMS:
                self._sized.popitem(last=False)
        return image
