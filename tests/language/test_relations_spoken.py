"""Relations as people say them, through the real builder: a part for its whole in a verb's
phrase, groups doing a verb to one another, speech to someone, the speaker in a photo, a
musician's instrument, marking a surface, pushing what someone sits in, serving from a
vessel, a creature from a place's name, a story's animal as "him", and every relation
said kept in the scene's extras."""

from __future__ import annotations

import pytest

from speech2image.language import SpacySceneBuilder
from speech2image.language.implied import instrument_of
from speech2image.language.verb_words import ing_form, is_role_noun
from speech2image.scene import Scene

pytestmark = pytest.mark.slow


def relations(scene: Scene) -> list[tuple[str, str, str]]:
    """(subject noun, relation, object noun) of each relation of ``scene``."""
    noun = {o.id: o.noun for o in scene.objects}
    return [(noun[r.subject], r.relation, noun[r.object]) for r in scene.relations]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Icicles were hanging from the roof of the shed.", ("icicle", "under", "shed")),
        ("A bat hung from the edge of the roof of the barn.", ("bat", "under", "barn")),
        ("The parrot keeps saying hello to the postman.", ("parrot", "talking to", "postman")),
        ("The old man waved at the children.", ("man", "waving to", "child")),
        ("My manager wrote all the deadlines on the whiteboard.",
         ("manager", "writing on", "whiteboard")),
        ("The kids drew on the wall.", ("kid", "drawing on", "wall")),
        ("The nurse is pushing a patient in a wheelchair.", ("nurse", "pushing", "wheelchair")),
        ("Every morning the farmer fed the hens corn from a bucket.",
         ("farmer", "holding", "bucket")),
        ("We had our sandwiches on a bench next to the penguin pool.",
         ("bench", "beside", "penguin")),
        ("The referee showed him a yellow card.", ("referee", "holding", "card")),
        ("That's my dad, reading the paper.", ("dad", "reading", "paper")),
        ("The cat and the dog were fighting.", ("cat", "fighting", "dog")),
        ("This is my house and that's my cat on the roof.", ("cat", "on", "house")),
        ("A kite was stuck in the branches of the old oak tree.", ("kite", "in", "tree")),
        ("A squirrel ran up the tree with a nut in its mouth.", ("squirrel", "climbing", "tree")),
        ("The dog had my sock in its mouth.", ("dog", "holding", "sock")),
        ("The monkey swung from a branch.", ("monkey", "under", "branch")),
        ("The duck swam under the bridge.", ("duck", "under", "bridge")),
        ("A car drove past the house.", ("car", "in front of", "house")),
        ("A little boy is pushing his sister on the swing.", ("sister", "sitting on", "swing")),
        ("A little boy is pushing his sister on the swing.", ("boy", "pushing", "swing")),
        ("The kids built a sandcastle with a moat and stuck a flag on top.",
         ("flag", "on", "sandcastle")),
        ("We found the rabbit munching the carrots.", ("rabbit", "eating", "carrot")),
        ("We parked the car and the kids climbed onto the roof.", ("kid", "on", "car")),
    ],
)  # fmt: skip
def test_relations_as_said(
    builder: SpacySceneBuilder, text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in relations(builder.build(text))


def test_a_spatial_frame_with_no_drawn_thing_is_no_action(builder: SpacySceneBuilder) -> None:
    """ "Hanging from the gutter" with the gutter not drawn: hanging, never "under"."""
    scene = builder.build("A bat was hanging from the gutter of the old house.")
    assert all(o.action != "under" for o in scene.objects)


@pytest.mark.parametrize(
    ("text", "noun", "relation", "pairs"),
    [
        ("Two boxers are fighting in the ring.", "boxer", "fighting", 1),
        ("Four boxers were fighting.", "boxer", "fighting", 2),
        ("Two puppies played together on the rug.", "puppy", "playing with", 1),
    ],
)
def test_a_group_doing_a_verb_to_one_another_pairs_up(
    builder: SpacySceneBuilder, text: str, noun: str, relation: str, pairs: int
) -> None:
    scene = builder.build(text)
    found = [r for r in relations(scene) if r == (noun, relation, noun)]
    assert len(found) == pairs


def test_a_group_doing_a_verb_alone_is_no_pair(builder: SpacySceneBuilder) -> None:
    """Three kids playing may each play on their own; two men talking to a woman talk to
    her, not to each other."""
    assert relations(builder.build("Three kids were playing in the garden.")) == []
    said = relations(builder.build("Two men were talking to a woman."))
    assert ("man", "talking to", "man") not in said
    assert ("man", "talking to", "woman") in said


@pytest.mark.parametrize(
    ("text", "people", "held"),
    [
        ("This is our family and that's me holding the baby.", 1, "baby"),
        ("That's me at my graduation, holding my certificate.", 1, "certificate"),
        ("This is us on the beach.", 2, None),
    ],
)
def test_the_speaker_shown_in_a_photo_is_drawn(
    builder: SpacySceneBuilder, text: str, people: int, held: str | None
) -> None:
    scene = builder.build(text)
    assert sum(o.noun == "person" for o in scene.objects) == people
    if held is not None:
        assert ("person", "holding", held) in relations(scene)


def test_the_speaker_not_shown_is_not_drawn(builder: SpacySceneBuilder) -> None:
    """ "I was holding the baby" is told, not shown: the baby alone; so is where we live."""
    assert [o.noun for o in builder.build("I was holding the baby.").objects] == ["baby"]
    scene = builder.build("You'll see a blue house with a cherry tree in front, that's us.")
    assert "person" not in [o.noun for o in scene.objects]


def test_a_musician_plays_the_instrument_of_their_name(builder: SpacySceneBuilder) -> None:
    scene = builder.build("The harpist played at their wedding.")
    assert ("harpist", "playing", "harp") in relations(scene)
    scene = builder.build("The pianist played the violin.")  # an instrument said: that one
    assert [o.noun for o in scene.objects if o.noun in ("piano", "violin")] == ["violin"]


def test_instrument_of_a_musician_word() -> None:
    assert [instrument_of(w) for w in ("harpist", "pianist", "drummer", "saxophonist")] == [
        "harp", "piano", "drum", "saxophone"
    ]  # fmt: skip
    assert instrument_of("teacher") is None
    assert instrument_of("artist") is None


def test_role_nouns_and_ing_forms() -> None:
    verbs = frozenset({"refer", "employ", "train", "retire"})
    assert all(is_role_noun(w, verbs) for w in ("referee", "employee", "trainee", "retiree"))
    assert not any(is_role_noun(w, verbs) for w in ("coffee", "committee", "tree", "toffee"))
    assert [ing_form(w) for w in ("playing", "sing", "string", "ride", "swam", "lay")] == [
        "playing", "singing", "stringing", "riding", "swimming", "laying"
    ]  # fmt: skip


def test_a_story_animal_is_him(builder: SpacySceneBuilder) -> None:
    """ "Below him": the sloth of the sentence before, not a man nobody named."""
    context = builder.new_context()
    builder.build("A sleepy sloth hung from a branch high above the river.", context=context)
    scene = builder.build("Below him a crocodile opened its big mouth.", context=context)
    assert ("crocodile", "below", "sloth") in relations(scene)
    assert "man" not in [o.noun for o in scene.objects]


def test_every_relation_said_is_kept_in_the_extras(builder: SpacySceneBuilder) -> None:
    """An engine drops the relations of a thing it cannot draw; the JSON keeps them."""
    scene = builder.build("Sprinkle the grated cheese on top of the lasagne.")
    said = scene.to_json()["said_relations"]
    assert {"subject_noun": "cheese", "relation": "on", "object_noun": "lasagne"}.items() <= (
        said[0].items()
    )
    assert Scene.from_json(scene.to_json()).extras["said_relations"] == said


def test_a_food_fried_or_flipped_is_in_its_pan(builder: SpacySceneBuilder) -> None:
    scene = builder.build("Flip each pancake when the bottom is golden.")
    assert ("pancake", "in", "frying pan") in relations(scene)
    assert ("egg", "in", "pot") in relations(builder.build("Boil the eggs for ten minutes."))
    assert [o.noun for o in builder.build("Flip a coin.").objects] == ["coin"]
    named = [o.noun for o in builder.build("Fry the eggs in a pan.").objects]
    assert "frying pan" not in named and "pan" in named


def test_they_of_several_things_is_said_of_each(builder: SpacySceneBuilder) -> None:
    context = builder.new_context()
    builder.build("Chop the onions and the carrots.", context=context)
    said = relations(builder.build("Then put them in the pot.", context=context))
    assert ("onion", "in", "pot") in said and ("carrot", "in", "pot") in said
