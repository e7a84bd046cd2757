"""Built grounds under the open sky as backdrops: a station, an airport, a stadium, a
swimming pool; and a cave, whose mouth shows the sky.

Drawn on the backdrop's layer (:class:`.backdrop_shapes.Stage`) from shapes: platforms and
rails, a runway and a tower, tiers of a crowd and a pitch, a pool's lanes.
"""

from __future__ import annotations

from collections.abc import Callable

from speech2image.imaging.compose.backdrop_shapes import Stage, band, mix, place, tiles, tree_line


def _cave(stage: Stage) -> None:
    band(stage, 0, stage.horizon, (84, 74, 68), (60, 52, 48))
    mouth = [stage.at(0.3), stage.at(0.16), stage.at(0.7), stage.horizon + stage.at(0.05)]
    stage.draw.ellipse(mouth, fill=(0, 0, 0, 0))  # the way out shows the sky
    band_colour = ((120, 104, 92), (92, 80, 72))
    band(stage, stage.horizon, stage.size, *band_colour)
    for k in range(11):  # stalactites
        x, w = stage.at(k / 10 + stage.rng.uniform(-0.03, 0.03)), stage.at(0.04)
        stage.draw.polygon(
            [(x - w, 0), (x + w, 0), (x, stage.at(stage.rng.uniform(0.08, 0.2)))],
            fill=(100, 88, 80),
        )
    for k in range(4):  # stalagmites
        x = stage.at((k + 0.5) / 4 + stage.rng.uniform(-0.08, 0.08))
        base = stage.horizon + stage.at(0.04)
        stage.draw.polygon(
            [(x - stage.at(0.03), base), (x + stage.at(0.03), base), (x, base - stage.at(0.1))],
            fill=(110, 96, 86),
        )


def _station(stage: Stage) -> None:
    tree_line(
        stage,
        stage.horizon - stage.at(0.05),
        stage.at(0.06),
        mix((120, 150, 120), stage.haze, 0.4),
        pointed=False,
    )
    band(
        stage,
        stage.horizon - stage.at(0.05),
        stage.horizon + stage.at(0.07),
        (150, 140, 130),
        (130, 120, 112),
    )
    for y in (stage.horizon - stage.at(0.02), stage.horizon + stage.at(0.03)):  # the rails
        stage.draw.line([(0, y), (stage.size, y)], fill=(90, 90, 96), width=3)
    for k in range(30):
        x = stage.at(k / 30)
        stage.draw.line(
            [(x, stage.horizon - stage.at(0.025)), (x - 3, stage.horizon + stage.at(0.04))],
            fill=(110, 90, 70),
            width=2,
        )
    band(stage, stage.horizon + stage.at(0.07), stage.size, (200, 198, 192), (172, 170, 166))
    stage.draw.rectangle(
        [0, stage.horizon + stage.at(0.07), stage.size, stage.horizon + stage.at(0.085)],
        fill=(240, 210, 80),
    )  # the platform's edge
    stage.draw.polygon(
        [(0, 0), (stage.size, 0), (stage.size, stage.at(0.08)), (0, stage.at(0.14))],
        fill=(110, 116, 126),
    )  # the canopy
    for x in (0.12, 0.88):
        stage.draw.rectangle(
            [stage.at(x), stage.at(0.1), stage.at(x + 0.02), stage.size], fill=(120, 126, 136)
        )
    cx, cy, r = stage.at(0.5), stage.at(0.2), stage.at(0.04)  # the station clock
    stage.draw.line([(cx, stage.at(0.11)), (cx, cy - r)], fill=(90, 96, 106), width=3)
    stage.draw.ellipse([cx - r, cy - r, cx + r, cy + r], fill=(250, 250, 246), outline=(60, 60, 66),
                       width=3)  # fmt: skip
    stage.draw.line([(cx, cy - r * 0.7), (cx, cy), (cx + r * 0.5, cy)], fill=(40, 40, 46), width=2)
    place(stage, ("bench",), stage.at(0.7), stage.horizon + stage.at(0.16), stage.at(0.08),
          fade=0.25)  # fmt: skip


