"""Sentences with nothing depictable: a concept picture when the meaning is clear, else
the previous picture kept (or none); never an invented thing."""

from __future__ import annotations

import pytest

from speech2image.language.concepts import CONCEPT_PHRASES, CONCEPT_WORDS
from speech2image.scene import CONCEPTS, DEPICTIONS
from tests.language.scenes import builder


def test_concept_tables_name_only_scene_concepts() -> None:
    assert set(CONCEPT_WORDS.values()) <= set(CONCEPTS)
    assert set(CONCEPT_PHRASES.values()) <= set(CONCEPTS)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "concept"),
    [
        ("Our sales went up a lot this year.", "growth"),
        ("Revenue increased again.", "growth"),
        ("Profits fell sharply.", "decline"),
        ("Let's meet on Tuesday.", "date"),
        ("The deadline is tomorrow.", "date"),
        ("I agree with you.", "agreement"),
        ("We signed the deal.", "agreement"),
        ("What do you mean?", "question"),
        ("Why is that?", "question"),
        ("Let me think about that.", "thinking"),
        ("Hello there!", "greeting"),
        ("Good morning, everyone.", "greeting"),
        ("See you next week.", "farewell"),
        ("Goodbye!", "farewell"),
        ("Thank you so much.", "thanks"),
        ("The meeting is at three.", "meeting"),
        ("It is far too expensive.", "money"),
    ],
)
def test_a_sentence_with_nothing_depictable_draws_its_idea(text: str, concept: str) -> None:
    scene = builder().build(text)
    assert scene.depiction == "concept", scene.to_json()
    assert [(o.noun, o.concept) for o in scene.objects] == [(concept, True)]


@pytest.mark.slow
@pytest.mark.parametrize("text", ["So, um, yeah, well.", "Anyway.", "That is how things are."])
def test_no_clear_idea_keeps_the_previous_picture(text: str) -> None:
    context = builder().new_context()
    builder().build("A red kite flies over the hill.", context=context)
    scene = builder().build(text, context=context)
    assert (scene.depiction, scene.objects) == ("previous", ()), scene.to_json()
    scene = builder().build(text, context=builder().new_context())
    assert (scene.depiction, scene.objects) == ("empty", ())


@pytest.mark.slow
def test_things_win_over_ideas() -> None:
    scene = builder().build("I think the cat is hungry.")
    assert scene.depiction == "objects"
    assert [o.noun for o in scene.objects] == ["cat"]
    assert all(s in DEPICTIONS for s in ("objects", "concept", "previous", "empty"))
