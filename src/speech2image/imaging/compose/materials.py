"""Materials, patterns and finishes painted onto clip art, keeping its outline.

"A glass giraffe" must not look like any giraffe. :func:`surface` repaints the fill of a
sized sprite (every visible pixel that is not part of the dark outline) as a material
(:data:`~speech2image.scene.MATERIALS`), lays a pattern over it
(:data:`~speech2image.scene.PATTERNS`, clipped to the fill, in the thing's colour and a
contrasting one: "a red striped umbrella" is red and white) and gives it a finish
(:data:`~speech2image.scene.FINISHES`). The sprite's own lightness is kept as shading, so
the drawing still reads as the same thing. Finishes that reach beyond the thing are drawn
on the canvas: :func:`sparkles` around it, :func:`glow` as a soft halo behind it.

Everything is vectorised NumPy over the sprite (a few milliseconds at the sizes drawn);
:class:`~speech2image.imaging.compose.raster.AssetRasterizer` memoises the results.
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from PIL import Image, ImageDraw, ImageFilter

from speech2image.language.vocabulary import COLORS, SHADE_WORDS

Rgb = tuple[float, float, float]
OUTLINE_MAX = 0.22
"""A visible pixel whose brightest channel is below this is outline, never repainted."""
WHITE: Rgb = (0.97, 0.97, 0.95)
DARK: Rgb = (0.14, 0.13, 0.13)


def color_rgb(color: str) -> tuple[int, int, int] | None:
    """RGB of a colour phrase such as ``"light blue"``; ``None`` when it is not known."""
    words = color.lower().split()
    if not words or words[-1] not in COLORS:
        return None
    rgb = np.array(COLORS[words[-1]], dtype=np.float32)
    for word in words[:-1]:
        shade = SHADE_WORDS.get(word, 0.0)
        rgb = rgb + (255 - rgb) * shade if shade > 0 else rgb * (1 + shade)
    r, g, b = (int(v) for v in np.clip(rgb, 0, 255))
    return r, g, b


@dataclass(frozen=True, slots=True)
class _Sprite:
    """A sprite as float arrays: colour, alpha, the fill mask, shading and coordinates."""

    rgb: np.ndarray
    alpha: np.ndarray
    fill: np.ndarray
    shade: np.ndarray
    """Lightness relative to the fill's mean, about -0.5 to 0.5."""
    ys: np.ndarray
    """Row of each pixel over the height, 0 at the top to 1 at the bottom."""
    xs: np.ndarray
    period_px: float
    """Pattern period: about a sixth of the sprite's shorter side."""
    seed: int


def _split(sprite: Image.Image, seed: int) -> _Sprite:
    pixels = np.asarray(sprite.convert("RGBA"), dtype=np.float32) / 255.0
    rgb, alpha = pixels[..., :3].copy(), pixels[..., 3].copy()
    lightness = (rgb.max(axis=2) + rgb.min(axis=2)) * 0.5
    fill = (alpha > 0.05) & (rgb.max(axis=2) >= OUTLINE_MAX)
    mean = float(lightness[fill].mean()) if fill.any() else 0.5
    h, w = alpha.shape
    ys, xs = np.mgrid[0:h, 0:w].astype(np.float32)
    return _Sprite(
        rgb=rgb,
        alpha=alpha,
        fill=fill,
        shade=lightness - mean,
        ys=ys / max(1, h - 1),
        xs=xs / max(1, w - 1),
        period_px=max(6.0, min(h, w) / 6.0),
        seed=seed,
    )


def _noise(shape: tuple[int, int], cells: int, seed: int) -> np.ndarray:
    """Smooth value noise in -1..1: a ``cells``-wide random grid resized bilinearly."""
    h, w = shape
    grid = np.random.default_rng(seed).uniform(-1, 1, (cells + 1, cells + 1)).astype(np.float32)
    image = Image.fromarray(grid, "F").resize((max(1, w), max(1, h)), Image.Resampling.BILINEAR)
    return np.asarray(image, dtype=np.float32)


def _streak(s: _Sprite, at: float, width: float) -> np.ndarray:
    """A diagonal band of light (0..1) across the sprite, as on a polished surface."""
    d = s.xs * 0.7 + s.ys * 0.5
    return np.exp(-(((d - at) / width) ** 2))


def _tinted(base: Rgb, tint: Rgb | None, amount: float) -> np.ndarray:
    colour = np.array(base, np.float32)
    if tint is not None:
        colour = colour * (1 - amount) + np.array(tint, np.float32) * amount
    return colour


