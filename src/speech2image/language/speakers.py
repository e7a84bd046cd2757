"""The speaker in a picture they describe: "that's me holding the baby", "this is us at
the beach", "here's me with my certificate".

"I", "me" and "we" are not drawn as a rule: "I sat on a bench" is about the bench, and the
speaker is behind the camera. A photo or a drawing pointed at with "this" or "that" and
said to be "me" or "us" shows the speaker, though: one person for "me", two for "us". They
are a mention like any other, so what the clause says they do ("holding the baby") is a
verb frame of theirs.
"""

from __future__ import annotations

from typing import Any

from speech2image.language.mentions import Mention

_POINTERS = frozenset({"this", "that", "here", "there", "these", "those"})
"""Words that point at a picture: "that's me", "here's us"."""
_SPEAKERS = {"me": 1, "us": 2, "myself": 1, "ourselves": 2}
"""The speaker's pronouns as the predicate of "that's ...", and how many people they are."""
SPEAKER_NOUN = "person"
"""The noun the speaker is drawn as: nothing is said of who they are."""


def _pointed_at(token: Any) -> bool:
    """True when ``token`` ("me") is said of a picture pointed at: the predicate of "that
    is" ("that's me at my graduation"), or the doer of a verb whose clause points ("that's
    me holding the baby", parsed with "me" as the subject of "holding")."""
    clause = token.head
    if token.dep_ not in ("attr", "nsubj", "dobj"):
        return False
    around = [
        *clause.children,
        *(c for a in clause.children if a.dep_ == "aux" for c in a.children),
    ]
    pointers = [c for c in around if c.lower_ in _POINTERS and c.i < token.i]
    copula = clause.lemma_ == "be" or any(
        c.dep_ in ("aux", "auxpass") and c.lemma_ == "be" and c.i < token.i for c in clause.children
    )
    # "That's me holding the baby", "this is us on the beach": a picture of the speaker;
    # a bare "... a blue house with a cherry tree, that's us" is where they live.
    after = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    shown = after is not None and after.pos_ in ("ADP", "VERB", "ADV") and after.lower_ != "too"
    return bool(pointers) and copula and shown


def shown_speakers(doc: Any, mentions: list[Mention]) -> list[Mention]:
    """``mentions`` with the speaker of a picture pointed at as a person (or two), in
    the order the words come."""
    found = [
        Mention(noun=SPEAKER_NOUN, head=t.i, start=t.i, count=_SPEAKERS[t.lower_],
                plural=_SPEAKERS[t.lower_] > 1, subject=True, agent=True)
        for t in doc
        if t.lower_ in _SPEAKERS and _pointed_at(t) and all(m.head != t.i for m in mentions)
    ]  # fmt: skip
    return sorted([*mentions, *found], key=lambda m: m.start) if found else mentions
