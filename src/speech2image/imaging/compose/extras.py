"""Clip art the project draws itself, for common things OpenMoji has no emoji for.

Twelve of the 80 COCO classes (a table, a bench, a sink, a refrigerator...) have no
Unicode emoji. These drawings follow OpenMoji's style guide (a 72-unit grid, a 2-unit
black outline with round joins, OpenMoji's palette) so that they sit well beside its
emoji; they are offered in every pack, under the ``extra:`` prefix.
"""

from __future__ import annotations

_STROKE = 'stroke="#000" stroke-width="2" stroke-linejoin="round" stroke-linecap="round"'
_WOOD, _WOOD_DARK = "#C19A65", "#A57939"
_GREY, _GREY_LIGHT, _WHITE = "#9B9B9A", "#D0CFCE", "#FFFFFF"
_RED, _BLUE, _BLUE_LIGHT, _DARK = "#EA5A47", "#61B2E4", "#92D3F5", "#3F3F3F"


def _svg(body: str) -> str:
    return (
        f'<svg viewBox="0 0 72 72" xmlns="http://www.w3.org/2000/svg"><g {_STROKE}>{body}</g></svg>'
    )


def _rect(x: float, y: float, w: float, h: float, fill: str, r: float = 1) -> str:
    return f'<rect x="{x}" y="{y}" width="{w}" height="{h}" rx="{r}" fill="{fill}"/>'


def _circle(cx: float, cy: float, r: float, fill: str) -> str:
    return f'<circle cx="{cx}" cy="{cy}" r="{r}" fill="{fill}"/>'


def _path(d: str, fill: str = "none") -> str:
    return f'<path d="{d}" fill="{fill}"/>'


