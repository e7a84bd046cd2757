"""Possession phrases: "a man with an umbrella" holds it, "a girl in a red dress" and
"that's my niece, with her backpack" wear them; "a frog in her boot" is only inside it."""

from __future__ import annotations

from typing import Any

from speech2image.language.frames import (
    VerbFrame,
    coordinated,
    is_animate,
    is_clothing,
    mention_at,
    negated,
)
from speech2image.language.lexicon import PEOPLE, WORN_ON_FEET_OR_HANDS
from speech2image.language.mentions import Mention


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
        objects = [o for c in pobjs for o in coordinated(doc, mentions, c, len(doc)) if o != owner]
        subjects = tuple(coordinated(doc, mentions, held_by, max(prep.i, held_by.i + 1)))
        with_ = word == "with"
        worn = tuple(o for o in objects if worn_in(mentions[owner], mentions[o])
                     or (with_ and is_clothing(mentions[o])))  # fmt: skip
        held = tuple(o for o in objects if not is_animate(mentions[o]) and o not in worn)
        if worn:
            frames.append(VerbFrame(prep.i, subjects, "wearing", worn, (prep.i,)))
        elif word == "with" and held:
            frames.append(VerbFrame(prep.i, subjects, "holding", held, (prep.i,)))
    return frames
