"""The words before and after a noun: its count, colour, size and definiteness.

"three light blue cars", "a couple of dogs", "the car is red": what the modifiers of a noun
phrase and the adjectives of a copula say of the thing, for :mod:`.mentions`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from speech2image.language.attributes import ATTRIBUTE_WORDS, becomes_colour
from speech2image.language.vocabulary import (
    COLOR_ALIASES,
    COLORS,
    NUMBER_WORDS,
    QUANTITY_PHRASES,
    SHADE_WORDS,
    SIZE_WORDS,
)


def quantity_before(doc: Any, start: int) -> int | None:
    """A count named by a quantity phrase ending just before ``start`` ("a couple of")."""
    words = [t.lower_ for t in doc[max(0, start - 4) : start]]
    for length in (3, 2, 1):
        if len(words) >= length and tuple(words[-length:]) in QUANTITY_PHRASES:
            return QUANTITY_PHRASES[tuple(words[-length:])]
    return None


@dataclass(frozen=True, slots=True)
class Modifiers:
    """What the words before a noun say of it."""

    count: int | None
    color: str | None
    size: str | None
    definite: bool
    words: tuple[Any, ...]
    """The modifier tokens themselves, for the attributes."""


def modifiers_before(doc: Any, first: int) -> Modifiers:
    """Count, colour, size and definiteness from the words before the noun."""
    count: int | None = None
    color: str | None = None
    size: str | None = None
    definite = False
    left = first
    while left > 0 and is_modifier(doc[left - 1]):
        left -= 1
    span = list(doc[left:first])
    for k, t in enumerate(span):
        word = t.lower_
        if word in ("the", "this", "that", "these", "those", "my", "his", "her", "their"):
            definite = True
        if t.like_num and count is None:
            count = parse_number(word)
        elif word in NUMBER_WORDS and count is None:
            count = NUMBER_WORDS[word]
        elif word in ("a", "an", "another", "each", "every") and count is None:
            count = 1
        if word in COLORS:
            color = COLOR_ALIASES.get(word, word)
            if k > 0 and span[k - 1].lower_ in SHADE_WORDS:
                color = f"{span[k - 1].lower_} {color}"
        if word in SIZE_WORDS:
            size = SIZE_WORDS[word]
    quantity = quantity_before(doc, left)
    for k in range(len(span), 0, -1):
        found = quantity_before(doc, left + k)
        if quantity is None and found is not None:
            quantity = found
    if quantity is not None and (count is None or count == 1):
        count = quantity
    return Modifiers(count, color, size, definite, tuple(span))


_DETERMINERS = frozenset(
    {"a", "an", "the", "this", "that", "these", "those", "my", "his", "her", "their", "our",
     "your", "its", "another", "each", "every", "some", "very", "really", "bright", "and", ","}
)  # fmt: skip


def is_modifier(token: Any) -> bool:
    """Words that may stand between a determiner and its noun."""
    word = token.lower_
    if word in _DETERMINERS or word in COLORS or word in SIZE_WORDS or word in SHADE_WORDS:
        return True
    if word in NUMBER_WORDS or token.like_num:
        return True
    if word in ATTRIBUTE_WORDS and token.pos_ in ("ADJ", "NOUN", "PROPN", "VERB"):
        return True
    if token.tag_ == "HYPH":
        return True  # "polka-dot"
    return token.pos_ == "ADJ" and token.dep_ in ("amod", "nummod")


def parse_number(word: str) -> int | None:
    """A count written in digits ("12", "1,000") or in words."""
    try:
        return int(float(word.replace(",", "")))
    except ValueError:
        return NUMBER_WORDS.get(word)


def predicate_adjectives(token: Any) -> tuple[str | None, str | None]:
    """Colour and size said after a copula: "the car is red"."""
    if token.dep_ not in ("nsubj", "nsubjpass"):
        return None, None
    color = size = None
    for child in token.head.children:
        predicate = child.dep_ in ("acomp", "attr", "oprd") and child.pos_ == "ADJ"
        if predicate or becomes_colour(child):
            words = [child, *[c for c in child.children if c.dep_ == "conj"]]
            for word in words:
                if word.lower_ in COLORS:
                    color = COLOR_ALIASES.get(word.lower_, word.lower_)
                    shade = [c for c in word.children if c.lower_ in SHADE_WORDS]
                    if shade:
                        color = f"{shade[0].lower_} {color}"
                if word.lower_ in SIZE_WORDS:
                    size = SIZE_WORDS[word.lower_]
    return color, size
