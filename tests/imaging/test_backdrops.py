"""Illustrated settings: every setting draws its own layered backdrop from shapes and the
pack's clip art; time, lighting and weather shade it; it stays calmer than the things."""

from __future__ import annotations

import colorsys
import itertools

import numpy as np
import pytest
from PIL import Image

from speech2image.imaging.compose.backdrop_shapes import pack_sprites
from speech2image.imaging.compose.backdrops import BACKDROPS
from speech2image.imaging.compose.ground import HORIZON_FRACTION, INDOOR_SETTINGS
from speech2image.imaging.compose.scenery import background, weather_overlay
from speech2image.scene import SETTINGS, Scene, SceneObject

pytestmark = pytest.mark.slow  # the shared composer loads the pack's index and embeddings

SIZE_PX = 256


@pytest.fixture
def sprites(composer):
    pack = composer.options.pack
    return pack_sprites(composer._named(pack), composer.matcher(pack).match, composer._rasterizer)


def _draw(setting: str | None, sprites, **kw) -> np.ndarray:  # type: ignore[no-untyped-def]
    options = {"time": None, "weather": None, "season": None, "seed": 0, **kw}
    when = (options.pop("time"), options.pop("weather"), options.pop("season"))
    image = background(setting, *when, SIZE_PX, options.pop("seed"), sprite=sprites,
                       pack="openmoji", **options)  # fmt: skip
    assert image.mode == "RGB" and image.size == (SIZE_PX, SIZE_PX)
    return np.asarray(image, dtype=np.float32)


def test_every_setting_has_its_own_backdrop(sprites) -> None:
    assert set(SETTINGS) <= set(BACKDROPS)
    drawn = {s: _draw(s, sprites) for s in SETTINGS}
    for a, b in itertools.combinations(SETTINGS, 2):
        assert np.abs(drawn[a] - drawn[b]).mean() > 4, (a, b)
    plain = _draw(None, sprites)
    assert all(np.abs(drawn[s] - plain).mean() > 4 for s in SETTINGS)


def test_backdrops_use_the_pack_and_draw_without_one(sprites) -> None:
    for setting in ("forest", "beach", "city", "castle", "desert", "room"):
        with_art = _draw(setting, sprites, seed=5)
        shapes_only = _draw(setting, None, seed=5)
        assert np.abs(with_art - shapes_only).mean() > 0.5, setting


def test_setting_things_are_drawn_in_the_backdrop(sprites) -> None:
    for setting in ("park", "kitchen"):
        bare = _draw(setting, sprites, seed=2)
        furnished = _draw(setting, sprites, seed=2, things=("tree", "chair"))
        changed = np.abs(bare - furnished).max(axis=2) > 30
        assert changed.mean() > 0.004, setting


def test_rooms_meet_their_floor_at_the_shared_horizon(sprites) -> None:
    horizon = int(HORIZON_FRACTION * SIZE_PX)
    for setting in sorted(INDOOR_SETTINGS & set(SETTINGS) - {"cave", "greenhouse", "stage"}):
        pixels = _draw(setting, sprites)
        wall = pixels[horizon - int(0.03 * SIZE_PX) - 2 : horizon - int(0.03 * SIZE_PX)]
        floor = pixels[horizon + 2 : horizon + 4]
        assert np.abs(wall.mean(axis=(0, 1)) - floor.mean(axis=(0, 1))).max() > 8, setting


def _hue_value(pixels: np.ndarray) -> tuple[float, float]:
    r, g, b = (pixels.reshape(-1, 3).mean(axis=0) / 255).tolist()
    h, _, v = colorsys.rgb_to_hsv(r, g, b)
    return h, v


