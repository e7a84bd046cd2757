"""Backgrounds: the sky for the time of day, the setting's layered backdrop, lighting and
weather.

:func:`background` paints the sky (a gradient for the time of day, the sun or the moon,
stars at night), lays the setting's backdrop over it (:mod:`.backdrops`: far, middle and
ground layers drawn from shapes and the pack's clip art), darkens the land at night,
applies the lighting words ("a dark forest" darkens without turning day into night) and
calms the whole so that the things of the sentence are seen first. Finished backdrops are
memoised per (setting, time, weather, season, lighting, size, seed, pack, setting things)
because a session keeps its setting across many pictures.
"""

from __future__ import annotations

import functools
import random
import threading
from collections import OrderedDict
from collections.abc import Sequence

import numpy as np
from PIL import Image, ImageDraw, ImageFilter

from speech2image.imaging.compose.backdrop_shapes import SpriteSource, Stage, gradient, place
from speech2image.imaging.compose.backdrops import backdrop
from speech2image.imaging.compose.ground import HORIZON_FRACTION

Color = tuple[int, int, int]

SKIES: dict[str, tuple[Color, Color]] = {
    "day": ((110, 170, 235), (205, 230, 250)),
    "sunset": ((95, 70, 150), (250, 160, 90)),
    "dawn": ((150, 170, 225), (250, 200, 180)),
    "dusk": ((40, 50, 110), (220, 130, 100)),
    "night": ((8, 12, 40), (35, 45, 95)),
}
OTHER_SKIES: dict[str, tuple[Color, Color]] = {
    "space": ((5, 5, 20), (20, 10, 45)),
    "mars": ((214, 150, 116), (240, 196, 156)),
    "none": ((238, 236, 232), (238, 236, 232)),
}
WEATHER_SKIES: dict[str, tuple[Color, Color]] = {
    "cloudy": ((150, 160, 178), (206, 212, 222)),
    "rain": ((120, 130, 148), (180, 188, 200)),
    "storm": ((70, 74, 92), (130, 134, 150)),
    "fog": ((196, 200, 206), (222, 224, 228)),
    "snow": ((176, 186, 204), (222, 228, 236)),
}
NIGHT_FACTOR = {"night": 0.42, "dusk": 0.68, "sunset": 0.84, "dawn": 0.88}
"""How much land and far things darken at each time (the sky has its own colours)."""
CALM = 0.84
"""Contrast kept in a backdrop (the rest pulled toward its mean), so that the things
drawn over it, at full contrast, are seen first."""
_CACHE_ITEMS = 32
_cache: OrderedDict[tuple[object, ...], Image.Image] = OrderedDict()
_landmarks: dict[tuple[object, ...], frozenset[str]] = {}
_cache_lock = threading.Lock()


def sky_colors(kind: str, time: str, weather: str | None) -> tuple[Color, Color]:
    """Top and bottom colours of the sky of kind ``kind`` at ``time`` under ``weather``."""
    if kind == "mars":  # a dusty pink day, a dim brown night
        factor = NIGHT_FACTOR.get(time, 1.0) ** 1.5
        top, bottom = OTHER_SKIES["mars"]
        return _dimmed(top, factor), _dimmed(bottom, factor)
    if kind != "time":
        return OTHER_SKIES.get(kind, OTHER_SKIES["none"])
    top, bottom = SKIES.get(time, SKIES["day"])
    if weather in WEATHER_SKIES and time in ("day", "dawn"):
        top, bottom = WEATHER_SKIES[weather]
    return top, bottom


def _dimmed(colour: Color, factor: float) -> Color:
    return (round(colour[0] * factor), round(colour[1] * factor), round(colour[2] * factor))


SKY_BODIES = frozenset({"sun", "moon"})
"""Words of drawings that are the sky's own sun or moon ("sun", "crescent moon")."""


def _stars(draw: ImageDraw.ImageDraw, size: int, until: int, rng: random.Random) -> None:
    for _ in range(120):
        x, y = rng.uniform(0, size), rng.uniform(0, until)
        r = rng.choice((0.6, 0.9, 1.3))
        draw.ellipse([x - r, y - r, x + r, y + r], fill=(255, 255, 230))


def _celestial(draw: ImageDraw.ImageDraw, size: int, time: str, weather: str | None) -> None:
    if weather in ("rain", "storm", "fog", "snow", "cloudy"):
        return
    if time == "night":
        x, y, r = 0.82 * size, 0.12 * size, 0.05 * size
        draw.ellipse([x - r, y - r, x + r, y + r], fill=(250, 245, 210))
        draw.ellipse([x - r * 0.55, y - r * 1.1, x + r * 1.45, y + r * 0.9], fill=SKIES["night"][0])
    elif time in ("sunset", "dawn"):
        x, y, r = 0.5 * size, HORIZON_FRACTION * size, 0.09 * size
        draw.ellipse([x - r, y - r, x + r, y + r], fill=(255, 190, 90))
    elif time == "day" or weather == "sunny":
        x, y, r = 0.85 * size, 0.11 * size, 0.06 * size
        draw.ellipse([x - r, y - r, x + r, y + r], fill=(255, 220, 80))


