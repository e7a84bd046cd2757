"""Contact shadows: a soft dark ellipse under each thing that stands on something.

A grounded thing without a shadow looks pasted on; a blurred, semi-transparent ellipse
at its feet sets it on the ground (or the table top) it stands on. Flying things cast
none, nor does anything in a setting without ground (space, underwater, the sky). The
ellipse is blurred once and resized per size (memoised), so a shadow costs one paste.
"""

from __future__ import annotations

import functools

from PIL import Image, ImageDraw, ImageFilter

from speech2image.imaging.compose.ground import FLOATING_SETTINGS

SHADOW_ALPHA = 96
"""Opacity of the shadow's core, 0 to 255."""
WIDTH_FRACTION = 0.82
"""Shadow width over the width of the thing that casts it."""
HEIGHT_FRACTION = 0.16
"""Shadow height over its own width (a flat ellipse seen from the side)."""
_STEP_PX = 4
"""Shadow sizes are rounded to this step so that the memo stays small."""


def casts_shadows(setting: str | None) -> bool:
    """False in settings without a ground plane (things float there)."""
    return setting not in FLOATING_SETTINGS


@functools.lru_cache(maxsize=1)
def _unit_shadow() -> Image.Image:
    """One blurred ellipse, drawn and blurred once; every shadow is a resized copy (a
    blur per size cost milliseconds, a resize a tenth of one)."""
    width, height = 160, 26
    pad = height * 2 // 3
    image = Image.new("RGBA", (width + 2 * pad, height + 2 * pad), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.ellipse((pad, pad, pad + width, pad + height), fill=(0, 0, 0, SHADOW_ALPHA))
    return image.filter(ImageFilter.GaussianBlur(height / 3))


@functools.lru_cache(maxsize=256)
def shadow_image(width_px: int, height_px: int) -> Image.Image:
    """A blurred black ellipse of about ``width_px`` x ``height_px`` on a transparent
    canvas with room for the blur on every side (RGBA)."""
    unit = _unit_shadow()
    pad = max(1, round(height_px * 2 / 3))
    return unit.resize((width_px + 2 * pad, height_px + 2 * pad), Image.Resampling.BILINEAR)


def shadow_box(box: tuple[int, int, int, int]) -> tuple[int, int, int, int]:
    """Where the ellipse itself lies (before blurring) for a thing drawn in ``box``:
    centred under it, its middle on the box's bottom edge."""
    x0, _, x1, y1 = box
    w = max(_STEP_PX, round((x1 - x0) * WIDTH_FRACTION / _STEP_PX) * _STEP_PX)
    h = max(2, round(w * HEIGHT_FRACTION))
    cx = (x0 + x1) // 2
    return cx - w // 2, y1 - h // 2, cx - w // 2 + w, y1 - h // 2 + h


def draw_shadow(canvas: Image.Image, box: tuple[int, int, int, int]) -> None:
    """Paste the contact shadow of a thing drawn in ``box`` onto ``canvas`` (in place)."""
    sx0, sy0, sx1, sy1 = shadow_box(box)
    image = shadow_image(sx1 - sx0, sy1 - sy0)
    pad_x = (image.width - (sx1 - sx0)) // 2
    pad_y = (image.height - (sy1 - sy0)) // 2
    canvas.paste(image, (sx0 - pad_x, sy0 - pad_y), image)