def test_dark_lighting_keeps_a_day_sky_and_bright_brightens(sprites) -> None:
    sky = slice(0, int(0.08 * SIZE_PX))
    day = _draw("field", sprites)[sky, : SIZE_PX // 2]
    dark = _draw("field", sprites, lighting="dark")[sky, : SIZE_PX // 2]
    night = _draw("field", sprites, time="night")[sky, : SIZE_PX // 2]
    bright = _draw("field", sprites, lighting="bright")
    (hue_day, v_day), (hue_dark, v_dark) = _hue_value(day), _hue_value(dark)
    assert abs(hue_day - hue_dark) < 0.02 and v_dark < 0.75 * v_day
    assert _hue_value(night)[1] < 0.4 * v_day  # night is a night sky, not a dimmed day
    assert bright.mean() > _draw("field", sprites).mean() + 10


def test_night_darkens_the_land(sprites) -> None:
    land = slice(int(0.7 * SIZE_PX), SIZE_PX)
    for setting in ("forest", "city", "beach"):
        day = _draw(setting, sprites)[land].mean()
        assert _draw(setting, sprites, time="night")[land].mean() < 0.6 * day, setting


def test_backdrops_are_calmer_than_the_clip_art(sprites) -> None:
    for setting in SETTINGS:
        lum = _draw(setting, sprites, time="day") @ np.array([0.3, 0.59, 0.11], np.float32)
        # No pure black outline and no pure white in a daytime backdrop: the things drawn
        # over it, at full contrast, are seen first.
        if setting not in ("space", "moon"):
            assert np.percentile(lum, 0.5) > 12 and np.percentile(lum, 99.5) < 250, setting


def test_same_arguments_share_one_backdrop_and_seeds_vary_it(sprites) -> None:
    first = background("forest", None, None, None, SIZE_PX, 1, sprite=sprites, pack="openmoji")
    again = background("forest", None, None, None, SIZE_PX, 1, sprite=sprites, pack="openmoji")
    other = background("forest", None, None, None, SIZE_PX, 2, sprite=sprites, pack="openmoji")
    assert first is again
    assert not np.array_equal(np.asarray(first), np.asarray(other))


@pytest.mark.parametrize("weather", ["rain", "snow", "fog", "storm", "cloudy"])
def test_weather_goes_over_every_kind_of_backdrop(sprites, weather: str) -> None:
    for setting in ("forest", "kitchen", "underwater", "space"):
        plain = background(setting, None, None, None, SIZE_PX, 0, sprite=sprites)
        wet = weather_overlay(background(setting, None, weather, None, SIZE_PX, 0, sprite=sprites),
                              weather, 0)  # fmt: skip
        assert wet.size == plain.size and wet.mode == "RGB"
        assert np.abs(np.asarray(wet, np.float32) - np.asarray(plain, np.float32)).mean() > 1


def test_unknown_setting_draws_the_studio(sprites) -> None:
    assert np.array_equal(_draw("atlantis", sprites), _draw(None, sprites))
    assert isinstance(background("atlantis", "noon", "hail", "monsoon", 64, 0), Image.Image)


def test_things_a_backdrop_already_shows_are_not_drawn_twice(sprites) -> None:
    beach = _draw("beach", sprites, seed=4)
    assert np.array_equal(beach, _draw("beach", sprites, seed=4, things=("sand", "wave")))
    bedroom = _draw("bedroom", sprites, seed=4)
    with_bed = _draw("bedroom", sprites, seed=4, things=("bed", "window"))
    assert (np.abs(bedroom - with_bed).max(axis=2) > 30).mean() > 0.004


def test_a_landmark_the_sentence_draws_is_left_out_but_rows_stay(sprites) -> None:
    sea = _draw("sea", sprites)
    without_boat = _draw("sea", sprites, avoid=frozenset({"sailboat"}))
    assert (np.abs(sea - without_boat).max(axis=2) > 30).any()
    assert np.array_equal(
        _draw("field", sprites), _draw("field", sprites, avoid=frozenset({"deciduous tree"}))
    )  # the field's far trees are a row, not one thing the sentence could count


def test_sentences_that_avoid_none_of_its_landmarks_share_a_backdrop(sprites) -> None:
    def sea(avoid: frozenset[str]) -> Image.Image:
        return background("sea", None, None, None, SIZE_PX, 9, sprite=sprites, avoid=avoid)

    assert sea(frozenset({"dog face"})) is sea(frozenset({"cat", "apple"})) is sea(frozenset())
    assert sea(frozenset({"sailboat", "dog"})) is not sea(frozenset())


@pytest.mark.parametrize("setting", sorted(BACKDROPS))
def test_backdrop_clip_art_is_smaller_than_a_lone_thing_of_the_sentence(
    composer,
    sprites,
    setting: str,
) -> None:
    # The backdrop's benches, houses and trees read as far away: even a small thing of
    # the sentence (a cat), drawn alone there, is taller than any of them.
    heights: list[int] = []

    def recording(name: str, height_px: int) -> Image.Image | None:
        image = sprites(name, height_px)
        if image is not None:
            heights.append(image.height)
        return image

    # (A seed of its own, so the backdrop is painted here, not taken from the cache.)
    background(setting, None, None, None, SIZE_PX, 7919, sprite=recording)
    cat = SceneObject(id="o0", noun="cat")
    drawn = composer.draw(Scene(text="a cat", objects=(cat,), setting=setting))
    _, y0, _, y1 = drawn.scene.objects[0].bbox
    assert y1 - y0 > max(heights, default=0)
    if setting in ("park", "forest", "beach", "city", "farm"):
        assert heights  # these backdrops do draw clip art
