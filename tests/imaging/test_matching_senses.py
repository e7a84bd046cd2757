"""Embedding matches that stand out, people only for role nouns, and a place's own sense of
a word only in that place (the real OpenMoji index and MiniLM)."""

from __future__ import annotations

import pytest
from tests.imaging.test_matching import shared_matcher

from speech2image.imaging.compose.senses import in_place, kind_of, same_kind
from speech2image.scene import Scene, SceneObject, Skipped

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    "noun", ["blackboard", "wardrobe", "waterfall", "cockpit", "hammock"]
)  # fmt: skip
def test_a_noun_only_about_several_things_has_no_confident_match(noun: str) -> None:
    """No near thing stands in; a drawing of the thing itself may (the project's own
    drawings add a blackboard, a wardrobe, a hammock)."""
    match = shared_matcher().match(noun)
    own = match.entry.name.lower() == noun
    assert not match.confident or own, (noun, match.entry.name, match.score)


@pytest.mark.parametrize(
    ("noun", "asset"),
    [("garage", "parking garage"), ("web", "spider web"), ("flag", "flag in hole"),
     ("hot air balloon", "balloon")],
)  # fmt: skip
def test_a_match_that_stands_out_is_drawn(noun: str, asset: str) -> None:
    match = shared_matcher().match(noun)
    assert match.confident and match.embedded
    assert match.entry.name.lower() == asset


@pytest.mark.parametrize("noun", ["librarian", "zookeeper", "striker", "janitor", "cashier"])
def test_role_nouns_near_the_people_of_their_world_are_people(noun: str) -> None:
    match = shared_matcher().match(noun)
    assert match.confident
    assert match.entry.group.startswith(("people-body/person", "extras-openmoji/people"))


@pytest.mark.parametrize("noun", ["dinner", "diaper", "cockpit", "calculator", "blender"])
def test_things_are_never_drawn_as_people(noun: str) -> None:
    match = shared_matcher().match(noun)
    person = match.entry.group.startswith(("people-body/person", "extras-openmoji/people"))
    assert not (match.confident and person), (noun, match.entry.name)


def test_kinds_of_asset_names() -> None:
    assert kind_of("statue of liberty") == "statue"
    assert kind_of("flag in hole") == "flag"
    assert kind_of("man pilot") == "pilot"
    assert same_kind("bread", "flatbread") and same_kind("flag", "flagged point")
    assert not same_kind("skateboard", "clipboard")


def _scene(setting: str | None, skipped: tuple[Skipped, ...] = ()) -> Scene:
    objects = (SceneObject(id="o1", noun="slide"),)
    return Scene(text="", objects=objects, setting=setting, skipped=skipped)


def test_a_place_sense_is_drawn_only_in_its_place() -> None:
    assert in_place("slide", "playground slide", _scene("playground"))
    assert in_place("slide", "playground slide", _scene(None))
    assert not in_place("slide", "playground slide", _scene("office"))
    meeting = (Skipped("meeting", "abstract"),)
    assert not in_place("slide", "playground slide", _scene(None, meeting))
    assert in_place("dog", "dog", _scene("office"))
