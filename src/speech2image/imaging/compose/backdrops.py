"""Illustrated settings: a layered backdrop for every place of :data:`~.scene.SETTINGS`.

Each recipe paints, far to near, on a transparent layer over the sky: a far layer
(mountains, a skyline, the sea's horizon, a tree line), a middle layer (clip art from the
current pack: trees at several depths, a palm, houses, a castle) and the ground (grass,
sand, road, water, snow, moon dust). Rooms and built grounds (:mod:`.venues`) paint a wall and a
floor instead. Far things are faded toward the haze so that the things of the sentence,
drawn on top at full strength, are seen first.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

from PIL import ImageDraw, ImageFilter

from speech2image.imaging.compose.backdrop_shapes import (
    Stage,
    band,
    glaze,
    mix,
    place,
    ridge,
    row,
    tree_line,
    wave_lines,
)
from speech2image.imaging.compose.grounds import GROUNDS
from speech2image.imaging.compose.landscapes import (
    FIRS,
    LANDSCAPES,
    SAND,
    TREES,
    WATER,
    grass,
    green_land,
)
from speech2image.imaging.compose.venues import INTERIORS


@dataclass(frozen=True, slots=True)
class Backdrop:
    """How one setting is drawn."""

    sky: str
    """``time`` (a sky for the time of day), ``space`` (black with stars), ``mars`` (a
    dusty pink sky) or ``none`` (the recipe paints everything: a room, the sea floor)."""
    paint: Callable[[Stage], None]
    outdoor: bool = True
    """Outdoor backdrops darken at night; rooms keep their lamps on."""
    shows: frozenset[str] = frozenset()
    """Things of the setting the painter already draws (a forest's trees, a beach's sand
    and waves): a scene's setting things among them are not drawn a second time."""


def _sea_band(stage: Stage, bottom: float) -> None:
    band(stage, stage.horizon, bottom, mix(WATER[0], stage.haze, 0.25), WATER[1])
    wave_lines(stage, stage.horizon, bottom, (200, 226, 244))


def _beach(stage: Stage) -> None:
    shore = stage.horizon + stage.at(0.1)
    _sea_band(stage, shore)
    band(stage, shore, stage.size, *SAND)
    stage.draw.line([(0, shore), (stage.size, shore)], fill=(250, 250, 245), width=3)
    place(stage, ("palm tree",), stage.at(0.9), stage.at(0.8), stage.at(0.4), fade=0.15)
    place(stage, ("spiral shell",), stage.at(0.15), stage.at(0.93), stage.at(0.04), fade=0.15)


def _sea(stage: Stage) -> None:
    _sea_band(stage, stage.size)
    place(stage, ("sailboat",), stage.at(0.8), stage.horizon + 2, stage.at(0.06), fade=0.5)


def _lake(stage: Stage) -> None:
    ridge(
        stage,
        stage.horizon,
        stage.at(0.16),
        mix((120, 140, 160), stage.haze, 0.45),
        waves=2,
        sharp=True,
    )
    tree_line(
        stage, stage.horizon + 2, stage.at(0.05), mix((70, 120, 90), stage.haze, 0.4), pointed=True
    )
    shore = stage.at(0.72)
    _sea_band(stage, shore)
    band(stage, shore, stage.size, *grass(stage))
    place(stage, FIRS, stage.at(0.05), stage.at(0.9), stage.at(0.34), fade=0.15)


def _river(stage: Stage) -> None:
    green_land(stage)
    tree_line(
        stage, stage.horizon + 2, stage.at(0.06), mix((80, 130, 90), stage.haze, 0.4), pointed=False
    )
    left = [
        (
            stage.at(0.48 + 0.1 * math.sin(t * 2.2) * t - 0.02 - 0.16 * t),
            stage.horizon + (stage.size - stage.horizon) * t,
        )
        for t in (k / 20 for k in range(21))
    ]
    right = [
        (x + stage.at(0.04 + 0.34 * ((y - stage.horizon) / (stage.size - stage.horizon))), y)
        for x, y in left
    ]
    stage.draw.polygon(left + right[::-1], fill=WATER[0])
    row(stage, TREES, 3, stage.horizon + stage.at(0.04), (0.14, 0.2), fade=0.3, spread=(0.62, 1.0))


