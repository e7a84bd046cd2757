"""Bodies: where things go on, in and under people and the things people use.

A worn thing goes where it is worn (a backpack on the back, a hat on the head, a scarf at
the neck, glasses on the face); a person in a vehicle shows in its window area, the
vehicle's front drawn over the lower half of the body; a person on another's shoulders
sits on the carrier's top; a carried thing keeps its own size (three big boxes are
stacked in the arms); a thing under a low thing with no room beneath (a bed, a sofa)
peeks out below its front edge, smaller, partly hidden by that edge.

The geometry follows OpenMoji's people: a full-body figure (narrow) has its head in the
top seventh and its shoulders at a fifth of its height; a bust (about as wide as tall)
has its head down to seven tenths and its shoulders below.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from speech2image.imaging.compose import placing
from speech2image.imaging.compose.placing import (
    Attached,
    Box,
    GroundPlane,
    Parent,
    fitted_heights,
    row_boxes,
)

if TYPE_CHECKING:
    from speech2image.imaging.compose.layout import LayoutItem
    from speech2image.scene import SceneObject

WORN_AT = {
    "back": frozenset({"backpack", "rucksack", "schoolbag", "knapsack"}),
    "head": frozenset({"hat", "cap", "crown", "helmet", "tiara", "beanie", "top hat",
                       "billed cap", "hood", "bonnet", "sombrero"}),
    "face": frozenset({"glasses", "sunglasses", "goggles", "mask", "spectacles"}),
    "neck": frozenset({"scarf", "necklace", "tie", "necktie", "bow tie", "medal"}),
}  # fmt: skip
"""Where on the body a worn thing goes, by its noun or its drawing's name."""
VEHICLE_WORDS = frozenset(
    {"car", "automobile", "taxi", "bus", "minibus", "trolleybus", "locomotive", "train",
     "tram", "truck", "van", "ambulance", "engine", "tractor", "jeep", "limousine"}
)  # fmt: skip
"""Words of the drawings of vehicles one sits in behind windows."""
LOW_WORDS = frozenset(
    {"bed", "sofa", "couch", "armchair", "dresser", "cupboard", "cabinet", "wardrobe",
     "bookcase", "bookshelf", "drawer", "fridge", "refrigerator", "oven", "bathtub", "crib"}
)  # fmt: skip
"""Things with little or no room beneath (a bed's frame, a sofa's short feet): what is
under one peeks out below its front edge."""
DOORWAY_WORDS = frozenset(
    {"kennel", "doghouse", "tunnel", "igloo", "tent", "cave", "hut", "barn", "garage", "shed",
     "stable", "hutch", "birdhouse", "house", "cabin", "cottage", "castle", "hangar"}
)  # fmt: skip
"""Enclosures one goes into through a door or an opening at the front (a kennel, a
tunnel): what is in one is drawn at its opening, never on its roof."""
ITEM_KINDS = ("", "person", "vehicle", "low", "doorway", *WORN_AT)
"""The kinds of :func:`item_kind`."""
WINDOW_TOP_FRACTION = 0.1
"""Where the head of a person in a vehicle starts, below the vehicle's top (under the roof)."""
VEHICLE_FRONT_FRACTION = 0.5
"""Below this fraction of its height a vehicle's drawing is drawn over who is in it."""
IN_VEHICLE_MAX_FRACTION = 0.75
"""The tallest a person in a vehicle is drawn, as a fraction of the vehicle's height."""
CARRIED_MIN_FRACTION = 0.45
"""A carried thing at least this tall beside the carrier (own size) is carried in the arms
at its own size, several stacked, rather than shrunk into the hand."""
UNDER_LOW_FRACTION = 0.4
"""The tallest a thing under a low thing is drawn, as a fraction of that thing's height."""
DOORWAY_FRACTION = 0.55
"""The tallest a thing at an enclosure's opening is drawn, as a fraction of the enclosure's
height: about the height of a door or a tunnel's mouth in the drawings."""
DOORWAY_LONG_ASPECT = 1.6
"""A thing at least this much wider than tall (a train, a bus) goes into the opening: it
is drawn behind the enclosure, its back end sticking out at one side."""
DOORWAY_SHOWN_FRACTION = 0.6
"""How much of a long thing going into an enclosure still shows beside it."""


def item_kind(noun: str, asset_name: str, asset_group: str, *, person: bool) -> str:
    """How a thing drawn as ``asset_name`` (of ``asset_group``) is placed where that differs
    from other things: a person, a vehicle with windows, or where it is worn."""
    if person or asset_group.startswith("people-body/person"):
        return "person"
    names = {noun.lower(), noun.lower().split()[-1] if noun.split() else "", asset_name.lower()}
    for at, worn in WORN_AT.items():
        if names & worn:
            return at
    words = set(asset_name.lower().split())
    if names & LOW_WORDS or words & LOW_WORDS:
        return "low"
    if names & DOORWAY_WORDS or words & DOORWAY_WORDS:
        return "doorway"
    if "transport-ground" in asset_group and words & VEHICLE_WORDS and "stop" not in words:
        return "vehicle"
    return ""


