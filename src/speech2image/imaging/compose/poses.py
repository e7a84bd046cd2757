"""Actions drawn: composite clip art where a pack has it, otherwise a pose by placement.

A person riding a horse is one drawing in OpenMoji ("horse racing"): a *composite*
replaces both things with it. Where no drawing shows the action, the two things are
placed so that it reads: a rider on the mount's back, a held thing at the holder's hand,
a chaser behind the chased and facing the same way, a jumper arcing above with motion
lines, two things playing facing each other. People who do something are drawn full
body ("man walking") rather than as a head-and-shoulders bust.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Generic, TypeVar

from PIL import Image, ImageDraw

from speech2image.imaging.compose import bodies
from speech2image.imaging.compose.composites import PEOPLE as PEOPLE
from speech2image.imaging.compose.composites import Composite as Composite
from speech2image.imaging.compose.composites import composite_name as composite_name
from speech2image.imaging.compose.composites import drawn_as_person
from speech2image.imaging.compose.composites import find_composites as find_composites
from speech2image.imaging.compose.composites import is_person as is_person
from speech2image.imaging.compose.placing import (
    Attached,
    Box,
    GroundPlane,
    Parent,
    bounds,
    fitted_heights,
    row_boxes,
)
from speech2image.scene import SPATIAL_RELATIONS

if TYPE_CHECKING:
    from speech2image.imaging.compose.layout import LayoutItem
    from speech2image.scene import Relation, SceneObject

Match = TypeVar("Match")

_FEMALE = frozenset(
    {"woman", "girl", "lady", "grandmother", "grandma", "mother", "mom", "mum", "daughter",
     "sister", "queen", "princess"}
)  # fmt: skip
_MALE = frozenset(
    {"man", "boy", "gentleman", "guy", "grandfather", "grandpa", "father", "dad", "son",
     "brother", "king", "prince", "fisherman"}
)  # fmt: skip

ACTIVITY_ASSETS = {
    "swimming": "person swimming", "surfing": "person surfing", "skiing": "skier",
    "snowboarding": "snowboarder", "climbing": "person climbing", "cooking": "cook",
    "cycling": "person biking", "biking": "person biking", "rowing": "person rowing boat",
    "juggling": "person juggling", "golfing": "person golfing", "singing": "singer",
    "painting": "artist", "sleeping": "person in bed", "bathing": "person taking bath",
    "fencing": "person fencing", "meditating": "person in lotus position",
    "cooking something": "cook", "painting something": "artist",
    "climbing something": "person climbing",
}  # fmt: skip
"""Actions of a person drawn as one activity drawing (``something``: the verb with an
object, "cooking soup")."""
_BODY_POSES = {
    "running": "running", "walking": "walking", "dancing": "dancing", "kneeling": "kneeling",
    "chasing": "running", "following": "walking", "pushing": "walking", "pulling": "walking",
    "kicking": "running",
}  # fmt: skip
SEATED = frozenset(
    {"sitting on", "sitting in", "lying on", "riding", "driving", "rowing", "sleeping in"}
)
"""Relations whose subject shows only from the waist up: a bust draws it best."""
FIGURE_SCALE = 1.3
"""Full-body figures are drawn taller than the busts of the same size class."""

HELD_MAX_FRACTION = 0.8
"""A held, eaten, kicked or thrown thing this tall beside the doer stands by it, as big."""

POSE_KINDS = {
    "riding": "mount", "sitting on": "seat", "lying on": "on", "standing on": "on",
    "driving": "in", "rowing": "in", "sitting in": "in", "sleeping in": "in",
    "swimming in": "in", "holding": "carry", "carrying": "carry", "catching": "hold",
    "feeding": "hold", "cooking": "hold", "painting": "hold", "writing": "hold",
    "eating": "mouth", "drinking": "mouth", "reading": "book", "wearing": "wear",
    "kicking": "kick", "throwing": "throw", "climbing": "climb", "chasing": "chase",
    "following": "chase", "jumping over": "jump", "flying over": "fly", "pushing": "push",
    "pulling": "push", "hugging": "hug", "walking": "lead",
}  # fmt: skip
"""How each action is posed; any other verb (playing with, talking to, looking at...) is
``"face"``: side by side, facing each other."""
OBJECT_MOVES = frozenset({"hold", "carry", "mouth", "book", "wear", "kick", "throw"})
"""Poses where the object goes to the subject (the held thing to the holder's hand)."""
BOOK_ASSET = "open book"
"""What a book being read is drawn as."""


def pose_kind(relation: str) -> str:
    """The pose of an action relation (see :data:`POSE_KINDS`)."""
    return POSE_KINDS.get(relation, "face")


def is_facing(relation: str) -> bool:
    """True for actions posed side by side, facing each other (playing with, talking to)."""
    return relation not in SPATIAL_RELATIONS and pose_kind(relation) == "face"


def figure_name(noun: str, action: str | None) -> str | None:
    """The drawing of a person doing ``action`` (an intransitive action, a verb of a
    relation, or ``None`` for something unnamed): an activity drawing, else a full-body
    figure ("woman running", "man standing"); ``None`` where a bust draws it best."""
    if not is_person(noun) or action in SEATED:
        return None
    if f"{action} something" in ACTIVITY_ASSETS:
        return ACTIVITY_ASSETS[f"{action} something"]
    if action in ACTIVITY_ASSETS:
        return ACTIVITY_ASSETS[action]
    head = noun.lower().split()[-1]
    who = "woman" if head in _FEMALE else "man" if head in _MALE else "person"
    return f"{who} {_BODY_POSES.get(action or '', 'standing')}"


def is_figure(asset_name: str) -> bool:
    """True for the full-body figures and activity drawings :func:`figure_name` gives."""
    name = asset_name.lower()
    return name in ACTIVITY_ASSETS.values() or name.split()[-1] in {
        *_BODY_POSES.values(),
        "standing",
    }


@dataclass(frozen=True, slots=True)
class Posing(Generic[Match]):
    """The drawings a scene's actions call for: one match per object, the composites,
    the objects drawn by another's composite, and the relations left to lay out."""

    matches: tuple[Match, ...]
    composites: tuple[Composite, ...] = ()
    merged: dict[str, str] = field(default_factory=dict)
    """Object id -> the id of the object whose composite drawing shows it too."""
    relations: tuple[tuple[str, str, str], ...] = ()


def pose_matches(
    objects: Sequence[SceneObject], relations: Sequence[Relation], matches: Sequence[Match],
    named: Callable[[str], Match | None],
) -> Posing[Match]:  # fmt: skip
    """Composite drawings, full-body figures and an open book for a book being read;
    ``named(name)`` is the pack's drawing of that exact name, or ``None``."""
    triples = [(r.subject, r.relation, r.object) for r in relations]
    objects = bodies.seated_where_placed(objects, triples)  # sleeping in a car: sitting in it
    people = frozenset(o.id for o, m in zip(objects, matches, strict=True) if drawn_as_person(m))
    composites = find_composites(
        [(o.id, o.noun) for o in objects], triples, lambda name: named(name) is not None, people
    )
    joined = {c.subject_id for c in composites} | {c.object_id for c in composites}
    composites += [c for c in _activities(objects, named) if c.subject_id not in joined]
    merged = {c.object_id: c.subject_id for c in composites if c.object_id is not None}
    chosen = {c.subject_id: named(c.asset_name) for c in composites}
    doing: dict[str, str | None] = {o: None for _, _, o in triples}
    for s, r, _ in reversed(triples):
        doing[s] = r if r not in SPATIAL_RELATIONS else doing.get(s)
    # Every instance of a phrase shares its pose ("two kids playing": both full body).
    active = {(o.group, o.noun): o.action or doing[o.id] for o in objects
              if o.id in doing or o.action}  # fmt: skip
    read = {o for _, r, o in triples if r == "reading"}
    result = []
    for obj, match in zip(objects, matches, strict=True):
        found = chosen.get(obj.id) or chosen.get(merged.get(obj.id, ""))
        # An old person keeps an old person's drawing: the full-body figures are young.
        young = obj.age != "old"
        if found is None and obj.id not in merged and (obj.group, obj.noun) in active and young:
            figure = figure_name(obj.noun, active[(obj.group, obj.noun)])
            found = named(figure) if figure else None
        if found is None and obj.id in read and obj.noun.split()[-1] == "book":
            found = named(BOOK_ASSET)
        result.append(found if found is not None else match)
    # Only people sit face on in front of a seat's back; a cat or a bird sits on top.
    nouns = {o.id: o.noun for o in objects}
    kept = tuple(
        (merged.get(s, s), "on" if r == "sitting on" and not is_person(nouns.get(s, "")) else r,
         merged.get(o, o)) for s, r, o in triples if merged.get(s, s) != merged.get(o, o)
    )  # fmt: skip
    return Posing(tuple(result), tuple(composites), merged, kept)


def _activities(
    objects: Sequence[SceneObject], named: Callable[[str], object | None]
) -> list[Composite]:
    """People doing an action that has its own drawing (swimming, skiing, cooking)."""
    found = []
    for obj in objects:
        name = ACTIVITY_ASSETS.get(obj.action or "")
        if name is not None and is_person(obj.noun) and named(name) is not None:
            found.append(Composite(obj.id, None, name))
    return found


def facing(
    links: list[tuple[int, str, int]], centre_x: dict[int, float], rng: random.Random, seed: int
) -> dict[int, bool]:
    """OpenMoji draws animals facing left; mirror those that must face right: a thing
    left of another faces it, players face each other, a chaser and the chased both face
    the way the chase goes, a rider faces the way the mount does; the seed turns some of
    the rest. ``links`` are (subject, relation, object) between the groups of
    ``centre_x``; the result says which groups are mirrored."""
    mirror = {g: bool(seed and rng.random() < 0.3) for g in centre_x}
    decided: set[int] = set()
    for s, r, o in links:
        kind = "spatial" if r in SPATIAL_RELATIONS else pose_kind(r)
        if r == "left of" or kind in ("face", "hug", "push", "chase", "lead"):
            for a, b in ((s, o), (o, s)) if kind in ("face", "hug") else ((s, o),):
                if a not in decided:
                    mirror[a] = centre_x[b] > centre_x[a]
                    decided.add(a)
            if kind in ("chase", "lead") and o not in decided:
                mirror[o] = mirror[s]
                decided.add(o)
    for s, r, o in links:
        if r not in SPATIAL_RELATIONS and pose_kind(r) in ("mount", "seat"):
            mirror[s] = mirror[o]
    return mirror


def pose(
    kind: str, items: list[LayoutItem], scale: float, parent: Parent, plane: GroundPlane,
    *, flip: bool = False,
) -> Attached:  # fmt: skip
    """Boxes of a group posed ``kind`` against ``parent`` (see :data:`POSE_KINDS`);
    ``flip``: a second one posed against the same parent goes to the other side."""
    p = parent.box
    n = len(items)
    z = (parent.z,) * n
    after = (0.5,) * n
    if kind == "mount":
        heights = fitted_heights(items, scale * 0.85, p.height * 1.1, p.width)
        bottom = p.y0 + max(parent.surface, 0.25) * p.height + 0.3 * max(heights)
        boxes = row_boxes(items, heights, p.centre[0] - 0.08 * p.width, bottom)
        return Attached(boxes, z, after, grounded=False)
    if kind in ("in", "on") or (kind == "seat" and parent.kind == "person"):
        return bodies.attach("on" if kind == "seat" else kind, items, scale, parent, plane, 1)
    if kind == "seat":
        # Seen from the front, a sitter sits in front of the seat's back, sunk into it
        # down to about a third of its height (a chair's or a bench's seat).
        heights = fitted_heights(items, scale * 0.9, p.height * 1.6, p.width * 1.3)
        boxes = row_boxes(items, heights, p.centre[0], p.y0 + 0.34 * p.height)
        return Attached(boxes, z, after, grounded=False)
    big = max(i.height_px for i in items) * scale >= HELD_MAX_FRACTION * p.height
    big = big or (kind in ("hold", "carry") and all(i.kind == "person" for i in items))
    if big and kind in ("hold", "carry", "mouth", "kick", "throw"):
        # As big as the doer (a person, a horse): beside it at its own size, not shrunk
        # into its hand, its mouth or before its foot.
        return _beside(kind, items, scale, parent, plane, flip)
    at_body = {"wear": bodies.worn, "carry": bodies.carried}.get(kind)
    if at_body is not None and (placed := bodies.one_each(at_body, items, scale, parent)):
        return placed
    kind = "hold" if kind == "carry" else kind  # small: in the hand, as one fed or caught
    if kind in ("hold", "mouth", "book", "wear", "throw"):
        return _at_body(kind, items, scale, p, parent.z)
    if kind in ("kick", "climb"):
        heights = fitted_heights(items, scale, p.height * (0.3 if kind == "kick" else 0.6), p.width)
        x = p.x1 + 0.1 * p.width if kind == "kick" else p.x0 + 0.25 * p.width
        bottom = p.y1 if kind == "kick" else p.y0 + 0.75 * p.height
        return Attached(row_boxes(items, heights, x, bottom), z, after, grounded=kind == "kick")
    if kind in ("jump", "fly"):
        heights = [i.height_px * scale for i in items]
        lift = 0.06 if kind == "jump" else 0.16
        bottom = max(max(heights) + 2.0, p.y0 - lift * plane.height)
        boxes = row_boxes(items, heights, p.centre[0], bottom)
        return Attached(boxes, z, after, grounded=False, motion=kind == "jump")
    return _beside(kind, items, scale, parent, plane, flip)


def _at_body(kind: str, items: list[LayoutItem], scale: float, p: Box, z: float) -> Attached:
    """A held, eaten, read, worn or thrown thing at the right place on the body: the
    hand's height at the side, the mouth, the chest (a book read), the head (a hat)."""
    n = len(items)
    # A bust (head and shoulders, about as wide as tall) has its mouth half-way down and
    # its chest at the bottom; a full-body figure (narrow) its mouth near the top.
    bust = p.width > 0.6 * p.height
    limit = {"hold": 0.45, "mouth": 0.32, "book": 0.3 if bust else 0.4, "wear": 0.4,
             "throw": 0.3}[kind]  # fmt: skip
    heights = fitted_heights(items, scale, p.height * limit, p.width * 0.9)
    h = max(heights)
    if kind == "book":
        chest = p.y1 if bust else p.y0 + 0.45 * p.height + h / 2
        boxes = row_boxes(items, heights, p.centre[0], chest)
    elif kind == "wear":
        boxes = row_boxes(items, heights, p.centre[0], p.y0 + 0.3 * h)
    elif kind == "throw":
        boxes = row_boxes(items, heights, p.x1 + 0.6 * h, p.y0 + 0.2 * h)
    else:
        at = {"hold": (0.75, 0.5), "mouth": (0.5, 0.14)}[kind][0 if bust else 1]
        boxes = row_boxes(items, heights, p.x1 - 0.05 * p.width, p.y0 + at * p.height + h / 2)
    return Attached(boxes, (z,) * n, (0.5,) * n, grounded=False, motion=kind == "throw")


def _beside(
    kind: str, items: list[LayoutItem], scale: float, parent: Parent, plane: GroundPlane,
    flip: bool,
) -> Attached:  # fmt: skip
    """Side by side with the parent: a chaser to its right and further back, a walker
    leading it just behind, a pusher or a hugger touching it, anything else facing it
    across a small gap (to its left)."""
    p = parent.box
    n = len(items)
    z = min(0.9, parent.z + 0.12) if kind == "chase" else parent.z
    own = scale * plane.scale(z) / plane.scale(parent.z)
    heights = [i.height_px * own for i in items]
    width = sum(h * i.aspect for h, i in zip(heights, items, strict=True)) * 1.04
    gap = {"chase": 0.02, "lead": 0.0, "push": -0.08, "hug": -0.22}.get(kind, 0.05)
    side = (1 if kind in ("chase", "lead") else -1) * (-1 if flip else 1)
    # A chaser or a pusher steps clear of what the other climbs, stands on or sits in too
    # (a dog after a squirrel up a tree is not hidden behind the tree; a nurse pushing a
    # patient in a wheelchair stands behind the wheelchair, not over the patient).
    around = bounds([*parent.boxes, *parent.support]) if kind in ("chase", "push") else p
    centre = around.centre[0] + side * ((around.width + width) / 2 + gap * plane.height)
    # On the ground beside it, unless it stands on something (then level with it).
    in_sky = p.y1 < plane.horizon_y and not all(i.flying for i in items)
    bottom = plane.bottom_y(z) if kind == "chase" or in_sky else p.y1
    if kind == "push":
        bottom = max(bottom, around.y1)  # a pusher stands on what the swing stands on
    order = -0.5 if kind in ("chase", "push") else 0.5  # a pusher stands behind what it pushes
    return Attached(row_boxes(items, heights, centre, bottom), (z,) * n, (order,) * n)


def draw_motion_lines(canvas: Image.Image, box: tuple[int, int, int, int], mirror: bool) -> None:
    """A few short curved strokes trailing a jumper, on the side it comes from (its back:
    OpenMoji things face left, so the right side unless mirrored)."""
    x0, y0, x1, y1 = box
    w, h = x1 - x0, y1 - y0
    draw = ImageDraw.Draw(canvas)
    back = x0 - 0.05 * w if mirror else x1 + 0.05 * w
    step = -1 if mirror else 1
    width = max(2, round(h * 0.025))
    for k, (rise, length) in enumerate(((0.3, 0.35), (0.5, 0.45), (0.7, 0.3))):
        y = y0 + rise * h
        start = back + step * k * 0.04 * w
        end = start + step * length * w
        # An arc's tail: each stroke bends down as it trails, as the jump came up.
        draw.line([(start, y), ((start + end) / 2, y + 0.04 * h), (end, y + 0.12 * h)],
                  fill=(255, 255, 255), width=width, joint="curve")  # fmt: skip
