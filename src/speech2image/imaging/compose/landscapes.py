"""Landscapes as backdrops: woods, fields, farms, mountains, deserts, towns and roads.

Each painter draws, far to near on the backdrop's layer (:class:`.backdrop_shapes.Stage`):
hills or a range, a tree line or a skyline, clip art from the pack at two or three depths
(faded toward the haze the farther it stands) and the ground the sentence's things stand on.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from speech2image.imaging.compose.backdrop_shapes import (
    Color,
    Stage,
    band,
    fence,
    mix,
    place,
    ridge,
    row,
    snow_caps,
    tree_line,
)

GRASS: tuple[Color, Color] = ((140, 196, 110), (96, 158, 80))
SAND: tuple[Color, Color] = ((238, 218, 166), (222, 196, 140))
WATER: tuple[Color, Color] = ((96, 160, 206), (58, 118, 180))
SNOW: tuple[Color, Color] = ((240, 244, 250), (216, 226, 240))
TREES = ("deciduous tree", "evergreen tree")
FIRS = ("evergreen tree",)


def grass(stage: Stage) -> tuple[Color, Color]:
    """The grass's top and bottom colours for the season (and snow when it snows)."""
    if stage.season == "winter" or stage.weather == "snow":
        return SNOW
    if stage.season == "autumn":
        return (204, 170, 96), (170, 128, 66)
    return GRASS


def green_land(stage: Stage, hills: Color = (150, 180, 150)) -> None:
    """Far hills and grass from the horizon down: the base of most country scenes."""
    ridge(stage, stage.horizon, stage.at(0.07), mix(hills, stage.haze, 0.35), waves=2)
    band(stage, stage.horizon, stage.size, *grass(stage))


def _forest(stage: Stage) -> None:
    green_land(stage, (110, 150, 130))
    far = mix((70, 120, 90), stage.haze, 0.5)
    tree_line(stage, stage.horizon + 2, stage.at(0.1), far, pointed=True)
    row(stage, FIRS, 11, stage.horizon + stage.at(0.01), (0.09, 0.12), fade=0.5)
    row(stage, TREES, 8, stage.horizon + stage.at(0.035), (0.15, 0.2), fade=0.38)
    row(stage, TREES, 5, stage.horizon + stage.at(0.07), (0.22, 0.28), fade=0.26)
    # Two near trunks at the edges frame the wood without crowding its middle.
    place(stage, TREES, stage.at(-0.04), stage.at(0.84), stage.at(0.36), fade=0.3)
    place(stage, TREES, stage.at(1.04), stage.at(0.88), stage.at(0.38), fade=0.3, mirror=True)


def _canopy(stage: Stage, colour: Color) -> None:
    """Leaves across the top of the picture, with lianas hanging from them."""
    for k in range(14):
        x = stage.at(k / 13 + stage.rng.uniform(-0.03, 0.03))
        r = stage.at(stage.rng.uniform(0.07, 0.11))
        stage.draw.ellipse([x - r, -r * 0.9, x + r, r * 0.8], fill=colour)
    for k in range(8):
        x = stage.at((k + stage.rng.uniform(0.2, 0.8)) / 8)
        length = stage.at(stage.rng.uniform(0.15, 0.34))
        points = [(x + math.sin(t / 3) * 5, stage.at(0.05) + t * length / 12) for t in range(13)]
        stage.draw.line(
            points, fill=mix(colour, (0, 0, 0), 0.1), width=max(2, int(stage.at(0.006)))
        )


def _jungle(stage: Stage) -> None:
    ridge(stage, stage.horizon, stage.at(0.12), mix((60, 120, 70), stage.haze, 0.3), waves=3)
    band(stage, stage.horizon, stage.size, (92, 150, 70), (60, 110, 50))
    tree_line(stage, stage.horizon + 2, stage.at(0.12), (64, 118, 66), pointed=False)
    palms = ("palm tree", "deciduous tree")
    row(stage, palms, 7, stage.horizon + stage.at(0.03), (0.18, 0.24), fade=0.35)
    row(stage, palms, 4, stage.horizon + stage.at(0.08), (0.26, 0.32), fade=0.22)
    _canopy(stage, (70, 130, 72))
    place(stage, ("herb", "leafy green"), stage.at(0.06), stage.at(0.98), stage.at(0.16), fade=0.2)
    place(stage, ("herb", "leafy green"), stage.at(0.94), stage.at(0.98), stage.at(0.14), fade=0.2)


def _park(stage: Stage) -> None:
    green_land(stage)
    tree_line(
        stage,
        stage.horizon + 2,
        stage.at(0.07),
        mix((90, 140, 90), stage.haze, 0.45),
        pointed=False,
    )
    path = [
        (stage.at(0.46), stage.horizon),
        (stage.at(0.54), stage.horizon),
        (stage.at(0.85), stage.size),
        (stage.at(0.35), stage.size),
    ]
    stage.draw.polygon(path, fill=(226, 210, 170))
    row(stage, ("deciduous tree",), 4, stage.horizon + stage.at(0.04), (0.18, 0.24), fade=0.3)
    place(
        stage, ("bench",), stage.at(0.18), stage.horizon + stage.at(0.08), stage.at(0.07), fade=0.3
    )