ACTION_PLACES = {
    "sleeping": frozenset({"bed", "bunk", "cot", "crib", "hammock", "mattress"}),
    "bathing": frozenset({"bath", "bathtub", "tub"}),
    "rowing": frozenset({"boat", "canoe", "rowboat", "kayak"}),
    "swimming": frozenset({"water", "pool", "sea", "lake", "river", "ocean", "pond"}),
    "surfing": frozenset({"wave", "sea", "ocean", "surfboard"}),
}  # fmt: skip
"""Actions whose drawing shows the place they happen in (a person in bed, a rower's boat)."""


def seated_where_placed(
    objects: Sequence[SceneObject], triples: Sequence[tuple[str, str, str]]
) -> list[SceneObject]:
    """``objects`` where a person whose action's drawing shows a place of its own (a person
    in bed) is in or on another thing (sleeping in a car, on a bus) sits in it instead."""
    nouns = {o.id: o.noun.lower() for o in objects}
    where = {
        s: nouns[o].split()[-1] for s, r, o in triples
        if o in nouns and nouns[o].split() and (r in ("in", "on") or r.endswith((" in", " on")))
    }  # fmt: skip
    return [
        replace(o, action="sitting in")
        if o.id in where and where[o.id] not in ACTION_PLACES.get(o.action or "", {where[o.id]})
        else o
        for o in objects
    ]


def attach(
    relation: str, items: list[LayoutItem], scale: float, parent: Parent, plane: GroundPlane,
    side: int,
) -> Attached:  # fmt: skip
    """:func:`~speech2image.imaging.compose.placing.attach`, but a person in a vehicle
    shows in its window, a person on a person sits on the shoulders, and a thing under a
    low thing peeks out below it."""
    people = all(i.kind == "person" for i in items)
    if relation == "in" and parent.kind == "vehicle" and people:
        return in_vehicle(items, scale, parent)
    if relation == "in" and parent.kind == "doorway":
        return at_doorway(items, scale, parent, side)
    if relation == "on" and parent.kind == "person" and people:
        return on_shoulders(items, scale, parent)
    if relation == "under" and (parent.kind in ("low", "vehicle") or not parent.raised):
        return under_low(items, scale, parent, plane)
    return placing.attach(relation, items, scale, parent, plane, side)


def in_vehicle(items: list[LayoutItem], scale: float, parent: Parent) -> Attached:
    """People in a vehicle side by side in its window area: the head under the roof, the
    upper half of the body inside the outline, the lower half behind the vehicle's front."""
    p = parent.box
    n = len(items)
    heights = fitted_heights(items, scale, p.height * IN_VEHICLE_MAX_FRACTION, p.width * 0.7)
    top = p.y0 + WINDOW_TOP_FRACTION * p.height
    # The visible part (down to the front line) is at least the upper half of each body.
    visible = (VEHICLE_FRONT_FRACTION - WINDOW_TOP_FRACTION) * p.height
    heights = [min(h, 2 * visible) for h in heights]
    boxes = row_boxes(items, heights, p.centre[0], top + max(heights))
    return Attached(boxes, (parent.z,) * n, (0.5,) * n, grounded=False, inside=True,
                    front_line=VEHICLE_FRONT_FRACTION)  # fmt: skip


def on_shoulders(items: list[LayoutItem], scale: float, parent: Parent) -> Attached:
    """A person on another's shoulders: sitting on the carrier's top, a little smaller,
    drawn behind the carrier's head so the legs hang in front of the chest."""
    p = parent.box
    n = len(items)
    bust = p.width > 0.6 * p.height
    heights = fitted_heights(items, scale, p.height * 0.6, p.width * 1.2)
    shoulders = p.y0 + (0.75 if bust else 0.2) * p.height
    boxes = row_boxes(items, heights, p.centre[0], shoulders + 0.25 * max(heights))
    return Attached(boxes, (parent.z,) * n, (-0.5,) * n, grounded=False)


def at_doorway(items: list[LayoutItem], scale: float, parent: Parent, side: int) -> Attached:
    """In an enclosure with an opening at the front (a dog in its kennel, a train in a
    tunnel): a thing stands in the opening, at the enclosure's foot, drawn after it; a long
    thing goes into it, drawn before it with its back end out at one side (``side``)."""
    p = parent.box
    n = len(items)
    heights = fitted_heights(items, scale, p.height * DOORWAY_FRACTION, p.width * 0.9)
    bottom = p.y1 - 0.03 * p.height
    if n == 1 and items[0].aspect >= DOORWAY_LONG_ASPECT:
        w = heights[0] * items[0].aspect
        x0 = (
            p.x1 - (1 - DOORWAY_SHOWN_FRACTION) * w
            if side > 0
            else p.x0 - DOORWAY_SHOWN_FRACTION * w
        )
        box = Box(x0, bottom - heights[0], x0 + w, bottom)
        return Attached((box,), (parent.z,), (-0.5,))
    return Attached(row_boxes(items, heights, p.centre[0], bottom), (parent.z,) * n, (0.5,) * n)


