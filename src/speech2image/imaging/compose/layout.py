"""Layout: where each instance stands so that the relations of the sentence hold.

Things stand on a ground plane that runs from the horizon
(:data:`speech2image.imaging.compose.ground.HORIZON_FRACTION`) to the bottom of the
picture: a thing at depth z (0 nearest, 1 at the horizon) stands with its bottom at
``horizon + (1 - z) * ground depth`` and shrinks with z; things are drawn far to near, so
nearer things overlap what is behind them. The steps:

1. gather the instances of one phrase into groups;
2. turn relations into links between groups (``below`` is ``above`` the other way round);
3. choose the main subject (the first group that is a relation's subject, else the first);
4. attach groups to a parent (on, under, in, behind, in front of, around, and the poses of
   :mod:`speech2image.imaging.compose.poses`); each tree of attached groups is a cluster;
5. order the clusters left to right, main one central, so left of / beside / between hold;
6. give each cluster a depth, varied by the seed (a composed picture, not a queue);
7. place each cluster's root on the ground (flying things in the sky), the rest around it;
8. scale the clusters together to fill the frame (or shrink them to share the width),
   spread them over the width and keep all inside;
9. turn things that face another (chasers, players) towards it.

The result is a pure function of the items, relations, seed and size, so a final
sentence that keeps its draft's things keeps its draft's layout.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field, replace

from speech2image.imaging.compose import bodies, framing, grouping, poses
from speech2image.imaging.compose.framing import fill_factor
from speech2image.imaging.compose.inside import make_room_inside, share_inside
from speech2image.imaging.compose.placing import (
    FRONT_LINE_FRACTION,
    Attached,
    Box,
    GroundPlane,
    Parent,
    at_least,
    bounds,
    clear_of,
    depth_rows,
    ground_neighbours,
    group_boxes,
    make_room_beneath,
    order_left_to_right,
)
from speech2image.scene import SPATIAL_RELATIONS

ATTACHING = ("on", "above", "under", "below", "in", "behind", "in front of", "around")
"""Spatial relations that put a group relative to one other group."""
MAIN_SCALE = 1.25
"""How much bigger the main subject's cluster is drawn."""
MARGIN_FRACTION = 0.03
ROW_DEPTHS = (0.16, 0.45, 0.68)
"""Depths of the rows a crowd stands in, nearest first."""
SKY_BOTTOM_FRACTIONS = (0.3, 0.42)
"""Where things that fly alone hang (the bottom of their box), from the top."""
MIN_DEPTH_SCALE = 0.7
"""The least a far thing is shrunk by depth, so nothing in a relation becomes a dot."""


@dataclass(frozen=True, slots=True)
class LayoutItem:
    """One instance to place: its id, its group, its shape and its size."""

    id: str
    group: int
    aspect: float
    """Width over height of the drawn asset."""
    height_px: float
    """Height wanted at the front of the ground plane, before fitting."""
    flying: bool = False
    surface: float = 0.0
    """Where its top surface lies below its box's top, as a fraction of its height."""
    raised: bool = False
    """Open space beneath it (a table's legs, a tree's trunk): things go under it."""
    rim: float | None = None
    """Its rim below its box's top (a fraction of its height); ``None``: no open top (a car)."""
    kind: str = ""
    """A person, a vehicle, a worn thing: :data:`.bodies.ITEM_KINDS`."""


@dataclass(frozen=True, slots=True)
class Placement:
    """Where one instance is drawn, and in which order (lower ``depth`` first)."""

    id: str
    box: tuple[int, int, int, int]
    depth: float
    mirror: bool = False
    grounded: bool = True
    """It stands on the ground or on a surface and casts a contact shadow."""
    front_of: str | None = None
    """The container it is inside: that one's front part is drawn over it."""
    front_line: float = FRONT_LINE_FRACTION
    """Below this fraction of its height the container's drawing is its front."""
    motion: bool = False
    """In mid-jump: motion lines go behind it."""


@dataclass(slots=True)
class _Group:
    index: int
    items: list[LayoutItem]
    parent: tuple[str, int] | None = None
    children: list[int] = field(default_factory=list)
    z: float = 0.3
    placed: Attached | None = None
    mirror: bool = False
    side: int = 0  # where its first attached group stepped: +1 right, -1 left
    named: set[str] = field(default_factory=set)  # the instances its relations are to

    @property
    def flying(self) -> bool:
        return all(i.flying for i in self.items)


