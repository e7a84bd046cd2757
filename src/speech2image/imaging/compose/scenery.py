"""Backgrounds and weather: skies, ground, water, stars, walls and floors.

Drawn with NumPy gradients and Pillow shapes, memoised per (setting, time, weather,
season, size, seed) because a session keeps its setting across many pictures.
"""

from __future__ import annotations

import functools
import random

import numpy as np
from PIL import Image, ImageDraw, ImageFilter

Color = tuple[int, int, int]

SKIES: dict[str, tuple[Color, Color]] = {
    "day": ((110, 170, 235), (205, 230, 250)),
    "sunset": ((95, 70, 150), (250, 160, 90)),
    "dawn": ((150, 170, 225), (250, 200, 180)),
    "dusk": ((40, 50, 110), (220, 130, 100)),
    "night": ((8, 12, 40), (35, 45, 95)),
}
GROUNDS: dict[str, tuple[Color, Color]] = {
    "grass": ((120, 190, 90), (70, 140, 60)),
    "sand": ((240, 220, 160), (220, 190, 130)),
    "snow": ((245, 248, 252), (215, 225, 240)),
    "road": ((150, 150, 155), (105, 105, 110)),
    "water": ((70, 140, 200), (30, 90, 160)),
    "floor": ((205, 160, 110), (170, 120, 80)),
    "tiles": ((225, 225, 230), (190, 190, 200)),
    "carpet": ((170, 120, 150), (140, 95, 125)),
    "rock": ((140, 120, 105), (100, 85, 75)),
}
WALLS: dict[str, Color] = {
    "kitchen": (240, 230, 200), "bedroom": (200, 215, 240), "room": (235, 225, 210),
    "classroom": (225, 235, 215), "bathroom": (215, 235, 240), "cave": (70, 60, 55),
    "studio": (238, 236, 232),
}  # fmt: skip
_SETTING_GROUND = {
    "beach": "sand", "desert": "sand", "sea": "water", "lake": "water", "city": "road",
    "snow": "snow", "forest": "grass", "park": "grass", "field": "grass", "farm": "grass",
    "mountains": "grass", "kitchen": "tiles", "bathroom": "tiles", "bedroom": "carpet",
    "room": "floor", "classroom": "floor", "cave": "rock", "studio": "floor",
}  # fmt: skip
HORIZON_FRACTION = 0.55
"""Where the sky meets the ground (or the wall the floor), from the top."""


def _gradient(height: int, width: int, top: Color, bottom: Color) -> np.ndarray:
    t = np.linspace(0.0, 1.0, height, dtype=np.float32)[:, None, None]
    column = np.array(top, np.float32) * (1 - t) + np.array(bottom, np.float32) * t
    return np.broadcast_to(column, (height, width, 3))


def _sky(image: np.ndarray, horizon: int, time: str) -> None:
    top, bottom = SKIES.get(time, SKIES["day"])
    image[:horizon] = _gradient(horizon, image.shape[1], top, bottom)


def _ground(image: np.ndarray, horizon: int, kind: str, season: str | None) -> None:
    top, bottom = GROUNDS[kind]
    if kind == "grass" and season == "autumn":
        top, bottom = (200, 160, 80), (160, 110, 50)
    if kind == "grass" and season == "winter":
        top, bottom = GROUNDS["snow"]
    image[horizon:] = _gradient(image.shape[0] - horizon, image.shape[1], top, bottom)


def _night_tint(image: np.ndarray, horizon: int, time: str) -> None:
    factor = {"night": 0.45, "dusk": 0.7, "sunset": 0.85, "dawn": 0.9}.get(time, 1.0)
    image[horizon:] *= factor


