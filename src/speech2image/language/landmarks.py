"""Landmarks: place words that are one thing a scene stands beside, drawn as well as set.

"The sun is setting behind the hills", "a cloud rolled in over the hills", "this is us
outside the church", "a tent at the foot of the mountain": the hills, the church and the
mountain set the scene and are also things in it, where what is said stands beside,
behind, over or outside them. "In the church", "at the castle" or "up the hill" are in
the place and draw its setting only.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

LANDMARK_WORDS = frozenset(
    {"hill", "hills", "mountain", "volcano", "church", "chapel", "cathedral", "castle",
     "palace", "barn", "lighthouse", "tower", "windmill", "pier", "island", "waterfall",
     "hotel", "school", "museum", "library", "hospital", "stable", "igloo", "pyramid"}
)  # fmt: skip
"""Place words that name one thing with a drawing of its own (not an area: a forest, a
beach, a city)."""

BESIDE_PREPOSITIONS = frozenset(
    {"behind", "beyond", "over", "above", "below", "beneath", "near", "beside", "outside",
     "past", "towards", "toward", "opposite", "by"}
)  # fmt: skip
"""Prepositions that put what is said beside a landmark, not in it."""

_BESIDE_PARTS = frozenset({"foot", "bottom", "front", "side", "base"})
"""Parts of a landmark one stands at: "at the foot of the mountain", "in front of the
church". At its top one is on it, in its setting ("from the top of the mountain you could
see the whole valley")."""


def _beside(noun: Any) -> bool:
    """True when ``noun`` is the object of a preposition that stands beside it."""
    if noun.dep_ != "pobj":
        return False
    prep = noun.head
    word = prep.lower_
    if word in BESIDE_PREPOSITIONS:
        return True
    if word == "to" and prep.head.lower_ in ("next", "close"):
        return True  # "next to the church"
    if word == "of" and prep.head.lower_ in _BESIDE_PARTS:
        return prep.head.dep_ == "pobj"  # "at the foot of the mountain"
    return False


def landmarks(doc: Any, place_tokens: Collection[int]) -> frozenset[int]:
    """The place words of ``doc`` that are also drawn: landmarks one stands beside."""
    found = set()
    for i in place_tokens:
        token = doc[i]
        named = token.lemma_.lower() in LANDMARK_WORDS or token.lower_ in LANDMARK_WORDS
        if named and _beside(token):
            found.add(i)
    return frozenset(found)
