"""Two-word names of one thing whose first word is a noun or a verb form of its own: the
whole name is the thing, and the matcher draws it, never its head alone."""

from __future__ import annotations

import pytest

from speech2image.language import SpacySceneBuilder
from tests.faithfulness.fixtures import shared_composer
from tests.language.scenes import nouns

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    ("sentence", "thing", "drawing"),
    [
        ("There is a lamp post by the road.", "lamp post", "lamp post"),
        ("The baby is in the high chair.", "high chair", "high chair"),
        ("I left my sleeping bag in the tent.", "sleeping bag", "sleeping bag"),
        ("The chopping board is wet.", "chopping board", "chopping board"),
        ("I sat on a beach chair.", "beach chair", "deckchair"),
    ],
)
def test_a_compound_thing_is_drawn_whole(
    builder: SpacySceneBuilder, sentence: str, thing: str, drawing: str
) -> None:
    scene = builder.build(sentence, context=builder.new_context())
    assert thing in nouns(scene)
    assert thing.split()[-1] not in nouns(scene)
    found = shared_composer().matcher().match(thing)
    assert found.confident and found.entry.name.lower() == drawing


def test_plural_compound_things_are_counted(builder: SpacySceneBuilder) -> None:
    scene = builder.build("Two lamp posts stood by the gate.", context=builder.new_context())
    assert nouns(scene).count("lamp post") == 2
