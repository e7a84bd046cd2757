"""Rings: things around another (twelve chairs around a table, dogs around a car), each
instance and the thing they surround seen.

Kept apart from :mod:`speech2image.imaging.compose.placing`, whose ``attach`` hands the
``around`` relation here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from speech2image.imaging.compose.placing import Attached, Box, GroundPlane, Parent

if TYPE_CHECKING:
    from speech2image.imaging.compose.layout import LayoutItem

AROUND_SCALE = 0.8
"""Things around another are drawn this much smaller than at its depth, as a ring recedes."""
AROUND_FRONT_DEPTH = 0.15
"""How much nearer than the parent the front row of a ring stands."""
AROUND_BACK_MIN_DEPTH = 0.15
AROUND_BACK_MAX_DEPTH = 0.4
"""How much further back than the parent the back row of a ring stands, at least and at
most (a tall parent, a tree, does not send its back row up to the horizon)."""
AROUND_BACK_SHOWN = 0.5
"""How much of a ring's back row shows above the parent's top where depth allows."""
AROUND_STEP = 0.85
"""The closest the instances of a ring's front row stand, in instance widths: each one
overlaps the next by at most this much less than a width, so every one is seen."""


def around(items: list[LayoutItem], scale: float, parent: Parent, plane: GroundPlane) -> Attached:
    """A ring about the parent, each instance and the parent seen. About a low thing with
    room beneath (twelve chairs around a table): a front row that runs past both its sides
    (drawn after it) and a back row (drawn before it) in the gaps of the front row, high
    enough that its upper part shows over the parent. About anything else: :func:`sides`."""
    p = parent.box
    n = len(items)
    own = scale / plane.scale(parent.z) * AROUND_SCALE
    tallest = max(i.height_px for i in items) * own * plane.scale(parent.z)
    # The back row stands higher, so at least AROUND_BACK_SHOWN of it shows above the parent.
    clear = plane.depth_of(p.y0 + (1 - AROUND_BACK_SHOWN) * tallest)
    low, high = parent.z + AROUND_BACK_MIN_DEPTH, parent.z + AROUND_BACK_MAX_DEPTH
    # Behind a tall thing (a car, a tree) a back row would be hidden; over a solid low one
    # (a bowl) it would seem to stand on it.
    if n <= 2 or not parent.raised or clear > min(0.9, high):
        return sides(items, scale, parent, plane)
    back_z = min(0.9, high, max(low, clear))
    front_n = (n + 2) // 2
    front_z = max(0.0, parent.z - AROUND_FRONT_DEPTH)
    rows = ((items[:front_n], front_z, 0.5), (items[front_n:], back_z, -0.5))
    widest = max(i.height_px * i.aspect for i in items) * own * plane.scale(front_z)
    # The front row's ends stand beside the parent; never closer than AROUND_STEP apart.
    half_span = max(p.width / 2 + 0.55 * widest, (front_n - 1) * AROUND_STEP * widest / 2)
    step = 2 * half_span / (front_n - 1)
    boxes, zs, orders = [], [], []
    for tier, (row, z, order) in enumerate(rows):
        # The back row in the middle gaps of the front row (a gap per back instance).
        gap = (front_n - 1 - len(row)) // 2
        first = -half_span + step / 2 + gap * step if tier else -half_span
        for k, item in enumerate(row):
            h = item.height_px * own * plane.scale(z)
            w = h * item.aspect
            x = p.centre[0] + first + k * step
            bottom = plane.bottom_y(z)
            boxes.append(Box(x - w / 2, bottom - h, x + w / 2, bottom))
            zs.append(z)
            orders.append(order)
    return Attached(tuple(boxes), tuple(zs), tuple(orders))


def sides(items: list[LayoutItem], scale: float, parent: Parent, plane: GroundPlane) -> Attached:
    """At the parent's sides, in turn left and right, each further out (three dogs around a
    car): none stands in front of the parent, so it and every instance are seen."""
    p = parent.box
    boxes = []
    out: list[float | None] = [None, None]  # the last centre's distance out, each side
    for k, item in enumerate(items):
        h = item.height_px * scale * AROUND_SCALE
        w = h * item.aspect
        side = k % 2
        last = out[side]
        distance = p.width / 2 + 0.55 * w if last is None else last + AROUND_STEP * w
        out[side] = distance
        x = p.centre[0] + (1 if side else -1) * distance
        bottom = plane.bottom_y(parent.z)
        boxes.append(Box(x - w / 2, bottom - h, x + w / 2, bottom))
    return Attached(tuple(boxes), (parent.z,) * len(items), (0.5,) * len(items))
