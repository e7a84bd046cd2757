"""The project's own drawings of things in a home that no emoji pack draws.

Furniture and fittings (a shelf, a cupboard, curtains, a fireplace, stairs), soft things
(a rug, a cushion, a blanket), a baby's pram and cot, kitchen tools, a classroom's boards
and the post (a postcard, a stamp, a passport): everyday nouns of bedtime stories,
cooking and school that OpenMoji and Fluent Emoji lack. Drawn in OpenMoji's style with
:mod:`speech2image.imaging.compose.extras_svg`; registered in
:mod:`speech2image.imaging.compose.extras`.
"""

from __future__ import annotations

from speech2image.imaging.compose.extras_svg import (
    BLUE,
    BLUE_DARK,
    BLUE_LIGHT,
    BROWN,
    DARK,
    GREEN,
    GREEN_DARK,
    GREEN_LIGHT,
    GREY,
    GREY_LIGHT,
    ORANGE,
    ORANGE_DARK,
    PINK,
    PURPLE,
    RED,
    RED_DARK,
    SAND,
    WHITE,
    WOOD,
    WOOD_DARK,
    YELLOW,
    YELLOW_DARK,
    Extra,
    circle,
    ellipse,
    line,
    path,
    rect,
    svg,
    thin,
)

_BOOK_COLOURS = (RED, BLUE, GREEN_LIGHT, YELLOW, PURPLE, ORANGE)


def _books(x: float, bottom: float, count: int, tall: float = 11) -> str:
    """A row of upright books, the tallest ``tall``, standing on a shelf at ``bottom``."""
    out, left = "", x
    for k in range(count):
        width, height = 4 + k % 2, tall - (k * 3) % 4
        out += rect(left, bottom - height, width, height, _BOOK_COLOURS[k % 6], 0.5)
        left += width
    return out


def _knob(x: float, y: float) -> str:
    return circle(x, y, 1.5, DARK)


_CURTAIN = "M{a},10 H{b} Q{c},30 {d},40 Q{c},52 {e},64 H{a} Z"

