"""Geometry helpers of the layout: boxes, the ground plane, groups of instances, the
spatial attachments (on, above, under, in, behind, in front of, around) and fitting
inside the canvas.

Kept apart from :mod:`speech2image.imaging.compose.layout` so that the layout reads as its
steps and these small pieces can be tested on their own.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from speech2image.imaging.compose.ground import HORIZON_FRACTION

if TYPE_CHECKING:
    from speech2image.imaging.compose.layout import LayoutItem

FRONT_FRACTION = 0.97
"""Where the bottom of the nearest things stands (z = 0), from the top of the picture."""
FAR_SHRINK = 0.55
"""How much of its size a thing loses at the horizon (z = 1): perspective."""
HORIZONTAL = ("left of", "right of", "beside", "near", "between")
"""Relations that order things left to right."""
UNDER_ROOM_FRACTION = 0.6
"""How tall a thing under a raised one may be, as a fraction of the raised one's height."""
FRONT_LINE_FRACTION = 0.45
"""Below this fraction of its height a raised thing's drawing (a tree, a car seat) is its
front, drawn over what is in it; an open container's front starts at its rim."""


@dataclass(frozen=True, slots=True)
class Box:
    """A rectangle in pixels (float while laying out)."""

    x0: float
    y0: float
    x1: float
    y1: float

    @property
    def width(self) -> float:
        return self.x1 - self.x0

    @property
    def height(self) -> float:
        return self.y1 - self.y0

    @property
    def centre(self) -> tuple[float, float]:
        return (self.x0 + self.x1) / 2, (self.y0 + self.y1) / 2

    def moved(self, dx: float, dy: float) -> Box:
        return Box(self.x0 + dx, self.y0 + dy, self.x1 + dx, self.y1 + dy)

    def rounded(self) -> tuple[int, int, int, int]:
        return round(self.x0), round(self.y0), round(self.x1), round(self.y1)


@dataclass(frozen=True, slots=True)
class GroundPlane:
    """The floor things stand on: depth z (0 nearest .. 1 at the horizon) to a bottom line
    and a perspective scale."""

    height: int

    @property
    def horizon_y(self) -> float:
        return HORIZON_FRACTION * self.height

    def bottom_y(self, z: float) -> float:
        """The y of the bottom of a thing standing at depth ``z``."""
        front = FRONT_FRACTION * self.height
        return self.horizon_y + (1.0 - z) * (front - self.horizon_y)

    def depth_of(self, bottom: float) -> float:
        """The depth at which a thing standing on the ground has its bottom at ``bottom``."""
        front = self.bottom_y(0.0)
        return max(0.0, min(1.0, 1 - (bottom - self.horizon_y) / (front - self.horizon_y)))

    @staticmethod
    def scale(z: float) -> float:
        """How big a thing at depth ``z`` is drawn, relative to the nearest row."""
        return 1.0 - FAR_SHRINK * z


def bounds(boxes: list[Box]) -> Box:
    """The smallest box holding all of ``boxes``."""
    return Box(
        min(b.x0 for b in boxes),
        min(b.y0 for b in boxes),
        max(b.x1 for b in boxes),
        max(b.y1 for b in boxes),
    )


def overlap_fraction(box: Box, other: Box) -> float:
    """Share of ``box``'s area that ``other`` covers."""
    w = min(box.x1, other.x1) - max(box.x0, other.x0)
    h = min(box.y1, other.y1) - max(box.y0, other.y0)
    if w <= 0 or h <= 0:
        return 0.0
    return w * h / max(1.0, box.width * box.height)