def compute_layout(
    items: list[LayoutItem],
    relations: list[tuple[str, str, str]],
    *,
    width: int,
    height: int,
    seed: int = 0,
    fill: float = framing.FILL_HEIGHT_FRACTION,
) -> list[Placement]:
    """Place every item; see the module docstring for the steps. ``fill`` is how tall a
    lone thing is drawn, as a fraction of ``height``."""
    if not 0.0 < fill <= 1.0:
        raise ValueError(f"fill must be a fraction of the height in (0, 1], got {fill!r}")
    if not items:
        return []
    rng = random.Random(seed)
    plane = GroundPlane(height)
    # 1-2. Groups and the links between them.
    items = grouping.split_between_targets(items, relations, facing=poses.is_facing)
    items = make_room_inside(make_room_beneath(items, relations), relations)
    items = ground_neighbours(items, relations)
    groups: dict[int, _Group] = {}
    for item in items:
        grp = groups.setdefault(item.group, _Group(item.group, []))
        grp.items.append(item)
        grp.named |= {o for s, _, o in relations if s == item.id}
    flying = {g for g, grp in groups.items() if grp.flying}
    links = grouping.normalised_links(grouping.group_links(items, relations), flying)
    # 3-4. The main subject; attachments make clusters.
    main = grouping.main_group(list(groups), links)
    _choose_parents(groups, links)
    roots = [g for g in groups if groups[g].parent is None]
    root_of = {g: _root(groups, g) for g in groups}
    # 5-6. Clusters left to right, then their depths.
    order = order_left_to_right(roots, links, root_of, root_of[main])
    _assign_depths(groups, order, root_of[main], rng)
    for s, r, o in links:  # things beside each other stand at about the same depth
        a, b = sorted((root_of[s], root_of[o]), key=lambda g: g == root_of[main])
        if r in ("beside", "near") and a != b and abs(groups[a].z - groups[b].z) > 0.12:
            groups[a].z = groups[b].z + 0.05
    # 7-8. Place each cluster, spread them over the width, keep them inside.
    _place_clusters(groups, order, root_of[main], plane, width, rng, fill)
    # 9. Facing.
    centres = {
        g: bounds(list(grp.placed.boxes)).centre[0] for g, grp in groups.items() if grp.placed
    }
    for g, mirror in poses.facing(links, centres, rng, seed).items():
        groups[g].mirror = mirror
    return _placements(groups, plane, width)


def _choose_parents(groups: dict[int, _Group], links: list[tuple[int, str, int]]) -> None:
    """Attach groups to the group they stand relative to; the first relation wins, and
    one that would close a loop (a cat on a dog on the cat) is left out."""
    for subject, relation, obj in links:
        if relation in SPATIAL_RELATIONS and relation not in ATTACHING:
            continue
        moves = (
            relation not in SPATIAL_RELATIONS and poses.pose_kind(relation) in poses.OBJECT_MOVES
        )
        child, parent = (obj, subject) if moves else (subject, obj)
        if groups[child].parent is not None:
            # Already attached ("a boy reading a book under a tree"): its cluster goes.
            child = _root(groups, child)
        if child == _root(groups, parent) or _is_ancestor(groups, child, parent):
            continue
        groups[child].parent = (relation, parent)
        groups[parent].children.append(child)


def _is_ancestor(groups: dict[int, _Group], ancestor: int, g: int) -> bool:
    return g == ancestor or ancestor in _ancestors(groups, g)


def _ancestors(groups: dict[int, _Group], g: int) -> list[int]:
    """What ``g`` stands on or by, up to its cluster's root (not ``g`` itself)."""
    found: list[int] = []
    while groups[g].parent is not None and len(found) < len(groups):
        g = groups[g].parent[1]  # type: ignore[index]
        found.append(g)
    return found


def _root(groups: dict[int, _Group], g: int) -> int:
    return ([g, *_ancestors(groups, g)])[-1]


def _assign_depths(
    groups: dict[int, _Group], order: list[int], main: int, rng: random.Random
) -> None:
    """Depth of each cluster's root: the main one near the front; the others at varied
    depths, alternating near and far when there are many; room left for what stands in
    front of or behind the root."""
    n = len(order)
    centre = order.index(main)
    rows = depth_rows(n)
    for k, g in enumerate(order):
        if g == main:
            z = 0.12 if n > 1 else 0.22
        elif rows > 1:
            z = ROW_DEPTHS[(k - centre) % rows] + rng.uniform(-0.04, 0.04)
        else:
            z = rng.uniform(0.22, 0.5)
        front, back = grouping.depth_span(groups, g)
        groups[g].z = min(max(z, front), max(front, 0.85 - back))


