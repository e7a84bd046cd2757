"""Things in an open container: a bucket of crabs, apples in a bowl, a cat in a box.

A thing said to be in a container must show: it stands in it through its rim (where
:func:`~speech2image.imaging.compose.sizes.rim_fraction` finds it), the lower part behind
the container's front (the composer draws the front again over it) and the upper part
above the rim. Everything in one container shares it as a heap, none standing in
another's place, and the container is drawn big enough to hold them. A raised thing (a
tree), a seat (a driver's) and what has no open top (a car, a house, a tent) keep
:func:`~speech2image.imaging.compose.bodies.attach` (a kennel's or a tunnel's opening, a
car's window).
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from speech2image.imaging.compose import bodies
from speech2image.imaging.compose.placing import Attached, Box, Parent

if TYPE_CHECKING:
    from speech2image.imaging.compose.layout import LayoutItem
    from speech2image.imaging.compose.placing import GroundPlane

INSIDE_ROOM_FRACTION = 0.8
"""How much of an open container's width (and height) the things in it may take."""
INSIDE_MAX_GROWTH = 2.5
"""The most a container grows to hold what is in it."""
INSIDE_SHOWN_FRACTION = 0.6
"""How much of a thing in an open container shows above its rim: the rest is behind the
container's front, and a thing that showed less would read as hidden, not as inside."""
PILE_STEP_FRACTION = 0.72
"""Things in one container overlap a little, as a heap does: each steps this fraction of
its width from the one before."""
BACK_ROW_LIFT_FRACTION = 0.45
"""How much higher the back row of a full container stands, as a fraction of its things'
height (enough that the front row covers at most about half of each)."""


def make_room_inside(
    items: list[LayoutItem], relations: list[tuple[str, str, str]]
) -> list[LayoutItem]:
    """A container with things in it is drawn big enough to hold them side by side (a
    bucket of crabs, a box with a boy in it), up to :data:`INSIDE_MAX_GROWTH` times its
    size, rather than they shrunk to crumbs or standing out of it."""
    by_id = {i.id: i for i in items}
    contents: dict[str, list[LayoutItem]] = {}
    for s, r, o in relations:
        if r == "in" and s in by_id and o in by_id and by_id[s].group != by_id[o].group:
            contents.setdefault(o, []).append(by_id[s])
    grow: dict[int, float] = {}
    for container_id, inside in contents.items():
        c = by_id[container_id]
        if c.raised or c.rim is None or c.kind == "doorway":
            continue
        widths = [i.height_px * i.aspect for i in inside]
        # Three or more may stand in two rows (:func:`heap`): the narrower need counts.
        row_px = pile_width(widths)
        if len(widths) >= 3:
            row_px = min(row_px, max(pile_width(widths[::2]), pile_width(widths[1::2])))
        tall_px = max(i.height_px for i in inside)
        room = INSIDE_ROOM_FRACTION * c.height_px
        need = max(row_px / max(1.0, room * c.aspect), tall_px / max(1.0, room))
        grow[c.group] = max(grow.get(c.group, 1.0), min(INSIDE_MAX_GROWTH, need))
    return [replace(i, height_px=i.height_px * grow.get(i.group, 1.0)) for i in items]


def share_inside(
    groups: list[list[LayoutItem]], own: list[LayoutItem], scale: float, parent: Parent,
    plane: GroundPlane,
) -> Attached:  # fmt: skip
    """The boxes of ``own`` (one of the ``groups`` in ``parent``), all placed together (a
    lobster and two crabs in a bucket side by side, none hidden behind another)."""
    everything = [item for group in groups for item in group]
    if parent.raised or parent.rim is None or parent.kind == "doorway":
        whole = bodies.attach("in", everything, scale, parent, plane, 1)
    elif len(parent.boxes) > 1:  # ships in bottles: a share of them in each bottle
        shares = [_each_in_one(everything, scale, parent, k) for k in range(len(parent.boxes))]
        placed = {
            i.id: (box, order)
            for items, part in shares
            for i, box, order in zip(items, part.boxes, part.orders, strict=True)
        }
        boxes, orders = zip(*(placed[i.id] for i in everything), strict=True)
        whole = replace(shares[0][1], boxes=boxes, zs=(parent.z,) * len(everything),
                        orders=orders)  # fmt: skip
    else:
        whole = heap(everything, scale, parent, parent.rim)
    start = everything.index(own[0])
    end = start + len(own)
    return replace(whole, boxes=whole.boxes[start:end], zs=whole.zs[start:end],
                   orders=whole.orders[start:end])  # fmt: skip


