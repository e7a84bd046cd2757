"""Possession phrases: "a man with an umbrella" holds it, "a girl in a red dress" and
"that's my niece, with her backpack" wear them; "a frog in her boot" is only inside it.

A verb's own "with" says what its doer has in hand besides the verb's object ("he fixed
the car with a spanner", "a squirrel climbed the tree with a nut in its mouth"), and what
someone gives is in their hand ("his mother gave it a bowl of milk")."""

from __future__ import annotations

from typing import Any

from speech2image.language.frames import (
    VerbFrame,
    coordinated,
    in_hand,
    is_animate,
    is_clothing,
    mention_at,
    negated,
    recipients_of,
    verb_lemma,
    verb_subjects,
)
from speech2image.language.lexicon import CONTAINERS, PEOPLE, WORN_ON_FEET_OR_HANDS
from speech2image.language.mentions import Mention
from speech2image.language.nonthings import DRINKING_VESSELS
from speech2image.language.verb_words import FURNISHING_VERBS, is_role_noun
from speech2image.language.wordclasses import word_classes


def worn_in(subject: Mention, obj: Mention) -> bool:
    """ "A girl in a red dress" wears it; "a frog in her boot" is inside it."""
    if not is_clothing(obj) or not is_animate(subject):
        return False
    worn = obj.noun.split()[-1] not in WORN_ON_FEET_OR_HANDS
    return worn or subject.noun.split()[-1] in PEOPLE


def possession_frames(doc: Any, mentions: list[Mention]) -> list[VerbFrame]:
    """ "A man with an umbrella" (holding), "a girl with a hat" (wearing), "a girl in a
    red dress" (wearing): a person's or an animal's own "with" or "in" phrase."""
    frames: list[VerbFrame] = []
    for prep in doc:
        word = prep.lower_
        if prep.dep_ != "prep" or word not in ("with", "in") or prep.head.pos_ == "VERB":
            continue
        # "That's my niece, with her pink backpack": the copula's person has it.
        attrs = [c for c in prep.head.children if c.dep_ == "attr" and prep.head.lemma_ == "be"]
        held_by = attrs[0] if attrs else prep.head
        owner = mention_at(mentions, held_by.i)
        if owner is None or not is_animate(mentions[owner]) or negated(prep.head.head):
            continue
        pobjs = [c for c in prep.children if c.dep_ == "pobj"]
        # "a man with an accordion playing": the small model's object is "playing".
        pobjs = [m for c in pobjs for m in ([c] if mention_at(mentions, c.i) is not None else
                 [a for a in c.children if a.dep_ in ("amod", "compound")] or [c])]  # fmt: skip
        objects = [o for c in pobjs for o in coordinated(doc, mentions, c, len(doc)) if o != owner]
        subjects = tuple(coordinated(doc, mentions, held_by, max(prep.i, held_by.i + 1)))
        with_ = word == "with"
        worn = tuple(o for o in objects if not in_hand(doc, mentions[o])
                     and (worn_in(mentions[owner], mentions[o])
                          or (with_ and is_clothing(mentions[o]))))  # fmt: skip
        held = tuple(o for o in objects if not is_animate(mentions[o]) and o not in worn)
        if worn:
            frames.append(VerbFrame(prep.i, subjects, "wearing", worn, (prep.i,)))
        elif word == "with" and held:
            frames.append(VerbFrame(prep.i, subjects, "holding", held, (prep.i,)))
    return frames


def _may_hold(mention: Mention, doc: Any) -> bool:
    """A person or an animal, or a role noun ("the caretaker", "the harpist", "the
    postman", "the referee")."""
    classes = word_classes(doc[mention.head]) if len(doc) > mention.head else None
    verbs = classes.verbs if classes is not None else frozenset()
    return is_animate(mention) or (mention.pronoun is None and is_role_noun(mention.noun, verbs))


def _held_objects(
    doc: Any, mentions: list[Mention], token: Any, subjects: list[int], owner: int
) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """The things worn and the things held among the objects of ``token`` (a "with"
    phrase or a given thing) of ``subjects``' first, ``owner``."""
    objects = [o for o in coordinated(doc, mentions, token, len(doc)) if o not in subjects]
    worn = tuple(o for o in objects if is_clothing(mentions[o]) and _may_hold(mentions[owner], doc)
                 and not in_hand(doc, mentions[o]))  # fmt: skip
    held = tuple(o for o in objects if not is_animate(mentions[o]) and o not in worn)
    return worn, held


_SERVING_VERBS = frozenset(
    {"feed", "pour", "serve", "scoop", "ladle", "water", "sprinkle", "tip", "spoon", "share"}
)  # fmt: skip
"""Verbs done from a vessel held in the hand ("fed them corn from a bucket", "poured tea
from the pot"); not drinking, which a dog does from a bucket on the ground."""


def _served_from(verb: Any, claimed: set[int]) -> list[Any]:
    """The vessels a verb of serving is done from, on the verb or on its object."""
    if verb_lemma(verb) not in _SERVING_VERBS:
        return []
    heads = [verb, *(c for c in verb.children if c.dep_ == "dobj")]
    return [c for h in heads for p in h.children if p.lower_ == "from" and p.i not in claimed
            for c in p.children if c.dep_ == "pobj"
            and c.lemma_.lower() in CONTAINERS | DRINKING_VESSELS]  # fmt: skip


def verb_held_frames(doc: Any, mentions: list[Mention], claimed: set[int]) -> list[VerbFrame]:
    """What a verb's doers have in hand: a "with" phrase of the verb that no frame took
    ("fixing his car with a big spanner"), and the thing given ("gave it a bowl")."""
    frames: list[VerbFrame] = []
    for verb in doc:
        if verb.pos_ != "VERB" or negated(verb) or verb_lemma(verb) in FURNISHING_VERBS:
            continue
        subjects = [k for k in verb_subjects(doc, mentions, verb) if _may_hold(mentions[k], doc)]
        if not subjects:
            continue
        tokens = [c for p in verb.children if p.lower_ == "with" and p.dep_ == "prep"
                  and p.i not in claimed for c in p.children if c.dep_ == "pobj"]  # fmt: skip
        tokens += _served_from(verb, claimed)
        given = [c for c in verb.children if c.dep_ == "dobj"]
        recipients = recipients_of(doc, mentions, verb) if given else []
        for token in [*tokens, *(given if recipients else [])]:
            worn, held = _held_objects(doc, mentions, token, subjects, subjects[0])
            if token in given and worn:
                # "gave the snowman a scarf": the snowman wears it.
                frames.append(VerbFrame(token.i, tuple(recipients), "wearing", worn))
                worn = ()
            if worn:
                frames.append(VerbFrame(token.i, tuple(subjects), "wearing", worn))
            if held:
                frames.append(VerbFrame(token.i, tuple(subjects), "holding", held))
    return frames