def _place_clusters(
    groups: dict[int, _Group], order: list[int], main: int, plane: GroundPlane, width: int,
    rng: random.Random, fill: float,
) -> None:  # fmt: skip
    """Place every cluster at the scale its depth gives, enlarge them together to fill the
    frame (:func:`fill_factor`) or shrink them until they share the width (overlapping a
    little, the nearer in front), then spread them."""
    margin = MARGIN_FRACTION * width
    usable = width - 2 * margin
    n = len(order)
    rows = depth_rows(n)
    fit = 1.0
    for attempt in range(5):
        boxes = {g: _place_cluster(groups, g, g == main, fit, plane, rng) for g in order}
        widths = [bounds(boxes[g]).width for g in order]
        # A crowd stands in rows of depth: each row must fit the width on its own.
        need = max(
            sum(widths[r::rows]) + 0.03 * width * (len(widths[r::rows]) - 1) for r in range(rows)
        )
        clusters = [bounds(boxes[g]) for g in order]
        grow = fill_factor(clusters, need, usable, plane.height, fill) if not attempt else 1.0
        if need <= usable and grow <= 1.02:
            break
        fit *= grow if grow > 1.02 else max(0.5, usable / need)
    if rows > 1:
        centres = [margin + usable * (k + 0.5) / n for k in range(n)]
    else:
        free = usable - sum(widths)
        gap = free / (n + 1) if free >= 0 else free / max(1, n - 1)
        x = margin + max(0.0, gap) if free >= 0 else margin
        centres = []
        for w in widths:
            jitter = rng.uniform(-0.25, 0.25) * gap if free > 0 and n > 1 else 0.0
            centres.append(x + w / 2 + jitter)
            x += w + gap
    for g, centre in zip(order, centres, strict=True):
        _shift_cluster(groups, g, centre - bounds(boxes[g]).centre[0], plane, width)


def _place_cluster(
    groups: dict[int, _Group], root: int, is_main: bool, fit: float, plane: GroundPlane,
    rng: random.Random,
) -> list[Box]:  # fmt: skip
    """Place ``root`` about x = 0 and its attached groups around it; all their boxes."""
    grp = groups[root]
    scale = max(MIN_DEPTH_SCALE, plane.scale(grp.z)) * fit * (MAIN_SCALE if is_main else 1.0)
    if grp.flying:
        bottom = plane.height * SKY_BOTTOM_FRACTIONS[rng.random() < 0.5]
        scale = fit * (MAIN_SCALE if is_main else 0.85)
        if len(groups) == 1:
            bottom = plane.height * 0.62
        boxes = group_boxes(grp.items, scale, 0.0, bottom)
        grp.placed = Attached(tuple(boxes), (1.0,) * len(boxes), (0.0,) * len(boxes), False)
    else:
        boxes = group_boxes(grp.items, scale, 0.0, plane.bottom_y(grp.z))
        zs = tuple(plane.depth_of(b.y1) for b in boxes)
        grp.placed = Attached(tuple(boxes), zs, (0.0,) * len(boxes))
    placed = list(grp.placed.boxes)
    pending = list(grp.children)
    while pending:
        child = groups[pending.pop(0)]
        relation, parent_index = child.parent  # type: ignore[misc]
        parent = groups[parent_index]
        assert parent.placed is not None
        below = [b for g in _ancestors(groups, parent_index) for b in groups[g].placed.boxes]  # type: ignore[union-attr]
        k = parent.children.index(child.index)
        earlier = [b for c in parent.children[:k] for b in groups[c].placed.boxes]  # type: ignore[union-attr]
        if relation == "in":  # all that is in one container is heaped in it together
            fellows = [groups[g].items for g in parent.children if groups[g].parent[0] == "in"]  # type: ignore[index]
            where = _where(parent, (), child)
            child.placed = share_inside(fellows, child.items, scale, where, plane)
        else:
            child.placed = _attach(relation, child, scale, parent, tuple(below), earlier, plane,
                                   rng)  # fmt: skip
        child.z = min(child.placed.zs)
        placed.extend(child.placed.boxes)
        pending.extend(child.children)
    return placed


def _where(parent: _Group, support: tuple[Box, ...], child: _Group) -> Parent:
    """What ``child``, attached to ``parent``, stands relative to: the instances of the
    parent its relations name (:func:`.grouping.aimed_boxes`)."""
    first = parent.items[0]
    boxes = grouping.aimed_boxes([i.id for i in parent.items], parent.placed.boxes, child.named)  # type: ignore[union-attr]
    return Parent(boxes, parent.z, first.surface, first.raised, support, first.rim, first.kind)