def _metal(s: _Sprite, tint: Rgb | None, *, base: Rgb, low: Rgb, shine: float) -> np.ndarray:
    top, bottom = _tinted(base, tint, 0.5), _tinted(low, tint, 0.5)
    t = np.clip(s.ys + s.shade * 0.6, 0, 1)[..., None]
    rgb = top * (1 - t) + bottom * t
    light = (_streak(s, 0.42, 0.06) + 0.6 * _streak(s, 0.72, 0.03))[..., None] * shine
    return rgb * (1 - light) + light


def _metal_grey(s: _Sprite, tint: Rgb | None) -> np.ndarray:
    return _metal(s, tint, base=(0.80, 0.83, 0.87), low=(0.38, 0.40, 0.45), shine=0.9)


def _silver(s: _Sprite, tint: Rgb | None) -> np.ndarray:
    return _metal(s, tint, base=(0.92, 0.93, 0.95), low=(0.55, 0.57, 0.60), shine=1.0)


def _gold(s: _Sprite, tint: Rgb | None) -> np.ndarray:
    return _metal(s, tint, base=(1.0, 0.86, 0.36), low=(0.70, 0.47, 0.08), shine=0.85)


def _stone(s: _Sprite, tint: Rgb | None) -> np.ndarray:
    shape = s.alpha.shape
    grain = _noise(shape, 7, s.seed) * 0.10 + _noise(shape, 29, s.seed + 1) * 0.07
    speck = np.random.default_rng(s.seed + 2).random(shape, dtype=np.float32)
    value = 1.0 + s.shade * 0.5 + grain - 0.22 * (speck > 0.94) + 0.12 * (speck < 0.04)
    return _tinted((0.60, 0.59, 0.56), tint, 0.35) * value[..., None]


def _wood(s: _Sprite, tint: Rgb | None) -> np.ndarray:
    shape = s.alpha.shape
    width_px = s.alpha.shape[1]
    warp = _noise(shape, 3, s.seed) * 1.6 + s.ys * 0.8
    rings = 0.5 + 0.5 * np.sin(2 * math.pi * (s.xs * width_px / (s.period_px * 0.8) + warp))
    line = rings**4
    light, dark = _tinted((0.72, 0.50, 0.28), tint, 0.3), _tinted((0.45, 0.27, 0.12), tint, 0.3)
    value = (1.0 + s.shade * 0.4 + _noise(shape, 40, s.seed + 1) * 0.04)[..., None]
    return (light * (1 - line[..., None]) + dark * line[..., None]) * value


def _upper_left(s: _Sprite) -> tuple[float, float]:
    """A point of the fill toward its upper left, where a lamp above catches a glossy
    surface (the fill pixel nearest to that corner of the fill's box, so that it lands on
    the thing whatever its shape)."""
    ys, xs = s.ys[s.fill], s.xs[s.fill]
    x0, x1, y0, y1 = xs.min(), xs.max(), ys.min(), ys.max()
    target_x, target_y = x0 + 0.3 * (x1 - x0), y0 + 0.25 * (y1 - y0)
    nearest = int(np.argmin((xs - target_x) ** 2 + (ys - target_y) ** 2))
    return float(xs[nearest]), float(ys[nearest])


_TOY_COLOURS: tuple[Rgb, ...] = ((0.9, 0.2, 0.2), (0.15, 0.45, 0.9), (0.98, 0.8, 0.1),
                                 (0.2, 0.7, 0.3))  # fmt: skip


def _plastic(s: _Sprite, tint: Rgb | None) -> np.ndarray:
    chroma = (s.rgb.max(axis=2) - s.rgb.min(axis=2))[s.fill]
    if tint is None and float(chroma.mean()) < 0.12:
        tint = _TOY_COLOURS[s.seed % len(_TOY_COLOURS)]  # grey plastic reads as no plastic
    if tint is None:
        grey = s.rgb.mean(axis=2, keepdims=True)
        rgb = np.clip(grey + (s.rgb - grey) * 1.8, 0, 1)  # saturated
    else:
        rgb = np.array(tint, np.float32) * np.clip(0.85 + s.shade * 0.5, 0, 1.2)[..., None]
    gx, gy = _upper_left(s)
    gloss = np.exp(-(((s.xs - gx) / 0.18) ** 2 + ((s.ys - gy) / 0.1) ** 2))[..., None]
    return rgb * (1 - 0.93 * gloss) + 0.93 * gloss


def _paper(s: _Sprite, tint: Rgb | None) -> np.ndarray:
    base = _tinted((0.96, 0.94, 0.87), tint, 0.35)
    fibre = _noise(s.alpha.shape, 50, s.seed) * 0.03
    height_px = s.alpha.shape[0]
    ruled = (np.mod(s.ys * height_px, s.period_px * 0.7) < 1.2)[..., None]
    rgb = base * (1 + s.shade * 0.15 + fibre)[..., None]
    return np.where(ruled, rgb * np.array((0.75, 0.82, 0.98), np.float32), rgb)


