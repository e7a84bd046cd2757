"""Things a verb implies: "we drove to Spain" is a car, never "time flies" an airplane."""

from __future__ import annotations

import pytest

from speech2image.language.parse import SpacySceneBuilder

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def builder() -> SpacySceneBuilder:
    return SpacySceneBuilder()


def nouns(builder: SpacySceneBuilder, text: str) -> list[str]:
    return [o.noun for o in builder.build(text).objects]


@pytest.mark.parametrize(
    ("text", "implied"),
    [
        ("Last summer we drove all the way to Spain.", "car"),
        ("We flew to Rome and stayed for a week.", "airplane"),
        ("We sailed across the bay.", "sailboat"),
        ("My brother cycled to school.", "bicycle"),
        ("We went camping in the woods last weekend.", "tent"),
        ("We go skiing in the Alps every winter.", "skier"),
        ("We went fishing at the lake.", "fishing rod"),
        ("I swam in the sea.", "swimmer"),
    ],
)
def test_a_verb_of_a_person_implies_its_one_thing(
    builder: SpacySceneBuilder, text: str, implied: str
) -> None:
    assert nouns(builder, text).count(implied) == 1


@pytest.mark.parametrize(
    ("text", "not_implied"),
    [
        ("Time flies when you are having fun.", "airplane"),
        ("The birds flew over the lake.", "airplane"),
        ("We flew a kite on the beach.", "airplane"),
        ("We didn't drive to Spain.", "car"),
        ("We drove to Paris in the van.", "car"),
        ("The idea took off.", "airplane"),
        ("It drove me mad.", "car"),
    ],
)
def test_no_implied_thing_for_a_thing_a_named_vehicle_or_a_negation(
    builder: SpacySceneBuilder, text: str, not_implied: str
) -> None:
    assert not_implied not in nouns(builder, text)


def test_a_drawn_doer_is_not_drawn_twice(builder: SpacySceneBuilder) -> None:
    scene = builder.build("The girl swam in the lake.")
    assert [(o.noun, o.action) for o in scene.objects] == [("girl", "swimming")]
