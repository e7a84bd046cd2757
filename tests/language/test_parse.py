"""The spaCy scene builder on real sentences with the real model."""

from __future__ import annotations

import pytest

from speech2image.language import SceneContext

pytestmark = pytest.mark.slow


def nouns(scene) -> list[str]:
    return [o.noun for o in scene.objects]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Three red apples", ["apple"] * 3),
        ("a couple of birds", ["bird"] * 2),
        ("a few cats", ["cat"] * 3),
        ("several dogs", ["dog"] * 4),
        ("7 eggs", ["egg"] * 7),
        ("apples", ["apple"] * 3),
        ("a fire hydrant and a cell phone", ["fire hydrant", "cell phone"]),
        ("a teddy bear next to a hair drier", ["teddy bear", "hair drier"]),
        ("two dining tables", ["dining table"] * 2),
        ("a hot dog", ["hot dog"]),
        ("four wine glasses", ["wine glass"] * 4),
        ("two people", ["person"] * 2),
    ],
)
def test_counts_and_compounds(builder, text: str, expected: list[str]) -> None:
    assert nouns(builder.build(text)) == expected


def test_colours_and_sizes(builder) -> None:
    scene = builder.build("A light blue car, a big dark red ball and a tiny dog.")
    found = {o.noun: (o.color, o.size) for o in scene.objects}
    assert found == {"car": ("light blue", None), "ball": ("dark red", "big"),
                     "dog": (None, "small")}  # fmt: skip
    assert builder.build("The umbrella is green.").objects[0].color == "green"


@pytest.mark.parametrize(
    ("text", "relation"),
    [
        ("a cat to the left of a dog", "left of"),
        ("a cat on the right of a dog", "right of"),
        ("a cat on top of a dog", "on"),
        ("a cat under a table", "under"),
        ("a bird above a car", "above"),
        ("a bird over a car", "above"),
        ("a cat next to a dog", "beside"),
        ("a cat near a dog", "near"),
        ("a cat behind a dog", "behind"),
        ("a cat in front of a dog", "in front of"),
        ("a fish in a bowl", "in"),
        ("a fish inside a bowl", "in"),
        ("a cat below a shelf", "below"),
        ("a dog between a cat and a rabbit", "between"),
        ("birds around a tree", "around"),
    ],
)
def test_relations(builder, text: str, relation: str) -> None:
    scene = builder.build(text)
    assert scene.relations, text
    first = scene.relations[0]
    assert first.relation == relation
    assert first.subject == scene.objects[0].id


def test_setting_time_weather_season(builder) -> None:
    scene = builder.build("A dog runs on the beach at sunset in the rain in summer.")
    assert (scene.setting, scene.time, scene.weather) == ("beach", "sunset", "rain")
    assert scene.to_json()["season"] == "summer"
    assert nouns(scene) == ["dog"]
    assert builder.build("A plane over the city street at night.").setting == "city"
    assert builder.build("A whale swims under water.").setting == "underwater"
    assert builder.build("A rocket in outer space.").setting == "space"
    assert builder.build("A dog in front of a house.").setting is None
    assert builder.build("A snowman in front of a house.").setting == "snow"


def test_abstract_sentences_get_symbols(builder) -> None:
    scene = builder.build("It was the age of wisdom.")
    assert "wisdom" in nouns(scene)
    assert builder.build("We hold these truths to be self-evident.").objects


def test_context_across_sentences(builder) -> None:
    context = builder.new_context()
    assert isinstance(context, SceneContext)
    builder.build("A brown dog plays in the park at night.", context=context)
    scene = builder.build("It chases two red balls.", context=context)
    assert [(o.noun, o.color) for o in scene.objects] == [("dog", "brown")] + [("ball", "red")] * 2
    assert (scene.setting, scene.time) == ("park", "night")
    scene = builder.build("They are next to the dog.", context=context)
    assert nouns(scene) == ["ball", "ball", "dog"]
    assert scene.objects[-1].color == "brown"
    scene = builder.build("Then it started to rain.", context=context)
    assert scene.weather == "rain" and "dog" in nouns(scene)
    assert builder.build("The cat sleeps on the sofa in the kitchen.", context=context).setting == (
        "kitchen"
    )


def test_draft_does_not_update_context(builder) -> None:
    context = builder.new_context()
    builder.build("A red car in the desert.", context=context, final=False)
    assert context.setting is None and not context.cast


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "🐶 and 🐱",
        "Der Hund spielt im Garten.",
        "<script>alert('x')</script><b>a red car</b>",
        "a \x00cat\x07 on a\x1b[31m mat",
        "/etc/passwd",
        "word " * 10_000,
    ],
)
def test_bad_input_never_crashes(builder, text: str) -> None:
    scene = builder.build(text)
    assert scene.text == text
    assert len(scene.objects) <= 24


_ORDINARY = [
    "Once upon a time, a dog called Rex lived in a cottage at the edge of a pine forest.",
    "The school bus stops at the corner.",
    "An old woman and a fisherman sat by the river on Friday.",
    "Our sales went up a lot this year.",
    "A shiny metal robot with blue stripes dances in a dark kitchen.",
    "Let me think about that.",
    "My grandmother has a spotted baby goat on her farm.",
    "It was raining cats and dogs, so we stayed at home and baked a golden cake.",
]


def test_every_value_is_from_the_shared_vocabularies(builder) -> None:
    from speech2image import scene as s

    context = builder.new_context()
    for text in _ORDINARY:
        scene = builder.build(text, context=context)
        assert scene.depiction in s.DEPICTIONS
        assert scene.setting in (None, *s.SETTINGS)
        assert scene.lighting in (None, *s.LIGHTINGS)
        assert scene.time in (None, *s.TIMES)
        assert scene.weather in (None, *s.WEATHERS)
        assert all(k.reason in s.SKIP_REASONS for k in scene.skipped)
        for o in scene.objects:
            assert o.material in (None, *s.MATERIALS) and o.pattern in (None, *s.PATTERNS)
            assert o.finish in (None, *s.FINISHES) and o.age in (None, *s.AGES)
            assert o.size in (None, *s.SIZES)
            assert not o.concept or o.noun in s.CONCEPTS
            assert o.concept or o.entity is not None


def test_fine_weather_is_sunny(builder) -> None:
    assert builder.build("Lovely weather today, isn't it?").weather == "sunny"
    assert builder.build("The weather is gorgeous.").weather == "sunny"
    assert builder.build("The weather is not nice.").weather is None
    assert builder.build("We talked about the weather.").weather is None
