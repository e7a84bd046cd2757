"""Words that name a thing in one sense and no thing of their own in the sentence said:
a part named after its whole, "home" of going home, "the dark", a river's bank. The real
spaCy builder throughout."""

from __future__ import annotations

import pytest

from tests.language.scenes import builder, nouns, said, skipped

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    ("text", "whole", "part"),
    [
        ("One morning a dragon landed on the castle roof.", "castle", "roof"),
        ("A crow sat on the barn roof.", "barn", "roof"),
        ("A cat slept on the car bonnet.", "car", "bonnet"),
        ("Pigeons were sitting on the church roof.", "church", "roof"),
        ("A frog jumped onto the boat deck.", "boat", "deck"),
    ],
)
def test_a_part_named_after_its_whole_draws_the_whole(text: str, whole: str, part: str) -> None:
    scene = builder().build(text)
    assert whole in nouns(scene)
    assert part not in nouns(scene)
    assert skipped(scene).get(part) == "not depictable"


def test_what_is_on_the_part_is_on_the_whole() -> None:
    relations = said(builder().nlp, "One morning a dragon landed on the castle roof.")
    assert ("dragon", "on", "castle") in relations
    assert ("cat", "on", "car") in said(builder().nlp, "A cat slept on the car bonnet.")


def test_a_part_of_its_own_name_or_another_part_stays_a_thing() -> None:
    assert "shelf" in nouns(builder().build("She put the box on the top shelf."))
    assert "shelf" in nouns(builder().build("The kitchen shelf is full of jars."))
    assert "roof" in nouns(builder().build("The roof was covered in snow."))


@pytest.mark.parametrize(
    ("text", "things"),
    [
        ("She took the puppy home.", {"puppy"}),
        ("My little brother wanted to take one home in his pocket.", {"pocket"}),
        ("Dad drove the kids home after school.", {"kid"}),
    ],
)
def test_home_of_going_home_is_no_thing(text: str, things: set[str]) -> None:
    scene = builder().build(text)
    assert "home" not in nouns(scene)
    assert things <= set(nouns(scene))


def test_a_home_one_has_is_a_thing() -> None:
    assert "home" in nouns(builder().build("They bought a new home in the village."))


@pytest.mark.parametrize(
    "text",
    ["The children were afraid of the dark.", "The little owl was scared of the dark."],
)
def test_the_dark_is_no_thing(text: str) -> None:
    scene = builder().build(text)
    assert "dark" not in nouns(scene)
    assert nouns(scene)


@pytest.mark.parametrize(
    "text",
    [
        "There were dozens of little boats tied up along the bank.",
        "We had a picnic on the river bank.",
        "The otter slid down the canal bank into the water.",
    ],
)
def test_a_bank_by_water_is_the_waterside(text: str) -> None:
    assert "bank" not in nouns(builder().build(text))


def test_a_bank_one_goes_to_is_a_bank() -> None:
    assert "bank" in nouns(builder().build("I went to the bank to pay in a cheque."))


@pytest.mark.parametrize(
    ("text", "landmark", "setting"),
    [
        ("The sun is setting behind the hills.", "hill", "field"),
        ("A little cottage stood at the bottom of the hill.", "hill", "field"),
        ("This is us on our wedding day outside the church.", "church", "city"),
        ("A yellow taxi is waiting outside the hotel.", "hotel", "city"),
        ("An eagle flew over the mountain.", "mountain", "mountains"),
    ],
)
def test_a_landmark_one_stands_beside_is_drawn_in_its_setting(
    text: str, landmark: str, setting: str
) -> None:
    scene = builder().build(text)
    assert landmark in nouns(scene)
    assert scene.setting == setting


@pytest.mark.parametrize(
    "text",
    ["We had lunch in the castle.", "The kids ran up the hill.", "We sang in the church."],
)
def test_a_landmark_one_is_in_only_sets_the_scene(text: str) -> None:
    scene = builder().build(text)
    assert not {"castle", "hill", "church"} & set(nouns(scene))
    assert scene.setting is not None


def test_the_top_of_a_landmark_is_in_its_setting() -> None:
    scene = builder().build("From the top of the mountain you could see the whole valley.")
    assert "mountain" not in nouns(scene)
    assert scene.setting == "mountains"


@pytest.mark.parametrize(
    ("text", "thing"),
    [
        ("This is my shell collection.", "shell"),
        ("He showed us his stamp collection.", "stamp"),
        ("She has a huge doll collection.", "doll"),
    ],
)
def test_a_collection_named_by_what_it_holds_draws_several(text: str, thing: str) -> None:
    scene = builder().build(text)
    assert nouns(scene).count(thing) >= 2
    assert "collection" not in nouns(scene)


@pytest.mark.parametrize(
    ("text", "listener"),
    [
        ("Hi Mum, yes, I got home fine.", "mum"),
        ("Thanks Dad, see you on Sunday.", "dad"),
        ("See you soon, Nana.", "nana"),
        ("Mum, can you pass the salt?", "mum"),
    ],
)
def test_the_person_spoken_to_is_not_drawn(text: str, listener: str) -> None:
    scene = builder().build(text)
    assert listener not in nouns(scene) and "person" not in nouns(scene)
    assert skipped(scene).get(listener) == "not depictable"


@pytest.mark.parametrize(
    "text", ["Mum and Dad went to the shops.", "Mum, Dad and I went to the beach."]
)
def test_people_spoken_of_are_drawn(text: str) -> None:
    assert {"mum", "dad"} <= set(nouns(builder().build(text)))


@pytest.mark.parametrize(
    ("text", "food", "portion"),
    [
        ("First I chop two onions, three carrots and a stick of celery.", "celery", "stick"),
        ("Add a stalk of rhubarb to the pan.", "rhubarb", "stalk"),
    ],
)
def test_a_cooking_portion_draws_the_food(text: str, food: str, portion: str) -> None:
    scene = builder().build(text)
    assert food in nouns(scene) and portion not in nouns(scene)


def test_a_stick_that_is_a_stick_is_drawn() -> None:
    assert "stick" in nouns(builder().build("The dog fetched a stick."))


@pytest.mark.parametrize(
    "text", ["He rolled it all the way home on his prickles.", "The deer shook its antlers."]
)
def test_an_animal_s_own_parts_are_drawn_with_it(text: str) -> None:
    scene = builder().build(text)
    assert not {"prickle", "antler"} & set(nouns(scene))
    assert nouns(scene)