def _attach(
    relation: str, child: _Group, scale: float, parent: _Group, support: tuple[Box, ...],
    earlier: list[Box], plane: GroundPlane, rng: random.Random,
) -> Attached:  # fmt: skip
    where = _where(parent, support, child)
    # Siblings alternate sides and keep out of each other's place (two kids, one ball).
    k = parent.children.index(child.index)
    if relation in SPATIAL_RELATIONS:
        side = 1 if rng.random() < 0.5 else -1
        parent.side = parent.side or side
        side = -parent.side if k % 2 else parent.side
        placed = bodies.attach(relation, child.items, scale, where, plane, side)
        return clear_of(placed, earlier, side)
    posed = poses.pose(poses.pose_kind(relation), child.items, scale, where, plane, flip=k % 2 == 1)
    return clear_of(posed, earlier, 1 if k % 2 else -1)


def _cluster_members(groups: dict[int, _Group], root: int) -> list[int]:
    members, pending = [], [root]
    while pending:
        g = pending.pop(0)
        members.append(g)
        pending.extend(groups[g].children)
    return members


def _shift_cluster(
    groups: dict[int, _Group], root: int, dx: float, plane: GroundPlane, width: int
) -> None:
    """Move a cluster sideways by ``dx``; then, if it is too tall or wide, shrink it about
    its bottom centre (it keeps its footing) and move it inside the canvas."""
    members = _cluster_members(groups, root)
    boxes = [b.moved(dx, 0) for g in members for b in groups[g].placed.boxes]  # type: ignore[union-attr]
    whole = bounds(boxes)
    shrink = min(1.0, (width - 2) / max(1.0, whole.width), (whole.y1 - 2) / max(1.0, whole.height))
    cx = whole.centre[0]
    move_x = max(0.0, 1 - (cx - whole.width * shrink / 2))
    move_x += min(0.0, width - 1 - (cx + whole.width * shrink / 2))
    for g in members:
        placed = groups[g].placed
        assert placed is not None
        moved = tuple(
            Box(cx + (b.x0 + dx - cx) * shrink + move_x, whole.y1 + (b.y0 - whole.y1) * shrink,
                cx + (b.x1 + dx - cx) * shrink + move_x, whole.y1 + (b.y1 - whole.y1) * shrink)
            for b in placed.boxes
        )  # fmt: skip
        groups[g].placed = replace(placed, boxes=moved)


def _container(groups: dict[int, _Group], grp: _Group, box: Box) -> str | None:
    """The instance of ``grp``'s parent that ``box`` is in (the boot the hedgehog is in)."""
    if grp.parent is None:
        return None
    parent = groups[grp.parent[1]]
    boxes = parent.placed.boxes  # type: ignore[union-attr]
    k = min(range(len(boxes)), key=lambda k: abs(boxes[k].centre[0] - box.centre[0]))
    return parent.items[k].id


def _placements(groups: dict[int, _Group], plane: GroundPlane, width: int) -> list[Placement]:
    """Every instance with its draw order: far to near, a thing attached to another just
    before (behind) or after it, flying things last."""
    keys: dict[int, list[float]] = {}
    placements = []
    roots = [g for g in groups if groups[g].parent is None]
    for g in [m for r in roots for m in _cluster_members(groups, r)]:  # parents first
        grp = groups[g]
        placed = grp.placed
        assert placed is not None
        parent_keys = keys.get(grp.parent[1]) if grp.parent else None
        own = []
        for k, (item, box, z, order) in enumerate(
            zip(grp.items, placed.boxes, placed.zs, placed.orders, strict=True)
        ):
            if grp.parent is None:
                key = 2.0 + k * 1e-4 if grp.flying else 1.0 - plane.depth_of(box.y1)
            elif parent_keys and z == groups[grp.parent[1]].z:
                key = (max(parent_keys) if order >= 0 else min(parent_keys)) + order * 0.02
            else:
                key = 1.0 - z + order * 0.002
            own.append(key + k * 1e-5)
            inside = _container(groups, grp, box) if placed.inside else None
            placements.append(Placement(item.id, at_least(box, 4, width, plane.height), own[-1],
                                        grp.mirror, placed.grounded and not grp.flying, inside,
                                        placed.front_line, placed.motion))  # fmt: skip
        keys[g] = own
    return sorted(placements, key=lambda p: p.depth)
