"""Built places as backdrops: rooms (a wall over a floor), halls and grounds.

Rooms are drawn as their wall (with a window onto the picture's sky, a board, shelves,
cupboards) above :data:`~speech2image.imaging.compose.ground.HORIZON_FRACTION` and their
floor below it, where the things of the sentence stand. Stations, airports, stadiums and
pools are built grounds under the open sky.
"""

from __future__ import annotations

from collections.abc import Callable

from PIL import ImageDraw, ImageFont

from speech2image.imaging.compose.backdrop_shapes import (
    Color,
    Stage,
    band,
    boards,
    glaze,
    mix,
    place,
    row,
    shelf_of_books,
    tiles,
    vignette,
    window,
)

WOOD: Color = (176, 126, 80)
FLOOR: tuple[Color, Color] = ((206, 166, 118), (172, 128, 86))


def _wall(stage: Stage, colour: Color) -> None:
    band(stage, 0, stage.horizon, mix(colour, (255, 255, 255), 0.08), colour)
    stage.draw.rectangle(
        [0, stage.horizon - stage.at(0.015), stage.size, stage.horizon],
        fill=mix(colour, (0, 0, 0), 0.2),
    )  # the skirting board


def _frame(stage: Stage, box: tuple[float, float, float, float], inside: Color) -> None:
    stage.draw.rectangle(
        box, fill=inside, outline=(150, 110, 70), width=max(2, int(stage.at(0.01)))
    )


def _studio(stage: Stage) -> None:
    """A calm wall over a floor, with a little life: a floor line with a faint shadow
    under it and a soft vignette that keeps the eye in the middle."""
    band(stage, 0, stage.horizon, (240, 238, 234), (226, 223, 218))
    floor_top: Color = (218, 210, 199)
    band(stage, stage.horizon, stage.size, floor_top, (196, 186, 173))
    band(stage, stage.horizon, stage.horizon + stage.at(0.045), mix(floor_top, (0, 0, 0), 0.08),
         floor_top)  # fmt: skip
    stage.draw.rectangle([0, stage.horizon - stage.at(0.004), stage.size, stage.horizon + 1],
                         fill=mix(floor_top, (0, 0, 0), 0.18))  # fmt: skip
    vignette(stage, (92, 80, 68), strength=0.32)


def _room(stage: Stage) -> None:
    _wall(stage, (232, 222, 204))
    window(stage, (stage.at(0.6), stage.at(0.1), stage.at(0.86), stage.at(0.38)), (250, 250, 246))
    _frame(stage, (stage.at(0.14), stage.at(0.14), stage.at(0.34), stage.at(0.3)), (170, 200, 170))
    boards(stage, stage.horizon, *FLOOR)
    place(
        stage,
        ("potted plant",),
        stage.at(0.94),
        stage.horizon + stage.at(0.04),
        stage.at(0.16),
        fade=0.2,
    )


def _kitchen(stage: Stage) -> None:
    _wall(stage, (240, 230, 200))
    counter = stage.horizon - stage.at(0.16)
    tiles(
        stage,
        (0, counter - stage.at(0.14), stage.size, counter),
        (236, 236, 232),
        (210, 206, 196),
        stage.at(0.035),
    )
    for k in range(5):  # wall cupboards, a window in the middle
        x = stage.at(0.02 + k * 0.2)
        if k == 2:
            window(
                stage,
                (x, stage.at(0.06), x + stage.at(0.16), counter - stage.at(0.17)),
                (250, 250, 246),
            )
            continue
        stage.draw.rectangle(
            [x, stage.at(0.04), x + stage.at(0.16), stage.at(0.2)],
            fill=(196, 214, 206),
            outline=(150, 170, 160),
            width=2,
        )
    stage.draw.rectangle(
        [0, counter - stage.at(0.015), stage.size, counter + 2], fill=(150, 146, 140)
    )
    stage.draw.rectangle([0, counter + 2, stage.size, stage.horizon], fill=(190, 208, 200))
    for k in range(6):
        x = stage.at(k / 6 + 0.01)
        stage.draw.rectangle(
            [x, counter + 6, x + stage.at(0.15), stage.horizon - 6],
            outline=(150, 170, 160),
            width=2,
        )
    tiles(
        stage,
        (0, stage.horizon, stage.size, stage.size),
        (226, 222, 214),
        (196, 190, 180),
        stage.at(0.08),
    )


