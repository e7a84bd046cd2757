"""The pieces backdrops are built from: a drawing context and layered shapes.

A backdrop is painted onto a transparent layer over the sky, far things first: hills,
mountain ranges, skylines and tree lines drawn as NumPy/Pillow shapes, and small clip art
from the current pack (trees, a palm, houses, a castle...) fetched through the composer's
``sprite(name, height_px)`` callable and faded toward the haze colour the farther it is,
as distance fades colours in a landscape painting.
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import numpy as np
from PIL import Image, ImageDraw

from speech2image.imaging.compose.matching import AssetMatch
from speech2image.imaging.compose.raster import AssetRasterizer

Color = tuple[int, int, int]
SpriteSource = Callable[[str, int], "Image.Image | None"]
"""``sprite(asset_name, height_px)``: an RGBA drawing of the named asset, or ``None``."""


@dataclass(frozen=True, slots=True)
class Stage:
    """What a backdrop recipe paints on, and with."""

    layer: Image.Image
    """RGBA, transparent where the sky shows through."""
    draw: ImageDraw.ImageDraw
    size: int
    horizon: int
    rng: random.Random
    sprite: SpriteSource | None
    sky: tuple[Color, Color]
    """The sky's top and bottom colours, for windows and haze."""
    time: str
    season: str | None
    weather: str | None = None
    """Falling snow lays snow on the grass."""
    avoid: frozenset[str] = frozenset()
    """Asset names the sentence's own things are drawn with: a landmark of the backdrop
    that is one of them (the sea's boat when the sentence has a boat) is left out, so
    that the picture shows as many as were said."""
    landmarks: set[str] = field(default_factory=set)
    """Filled while painting: every landmark name the recipe asked for, so that a finished
    backdrop can be reused for any sentence that avoids none of them."""

    @property
    def haze(self) -> Color:
        """The colour far things fade toward: the sky near the horizon."""
        return self.sky[1]

    def at(self, fraction: float) -> float:
        """``fraction`` of the picture's side, in pixels."""
        return fraction * self.size


def glaze(stage: Stage) -> Image.Image:
    """A clear sheet the size of the layer. ImageDraw replaces pixels (alpha included), so
    translucent shapes (light beams, glass, mist) are drawn on a sheet that is then
    blended over the layer with ``stage.layer.alpha_composite(sheet)``."""
    return Image.new("RGBA", stage.layer.size, (0, 0, 0, 0))


def mix(a: Color, b: Color, t: float) -> Color:
    """``a`` moved ``t`` of the way toward ``b``."""
    return (round(a[0] + (b[0] - a[0]) * t), round(a[1] + (b[1] - a[1]) * t),
            round(a[2] + (b[2] - a[2]) * t))  # fmt: skip


def gradient(width: int, height: int, top: Color, bottom: Color) -> Image.Image:
    """A vertical RGB gradient (one column computed, then stretched: a tenth of the cost)."""
    t = np.linspace(0.0, 1.0, max(1, height), dtype=np.float32)[:, None, None]
    column = np.array(top, np.float32) * (1 - t) + np.array(bottom, np.float32) * t
    strip = Image.fromarray(column.astype(np.uint8), "RGB")
    return strip.resize((max(1, width), max(1, height)), Image.Resampling.NEAREST)


def band(stage: Stage, y0: float, y1: float, top: Color, bottom: Color) -> None:
    """Fill the rows ``y0`` to ``y1`` with a vertical gradient."""
    top_px, bottom_px = int(y0), math.ceil(y1)
    if bottom_px > top_px:
        stage.layer.paste(gradient(stage.size, bottom_px - top_px, top, bottom), (0, top_px))


def vignette(stage: Stage, colour: Color, *, strength: float) -> None:
    """Darken the corners softly towards ``colour`` (``strength``: its opacity at the far
    corners), leaving the middle of the picture as it was."""
    ys, xs = np.ogrid[0 : stage.size, 0 : stage.size]
    centre = (stage.size - 1) / 2
    radius = np.hypot((xs - centre) / centre, (ys - centre * 0.9) / centre) / math.sqrt(2)
    alpha = np.clip((radius - 0.45) / 0.55, 0.0, 1.0) ** 1.6 * (255 * strength)
    shade = np.empty((stage.size, stage.size, 4), np.uint8)
    shade[..., :3] = colour
    shade[..., 3] = alpha.astype(np.uint8)
    stage.layer.alpha_composite(Image.fromarray(shade, "RGBA"))


