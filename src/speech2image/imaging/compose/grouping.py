"""Grouping: which instances the layout moves together, and the links between groups.

The instances of one phrase ("three apples") form a group that is placed as one; a few
relations part a group (the two trees a thing stands between, the pair playing with one
ball), and the relations between instances become links between their groups.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from speech2image.imaging.compose.layout import LayoutItem
    from speech2image.imaging.compose.placing import Box


def split_between_targets(
    items: list[LayoutItem], relations: list[tuple[str, str, str]],
    facing: Callable[[str], bool] = lambda relation: False,
) -> list[LayoutItem]:  # fmt: skip
    """ "Between two trees": the two trees of one group become two groups, one each side;
    likewise a pair doing one ``facing`` action with one thing ("two kids playing with a
    ball"): one each side of it, facing it."""
    group_of = {item.id: item.group for item in items}
    next_group = max(group_of.values()) + 1
    for subject in sorted({s for s, r, _ in relations if r == "between"}):
        targets = [o for s, r, o in relations if s == subject and r == "between" and o in group_of]
        if len(targets) == 2 and group_of[targets[0]] == group_of[targets[1]]:
            group_of[targets[1]] = next_group
            next_group += 1
    sizes = Counter(group_of.values())
    for (relation, obj), subjects in _doers(relations, group_of).items():
        pair = sorted(subjects, key=list(group_of).index)
        alone = facing(relation) and sizes[group_of[obj]] == 1 and len(pair) == 2
        if alone and group_of[pair[0]] == group_of[pair[1]] and sizes[group_of[pair[0]]] == 2:
            group_of[pair[1]] = next_group
            next_group += 1
    return [replace(item, group=group_of[item.id]) for item in items]


def _doers(
    relations: list[tuple[str, str, str]], group_of: dict[str, int]
) -> dict[tuple[str, str], set[str]]:
    """Who does each (relation, object) among the instances laid out."""
    doers: dict[tuple[str, str], set[str]] = {}
    for s, r, o in relations:
        if s in group_of and o in group_of:
            doers.setdefault((r, o), set()).add(s)
    return doers


def group_links(
    items: list[LayoutItem], relations: list[tuple[str, str, str]]
) -> list[tuple[int, str, int]]:
    """Relations between instances as links between their groups, each once."""
    group_of = {item.id: item.group for item in items}
    found: dict[tuple[int, str, int], None] = {}
    for subject, relation, obj in relations:
        if subject in group_of and obj in group_of and group_of[subject] != group_of[obj]:
            found[(group_of[subject], relation, group_of[obj])] = None
    return list(found)


def normalised_links(
    links: list[tuple[int, str, int]], flying: set[int]
) -> list[tuple[int, str, int]]:
    """``a below b`` is ``b above a``; so is ``a under b`` when b flies (a bird)."""
    return [
        (o, "above", s) if r == "below" or (r == "under" and o in flying) else (s, r, o)
        for s, r, o in links
    ]


def main_group(groups: list[int], links: list[tuple[int, str, int]]) -> int:
    """The first group (in mention order) that is a relation's subject, else the first."""
    subjects = [s for s, _, _ in links]
    return min(subjects) if subjects else min(groups)


def aimed_boxes(parent_ids: list[str], boxes: tuple[Box, ...], named: set[str]) -> tuple[Box, ...]:
    """The boxes of the parent's instances (``parent_ids``) that a child's relations name
    (``named``), where they name only some of them (a hedgehog in one of the two boots is
    in that boot, not the other); else all ``boxes``."""
    aimed = tuple(b for i, b in zip(parent_ids, boxes, strict=True) if i in named)
    return aimed if 0 < len(aimed) < len(boxes) else boxes


def depth_span(groups: dict[int, Any], g: int) -> tuple[float, float]:
    """How far in front of and behind the layout's group ``g`` (its ``children``, each with
    its ``parent`` relation) its attached groups reach, in depth."""
    front = back = 0.0
    for child in groups[g].children:
        relation = groups[child].parent[0]
        child_front, child_back = depth_span(groups, child)
        if relation == "in front of":
            front = max(front, 0.25 + child_front)
        elif relation in ("behind", "chasing", "following"):
            back = max(back, 0.28 + child_back)
        else:
            front, back = max(front, child_front), max(back, child_back)
    return front, back