def _sky(
    kind: str, time: str, weather: str | None, size: int, rng: random.Random, *, bodies: bool
) -> Image.Image:
    """The sky behind every backdrop (shown where the backdrop leaves it open); without
    the sun or moon when not ``bodies``."""
    top, bottom = sky_colors(kind, time, weather)
    horizon = int(HORIZON_FRACTION * size)
    sky = gradient(size, size, top, bottom) if kind == "space" else Image.new("RGB", (size, size))
    if kind != "space":
        sky.paste(gradient(size, horizon, top, bottom), (0, 0))
        sky.paste(Image.new("RGB", (size, size - horizon), bottom), (0, horizon))
    draw = ImageDraw.Draw(sky)
    if kind == "space" or (kind == "time" and time == "night" and weather is None):
        _stars(draw, size, size if kind == "space" else horizon, rng)
    if bodies and (kind == "time" or (kind == "mars" and time not in ("night", "dusk"))):
        _celestial(draw, size, time, weather)
    return sky


def _shaded(layer: Image.Image, time: str) -> Image.Image:
    """The backdrop's land and far things darkened (and blued) for the time of day."""
    factor = NIGHT_FACTOR.get(time, 1.0)
    if factor >= 1.0:
        return layer
    tint = (0.9, 0.95, 1.12) if time in ("night", "dusk") else (1.0, 1.0, 1.0)
    lut = [min(255, round(v * factor * t)) for t in tint for v in range(256)]
    shaded = layer.convert("RGB").point(lut)
    shaded.putalpha(layer.getchannel("A"))
    return shaded


def _finish(picture: Image.Image, lighting: str | None) -> Image.Image:
    """Calm the backdrop (lower contrast, a little less colour) and apply ``lighting``.

    Per-channel lookup tables and Pillow's blend: a few milliseconds at 512 px."""
    picture = Image.blend(picture, picture.convert("L").convert("RGB"), 0.1)
    small = picture.resize((16, 16), Image.Resampling.BOX)
    mean = np.asarray(small, np.float32).reshape(-1, 3).mean(axis=0)
    values = np.arange(256, dtype=np.float32)
    lut: list[int] = []
    for channel_mean in mean:
        level = channel_mean + (values - channel_mean) * CALM
        if lighting == "dark":
            level = level * 0.6  # every channel alike: darker, the same hue
        elif lighting == "bright":
            level = level + (255 - level) * 0.25
        lut.extend(int(v) for v in np.clip(np.round(level), 0, 255))
    return picture.point(lut)


def _things(stage: Stage, things: Sequence[str], shown: frozenset[str]) -> None:
    """The setting's own things that its painter does not draw already ("a bed" in a
    bedroom), one of each, at the sides of the middle layer so that the middle stays
    free for the sentence's things; never mirrored (a sign's words stay readable)."""
    missing = [t for t in things if t.lower() not in shown][:4]
    for k, name in enumerate(missing):
        x = stage.at((0.15, 0.85, 0.32, 0.68)[k] + stage.rng.uniform(-0.03, 0.03))
        height = stage.at(stage.rng.uniform(0.14, 0.18))
        place(stage, (name,), x, stage.horizon + stage.at(0.04), height, fade=0.3)


def background(
    setting: str | None,
    time: str | None,
    weather: str | None,
    season: str | None,
    size: int,
    seed: int,
    *,
    lighting: str | None = None,
    things: Sequence[str] = (),
    sprite: SpriteSource | None = None,
    pack: str = "",
    avoid: frozenset[str] = frozenset(),
) -> Image.Image:
    """The backdrop of a picture (RGB); treat the result as read-only (it is shared).

    ``sprite(name, height_px)`` fetches clip art from the current ``pack`` for the
    backdrop's trees, houses and such; without it the backdrop is drawn from shapes only.
    ``avoid`` names the assets the sentence's things are drawn with:
    the backdrop leaves such a landmark out (see :attr:`.backdrop_shapes.Stage.avoid`).
    """
    avoid = frozenset(a.lower() for a in avoid)
    # (The sun or the moon the sentence names is drawn as its thing, not again in the sky.)
    bodies = not any(word in SKY_BODIES for name in avoid for word in name.split())
    base = (setting, time, weather, season, lighting, size, seed, pack, tuple(things),
            sprite is None, bodies)  # fmt: skip
    with _cache_lock:
        # Only the landmarks this backdrop has matter: a sentence that avoids none of them
        # shares the backdrop of every other such sentence.
        known = _landmarks.get(base)
        key = None if known is None else (*base, avoid & known)
        found = None if key is None else _cache.get(key)
        if key is not None and found is not None:
            _cache.move_to_end(key)
            return found
    picture, landmarks = _paint(setting, time, weather, season, size, seed, lighting, things,
                                sprite, avoid, bodies=bodies)  # fmt: skip
    with _cache_lock:
        _landmarks[base] = landmarks
        _cache[(*base, avoid & landmarks)] = picture
        while len(_cache) > _CACHE_ITEMS:
            _cache.popitem(last=False)
        while len(_landmarks) > 4 * _CACHE_ITEMS:
            _landmarks.pop(next(iter(_landmarks)))
    return picture