def _island(stage: Stage) -> None:
    _sea_band(stage, stage.size)
    y = stage.horizon + stage.at(0.1)
    stage.draw.ellipse(
        [stage.at(0.25), y - stage.at(0.05), stage.at(0.75), y + stage.at(0.05)], fill=SAND[0]
    )
    place(stage, ("palm tree",), stage.at(0.44), y - stage.at(0.02), stage.at(0.22), fade=0.25)
    place(
        stage,
        ("palm tree",),
        stage.at(0.58),
        y - stage.at(0.01),
        stage.at(0.16),
        fade=0.3,
        mirror=True,
    )


def _clouds(stage: Stage) -> None:
    for k in range(7):
        depth = k / 7
        x, y = stage.rng.uniform(-0.1, 1.0) * stage.size, stage.at(0.1 + 0.8 * depth)
        r = stage.at(0.04 + 0.05 * depth)
        shade = mix((255, 255, 255), stage.haze, 0.5 - 0.4 * depth)
        for dx, dy, s in ((0, 0, 1.0), (1.1, -0.4, 1.2), (2.2, 0, 0.9), (1.1, 0.2, 1.0)):
            cx, cy = x + dx * r, y + dy * r
            stage.draw.ellipse(
                [cx - r * s, cy - r * s * 0.7, cx + r * s, cy + r * s * 0.7], fill=shade
            )


def _underwater(stage: Stage) -> None:
    band(stage, 0, stage.size, (70, 164, 204), (24, 72, 130))
    for k in range(5):  # light from the surface
        x = stage.at(0.1 + 0.2 * k + stage.rng.uniform(-0.05, 0.05))
        stage.draw.polygon(
            [
                (x, 0),
                (x + stage.at(0.06), 0),
                (x + stage.at(0.16), stage.at(0.8)),
                (x + stage.at(0.08), stage.at(0.8)),
            ],
            fill=(96, 184, 220),
        )
    floor = stage.at(0.84)
    ridge(stage, floor, stage.at(0.03), (214, 196, 150), waves=3)
    for k in range(9):  # weed swaying
        x, h = (
            stage.at((k + stage.rng.uniform(0.1, 0.9)) / 9),
            stage.at(stage.rng.uniform(0.12, 0.3)),
        )
        points = [
            (x + math.sin(t * 0.8 + k) * stage.at(0.015), floor - h * t / 10) for t in range(11)
        ]
        stage.draw.line(points, fill=(56, 140, 90), width=max(3, int(stage.at(0.012))))
    place(stage, ("coral",), stage.at(0.82), floor + stage.at(0.04), stage.at(0.14), fade=0.25)
    place(stage, ("rock",), stage.at(0.15), floor + stage.at(0.05), stage.at(0.08), fade=0.3)
    for _ in range(24):
        x, y, r = (
            stage.rng.uniform(0, stage.size),
            stage.at(stage.rng.uniform(0, 0.8)),
            stage.rng.uniform(2, 6),
        )
        stage.draw.ellipse([x - r, y - r, x + r, y + r], outline=(210, 236, 250), width=1)


def _space(stage: Stage) -> None:
    sheet = glaze(stage)  # faint nebulae: soft veils of colour, smaller ones inside larger
    veils = ImageDraw.Draw(sheet)
    for _ in range(3):
        x, y = stage.rng.uniform(0, stage.size), stage.rng.uniform(0, stage.size)
        for scale, colour in ((1.0, (90, 60, 150, 26)), (0.6, (150, 80, 160, 26))):
            r = stage.at(0.22) * scale
            veils.ellipse([x - r, y - r * 0.6, x + r, y + r * 0.6], fill=colour)
    stage.layer.alpha_composite(sheet.filter(ImageFilter.BoxBlur(stage.at(0.03))))
    if not place(stage, ("ringed planet",), stage.at(0.2), stage.at(0.3), stage.at(0.2), fade=0.2):
        stage.draw.ellipse(
            [stage.at(0.1), stage.at(0.1), stage.at(0.3), stage.at(0.3)], fill=(90, 140, 220)
        )
    stage.draw.ellipse(
        [stage.at(0.78), stage.at(0.62), stage.at(0.9), stage.at(0.74)], fill=(200, 120, 90)
    )


def _moon(stage: Stage) -> None:
    place(
        stage,
        ("globe showing Europe-Africa", "globe showing Americas"),
        stage.at(0.78),
        stage.at(0.26),
        stage.at(0.14),
        fade=0.1,
    )
    ridge(stage, stage.horizon, stage.at(0.05), (150, 150, 154), waves=2)
    band(stage, stage.horizon, stage.size, (178, 178, 180), (136, 136, 140))
    for _ in range(9):  # craters
        x, y = stage.rng.uniform(0, stage.size), stage.rng.uniform(stage.horizon + 10, stage.size)
        r = stage.at(0.015 + 0.05 * (y - stage.horizon) / stage.size)
        stage.draw.ellipse(
            [x - r, y - r * 0.35, x + r, y + r * 0.35],
            fill=(120, 120, 124),
            outline=(196, 196, 198),
        )


