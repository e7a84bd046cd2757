"""Materials, patterns and finishes: the pixels inside a thing change in the expected way,
its outline and silhouette stay (real OpenMoji clip art, no language model)."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image

from speech2image.imaging.compose.materials import glow, sparkles, surface
from speech2image.scene import FINISHES, MATERIALS, PATTERNS

pytestmark = pytest.mark.slow  # the shared composer loads the pack's index and embeddings

SIDE_PX = 180


@pytest.fixture
def sprite(composer):
    """``sprite(noun)``: the thing's clip art, plain, about :data:`SIDE_PX` pixels."""

    def make(noun: str) -> Image.Image:
        entry = composer.matcher().match(noun).entry
        base = composer._rasterizer.base(entry)
        scale = SIDE_PX / max(base.size)
        size = (max(1, round(base.width * scale)), max(1, round(base.height * scale)))
        return base.resize(size, Image.Resampling.BILINEAR)

    return make


def _arrays(image: Image.Image) -> tuple[np.ndarray, np.ndarray]:
    pixels = np.asarray(image.convert("RGBA"), dtype=np.float32)
    return pixels[..., :3], pixels[..., 3]


def _fill(image: Image.Image) -> np.ndarray:
    """Opaque pixels that are not outline: where a material is painted."""
    rgb, alpha = _arrays(image)
    return (alpha > 200) & (rgb.max(axis=2) >= 0.3 * 255)


def _outline(image: Image.Image) -> np.ndarray:
    rgb, alpha = _arrays(image)
    return (alpha > 200) & (rgb.max(axis=2) < 40)


def _luminance(rgb: np.ndarray) -> np.ndarray:
    return rgb[..., 0] * 0.3 + rgb[..., 1] * 0.59 + rgb[..., 2] * 0.11


def _saturation(rgb: np.ndarray) -> np.ndarray:
    return rgb.max(axis=-1) - rgb.min(axis=-1)


@pytest.mark.parametrize(
    "look",
    [{"material": m} for m in MATERIALS]
    + [{"pattern": p} for p in PATTERNS]
    + [{"finish": f} for f in FINISHES]
    + [{"material": "glass", "color": "red"}, {"pattern": "striped", "color": "red"}],
)
def test_outline_and_silhouette_stay(sprite, look: dict[str, str]) -> None:
    plain = sprite("umbrella")
    drawn = surface(plain, seed=3, **look)
    assert drawn.size == plain.size
    outline = _outline(plain)
    assert outline.sum() > 100
    assert np.array_equal(_arrays(drawn)[0][outline], _arrays(plain)[0][outline])
    clear = _arrays(plain)[1] == 0
    assert (_arrays(drawn)[1][clear] == 0).all()
    assert not np.array_equal(np.asarray(drawn), np.asarray(plain)) or look.get("finish") == (
        "sparkling"
    )  # sparkles are drawn around the thing, on the canvas


def test_glass_is_see_through_with_a_white_highlight(sprite) -> None:
    plain = sprite("giraffe")
    fill = _fill(plain)
    rgb, alpha = _arrays(surface(plain, material="glass", seed=1))
    assert alpha[fill].mean() < 0.7 * _arrays(plain)[1][fill].mean()
    glint = (_luminance(rgb) > 235) & (alpha > 200) & fill
    assert glint.sum() > 0.01 * fill.sum()