def at_least(box: Box, side_px: int, width: int, height: int) -> tuple[int, int, int, int]:
    """``box`` rounded, grown to at least ``side_px`` each way and kept in the canvas: a
    thing held by a thing held by another still shows."""
    x0, y0, x1, y1 = box.rounded()
    x0, y0 = min(x0, (x0 + x1 - side_px) // 2), min(y0, (y0 + y1 - side_px) // 2)
    x0, y0 = max(0, min(x0, width - side_px)), max(0, min(y0, height - side_px))
    return x0, y0, max(x1, x0 + side_px), max(y1, y0 + side_px)


def depth_rows(n: int) -> int:
    """Rows of depth a crowd of ``n`` clusters is spread over (neighbours alternate)."""
    return 1 if n <= 3 else 2 if n <= 8 else 3


def grid_shape(n: int, aspect: float = 1.0) -> int:
    """Columns of a group of ``n``: one row up to four (up to three for wide things of
    ``aspect`` above 1.2: four cows are a herd, not a queue), two rows up to eight, else
    square."""
    in_one_row = 3 if aspect > 1.2 else 4
    return n if n <= in_one_row else math.ceil(n / 2) if n <= 8 else math.ceil(math.sqrt(n))


def group_boxes(items: list[LayoutItem], scale: float, centre_x: float, bottom: float) -> list[Box]:
    """A group's instances at ``scale``: rows centred on ``centre_x``, the front row's
    bottom at ``bottom``; back rows stand higher and a little smaller (further away), and
    in a row every other instance steps back a little so the row is not a queue."""
    n = len(items)
    cols = grid_shape(n, max(i.aspect for i in items))
    boxes = []
    for k, item in enumerate(items):
        row, col = divmod(k, cols)
        in_row = min(cols, n - row * cols)
        stagger = 0.06 if n > 1 and col % 2 else 0.0
        h = item.height_px * scale * (0.9**row) * (1 - stagger)
        w = h * item.aspect
        step = max(i.height_px * i.aspect for i in items) * scale * (0.9**row) * 1.04
        x = centre_x + (col - (in_row - 1) / 2) * step
        b = bottom - row * item.height_px * scale * 0.55 - stagger * h * 0.8
        boxes.append(Box(x - w / 2, b - h, x + w / 2, b))
    return boxes


def order_left_to_right(
    roots: list[int], links: list[tuple[int, str, int]], root_of: dict[int, int], main: int
) -> list[int]:
    """Clusters (by their root group) left to right: the main one in the middle, the others
    alternating either side of it, then moved until the horizontal relations between any
    of their groups (``links``: subject, relation, object) hold."""
    others = [r for r in roots if r != main]
    order = [main]
    for k, root in enumerate(others):
        order.insert(0, root) if k % 2 else order.append(root)
    pairs = [(root_of[s], r, root_of[o]) for s, r, o in links if r in HORIZONTAL]
    between: dict[int, list[int]] = {}
    for s, r, o in pairs:
        if r == "between" and s != o:
            between.setdefault(s, []).append(o)
    for _ in range(3):
        for s, r, o in pairs:
            if s == o or r == "between":
                continue
            ps, po = order.index(s), order.index(o)
            if (r == "left of" and ps > po) or (r in ("beside", "near") and abs(ps - po) > 1):
                order.remove(s)
                order.insert(order.index(o), s)
            elif r == "right of" and ps < po:
                order.remove(s)
                order.insert(order.index(o) + 1, s)
        for s, targets in between.items():
            if len(targets) < 2 or len({s, targets[0], targets[1]}) < 3:
                continue
            a, b = sorted(targets[:2], key=order.index)
            if order.index(a) < order.index(s) < order.index(b):
                continue
            at = max(0, order.index(s) - 1)
            for c in (s, a, b):
                order.remove(c)
            order[min(at, len(order)) : min(at, len(order))] = [a, s, b]
    return order


def ground_neighbours(
    items: list[LayoutItem], relations: list[tuple[str, str, str]]
) -> list[LayoutItem]:
    """A thing that could fly but is said to be beside, left or right of, or between
    things on the ground stands on the ground with them (a bird next to a bowl)."""
    by_id = {i.id: i for i in items}
    landed: set[int] = set()
    for s, r, o in relations:
        if r in HORIZONTAL and s in by_id and o in by_id:
            pair = (by_id[s], by_id[o])
            landed.update(a.group for a, b in (pair, pair[::-1]) if a.flying and not b.flying)
    return [replace(i, flying=False) if i.group in landed else i for i in items]


def make_room_beneath(
    items: list[LayoutItem], relations: list[tuple[str, str, str]]
) -> list[LayoutItem]:
    """A raised thing with something under it is drawn big enough to shelter it (a beach
    umbrella over a dog), up to twice its size, rather than the sheltered thing shrunk."""
    by_id = {i.id: i for i in items}
    grow: dict[int, float] = {}
    for s, r, o in relations:
        if r == "under" and s in by_id and o in by_id and by_id[o].raised:
            need = by_id[s].height_px / UNDER_ROOM_FRACTION / by_id[o].height_px
            grow[by_id[o].group] = max(grow.get(by_id[o].group, 1.0), min(2.0, need))
    return [replace(i, height_px=i.height_px * grow.get(i.group, 1.0)) for i in items]


@dataclass(frozen=True, slots=True)
class Attached:
    """Where a group attached to another stands: one box, depth z and draw-order offset
    per instance (negative: drawn before its parent), and how it is drawn."""

    boxes: tuple[Box, ...]
    zs: tuple[float, ...]
    orders: tuple[float, ...]
    grounded: bool = True
    """Stands on something (the ground, a table top): it casts a contact shadow."""
    inside: bool = False
    """Within its parent's outline: the parent's front part is drawn over it."""
    motion: bool = False
    """In mid-jump: motion lines are drawn behind it."""
    front_line: float = FRONT_LINE_FRACTION
    """Inside: below this fraction of its height the parent's drawing is its front."""


@dataclass(frozen=True, slots=True)
class Parent:
    """The thing a group is attached to: its boxes, depth, surface and shape."""

    boxes: tuple[Box, ...]
    z: float
    surface: float
    """Top surface below the box top, as a fraction of its height."""
    raised: bool
    """Open space beneath (legs, a trunk, an arch)."""
    support: tuple[Box, ...] = ()
    """What the parent stands on or by (a table under the vase), to step aside from too."""
    rim: float | None = None
    """Where its rim lies below the box top, as a fraction of its height (an open
    container; ``None`` for a car or a house)."""
    kind: str = ""
    """What it is where that matters (:data:`.bodies.ITEM_KINDS`)."""

    @property
    def box(self) -> Box:
        return bounds(list(self.boxes))


def clear_of(attached: Attached, taken: list[Box], side: int) -> Attached:
    """``attached`` moved sideways (towards ``side``) off the boxes of things attached to
    the same parent before it, when it would stand mostly in their place; things inside
    one container share it."""
    if not taken or not attached.boxes or attached.inside:
        return attached
    mine, theirs = bounds(list(attached.boxes)), bounds(taken)
    if overlap_fraction(mine, theirs) < 0.3:
        return attached
    dx = theirs.x1 - mine.x0 + 2 if side > 0 else theirs.x0 - mine.x1 - 2
    return replace(attached, boxes=tuple(b.moved(dx, 0) for b in attached.boxes))


def row_boxes(
    items: list[LayoutItem], heights: list[float], centre_x: float, bottom: float
) -> tuple[Box, ...]:
    """Instances of heights ``heights`` side by side, centred on ``centre_x``."""
    widths = [h * i.aspect for h, i in zip(heights, items, strict=True)]
    x = centre_x - sum(widths) * 1.04 / 2
    boxes = []
    for h, w in zip(heights, widths, strict=True):
        boxes.append(Box(x, bottom - h, x + w, bottom))
        x += w * 1.04
    return tuple(boxes)


def fitted_heights(
    items: list[LayoutItem], scale: float, max_h: float, max_w: float
) -> list[float]:
    """Instance heights at ``scale``, shrunk together so that they are at most ``max_h``
    tall and their row at most ``max_w`` wide."""
    heights = [i.height_px * scale for i in items]
    row_w = sum(h * i.aspect for h, i in zip(heights, items, strict=True)) * 1.04
    shrink = min(1.0, max_h / max(1.0, max(heights)), max_w / max(1.0, row_w))
    return [h * shrink for h in heights]


def attach(
    relation: str, items: list[LayoutItem], scale: float, parent: Parent, plane: GroundPlane,
    side: int,
) -> Attached:  # fmt: skip
    """Boxes of a group standing ``relation`` (a spatial relation) to ``parent``; ``side``
    (+1 right, -1 left) is where it steps aside when it must not hide the parent."""
    p = parent.box
    cx = p.centre[0]
    n = len(items)
    if relation in ("on", "above"):
        heights = fitted_heights(items, scale, 10 * plane.height, max(p.width * 1.3, 1.0))
        top = p.y0 + parent.surface * p.height
        bottom = top + 0.03 * max(heights) if relation == "on" else p.y0 - 0.06 * plane.height
        boxes = row_boxes(items, heights, cx, bottom)
        return Attached(boxes, (parent.z,) * n, (0.5,) * n, grounded=relation == "on")
    if relation == "under" and parent.raised:
        room = p.height * (1 - parent.surface) * 0.7
        heights = fitted_heights(items, scale, room, p.width * 0.75)
        return Attached(row_boxes(items, heights, cx, p.y1), (parent.z,) * n, (0.5,) * n)
    if relation in ("under", "below"):
        z = max(0.0, parent.z - 0.06)
        heights = fitted_heights(items, scale, p.height * 0.6, p.width * 1.2)
        bottom = min(plane.height * 0.995, p.y1 + 0.02 * plane.height)
        return Attached(row_boxes(items, heights, cx, bottom), (z,) * n, (0.5,) * n)
    if relation == "in":
        # Within a raised thing (a tree) or a seat (a driver's), its lower part behind the
        # front the composer draws again over it, its middle inside the parent's box
        # (an open container's contents: :mod:`speech2image.imaging.compose.inside`).
        heights = fitted_heights(items, scale, p.height * 0.9, p.width)
        boxes = row_boxes(items, heights, cx, p.y0 + 0.56 * p.height)
        return Attached(boxes, (parent.z,) * n, (0.5,) * n, grounded=False, inside=True)
    if relation == "around":
        from speech2image.imaging.compose.rings import around  # rings builds on this module

        return around(items, scale, parent, plane)
    return _depth_neighbour(relation, items, scale, parent, plane, side)


def _depth_neighbour(
    relation: str, items: list[LayoutItem], scale: float, parent: Parent, plane: GroundPlane,
    side: int,
) -> Attached:  # fmt: skip
    """Behind (further back, drawn first) or in front of (nearer, drawn after) the parent,
    stepped aside from it and what it stands on so that no instance loses more than
    about a third of its width; behind a thing up on another, far enough back to stand
    higher than it."""
    behind = relation == "behind"
    if behind:
        clear = plane.depth_of(parent.box.y1 - 0.02 * plane.height)
        z = min(0.92, max(parent.z + 0.28, clear))
    else:
        z = max(0.0, parent.z - 0.25)
    own = scale * plane.scale(z) / plane.scale(parent.z)
    heights = [i.height_px * own for i in items]
    widths = [h * i.aspect for h, i in zip(heights, items, strict=True)]
    p = bounds([*parent.boxes, *parent.support])
    narrowest = min(*widths, *(b.width for b in parent.boxes))
    shift = (p.width + sum(widths) * 1.04) / 2 - 0.35 * narrowest
    bottom = plane.bottom_y(z)
    if parent.box.y1 < plane.horizon_y:  # up in the sky: a balloon behind a cloud
        bottom = parent.box.y1 + (-0.04 if behind else 0.04) * plane.height
    boxes = row_boxes(items, heights, p.centre[0] + side * shift, bottom)
    order = -0.5 if behind else 0.5
    n = len(items)
    return Attached(boxes, (z,) * n, (order,) * n)