def ridge(stage: Stage, base_y: float, height_px: float, fill: Color, *, waves: int = 3,
          sharp: bool = False, bottom: float | None = None) -> None:  # fmt: skip
    """A line of hills (smooth) or a mountain range (``sharp``) standing on ``base_y``."""
    phases = [stage.rng.uniform(0, 2 * math.pi) for _ in range(3)]
    points = []
    steps = 48
    for k in range(steps + 1):
        x = k / steps
        if sharp:
            h = sum(abs(math.sin(x * math.pi * (waves + j * 1.7) + phases[j])) / (j + 1)
                    for j in range(3))  # fmt: skip
            h /= 1.83
        else:
            h = 0.5 + 0.5 * math.sin(x * math.pi * waves + phases[0]) * 0.7
            h += 0.15 * math.sin(x * math.pi * waves * 2.3 + phases[1])
        points.append((x * stage.size, base_y - h * height_px))
    floor = stage.size if bottom is None else bottom
    stage.draw.polygon([(0, floor), *points, (stage.size, floor)], fill=fill)


def snow_caps(stage: Stage, base_y: float, height_px: float, seed_rng: random.Random,
              fill: Color, cap: Color) -> None:  # fmt: skip
    """Separate peaks with white caps: a mountain range."""
    for _ in range(5):
        x = seed_rng.uniform(-0.1, 1.0) * stage.size
        w = seed_rng.uniform(0.3, 0.55) * stage.size
        peak = base_y - seed_rng.uniform(0.6, 1.0) * height_px
        stage.draw.polygon([(x, base_y), (x + w / 2, peak), (x + w, base_y)], fill=fill)
        depth = (base_y - peak) * 0.25
        stage.draw.polygon([(x + w / 2 - w * 0.5 * 0.25, peak + depth), (x + w / 2, peak),
                            (x + w / 2 + w * 0.5 * 0.25, peak + depth)], fill=cap)  # fmt: skip


def faded(image: Image.Image, toward: Color, amount: float) -> Image.Image:
    """``image`` (RGBA) with its colours moved ``amount`` toward ``toward``, alpha kept."""
    if amount <= 0:
        return image
    rgb = Image.blend(image.convert("RGB"), Image.new("RGB", image.size, toward), amount)
    rgb.putalpha(image.getchannel("A"))
    return rgb


def autumn_leaves(image: Image.Image, shade: float) -> Image.Image:
    """``image`` (RGBA) with its green turned to autumn's orange (``shade`` 0) to yellow
    (``shade`` 1); trunks, flowers and everything not green keep their colours."""
    pixels = np.asarray(image, np.float32).copy()
    r, g, b = pixels[..., 0], pixels[..., 1], pixels[..., 2]
    green = (g > r * 1.05) & (g > b * 1.1)
    target = np.array((1.15, 0.6 + 0.35 * shade, 0.2), np.float32)
    pixels[..., :3] = np.where(green[..., None], g[..., None] * target, pixels[..., :3])
    return Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8), "RGBA")


def place(stage: Stage, names: Sequence[str], x: float, base_y: float, height_px: float, *,
          fade: float = 0.0, mirror: bool = False, landmark: bool = True) -> bool:  # fmt: skip
    """Stand the first of ``names`` the pack can draw at ``x`` (its centre) on ``base_y``.
    False when the pack draws none of them (the recipe's shapes then carry the scene).
    A ``landmark`` (one thing, not one of a row of trees) that the sentence draws itself
    (:attr:`Stage.avoid`) is left out, and counts as placed."""
    if landmark:
        stage.landmarks.update(name.lower() for name in names)
        if any(name.lower() in stage.avoid for name in names):
            return True
    if stage.sprite is None or height_px < 4:
        return False
    for name in names:
        image = stage.sprite(name, int(height_px))
        if image is None:
            continue
        if stage.season == "autumn" and name in ("deciduous tree", "tree"):
            image = autumn_leaves(image, stage.rng.random())
        image = faded(image, stage.haze, fade)
        if mirror:
            image = image.transpose(Image.Transpose.FLIP_LEFT_RIGHT)
        _paste_clipped(stage, image, int(x - image.width / 2), int(base_y - image.height))
        return True
    return False


