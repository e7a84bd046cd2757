"""Composite drawings: two things drawn as one picture where a pack has it.

A person riding a horse is one drawing in OpenMoji ("horse racing"), two boxers fighting
one ("people wrestling"), a person holding a baby one ("person feeding baby"): a composite
replaces both things with it (:mod:`speech2image.imaging.compose.poses` poses the rest).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

PEOPLE = frozenset(
    {"person", "man", "woman", "boy", "girl", "child", "kid", "lady", "gentleman", "guy",
     "people", "teenager", "adult", "grandmother", "grandfather", "grandma", "grandpa",
     "mother", "father", "mom", "mum", "dad", "son", "daughter", "brother", "sister",
     "friend", "student", "teacher", "farmer", "doctor", "nurse", "king", "queen",
     "prince", "princess", "player", "worker", "rider", "sailor", "fisherman", "chef"}
)  # fmt: skip
"""Nouns of people: they get full-body figures when they do something."""
COMPOSITES: tuple[tuple[frozenset[str], frozenset[str], str], ...] = (
    (frozenset({"riding", "sitting on"}), frozenset({"horse", "pony"}), "horse racing"),
    (frozenset({"riding", "cycling", "pushing"}), frozenset({"bicycle", "bike"}), "person biking"),
    (frozenset({"rowing", "sitting in", "sailing"}),
     frozenset({"boat", "canoe", "rowboat", "kayak"}), "person rowing boat"),
    (frozenset({"riding", "standing on"}), frozenset({"surfboard", "wave"}), "person surfing"),
    (frozenset({"swimming in"}), frozenset({"water", "pool", "sea", "lake", "river", "ocean"}),
     "person swimming"),
    (frozenset({"sleeping in", "lying on", "lying in"}), frozenset({"bed"}), "person in bed"),
    (frozenset({"climbing"}), frozenset({"wall", "rock", "cliff"}), "person climbing"),
    (frozenset({"holding", "carrying", "hugging", "feeding"}), frozenset({"baby"}),
     "person feeding baby"),
)  # fmt: skip
"""(verbs, object nouns, drawing): a person doing one of the verbs to one of the things is
drawn as the one drawing, where the pack has it."""
PAIR_COMPOSITES = {
    "fighting": "people wrestling", "hugging": "people hugging", "kissing": "kiss",
    "holding hands with": "people holding hands",
}  # fmt: skip
"""Verbs between two people drawn as one drawing of the two ("two boxers are fighting")."""


@dataclass(frozen=True, slots=True)
class Composite:
    """Two things drawn as one drawing (``object_id`` is ``None`` for an activity)."""

    subject_id: str
    object_id: str | None
    asset_name: str


def is_person(noun: str) -> bool:
    """True for nouns of people ("old woman", "little boy" included)."""
    words = noun.lower().split()
    return bool(words) and words[-1] in PEOPLE


def composite_name(
    subject: str, relation: str, obj: str, *, people: tuple[bool, bool] = (False, False)
) -> str | None:
    """The one drawing of ``subject relation obj`` (person riding horse: "horse racing");
    ``people`` says of each end whether it is drawn as a person whatever its noun (a boxer,
    a referee)."""
    if not (is_person(subject) or people[0]):
        return None
    if relation in PAIR_COMPOSITES and (is_person(obj) or people[1]):
        return PAIR_COMPOSITES[relation]
    head = obj.lower().split()[-1] if obj.split() else obj
    for verbs, objects, name in COMPOSITES:
        if relation in verbs and head in objects:
            return name
    return None


def find_composites(
    objects: list[tuple[str, str]], relations: list[tuple[str, str, str]],
    has_asset: Callable[[str], bool], people: frozenset[str] = frozenset(),
) -> list[Composite]:  # fmt: skip
    """Composites of a scene: ``objects`` are (id, noun), ``relations`` (subject, verb,
    object), ``people`` the ids drawn as people; each thing joins at most one composite,
    and only drawings the pack has."""
    nouns = dict(objects)
    used: set[str] = set()
    found = []
    for subject, relation, obj in relations:
        if subject in used or obj in used or subject not in nouns or obj not in nouns:
            continue
        ends = (subject in people, obj in people)
        name = composite_name(nouns[subject], relation, nouns[obj], people=ends)
        if name is not None and has_asset(name):
            found.append(Composite(subject, obj, name))
            used.update((subject, obj))
    return found


def drawn_as_person(match: object) -> bool:
    """True when a match's drawing is a person ("person standing" for a referee)."""
    name = str(getattr(getattr(match, "entry", None), "name", "") or "").lower()
    return bool(name) and (is_person(name) or is_person(name.split()[0]))
