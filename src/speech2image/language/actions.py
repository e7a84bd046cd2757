"""What a thing does on its own: the action of one object ("the girl runs": ``running``).

From three readings of the parse:

- a verb whose subject is the thing and which has no drawn object ("the girl runs", "a man
  walking with an umbrella" walks and holds it);
- a state said with an adjective or a noun ("the baby is asleep", "Grandpa fell asleep",
  "went back to sleep": sleeping);
- a participle before the noun ("a running dog", "the sleeping knight").

An action the engine knows (:data:`~speech2image.scene.OBJECT_ACTIONS`) wins over one it
does not ("closed his eyes and went back to sleep" is sleeping, not closing).
"""

from __future__ import annotations

from typing import Any

from speech2image.language.frames import (
    find_frames,
    is_animate,
    mention_at,
    negated,
    verb_form,
    verb_lemma,
    verb_subjects,
)
from speech2image.language.mentions import Mention
from speech2image.language.verb_words import NOT_DRAWN_VERBS, THINGS_DO
from speech2image.scene import OBJECT_ACTIONS

_STATES = {"asleep": "sleeping", "sleep": "sleeping", "nap": "sleeping", "bed": "sleeping"}
"""Words of a state and the action that draws it ("fell asleep", "went to sleep")."""
_STATE_VERBS = frozenset({"be", "fall", "lie", "stay", "look", "seem", "go", "get", "drift"})
"""Verbs that put their subject in the state their complement names."""


def _state(doc: Any, mentions: list[Mention], verb: Any) -> tuple[list[int], str] | None:
    """The subjects of ``verb`` and the state it puts them in, or None."""
    if verb_lemma(verb) not in _STATE_VERBS or negated(verb):
        return None
    words = [c for c in verb.children if c.dep_ in ("acomp", "oprd", "attr", "advmod")]
    # "went to sleep", "went back to sleep" (the phrase hung on "back").
    preps = [p for h in [verb, *words] for p in h.children if p.lower_ == "to" and p.dep_ == "prep"]
    words += [o for p in preps for o in p.children if o.dep_ == "pobj" and o.lower_ != "bed"]
    state = next((_STATES[w.lower_] for w in words if w.lower_ in _STATES), None)
    if state is None:
        return None
    return verb_subjects(doc, mentions, verb), state


def _participles(doc: Any, mentions: list[Mention]) -> dict[int, str]:
    """ "A running dog", "the sleeping knight": a participle before the noun."""
    found: dict[int, str] = {}
    for token in doc:
        if token.dep_ != "amod" or token.tag_ != "VBG" or token.lower_ in NOT_DRAWN_VERBS:
            continue
        k = mention_at(mentions, token.head.i)
        if k is None or token.lower_ in mentions[k].noun.split():
            continue  # "a sleeping bag", "a frying pan": the participle names the thing
        if is_animate(mentions[k]) or verb_lemma(token) in THINGS_DO:
            found[k] = verb_form(token)
    return found


def _frame_actions(doc: Any, mentions: list[Mention]) -> list[tuple[int, str]]:
    """(mention, action) of each verb frame with no drawn object, in reading order."""
    found: list[tuple[int, str]] = []
    for frame in find_frames(doc, mentions):
        verb = doc[frame.verb]
        if not frame.objects:
            action = frame.relation.split()[0]
        elif frame.claimed and frame.relation in ("holding", "wearing") and verb.pos_ == "VERB":
            # "walking with an umbrella": holding it, and walking.
            action = "" if verb_lemma(verb) in NOT_DRAWN_VERBS else verb_form(verb)
        else:
            continue
        found += [(subject, action) for subject in frame.subjects if action]
    return found


def find_actions(doc: Any, mentions: list[Mention]) -> dict[int, str]:
    """Mention index -> what it does on its own (see the module docstring)."""
    said: list[tuple[int, str]] = []
    for verb in doc:  # a state first: "fell asleep" is sleeping, not falling
        state = _state(doc, mentions, verb) if verb.pos_ in ("VERB", "AUX") else None
        said += [(k, state[1]) for k in state[0]] if state else []
    said += _frame_actions(doc, mentions)
    said += list(_participles(doc, mentions).items())
    actions: dict[int, str] = {}
    for subject, action in said:
        known = actions.get(subject) in OBJECT_ACTIONS
        if subject not in actions or (action in OBJECT_ACTIONS and not known):
            actions[subject] = action
    return actions