def _mars(stage: Stage) -> None:
    ridge(stage, stage.horizon, stage.at(0.12), (190, 110, 80), waves=2, sharp=True)
    band(stage, stage.horizon, stage.size, (196, 110, 70), (160, 80, 52))
    row(stage, ("rock",), 4, stage.horizon + stage.at(0.1), (0.04, 0.07), fade=0.35)


def _sky(stage: Stage) -> None:
    _clouds(stage)


OTHERS: dict[str, Backdrop] = {
    "beach": Backdrop("time", _beach), "sea": Backdrop("time", _sea),
    "lake": Backdrop("time", _lake), "river": Backdrop("time", _river),
    "island": Backdrop("time", _island), "underwater": Backdrop("none", _underwater),
    "space": Backdrop("space", _space), "moon": Backdrop("space", _moon),
    "mars": Backdrop("mars", _mars), "sky": Backdrop("time", _sky),
}  # fmt: skip

SHOWS: dict[str, tuple[str, ...]] = {
    "forest": ("tree", "pine tree", "fir"), "jungle": ("palm tree", "vine", "liana", "tree"),
    "park": ("tree", "bench", "path", "grass"), "garden": ("flower", "fence", "tree", "house"),
    "field": ("grass", "crop", "tree"), "farm": ("barn", "fence", "house"),
    "zoo": ("fence", "tree", "palm tree", "rock"), "playground": ("slide", "sand", "tree"),
    "beach": ("sand", "wave", "sea", "water", "palm tree", "shell"),
    "sea": ("wave", "water", "boat"), "lake": ("water", "mountain", "tree"),
    "river": ("water", "tree"), "island": ("palm tree", "sand", "sea", "water", "wave"),
    "underwater": ("seaweed", "bubble", "water", "coral", "rock", "sand"),
    "mountains": ("mountain", "pine tree", "snow"), "desert": ("cactus", "dune", "sand"),
    "snow": ("snow", "pine tree", "hill"), "cave": ("rock", "stalactite"),
    "city": ("building", "road", "street", "skyscraper"), "village": ("house", "tree", "church"),
    "road": ("road", "tree"), "station": ("platform", "rail", "clock", "bench"),
    "airport": ("airplane", "control tower", "runway"), "stadium": ("stand", "crowd", "pitch"),
    "swimming pool": ("water", "ladder", "pool"), "room": ("window", "picture", "plant"),
    "kitchen": ("cupboard", "window", "counter", "tile"), "bedroom": ("window", "curtain"),
    "bathroom": ("mirror", "towel", "tile"), "classroom": ("blackboard", "board", "clock"),
    "office": ("window", "shelf"), "library": ("bookshelf", "book", "shelf"),
    "restaurant": ("window", "lamp"), "shop": ("shelf",), "hospital": ("cross", "window"),
    "greenhouse": ("potted plant", "glass", "plant"), "castle": ("tower", "flag", "castle"),
    "stage": ("curtain", "spotlight"), "space": ("star", "planet"),
    "moon": ("crater", "earth", "star"), "mars": ("rock", "crater"), "sky": ("cloud",),
}  # fmt: skip
"""Setting things each backdrop draws itself (the language stage's defaults among them)."""

_PAINTERS: dict[str, tuple[str, Callable[[Stage], None], bool]] = {
    **{name: ("time", paint, True) for name, paint in LANDSCAPES.items()},
    **{name: (b.sky, b.paint, b.outdoor) for name, b in OTHERS.items()},
    **{
        name: (sky, paint, sky != "none") for name, (sky, paint) in {**INTERIORS, **GROUNDS}.items()
    },
}
BACKDROPS: dict[str, Backdrop] = {
    name: Backdrop(sky, paint, outdoor=outdoor, shows=frozenset(SHOWS.get(name, ())))
    for name, (sky, paint, outdoor) in _PAINTERS.items()
}
"""Setting name to its backdrop; ``studio`` is the plain one drawn when no place is named."""


def backdrop(setting: str) -> Backdrop:
    """The backdrop of ``setting``; an unknown name gets the studio's."""
    return BACKDROPS.get(setting, BACKDROPS["studio"])