def _garden(stage: Stage) -> None:
    green_land(stage)
    place(
        stage,
        ("house with garden", "house"),
        stage.at(0.2),
        stage.horizon + 4,
        stage.at(0.2),
        fade=0.35,
    )
    fence(stage, stage.horizon + stage.at(0.06), stage.at(0.07))
    row(
        stage,
        ("tulip", "sunflower", "blossom", "hibiscus", "rose"),
        9,
        stage.horizon + stage.at(0.1),
        (0.04, 0.06),
        fade=0.15,
    )
    place(
        stage,
        ("deciduous tree",),
        stage.at(0.92),
        stage.horizon + stage.at(0.06),
        stage.at(0.26),
        fade=0.2,
    )


def _field(stage: Stage) -> None:
    ridge(stage, stage.horizon, stage.at(0.06), mix((150, 185, 140), stage.haze, 0.4), waves=2)
    band(stage, stage.horizon, stage.size, (214, 200, 110), (176, 160, 80))
    for k in range(-10, 11):  # crop rows meeting at the horizon
        stage.draw.line(
            [(stage.at(0.5 + k * 0.03), stage.horizon), (stage.at(0.5 + k * 0.16), stage.size)],
            fill=(190, 176, 90),
            width=2,
        )
    row(stage, ("deciduous tree",), 3, stage.horizon + 2, (0.06, 0.08), fade=0.45)


def _farm(stage: Stage) -> None:
    green_land(stage)
    x, y, w, h = stage.at(0.7), stage.horizon + stage.at(0.02), stage.at(0.18), stage.at(0.12)
    stage.draw.rectangle([x, y - h, x + w, y], fill=(178, 72, 60))  # the barn
    stage.draw.polygon(
        [(x - 6, y - h), (x + w / 2, y - h * 1.55), (x + w + 6, y - h)], fill=(140, 56, 48)
    )
    stage.draw.rectangle([x + w * 0.35, y - h * 0.6, x + w * 0.65, y], fill=(240, 230, 210))
    place(stage, ("house",), stage.at(0.2), stage.horizon + 2, stage.at(0.12), fade=0.35)
    fence(stage, stage.horizon + stage.at(0.08), stage.at(0.06))
    place(
        stage,
        ("sheaf of rice",),
        stage.at(0.5),
        stage.horizon + stage.at(0.05),
        stage.at(0.06),
        fade=0.3,
    )


def _zoo(stage: Stage) -> None:
    green_land(stage)
    row(
        stage,
        ("palm tree", "deciduous tree"),
        4,
        stage.horizon + stage.at(0.02),
        (0.16, 0.22),
        fade=0.35,
    )
    place(stage, ("rock",), stage.at(0.3), stage.horizon + stage.at(0.05), stage.at(0.08), fade=0.3)
    fence(stage, stage.horizon + stage.at(0.07), stage.at(0.07))


def _playground(stage: Stage) -> None:
    green_land(stage)
    stage.draw.ellipse(
        [stage.at(-0.15), stage.at(0.76), stage.at(0.55), stage.at(1.08)], fill=(232, 212, 160)
    )
    row(stage, ("deciduous tree",), 3, stage.horizon + 2, (0.14, 0.18), fade=0.4)
    place(
        stage,
        ("playground slide",),
        stage.at(0.2),
        stage.horizon + stage.at(0.08),
        stage.at(0.14),
        fade=0.3,
    )
    place(
        stage,
        ("ferris wheel", "carousel horse"),
        stage.at(0.82),
        stage.horizon + stage.at(0.02),
        stage.at(0.12),
        fade=0.45,
    )


def _mountains(stage: Stage) -> None:
    snow_caps(
        stage,
        stage.horizon,
        stage.at(0.34),
        stage.rng,
        mix((120, 135, 165), stage.haze, 0.4),
        (246, 248, 252),
    )
    ridge(
        stage,
        stage.horizon + 2,
        stage.at(0.1),
        mix((110, 140, 120), stage.haze, 0.3),
        waves=3,
        sharp=True,
    )
    band(stage, stage.horizon, stage.size, *grass(stage))
    row(stage, FIRS, 5, stage.horizon + stage.at(0.05), (0.12, 0.18), fade=0.3)


def _desert(stage: Stage) -> None:
    ridge(stage, stage.horizon, stage.at(0.06), mix((226, 190, 140), stage.haze, 0.3), waves=2)
    band(stage, stage.horizon, stage.size, (236, 204, 146), (214, 172, 112))
    ridge(stage, stage.at(0.72), stage.at(0.06), (228, 192, 130), waves=1)
    row(stage, ("cactus",), 3, stage.horizon + stage.at(0.04), (0.1, 0.14), fade=0.3)
    place(stage, ("cactus",), stage.at(0.92), stage.at(0.92), stage.at(0.3), fade=0.12)


