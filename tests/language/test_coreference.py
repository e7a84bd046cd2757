"""Coreference across a story: who "he", "she", "it", "they" and "one" are."""

from __future__ import annotations

import pytest

from speech2image.language.context import SceneContext
from speech2image.language.creatures import is_creature
from speech2image.language.mentions import Mention
from speech2image.language.references import resolve, resolve_all
from speech2image.scene import Scene
from tests.language.scenes import builder


def _thing(noun: str, entity: str, *, subject: bool = False, count: int = 1) -> Mention:
    return Mention(noun=noun, head=0, start=0, count=count, entity=entity, subject=subject)


def _pronoun(word: str, *, subject: bool = True, head: int = 1) -> Mention:
    return Mention(noun=word, head=head, start=head, count=1, pronoun=word, subject=subject)


def _story(*sentences: list[Mention]) -> SceneContext:
    """A context that has heard ``sentences`` (already resolved mentions, in order)."""
    context = SceneContext()
    for mentions in sentences:
        context.remember(mentions)
    return context


def _nouns(mentions: list[Mention]) -> list[str]:
    return [m.noun for m in mentions]


def test_he_of_a_story_with_only_an_animal_is_the_animal() -> None:
    context = _story([_thing("hedgehog", "e1", subject=True), _thing("shed", "e2")])
    assert _nouns(resolve(_pronoun("he"), [], context)) == ["hedgehog"]


def test_an_animal_of_the_last_sentence_before_a_person_of_an_older_one() -> None:
    grandpa = _thing("grandpa", "e1", subject=True)
    context = _story([grandpa], [_thing("hedgehog", "e2", subject=True)])
    assert _nouns(resolve(_pronoun("he"), [], context)) == ["hedgehog"]


def test_the_story_centre_before_an_animal_of_the_last_sentence() -> None:
    girl = _thing("girl", "e1", subject=True)
    wolf = _thing("wolf", "e2")
    context = _story([girl], [girl], [girl, wolf], [replace_subject(wolf)])
    assert _nouns(resolve(_pronoun("she"), [], context)) == ["girl"]


def replace_subject(mention: Mention) -> Mention:
    return Mention(noun=mention.noun, head=0, start=0, count=1, entity=mention.entity,
                   subject=True)  # fmt: skip


def test_a_person_of_the_last_sentence_before_an_animal_beside_them() -> None:
    context = _story([_thing("cat", "e1", subject=True), _thing("grandma", "e2")])
    assert _nouns(resolve(_pronoun("she"), [], context)) == ["grandma"]


def test_gender_words_are_constraints() -> None:
    context = _story([_thing("king", "e1", subject=True), _thing("cat", "e2")])
    assert _nouns(resolve(_pronoun("she"), [], context)) == ["cat"]
    assert _nouns(resolve(_pronoun("he"), [], context)) == ["king"]


def test_an_animal_the_story_called_it_is_not_he() -> None:
    uncle, parrot = _thing("uncle", "e1", subject=True), _thing("parrot", "e2")
    context = _story([uncle, parrot])
    called_it = Mention(noun="parrot", head=0, start=0, count=1, entity="e2", subject=True,
                        called="it")  # fmt: skip
    context.remember([called_it])
    assert _nouns(resolve(_pronoun("he"), [], context)) == ["uncle"]


def test_it_is_no_person_and_they_a_group() -> None:
    context = _story([_thing("girl", "e1", subject=True), _thing("hen", "e2", count=3)])
    assert resolve(_pronoun("it"), [], context) == []
    assert _nouns(resolve(_pronoun("they"), [], context)) == ["hen"]


def test_a_pronoun_with_nothing_before_draws_what_it_did() -> None:
    assert _nouns(resolve(_pronoun("he"), [], SceneContext())) == ["man"]
    assert resolve(_pronoun("it"), [], SceneContext()) == []
    assert resolve(_pronoun("one"), [], SceneContext()) == []


def test_one_is_another_of_the_kind_and_this_one_of_a_group() -> None:
    shells = Mention(noun="shell", head=0, start=0, count=2, entity="e1", color="white")
    context = _story([shells])
    this_one = Mention(noun="one", head=1, start=0, count=1, pronoun="one", definite=True)
    (found,) = resolve(this_one, [], context)
    assert (found.noun, found.count, found.color, found.entity) == ("shell", 1, "white", None)
    apple = Mention(noun="apple", head=2, start=1, count=1, color="red")
    green = Mention(noun="one", head=6, start=4, count=1, pronoun="one", color="green")
    (other,) = resolve(green, [apple], None)
    assert (other.noun, other.color) == ("apple", "green")