def test_metal_is_a_cool_grey_gradient_with_a_bright_streak(sprite) -> None:
    plain = sprite("umbrella")
    fill = _fill(plain)
    rgb, _ = _arrays(surface(plain, material="metal", seed=1))
    assert _saturation(rgb[fill]).mean() < 0.12 * 255 < _saturation(_arrays(plain)[0][fill]).mean()
    assert np.percentile(_luminance(rgb[fill]), 98) > 225
    rows = np.nonzero(fill.any(axis=1))[0]
    top, bottom = rows[: len(rows) // 3], rows[-len(rows) // 3 :]
    lum = _luminance(rgb)
    assert lum[top][fill[top]].mean() > lum[bottom][fill[bottom]].mean()
    assert rgb[fill][:, 2].mean() > rgb[fill][:, 0].mean()  # cool: bluer than red


def test_gold_is_yellow_and_silver_is_light_grey(sprite) -> None:
    plain = sprite("cup")
    fill = _fill(plain)
    gold, _ = _arrays(surface(plain, material="gold", seed=1))
    r, g, b = gold[fill].mean(axis=0)
    assert r > g > b + 40
    silver, _ = _arrays(surface(plain, material="silver", seed=1))
    assert _saturation(silver[fill]).mean() < 0.1 * 255
    assert (
        _luminance(silver[fill]).mean()
        > _luminance(_arrays(surface(plain, material="metal", seed=1))[0][fill]).mean()
    )


def test_wood_is_brown_with_grain_lines(sprite) -> None:
    plain = sprite("chair")
    fill = _fill(plain)
    rgb, _ = _arrays(surface(plain, material="wood", seed=1))
    r, g, b = rgb[fill].mean(axis=0)
    assert r > g > b and r - b > 50
    lum = _luminance(rgb)
    # The grain runs along the height: light and dark lines alternate across it.
    across = np.abs(np.diff(lum, axis=1))[fill[:, 1:] & fill[:, :-1]].mean()
    along = np.abs(np.diff(lum, axis=0))[fill[1:] & fill[:-1]].mean()
    assert across > 1.3 * along
    assert lum[fill].std() > 12


def test_stone_is_grey_with_grain(sprite) -> None:
    plain = sprite("cloud")
    fill = _fill(plain)
    rgb, _ = _arrays(surface(plain, material="stone", seed=1))
    assert _saturation(rgb[fill]).mean() < 0.1 * 255
    lum = _luminance(rgb)

    # Grain: neighbouring pixels differ far more than on the plain, smoothly shaded cloud.
    def roughness(values: np.ndarray) -> float:
        return float(np.abs(np.diff(values, axis=1))[fill[:, 1:] & fill[:, :-1]].mean())

    assert roughness(lum) > 3 * roughness(_luminance(_arrays(plain)[0])) and roughness(lum) > 3


def test_plastic_is_saturated_and_glossy_even_on_a_grey_thing(sprite) -> None:
    for noun in ("cloud", "giraffe"):
        plain = sprite(noun)
        fill = _fill(plain)
        rgb, _ = _arrays(surface(plain, material="plastic", seed=1))
        glossy = (_luminance(rgb) > 230) & fill
        assert glossy.sum() > 0.005 * fill.sum(), noun
        assert _saturation(rgb[fill & ~glossy]).mean() >= 0.35 * 255, noun


def test_paper_is_light_and_ice_is_pale_blue_and_see_through(sprite) -> None:
    plain = sprite("umbrella")
    fill = _fill(plain)
    paper, _ = _arrays(surface(plain, material="paper", seed=1))
    assert _luminance(paper[fill]).mean() > 200
    ice, ice_alpha = _arrays(surface(plain, material="ice", seed=1))
    _, glass_alpha = _arrays(surface(plain, material="glass", seed=1))
    assert glass_alpha[fill].mean() < ice_alpha[fill].mean() < 240
    assert ice[fill][:, 2].mean() > ice[fill][:, 0].mean() + 10


def test_red_stripes_are_red_and_white_and_periodic_along_one_axis(sprite) -> None:
    plain = sprite("umbrella")
    fill = _fill(plain)
    rgb, _ = _arrays(surface(plain, pattern="striped", color="red", seed=1))
    red = (rgb[..., 0] > 150) & (rgb[..., 1] < 110) & (rgb[..., 2] < 110)
    white = rgb.min(axis=2) > 190
    assert (red | white)[fill].mean() > 0.9
    assert 0.3 < red[fill].mean() < 0.7
    # Across the stripes the colour flips many times; along them it stays.
    rows = [y for y in range(rgb.shape[0]) if fill[y].sum() > 0.6 * rgb.shape[1]]
    y = rows[len(rows) // 2]
    flips_across = np.count_nonzero(np.diff(red[y][fill[y]].astype(int)))
    x = int(np.argmax(fill.sum(axis=0)))
    flips_along = np.count_nonzero(np.diff(red[:, x][fill[:, x]].astype(int)))
    assert flips_across >= 6 and flips_along <= 2


def test_checks_are_periodic_in_both_directions(sprite) -> None:
    plain = sprite("cloud")
    fill = _fill(plain)
    rgb, _ = _arrays(surface(plain, pattern="checkered", color="blue", seed=1))
    dark = (_luminance(rgb) < 150).astype(np.float32)
    period = round(max(6.0, min(plain.size) / 6.0))

    def agreement(dy: int, dx: int) -> float:
        h, w = dark.shape
        both = fill[: h - dy, : w - dx] & fill[dy:, dx:]
        return float((dark[: h - dy, : w - dx] == dark[dy:, dx:])[both].mean())

    assert agreement(0, period) < 0.3 and agreement(period, 0) < 0.3  # one square over: flipped
    assert agreement(period, period) > 0.7 and agreement(0, 2 * period) > 0.7  # two: the same


@pytest.mark.parametrize("pattern", ["spotted", "dotted"])
def test_spots_and_dots_are_many_round_marks(sprite, pattern: str) -> None:
    import cv2

    plain = sprite("cloud")
    fill = _fill(plain)
    rgb, _ = _arrays(surface(plain, pattern=pattern, seed=1))
    base = _luminance(_arrays(plain)[0])
    marks = (np.abs(_luminance(rgb) - base) > 60) & fill
    count, _ = cv2.connectedComponents(marks.astype(np.uint8))
    assert count - 1 >= 8
    assert 0.05 < marks[fill].mean() < 0.5


def test_colour_and_material_combine(sprite) -> None:
    plain = sprite("umbrella")
    fill = _fill(plain)
    red_glass, alpha = _arrays(surface(plain, material="glass", color="red", seed=1))
    body = fill & (_luminance(red_glass) < 220)
    r, g, b = red_glass[body].mean(axis=0)
    assert r > g + 40 and r > b + 40
    assert alpha[fill].mean() < 200


def test_unknown_words_and_empty_sprites_are_harmless(sprite) -> None:
    plain = sprite("cloud")
    assert np.array_equal(np.asarray(surface(plain, material="velvet")), np.asarray(plain))
    empty = Image.new("RGBA", (20, 20), (0, 0, 0, 0))
    assert surface(empty, material="glass", pattern="striped").size == (20, 20)
    assert surface(plain, material="glass", color="not a colour").size == plain.size


def test_sparkles_and_glow_light_up_around_the_thing(sprite) -> None:
    thing = sprite("crown")
    canvas = Image.new("RGB", (400, 400), (60, 70, 90))
    box = (110, 110, 110 + thing.width, 110 + thing.height)
    sparkles(canvas, box, seed=1)
    pixels = np.asarray(canvas, dtype=np.int16)
    ring = np.ones((400, 400), bool)
    ring[box[1] + 20 : box[3] - 20, box[0] + 20 : box[2] - 20] = False
    assert ((pixels.min(axis=2) > 200) & ring).sum() > 30
    lit = Image.new("RGB", (400, 400), (60, 70, 90))
    glow(lit, box, thing)
    halo = np.asarray(lit, dtype=np.int16)[box[1] - 8 : box[1] - 2, box[0] : box[2]]
    assert halo.mean() > 90


def test_the_rasterizer_memoises_each_look(composer) -> None:
    entry = composer.matcher().match("dog").entry
    raster = composer._rasterizer
    glass = raster.sized(entry, width=90, height=90, color=None, mirror=False, material="glass")
    again = raster.sized(entry, width=90, height=90, color=None, mirror=False, material="glass")
    plain = raster.sized(entry, width=90, height=90, color=None, mirror=False)
    assert glass is again
    assert not np.array_equal(np.asarray(glass), np.asarray(plain))
