"""Every thing said is drawn, nothing else: nouns the small tagger takes for other words,
games played with a thing, the young of an animal, animals that name a place, cloth that is
worn, plurals that name one thing, capitalised things, and the ideas of remarks whose time
words only say when. The real spaCy builder throughout."""

from __future__ import annotations

import pytest

from speech2image.language.concepts import sentence_concept
from tests.language.scenes import builder, counted, first, nouns, skipped

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    ("text", "noun"),
    [
        ("My brother watches telly all day.", "telly"),  # tagged an adverb of "watches"
        ("There was a man with an accordion playing on the platform.", "accordion"),
        ("She loves a banjo playing in the distance.", "banjo"),
        ("I saw a bird singing in the tree.", "bird"),
    ],
)
def test_a_noun_the_tagger_took_for_another_word_is_drawn(text: str, noun: str) -> None:
    scene = builder().build(text)
    assert noun in nouns(scene)
    assert not {"playing", "singing"} & set(nouns(scene))


def test_a_thing_before_an_ing_noun_stays_a_word_of_its_name() -> None:
    assert "brick" not in nouns(builder().build("A brick building stood by the road."))
    assert "oil" not in nouns(builder().build("The oil painting on the wall is old."))


@pytest.mark.parametrize(
    "text", ["We meet every Wednesday to play chess.", "Two boys are playing tennis."]
)
def test_a_game_played_with_a_thing_is_a_thing(text: str) -> None:
    scene = builder().build(text)
    assert {"chess", "tennis"} & set(nouns(scene))
    assert "chess" not in skipped(scene) and "tennis" not in skipped(scene)


def test_the_young_of_an_animal_is_the_animal_young() -> None:
    scene = builder().build("The bear cubs curled up in their cave and fell asleep.")
    assert set(nouns(scene)) == {"bear"}
    assert first(scene, "bear").age == "baby"
    assert nouns(builder().build("A seal pup lay on the ice.")).count("seal") == 1


def test_an_animal_that_names_a_place_is_drawn_in_it() -> None:
    scene = builder().build("We had our sandwiches on a bench next to the penguin pool.")
    assert "penguin" in nouns(scene)
    assert "pool" not in nouns(scene)
    assert "meeting" not in nouns(builder().build("They sat in the meeting room."))


def test_cloth_someone_is_in_is_worn_not_drawn_beside_them() -> None:
    scene = builder().build("The jockey in the green silks is riding a white horse.")
    assert "silk" not in nouns(scene) and "silks" not in nouns(scene)
    assert {"jockey", "horse"} <= set(nouns(scene))
    assert "wool" in nouns(builder().build("She bought a ball of wool."))


@pytest.mark.parametrize(
    ("text", "noun"),
    [
        ("After that we had fish and chips on the sea wall.", "chips"),
        ("We have to carry everything up the stairs.", "stairs"),
    ],
)
def test_a_plural_that_names_one_thing_is_drawn_once(text: str, noun: str) -> None:
    assert counted(builder().build(text))[noun] == 1


def test_a_capitalised_thing_is_no_name() -> None:
    scene = builder().build("Far away, the Earth looked like a blue marble.")
    assert "earth" in nouns(scene)
    assert "earth" not in skipped(scene)


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        ("You'll never guess who I saw yesterday.", "surprise"),
        ("I think we should give peace a chance.", "peace"),
        ("I'm afraid the project is running behind schedule.", "time"),
        ("They cut costs again.", "decline"),
        ("Let's meet on Tuesday.", "date"),
        ("The deadline is tomorrow.", "date"),
    ],
)
def test_the_idea_of_a_remark(text: str, concept: str) -> None:
    scene = builder().build(text)
    assert scene.depiction == "concept"
    assert nouns(scene) == [concept]


def test_a_verb_done_to_a_thing_is_no_decline() -> None:
    nlp = builder().nlp
    assert sentence_concept(nlp("Let it cool down before you cut it.")) != "decline"
    assert sentence_concept(nlp("Profits fell sharply.")) == "decline"


def test_a_verb_joined_to_a_verb_is_no_thing() -> None:
    assert nouns(builder().build("The dog barks and growls.")) == ["dog"]
    assert "chips" in nouns(builder().build("He eats fish and chips."))


@pytest.mark.parametrize(
    "text", ["Thunder and lightning kept us awake all night.", "The tree was struck by lightning."]
)
def test_lightning_spoken_of_as_a_thing_is_drawn(text: str) -> None:
    assert "lightning" in nouns(builder().build(text))


def test_what_a_thing_is_pretended_to_be_is_not_drawn() -> None:
    scene = builder().build("Two children are sitting in a cardboard box pretending it's a boat.")
    assert "boat" not in nouns(scene) and "box" in nouns(scene)
    assert "fox" in nouns(builder().build("I think it's a fox."))


@pytest.mark.parametrize(
    ("text", "noun"),
    [
        ("I left my brolly on the bus this morning.", "brolly"),
        ("He watched the match on telly.", "telly"),
    ],
)
def test_an_ly_noun_tagged_an_adverb_is_a_thing(text: str, noun: str) -> None:
    assert noun in nouns(builder().build(text))


def test_her_before_such_a_noun_is_its_owner_not_a_second_person() -> None:
    assert counted(builder().build("She forgot her brolly.")) == {"woman": 1, "brolly": 1}


def test_a_part_said_with_its_is_the_things_own() -> None:
    scene = builder().build("The ambulance raced past us with its lights flashing.")
    assert nouns(scene) == ["ambulance"]
    assert skipped(scene).get("lights") == "not depictable"
    assert "wheel" in nouns(builder().build("The car lost a wheel."))


def test_an_order_tagged_a_noun_is_a_verb() -> None:
    scene = builder().build("Chop two onions and fry them in a little butter.")
    assert counted(scene) == {"onion": 2, "butter": 1}
    assert "jellyfish" in nouns(builder().build("Sharks and jellyfish swim in the sea."))


def test_is_after_a_noun_is_no_owner() -> None:
    assert nouns(builder().build("The printer's jammed again.")) == ["printer"]


@pytest.mark.parametrize(
    ("text", "noun", "count"),
    [
        ("Add a pinch of salt and a splash of milk.", "milk", 1),
        ("There were loads of balloons at the party.", "balloon", 6),
    ],
)
def test_a_portion_or_a_quantity_says_how_much(text: str, noun: str, count: int) -> None:
    scene = builder().build(text)
    assert counted(scene)[noun] == count
    assert "splash" not in nouns(scene) and "load" not in nouns(scene)


def test_people_who_come_in_twos_are_two() -> None:
    scene = builder().build("My grandparents are standing in front of their caravan.")
    assert len([o for o in scene.objects if o.noun != "caravan"]) == 2
    assert len(builder().build("Three cousins came to stay.").objects) == 3


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("The kids are driving me up the wall.", "wall"),
        ("He's got a lot on his plate at the moment.", "plate"),
        ("I'll give you a ring tomorrow.", "ring"),
        ("We had a whale of a time at the seaside.", "whale"),
    ],
)
def test_the_things_of_an_idiom_are_not_drawn(text: str, word: str) -> None:
    assert word not in nouns(builder().build(text))


def test_the_words_of_an_idiom_said_plainly_are_things() -> None:
    assert "wall" in nouns(builder().build("The cat climbed up the wall."))
    assert "plate" in nouns(builder().build("He put some peas on his plate."))