def _bedroom(stage: Stage) -> None:
    _wall(stage, (204, 216, 238))
    box = (stage.at(0.58), stage.at(0.1), stage.at(0.86), stage.at(0.38))
    window(stage, box, (250, 250, 250))
    for x in (box[0] - stage.at(0.05), box[2] - stage.at(0.01)):  # curtains
        stage.draw.rectangle(
            [x, stage.at(0.07), x + stage.at(0.06), stage.at(0.42)], fill=(236, 180, 170)
        )
    _frame(stage, (stage.at(0.14), stage.at(0.16), stage.at(0.3), stage.at(0.32)), (250, 220, 150))
    band(stage, stage.horizon, stage.size, (186, 150, 170), (160, 124, 146))
    stage.draw.ellipse(
        [stage.at(0.15), stage.at(0.7), stage.at(0.85), stage.at(0.98)], fill=(214, 190, 200)
    )


def _bathroom(stage: Stage) -> None:
    tiles(
        stage, (0, 0, stage.size, stage.horizon), (216, 236, 242), (186, 212, 222), stage.at(0.06)
    )
    stage.draw.ellipse(
        [stage.at(0.38), stage.at(0.08), stage.at(0.62), stage.at(0.36)],
        fill=(220, 236, 246),
        outline=(170, 176, 184),
        width=4,
    )  # the mirror
    stage.draw.rectangle(
        [stage.at(0.74), stage.at(0.26), stage.at(0.9), stage.at(0.27)], fill=(170, 176, 184)
    )
    stage.draw.rectangle(
        [stage.at(0.76), stage.at(0.27), stage.at(0.86), stage.at(0.4)], fill=(240, 200, 150)
    )
    tiles(
        stage,
        (0, stage.horizon, stage.size, stage.size),
        (232, 232, 236),
        (200, 200, 208),
        stage.at(0.09),
    )


def _classroom(stage: Stage) -> None:
    _wall(stage, (226, 234, 214))
    x0, y0, x1, y1 = stage.at(0.16), stage.at(0.08), stage.at(0.84), stage.at(0.38)
    stage.draw.rectangle(
        [x0, y0, x1, y1],
        fill=(52, 94, 70),
        outline=(150, 110, 70),
        width=max(3, int(stage.at(0.014))),
    )  # the blackboard
    font = ImageFont.load_default(size=max(10, int(stage.at(0.05))))
    stage.draw.text(
        (x0 + stage.at(0.05), y0 + stage.at(0.05)),
        "A B C   1 + 2 = 3",
        fill=(230, 236, 230),
        font=font,
    )
    stage.draw.line(
        [(x0 + stage.at(0.05), y1 - stage.at(0.08)), (x1 - stage.at(0.2), y1 - stage.at(0.1))],
        fill=(220, 226, 220),
        width=2,
    )
    cx, cy, r = stage.at(0.92), stage.at(0.12), stage.at(0.04)  # the clock
    stage.draw.ellipse(
        [cx - r, cy - r, cx + r, cy + r], fill=(250, 250, 250), outline=(60, 60, 60), width=2
    )
    stage.draw.line(
        [(cx, cy), (cx, cy - r * 0.7), (cx, cy), (cx + r * 0.5, cy)], fill=(60, 60, 60), width=2
    )
    boards(stage, stage.horizon, *FLOOR)


