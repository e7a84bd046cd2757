"""Verb frames and intransitive actions on real sentences with the real spaCy model:
participles, finite verbs, relative clauses, passives, conjunctions, prepositions that
belong to the verb, possession, ordinary speech as well as prompt-style phrases."""

from __future__ import annotations

from typing import Any

import pytest

from speech2image.language.actions import find_actions
from speech2image.language.frames import ing_form, verb_form
from speech2image.language.mentions import find_mentions
from speech2image.language.parse import SpacySceneBuilder
from tests.language.scenes import said

pytestmark = pytest.mark.slow


def actions(nlp: Any, text: str) -> dict[str, str]:
    doc = nlp(text)
    mentions = find_mentions(doc)
    return {mentions[k].noun: action for k, action in find_actions(doc, mentions).items()}


@pytest.mark.parametrize(
    ("lemma", "expected"),
    [
        ("ride", "riding"), ("sit", "sitting"), ("run", "running"), ("lie", "lying"),
        ("swim", "swimming"), ("chase", "chasing"), ("read", "reading"), ("eat", "eating"),
        ("throw", "throwing"), ("play", "playing"), ("fly", "flying"), ("hug", "hugging"),
        ("see", "seeing"), ("ski", "skiing"), ("begin", "beginning"), ("visit", "visiting"),
        ("open", "opening"), ("row", "rowing"), ("fix", "fixing"), ("picnic", "picnicking"),
        ("dance", "dancing"), ("die", "dying"), ("hop", "hopping"), ("cook", "cooking"),
    ],
)  # fmt: skip
def test_ing_form(lemma: str, expected: str) -> None:
    assert ing_form(lemma) == expected


def test_verb_form_repairs_the_lemma(nlp: Any) -> None:
    """The small model lemmatises "riding" as "rid"; the -ing form comes from the text."""
    doc = nlp("a girl riding a horse while her brother rides a bike and then rode home")
    forms = {t.text: verb_form(t) for t in doc if t.pos_ == "VERB"}
    assert forms["riding"] == "riding"
    assert forms["rides"] == "riding"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Participles after the noun, prompt style.
        ("a girl riding a bicycle", ("girl", "riding", "bicycle")),
        ("a man sitting in a canoe", ("man", "sitting in", "canoe")),
        ("a boy reading a book under a tree", ("boy", "reading", "book")),
        ("a horse jumping over a fence", ("horse", "jumping over", "fence")),
        ("two dogs chasing three cats", ("dog", "chasing", "cat")),
        ("a squirrel climbing a tree", ("squirrel", "climbing", "tree")),
        ("an astronaut riding a horse on the moon", ("astronaut", "riding", "horse")),
        # Finite verbs, ordinary speech.
        ("my little brother was riding his new bike down the hill", ("brother", "riding", "bike")),
        ("She was playing the guitar all evening.", ("she", "playing", "guitar")),
        ("My sister plays the piano.", ("sister", "playing", "piano")),
        ("The man is driving a red car.", ("man", "driving", "car")),
        ("The old man fed the pigeons on a bench.", ("man", "feeding", "pigeon")),
        ("She carries a basket of apples.", ("she", "carrying", "basket")),
        ("A boy kicks a ball to his friend.", ("boy", "kicking", "ball")),
        ("The baby is sleeping in her crib.", ("baby", "sleeping in", "crib")),
        ("The girl in the blue coat is walking her dog.", ("girl", "walking", "dog")),
        ("the girl is looking at the stars", ("girl", "looking at", "star")),
        ("A dog that is running after a ball.", ("dog", "chasing", "ball")),
        ("The kids were playing with a kite on the beach.", ("kid", "playing with", "kite")),
        ("The kids are sitting at their desks reading books.", ("kid", "reading", "book")),
        ("The wolf was hiding behind a tree waiting for the pig.", ("wolf", "waiting for", "pig")),
        ("a girl reading a book lying on the table", ("book", "lying on", "table")),
        ("He has got a red ball.", ("he", "holding", "ball")),
        ("a photo of two frogs jumping over one metal ball", ("frog", "jumping over", "ball")),
        ("three dogs jumping over three checkered balls", ("dog", "jumping over", "ball")),
        # Relative clauses, infinitives and conjoined verbs.
        ("the boy who is holding a kite", ("boy", "holding", "kite")),
        ("The dog that the cat chased ran away.", ("cat", "chasing", "dog")),
        ("Look at the sandcastle the children built!", ("child", "building", "sandcastle")),
        ("The girl likes to ride her horse.", ("girl", "riding", "horse")),
        ("A dog jumped over the fence and chased the ball.", ("dog", "chasing", "ball")),
        ("A dog jumped over the fence and chased the ball.", ("dog", "jumping over", "fence")),
        # Passives turn round.
        ("a ball thrown by the boy", ("boy", "throwing", "ball")),
        ("The ball was kicked by the girl.", ("girl", "kicking", "ball")),
        # Possession.
        ("The dog has a ball.", ("dog", "holding", "ball")),
        ("The girl gave the dog a bone.", ("girl", "giving", "dog")),
        ("He's grilling burgers on the barbecue.", ("he", "cooking", "burger")),
        ("a man with an umbrella", ("man", "holding", "umbrella")),
        ("a woman in a red dress", ("woman", "wearing", "dress")),
        ("a girl with a yellow hat", ("girl", "wearing", "hat")),
        ("She put on her hat.", ("she", "wearing", "hat")),
        ("The boy picked up the ball.", ("boy", "holding", "ball")),
        ("a man walking with an umbrella", ("man", "holding", "umbrella")),
    ],
)
def test_verb_relations(nlp: Any, text: str, expected: tuple[str, str, str]) -> None:
    assert expected in said(nlp, text), said(nlp, text)


