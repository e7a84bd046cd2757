"""Proper names: which words are names, and what each names.

A name attaches to what it names ("a dog called Rex", "our dog Biscuit" is a dog), stands for
a person of its own ("Tom went home"), or is nothing to draw ("we flew to Paris").
"""

from __future__ import annotations

from typing import Any

from speech2image.language.attributes import ANIMALS, PEOPLE
from speech2image.language.concepts import CONCEPT_WORDS, KNOWN_NOUNS
from speech2image.language.nonthings import NAME_VERBS, NOT_THINGS
from speech2image.scene import Skipped

_NAME_ENTITIES = frozenset(
    {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "PRODUCT", "EVENT", "WORK_OF_ART",
     "LANGUAGE", "LAW"}
)  # fmt: skip


_CAPITALISED_THINGS = frozenset({"earth", "sun", "moon", "equator", "milky"})
"""Things written with a capital that are no one's name: "the Earth looked like a marble"."""


def _name_span(token: Any) -> tuple[list[int], str]:
    """The token indexes and text of a name, with its compound parts ("Mister Fox")."""
    parts = [c for c in token.children if c.dep_ == "compound" and c.pos_ == "PROPN"]
    indexes = sorted([token.i, *(c.i for c in parts)])
    doc = token.doc
    return indexes, " ".join(doc[i].text for i in indexes)


def _named(token: Any) -> Any | None:
    """The noun a name is given to: "a dog called Rex", "my dog Rex", "Rex the dog"."""
    phrase = token
    while phrase.dep_ == "compound" and phrase.head.i != phrase.i:
        phrase = phrase.head  # "a dog called Rex sleeps" parsed with "Rex sleeps" one phrase
    head = phrase.head
    if phrase.dep_ in ("oprd", "attr", "dobj", "xcomp", "npadvmod", "ccomp") and (
        head.lemma_.lower() in NAME_VERBS
    ):
        if head.dep_ in ("acl", "relcl") and head.head.pos_ in ("NOUN", "PROPN"):
            return head.head
        objects = [c for c in head.children if c.dep_ == "dobj" and c.i != phrase.i]
        return objects[0] if objects else None
    if token.dep_ == "appos" and head.pos_ == "NOUN":
        return head
    if token.dep_ == "compound" and head.pos_ == "NOUN":
        return head
    # "our dog Biscuit", "Rex the dog": the common noun beside the name.
    beside = [c for c in token.children if c.dep_ in ("appos", "compound") and c.pos_ == "NOUN"]
    return beside[0] if beside else None


def is_name(token: Any) -> bool:
    """A proper name; a capitalised common word the model took for one ("Knowledge is
    power", "Dogs bark") is not."""
    word = token.lower_
    if token.pos_ != "PROPN" or word in KNOWN_NOUNS or word in ANIMALS or word in PEOPLE:
        return False
    if word in _CAPITALISED_THINGS:
        return False
    if token.lemma_.lower() in NOT_THINGS or word in NOT_THINGS:
        return False
    if token.is_sent_start and word in CONCEPT_WORDS:
        return False  # "Lunch was delicious", taken for a person's name
    if token.ent_type_ in _NAME_ENTITIES:
        return True
    return token.text[:1].isupper() and not token.is_sent_start


def take_name(
    token: Any,
    blocked: set[int],
    name_tokens: set[int],
    names: dict[int, str],
    people: dict[int, str],
    skipped: list[Skipped],
) -> None:
    """A name: of the thing it names ("a dog called Rex"), a person of its own ("Tom ran"),
    or nothing to draw (skipped as a name)."""
    indexes, name = _name_span(token)
    if token.dep_ == "compound" and token.head.pos_ == "PROPN":
        return  # "Tom" of "Tom Smith": the last word carries the name
    owner = _named(token)
    blocked.update(indexes)
    name_tokens.update(indexes)
    if owner is not None:
        names[owner.i] = name
    elif token.ent_type_ == "PERSON" or (
        token.ent_type_ == "" and token.dep_ in ("nsubj", "nsubjpass", "dobj", "conj")
    ):
        people[token.i] = name
        blocked.discard(token.i)
        return
    skipped.append(Skipped(name, "name"))
