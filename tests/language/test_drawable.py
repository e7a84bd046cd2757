"""Drawable or not: time phrases, idioms, measures, parts, abstract nouns and names are
left out on purpose, each recorded with its reason (real spaCy model)."""

from __future__ import annotations

import pytest

from speech2image.scene import SKIP_REASONS
from tests.language.scenes import builder, counted, first, nouns, skipped

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    ("text", "drawn", "words", "reason"),
    [
        ("Once upon a time, a fox lived in a den.", ["fox", "den"], "once upon a time",
         "time phrase"),
        ("One day a boy found a shell.", ["boy", "shell"], "one day", "time phrase"),
        ("Every morning the baker bakes bread.", ["baker", "bread"], "morning", "time phrase"),
        ("Last week my uncle bought a car.", ["uncle", "car"], "week", "time phrase"),
        ("On Friday the children painted a fence.", ["child", "child", "child", "fence"],
         "friday", "weekday"),
        ("In March we planted a tree.", ["tree"], "march", "time phrase"),
        ("At seven o'clock the bus left.", ["bus"], "o'clock", "time phrase"),
        ("A cat sat in the middle of the road.", ["cat"], "in the middle of", "idiom"),
        ("It was raining cats and dogs.", [], "raining cats and dogs", "idiom"),
        ("The exam was a piece of cake.", [], "a piece of cake", "idiom"),
        ("She was over the moon about her new bike.", ["woman", "bike"], "over the moon",
         "idiom"),
        ("Prices rose by ten percent.", [], "percent", "measure"),
        ("He walked two miles to the lake.", ["man"], "miles", "measure"),
        ("I ate a slice of bread.", ["bread"], "slice", "measure"),
        ("He had no umbrella.", ["man"], "umbrella", "not depictable"),
        ("The goalkeeper caught the ball with both hands.", ["goalkeeper", "ball"], "hands",
         "not depictable"),
        ("Two girls had a long chat.", ["girl", "girl"], "chat", "abstract"),
        ("A herd of cows crossed the river.", ["cow"] * 5, "herd", "measure"),
        ("A book lay on the surface of the table.", ["book", "table"], "surface",
         "not depictable"),
        ("The idea came to him in the shower.", ["man", "shower"], "idea", "abstract"),
        ("The problem is the plan.", [], "problem", "abstract"),
        ("His happiness was obvious.", [], "happiness", "abstract"),
    ],
)  # fmt: skip
def test_non_things_are_skipped_with_their_reason(
    text: str, drawn: list[str], words: str, reason: str
) -> None:
    scene = builder().build(text)
    things = [o.noun for o in scene.objects if not o.concept]
    assert sorted(things) == sorted(drawn), scene.to_json()
    assert skipped(scene).get(words) == reason, scene.skipped
    assert all(s.reason in SKIP_REASONS for s in scene.skipped)


def test_place_phrase_is_the_setting_not_an_edge() -> None:
    scene = builder().build("A cottage stood at the edge of a pine forest.")
    assert nouns(scene) == ["cottage"]
    assert scene.setting == "forest"
    assert skipped(scene)["edge"] == "not depictable"


def test_a_name_attaches_to_what_it_names() -> None:
    scene = builder().build("Once upon a time there was a dog called Rex.")
    assert nouns(scene) == ["dog"]
    assert first(scene, "dog").name == "Rex"
    scene = builder().build("A girl named Lucy has a kitten.")
    assert (first(scene, "girl").name, nouns(scene)) == ("Lucy", ["girl", "kitten"])


def test_a_bare_name_is_a_person_of_its_usual_gender_else_unknown() -> None:
    scene = builder().build("Tom went home.")
    assert [(o.noun, o.name) for o in scene.objects] == [("man", "Tom")]
    assert scene.setting == "room"
    scene = builder().build("Casey went home.")  # a name of either
    assert [(o.noun, o.name) for o in scene.objects] == [("person", "Casey")]


def test_place_names_are_not_drawn() -> None:
    scene = builder().build("Google opened an office in London.")
    assert "google" not in [n.lower() for n in nouns(scene)]
    assert "london" not in [n.lower() for n in nouns(scene)]
    assert scene.setting == "city"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The school bus stops at the corner.", {"school bus": 1}),
        ("The ship sails.", {"ship": 1}),
        ("A taxi waits.", {"taxi": 1}),
        ("Two bus stops.", {"bus stop": 2}),
    ],
)
def test_verbs_tagged_as_nouns(text: str, expected: dict[str, int]) -> None:
    assert counted(builder().build(text)) == expected


@pytest.mark.parametrize(
    "text", ["a fisherman on a boat", "the fishermen and their nets", "A postman and a dog."]
)
def test_role_nouns_stay_whole(text: str) -> None:
    found = nouns(builder().build(text))
    assert "fish" not in found and "man" not in found, found


def test_a_container_is_drawn_with_what_it_holds() -> None:
    assert counted(builder().build("There's a bowl of cherries on the table.")) == {
        "bowl": 1, "cherry": 3, "table": 1}  # fmt: skip


def test_one_thing_said_to_be_another_is_drawn_once() -> None:
    scene = builder().build("My grandfather used to be a fisherman.")
    assert [(o.noun, o.age) for o in scene.objects] == [("man", "old")]
    scene = builder().build("Grandma's carrot cake is in the blue tin.")
    assert nouns(scene) == ["cake", "tin"]


def test_a_name_says_nothing_of_the_weather() -> None:
    scene = builder().build("She had a white horse named Snow.")
    assert (scene.weather, scene.setting) == (None, None)
    assert first(scene, "horse").name == "Snow"


@pytest.mark.parametrize(
    "text",
    ["My dog Rex sleeps.", "Our dog Rex is digging in the sand.", "A dog called Rex sleeps."],
)
def test_a_name_beside_its_noun(text: str) -> None:
    scene = builder().build(text)
    assert [(o.noun, o.name) for o in scene.objects] == [("dog", "Rex")]
