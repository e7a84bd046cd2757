"""Style filters: each keeps the picture's size and where things are, is repeatable for a
seed, and changes the picture in its own way (hand-made pictures, no models)."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image, ImageDraw

from speech2image.imaging.compose.styles import STYLES, apply_style


def _picture() -> Image.Image:
    """A small scene: sky, grass, a red disc and a black-outlined yellow box."""
    image = Image.new("RGB", (256, 256), (130, 180, 235))
    draw = ImageDraw.Draw(image)
    draw.rectangle([0, 140, 256, 256], fill=(100, 170, 80))
    draw.ellipse([30, 60, 110, 140], fill=(220, 40, 40))
    draw.rectangle([140, 100, 220, 200], fill=(250, 220, 60), outline=(0, 0, 0), width=4)
    return image


@pytest.mark.parametrize("style", sorted(STYLES))
def test_every_style_keeps_the_size_and_is_repeatable(style: str) -> None:
    picture = _picture()
    once = apply_style(picture, style, seed=3)
    assert once.size == picture.size and once.mode == "RGB"
    assert np.array_equal(np.asarray(once), np.asarray(apply_style(picture, style, seed=3)))
    changed = np.abs(np.asarray(once, np.int16) - np.asarray(picture, np.int16)).mean()
    assert changed > 1 if style != "flat" else changed == 0


@pytest.mark.parametrize("style", sorted(set(STYLES) - {"flat", "pixel", "sketch"}))
def test_styles_keep_things_where_they_were(style: str) -> None:
    """The red disc stays at its place: its centre still differs from the grass and sky
    around it in the styled picture (the scene's boxes stay true)."""
    styled = np.asarray(apply_style(_picture(), style, seed=0), np.float32)
    disc, sky, grass = styled[95:105, 65:75], styled[20:30, 65:75], styled[200:210, 65:75]
    assert np.abs(disc.mean(axis=(0, 1)) - sky.mean(axis=(0, 1))).max() > 20
    assert np.abs(disc.mean(axis=(0, 1)) - grass.mean(axis=(0, 1))).max() > 20


def test_watercolor_washes_and_lightens() -> None:
    plain = np.asarray(_picture(), np.float32)
    washed = np.asarray(apply_style(_picture(), "watercolor"), np.float32)
    assert washed.mean() > plain.mean() + 10  # a white wash over the paper
    # The box's hard black outline is softened by the wash and the half-size bilateral.
    assert washed[100:200, 140:144].min() > plain[100:200, 140:144].min() + 10


def test_sketch_is_grey_pencil_with_dark_edges() -> None:
    sketch = np.asarray(apply_style(_picture(), "sketch"), np.int16)
    assert (sketch.max(axis=2) - sketch.min(axis=2)).max() == 0  # grey
    edge, paper = sketch[150, 138:146, 0].min(), sketch[30, 200, 0]
    assert paper > 200 and edge < paper - 60
    # The disc's rim is drawn where the disc was (a place a line of the sketch crosses).
    assert sketch[100, 26:36, 0].min() < paper - 60


def test_names_are_forgiving_and_unknown_ones_refused() -> None:
    picture = _picture()
    for alias, style in (
        ("Water-Colour", "watercolor"),
        ("pixel_art", "pixel"),
        ("cartoon", "comic"),
    ):
        assert np.array_equal(np.asarray(apply_style(picture, alias)),
                              np.asarray(apply_style(picture, style)))  # fmt: skip
    with pytest.raises(ValueError, match="style='glitter'"):
        apply_style(picture, "glitter")
