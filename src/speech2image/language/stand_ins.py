"""Stand-ins: words that are no noun of a thing and yet stand for one said before.

"one" and "ones" ("a red apple and a green one", "this one has a crab in it", "the big
ones") stand for a thing of the kind just named; a possessive before a part that is not
drawn ("its head was touching the ceiling", "his tail was short") stands for the owner.
This module finds them in a parsed sentence; :mod:`speech2image.language.mentions` makes
them mentions and :mod:`speech2image.language.coreference` says what they point at.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from speech2image.language.lexicon import BODY_PARTS
from speech2image.language.vocabulary import (
    COLOR_ALIASES,
    COLORS,
    NUMBER_WORDS,
    PLURAL_DEFAULT_COUNT,
    SIZE_WORDS,
)

OWNER_WORDS = frozenset({"its", "his", "her", "their"})
_DEFINITE = frozenset({"the", "this", "that", "these", "those", "my", "your", "our", "his",
                       "her", "its", "their", "which"})  # fmt: skip
_NOT_ONE = frozenset({"no", "any", "every", "each", "some", "someone", "anyone", "everyone"})
"""Determiners with which "one" is a person in general ("no one came"), not a thing."""
_NOT_AFTER = frozenset({"another", "by", "day", "of", "o'clock", "more", "time", "thing"})
_BARE = frozenset({"dobj", "conj"})
"""Where a bare "one" stands for a thing ("I want one", "a cat and a dog and one more")."""


@dataclass(frozen=True, slots=True)
class StandIn:
    """A word that stands for a thing said before."""

    word: str
    """ "one" for "one" and "ones"; the possessive ("its", "his") for an owner."""
    head: int
    """Index of the token whose place in the sentence the thing takes ("one", "head")."""
    start: int
    count: int
    has_count: bool = False
    color: str | None = None
    size: str | None = None
    definite: bool = False
    bound: bool = False
    """True for an owner: it may be the subject of its own clause ("its tail")."""


def stand_ins(doc: Any, taken: set[int]) -> list[StandIn]:
    """Every stand-in of ``doc``, in reading order, none at a token in ``taken`` (the heads
    of the sentence's mentions: "his hand" drawn as a hand needs no owner)."""
    found = []
    for token in doc:
        if token.i in taken:
            continue
        stand_in = _owner_of_part(token) or _one(token)
        if stand_in is not None and stand_in.head not in taken:
            found.append(stand_in)
    return found


def _owner_of_part(token: Any) -> StandIn | None:
    """ "Its head was touching the ceiling", "his tail was short": the owner of a part."""
    part = token.head
    if token.tag_ != "PRP$" or token.lower_ not in OWNER_WORDS or token.dep_ != "poss":
        return None
    # Only a part said as the subject: of an object ("the dragon curled his tail around
    # the knight") the owner is the clause's subject, and relations lift it there.
    if part.lemma_.lower() not in BODY_PARTS or part.dep_ not in ("nsubj", "nsubjpass"):
        return None
    count = PLURAL_DEFAULT_COUNT if token.lower_ == "their" else 1
    return StandIn(token.lower_, part.i, token.i, count, definite=True, bound=True)


def _one(token: Any) -> StandIn | None:
    """ "a green one", "this one", "the other ones", "I want one": a thing of a kind named
    before; not "one day", "no one", "one of the dogs", "one another" nor "the red one"
    in apposition to what it describes (the noun before has its colour)."""
    word = token.lower_
    if word not in ("one", "ones") or token.pos_ not in ("NOUN", "NUM", "PRON"):
        return None
    if token.dep_ in ("nummod", "compound", "quantmod", "npadvmod", "det") or appositive(token):
        return None
    if token.dep_ == "conj" and token.head.lower_ in ("one", "ones") and _one(token.head) is None:
        return None  # "two cats, a black one and a white one": as the first

    children = list(token.children)
    if any(c.lower_ in _NOT_ONE for c in children) or any(c.dep_ == "relcl" for c in children):
        return None
    following = token.nbor(1).lower_ if token.i + 1 < len(token.doc) else ""
    if following in _NOT_AFTER or any(c.dep_ == "prep" and c.lower_ == "of" for c in children):
        return None
    said = [c for c in children if c.dep_ in ("det", "amod", "nummod", "poss")]
    if not said and token.dep_ not in _BARE:
        return None
    color, size = _colour_and_size(token, children)
    numbers = [NUMBER_WORDS[c.lower_] for c in children if c.lower_ in NUMBER_WORDS]
    count = numbers[0] if numbers else PLURAL_DEFAULT_COUNT if word == "ones" else 1
    definite = any(c.lower_ in _DEFINITE for c in said)
    start = min([token.i, *(c.i for c in said)])
    return StandIn("one", token.i, start, count, bool(numbers), color, size, definite)


def appositive(token: Any) -> bool:
    """True for "one" that describes the noun just before it: "our old car, the red one"."""
    if token.dep_ == "appos":
        return True
    said = [c.i for c in token.children if c.dep_ in ("det", "amod", "poss")]
    start = min([token.i, *said])
    before = token.doc[start - 2] if start >= 2 else None
    return before is not None and token.doc[start - 1].lower_ == "," and before.pos_ == "NOUN"


def _colour_and_size(token: Any, children: list[Any]) -> tuple[str | None, str | None]:
    """The colour and size said of "one", before it ("the red one") or after a copula
    ("the other one is bigger")."""
    words = [c.lower_ for c in children if c.dep_ == "amod"]
    if token.dep_ in ("nsubj", "nsubjpass"):
        words += [c.lower_ for c in token.head.children if c.dep_ in ("acomp", "attr")]
    color = next((COLOR_ALIASES.get(w, w) for w in words if w in COLORS), None)
    size = next((SIZE_WORDS[w] for w in words if w in SIZE_WORDS), None)
    return color, size
