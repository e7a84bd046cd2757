"""Spatial relations between mentions: "the cat is to the left of the dog".

A relation phrase is found by its words; its object is the next mention after it, and its
subject the thing the phrase attaches to in the dependency parse (the noun it modifies, or
the subject or object of the verb it modifies), else the nearest mention before it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from speech2image.language.mentions import Mention, place_of
from speech2image.language.vocabulary import RELATION_PHRASES


@dataclass(frozen=True, slots=True)
class MentionRelation:
    """``subject`` (a mention index) stands ``relation`` to ``object`` (a mention index)."""

    subject: int
    relation: str
    object: int


def _phrases(doc: Any) -> list[tuple[int, int, str]]:
    """``(start, end, relation)`` for each relation phrase, longest match first."""
    words = [t.lower_ for t in doc]
    found = []
    i = 0
    while i < len(words):
        for phrase, relation in RELATION_PHRASES:
            if tuple(words[i : i + len(phrase)]) == phrase:
                if doc[i].dep_ == "agent" or (phrase == ("over",) and doc[i].dep_ == "prt"):
                    break
                found.append((i, i + len(phrase), relation))
                i += len(phrase) - 1
                break
        i += 1
    return found


def _mention_at(mentions: list[Mention], token_index: int) -> int | None:
    for k, m in enumerate(mentions):
        if m.start <= token_index <= m.head:
            return k
    return None


def _with_conjuncts(doc: Any, mentions: list[Mention], token: Any) -> list[int]:
    """The mention headed by ``token`` and those joined to it by "and"."""
    found = []
    for t in [token, *token.conjuncts]:
        k = _mention_at(mentions, t.i)
        if k is not None:
            found.append(k)
    return found


def _subjects(doc: Any, mentions: list[Mention], start: int) -> list[int]:
    """The mentions the relation phrase starting at ``start`` says something about."""
    governor = doc[start].head
    seen = 0
    while governor is not None and seen < 4:
        seen += 1
        k = _mention_at(mentions, governor.i)
        if k is not None and mentions[k].head < start:
            return _with_conjuncts(doc, mentions, doc[mentions[k].head])
        if governor.pos_ in ("VERB", "AUX"):
            children = list(governor.children)
            for dep in ("dobj", "nsubjpass", "nsubj", "attr"):
                for child in children:
                    if child.dep_ == dep and child.i < start:
                        found = _with_conjuncts(doc, mentions, child)
                        if found:
                            return found
            if governor.dep_ in ("conj", "xcomp", "advcl", "relcl", "acl"):
                governor = governor.head
                continue
        if governor.dep_ in ("prep", "advmod", "npadvmod") or governor.pos_ == "ADP":
            governor = governor.head
            continue
        break
    before = [k for k, m in enumerate(mentions) if m.head < start]
    return before[-1:]


def find_relations(doc: Any, mentions: list[Mention]) -> tuple[list[MentionRelation], set[int]]:
    """Relations between mentions, and the token indexes of relation phrases that named
    a place instead ("on the beach"), which the caller treats as the setting."""
    relations: list[MentionRelation] = []
    place_phrases: set[int] = set()
    for start, end, relation in _phrases(doc):
        after = [k for k, m in enumerate(mentions) if m.start >= end and m.pronoun != "it"]
        after_any = [k for k, m in enumerate(mentions) if m.start >= end]
        objects = after_any[:1]
        if not objects:
            continue
        first_object = mentions[objects[0]]
        # The phrase must reach its object without crossing another relation or a verb.
        between = doc[end : first_object.start]
        far = any(t.pos_ == "VERB" for t in between) or len(between) > 6
        if far and not any(place_of(t) for t in doc[end : end + 4]):
            continue
        if any(place_of(t) for t in doc[end : first_object.start]):
            place_phrases.add(start)
            continue
        if relation == "between":
            objects = after[:2] if len(after) >= 2 else after
        subjects = [s for s in _subjects(doc, mentions, start) if s not in objects]
        for subject in subjects:
            relations.extend(MentionRelation(subject, relation, obj) for obj in objects)
    return relations, place_phrases