def under_low(
    items: list[LayoutItem], scale: float, parent: Parent, plane: GroundPlane
) -> Attached:
    """Under a thing with no room beneath (a bed, a sofa, a car): at its depth, smaller,
    standing just below its bottom edge, drawn after it with the edge drawn over its top."""
    p = parent.box
    n = len(items)
    heights = fitted_heights(items, scale, p.height * UNDER_LOW_FRACTION, p.width * 0.6)
    h = max(heights)
    bottom = min(plane.height * 0.995, p.y1 + 0.25 * h)
    boxes = row_boxes(items, heights, p.centre[0], bottom)
    # The parent's lower edge (a fifth of the thing's height above its bottom) covers it.
    line = max(0.0, min(1.0, (p.y1 - 0.4 * h - p.y0) / max(1.0, p.height)))
    return Attached(boxes, (parent.z,) * n, (0.5,) * n, inside=True, front_line=line)


def one_each(
    place: Callable[[list[LayoutItem], float, Box, float], Attached | None],
    items: list[LayoutItem], scale: float, parent: Parent,
) -> Attached | None:  # fmt: skip
    """``place`` the things at the parent's bodies: one at each where there are as many
    (three girls carrying three baskets, two kids wearing backpacks), else all at all."""
    n = len(items)
    if n == 1 or len(parent.boxes) != n:
        return place(items, scale, parent.box, parent.z)
    found = [place([i], scale, box, parent.z) for i, box in zip(items, parent.boxes, strict=True)]
    each = [a for a in found if a is not None]
    if len(each) < n:
        return None
    return replace(each[0], boxes=tuple(a.boxes[0] for a in each), zs=(parent.z,) * n,
                   orders=tuple(a.orders[0] for a in each))  # fmt: skip


def worn(items: list[LayoutItem], scale: float, p: Box, z: float) -> Attached | None:
    """A worn thing where it is worn on the body in ``p`` (see :data:`WORN_AT`); ``None``
    for a thing of no known place (the head, as a hat, is the caller's)."""
    place = items[0].kind
    if place not in WORN_AT:
        return None
    n = len(items)
    bust = p.width > 0.6 * p.height
    # (height limit, width limit, centre y) as fractions of the wearer, per body shape.
    fit, wide, at = {
        "back": ((0.35, 0.9, 0.4), (0.5, 0.5, 0.85)),
        "head": ((0.13, 0.8, 0.02), (0.3, 0.75, 0.08)),
        "face": ((0.06, 0.7, 0.075), (0.2, 0.7, 0.38)),
        "neck": ((0.14, 0.75, 0.19), (0.22, 0.6, 0.72)),
    }[place][bust]
    heights = fitted_heights(items, scale, p.height * fit, p.width * wide)
    h = max(heights)
    # A backpack shows at the back: beside the body, over its shoulder (drawn after it,
    # so that a neighbour in a row does not hide it); the rest over the body.
    x = p.x1 if place == "back" else p.centre[0]
    boxes = row_boxes(items, heights, x, p.y0 + at * p.height + h / 2)
    return Attached(boxes, (z,) * n, (0.5,) * n, grounded=False)


def carried(items: list[LayoutItem], scale: float, p: Box, z: float) -> Attached | None:
    """A thing carried at its own size (a big box, a suitcase) in the arms: one or two at
    the sides (one in each hand), more stacked two abreast before the body; ``None`` for
    a small thing (held in the hand)."""
    own = [i.height_px * scale for i in items]
    if max(own) < CARRIED_MIN_FRACTION * p.height:
        return None
    n = len(items)
    cols = 1 if n <= 2 else 2
    rows = 1 if n <= 2 else -(-n // cols)
    cell_w = max(h * i.aspect for h, i in zip(own, items, strict=True))
    shrink = min(1.0, p.height / (rows * max(own)), 1.8 * p.width / (cols * cell_w))
    bust = p.width > 0.6 * p.height
    # Held by the hands at the end of the arms, a little below their middle.
    hands = p.y1 if bust else p.y0 + 0.62 * p.height + 0.3 * max(own) * shrink
    left = p.centre[0] - cols * cell_w * shrink / 2
    boxes = []
    for k, (h, item) in enumerate(zip(own, items, strict=True)):
        row, col = divmod(k, cols) if n > 2 else (0, 0)
        h *= shrink
        x = left + (col + 0.5 + 0.5 * (row % 2 and cols > 1)) * cell_w * shrink * 0.98
        if n <= 2:  # at the hand on the right, the second at the one on the left
            x = p.x0 if k else p.x1
        bottom = min(p.y1, hands) - row * max(own) * shrink * 0.97
        boxes.append(Box(x - h * item.aspect / 2, bottom - h, x + h * item.aspect / 2, bottom))
    return Attached(tuple(boxes), (z,) * n, (0.5,) * n, grounded=False)
