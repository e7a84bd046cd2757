"""Frames of an exported video: each shot's canvas, its gentle pan-and-zoom, its caption.

Pictures are square and videos are 16:9, so each shot's canvas sets the picture on a
blurred, darkened copy of itself filling the frame. The canvas is drawn once per shot,
a little larger than the frame; each frame is a crop of it resized to the frame (a crop
and ``cv2.resize`` cost about 2 ms at 720p here, where ``cv2.warpAffine`` costs 9 ms), and
the crop drifts and zooms over the shot (the "Ken Burns" effect). Crops snap to even pixels:
at 720p that is a step of at most 1/640 of the frame, not visible as judder. Captions are drawn with
Pillow once per shot and blended onto each frame, so they stay still while the picture moves.
"""

from __future__ import annotations

import logging
import textwrap
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import cv2
import numpy as np
from PIL import Image, ImageDraw, ImageFont

logger = logging.getLogger(__name__)

FONT_PATHS = (
    Path("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"),
    Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
)
"""Debian's fonts-dejavu-core; Pillow's own default font is used where it is missing."""

OVERSCAN = 1.12
"""The canvas is this much larger than the frame, the room the pan and zoom move in."""
ZOOM = 0.1
"""How much a shot zooms over its length (0.1: from the whole canvas to 90 % of it)."""
BACKGROUND_RGB = (24, 26, 32)


