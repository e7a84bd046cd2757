"""Mechanisms read off the parse rather than word lists: pointing subjects, adjectives the
parse uses as nouns, things events are named after, opinion verbs (real spaCy model)."""

from __future__ import annotations

import pytest

from tests.language.scenes import builder, nouns, skipped

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    ("text", "drawn"),
    [
        ("This one is a shark under the boat.", ["shark", "boat"]),
        ("Mine is the red bike by the door.", ["bike", "door"]),
        ("That one is a tiny mouse.", ["mouse"]),
    ],
)
def test_a_pointing_subject_draws_what_the_predicate_names(text: str, drawn: list[str]) -> None:
    assert sorted(nouns(builder().build(text))) == sorted(drawn)


def test_my_brother_is_a_pilot_is_still_one_person() -> None:
    assert len(builder().build("My brother is a pilot.").objects) == 1


def test_an_adjective_tag_with_an_article_in_a_subject_role_is_a_noun() -> None:
    scene = builder().build("The goldfish swims around the castle in its tank.")
    assert "goldfish" in nouns(scene)


@pytest.mark.parametrize(
    ("text", "thing"),
    [
        ("We took a boat trip around the island yesterday.", "boat"),
        ("We went on a bike ride after lunch.", "bike"),
        ("They booked a train journey to the coast.", "train"),
    ],
)
def test_an_event_is_drawn_as_the_thing_it_is_named_after(text: str, thing: str) -> None:
    scene = builder().build(text)
    assert thing in nouns(scene)
    assert not {"trip", "ride", "journey"} & set(nouns(scene))


def test_a_bare_trip_is_no_thing() -> None:
    scene = builder().build("The trip was long.")
    assert "trip" not in nouns(scene)
    assert skipped(scene).get("trip") == "abstract"


def test_an_opinion_verb_gives_no_idea_of_its_own() -> None:
    scene = builder().build("I think we should give peace a chance.")
    assert scene.depiction == "concept"
    assert [o.noun for o in scene.objects] != ["thinking"]
    assert builder().build("I am thinking.").objects[0].noun == "thinking"


@pytest.mark.parametrize(
    ("text", "setting"),
    [
        ("A helicopter is flying above the skyscrapers.", "city"),
        ("The horse is pulling a cart full of hay.", "farm"),
        ("The referee blew his whistle.", "stadium"),
        ("A skier raced down the slope.", "snow"),
    ],
)
def test_a_class_of_things_implies_its_place(text: str, setting: str) -> None:
    assert builder().build(text).setting == setting


def test_a_place_said_wins_over_the_place_things_imply() -> None:
    assert builder().build("I bought a new hose at the shop.").setting == "shop"


@pytest.mark.parametrize(
    ("text", "thing", "count"),
    [
        ("I bought a hat and a pair of sunglasses at the market.", "sunglasses", 1),
        ("She put on her sunglasses.", "sunglasses", 1),
        ("A pair of scissors lay on the desk.", "scissors", 1),
        ("Two pairs of jeans hung on the line.", "jeans", 2),
    ],
)
def test_a_noun_plural_in_form_names_one_thing(text: str, thing: str, count: int) -> None:
    assert nouns(builder().build(text)).count(thing) == count


def test_a_participle_tagged_a_noun_is_no_thing() -> None:
    scene = builder().build("There's a penguin standing on an iceberg.")
    assert sorted(nouns(scene)) == ["iceberg", "penguin"]
    assert [r.relation for r in scene.relations] == ["on"]


def test_a_baby_girl_is_a_baby() -> None:
    scene = builder().build("My sister just had a baby girl.")
    assert sorted(nouns(scene)) == ["baby", "sister"]
    assert nouns(builder().build("A baby elephant followed its mother."))[0] == "elephant"


def test_a_time_phrase_says_no_idea_but_the_time() -> None:
    assert builder().build("Let's circle back to this after lunch.").depiction != "concept"
    assert builder().build("Lunch was delicious.").objects[0].noun != "person"


def test_a_pronoun_said_twice_in_a_sentence_is_one_thing() -> None:
    context = builder().new_context()
    builder().build("A boy found a lost puppy in the rain.", context=context)
    scene = builder().build("He wrapped it in his jacket and carried it home.", context=context)
    ids = {o.noun: o.id for o in scene.objects}
    assert ("carrying", ids["puppy"]) in {(r.relation, r.object) for r in scene.relations}


def test_a_pronoun_that_receives_something_is_likelier_a_creature() -> None:
    context = builder().new_context()
    builder().build("The girl had a kitten and a box.", context=context)
    scene = builder().build("She gave it a toy.", context=context)
    ids = {o.id: o.noun for o in scene.objects}
    given = [(r.relation, ids[r.object]) for r in scene.relations if r.relation == "giving"]
    assert given == [("giving", "kitten")]


def test_a_drink_in_its_vessel_is_one_thing() -> None:
    scene = builder().build("The cat sat beside a mug of tea.")
    assert sorted(nouns(scene)) == ["cat", "tea"]
    assert skipped(scene).get("mug") == "measure"
    assert [r.relation for r in scene.relations] == ["beside"]
    assert sorted(nouns(builder().build("Add a cup of flour."))) == ["cup", "flour"]


def test_a_relation_to_a_portion_holds_for_what_it_measures() -> None:
    scene = builder().build("The cat sat beside a slice of bread.")
    ids = {o.id: o.noun for o in scene.objects}
    assert [(ids[r.subject], r.relation, ids[r.object]) for r in scene.relations] == [
        ("cat", "beside", "bread")
    ]
