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
        ("The witch flew across the sky on her broomstick.", "airplane"),
        ("The skier flies over the jump.", "airplane"),
        ("She was reading a magazine.", "book"),
        ("He was painting the fence.", "paintbrush"),
    ],
)
def test_no_implied_thing_for_a_thing_a_named_vehicle_or_a_negation(
    builder: SpacySceneBuilder, text: str, not_implied: str
) -> None:
    assert not_implied not in nouns(builder, text)


def test_a_drawn_doer_is_not_drawn_twice(builder: SpacySceneBuilder) -> None:
    scene = builder.build("The girl swam in the lake.")
    assert [(o.noun, o.action) for o in scene.objects] == [("girl", "swimming")]


@pytest.mark.parametrize(
    ("text", "implied"),
    [
        ("The girl was reading under a tree.", "book"),
        ("I've just started painting with watercolours.", "paintbrush"),
        ("Grandma was knitting by the fire.", "yarn"),
        ("The caretaker is sweeping the corridor.", "broom"),
        ("We flew over the mountains and saw an eagle.", "airplane"),
    ],
)
def test_a_pastime_implies_its_tool(builder: SpacySceneBuilder, text: str, implied: str) -> None:
    assert nouns(builder, text).count(implied) == 1


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The girl drove to school.", ("girl", "driving", "car")),
        ("My brother cycled to school.", ("brother", "riding", "bicycle")),
        ("The girl was reading under a tree.", ("girl", "reading", "book")),
        ("The caretaker is sweeping the corridor.", ("caretaker", "holding", "broom")),
    ],
)
def test_a_drawn_doer_goes_with_what_its_verb_implies(
    builder: SpacySceneBuilder, text: str, expected: tuple[str, str, str]
) -> None:
    scene = builder.build(text)
    noun = {o.id: o.noun for o in scene.objects}
    assert expected in {(noun[r.subject], r.relation, noun[r.object]) for r in scene.relations}


def test_nobody_drawn_no_relation_to_the_implied_thing(builder: SpacySceneBuilder) -> None:
    scene = builder.build("We drove to Spain.")
    assert [o.noun for o in scene.objects] == ["car"]
    assert scene.relations == ()
