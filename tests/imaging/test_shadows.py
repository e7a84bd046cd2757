"""Contact shadows on their own: soft, semi-transparent, under the thing, memoised."""

from __future__ import annotations

import numpy as np
from PIL import Image

from speech2image.imaging.compose.shadows import (
    SHADOW_ALPHA,
    casts_shadows,
    draw_shadow,
    shadow_box,
    shadow_image,
)


def test_shadow_is_a_soft_semi_transparent_ellipse() -> None:
    alpha = np.asarray(shadow_image(80, 14).getchannel("A"))
    assert 0 < alpha.max() <= SHADOW_ALPHA
    middle = alpha[alpha.shape[0] // 2]
    # Darkest in the middle, fading out towards the ends (blurred, no hard edge).
    assert middle[len(middle) // 2] == middle.max()
    assert middle[2] < middle.max() / 4
    assert alpha[0].max() < middle.max() / 2


def test_shadow_lies_under_the_box_and_is_memoised() -> None:
    x0, y0, x1, y1 = shadow_box((100, 50, 200, 150))
    assert 100 <= x0 < x1 <= 200
    assert y0 < 150 < y1
    assert shadow_image(80, 14) is shadow_image(80, 14)


def test_draw_shadow_darkens_the_ground_under_the_feet_only() -> None:
    canvas = Image.new("RGB", (300, 300), (120, 190, 90))
    draw_shadow(canvas, (100, 100, 200, 200))
    pixels = np.asarray(canvas, dtype=np.int16).sum(axis=2)
    assert pixels[200, 150] < 400 - 30
    assert pixels[120, 150] == 400
    assert pixels[200, 20] == 400


def test_draw_shadow_near_the_edge_does_not_fail() -> None:
    canvas = Image.new("RGB", (64, 64), (200, 200, 200))
    draw_shadow(canvas, (-10, 10, 30, 63))
    draw_shadow(canvas, (50, 10, 90, 70))


def test_no_shadows_in_floating_settings() -> None:
    assert casts_shadows("park") and casts_shadows(None)
    assert not casts_shadows("space") and not casts_shadows("underwater")