def _each_in_one(
    everything: list[LayoutItem], scale: float, parent: Parent, k: int
) -> tuple[list[LayoutItem], Attached]:
    """The ``k``-th of as many even shares of ``everything`` as the parent has instances,
    heaped in its ``k``-th instance."""
    n = len(parent.boxes)
    items = everything[k * len(everything) // n : (k + 1) * len(everything) // n]
    one = replace(parent, boxes=(parent.boxes[k],))
    return items, heap(items, scale, one, parent.rim or 0.0) if items else Attached((), (), ())


def heap(items: list[LayoutItem], scale: float, parent: Parent, rim_fraction: float) -> Attached:
    """Within the container's outline, in a heap, :data:`INSIDE_SHOWN_FRACTION` of each
    above the rim and each one's middle inside the container's box. Three or more that
    would be crumbs in one row stand in two: the back one higher, drawn first, peeking
    between the front one."""
    p = parent.box
    n = len(items)
    rows = [list(range(n))]
    fit = _pile_fit(items, rows, scale, p)
    if n >= 3 and _pile_fit(items, [rows[0][::2], rows[0][1::2]], scale, p) > 1.3 * fit:
        rows = [rows[0][::2], rows[0][1::2]]
        fit = _pile_fit(items, rows, scale, p)
    heights = [i.height_px * scale * fit for i in items]
    tallest = max(heights)
    rim = p.y0 + rim_fraction * p.height
    lift = BACK_ROW_LIFT_FRACTION * tallest
    # Every one's middle inside the container's box, the back row's too.
    inside = p.y0 + 0.55 * tallest + (len(rows) - 1) * lift
    bottom = min(p.y1, max(rim + (1 - INSIDE_SHOWN_FRACTION) * tallest, inside))
    boxes: list[Box] = [Box(0, 0, 0, 0)] * n
    orders = [0.5] * n
    for tier, row in enumerate(rows):  # the front row, then the back one
        widths = [heights[k] * items[k].aspect for k in row]
        x = p.centre[0] - pile_width(widths) / 2 + tier * 0.5 * PILE_STEP_FRACTION * widths[0]
        for k, w in zip(row, widths, strict=True):
            boxes[k] = Box(x, bottom - tier * lift - heights[k], x + w, bottom - tier * lift)
            orders[k] = 0.5 - 0.05 * tier
            x += w * PILE_STEP_FRACTION
    return Attached(tuple(boxes), (parent.z,) * n, tuple(orders), grounded=False, inside=True,
                    front_line=rim_fraction)  # fmt: skip


def _pile_fit(items: list[LayoutItem], rows: list[list[int]], scale: float, p: Box) -> float:
    """How much the things must shrink to stand in ``rows`` of heaps inside ``p``."""
    heights = [i.height_px * scale for i in items]
    widest = max(pile_width([heights[k] * items[k].aspect for k in row]) for row in rows)
    return min(1.0, INSIDE_ROOM_FRACTION * p.height / max(1.0, max(heights)),
               INSIDE_ROOM_FRACTION * p.width / max(1.0, widest))  # fmt: skip


def pile_width(widths: list[float]) -> float:
    """How wide a heap of things of ``widths`` is (:data:`PILE_STEP_FRACTION`)."""
    return sum(widths[:-1]) * PILE_STEP_FRACTION + (widths[-1] if widths else 0.0)