def _office(stage: Stage) -> None:
    _wall(stage, (222, 224, 226))
    x0, y0, x1, y1 = stage.at(0.08), stage.at(0.07), stage.at(0.6), stage.at(0.4)
    window(stage, (x0, y0, x1, y1), (120, 124, 130))
    for k in range(6):  # the city outside
        h = stage.at(0.04 + 0.03 * (k % 3))
        stage.draw.rectangle(
            [x0 + (x1 - x0) * k / 6 + 3, y1 - h, x0 + (x1 - x0) * (k + 1) / 6 - 2, y1 - 3],
            fill=mix((140, 150, 170), stage.sky[1], 0.4),
        )
    shelf_of_books(
        stage,
        (stage.at(0.68), stage.at(0.14), stage.at(0.92), stage.horizon - stage.at(0.02)),
        (150, 150, 156),
        3,
    )
    band(stage, stage.horizon, stage.size, (170, 174, 180), (140, 144, 150))
    place(
        stage,
        ("potted plant",),
        stage.at(0.62),
        stage.horizon + stage.at(0.03),
        stage.at(0.14),
        fade=0.2,
    )


def _library(stage: Stage) -> None:
    _wall(stage, (214, 196, 170))
    for k in range(3):
        x = stage.at(0.03 + k * 0.33)
        shelf_of_books(
            stage, (x, stage.at(0.04), x + stage.at(0.3), stage.horizon - stage.at(0.015)), WOOD, 4
        )
    boards(stage, stage.horizon, (170, 120, 80), (140, 96, 62))


def _restaurant(stage: Stage) -> None:
    _wall(stage, (238, 214, 186))
    for k in range(2):
        x = stage.at(0.12 + k * 0.48)
        window(stage, (x, stage.at(0.1), x + stage.at(0.28), stage.at(0.34)), (120, 80, 50))
    for k in range(3):  # hanging lamps
        x = stage.at(0.2 + k * 0.3)
        stage.draw.line([(x, 0), (x, stage.at(0.05))], fill=(80, 60, 40), width=2)
        stage.draw.pieslice(
            [x - stage.at(0.05), stage.at(0.04), x + stage.at(0.05), stage.at(0.12)],
            180,
            360,
            fill=(240, 190, 90),
        )
    for k in range(3):  # far tables with cloths
        x = stage.at(0.1 + k * 0.32)
        stage.draw.rectangle(
            [x, stage.horizon - stage.at(0.1), x + stage.at(0.18), stage.horizon - stage.at(0.02)],
            fill=(246, 246, 240),
            outline=(200, 80, 70),
            width=2,
        )
    tiles(
        stage,
        (0, stage.horizon, stage.size, stage.size),
        (214, 110, 90),
        (180, 90, 74),
        stage.at(0.08),
    )


def _shop(stage: Stage) -> None:
    _wall(stage, (236, 232, 220))
    stage.draw.rectangle([0, 0, stage.size, stage.at(0.06)], fill=(80, 150, 120))
    goods = [(230, 90, 70), (250, 200, 70), (90, 150, 220), (120, 190, 100), (240, 240, 230)]
    for shelf in range(3):
        y = stage.at(0.18 + shelf * 0.12)
        stage.draw.rectangle(
            [stage.at(0.04), y, stage.at(0.96), y + stage.at(0.015)], fill=(170, 150, 130)
        )
        x = stage.at(0.05)
        while x < stage.at(0.94):
            w, h = stage.at(stage.rng.uniform(0.03, 0.05)), stage.at(stage.rng.uniform(0.05, 0.09))
            stage.draw.rectangle(
                [x, y - h, x + w, y], fill=stage.rng.choice(goods), outline=(120, 110, 100)
            )
            x += w + 3
    tiles(
        stage,
        (0, stage.horizon, stage.size, stage.size),
        (226, 226, 222),
        (196, 196, 192),
        stage.at(0.08),
    )