def test_a_possessive_of_a_part_is_its_owner_even_the_subject() -> None:
    dog = Mention(noun="dog", head=1, start=0, count=1, subject=True, governor=2)
    its = Mention(noun="its", head=4, start=3, count=1, pronoun="its", bound=True, governor=2)
    mentions, index_of = resolve_all([dog, its], None)
    assert _nouns(mentions) == ["dog"] and index_of == {0: 0, 1: 0}


def test_creatures_beyond_the_drawing_lists() -> None:
    assert all(is_creature(_thing(n, "e1")) for n in ("jaguar", "bowerbird", "narwhal"))
    assert not any(is_creature(_thing(n, "e1")) for n in ("car", "bus", "shed"))


def _told(*sentences: str) -> list[Scene]:
    context = builder().new_context()
    return [builder().build(s, context=context) for s in sentences]


def _drawn(scene: Scene) -> list[str]:
    return sorted({o.noun for o in scene.objects})


@pytest.mark.slow
def test_a_bedtime_story_animal_stays_itself() -> None:
    scenes = _told(
        "Once upon a time a little mole lived under the garden.",
        "Every evening he climbed out to look at the stars.",
        "He ate a worm.",
        "His nose was pink.",
    )
    (mole,) = [o.entity for o in scenes[0].objects if o.noun == "mole"]
    for scene in scenes[1:]:
        assert "man" not in _drawn(scene)
        assert [o.entity for o in scene.objects if o.noun == "mole"] == [mole]
    assert _drawn(scenes[2]) == ["mole", "worm"]


@pytest.mark.slow
def test_she_of_an_animal_and_its_head() -> None:
    scenes = _told("A jaguar lay on a branch.", "She waited there for an hour.")
    assert _drawn(scenes[1]) == ["jaguar"]
    scenes = _told(
        "We saw a huge dinosaur at the museum.", "Its tail was almost touching the door."
    )
    assert "dinosaur" in _drawn(scenes[1])


@pytest.mark.slow
def test_one_this_one_and_the_other_one() -> None:
    scenes = _told("There are two shells on the sand.", "This one has a crab in it.",
                   "The other one is empty.")  # fmt: skip
    assert _drawn(scenes[1]) == ["crab", "shell"]
    assert len(scenes[1].objects) == 2
    assert _drawn(scenes[2]) == ["shell"]
    (scene,) = _told("I bought a red apple and a green one.")
    assert sorted(o.color or "" for o in scene.objects if o.noun == "apple") == ["green", "red"]


@pytest.mark.slow
def test_a_man_nobody_named_and_a_thing_that_is_no_he() -> None:
    scenes = _told("The bus stopped.", "He got off.")
    assert _drawn(scenes[1]) == ["man"]
    scenes = _told("My uncle has a parrot.", "It can talk.", "He taught it to say hello.")
    assert _drawn(scenes[2]) == ["parrot", "uncle"]


def test_they_who_act_are_the_creatures_not_the_things() -> None:
    tom, anna = _thing("man", "e1", subject=True), _thing("woman", "e2", subject=True)
    context = _story([tom, anna, _thing("shell", "e3", count=3)])
    swam = Mention(noun="they", head=0, start=0, count=1, pronoun="they", subject=True,
                   agent=True)  # fmt: skip
    assert _nouns(resolve(swam, [], context)) == ["man", "woman"]
    were_pink = _pronoun("they")
    assert _nouns(resolve(were_pink, [], context)) == ["shell"]


@pytest.mark.slow
def test_she_and_him_of_one_sentence_are_a_person_and_a_creature() -> None:
    scenes = _told(
        "A knight lived in the castle.",
        "One morning a dragon landed on the roof.",
        "The queen walked right up to it with a bucket.",
        "It turned out the dragon only had a cold.",
        "She gave him a scarf and they became friends.",
    )
    assert _drawn(scenes[4]) == ["dragon", "queen", "scarf"]


@pytest.mark.slow
def test_one_is_not_the_kind_of_its_own_subject() -> None:
    scenes = _told("We made a kite at school.", "Our teacher built one out of paper.")
    assert _drawn(scenes[1]) == ["kite", "teacher"]


@pytest.mark.slow
def test_him_is_not_the_subject_his_verb_shares() -> None:
    scenes = _told(
        "There once was a dragon who lived in a cave.",
        "One evening a knight rode up to the cave.",
        "But the knight didn't want to fight him.",
    )
    assert _drawn(scenes[2]) == ["dragon", "knight"]


@pytest.mark.slow
def test_they_of_things_is_every_group_of_them() -> None:
    scenes = _told("First I chop two onions and three carrots.", "They go into the pot.")
    assert _drawn(scenes[1]) == ["carrot", "onion", "pot"]