def test_subjects_joined_by_and_share_the_verb(nlp: Any) -> None:
    found = said(nlp, "a boy and a girl playing with a ball")
    assert found == [("boy", "playing with", "ball"), ("girl", "playing with", "ball")]


def test_negated_verbs_give_no_relation(nlp: Any) -> None:
    assert said(nlp, "The dog is not chasing the cat.") == []
    assert said(nlp, "The girl never rides her horse.") == []


@pytest.mark.parametrize(
    "text",
    [
        "The cat has long whiskers.",  # a part of the cat, held by nobody
        "My neighbour has a huge grey cat.",  # owned, not held
        "The cake had three layers.",
        "a house with a red door",  # a house holds nothing
        "I like my dog.",  # liking is no picture
        "The girl wants a new bike.",
    ],
)
def test_no_verb_relation(nlp: Any, text: str) -> None:
    assert not [r for r in said(nlp, text) if r[1] not in ("on", "in", "beside")], said(nlp, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the girl runs", {"girl": "running"}),
        ("a bird flying", {"bird": "flying"}),
        ("The boy is sleeping.", {"boy": "sleeping"}),
        ("A boy jumps and runs.", {"boy": "jumping"}),
        ("The cat sleeps on the sofa.", {"cat": "sleeping"}),
        ("The kids are swimming in the lake.", {"kid": "swimming"}),
        ("The birds flew over the lake.", {"bird": "flying"}),
        ("Two dogs are playing in the park.", {"dog": "playing"}),
        ("my sister was dancing at the party", {"sister": "dancing"}),
        ("The girl is reading.", {"girl": "reading"}),
        ("a man walking with an umbrella", {"man": "walking"}),
        ("a man sitting in a canoe floating on the lake", {"canoe": "floating"}),
        ("a girl holding an umbrella standing behind a car", {"girl": "standing"}),
    ],
)
def test_intransitive_actions(nlp: Any, text: str, expected: dict[str, str]) -> None:
    found = actions(nlp, text)
    assert {k: found.get(k) for k in expected} == expected


def test_no_action_without_a_movement_or_with_an_object(nlp: Any) -> None:
    assert actions(nlp, "A girl riding a bicycle.") == {}
    assert actions(nlp, "The dog is brown.") == {}
    assert actions(nlp, "The boy wants a puppy.") == {}
    assert actions(nlp, "The dog is not running.") == {}
    assert actions(nlp, "a car parked outside the house") == {}  # a state


def test_spatial_preposition_after_a_verb_stays_spatial(nlp: Any) -> None:
    """ "sleeping on the sofa": the cat is on the sofa and sleeping."""
    assert said(nlp, "The cat sleeps on the sofa.") == [("cat", "on", "sofa")]
    assert actions(nlp, "The cat sleeps on the sofa.") == {"cat": "sleeping"}


def test_builder_puts_verbs_in_the_scene(builder: SpacySceneBuilder) -> None:
    scene = builder.build("Two dogs chasing a cat.")
    nouns = {o.id: o.noun for o in scene.objects}
    found = [(nouns[r.subject], r.relation, nouns[r.object], r.kind) for r in scene.relations]
    assert found.count(("dog", "chasing", "cat", "action")) == 2
    scene = builder.build("A man sitting in a canoe.")
    assert [r.relation for r in scene.relations] == ["sitting in"]
    assert scene.to_json()["relations"][0]["kind"] == "action"


def test_builder_puts_actions_on_objects(builder: SpacySceneBuilder) -> None:
    scene = builder.build("The girl runs and a bird is flying.")
    assert {o.noun: o.action for o in scene.objects} == {"girl": "running", "bird": "flying"}
    scene = builder.build("Two dogs are sleeping on the rug.")
    assert [o.action for o in scene.objects if o.noun == "dog"] == ["sleeping", "sleeping"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("My daughter is learning the violin.", ("daughter", "playing", "violin")),
        ("He practises the piano every day.", ("man", "playing", "piano")),
        ("The snowman has a striped scarf.", ("snowman", "wearing", "scarf")),
        ("That's a snowman we built, he's got a striped scarf.", ("snowman", "wearing", "scarf")),
        ("She's got a red hat.", ("woman", "wearing", "hat")),
    ],
)
def test_an_instrument_learned_is_played_and_a_figure_wears_things(
    builder: SpacySceneBuilder, text: str, expected: tuple[str, str, str]
) -> None:
    scene = builder.build(text)
    noun = {o.id: o.noun for o in scene.objects}
    assert expected in {(noun[r.subject], r.relation, noun[r.object]) for r in scene.relations}


def test_learning_a_language_is_no_relation(builder: SpacySceneBuilder) -> None:
    assert builder.build("She is learning French.").relations == ()


def test_a_race_finished_or_won_is_running(builder: SpacySceneBuilder) -> None:
    scene = builder.build("She finished the marathon in under four hours.")
    assert [(o.noun, o.action) for o in scene.objects] == [("woman", "running")]
    assert [o.action for o in builder.build("He watched the race.").objects] == [None]