@cache
def caption_font(size_px: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    """The caption font at ``size_px``."""
    for path in FONT_PATHS:
        if path.is_file():
            return ImageFont.truetype(str(path), size_px)
    logger.info("fonts-dejavu-core not found; captions use Pillow's default font")
    return ImageFont.load_default(size=size_px)


def load_picture(path: Path | None) -> Image.Image | None:
    """The picture as RGB, or ``None`` (logged) when the file is missing or unreadable."""
    if path is None:
        return None
    try:
        with Image.open(path) as image:
            return image.convert("RGB")
    except (OSError, ValueError) as e:
        logger.warning("picture %s cannot be read (%s); a placeholder is drawn", path, e)
        return None


@dataclass(frozen=True, slots=True)
class Planes:
    """An image in I420 (YUV 4:2:0, BT.601 limited range, as x264 takes it): a full-size
    luma plane and two half-size chroma planes. Frames are drawn in this form throughout:
    it is half the bytes of RGB, and it saves a colour conversion per frame."""

    y: np.ndarray
    u: np.ndarray
    v: np.ndarray

    @classmethod
    def from_rgb(cls, rgb: np.ndarray) -> Planes:
        """Convert an RGB image with even width and height."""
        height, width = rgb.shape[:2]
        i420 = cv2.cvtColor(np.ascontiguousarray(rgb), cv2.COLOR_RGB2YUV_I420)
        return cls.from_i420(i420, width, height)

    @classmethod
    def from_i420(cls, i420: np.ndarray, width: int, height: int) -> Planes:
        """Views of the planes of a packed I420 buffer of shape ``(height * 3 // 2, width)``."""
        flat = i420.reshape(-1)  # a view: the buffer is contiguous
        luma, chroma = width * height, (width // 2) * (height // 2)
        return cls(
            y=flat[:luma].reshape(height, width),
            u=flat[luma : luma + chroma].reshape(height // 2, width // 2),
            v=flat[luma + chroma : luma + 2 * chroma].reshape(height // 2, width // 2),
        )


def new_frame(width: int, height: int) -> tuple[np.ndarray, Planes]:
    """An empty packed I420 frame and views of its planes."""
    i420 = np.empty((height * 3 // 2, width), dtype=np.uint8)
    return i420, Planes.from_i420(i420, width, height)


def i420_to_rgb(i420: np.ndarray) -> np.ndarray:
    """A packed I420 frame as RGB."""
    return cv2.cvtColor(i420, cv2.COLOR_YUV2RGB_I420)


def make_canvas(picture: Image.Image | None, width: int, height: int) -> Planes:
    """The shot's canvas, ``OVERSCAN`` times the frame size."""
    canvas_w, canvas_h = _even(width * OVERSCAN), _even(height * OVERSCAN)
    if picture is None:
        return Planes.from_rgb(_placeholder(canvas_w, canvas_h))
    rgb = np.asarray(picture)
    # 1. Background: the picture scaled to cover the canvas, blurred small (cheap), darkened.
    small_w, small_h = max(1, canvas_w // 8), max(1, canvas_h // 8)
    cover = _cover(rgb, small_w, small_h)
    cover = cv2.GaussianBlur(cover, (0, 0), sigmaX=3)
    background = cv2.resize(cover, (canvas_w, canvas_h), interpolation=cv2.INTER_LINEAR)
    background = (background.astype(np.uint16) * 5 // 10).astype(np.uint8)
    # 2. The picture itself, as tall as the frame, centred.
    side = min(height, canvas_w)
    inset = cv2.resize(rgb, (side, side), interpolation=cv2.INTER_AREA)
    x0, y0 = (canvas_w - side) // 2, (canvas_h - side) // 2
    background[y0 : y0 + side, x0 : x0 + side] = inset
    return Planes.from_rgb(background)


def _even(value: float) -> int:
    return 2 * round(value / 2)


def _cover(rgb: np.ndarray, width: int, height: int) -> np.ndarray:
    h, w = rgb.shape[:2]
    scale = max(width / w, height / h)
    resized = cv2.resize(
        rgb,
        (max(width, round(w * scale)), max(height, round(h * scale))),
        interpolation=cv2.INTER_AREA,
    )
    y0 = (resized.shape[0] - height) // 2
    x0 = (resized.shape[1] - width) // 2
    return np.ascontiguousarray(resized[y0 : y0 + height, x0 : x0 + width])


def _placeholder(width: int, height: int) -> np.ndarray:
    image = Image.new("RGB", (width, height), BACKGROUND_RGB)
    draw = ImageDraw.Draw(image)
    font = caption_font(max(12, height // 18))
    draw.text((width / 2, height / 2), "no picture", font=font, fill=(120, 124, 134), anchor="mm")
    return np.asarray(image).copy()


def draw_frame(canvas: Planes, progress: float, index: int, out: Planes) -> None:
    """Draw into ``out`` the frame at ``progress`` (0 to 1) through shot ``index``: a crop
    of the canvas, resized. Even shots zoom in and odd ones out; the drift alternates."""
    t = min(1.0, max(0.0, progress))
    eased = t * t * (3 - 2 * t)  # smoothstep: starts and ends without a jolt
    canvas_h, canvas_w = canvas.y.shape
    height, width = out.y.shape
    zoom = eased if index % 2 == 0 else 1 - eased
    crop_w = min(canvas_w, _even(max(width / 2, canvas_w * (1 - ZOOM * zoom))))
    crop_h = min(canvas_h, _even(crop_w * height / width))
    drift = eased if (index // 2) % 2 == 0 else 1 - eased
    # Even offsets keep the half-size chroma planes aligned with the luma plane.
    x0 = _even((canvas_w - crop_w) * drift)
    y0 = _even((canvas_h - crop_h) * 0.5)
    cv2.resize(
        canvas.y[y0 : y0 + crop_h, x0 : x0 + crop_w],
        (width, height),
        dst=out.y,
        interpolation=cv2.INTER_LINEAR,
    )
    cx, cy, cw, ch = x0 // 2, y0 // 2, crop_w // 2, crop_h // 2
    for plane, target in ((canvas.u, out.u), (canvas.v, out.v)):
        cv2.resize(
            plane[cy : cy + ch, cx : cx + cw],
            (width // 2, height // 2),
            dst=target,
            interpolation=cv2.INTER_LINEAR,
        )


@dataclass(frozen=True, slots=True)
class CaptionLayer:
    """A caption pre-blended for fast overlay, per plane:
    ``plane = plane * (255 - alpha) / 255 + colour * alpha / 255`` over the caption's box."""

    top: int
    left: int
    inverse_alpha: tuple[np.ndarray, np.ndarray]
    """255 minus the opacity, uint16, at luma and at chroma resolution."""
    premultiplied: tuple[np.ndarray, np.ndarray, np.ndarray]
    """Y, U and V times opacity, uint16."""

    def apply(self, frame: Planes) -> None:
        """Draw the caption onto ``frame``, in place."""
        for n, plane in enumerate((frame.y, frame.u, frame.v)):
            scale = 1 if n == 0 else 2
            inverse = self.inverse_alpha[0 if n == 0 else 1]
            top, left = self.top // scale, self.left // scale
            rows, cols = inverse.shape
            region = plane[top : top + rows, left : left + cols]
            blended = (region * inverse + self.premultiplied[n]) // 255
            region[...] = blended


def caption_layer(text: str, width: int, height: int) -> CaptionLayer | None:
    """A caption box for ``text`` at the bottom of a ``width`` x ``height`` frame."""
    text = " ".join(text.split())
    if not text:
        return None
    size = max(12, height // 24)
    font = caption_font(size)
    lines = _wrap(text, font, width * 0.8)
    line_h = round(size * 1.3)
    pad = size // 2
    box_h = _even(line_h * len(lines) + 2 * pad)
    text_w = max(_text_width(font, line) for line in lines)
    box_w = min(_even(width), _even(text_w + 3 * pad))
    layer = Image.new("RGBA", (box_w, box_h), (0, 0, 0, 0))
    draw = ImageDraw.Draw(layer)
    draw.rounded_rectangle((0, 0, box_w - 1, box_h - 1), radius=pad, fill=(0, 0, 0, 165))
    for n, line in enumerate(lines):
        draw.text(
            (box_w / 2, pad + n * line_h + line_h / 2),
            line,
            font=font,
            fill=(255, 255, 255, 255),
            anchor="mm",
        )
    rgba = np.asarray(layer)
    colour = Planes.from_rgb(rgba[..., :3])
    alpha = rgba[..., 3].astype(np.uint16)
    alpha_half = cv2.resize(
        np.ascontiguousarray(rgba[..., 3]), (box_w // 2, box_h // 2), interpolation=cv2.INTER_AREA
    )
    alpha_half = alpha_half.astype(np.uint16)
    return CaptionLayer(
        top=_even(height - box_h - pad),
        left=_even((width - box_w) / 2),
        inverse_alpha=(255 - alpha, 255 - alpha_half),
        premultiplied=(
            colour.y.astype(np.uint16) * alpha,
            colour.u.astype(np.uint16) * alpha_half,
            colour.v.astype(np.uint16) * alpha_half,
        ),
    )


MAX_CAPTION_LINES = 3


def _wrap(text: str, font: ImageFont.FreeTypeFont | ImageFont.ImageFont, max_w: float) -> list[str]:
    # Start from a character estimate, then narrow until every line fits.
    average = max(1.0, _text_width(font, "abcdefghij klmnopqrs") / 20)
    chars = max(8, int(max_w / average))
    while True:
        lines = textwrap.wrap(text, chars) or [text]
        if all(_text_width(font, line) <= max_w for line in lines) or chars <= 8:
            break
        chars -= 2
    if len(lines) > MAX_CAPTION_LINES:
        lines = [
            *lines[: MAX_CAPTION_LINES - 1],
            textwrap.shorten(" ".join(lines[MAX_CAPTION_LINES - 1 :]), chars),
        ]
    return lines


def _text_width(font: ImageFont.FreeTypeFont | ImageFont.ImageFont, text: str) -> float:
    return float(font.getlength(text))