def _hospital(stage: Stage) -> None:
    _wall(stage, (214, 236, 226))
    window(stage, (stage.at(0.1), stage.at(0.1), stage.at(0.36), stage.at(0.36)), (250, 250, 250))
    cx, cy, arm = stage.at(0.56), stage.at(0.2), stage.at(0.05)
    stage.draw.rectangle([cx - arm, cy - arm / 3, cx + arm, cy + arm / 3], fill=(220, 60, 60))
    stage.draw.rectangle([cx - arm / 3, cy - arm, cx + arm / 3, cy + arm], fill=(220, 60, 60))
    stage.draw.line(
        [(stage.at(0.7), stage.at(0.05)), (stage.size, stage.at(0.05))],
        fill=(160, 160, 170),
        width=3,
    )
    for k in range(5):  # the bed curtain's folds
        x = stage.at(0.72 + k * 0.06)
        stage.draw.rectangle(
            [x, stage.at(0.05), x + stage.at(0.05), stage.horizon - stage.at(0.02)],
            fill=(170, 210, 220) if k % 2 else (186, 222, 230),
        )
    tiles(
        stage,
        (0, stage.horizon, stage.size, stage.size),
        (230, 234, 236),
        (204, 210, 214),
        stage.at(0.09),
    )


def _greenhouse(stage: Stage) -> None:
    frame, bench = (236, 240, 236), stage.horizon - stage.at(0.08)
    band(stage, stage.horizon, stage.size, (150, 118, 90), (120, 92, 70))
    sheet = glaze(stage)  # the glass: the sky seen through faintly misted panes
    ImageDraw.Draw(sheet).rectangle([0, 0, stage.size, bench], fill=(236, 246, 255, 70))
    stage.layer.alpha_composite(sheet)
    for k in range(9):  # the panes' frame, a pitched roof
        x = stage.at(k / 8)
        stage.draw.line([(x, stage.at(0.1)), (x, bench)], fill=frame, width=3)
        stage.draw.line([(x, stage.at(0.1)), (stage.size / 2, 0)], fill=frame, width=2)
    for y in (stage.at(0.1), stage.at(0.3)):
        stage.draw.line([(0, y), (stage.size, y)], fill=frame, width=3)
    stage.draw.rectangle([0, bench, stage.size, stage.horizon], fill=(170, 150, 130))
    row(stage, ("potted plant", "herb", "seedling"), 7, bench + 2, (0.1, 0.14), fade=0.15)


def _stage(stage: Stage) -> None:
    band(stage, 0, stage.horizon, (60, 30, 60), (40, 20, 44))
    for side in (0.0, 0.82):  # curtains with folds
        for k in range(5):
            x = stage.at(side + k * 0.036)
            stage.draw.rectangle(
                [x, 0, x + stage.at(0.036), stage.horizon + stage.at(0.05)],
                fill=(176, 34, 44) if k % 2 else (150, 24, 36),
            )
    stage.draw.rectangle([0, 0, stage.size, stage.at(0.08)], fill=(150, 24, 36))
    boards(stage, stage.horizon, (150, 100, 64), (110, 72, 46))
    sheet = glaze(stage)
    beams = ImageDraw.Draw(sheet)
    for k in range(3):  # spotlights
        x = stage.at(0.2 + 0.3 * k)
        beams.polygon(
            [
                (x - 6, 0),
                (x + 6, 0),
                (x + stage.at(0.12), stage.size),
                (x - stage.at(0.12), stage.size),
            ],
            fill=(255, 246, 210, 44),
        )
    stage.layer.alpha_composite(sheet)


INTERIORS: dict[str, tuple[str, Callable[[Stage], None]]] = {
    "studio": ("none", _studio), "room": ("none", _room), "kitchen": ("none", _kitchen),
    "bedroom": ("none", _bedroom), "bathroom": ("none", _bathroom),
    "classroom": ("none", _classroom), "office": ("none", _office),
    "library": ("none", _library), "restaurant": ("none", _restaurant), "shop": ("none", _shop),
    "hospital": ("none", _hospital), "greenhouse": ("time", _greenhouse),
    "stage": ("none", _stage),
}  # fmt: skip
"""Setting name to (the sky kind behind it, the painter): see :class:`.backdrops.Backdrop`."""