def _snow(stage: Stage) -> None:
    ridge(stage, stage.horizon, stage.at(0.12), mix((200, 212, 232), stage.haze, 0.3), waves=2)
    band(stage, stage.horizon, stage.size, *SNOW)
    row(stage, FIRS, 7, stage.horizon + stage.at(0.03), (0.12, 0.18), fade=0.45)
    place(stage, FIRS, stage.at(0.04), stage.at(0.9), stage.at(0.38), fade=0.3)


def _city(stage: Stage) -> None:
    x = 0.0
    far = mix((130, 140, 165), stage.haze, 0.45)
    while x < stage.size:  # the far skyline
        w, h = stage.at(stage.rng.uniform(0.06, 0.12)), stage.at(stage.rng.uniform(0.12, 0.32))
        stage.draw.rectangle([x, stage.horizon - h, x + w - 1, stage.horizon], fill=far)
        x += w
    row(
        stage,
        ("office building", "classical building", "department store", "house"),
        5,
        stage.horizon + stage.at(0.03),
        (0.18, 0.26),
        fade=0.3,
        mirror=False,
    )
    pavement = stage.horizon + stage.at(0.03)
    band(stage, stage.horizon, pavement, (196, 194, 190), (186, 184, 180))
    band(stage, pavement, stage.size, (150, 150, 156), (118, 118, 124))
    for k in range(7):  # the lane's dashes
        stage.draw.rectangle(
            [stage.at(k / 7 + 0.02), stage.at(0.8), stage.at(k / 7 + 0.1), stage.at(0.81)],
            fill=(240, 240, 230),
        )


def _village(stage: Stage) -> None:
    green_land(stage)
    row(
        stage,
        ("house", "house with garden", "church", "hut"),
        5,
        stage.horizon + stage.at(0.03),
        (0.11, 0.16),
        fade=0.3,
    )
    row(stage, ("deciduous tree",), 3, stage.horizon + stage.at(0.05), (0.14, 0.18), fade=0.3)
    stage.draw.polygon(
        [
            (stage.at(0.47), stage.horizon + stage.at(0.04)),
            (stage.at(0.53), stage.horizon + stage.at(0.04)),
            (stage.at(0.7), stage.size),
            (stage.at(0.3), stage.size),
        ],
        fill=(210, 186, 150),
    )


def _road(stage: Stage) -> None:
    green_land(stage)
    row(stage, TREES, 6, stage.horizon + 2, (0.07, 0.1), fade=0.45)
    mid = stage.size / 2
    stage.draw.polygon(
        [
            (mid - stage.at(0.02), stage.horizon),
            (mid + stage.at(0.02), stage.horizon),
            (stage.size * 1.05, stage.size),
            (-stage.size * 0.05, stage.size),
        ],
        fill=(120, 120, 126),
    )
    for k in range(6):  # dashes growing toward the viewer
        t0, t1 = (k / 6) ** 1.6, (k / 6 + 0.07) ** 1.6
        y0 = stage.horizon + (stage.size - stage.horizon) * t0
        y1 = stage.horizon + (stage.size - stage.horizon) * t1
        stage.draw.polygon(
            [
                (mid - 1 - 4 * t0, y0),
                (mid + 1 + 4 * t0, y0),
                (mid + 1 + 4 * t1, y1),
                (mid - 1 - 4 * t1, y1),
            ],
            fill=(244, 236, 200),
        )


def _castle(stage: Stage) -> None:
    green_land(stage)
    drawn = place(
        stage,
        ("castle", "European castle", "Japanese castle"),
        stage.at(0.5),
        stage.horizon + stage.at(0.02),
        stage.at(0.34),
        fade=0.3,
    )
    if not drawn:
        stage.draw.rectangle(
            [stage.at(0.3), stage.at(0.3), stage.at(0.7), stage.horizon], fill=(170, 166, 160)
        )
    row(
        stage, TREES, 2, stage.horizon + stage.at(0.04), (0.14, 0.18), fade=0.35, spread=(0.0, 0.25)
    )
    row(
        stage, TREES, 2, stage.horizon + stage.at(0.04), (0.14, 0.18), fade=0.35, spread=(0.75, 1.0)
    )


LANDSCAPES: dict[str, Callable[[Stage], None]] = {
    "forest": _forest,
    "jungle": _jungle,
    "park": _park,
    "garden": _garden,
    "field": _field,
    "farm": _farm,
    "zoo": _zoo,
    "playground": _playground,
    "mountains": _mountains,
    "desert": _desert,
    "snow": _snow,
    "city": _city,
    "village": _village,
    "road": _road,
    "castle": _castle,
}
"""Setting name to its painter; every landscape has a sky for the time of day."""
