"""Which mention a word belongs to, and the thing a part noun names with "of".

The small helpers the verb frames and the spatial relations share: the mention whose
words include a token, and the whole of a part ("the roof of the shed": the shed).
"""

from __future__ import annotations

from typing import Any

from speech2image.language.mentions import Mention
from speech2image.language.places import PART_NOUNS, THING_PARTS


def mention_at(mentions: list[Mention], token_index: int) -> int | None:
    """The mention whose words include ``token_index``."""
    for k, m in enumerate(mentions):
        if m.start <= token_index <= m.head:
            return k
    return None


_PHRASE_PARTS = frozenset({"top", "front", "left", "right", "middle", "back", "bottom", "side"})


def spatial_phrase(prep: Any, noun: Any) -> bool:
    """True for "on top of", "in front of", "to the left of": one spatial phrase, which
    :mod:`relations` reads, not a part of the thing."""
    return prep.lower_ in ("on", "in", "at", "to") and noun.lower_ in _PHRASE_PARTS


def whole_named(mentions: list[Mention], noun: Any, depth: int = 0) -> list[int]:
    """The thing a part noun that is no mention names with "of" ("the roof of the shed",
    "the edge of the roof of the barn"): what is at the part is at the whole."""
    if noun.lemma_.lower() not in PART_NOUNS | THING_PARTS or depth > 2:
        return []
    for pobj in [c for p in noun.children if p.lower_ == "of" for c in p.children]:
        k = mention_at(mentions, pobj.i) if pobj.dep_ == "pobj" else None
        found = [k] if k is not None else whole_named(mentions, pobj, depth + 1)
        if found:
            return found
    return []