def fence(stage: Stage, base_y: float, height_px: float, *, fade: float = 0.25) -> None:
    """A fence right across the picture: the pack's fence drawn end to end (or, without
    one, wooden posts and two rails)."""
    image = stage.sprite("fence", int(height_px)) if stage.sprite is not None else None
    if image is None:
        wood = mix((176, 140, 96), stage.haze, fade)
        for y in (base_y - height_px * 0.75, base_y - height_px * 0.35):
            stage.draw.rectangle([0, y, stage.size, y + height_px * 0.1], fill=wood)
        for x in np.arange(0, stage.size, height_px * 0.6):
            stage.draw.rectangle([x, base_y - height_px, x + height_px * 0.16, base_y], fill=wood)
        return
    image = faded(image, stage.haze, fade)
    step = max(4, int(image.width * 0.92))  # a little overlap: no gaps between the panels
    for x in range(-step // 3, stage.size, step):
        _paste_clipped(stage, image, x, int(base_y - image.height))


def _paste_clipped(stage: Stage, image: Image.Image, left: int, top: int) -> None:
    """Alpha-composite ``image`` at a position that may lie partly off the layer."""
    crop_x, crop_y = max(0, -left), max(0, -top)
    right = min(image.width, stage.size - left)
    lower = min(image.height, stage.size - top)
    if crop_x >= right or crop_y >= lower:
        return
    part = image.crop((crop_x, crop_y, right, lower))
    stage.layer.alpha_composite(part, (max(0, left), max(0, top)))


def row(stage: Stage, names: Sequence[str], count: int, base_y: float, height: tuple[float, float],
        *, fade: float, spread: tuple[float, float] = (0.0, 1.0),
        mirror: bool = True) -> None:  # fmt: skip
    """``count`` things of ``names`` along ``base_y``, evenly spread with some jitter,
    a little taller or shorter each (``height`` as fractions of the side). The names take
    turns (firs among broadleaves, a church among houses); a name the pack lacks gives way
    to the next. Half are mirrored unless ``mirror`` is false (things with writing on)."""
    left, right = spread
    for k in range(count):
        turn = stage.rng.randrange(len(names)) if names else 0
        names_now = [*names[turn:], *names[:turn]]
        x = left + (right - left) * (k + 0.5 + stage.rng.uniform(-0.35, 0.35)) / count
        h = stage.at(stage.rng.uniform(*height))
        jitter = stage.rng.uniform(-0.01, 0.01) * stage.size
        place(stage, names_now, stage.at(x), base_y + jitter, h, fade=fade,
              mirror=stage.rng.random() < 0.5 and mirror, landmark=False)  # fmt: skip


def tree_line(stage: Stage, base_y: float, height_px: float, fill: Color, *,
              pointed: bool) -> None:  # fmt: skip
    """A far edge of a wood: a dense run of pointed (firs) or round (broadleaf) crowns."""
    x = -stage.at(0.02)
    while x < stage.size:
        h = height_px * stage.rng.uniform(0.6, 1.0)
        w = h * (0.45 if pointed else 0.7)
        if pointed:
            stage.draw.polygon([(x, base_y), (x + w / 2, base_y - h), (x + w, base_y)], fill=fill)
        else:
            stage.draw.ellipse([x, base_y - h, x + w, base_y - h * 0.2], fill=fill)
            stage.draw.rectangle([x + w * 0.45, base_y - h * 0.3, x + w * 0.55, base_y], fill=fill)
        x += w * stage.rng.uniform(0.45, 0.75)
    stage.draw.rectangle([0, base_y - 1, stage.size, base_y + 1], fill=fill)


def wave_lines(stage: Stage, y0: float, y1: float, colour: Color, count: int = 9) -> None:
    """Short light strokes on water, closer together toward the horizon."""
    for k in range(count):
        t = (k + 1) / (count + 1)
        y = y0 + (y1 - y0) * t * t
        for _ in range(3 + k // 2):
            x = stage.rng.uniform(0, 1) * stage.size
            w = stage.at(0.02 + 0.05 * t)
            stage.draw.arc([x, y, x + w, y + w * 0.35], 200, 340, fill=colour, width=max(1, k // 3))


def window(stage: Stage, box: tuple[float, float, float, float], frame: Color) -> None:
    """A window onto the sky (at the picture's time of day), with its frame and cross."""
    x0, y0, x1, y1 = box
    stage.layer.paste(gradient(int(x1 - x0), int(y1 - y0), *stage.sky), (int(x0), int(y0)))
    width = max(2, int(stage.at(0.012)))
    stage.draw.rectangle(box, outline=frame, width=width)
    stage.draw.line([((x0 + x1) / 2, y0), ((x0 + x1) / 2, y1)], fill=frame, width=width)
    stage.draw.line([(x0, (y0 + y1) / 2), (x1, (y0 + y1) / 2)], fill=frame, width=width)


def boards(stage: Stage, y0: float, light: Color, dark: Color) -> None:
    """A wooden floor from ``y0`` down: planks drawn in perspective."""
    band(stage, y0, stage.size, light, dark)
    for k in range(-6, 7):
        x_far = stage.size / 2 + k * stage.at(0.06)
        x_near = stage.size / 2 + k * stage.at(0.2)
        stage.draw.line(
            [(x_far, y0), (x_near, stage.size)], fill=mix(dark, (0, 0, 0), 0.15), width=1
        )


def tiles(stage: Stage, box: tuple[float, float, float, float], fill: Color, grout: Color,
          cell: float) -> None:  # fmt: skip
    """A tiled surface: a plain fill with grout lines every ``cell`` pixels."""
    x0, y0, x1, y1 = box
    stage.draw.rectangle(box, fill=fill)
    for x in np.arange(x0, x1, cell):
        stage.draw.line([(x, y0), (x, y1)], fill=grout, width=1)
    for y in np.arange(y0, y1, cell):
        stage.draw.line([(x0, y), (x1, y)], fill=grout, width=1)


def shelf_of_books(stage: Stage, box: tuple[float, float, float, float], wood: Color,
                   shelves: int) -> None:  # fmt: skip
    """A bookcase: wooden boards and rows of coloured spines."""
    x0, y0, x1, y1 = box
    stage.draw.rectangle(box, fill=mix(wood, (0, 0, 0), 0.25))
    step = (y1 - y0) / shelves
    palette = [(170, 70, 60), (60, 100, 150), (70, 130, 80), (200, 160, 70), (120, 80, 130),
               (210, 200, 180)]  # fmt: skip
    for k in range(shelves):
        top, bottom = y0 + k * step + step * 0.12, y0 + (k + 1) * step - step * 0.08
        x = x0 + 4
        while x < x1 - 6:
            w = stage.rng.uniform(0.012, 0.022) * stage.size
            h = (bottom - top) * stage.rng.uniform(0.7, 1.0)
            stage.draw.rectangle([x, bottom - h, min(x + w, x1 - 4), bottom],
                                 fill=stage.rng.choice(palette))  # fmt: skip
            x += w + 1
        stage.draw.rectangle([x0, bottom, x1, bottom + step * 0.08], fill=wood)
    stage.draw.rectangle(box, outline=wood, width=max(2, int(stage.at(0.01))))


def pack_sprites(
    named: Callable[[str], AssetMatch | None],
    match: Callable[[str], AssetMatch],
    rasterizer: AssetRasterizer,
    things: Sequence[str] = (),
) -> SpriteSource:
    """A :data:`SpriteSource` over a pack: backdrop names are drawn only when the pack has
    that exact asset (never a guess, and no embedding lookup); the setting's own ``things``
    (nouns of the sentence) are matched as the sentence's objects are."""
    wanted = {t.lower() for t in things}

    def sprite(name: str, height_px: int) -> Image.Image | None:
        # Heights in steps of 4 px: far fewer sizes for the rasterizer to memoise, so the
        # backdrops' trees do not push the sentence's things out of its cache.
        height_px = max(4, round(height_px / 4) * 4)
        found = named(name)
        if found is None and name.lower() in wanted:
            candidate = match(name)
            found = None if candidate.fallback else candidate
        if found is None or not rasterizer.renders(found.entry):
            return None
        width = max(1, round(height_px * rasterizer.aspect(found.entry)))
        return rasterizer.sized(found.entry, width=width, height=max(1, height_px), color=None,
                                mirror=False)  # fmt: skip

    return sprite
