"""Distributive counts: "each" and "every" name several things, and one of what they have
each.

"Each kid had a backpack" is several kids, each with a backpack of their own; "every
child sat on a chair" several children on as many chairs; "each of the three girls held a
balloon" three girls, three balloons; "the boys had a kite each" one kite a boy. A thing
said with "the" ("each kid sat on the bench") stays one: they share it.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from speech2image.language.vocabulary import PLURAL_DEFAULT_COUNT

if TYPE_CHECKING:
    from speech2image.language.mentions import Mention

_EACH = frozenset({"each", "every"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})


def _at(mentions: list[Mention], token_index: int) -> int | None:
    return next((k for k, m in enumerate(mentions) if m.head == token_index), None)


def _said_each(doc: Any, mention: Mention) -> bool:
    """True when "each" or "every" stands before the mention's noun ("every girl")."""
    return any(c.lower_ in _EACH for c in doc[mention.head].children if c.dep_ == "det")


def _of_each(doc: Any, mentions: list[Mention]) -> list[tuple[int, Any]]:
    """(mention, the token whose verb it does) for "each of the kids" phrases."""
    found = []
    for token in doc:
        if token.lower_ not in _EACH or token.dep_ not in _SUBJECTS:
            continue
        for prep in (c for c in token.children if c.lower_ == "of"):
            for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                k = _at(mentions, pobj.i)
                if k is not None:
                    found.append((k, token))
    return found


def _one_each(doc: Any, mention: Mention) -> bool:
    """True for one thing said with "a" or "an" ("a backpack"): each has their own."""
    words = {c.lower_ for c in doc[mention.head].children if c.dep_ == "det"}
    return mention.count == 1 and mention.pronoun is None and bool({"a", "an"} & words)


def _had(doc: Any, mentions: list[Mention], subject: Any) -> list[int]:
    """The mentions the verb of ``subject`` does or is done to: its direct objects and the
    objects of its prepositions ("sat on a chair")."""
    verb = subject.head
    if subject.dep_ not in _SUBJECTS or verb.pos_ not in ("VERB", "AUX"):
        return []
    tokens = [c for c in verb.children if c.dep_ == "dobj"]
    tokens += [o for p in verb.children if p.dep_ == "prep" for o in p.children
               if o.dep_ == "pobj"]  # fmt: skip
    return [k for t in tokens if (k := _at(mentions, t.i)) is not None]


def _each_after(doc: Any, mentions: list[Mention]) -> list[tuple[int, int]]:
    """(subject, object) of "the boys had a kite each": "each" after what they have."""
    found = []
    for token in doc:
        if token.lower_ != "each" or token.i == 0 or token.dep_ in _SUBJECTS:
            continue
        thing = _at(mentions, token.i - 1)
        verb = doc[token.i - 1].head
        subjects = [c for c in verb.children if c.dep_ in _SUBJECTS]
        owner = _at(mentions, subjects[0].i) if subjects else None
        if thing is not None and owner is not None and mentions[owner].count > 1:
            found.append((owner, thing))
    return found


def distribute(doc: Any, mentions: list[Mention]) -> list[Mention]:
    """``mentions`` with "each"/"every" read as several, each with one of its own."""
    found = list(mentions)
    pairs: list[tuple[int, Any]] = [(k, doc[m.head]) for k, m in enumerate(found)
                                    if m.pronoun is None and _said_each(doc, m)
                                    and doc[m.head].dep_ in _SUBJECTS]  # fmt: skip
    pairs += _of_each(doc, found)
    owned: list[tuple[int, int]] = _each_after(doc, found)
    for k, subject in pairs:
        if found[k].count == 1:
            found[k] = replace(found[k], count=PLURAL_DEFAULT_COUNT, plural=True)
        owned += [(k, o) for o in _had(doc, found, subject) if o != k]
    for k, o in owned:
        if _one_each(doc, found[o]):
            found[o] = replace(found[o], count=found[k].count, plural=True)
    return found
