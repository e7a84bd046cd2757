"""Context across sentences: entity ids, pronouns, attributes kept, nothing new kept."""

from __future__ import annotations

import pytest

from speech2image.language.context import SceneContext, Surroundings
from speech2image.language.mentions import Mention
from tests.language.scenes import builder, first, nouns


def test_identify_gives_new_ids_only_when_committed() -> None:
    context = SceneContext()
    girl = Mention(noun="girl", head=1, start=0, count=1)
    assert [m.entity for m in context.identify([girl], commit=False)] == ["e1"]
    assert context.entities == 0
    (named,) = context.identify([girl], commit=True)
    assert named.entity == "e1" and context.entities == 1
    context.update(Surroundings(setting="park"), [named])
    assert (context.setting, context.cast, context.sentences) == ("park", [named], 1)


@pytest.mark.slow
def test_she_in_sentence_five_is_the_girl_of_sentence_one() -> None:
    context = builder().new_context()
    story = [
        "Once upon a time there was a little girl who lived near the woods.",
        "Every morning she walked to the village with her grandmother.",
        "One day she met a big grey wolf.",
        "The wolf was hungry.",
        "She ran home as fast as she could.",
    ]
    scenes = [builder().build(s, context=context) for s in story]
    girl = first(scenes[0], "girl").entity
    assert girl is not None
    assert first(scenes[1], "girl").entity == girl
    assert first(scenes[1], "woman").entity != girl
    assert first(scenes[1], "woman").age == "old"
    assert first(scenes[2], "girl").entity == girl
    assert first(scenes[3], "wolf").entity == first(scenes[2], "wolf").entity
    last = scenes[4].objects[0]
    assert (last.noun, last.entity, last.age) == ("girl", girl, "young")


@pytest.mark.slow
def test_attributes_and_names_are_kept_across_references() -> None:
    context = builder().new_context()
    builder().build("An old man has a wooden boat.", context=context)
    scene = builder().build("The man paints the boat.", context=context)
    assert first(scene, "man").age == "old"
    assert first(scene, "boat").material == "wood"
    builder().build("A dog called Rex sleeps.", context=context)
    scene = builder().build("The dog wakes up.", context=context)
    assert first(scene, "dog").name == "Rex"
    builder().build("Anna went to the park.", context=context)
    scene = builder().build("Anna smiled.", context=context)
    assert [(o.noun, o.name) for o in scene.objects] == [("woman", "Anna")]
    ids = {o.entity for o in builder().build("Anna smiled.", context=context).objects}
    assert ids == {o.entity for o in scene.objects}


@pytest.mark.slow
def test_nothing_new_keeps_the_previous_picture_a_change_redraws_the_cast() -> None:
    context = builder().new_context()
    builder().build("A green frog sits on a rock by the lake.", context=context)
    scene = builder().build("And that was that.", context=context)
    assert (scene.depiction, scene.objects) == ("previous", ())
    scene = builder().build("Then it started to rain.", context=context)
    assert scene.depiction == "objects" and "frog" in nouns(scene)
    assert (scene.weather, scene.setting) == ("rain", "lake")


@pytest.mark.slow
def test_a_draft_changes_nothing() -> None:
    context = builder().new_context()
    builder().build("A red car in the desert.", context=context, final=False)
    assert context.setting is None and not context.cast and context.entities == 0


@pytest.mark.slow
def test_they_of_two_people_and_a_clause_subject_that_is_not_its_own_object() -> None:
    context = builder().new_context()
    builder().build("A girl walked to the river with her grandmother.", context=context)
    scene = builder().build("They found a tiny fox.", context=context)
    assert sorted(nouns(scene)) == ["fox", "girl", "woman"]
    context = builder().new_context()
    builder().build("There was a cat called Tom.", context=context)
    builder().build("It hid inside a teapot.", context=context)
    scene = builder().build("Tom never found it.", context=context)
    assert sorted(nouns(scene)) == ["cat", "teapot"]
    assert first(scene, "cat").name == "Tom"


@pytest.mark.slow
def test_a_pronoun_nobody_was_named_for() -> None:
    scene = builder().build("He plays the guitar every evening.")
    assert nouns(scene) == ["man", "guitar"]
    context = builder().new_context()
    builder().build("I met Anna at the station.", context=context)
    scene = builder().build("She was carrying a huge suitcase.", context=context)
    assert (scene.objects[0].noun, scene.objects[0].name) == ("woman", "Anna")


@pytest.mark.slow
def test_one_of_them() -> None:
    context = builder().new_context()
    builder().build("Three calves were in the barn.", context=context)
    assert nouns(builder().build("One of them licked my hand.", context=context)) == ["calf"]
    assert nouns(builder().build("One of the five cats is black.")) == ["cat"]
    assert nouns(builder().build("Two of the dogs are sleeping.")) == ["dog", "dog"]


@pytest.mark.slow
def test_a_person_known_by_a_first_name_is_a_woman_or_a_man() -> None:
    scene = builder().build("At lunch I sat with Priya and Tom under the big tree.")
    assert [(o.noun, o.name) for o in scene.objects][:2] == [("woman", "Priya"), ("man", "Tom")]
    context = builder().new_context()
    builder().build("There was a cat called Tom.", context=context)
    scene = builder().build("Tom never found it.", context=context)
    assert [o.noun for o in scene.objects] == ["cat"]  # the story's Tom, not a man
    assert [o.noun for o in builder().build("I met Casey at noon.").objects] == ["person"]


@pytest.mark.slow
def test_the_person_a_possessive_points_at_is_drawn_never_invented() -> None:
    context = builder().new_context()
    builder().build("I met Anna at the train station this morning.", context=context)
    scene = builder().build("Then we had coffee together before her train left.", context=context)
    assert {"train", "woman"} <= {o.noun for o in scene.objects}
    assert [o.noun for o in builder().build("The girl lost her hat.").objects] == ["girl", "hat"]
    fresh = builder().new_context()
    scene = builder().build("We went for a ride on his old tractor.", context=fresh)
    assert [o.noun for o in scene.objects] == ["tractor"]
