"""Clip art the project draws itself, for common things neither emoji pack draws.

Twelve of the 80 COCO classes (a table, a bench, a sink, a refrigerator...) have no
Unicode emoji, and everyday speech names many more things that OpenMoji and Fluent Emoji
lack (a shelf, a rug, a pram, a swing, a cliff, a caravan: :mod:`.extras_home`,
:mod:`.extras_outdoors`, :mod:`.extras_play`, :mod:`.extras_travel`). These drawings
follow OpenMoji's style guide (:mod:`.extras_svg`) so that they sit well beside its
emoji; they are offered in every pack, under the ``extra:`` prefix.

Each drawing's name and aliases name it for the matcher (:data:`EXTRA_NOUNS`), ahead of
the packs' curated tables: a drawing of the thing itself beats a stand-in ("lamp" was a
light bulb, "bookshelf" a pile of books). The COCO drawings keep looser tags ("furniture")
that are indexed but never matched as names.
"""

from __future__ import annotations

from speech2image.imaging.compose.extras_home import HOME
from speech2image.imaging.compose.extras_outdoors import OUTDOORS
from speech2image.imaging.compose.extras_play import PLAY
from speech2image.imaging.compose.extras_svg import (
    BLUE,
    BLUE_LIGHT,
    DARK,
    GREY,
    GREY_LIGHT,
    RED,
    WHITE,
    WOOD,
    WOOD_DARK,
    Extra,
    circle,
    path,
    rect,
    svg,
)
from speech2image.imaging.compose.extras_travel import TRAVEL

_SIZES = {
    "table": "medium", "bench": "medium", "fence": "medium", "sink": "small",
    "refrigerator": "medium", "oven": "medium", "microwave": "small", "toaster": "small",
    "fire hydrant": "small", "parking meter": "small", "hair drier": "small",
    "remote control": "tiny", "vase": "tiny", "couch": "medium",
}  # fmt: skip


def _coco(name: str, tags: tuple[str, ...], source: str) -> Extra:
    """A COCO drawing: its tags are loose words, not aliases."""
    return Extra(name, (), _SIZES[name], source, tags=tags)