def _clear(
    s: _Sprite, tint: Rgb | None, base: Rgb, body_alpha: float
) -> tuple[np.ndarray, np.ndarray]:
    """Glass and ice: a pale tinted body one can see through, opaque rims, a white glint."""
    colour = np.array(tint if tint is not None else base, np.float32)
    rgb = colour * np.clip(0.95 + s.shade * 0.4, 0, 1.1)[..., None]
    mask = Image.fromarray((s.fill * 255).astype(np.uint8), "L")
    radius = max(1.0, s.period_px * 0.25)
    inner = np.asarray(mask.filter(ImageFilter.BoxBlur(radius)), np.float32) / 255.0
    rim = np.clip((1 - inner) * 2.2, 0, 1)
    alpha = body_alpha + (0.92 - body_alpha) * rim
    glint = np.clip(_streak(s, 0.38, 0.05) * 1.2 + 0.7 * _streak(s, 0.62, 0.02), 0, 1)
    rgb = rgb * (1 - glint[..., None]) + glint[..., None]
    return rgb, np.maximum(alpha, glint * 0.95)


MaterialPainter = Callable[[_Sprite, Rgb | None], np.ndarray]
_OPAQUE: dict[str, MaterialPainter] = {
    "metal": _metal_grey, "silver": _silver, "gold": _gold, "stone": _stone, "wood": _wood,
    "plastic": _plastic, "paper": _paper,
}  # fmt: skip
_CLEAR: dict[str, tuple[Rgb, float]] = {"glass": ((0.78, 0.92, 1.0), 0.38),
                                        "ice": ((0.84, 0.94, 1.0), 0.62)}  # fmt: skip


def _luminance(rgb: np.ndarray) -> np.ndarray:
    return rgb[..., 0] * 0.3 + rgb[..., 1] * 0.59 + rgb[..., 2] * 0.11


def _pattern_mask(s: _Sprite, pattern: str) -> np.ndarray:
    """Where the second colour of ``pattern`` goes (bool, same shape as the sprite)."""
    h, w = s.alpha.shape
    y_px, x_px = s.ys * (h - 1), s.xs * (w - 1)
    p = s.period_px
    if pattern == "striped":
        return np.mod(x_px, p) >= p / 2
    if pattern == "checkered":
        return (np.floor(x_px / p) + np.floor(y_px / p)) % 2 == 1
    cell = p * (1.25 if pattern == "spotted" else 1.0)
    row = np.floor(y_px / cell)
    shift = 0.5 * (row % 2) * cell  # offset rows, as polka dots are printed
    col = np.floor((x_px + shift) / cell)
    if pattern == "dotted":
        cx, cy, radius = (col + 0.5) * cell - shift, (row + 0.5) * cell, np.float32(0.24 * cell)
    else:  # spotted: irregular spots, one per cell
        rng = np.random.default_rng(s.seed + 5)
        jitter = rng.uniform(0.3, 0.7, (2, int(h / cell) + 2, int(w / cell) + 2)).astype(np.float32)
        size = rng.uniform(0.18, 0.3, jitter.shape[1:]).astype(np.float32)
        r_i, c_i = row.astype(int), np.clip(col.astype(int), 0, jitter.shape[2] - 1)
        cx = (col + jitter[0, r_i, c_i]) * cell - shift
        cy = (row + jitter[1, r_i, c_i]) * cell
        radius = size[r_i, c_i] * cell
    return (x_px - cx) ** 2 + ((y_px - cy) * 1.0) ** 2 <= radius**2


def _pattern(
    s: _Sprite, rgb: np.ndarray, pattern: str, tint: Rgb | None, painted: bool
) -> np.ndarray:
    """``rgb`` with ``pattern`` over it: the thing's colour and a contrasting one."""
    if tint is not None and not painted:
        rgb = np.array(tint, np.float32) * np.clip(0.9 + s.shade * 0.5, 0, 1.15)[..., None]
    mean = float(_luminance(rgb)[s.fill].mean()) if s.fill.any() else 0.5
    light_second = (pattern in ("striped", "checkered", "dotted") and mean < 0.72) or mean < 0.35
    shading = np.clip(1.0 + s.shade * 0.35, 0.6, 1.1)[..., None]
    second = np.array(WHITE if light_second else DARK, np.float32) * shading
    return np.where(_pattern_mask(s, pattern)[..., None], second, rgb)