def _decorate(draw: ImageDraw.ImageDraw, setting: str, size: int, horizon: int,
              time: str, rng: random.Random) -> None:  # fmt: skip
    """Far-away shapes that say where we are: mountains, trees, buildings, waves."""
    dim = time in ("night", "dusk")
    if setting == "mountains":
        for k in range(4):
            x = rng.uniform(-0.1, 1.0) * size
            w = rng.uniform(0.35, 0.6) * size
            peak = horizon - rng.uniform(0.15, 0.32) * size
            shade = (70, 80, 110) if dim else (120 - k * 8, 135 - k * 8, 160 - k * 5)
            draw.polygon([(x, horizon), (x + w / 2, peak), (x + w, horizon)], fill=shade)
            cap = peak + 0.06 * size
            draw.polygon([(x + w / 2 - w * 0.09, cap), (x + w / 2, peak),
                          (x + w / 2 + w * 0.09, cap)], fill=(245, 245, 250))  # fmt: skip
    elif setting == "forest":
        for _ in range(14):
            x = rng.uniform(0, size)
            h = rng.uniform(0.12, 0.22) * size
            shade = (20, 60, 35) if dim else (45, rng.randint(100, 130), 60)
            draw.polygon([(x - h * 0.3, horizon), (x, horizon - h), (x + h * 0.3, horizon)],
                         fill=shade)  # fmt: skip
    elif setting == "city":
        x = 0.0
        while x < size:
            w = rng.uniform(0.08, 0.16) * size
            h = rng.uniform(0.12, 0.35) * size
            body = (40, 45, 70) if dim else (rng.randint(150, 190),) * 3
            draw.rectangle([x, horizon - h, x + w - 2, horizon], fill=body)
            lit = (250, 220, 120) if dim else (200, 220, 240)
            for wy in np.arange(horizon - h + 8, horizon - 8, 0.04 * size):
                for wx in np.arange(x + 5, x + w - 8, 0.035 * size):
                    draw.rectangle([wx, wy, wx + 0.015 * size, wy + 0.02 * size], fill=lit)
            x += w
    elif setting == "beach":
        sea_top = horizon
        draw.rectangle([0, sea_top, size, sea_top + 0.07 * size], fill=(60, 140, 200))
    elif setting == "farm":
        draw.rectangle([0.05 * size, horizon - 0.1 * size, 0.2 * size, horizon], fill=(180, 50, 40))
        draw.polygon([(0.04 * size, horizon - 0.1 * size), (0.125 * size, horizon - 0.16 * size),
                      (0.21 * size, horizon - 0.1 * size)], fill=(150, 40, 35))  # fmt: skip
    elif setting in ("kitchen", "bathroom"):
        for x in np.arange(0, size, 0.08 * size):
            draw.line([(x, 0), (x, horizon)], fill=(220, 210, 185), width=1)
        for y in np.arange(0, horizon, 0.08 * size):
            draw.line([(0, y), (size, y)], fill=(220, 210, 185), width=1)
    elif setting == "bedroom":
        draw.rectangle([0.65 * size, 0.12 * size, 0.88 * size, 0.35 * size], fill=(120, 170, 220),
                       outline=(250, 250, 250), width=4)  # fmt: skip
    elif setting == "classroom":
        draw.rectangle([0.2 * size, 0.1 * size, 0.8 * size, 0.38 * size], fill=(40, 90, 60),
                       outline=(140, 100, 60), width=6)  # fmt: skip


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
        draw.ellipse([x - r * 0.55, y - r * 1.1, x + r * 1.45, y + r * 0.9], fill=(20, 28, 70))
    elif time in ("sunset", "dawn"):
        x, y, r = 0.5 * size, HORIZON_FRACTION * size, 0.09 * size
        draw.ellipse([x - r, y - r, x + r, y + r], fill=(255, 190, 90))
    elif time == "day" or weather == "sunny":
        x, y, r = 0.85 * size, 0.11 * size, 0.06 * size
        draw.ellipse([x - r, y - r, x + r, y + r], fill=(255, 220, 80))