_COCO = {
    "table": _coco(
        "table",
        ("dining table", "kitchen table", "desk", "furniture"),
        svg(rect(12, 32, 5, 26, WOOD_DARK) + rect(55, 32, 5, 26, WOOD_DARK)
             + rect(6, 26, 60, 7, WOOD)),
    ),
    "bench": _coco(
        "bench",
        ("park bench", "seat", "furniture"),
        svg(rect(12, 40, 4, 18, DARK) + rect(56, 40, 4, 18, DARK)
             + rect(8, 22, 56, 6, WOOD) + rect(8, 30, 56, 5, WOOD)
             + rect(6, 37, 60, 5, WOOD_DARK)),
    ),
    "fence": _coco(
        "fence",
        ("wooden fence", "picket fence", "garden"),
        svg(rect(4, 30, 64, 5, WOOD_DARK, 0) + rect(4, 46, 64, 5, WOOD_DARK, 0)
             + "".join(path(f"M{x},60 V24 L{x + 5},18 L{x + 10},24 V60 Z", WOOD)
                       for x in (6, 22, 38, 54))),
    ),
    "sink": _coco(
        "sink",
        ("kitchen sink", "basin", "faucet", "tap"),
        svg(rect(6, 34, 60, 24, WHITE, 2)
             + path("M16,34 Q16,48 36,48 Q56,48 56,34", GREY_LIGHT)
             + path("M32,34 V20 H44 V26", "none") + rect(4, 31, 64, 4, GREY, 1)),
    ),
    "refrigerator": _coco(
        "refrigerator",
        ("fridge", "freezer", "kitchen appliance"),
        svg(rect(18, 4, 36, 62, WHITE, 4) + '<line x1="18" y1="26" x2="54" y2="26"/>'
             + rect(22, 12, 3, 9, GREY, 1) + rect(22, 31, 3, 14, GREY, 1)),
    ),
    "oven": _coco(
        "oven",
        ("stove", "cooker", "kitchen appliance"),
        svg(rect(10, 10, 52, 54, GREY_LIGHT, 3) + rect(16, 28, 40, 28, DARK, 2)
             + rect(20, 32, 32, 20, "#F4AA41", 1)
             + "".join(circle(x, 18, 3, WHITE) for x in (20, 30, 42, 52))),
    ),
    "microwave": _coco(
        "microwave",
        ("microwave oven", "kitchen appliance"),
        svg(rect(6, 18, 60, 38, GREY_LIGHT, 3) + rect(11, 23, 38, 28, DARK, 2)
             + rect(54, 24, 8, 6, WHITE, 1) + circle(58, 40, 3, WHITE)
             + circle(58, 49, 2, WHITE)),
    ),
    "toaster": _coco(
        "toaster",
        ("bread toaster", "kitchen appliance"),
        svg(path("M26,30 V18 Q26,14 31,14 Q36,14 36,18 V30", "#F4AA41")
             + path("M38,30 V18 Q38,14 43,14 Q48,14 48,18 V30", "#F4AA41")
             + rect(12, 28, 48, 30, GREY_LIGHT, 8) + rect(60, 38, 5, 4, DARK, 1)
             + rect(18, 56, 6, 4, DARK, 1) + rect(48, 56, 6, 4, DARK, 1)),
    ),
    "fire hydrant": _coco(
        "fire hydrant",
        ("hydrant", "street", "water"),
        svg(rect(22, 60, 28, 6, RED, 1) + rect(26, 26, 20, 34, RED, 2)
             + rect(16, 34, 10, 9, RED, 2) + rect(46, 34, 10, 9, RED, 2)
             + path("M24,26 Q24,12 36,12 Q48,12 48,26 Z", RED) + rect(33, 7, 6, 5, RED, 1)
             + circle(36, 45, 3, GREY)),
    ),
    "parking meter": _coco(
        "parking meter",
        ("meter", "street", "parking"),
        svg(rect(33, 36, 6, 30, GREY) + rect(22, 6, 28, 32, GREY_LIGHT, 8)
             + rect(28, 12, 16, 10, WHITE, 2) + path("M36,22 L40,15")
             + rect(33, 27, 6, 6, DARK, 1)),
    ),
    "hair drier": _coco(
        "hair drier",
        ("hair dryer", "blow dryer"),
        svg(rect(28, 34, 10, 28, DARK, 4) + rect(12, 16, 40, 20, BLUE, 10)
             + rect(50, 20, 12, 12, BLUE_LIGHT, 2) + circle(24, 26, 5, WHITE)),
    ),
    "remote": _coco(
        "remote control",
        ("remote", "tv remote", "controller"),
        svg(rect(26, 6, 20, 60, DARK, 6) + circle(36, 16, 4, RED)
             + "".join(circle(x, y, 2.5, GREY_LIGHT) for x in (31, 41) for y in (28, 37, 46))),
    ),
    "vase": _coco(
        "vase",
        ("flower vase", "pot", "jar"),
        svg(path("M28,8 H44 V14 Q44,18 48,24 Q56,36 50,56 Q48,64 36,64 Q24,64 22,56 "
                   "Q16,36 24,24 Q28,18 28,14 Z", BLUE)
             + path("M22,40 Q36,46 50,40")),
    ),
    "couch": _coco(
        "couch",
        ("sofa", "settee", "furniture"),
        svg(rect(10, 22, 52, 22, "#B399C8", 6) + rect(4, 32, 12, 24, "#8967AA", 5)
             + rect(56, 32, 12, 24, "#8967AA", 5) + rect(14, 40, 44, 14, "#B399C8", 3)
             + rect(12, 56, 4, 6, DARK, 1) + rect(56, 56, 4, 6, DARK, 1)),
    ),
}  # fmt: skip
"""Id to drawing: the COCO classes that have no emoji."""


DRAWINGS: dict[str, Extra] = {**_COCO, **HOME, **OUTDOORS, **PLAY, **TRAVEL}
"""Every drawing the project keeps, by id (the asset id after ``extra:``)."""

EXTRAS: dict[str, tuple[str, tuple[str, ...], str]] = {
    key: (e.name, e.aliases + e.tags, e.svg) for key, e in DRAWINGS.items()
}
"""Id to (name, tags, SVG source), as the pack index reads them."""

EXTRA_NOUNS: dict[str, str] = {
    noun: e.name for e in DRAWINGS.values() for noun in (e.name, *e.aliases)
}
"""Noun to the name of the drawing that draws it: each drawing's name and aliases."""

EXTRA_SIZES: dict[str, str] = {e.name: e.size for e in DRAWINGS.values()}
"""Drawing name to its size class."""