def _airport(stage: Stage) -> None:
    band(stage, stage.horizon, stage.size, (150, 190, 120), (120, 160, 96))
    stage.draw.rectangle(
        [stage.at(0.05), stage.horizon - stage.at(0.08), stage.at(0.6), stage.horizon],
        fill=(200, 210, 220),
        outline=(140, 150, 160),
    )  # the terminal
    for k in range(10):
        x = stage.at(0.07 + k * 0.053)
        stage.draw.rectangle(
            [x, stage.horizon - stage.at(0.06), x + stage.at(0.04), stage.horizon - stage.at(0.02)],
            fill=mix((150, 190, 220), stage.sky[0], 0.3),
        )
    tower = stage.at(0.8)
    stage.draw.rectangle(
        [
            tower - stage.at(0.015),
            stage.horizon - stage.at(0.22),
            tower + stage.at(0.015),
            stage.horizon,
        ],
        fill=(190, 194, 200),
    )
    stage.draw.rectangle(
        [
            tower - stage.at(0.045),
            stage.horizon - stage.at(0.27),
            tower + stage.at(0.045),
            stage.horizon - stage.at(0.21),
        ],
        fill=(120, 160, 190),
    )
    runway = (stage.horizon + stage.at(0.12), stage.horizon + stage.at(0.22))
    stage.draw.rectangle([0, runway[0], stage.size, runway[1]], fill=(100, 100, 106))
    for k in range(9):
        x = stage.at(k / 9 + 0.02)
        y = (runway[0] + runway[1]) / 2
        stage.draw.rectangle([x, y - 2, x + stage.at(0.06), y + 2], fill=(244, 244, 240))
    place(stage, ("airplane",), stage.at(0.3), stage.at(0.2), stage.at(0.07), fade=0.45)


def _stadium(stage: Stage) -> None:
    top = stage.at(0.28)
    crowd = [(220, 90, 80), (80, 130, 210), (240, 200, 80), (240, 240, 240), (90, 170, 110)]
    for k in range(4):  # the stands, tier by tier
        y0 = top + (stage.horizon - top) * k / 4
        y1 = top + (stage.horizon - top) * (k + 1) / 4
        stage.draw.rectangle(
            [0, y0, stage.size, y1], fill=(120, 126, 140) if k % 2 else (110, 116, 130)
        )
        for _ in range(60):
            x, y = stage.rng.uniform(0, stage.size), stage.rng.uniform(y0 + 2, y1 - 3)
            stage.draw.ellipse([x - 2, y - 2, x + 2, y + 2], fill=stage.rng.choice(crowd))
    for x in (0.1, 0.9):  # floodlights
        stage.draw.line(
            [(stage.at(x), top), (stage.at(x), stage.at(0.06))], fill=(150, 150, 156), width=3
        )
        stage.draw.rectangle(
            [stage.at(x - 0.04), stage.at(0.03), stage.at(x + 0.04), stage.at(0.07)],
            fill=(250, 250, 220),
        )
    band(stage, stage.horizon, stage.size, (110, 176, 90), (80, 146, 70))
    for k in range(6):  # mowing stripes
        y = stage.horizon + (stage.size - stage.horizon) * (k / 6) ** 1.3
        stage.draw.rectangle(
            [0, y, stage.size, y + stage.at(0.02 + 0.01 * k)], fill=(120, 186, 100)
        )
    white = (244, 246, 240)
    stage.draw.line(
        [(0, stage.horizon + stage.at(0.04)), (stage.size, stage.horizon + stage.at(0.04))],
        fill=white,
        width=3,
    )
    stage.draw.ellipse(
        [stage.at(0.36), stage.at(0.72), stage.at(0.64), stage.at(0.86)], outline=white, width=3
    )


def _swimming_pool(stage: Stage) -> None:
    tree_line(
        stage, stage.horizon, stage.at(0.08), mix((100, 150, 110), stage.haze, 0.35), pointed=False
    )
    tiles(
        stage,
        (0, stage.horizon, stage.size, stage.size),
        (232, 232, 226),
        (206, 206, 200),
        stage.at(0.06),
    )
    pool = (0, stage.horizon + stage.at(0.06), stage.size, stage.at(0.92))
    stage.draw.rectangle(pool, fill=(90, 190, 220))
    for k in range(1, 5):  # lane ropes
        y = pool[1] + (pool[3] - pool[1]) * k / 5
        for bead in range(0, stage.size, max(4, int(stage.at(0.02)))):
            stage.draw.ellipse(
                [bead, y - 2, bead + 4, y + 2],
                fill=(230, 70, 60) if (bead // 10) % 2 else (250, 250, 250),
            )
    for _ in range(12):  # ripples of light
        x, y = stage.rng.uniform(0, stage.size), stage.rng.uniform(pool[1], pool[3])
        stage.draw.arc(
            [x, y, x + stage.at(0.05), y + stage.at(0.015)], 200, 340, fill=(180, 236, 250), width=2
        )
    x = stage.at(0.86)
    for dx in (0, stage.at(0.04)):  # the ladder
        stage.draw.arc(
            [x + dx - 8, pool[1] - stage.at(0.05), x + dx + 8, pool[1] + stage.at(0.02)],
            180,
            360,
            fill=(190, 196, 204),
            width=3,
        )


GROUNDS: dict[str, tuple[str, Callable[[Stage], None]]] = {
    "cave": ("time", _cave), "station": ("time", _station), "airport": ("time", _airport),
    "stadium": ("time", _stadium), "swimming pool": ("time", _swimming_pool),
}  # fmt: skip
"""Setting name to (the sky kind behind it, the painter): see :class:`.backdrops.Backdrop`."""