@functools.lru_cache(maxsize=32)
def background(
    setting: str | None, time: str | None, weather: str | None, season: str | None,
    size: int, seed: int,
) -> Image.Image:  # fmt: skip
    """The backdrop of a picture (RGB); treat the result as read-only (it is shared)."""
    rng = random.Random(seed)
    time_of_day = time or "day"
    image = np.zeros((size, size, 3), np.float32)
    horizon = int(HORIZON_FRACTION * size)
    outdoors = time is not None or weather is not None or season is not None
    place = setting or ("park" if outdoors else "studio")
    if place == "space":
        image[:] = _gradient(size, size, (5, 5, 20), (20, 10, 45))
    elif place == "underwater":
        image[:] = _gradient(size, size, (40, 150, 200), (10, 50, 110))
        image[int(0.85 * size) :] = _gradient(size - int(0.85 * size), size, (220, 200, 150),
                                              (190, 165, 120))  # fmt: skip
    elif place == "sky":
        _sky(image, size, time_of_day)
    elif place in WALLS:
        image[:horizon] = np.array(WALLS[place], np.float32)
        _ground(image, horizon, _SETTING_GROUND[place], None)
    else:
        _sky(image, horizon, time_of_day)
        _ground(image, horizon, _SETTING_GROUND.get(place, "grass"), season)
        _night_tint(image, horizon, time_of_day)
    picture = Image.fromarray(image.astype(np.uint8), "RGB")
    draw = ImageDraw.Draw(picture)
    outdoor = place not in WALLS and place not in ("space", "underwater")
    if place == "space" or (outdoor and time_of_day == "night" and weather is None):
        _stars(draw, size, size if place == "space" else horizon, rng)
    if place == "space":
        r = 0.12 * size
        draw.ellipse([0.08 * size, 0.08 * size, 0.08 * size + 2 * r, 0.08 * size + 2 * r],
                     fill=(90, 140, 220))  # fmt: skip
    if place == "underwater":
        for _ in range(25):
            x, y, r = rng.uniform(0, size), rng.uniform(0, 0.8 * size), rng.uniform(2, 6)
            draw.ellipse([x - r, y - r, x + r, y + r], outline=(200, 235, 255), width=1)
    if outdoor:
        _celestial(draw, size, time_of_day, weather)
        _decorate(draw, place, size, horizon, time_of_day, rng)
    return picture


def weather_overlay(picture: Image.Image, weather: str | None, seed: int) -> Image.Image:
    """``picture`` with rain, snow, fog, a storm or clouds over it."""
    if weather in (None, "sunny", "wind"):
        return picture
    rng = random.Random(seed + 7)
    size = picture.width
    layer = Image.new("RGBA", picture.size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(layer)
    if weather in ("rain", "storm"):
        for _ in range(220):
            x, y = rng.uniform(0, size), rng.uniform(0, size)
            draw.line([(x, y), (x - 4, y + 14)], fill=(200, 215, 235, 170), width=1)
    if weather == "snow":
        for _ in range(260):
            x, y, r = rng.uniform(0, size), rng.uniform(0, size), rng.uniform(1.2, 3.2)
            draw.ellipse([x - r, y - r, x + r, y + r], fill=(255, 255, 255, 230))
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
    result = picture.convert("RGBA")
    if weather == "fog":
        fog = np.zeros((size, size, 4), np.uint8)
        fog[..., :3] = 230
        fog[..., 3] = np.linspace(150, 60, size, dtype=np.float32).astype(np.uint8)[:, None]
        result = Image.alpha_composite(result, Image.fromarray(fog, "RGBA"))
    elif weather == "storm":
        result = Image.alpha_composite(result, Image.new("RGBA", picture.size, (20, 20, 40, 70)))
    layer = layer.filter(ImageFilter.GaussianBlur(0.6)) if weather == "snow" else layer
    return Image.alpha_composite(result, layer).convert("RGB")
