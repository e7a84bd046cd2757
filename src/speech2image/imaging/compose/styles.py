"""Style presets: post-filters over the composed picture (Pillow, NumPy, OpenCV).

Each filter keeps the picture's size and keeps every drawn thing where it was, so the
scene's bounding boxes stay true in every style. Filters are chosen to stay within a few
milliseconds at 512 px on one core.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from PIL import Image, ImageFilter, ImageOps


def _flat(image: Image.Image, seed: int) -> Image.Image:
    return image


def _cv2() -> object:
    try:
        import cv2
    except ImportError as e:
        raise RuntimeError(
            "opencv is needed for this style: pip install opencv-python-headless"
        ) from e
    return cv2


def _watercolor(image: Image.Image, seed: int) -> Image.Image:
    cv2 = _cv2()
    pixels = np.asarray(image)
    soft = cv2.bilateralFilter(pixels, 7, 60, 7)  # type: ignore[attr-defined]
    soft = cv2.GaussianBlur(soft, (0, 0), 1.2)  # type: ignore[attr-defined]
    rng = np.random.default_rng(seed)
    paper = rng.normal(0, 1, (image.height // 8 + 1, image.width // 8 + 1)).astype(np.float32)
    paper = cv2.resize(paper, (image.width, image.height))  # type: ignore[attr-defined]
    washed = soft.astype(np.float32) * 0.85 + 255 * 0.15 + paper[..., None] * 6
    return Image.fromarray(np.clip(washed, 0, 255).astype(np.uint8), "RGB")


def _edges(image: Image.Image) -> np.ndarray:
    cv2 = _cv2()
    gray = cv2.cvtColor(np.asarray(image), cv2.COLOR_RGB2GRAY)  # type: ignore[attr-defined]
    return cv2.Canny(gray, 60, 140)  # type: ignore[attr-defined]


def _sketch(image: Image.Image, seed: int) -> Image.Image:
    cv2 = _cv2()
    gray = cv2.cvtColor(np.asarray(image), cv2.COLOR_RGB2GRAY)  # type: ignore[attr-defined]
    blur = cv2.GaussianBlur(255 - gray, (0, 0), 6)  # type: ignore[attr-defined]
    dodge = cv2.divide(gray, 255 - blur, scale=256)  # type: ignore[attr-defined]
    pencil = np.minimum(dodge, 255 - _edges(image) // 2).astype(np.uint8)
    return Image.fromarray(pencil, "L").convert("RGB")


def _crayon(image: Image.Image, seed: int) -> Image.Image:
    rng = np.random.default_rng(seed)
    pixels = np.asarray(ImageOps.posterize(image, 4), dtype=np.float32)
    grain = rng.random(pixels.shape[:2], dtype=np.float32)
    # Wax catches the paper's tooth: some light specks show through the strokes.
    pixels = np.where((grain > 0.82)[..., None], pixels * 0.6 + 255 * 0.4, pixels)
    edges = _edges(image)
    pixels[edges > 0] *= 0.4
    return Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8), "RGB")


def _pixel_art(image: Image.Image, seed: int) -> Image.Image:
    small = image.resize((64, 64), Image.Resampling.BILINEAR)
    small = small.quantize(colors=24, method=Image.Quantize.MEDIANCUT).convert("RGB")
    return small.resize(image.size, Image.Resampling.NEAREST)


def _poster(image: Image.Image, seed: int) -> Image.Image:
    poster = np.asarray(ImageOps.posterize(ImageOps.autocontrast(image), 3)).copy()
    poster[_edges(image) > 0] = 20
    return Image.fromarray(poster, "RGB")


def _comic(image: Image.Image, seed: int) -> Image.Image:
    cv2 = _cv2()
    pixels = np.asarray(image).copy()
    thick = cv2.dilate(_edges(image), np.ones((2, 2), np.uint8))  # type: ignore[attr-defined]
    hsv = cv2.cvtColor(pixels, cv2.COLOR_RGB2HSV)  # type: ignore[attr-defined]
    hsv[..., 1] = np.clip(hsv[..., 1].astype(np.int16) * 13 // 10, 0, 255).astype(np.uint8)
    pixels = cv2.cvtColor(hsv, cv2.COLOR_HSV2RGB)  # type: ignore[attr-defined]
    pixels[thick > 0] = 10
    return Image.fromarray(pixels, "RGB")


def _sepia(image: Image.Image, seed: int) -> Image.Image:
    gray = np.asarray(image.convert("L"), dtype=np.float32)
    tone = np.stack([gray * 1.07 + 20, gray * 0.9 + 12, gray * 0.7], axis=2)
    return Image.fromarray(np.clip(tone, 0, 255).astype(np.uint8), "RGB")


def _soft(image: Image.Image, seed: int) -> Image.Image:
    return Image.blend(image, image.filter(ImageFilter.GaussianBlur(2.5)), 0.45)


STYLES: dict[str, Callable[[Image.Image, int], Image.Image]] = {
    "flat": _flat,
    "watercolor": _watercolor,
    "sketch": _sketch,
    "crayon": _crayon,
    "pixel": _pixel_art,
    "poster": _poster,
    "comic": _comic,
    "sepia": _sepia,
    "soft": _soft,
}
"""Style name to filter; ``flat`` draws the clip art as it is."""


def apply_style(image: Image.Image, style: str, seed: int = 0) -> Image.Image:
    """``image`` in ``style``; raises ``ValueError`` naming the styles for an unknown one."""
    name = style.replace("-", " ").replace("_", " ").strip().lower()
    name = {"pixel art": "pixel", "pixelart": "pixel", "water colour": "watercolor",
            "watercolour": "watercolor", "cartoon": "comic"}.get(name, name)  # fmt: skip
    if name not in STYLES:
        raise ValueError(f"style={style!r} is not known; choose one of {', '.join(STYLES)}")
    return STYLES[name](image.convert("RGB"), seed)
