"""Settings from place phrases, the things of each setting, and lighting apart from time."""

from __future__ import annotations

import pytest

from speech2image.language.places import LIGHTING_WORDS, SETTING_THINGS
from speech2image.language.vocabulary import SETTINGS as PLACE_WORDS
from speech2image.scene import LIGHTINGS, SETTINGS
from tests.language.scenes import builder, nouns


def test_every_setting_has_place_words_and_things() -> None:
    assert len(SETTINGS) >= 40
    assert set(PLACE_WORDS.values()) == set(SETTINGS)
    assert set(SETTING_THINGS) == set(SETTINGS)
    assert all(SETTING_THINGS[s] for s in SETTINGS)
    assert set(LIGHTING_WORDS.values()) <= set(LIGHTINGS)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "setting", "drawn"),
    [
        ("A cottage at the edge of a pine forest.", "forest", ["cottage"]),
        ("An astronaut plants a flag on the Moon.", "moon", ["astronaut", "flag"]),
        ("We saw a giraffe at the zoo.", "zoo", ["giraffe"]),
        ("Tomatoes grow inside a greenhouse.", "greenhouse", ["tomato"] * 3),
        ("Mum is cooking soup in the kitchen.", "kitchen", ["mum", "soup"]),
        ("A deer drinks from a stream.", "river", ["deer"]),
        ("A deer drinks from a stream in the woods.", "forest", ["deer"]),
        ("We went to the market and then walked along the river.", "river", []),
        ("The horses in the field behind the barn.", "field", ["horse"] * 3 + ["barn"]),
        ("The farmer was driving a red tractor.", "farm", ["farmer", "tractor"]),
        ("Dolphins jump in the ocean.", "sea", ["dolphin"] * 3),
        ("A frog sits by the pond.", "lake", ["frog"]),
        ("I bought apples at the supermarket.", "shop", ["apple"] * 3),
        ("The teacher writes on the board at school.", "classroom", ["teacher", "board"]),
        ("We swam in the pool.", "swimming pool", ["swimmer"]),  # the verb's one thing
        ("We waited at the train station.", "station", []),
        ("The rover drives on Mars.", "mars", ["rover"]),
        ("A knight rode to the castle.", "castle", ["knight"]),
        ("The nurse walks into the hospital.", "hospital", ["nurse"]),
        ("We visited the farm.", "farm", []),
        ("A lamp in the corner of the living room.", "room", ["lamp"]),
        ("Two white boats float on the water.", "lake", ["boat", "boat"]),
        ("Inside, a black cat sleeps on the sofa.", "room", ["cat", "sofa"]),
        ("We stayed indoors all day.", "room", []),
    ],
)
def test_settings_from_place_phrases(text: str, setting: str, drawn: list[str]) -> None:
    scene = builder().build(text)
    assert scene.setting == setting, scene.to_json()
    assert nouns(scene) == drawn, scene.to_json()
    assert scene.setting_things == SETTING_THINGS[setting]


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "A house with a red door.",
        "A cat climbs a tree.",
        "A dog in front of a house.",
        "The cat is inside the box.",
    ],
)
def test_place_words_that_are_things_stay_things(text: str) -> None:
    scene = builder().build(text)
    assert scene.setting is None and scene.objects


@pytest.mark.slow
def test_lighting_does_not_change_the_time() -> None:
    scene = builder().build("An owl sits in a dark forest.")
    assert (scene.setting, scene.lighting, scene.time) == ("forest", "dark", None)
    scene = builder().build("A dark red ball.")
    assert (scene.lighting, scene.objects[0].color) == (None, "dark red")
    scene = builder().build("A fox runs through a gloomy forest at night.")
    assert (scene.lighting, scene.time) == ("dark", "night")
    assert builder().build("A cat naps in a bright kitchen in the evening.").lighting == "bright"
    assert builder().build("It was dark.").time is None


@pytest.mark.slow
def test_the_setting_persists_and_a_new_place_resets_its_lighting() -> None:
    context = builder().new_context()
    builder().build("A wolf howls in a dark forest.", context=context)
    scene = builder().build("The wolf sleeps.", context=context)
    assert (scene.setting, scene.lighting) == ("forest", "dark")
    scene = builder().build("Then the wolf walks to the village.", context=context)
    assert (scene.setting, scene.lighting) == ("village", None)


@pytest.mark.slow
def test_a_said_place_wins_over_an_implied_one_and_weather_implies_snow() -> None:
    assert builder().build("The farmer sat in the kitchen.").setting == "kitchen"
    assert builder().build("It's been snowing all morning.").setting == "snow"
    assert builder().build("The ship sails at dawn.").objects[0].action == "sailing"


@pytest.mark.slow
def test_a_place_that_is_the_subject_of_be_is_the_setting() -> None:
    scene = builder().build("The beach was crowded.")
    assert (scene.setting, scene.objects) == ("beach", ())
