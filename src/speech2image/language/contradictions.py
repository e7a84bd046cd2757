"""Relations that cannot all be drawn: each relation orders its two things along one
direction ("under" puts the object above the subject), and a cycle along one direction
("a cat on a dog on the cat") is a contradiction; the first consistent relations are kept."""

from __future__ import annotations

from dataclasses import dataclass

from speech2image.language.mentions import Mention


@dataclass(frozen=True, slots=True)
class MentionRelation:
    """``subject`` (a mention index) stands ``relation`` to ``object`` (a mention index)."""

    subject: int
    relation: str
    object: int


_AXES = {
    "left of": ("x", False), "right of": ("x", True), "on": ("y", False),
    "above": ("y", False), "under": ("y", True), "below": ("y", True),
    "in front of": ("z", False), "behind": ("z", True), "in": ("inside", False),
    "riding": ("y", False), "sitting on": ("y", False), "standing on": ("y", False),
    "lying on": ("y", False), "sitting in": ("inside", False),
    "swimming in": ("inside", False), "sleeping in": ("inside", False),
    "flying over": ("y", False), "jumping over": ("y", False),
}  # fmt: skip
"""The direction each relation orders its two things in, and whether it is reversed
("under" orders the object above the subject): a cycle along one axis cannot be drawn."""


def _identity(mentions: list[Mention]) -> list[int]:
    """Each mention's first mention: "the cat" later in a sentence is the same cat."""
    first: list[int] = []
    for k, m in enumerate(mentions):
        same = [j for j in range(k) if mentions[j].noun == m.noun and mentions[j].color == m.color]
        first.append(same[0] if same and m.definite else k)
    return first


def _reaches(edges: dict[int, set[int]], source: int, target: int) -> bool:
    seen: set[int] = set()
    todo = [source]
    while todo and target not in todo:
        node = todo.pop()
        todo.extend(edges.get(node, set()) - seen)
        seen.add(node)
    return target in todo


def consistent(relations: list[MentionRelation], mentions: list[Mention]) -> list[MentionRelation]:
    """The relations in order, without those that contradict earlier ones (a cycle along
    one direction: "a cat on a dog on the cat"), relate a thing to itself or repeat one."""
    identity = _identity(mentions)
    edges: dict[str, dict[int, set[int]]] = {}
    kept: list[MentionRelation] = []
    for r in relations:
        subject, obj = identity[r.subject], identity[r.object]
        if subject == obj or r in kept:
            continue
        axis = _AXES.get(r.relation)
        if axis is not None:
            name, reverse = axis
            low, high = (obj, subject) if reverse else (subject, obj)
            graph = edges.setdefault(name, {})
            if _reaches(graph, high, low):
                continue
            graph.setdefault(low, set()).add(high)
        kept.append(r)
    return kept