HOME = {
    "shelf": Extra(
        "shelf", ("shelves", "wall shelf", "kitchen shelf", "shelving"), "large",
        svg(path("M12,36 V50 H16 V40 H26 V36 Z", DARK) + path("M60,36 V50 H56 V40 H46 V36 Z", DARK)
            + _books(10, 28, 4, tall=8) + rect(4, 28, 64, 8, WOOD, 1)),
    ),
    "bookshelf": Extra(
        "bookshelf", ("bookcase", "bookshelves", "book shelf", "bookcases"), "large",
        svg(rect(12, 4, 48, 62, WOOD_DARK, 1) + rect(16, 8, 40, 54, BROWN, 0)
            + "".join(rect(16, y, 40, 3, WOOD, 0) for y in (24, 42))
            + _books(17, 24, 8) + _books(18, 42, 7) + _books(17, 62, 8)),
    ),
    "cupboard": Extra(
        "cupboard", ("cabinet", "kitchen cupboard", "cupboards", "sideboard", "kitchen cabinet"),
        "medium",
        svg(rect(8, 14, 56, 46, WOOD, 2) + rect(12, 18, 22, 38, WOOD_DARK, 1)
            + rect(38, 18, 22, 38, WOOD_DARK, 1) + _knob(31, 37) + _knob(41, 37)
            + rect(6, 10, 60, 5, WOOD, 1) + rect(11, 60, 5, 5, DARK, 1)
            + rect(56, 60, 5, 5, DARK, 1)),
    ),
    "wardrobe": Extra(
        "wardrobe", ("closet", "armoire", "wardrobes", "clothes cupboard"), "large",
        svg(rect(14, 8, 44, 54, WOOD_DARK, 2) + rect(18, 12, 17, 46, WOOD, 1)
            + rect(37, 12, 17, 46, WOOD, 1) + rect(32, 30, 2, 9, DARK, 1)
            + rect(38, 30, 2, 9, DARK, 1) + rect(11, 4, 50, 5, BROWN, 1)
            + rect(16, 62, 5, 4, DARK, 1) + rect(51, 62, 5, 4, DARK, 1)),
    ),
    "chest of drawers": Extra(
        "chest of drawers", ("drawers", "drawer", "dresser", "chest of drawer"), "medium",
        svg(rect(10, 12, 52, 50, WOOD_DARK, 2)
            + "".join(rect(14, y, 44, 13, WOOD, 1) + _knob(26, y + 6.5) + _knob(46, y + 6.5)
                      for y in (16, 31, 46))
            + rect(12, 62, 5, 4, DARK, 1) + rect(55, 62, 5, 4, DARK, 1)),
    ),
    "rug": Extra(
        "rug", ("carpet", "mat", "doormat", "rugs", "floor mat", "yoga mat"), "tiny",
        svg("".join(line(x, 50, x - 3, 56) for x in (12, 20, 28, 36, 44, 52, 60))
            + "".join(line(x, 30, x + 3, 24) for x in (18, 26, 34, 42, 50, 58, 66))
            + path("M4,50 L16,30 H68 L56,50 Z", RED)
            + path("M15,45 L22,34 H57 L50,45 Z", YELLOW_DARK)
            + path("M25,41 L28,37 H46 L43,41 Z", RED_DARK)),
    ),
    "cushion": Extra(
        "cushion", ("pillow", "cushions", "pillows", "scatter cushion"), "tiny",
        svg(path("M10,16 Q36,22 62,16 Q56,36 62,56 Q36,50 10,56 Q16,36 10,16 Z", ORANGE)
            + thin(path("M18,24 Q36,28 54,24 Q50,36 54,48 Q36,44 18,48 Q22,36 18,24 Z"))
            + circle(36, 36, 2, ORANGE_DARK)),
    ),
    "blanket": Extra(
        "blanket", ("duvet", "quilt", "comforter", "blankets", "bedspread"), "small",
        svg("".join(rect(8 + 14 * (k % 4), 14 + 14 * (k // 4), 14, 14,
                         (RED, YELLOW, BLUE_LIGHT, GREEN_LIGHT)[(k + k // 4) % 4], 0)
                    for k in range(12))
            + rect(8, 14, 56, 42, "none", 2)
            + thin('<g stroke-dasharray="2 2">' + rect(11, 17, 50, 36, "none", 1) + "</g>")
            + path("M8,56 Q15,62 22,56 Q29,62 36,56 Q43,62 50,56 Q57,62 64,56", "none")),
    ),
    "curtain": Extra(
        "curtain", ("curtains", "drapes", "drape", "window curtain"), "medium",
        svg(rect(18, 12, 36, 50, BLUE_LIGHT, 0) + line(36, 12, 36, 62) + line(18, 37, 54, 37)
            + path(_CURTAIN.format(a=8, b=28, c=25, d=30, e=26), RED)
            + path(_CURTAIN.format(a=64, b=44, c=47, d=42, e=46), RED)
            + rect(4, 7, 64, 4, WOOD_DARK, 2) + circle(4, 9, 3, WOOD_DARK)
            + circle(68, 9, 3, WOOD_DARK)),
    ),
    "radiator": Extra(
        "radiator", ("heater", "radiators"), "small",
        svg("".join(rect(x, 18, 7, 40, WHITE, 3.5) for x in (8, 16, 24, 32, 40, 48, 56))
            + rect(6, 52, 60, 4, GREY_LIGHT, 1) + rect(10, 58, 4, 6, GREY, 1)
            + rect(58, 58, 4, 6, GREY, 1) + rect(63, 24, 6, 5, RED, 1)),
    ),
    "fireplace": Extra(
        "fireplace", ("hearth", "mantelpiece", "mantel", "fire place"), "medium",
        svg(rect(8, 16, 56, 48, RED_DARK, 1)
            + thin("".join(line(8, y, 64, y) for y in (26, 36, 46, 56)))
            + path("M20,64 V42 Q20,30 36,30 Q52,30 52,42 V64 Z", DARK)
            + path("M28,58 Q26,48 32,42 Q32,48 36,50 Q36,42 41,38 Q40,48 45,52 Q46,58 44,58 Z",
                   ORANGE)
            + path("M32,58 Q31,52 35,49 Q37,54 40,54 Q41,58 40,58 Z", YELLOW)
            + rect(24, 57, 24, 5, WOOD_DARK, 2) + rect(3, 10, 66, 7, WOOD, 1)),
    ),
    "lamp": Extra(
        "lamp", ("table lamp", "bedside lamp", "lampshade", "desk lamp", "reading lamp",
                 "floor lamp", "standard lamp"), "small",
        svg(ellipse(36, 62, 14, 4, WOOD_DARK) + rect(34, 38, 4, 24, WOOD, 1)
            + path("M24,10 H48 L58,38 H14 Z", YELLOW) + line(18, 32, 54, 32)),
    ),
    "stairs": Extra(
        "stairs", ("staircase", "stair", "stairway", "flight of stairs", "stairwell"), "large",
        svg(path("M4,66 V58 H16 V50 H28 V42 H40 V34 H52 V26 H68 V66 Z", WOOD)
            + "".join(line(x, y, x, y - 14) for x, y in ((10, 58), (22, 50), (34, 42),
                                                         (46, 34), (58, 26)))
            + line(8, 45.3, 62, 9.3) + rect(4, 58, 12, 2, WOOD_DARK, 0)),
    ),
    "whiteboard": Extra(
        "whiteboard", ("white board", "dry-erase board", "flip chart", "flipchart"), "medium",
        svg(line(14, 50, 8, 68) + line(58, 50, 64, 68)
            + rect(6, 8, 60, 42, GREY_LIGHT, 2) + rect(10, 12, 52, 34, WHITE, 0)
            + thin(f'<g stroke="{BLUE_DARK}">' + path("M15,20 H38") + path("M15,27 H46")
                   + path("M15,34 Q20,30 24,34 T33,34") + "</g>"
                   + f'<g stroke="{RED}">' + path("M44,34 L50,40 L58,18") + "</g>")
            + rect(20, 50, 32, 3, GREY, 1)),
    ),
    "blackboard": Extra(
        "blackboard", ("chalkboard", "blackboards", "chalkboards"), "medium",
        svg(line(14, 50, 8, 68) + line(58, 50, 64, 68)
            + rect(6, 8, 60, 42, WOOD, 2) + rect(10, 12, 52, 34, GREEN_DARK, 0)
            + thin('<g stroke="#FFFFFF">' + path("M15,20 H22 M19,20 V30")
                   + path("M26,30 L30,20 L34,30") + path("M40,22 H54 M40,28 H50 M40,34 H56")
                   + path("M16,40 H30") + "</g>")
            + rect(20, 50, 32, 3, WOOD_DARK, 1)),
    ),
    "pram": Extra(
        "pram", ("pushchair", "stroller", "buggy", "baby carriage", "baby buggy", "perambulator",
                 "prams", "pushchairs", "strollers"), "small",
        svg(path("M22,46 L16,56 M50,46 L54,56 M58,30 L64,16 H69")
            + path("M10,30 H58 Q58,48 40,48 H28 Q10,48 10,30 Z", BLUE)
            + path("M10,30 Q10,10 32,10 V30 Z", BLUE_DARK)
            + circle(16, 58, 6, DARK) + circle(54, 58, 6, DARK)
            + circle(16, 58, 2, GREY_LIGHT) + circle(54, 58, 2, GREY_LIGHT)),
    ),
    "cot": Extra(
        "cot", ("crib", "cradle", "cots", "cribs", "baby bed"), "medium",
        svg(rect(12, 40, 48, 8, BLUE_LIGHT, 2)
            + "".join(line(x, 22, x, 48) for x in (18, 24, 30, 36, 42, 48, 54))
            + rect(8, 18, 56, 5, WOOD, 2) + rect(8, 48, 56, 5, WOOD, 2)
            + rect(6, 14, 5, 52, WOOD_DARK, 2) + rect(61, 14, 5, 52, WOOD_DARK, 2)),
    ),
    "high chair": Extra(
        "high chair", ("highchair", "high chairs", "highchairs", "baby chair"), "medium",
        svg(path("M26,40 L16,66 M46,40 L56,66 M21,54 H51", "none")
            + rect(24, 10, 24, 30, WHITE, 4) + rect(22, 36, 28, 6, WHITE, 2)
            + rect(14, 26, 34, 5, BLUE_LIGHT, 2)),
    ),
    "saucepan": Extra(
        "saucepan", ("saucepans", "cooking pot", "stockpot", "sauce pan"), "tiny",
        svg(rect(44, 28, 24, 6, DARK, 3) + rect(6, 24, 40, 32, GREY_LIGHT, 4)
            + rect(4, 22, 44, 5, GREY, 2) + path("M10,34 H42", "none")),
    ),
    "coffee maker": Extra(
        "coffee maker", ("coffee machine", "coffee machines", "coffee makers"), "small",
        svg(rect(14, 8, 44, 56, DARK, 4) + rect(20, 14, 32, 8, GREY, 1)
            + rect(20, 26, 32, 30, GREY_LIGHT, 1) + rect(32, 26, 8, 6, GREY, 1)
            + path("M28,40 H44 V50 Q44,54 40,54 H32 Q28,54 28,50 Z", WHITE)
            + path("M44,42 Q49,42 49,46 Q49,50 44,50", "none") + circle(46, 18, 2, RED)),
    ),
    "flour": Extra(
        "flour", ("bag of flour", "flour bag", "plain flour", "self-raising flour"), "tiny",
        svg(path("M16,18 L20,12 L24,16 L28,10 L32,16 L36,10 L40,16 L44,10 L48,16 L52,12 L56,18"
                 " L60,62 H12 Z", WHITE)
            + path("M36,54 V30", "none")
            + "".join(ellipse(36 + dx, y, 3, 5, YELLOW_DARK) for y in (30, 38, 46)
                      for dx in (-4, 4))
            + ellipse(36, 25, 2.5, 4, YELLOW_DARK)),
    ),
    "chopping board": Extra(
        "chopping board", ("cutting board", "chopping boards", "cutting boards", "bread board",
                           "breadboard"), "tiny",
        svg(path("M6,26 H54 Q60,26 62,32 H68 V42 H62 Q60,48 54,48 H6 Q2,48 2,44 V30 Q2,26 6,26"
                 " Z", WOOD)
            + circle(64, 37, 2.5, WHITE) + thin(path("M10,32 H48 M10,40 H40", "none"))),
    ),
    "sieve": Extra(
        "sieve", ("colander", "strainer", "sieves", "colanders"), "tiny",
        svg(rect(50, 25, 20, 5, DARK, 2)
            + path("M6,26 H54 Q54,56 30,56 Q6,56 6,26 Z", GREY_LIGHT)
            + thin(path("M12,34 H48 M16,42 H44 M22,50 H38 M18,28 Q20,48 26,55 M30,28 V56"
                        " M42,28 Q40,48 34,55", "none"))
            + rect(4, 23, 52, 5, GREY, 2)),
    ),
    "lunchbox": Extra(
        "lunchbox", ("lunch box", "lunchboxes", "lunch boxes", "packed lunch box"), "tiny",
        svg(path("M26,22 V14 Q26,10 30,10 H42 Q46,10 46,14 V22", "none")
            + rect(8, 20, 56, 40, RED, 5) + line(8, 32, 64, 32) + rect(32, 29, 8, 7, WHITE, 1)
            + path("M20,44 Q20,40 24,40 Q28,40 28,44 Q28,50 24,50 Q20,50 20,44 Z", GREEN_LIGHT)),
    ),
    "comb": Extra(
        "comb", ("combs", "hair comb"), "tiny",
        svg("".join(rect(x, 30, 3.5, 20, ORANGE, 1) for x in range(8, 48, 7))
            + rect(4, 22, 64, 10, ORANGE, 3)),
    ),
    "rolling pin": Extra(
        "rolling pin", ("rolling pins", "rollingpin"), "tiny",
        svg(rect(3, 32, 14, 8, WOOD_DARK, 4) + rect(55, 32, 14, 8, WOOD_DARK, 4)
            + rect(14, 26, 44, 20, WOOD, 8)),
    ),
    "whisk": Extra(
        "whisk", ("whisks", "egg whisk", "egg beater"), "tiny",
        svg(path("M36,44 Q20,30 28,12 Q36,4 44,12 Q52,30 36,44 Z", "none")
            + path("M36,44 Q28,28 36,8 Q44,28 36,44")
            + path("M36,44 Q14,24 24,14 M36,44 Q58,24 48,14")
            + rect(32, 42, 8, 24, RED, 4)),
    ),
    "postcard": Extra(
        "postcard", ("postcards", "post card", "picture postcard"), "tiny",
        svg(rect(4, 14, 64, 44, WHITE, 2) + rect(9, 19, 28, 34, BLUE_LIGHT, 0)
            + path("M9,53 V42 Q18,34 26,42 Q32,38 37,42 V53 Z", GREEN)
            + circle(29, 27, 4, YELLOW) + line(42, 20, 42, 52)
            + rect(54, 20, 10, 12, RED, 0)
            + thin(line(46, 38, 63, 38) + line(46, 44, 63, 44) + line(46, 50, 63, 50))),
    ),
    "passport": Extra(
        "passport", ("passports",), "tiny",
        svg(rect(16, 6, 40, 60, BLUE_DARK, 4)
            + f'<g stroke="{YELLOW_DARK}">' + circle(36, 30, 9, "none")
            + path("M27,30 H45 M36,21 Q30,30 36,39 Q42,30 36,21") + line(26, 50, 46, 50)
            + "</g>"),
    ),
    "stamp": Extra(
        "stamp", ("postage stamp", "stamps", "postage stamps"), "tiny",
        svg(f'<rect x="12" y="10" width="48" height="52" fill="{WHITE}" stroke-dasharray="0 4"'
            ' stroke-width="4"/>' + rect(18, 16, 36, 40, RED, 0)
            + path("M36,48 Q22,38 24,30 Q26,24 32,26 Q35,27 36,30 Q37,27 40,26 Q46,24 48,30"
                   " Q50,38 36,48 Z", PINK)),
    ),
    "towel": Extra(
        "towel", ("towels", "bath towel", "tea towel", "hand towel", "beach towel"), "small",
        svg(rect(16, 14, 40, 48, BLUE, 2) + rect(16, 46, 40, 4, WHITE, 0)
            + rect(16, 53, 40, 3, WHITE, 0) + rect(16, 10, 40, 10, BLUE_LIGHT, 3)
            + rect(6, 9, 60, 4, GREY, 2)),
    ),
    "toothpaste": Extra(
        "toothpaste", ("tube of toothpaste", "toothpaste tube"), "tiny",
        svg(path("M16,26 H60 L64,24 V48 L60,46 H16 Z", WHITE)
            + path("M24,30 H56 V42 H24 Z", BLUE) + rect(6, 30, 10, 12, RED, 2)),
    ),
    "birdcage": Extra(
        "birdcage", ("cage", "bird cage", "cages", "birdcages"), "small",
        svg(path("M14,60 V30 Q14,10 36,10 Q58,10 58,30 V60")
            + "".join(line(x, 12 if x == 36 else 16, x, 60) for x in (22, 29, 36, 43, 50))
            + line(14, 30, 58, 30) + circle(36, 6, 3, "none")
            + rect(10, 58, 52, 7, YELLOW_DARK, 2)),
    ),
    "aquarium": Extra(
        "aquarium", ("fish tank", "fishbowl", "fish bowl", "aquariums"), "small",
        svg(rect(6, 16, 60, 44, BLUE_LIGHT, 2) + path("M7,24 H65", "none")
            + path("M7,52 Q20,48 36,52 Q52,56 65,52 V59 H7 Z", SAND)
            + path("M16,52 Q12,42 18,34 M20,52 Q24,42 20,30", "none")
            + path("M34,36 Q42,28 50,36 Q42,44 34,36 Z M34,36 L28,31 V41 Z", ORANGE)
            + rect(4, 12, 64, 5, GREY, 1)),
    ),
    "sleeping bag": Extra(
        "sleeping bag", ("sleeping bags", "sleepingbag"), "small",
        svg(path("M14,22 Q2,22 2,36 Q2,50 14,50 H62 Q68,46 68,36 Q68,26 62,22 Z", GREEN_LIGHT)
            + thin("".join(line(x, 23, x, 49) for x in (30, 40, 50, 60)))
            + ellipse(14, 36, 8, 10, GREEN) + ellipse(14, 36, 4, 6, DARK)
            + path("M22,24 Q26,36 22,48", "none")),
    ),
}  # fmt: skip
"""Id to drawing: things of a home, a kitchen, a nursery, a classroom and the post."""