EXTRAS: dict[str, tuple[str, tuple[str, ...], str]] = {
    "table": (
        "table",
        ("dining table", "kitchen table", "desk", "furniture"),
        _svg(_rect(12, 32, 5, 26, _WOOD_DARK) + _rect(55, 32, 5, 26, _WOOD_DARK)
             + _rect(6, 26, 60, 7, _WOOD)),
    ),
    "bench": (
        "bench",
        ("park bench", "seat", "furniture"),
        _svg(_rect(12, 40, 4, 18, _DARK) + _rect(56, 40, 4, 18, _DARK)
             + _rect(8, 22, 56, 6, _WOOD) + _rect(8, 30, 56, 5, _WOOD)
             + _rect(6, 37, 60, 5, _WOOD_DARK)),
    ),
    "fence": (
        "fence",
        ("wooden fence", "picket fence", "garden"),
        _svg(_rect(4, 30, 64, 5, _WOOD_DARK, 0) + _rect(4, 46, 64, 5, _WOOD_DARK, 0)
             + "".join(_path(f"M{x},60 V24 L{x + 5},18 L{x + 10},24 V60 Z", _WOOD)
                       for x in (6, 22, 38, 54))),
    ),
    "sink": (
        "sink",
        ("kitchen sink", "basin", "faucet", "tap"),
        _svg(_rect(6, 34, 60, 24, _WHITE, 2)
             + _path("M16,34 Q16,48 36,48 Q56,48 56,34", _GREY_LIGHT)
             + _path("M32,34 V20 H44 V26", "none") + _rect(4, 31, 64, 4, _GREY, 1)),
    ),
    "refrigerator": (
        "refrigerator",
        ("fridge", "freezer", "kitchen appliance"),
        _svg(_rect(18, 4, 36, 62, _WHITE, 4) + '<line x1="18" y1="26" x2="54" y2="26"/>'
             + _rect(22, 12, 3, 9, _GREY, 1) + _rect(22, 31, 3, 14, _GREY, 1)),
    ),
    "oven": (
        "oven",
        ("stove", "cooker", "kitchen appliance"),
        _svg(_rect(10, 10, 52, 54, _GREY_LIGHT, 3) + _rect(16, 28, 40, 28, _DARK, 2)
             + _rect(20, 32, 32, 20, "#F4AA41", 1)
             + "".join(_circle(x, 18, 3, _WHITE) for x in (20, 30, 42, 52))),
    ),
    "microwave": (
        "microwave",
        ("microwave oven", "kitchen appliance"),
        _svg(_rect(6, 18, 60, 38, _GREY_LIGHT, 3) + _rect(11, 23, 38, 28, _DARK, 2)
             + _rect(54, 24, 8, 6, _WHITE, 1) + _circle(58, 40, 3, _WHITE)
             + _circle(58, 49, 2, _WHITE)),
    ),
    "toaster": (
        "toaster",
        ("bread toaster", "kitchen appliance"),
        _svg(_path("M26,30 V18 Q26,14 31,14 Q36,14 36,18 V30", "#F4AA41")
             + _path("M38,30 V18 Q38,14 43,14 Q48,14 48,18 V30", "#F4AA41")
             + _rect(12, 28, 48, 30, _GREY_LIGHT, 8) + _rect(60, 38, 5, 4, _DARK, 1)
             + _rect(18, 56, 6, 4, _DARK, 1) + _rect(48, 56, 6, 4, _DARK, 1)),
    ),
    "fire hydrant": (
        "fire hydrant",
        ("hydrant", "street", "water"),
        _svg(_rect(22, 60, 28, 6, _RED, 1) + _rect(26, 26, 20, 34, _RED, 2)
             + _rect(16, 34, 10, 9, _RED, 2) + _rect(46, 34, 10, 9, _RED, 2)
             + _path("M24,26 Q24,12 36,12 Q48,12 48,26 Z", _RED) + _rect(33, 7, 6, 5, _RED, 1)
             + _circle(36, 45, 3, _GREY)),
    ),
    "parking meter": (
        "parking meter",
        ("meter", "street", "parking"),
        _svg(_rect(33, 36, 6, 30, _GREY) + _rect(22, 6, 28, 32, _GREY_LIGHT, 8)
             + _rect(28, 12, 16, 10, _WHITE, 2) + _path("M36,22 L40,15")
             + _rect(33, 27, 6, 6, _DARK, 1)),
    ),
    "hair drier": (
        "hair drier",
        ("hair dryer", "blow dryer"),
        _svg(_rect(28, 34, 10, 28, _DARK, 4) + _rect(12, 16, 40, 20, _BLUE, 10)
             + _rect(50, 20, 12, 12, _BLUE_LIGHT, 2) + _circle(24, 26, 5, _WHITE)),
    ),
    "remote": (
        "remote control",
        ("remote", "tv remote", "controller"),
        _svg(_rect(26, 6, 20, 60, _DARK, 6) + _circle(36, 16, 4, _RED)
             + "".join(_circle(x, y, 2.5, _GREY_LIGHT) for x in (31, 41) for y in (28, 37, 46))),
    ),
    "vase": (
        "vase",
        ("flower vase", "pot", "jar"),
        _svg(_path("M28,8 H44 V14 Q44,18 48,24 Q56,36 50,56 Q48,64 36,64 Q24,64 22,56 "
                   "Q16,36 24,24 Q28,18 28,14 Z", _BLUE)
             + _path("M22,40 Q36,46 50,40")),
    ),
    "couch": (
        "couch",
        ("sofa", "settee", "furniture"),
        _svg(_rect(10, 22, 52, 22, "#B399C8", 6) + _rect(4, 32, 12, 24, "#8967AA", 5)
             + _rect(56, 32, 12, 24, "#8967AA", 5) + _rect(14, 40, 44, 14, "#B399C8", 3)
             + _rect(12, 56, 4, 6, _DARK, 1) + _rect(56, 56, 4, 6, _DARK, 1)),
    ),
}  # fmt: skip
"""Id to (name, tags, SVG source)."""
