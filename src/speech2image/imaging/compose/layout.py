"""Layout: where each instance stands so that the relations of the sentence hold.

Steps: gather instances of one thing into groups and arrange each group's count (a row, two
rows, a grid); stack groups that stand on, above or under each other into columns; order
the columns left to right so that "left of", "right of", "beside" and "between" hold;
spread the columns over the ground line; then put the things that are in, behind, in front
of or around another relative to it. Everything is scaled to fit inside the canvas.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass, field, replace

from speech2image.imaging.compose.placing import Box, arrange_group, attach, fit_inside

VERTICAL = {"on": 1, "above": 1, "under": -1, "below": -1}
"""Stacking relations: +1 puts the subject over the object, -1 under it."""
ATTACHED = ("in", "behind", "in front of", "around")
HORIZONTAL = ("left of", "right of", "beside", "near", "between")
GROUND_FRACTION = 0.9
"""The ground line, as a fraction of the picture height from the top."""
SKY_FRACTION = 0.42
"""Where things that fly alone stand (the bottom of their box)."""
MARGIN_FRACTION = 0.03


@dataclass(frozen=True, slots=True)
class LayoutItem:
    """One instance to place: its id, its group, its shape and its size."""

    id: str
    group: int
    aspect: float
    """Width over height of the drawn asset."""
    height_px: float
    """Height wanted before fitting."""
    flying: bool = False


@dataclass(frozen=True, slots=True)
class Placement:
    """Where one instance is drawn, and in which order (lower ``depth`` first)."""

    id: str
    box: tuple[int, int, int, int]
    depth: float
    mirror: bool = False


@dataclass(slots=True)
class _Group:
    index: int
    items: list[LayoutItem]
    scale: float = 1.0
    boxes: list[Box] = field(default_factory=list)
    depth: float = 0.0
    parent: tuple[str, int] | None = None
    mirror: bool = False


def _group_relations(
    items: list[LayoutItem], relations: list[tuple[str, str, str]]
) -> list[tuple[int, str, int]]:
    group_of = {item.id: item.group for item in items}
    found: dict[tuple[int, str, int], None] = {}
    for subject, relation, obj in relations:
        if subject in group_of and obj in group_of and group_of[subject] != group_of[obj]:
            found[(group_of[subject], relation, group_of[obj])] = None
    return list(found)


def _columns(groups: dict[int, _Group], relations: list[tuple[int, str, int]]) -> list[list[int]]:
    """Groups that stack vertically, bottom first; every other group is its own column."""
    level = dict.fromkeys(groups, 0)
    joined = {g: {g} for g in groups}
    for subject, relation, obj in relations:
        if relation in VERTICAL and groups[subject].parent is None:
            merged = joined[subject] | joined[obj]
            for g in merged:
                joined[g] = merged
    for _ in range(len(groups)):
        for subject, relation, obj in relations:
            if relation in VERTICAL:
                upper, lower = (subject, obj) if VERTICAL[relation] > 0 else (obj, subject)
                level[upper] = max(level[upper], level[lower] + 1)
                level[upper] = min(level[upper], len(groups))
    columns: list[list[int]] = []
    seen: set[int] = set()
    for g in sorted(groups):
        if g in seen or groups[g].parent is not None:
            continue
        members = sorted((m for m in joined[g] if groups[m].parent is None), key=lambda m: level[m])
        seen.update(members)
        columns.append(members)
    return columns


def _order(columns: list[list[int]], relations: list[tuple[int, str, int]]) -> list[list[int]]:
    """Columns left to right so that horizontal relations hold."""
    column_of = {g: k for k, col in enumerate(columns) for g in col}
    order = list(range(len(columns)))
    between: dict[int, list[int]] = {}
    for subject, relation, obj in relations:
        if relation == "between" and subject in column_of and obj in column_of:
            between.setdefault(column_of[subject], []).append(column_of[obj])
    for _ in range(3):
        for subject, relation, obj in relations:
            if subject not in column_of or obj not in column_of:
                continue
            s, o = column_of[subject], column_of[obj]
            if s == o:
                continue
            ps, po = order.index(s), order.index(o)
            if relation == "left of" and ps > po:
                order.remove(s)
                order.insert(order.index(o), s)
            elif relation in ("right of", "beside", "near") and (
                ps < po if relation == "right of" else abs(ps - po) > 1
            ):
                order.remove(s)
                order.insert(order.index(o) + 1, s)
        for s, targets in between.items():
            if len(targets) >= 2:
                a, b = targets[0], targets[1]
                for c in (s, a, b):
                    order.remove(c)
                order[0:0] = [a, s, b]
    return [columns[k] for k in order]


def compute_layout(
    items: list[LayoutItem],
    relations: list[tuple[str, str, str]],
    *,
    width: int,
    height: int,
    seed: int = 0,
) -> list[Placement]:
    """Place every item; see the module docstring for the steps."""
    if not items:
        return []
    rng = random.Random(seed)
    items = _split_between_targets(items, relations)
    groups: dict[int, _Group] = {}
    for item in items:
        groups.setdefault(item.group, _Group(item.group, [])).items.append(item)
    group_relations = _group_relations(items, relations)
    # 1. Attachments: a group in, behind, in front of or around another hangs off it.
    for subject, relation, obj in group_relations:
        unattached = groups[subject].parent is None
        held_by = groups[obj].parent
        cyclic = held_by is not None and held_by[1] == subject
        if relation in ATTACHED and unattached and not cyclic:
            groups[subject].parent = (relation, obj)
    # 2. Columns of stacked groups, ordered left to right.
    columns = _order(_columns(groups, group_relations), group_relations)
    margin = MARGIN_FRACTION * width
    usable_w = width - 2 * margin
    ground = GROUND_FRACTION * height
    # 3. Scale so that the columns fit side by side and each fits in height.
    sizes = {g: arrange_group(grp.items, 1.0) for g, grp in groups.items()}
    widths = [max(sizes[g][0] for g in col) for col in columns]
    total = sum(widths)
    spacing = 0.06 * width
    fit = min(1.0, (usable_w - spacing * (len(columns) - 1)) / max(total, 1.0))
    for col in columns:
        stack_h = sum(sizes[g][1] for g in col)
        col_fit = min(fit, (ground - margin) / max(stack_h, 1.0))
        for g in col:
            groups[g].scale = col_fit
    for grp in groups.values():
        if grp.parent is not None:
            grp.scale = fit
    # 4. Spread the columns over the ground and stack their groups.
    col_widths = [
        max(arrange_group(groups[g].items, groups[g].scale)[0] for g in col) for col in columns
    ]
    free = usable_w - sum(col_widths)
    gap = free / (len(columns) + 1)
    x = margin + gap
    for col, col_w in zip(columns, col_widths, strict=True):
        flying = all(all(i.flying for i in groups[g].items) for g in col)
        bottom = SKY_FRACTION * height if flying and len(columns) > 1 else ground
        if flying and len(col) == 1 and len(columns) == 1:
            bottom = 0.62 * height
        if seed:
            bottom -= rng.uniform(0, 0.04) * height
        centre = x + col_w / 2
        for level, g in enumerate(col):
            grp = groups[g]
            w, h = arrange_group(grp.items, grp.scale)
            if level and _relation_between(group_relations, g, col[level - 1]) in (
                "above",
                "below",
            ):
                bottom -= 0.05 * height
            grp.boxes = _grid(grp.items, grp.scale, centre, bottom, w)
            grp.depth = bottom / height + level * 0.01
            top = min(b.y0 for b in grp.boxes)
            # Things that stand on another overlap its top a little, as if resting on it.
            bottom = top + 0.04 * h if level + 1 < len(col) else top
        x += col_w + gap
    # 5. Attached groups, after their parents (parents of parents first).
    for _ in range(len(groups)):
        for grp in groups.values():
            if grp.parent is not None and not grp.boxes and groups[grp.parent[1]].boxes:
                parent = groups[grp.parent[1]]
                grp.boxes, grp.depth = attach(grp.items, grp.scale, grp.parent[0], parent.boxes,
                                              parent.depth, width=width, height=height)  # fmt: skip
    for grp in groups.values():
        if not grp.boxes:  # a cycle of attachments: stand it on the ground
            grp.boxes = _grid(grp.items, grp.scale, width / 2, ground, width / 2)
        # Things left of another face it (OpenMoji animals face left); seeds vary the rest.
        faces = any(r == "left of" and s == grp.index for s, r, _ in group_relations)
        grp.mirror = faces or bool(seed and rng.random() < 0.3)
    # 6. Everything inside the canvas.
    placements = []
    for grp in groups.values():
        boxes = fit_inside(grp.boxes, width=width, height=height)
        for k, (item, box) in enumerate(zip(grp.items, boxes, strict=True)):
            placements.append(
                Placement(item.id, box.rounded(), grp.depth + k * 1e-4, mirror=grp.mirror)
            )
    return sorted(placements, key=lambda p: p.depth)


def _split_between_targets(
    items: list[LayoutItem], relations: list[tuple[str, str, str]]
) -> list[LayoutItem]:
    """ "Between two trees": the two trees of one group become two groups, one each side."""
    group_of = {item.id: item.group for item in items}
    next_group = max(group_of.values()) + 1
    for subject in {s for s, r, _ in relations if r == "between"}:
        targets = [o for s, r, o in relations if s == subject and r == "between" and o in group_of]
        if len(targets) == 2 and group_of[targets[0]] == group_of[targets[1]]:
            group_of[targets[1]] = next_group
            next_group += 1
    return [replace(item, group=group_of[item.id]) for item in items]


def _relation_between(relations: list[tuple[int, str, int]], a: int, b: int) -> str | None:
    for s, r, o in relations:
        if {s, o} == {a, b} and r in VERTICAL:
            return r
    return None


def _grid(
    items: list[LayoutItem], scale: float, centre_x: float, bottom: float, w: float
) -> list[Box]:
    """Boxes of a group's instances in rows, front row at ``bottom``, centred."""
    n = len(items)
    cols = n if n <= 4 else math.ceil(n / 2) if n <= 8 else math.ceil(math.sqrt(n))
    boxes = []
    for k, item in enumerate(items):
        row, col = divmod(k, cols)
        in_row = min(cols, n - row * cols)
        h = item.height_px * scale
        iw = h * item.aspect
        step = iw * 1.12
        x0 = centre_x - (in_row * step - iw * 0.12) / 2 + col * step
        # Back rows stand higher, as if further away.
        b = bottom - row * h * 1.05
        boxes.append(Box(x0, b - h, x0 + iw, b))
    return boxes
