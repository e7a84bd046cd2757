"""What is drawn: nouns the small model mis-tags, predicates, appositions, time phrases,
idioms and colours (the real spaCy model and its lemmatiser's WordNet lists)."""

from __future__ import annotations

import pytest

from speech2image.language.wordclasses import WordClasses
from tests.language.scenes import builder, nouns, skipped

pytestmark = pytest.mark.slow


def test_word_classes_come_from_the_pipeline() -> None:
    classes = WordClasses.from_pipeline(builder().nlp)
    assert classes is not None
    assert classes.only_noun("narwhal") and not classes.only_noun("little")
    assert classes.only_verb_form("swam") and not classes.only_verb_form("saw")


@pytest.mark.parametrize(
    ("text", "drawn"),
    [
        ("Once there was a little narwhal who lived in the sea.", ["narwhal"]),
        ("A turtle swam past a rock.", ["turtle", "rock"]),
        ("The first thing we saw was a giraffe.", ["giraffe"]),
        ("She looked for her friend the seal.", ["woman", "seal"]),
        ("My neighbour, a nurse, came over.", ["nurse"]),
        ("A man, a red cake and two donuts.", ["man", "cake", "donut", "donut"]),
    ],
)
def test_what_is_drawn(text: str, drawn: list[str]) -> None:
    assert nouns(builder().build(text)) == drawn


def test_a_creature_said_with_who_is_she() -> None:
    b = builder()
    context = b.new_context()
    b.build("Once there was a little narwhal who lived in the sea.", context=context)
    assert nouns(b.build("Every morning she swam past the rocks.", context=context))[0] == "narwhal"


def test_he_after_a_role_noun_is_that_person() -> None:
    assert nouns(builder().build("The goalkeeper dives but he cannot reach it.")) == ["goalkeeper"]


def test_a_meal_after_before_is_a_time() -> None:
    scene = builder().build("Every morning we swam in the sea before breakfast.")
    assert "breakfast" not in nouns(scene)
    assert skipped(scene)["breakfast"] == "time phrase"


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        ("I'm feeling a bit under the weather today.", "illness"),
        ("Fingers crossed for your driving test on Monday.", "luck"),
        ("Anyway, long story short, it all worked out.", "success"),
        ("Fair enough.", "agreement"),
    ],
)
def test_an_idiom_says_its_own_idea(text: str, concept: str) -> None:
    scene = builder().build(text)
    assert scene.depiction == "concept"
    assert nouns(scene) == [concept]


def test_an_idiom_matches_by_lemma() -> None:
    scene = builder().build("She spilled the beans about the party.")
    assert "bean" not in nouns(scene)
    assert skipped(scene)["spilled the beans"] == "idiom"


def test_a_colour_after_a_verb_of_becoming_is_the_subjects() -> None:
    scene = builder().build("The leaves have turned orange.")
    assert nouns(scene) == ["leaf"] * 3
    assert {o.color for o in scene.objects} == {"orange"}


def test_a_books_topic_is_not_drawn() -> None:
    scene = builder().build("She handed me a book about sharks.")
    assert "shark" not in nouns(scene) and "book" in nouns(scene)
    assert "bike" in nouns(builder().build("She was over the moon about her new bike."))


def test_she_and_him_of_one_sentence_are_two() -> None:
    b = builder()
    context = b.new_context()
    b.build("Once there was a little narwhal who lived in the sea.", context=context)
    b.build("Every morning she looked for her friend the seal.", context=context)
    scene = b.build("One day she found him on a piece of ice.", context=context)
    assert {"narwhal", "seal"} <= set(nouns(scene))
