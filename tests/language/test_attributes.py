"""Attributes per object: material, pattern, finish, age and the nouns that imply an age."""

from __future__ import annotations

import pytest

from speech2image.language.attributes import age_noun, is_animate
from speech2image.scene import AGES, FINISHES, MATERIALS, PATTERNS
from tests.language.scenes import builder, first


def test_age_nouns() -> None:
    assert age_noun("grandfather") == ("man", "old")
    assert age_noun("grandma") == ("woman", "old")
    assert age_noun("toddler") == ("baby", "baby")
    assert age_noun("fisherman") == ("fisherman", None)
    assert is_animate("old fisherman") and is_animate("elephant") and not is_animate("car")


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "noun", "field", "value"),
    [
        ("a wooden chair", "chair", "material", "wood"),
        ("a metal spoon", "spoon", "material", "metal"),
        ("a steel bridge", "bridge", "material", "metal"),
        ("a glass vase", "vase", "material", "glass"),
        ("a marble statue", "statue", "material", "stone"),
        ("a plastic bottle", "bottle", "material", "plastic"),
        ("a golden crown", "crown", "material", "gold"),
        ("a paper boat", "boat", "material", "paper"),
        ("an ice castle", "castle", "material", "ice"),
        ("the chair is wooden", "chair", "material", "wood"),
        ("a striped shirt", "shirt", "pattern", "striped"),
        ("a spotty dog", "dog", "pattern", "spotted"),
        ("a plaid blanket", "blanket", "pattern", "checkered"),
        ("a polka-dot dress", "dress", "pattern", "dotted"),
        ("a sparkling star", "star", "finish", "sparkling"),
        ("a glittering crown", "crown", "finish", "sparkling"),
        ("a shiny car", "car", "finish", "shiny"),
        ("a glowing lamp", "lamp", "finish", "glowing"),
        ("an old woman", "woman", "age", "old"),
        ("an elderly man", "man", "age", "old"),
        ("a young girl", "girl", "age", "young"),
        ("a baby elephant", "elephant", "age", "baby"),
        ("a little girl", "girl", "age", "young"),
        ("my grandfather", "man", "age", "old"),
        ("her granny", "woman", "age", "old"),
        ("a toddler", "baby", "age", "baby"),
    ],
)
def test_attributes(text: str, noun: str, field: str, value: str) -> None:
    scene = builder().build(text)
    assert [o.noun for o in scene.objects] == [noun], scene.to_json()
    assert getattr(scene.objects[0], field) == value
    assert value in {"material": MATERIALS, "pattern": PATTERNS, "finish": FINISHES,
                     "age": AGES}[field]  # fmt: skip


@pytest.mark.slow
def test_attributes_together_and_apart() -> None:
    scene = builder().build("An old wooden chair next to a shiny red car.")
    chair, car = first(scene, "chair"), first(scene, "car")
    assert (chair.material, chair.age, chair.color) == ("wood", None, None)
    assert (car.finish, car.color, car.material) == ("shiny", "red", None)
    scene = builder().build("A big old elephant.")
    assert (scene.objects[0].size, scene.objects[0].age) == ("big", "old")
    assert builder().build("a fisherman").objects[0].noun == "fisherman"


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "noun", "field", "value"),
    [
        ("Her dress was white with blue dots.", "dress", "pattern", "dotted"),
        ("a shirt with stripes", "shirt", "pattern", "striped"),
        ("The statue in the square is made of gold.", "statue", "material", "gold"),
        ("a table made of wood", "table", "material", "wood"),
    ],
)
def test_attributes_said_in_a_phrase_of_their_own(
    text: str, noun: str, field: str, value: str
) -> None:
    scene = builder().build(text)
    assert [o.noun for o in scene.objects] == [noun], scene.to_json()
    assert getattr(scene.objects[0], field) == value


@pytest.mark.slow
def test_the_red_one_is_the_thing_just_named() -> None:
    scene = builder().build("That's our old car, the red one parked by the garage.")
    assert first(scene, "car").color == "red"