def _shiny(s: _Sprite, rgb: np.ndarray) -> np.ndarray:
    rgb = np.clip(0.5 + (rgb - 0.5) * 1.15, 0, 1)
    light = np.clip(_streak(s, 0.35, 0.07) * 0.9 + _streak(s, 0.55, 0.025) * 0.6, 0, 1)[..., None]
    return rgb * (1 - light) + light


def surface(
    sprite: Image.Image,
    *,
    material: str | None = None,
    pattern: str | None = None,
    finish: str | None = None,
    color: str | None = None,
    seed: int = 0,
) -> Image.Image:
    """``sprite`` (RGBA) drawn in ``material`` with ``pattern`` and ``finish``, tinted
    ``color``; outline pixels and the silhouette stay. Unknown words are ignored, so a
    material on a thing that has none ("a glass cloud") still draws a glass cloud."""
    s = _split(sprite, seed)
    if not s.fill.any():
        return sprite
    known = color_rgb(color) if color else None
    tint: Rgb | None = None if known is None else (known[0] / 255, known[1] / 255, known[2] / 255)
    rgb, alpha = s.rgb, s.alpha
    if material in _OPAQUE:
        rgb = _OPAQUE[material](s, tint)
    elif material in _CLEAR:
        base, body = _CLEAR[material]
        rgb, clear_alpha = _clear(s, tint, base, body)
        alpha = np.where(s.fill, np.minimum(alpha, clear_alpha), alpha)
    if pattern is not None and pattern in ("striped", "spotted", "checkered", "dotted"):
        rgb = _pattern(s, rgb, pattern, tint, painted=material in _OPAQUE or material in _CLEAR)
    if finish in ("shiny", "glowing"):
        rgb = _shiny(s, rgb) if finish == "shiny" else np.clip(rgb * 1.12 + 0.05, 0, 1)
    out = np.where(s.fill[..., None], np.clip(rgb, 0, 1), s.rgb)
    result = np.dstack([out, alpha])
    return Image.fromarray((result * 255 + 0.5).astype(np.uint8), "RGBA")


def _star(cx: float, cy: float, r: float) -> list[tuple[float, float]]:
    """A four-pointed sparkle: long arms, a narrow waist."""
    waist = r * 0.22
    points = []
    for k in range(8):
        angle = k * math.pi / 4 - math.pi / 2
        radius = r if k % 2 == 0 else waist
        points.append((cx + radius * math.cos(angle), cy + radius * math.sin(angle)))
    return points


def sparkles(canvas: Image.Image, box: tuple[int, int, int, int], seed: int) -> None:
    """Draw glints around the thing in ``box`` (in place): "a sparkling crown"."""
    x0, y0, x1, y1 = box
    side = max(8, min(x1 - x0, y1 - y0))
    rng = random.Random(seed * 7919 + x0 * 31 + y0)
    layer = Image.new("RGBA", canvas.size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(layer)
    count = 7
    for k in range(count):
        angle = 2 * math.pi * (k + rng.uniform(-0.3, 0.3)) / count
        reach = rng.uniform(0.42, 0.58)
        cx = (x0 + x1) / 2 + math.cos(angle) * reach * (x1 - x0)
        cy = (y0 + y1) / 2 + math.sin(angle) * reach * (y1 - y0)
        r = side * rng.uniform(0.06, 0.11)
        draw.polygon(_star(cx, cy, r * 1.5), fill=(255, 236, 140, 110))
        draw.polygon(_star(cx, cy, r), fill=(255, 255, 240, 255))
    canvas.paste(layer, (0, 0), layer)


def glow(canvas: Image.Image, box: tuple[int, int, int, int], sprite: Image.Image,
         color: str | None = None) -> None:  # fmt: skip
    """Paint a soft halo of light behind ``sprite`` at ``box`` (in place): "a glowing
    lantern". Call before pasting the sprite."""
    x0, y0, _, _ = box
    pad = max(4, int(0.18 * max(sprite.size)))
    known = color_rgb(color) if color else None
    rgb = (255, 236, 150) if known is None else tuple(int(v * 0.5 + 127) for v in known)
    # Blur at a quarter of the size: the halo is soft anyway, and four times cheaper.
    small = (max(1, (sprite.width + 2 * pad) // 4), max(1, (sprite.height + 2 * pad) // 4))
    mask = Image.new("L", (sprite.width + 2 * pad, sprite.height + 2 * pad), 0)
    mask.paste(sprite.getchannel("A"), (pad, pad))
    halo = mask.resize(small, Image.Resampling.BILINEAR).filter(ImageFilter.GaussianBlur(pad / 6))
    halo = halo.resize(mask.size, Image.Resampling.BILINEAR).point(lambda a: min(255, a * 2) * 0.85)
    canvas.paste(Image.new("RGB", mask.size, rgb), (x0 - pad, y0 - pad), halo)
