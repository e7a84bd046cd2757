"""The composer end to end: a sentence becomes a picture and a completed scene."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def test_sentence_to_picture(builder, composer) -> None:
    scene = builder.build("Three red apples are on the dining table next to a big dog.")
    picture = composer.draw(scene)
    assert picture.image.size == (512, 512)
    nouns = [o.noun for o in picture.scene.objects]
    assert nouns == ["apple", "apple", "apple", "dining table", "dog"]
    for obj in picture.scene.objects:
        assert obj.asset is not None and obj.asset.split(":")[0] in ("openmoji", "extra")
        assert obj.bbox is not None
        x0, y0, x1, y1 = obj.bbox
        assert 0 <= x0 < x1 <= 512 and 0 <= y0 < y1 <= 512
    assert picture.scene.to_json()["objects"][0]["color"] == "red"