def _paint(setting: str | None, time: str | None, weather: str | None, season: str | None,
           size: int, seed: int, lighting: str | None, things: Sequence[str],
           sprite: SpriteSource | None, avoid: frozenset[str], *, bodies: bool = True,
           ) -> tuple[Image.Image, frozenset[str]]:  # fmt: skip
    """The backdrop, and the landmark names its recipe asked for."""
    rng = random.Random(seed)
    time_of_day = time or "day"
    outdoors = time is not None or weather is not None or season is not None
    recipe = backdrop(setting or ("park" if outdoors else "studio"))
    sky = _sky(recipe.sky, time_of_day, weather, size, rng, bodies=bodies)
    layer = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    window_sky = sky_colors(recipe.sky if recipe.sky != "none" else "time", time_of_day, weather)
    stage = Stage(layer=layer, draw=ImageDraw.Draw(layer), size=size,
                  horizon=int(HORIZON_FRACTION * size), rng=rng, sprite=sprite,
                  sky=window_sky, time=time_of_day, season=season, weather=weather,
                  avoid=avoid)  # fmt: skip
    recipe.paint(stage)
    _things(stage, things, recipe.shows)
    if recipe.outdoor:
        layer = _shaded(layer, time_of_day)
    sky.paste(layer, (0, 0), layer)
    return _finish(sky, lighting), frozenset(stage.landmarks)


def weather_overlay(picture: Image.Image, weather: str | None, seed: int) -> Image.Image:
    """``picture`` with rain, snow, fog, a storm or clouds over it."""
    if weather in (None, "sunny", "wind"):
        return picture
    colour, alpha = _weather_layer(weather, picture.width, picture.height, seed)
    result = picture.convert("RGB").copy()
    result.paste(colour, (0, 0), alpha)
    return result


@functools.lru_cache(maxsize=16)
def _weather_layer(
    weather: str, width: int, height: int, seed: int
) -> tuple[Image.Image, Image.Image]:
    """The weather's colours and coverage (RGB, L), drawn once per (weather, size, seed):
    it does not depend on the picture, so a picture pays only for one masked paste."""
    rng = random.Random(seed + 7)
    size = width
    layer = Image.new("RGBA", (width, height), (0, 0, 0, 0))
    if weather == "fog":
        fog = np.zeros((height, width, 4), np.uint8)
        fog[..., :3] = 230
        fog[..., 3] = np.linspace(150, 60, height, dtype=np.float32).astype(np.uint8)[:, None]
        layer = Image.fromarray(fog, "RGBA")
    elif weather == "storm":
        layer = Image.new("RGBA", (width, height), (20, 20, 40, 70))
    particles = Image.new("RGBA", (width, height), (0, 0, 0, 0))
    draw = ImageDraw.Draw(particles)
    if weather in ("rain", "storm"):
        for _ in range(220):
            x, y = rng.uniform(0, size), rng.uniform(0, size)
            draw.line([(x, y), (x - 4, y + 14)], fill=(200, 215, 235, 170), width=1)
    if weather == "snow":
        for _ in range(260):
            x, y, r = rng.uniform(0, size), rng.uniform(0, size), rng.uniform(1.2, 3.2)
            draw.ellipse([x - r, y - r, x + r, y + r], fill=(255, 255, 255, 230))
        particles = particles.filter(ImageFilter.GaussianBlur(0.6))
    if weather in ("cloudy", "storm", "rain"):
        shade = (90, 95, 110, 235) if weather == "storm" else (235, 238, 245, 235)
        for _ in range(4):
            x, y = rng.uniform(0, size), rng.uniform(0.03, 0.18) * size
            for dx, dy, r in ((0, 0, 0.07), (0.07, -0.03, 0.08), (0.14, 0, 0.06)):
                cx, cy, rr = x + dx * size, y + dy * size, r * size
                draw.ellipse([cx - rr, cy - rr, cx + rr, cy + rr], fill=shade)
    if weather == "storm":
        x = rng.uniform(0.2, 0.8) * size
        points = [(x, 0.15 * size), (x - 0.04 * size, 0.3 * size), (x + 0.02 * size, 0.3 * size),
                  (x - 0.03 * size, 0.45 * size)]  # fmt: skip
        draw.line(points, fill=(255, 240, 120, 255), width=4)
    layer = Image.alpha_composite(layer, particles)
    return layer.convert("RGB"), layer.getchannel("A")
