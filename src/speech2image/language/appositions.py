"""Two common nouns side by side for one thing: "her friend the seal", "my neighbour, a nurse".

The small model parses such a pair as an apposition, and also a list of things set off by
commas ("a man, a red cake and two donuts"); only a pair with a person's word in it, said
as one or set off by commas on both sides, is one thing, drawn once.
"""

from __future__ import annotations

from typing import Any

from speech2image.language.attributes import PEOPLE


def _set_off(token: Any) -> bool:
    """An apposition said as one ("her friend the seal") or set off by commas on both
    sides ("my neighbour, a nurse, came"), unlike a list ("a man, a red cake and ...")."""
    doc, head = token.doc, token.head
    between = doc[min(head.i, token.i) + 1 : max(head.i, token.i)]
    if not any(t.is_punct for t in between):
        return True
    end = max(t.i for t in token.subtree) + 1
    return end < len(doc) and doc[end].text == ","


def appositive_twin(token: Any) -> Any | None:
    """Of two common nouns for one thing ("her friend the seal", "my neighbour, a nurse"),
    the one not drawn: a person's relation word beside an animal or a thing ("friend"),
    else the more general first noun ("neighbour"). Two nouns of things are a list the
    model took for an apposition ("a blue car, a red ball"): both drawn."""
    head = token.head
    if token.dep_ != "appos" or token.pos_ != "NOUN" or head.pos_ != "NOUN" or head.i == token.i:
        return None
    head_person, own_person = head.lemma_.lower() in PEOPLE, token.lemma_.lower() in PEOPLE
    if not (head_person or own_person) or not _set_off(token):
        return None
    if head_person == own_person:
        return head
    return head if head_person else token
