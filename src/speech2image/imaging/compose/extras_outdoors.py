"""The project's own drawings of things outdoors that no emoji pack draws.

A garden's gate, hedge, pond and watering can; a street's lamp post and traffic cone; a
farm's haystack and scarecrow; nature's cliff, branch, stump and puddle; winter's icicles
and igloo; a camp's fire and a beach's deckchair: nouns of days out and bedtime stories
that OpenMoji and Fluent Emoji lack. The parts of a setting (a pool, a cliff, a pond)
are drawn wide and low, as they lie on the ground, and sized as such
(:data:`speech2image.imaging.compose.extras_svg.Extra.size`). Drawn in OpenMoji's style
with :mod:`speech2image.imaging.compose.extras_svg`; registered in
:mod:`speech2image.imaging.compose.extras`.
"""

from __future__ import annotations

from speech2image.imaging.compose.extras_svg import (
    BLUE,
    BLUE_LIGHT,
    BROWN,
    DARK,
    GREEN,
    GREEN_DARK,
    GREEN_LIGHT,
    GREY,
    GREY_LIGHT,
    ORANGE,
    RED,
    RED_DARK,
    SAND,
    WHITE,
    WOOD,
    WOOD_DARK,
    YELLOW,
    YELLOW_DARK,
    Extra,
    bar,
    circle,
    ellipse,
    line,
    path,
    rect,
    svg,
    thin,
)

_HEDGE_TOP = "M6,64 V32 Q6,22 16,24 Q20,14 30,20 Q36,12 44,20 Q52,14 58,24 Q67,24 66,34 V64 Z"
_ICICLES = ((10, 34), (18, 52), (27, 40), (36, 60), (45, 44), (54, 54), (62, 36))
"""(x, tip) of each icicle under the snowy edge."""


OUTDOORS = {
    "gate": Extra(
        "gate", ("garden gate", "gates", "wooden gate", "farm gate"), "medium",
        svg(rect(4, 14, 8, 52, WOOD_DARK, 1) + rect(60, 14, 8, 52, WOOD_DARK, 1)
            + circle(8, 11, 4, WOOD_DARK) + circle(64, 11, 4, WOOD_DARK)
            + "".join(rect(x, 20, 7, 40, WOOD, 0) for x in (14, 23, 32, 41, 50))
            + rect(13, 24, 45, 5, WOOD_DARK, 0) + rect(13, 50, 45, 5, WOOD_DARK, 0)
            + path("M16,50 L55,29 L55,34 L16,55 Z", WOOD_DARK) + rect(55, 36, 6, 4, DARK, 1)),
    ),
    "hedge": Extra(
        "hedge", ("hedges", "hedgerow", "hedgerows", "privet hedge"), "medium",
        svg(path(_HEDGE_TOP, GREEN)
            + thin(f'<g stroke="{GREEN_DARK}">'
                   + "".join(path(f"M{x},{y} q3,-4 6,0") for x, y in
                             ((14, 34), (30, 30), (46, 32), (22, 46), (40, 44), (54, 48),
                              (14, 56), (32, 58), (50, 58)))
                   + "</g>")),
    ),
    "lamp post": Extra(
        "lamp post", ("lamppost", "streetlight", "street light", "street lamp", "lamp posts",
                      "lampposts", "streetlights", "street lamps"), "large",
        svg(rect(26, 62, 20, 6, DARK, 1) + rect(33, 24, 6, 38, DARK, 1)
            + path("M26,22 H46 L42,8 H30 Z", YELLOW) + rect(24, 20, 24, 4, DARK, 1)
            + path("M28,8 L36,2 L44,8 Z", DARK)),
    ),
    "swimming pool": Extra(
        "swimming pool", ("pool", "paddling pool", "swimming pools", "pools", "outdoor pool",
                          "indoor pool", "swimming bath", "swimming baths", "lido"), "large",
        svg(path("M2,60 L14,28 H58 L70,60 Z", GREY_LIGHT)
            + path("M9,56 L18,32 H54 L63,56 Z", BLUE_LIGHT)
            + thin(path("M16,44 q4,-3 8,0 t8,0 t8,0 t8,0 t8,0") + path("M14,50 q4,-3 8,0 t8,0"
                   " t8,0 t8,0 t8,0 t8,0"))
            + path("M46,42 V26 Q46,22 50,22 Q54,22 54,26") + path("M52,44 V26 Q52,20 57,20"
                                                                  " Q61,20 61,26")
            + line(46, 34, 52, 34) + line(46, 39, 52, 39)),
    ),
    "hammock": Extra(
        "hammock", ("hammocks",), "medium",
        svg(bar(6, 66, 8, 10, 5, WOOD_DARK) + bar(66, 66, 64, 10, 5, WOOD_DARK)
            + path("M8,14 L16,30 M64,14 L56,30", "none")
            + path("M14,28 Q36,56 58,28 L58,34 Q36,64 14,34 Z", ORANGE)
            + thin(path("M14,31 Q36,60 58,31", "none"))),
    ),
    "tunnel": Extra(
        "tunnel", ("tunnels", "railway tunnel", "road tunnel"), "large",
        svg(path("M2,64 Q4,20 36,14 Q68,20 70,64 Z", GREEN)
            + path("M16,64 V44 Q16,26 36,26 Q56,26 56,44 V64 Z", GREY)
            + path("M22,64 V46 Q22,32 36,32 Q50,32 50,46 V64 Z", DARK)
            + thin(path("M16,44 H22 M50,44 H56 M20,32 L25,36 M52,32 L47,36 M36,26 V32"))),
    ),
    "chimney": Extra(
        "chimney", ("chimneys", "chimney stack", "chimney pot"), "medium",
        svg(path("M2,66 L70,42 V66 Z", RED) + rect(30, 22, 16, 34, RED_DARK, 0)
            + thin(path("M30,30 H46 M30,38 H46 M30,46 H46 M38,22 V30 M34,30 V38 M42,30 V38"
                        " M38,38 V46"))
            + rect(27, 17, 22, 6, GREY, 1) + circle(36, 10, 5, GREY_LIGHT)
            + circle(46, 6, 4, GREY_LIGHT)),
    ),
    "bird feeder": Extra(
        "bird feeder", ("bird feeders", "birdfeeder", "bird table", "bird tables",
                        "feeder"), "small",
        svg(line(36, 2, 36, 12) + path("M18,22 L36,10 L54,22 Z", RED)
            + rect(26, 22, 20, 36, BLUE_LIGHT, 2)
            + "".join(circle(x, y, 1.5, WOOD_DARK) for x, y in ((31, 40), (36, 44), (41, 40),
                                                               (33, 50), (39, 52), (36, 34)))
            + rect(18, 56, 36, 5, WOOD, 2) + line(20, 32, 26, 32) + line(46, 32, 52, 32)),
    ),
    "washing line": Extra(
        "washing line", ("clothesline", "clothes line", "washing lines", "clotheslines"),
        "medium",
        svg(bar(6, 66, 6, 10, 4, WOOD_DARK) + bar(66, 66, 66, 10, 4, WOOD_DARK)
            + path("M6,14 Q36,22 66,14", "none")
            + path("M12,16 L18,18 L22,17 L28,19 L26,24 L24,23 V36 H14 V23 L12,24 Z", RED)
            + rect(32, 19, 12, 20, BLUE, 1)
            + path("M50,18 H56 V30 Q56,34 60,34 Q62,38 58,38 H52 Q50,38 50,34 Z", YELLOW)),
    ),
    "pond": Extra(
        "pond", ("ponds", "duck pond", "fish pond", "garden pond", "pool of water"), "medium",
        svg(path("M4,52 Q2,40 20,38 Q36,34 54,38 Q70,42 68,52 Q66,62 36,62 Q6,62 4,52 Z",
                 BLUE)
            + path("M12,52 Q12,44 28,43 Q46,42 58,46 Q62,52 54,56 Q36,59 18,57 Q12,56 12,52 Z",
                   BLUE_LIGHT)
            + path("M8,40 Q8,26 10,16 M12,40 Q14,28 18,20 M62,42 Q62,30 60,22", "none")
            + ellipse(10, 16, 2, 5, BROWN) + ellipse(60, 21, 2, 5, BROWN)
            + path("M38,52 A6,3 0 1 1 44,54 L40,51 Z", GREEN_LIGHT)),
    ),
    "puddle": Extra(
        "puddle", ("puddles", "pool of rain", "rain puddle"), "tiny",
        svg(path("M6,48 Q4,38 18,38 Q24,32 36,35 Q50,31 60,38 Q70,44 62,52 Q52,58 36,56"
                 " Q24,60 14,56 Q6,54 6,48 Z", BLUE_LIGHT)
            + thin(ellipse(34, 46, 10, 3, "none") + ellipse(34, 46, 18, 6, "none"))),
    ),
    "cliff": Extra(
        "cliff", ("cliffs", "cliff edge", "cliff top", "clifftop", "rock face", "crag",
                  "precipice"), "huge",
        svg(path("M2,66 V18 H40 L44,28 L50,32 L48,42 L56,48 L58,58 L64,66 Z", GREY)
            + path("M2,18 Q4,12 10,13 H38 Q42,14 40,18 Z", GREEN)
            + thin(path("M14,28 L20,38 L16,48 M30,24 L34,34 M24,54 L30,60 M40,44 L44,52"))),
    ),
    "branch": Extra(
        "branch", ("twig", "bough", "twigs", "branches", "stick", "tree branch", "sticks"),
        "small",
        svg(path("M4,52 L40,34 L66,16 L68,20 L44,38 L8,58 Z", BROWN)
            + path("M30,40 L36,54 L33,55 L27,43 Z", BROWN)
            + path("M50,30 L58,38 L56,40 L47,33 Z", BROWN)
            + path("M20,46 Q14,32 24,26 Q28,38 20,46 Z", GREEN)
            + path("M36,54 Q44,62 52,56 Q44,48 36,54 Z", GREEN)
            + path("M60,20 Q66,8 58,4 Q52,14 60,20 Z", GREEN_LIGHT)),
    ),
    "tree stump": Extra(
        "tree stump", ("stump", "stumps", "tree stumps", "treestump"), "small",
        svg(path("M14,28 V54 Q12,60 6,64 H66 Q60,60 58,54 V28 Z", WOOD_DARK)
            + path("M22,46 V60 M36,50 V62 M50,44 V58", "none")
            + ellipse(36, 28, 22, 8, WOOD)
            + thin(ellipse(36, 28, 15, 5, "none") + ellipse(36, 28, 8, 2.5, "none"))),
    ),
    "haystack": Extra(
        "haystack", ("hay bale", "haybale", "hay bales", "haystacks", "hayrick",
                     "bale of hay", "straw bale"), "large",
        svg(path("M4,64 Q6,26 36,10 Q66,26 68,64 Z", YELLOW_DARK)
            + thin(path("M16,40 L22,34 M30,24 L36,20 M44,30 L50,26 M20,54 L26,48"
                        " M36,44 L42,38 M50,50 L56,44 M58,60 L62,56"))
            + path("M4,64 H68", "none")),
    ),
    "kennel": Extra(
        "kennel", ("doghouse", "dog house", "dog kennel", "kennels", "dog's kennel"), "medium",
        svg(rect(10, 30, 52, 34, WOOD, 1) + path("M4,34 L36,8 L68,34 Z", RED)
            + path("M24,64 V48 Q24,38 36,38 Q48,38 48,48 V64 Z", DARK)
            + rect(30, 24, 12, 6, WHITE, 1)),
    ),
    "beehive": Extra(
        "beehive", ("hive", "beehives", "hives", "bee hive", "bees' nest"), "small",
        svg(path("M10,62 Q8,20 36,8 Q64,20 62,62 Z", YELLOW_DARK)
            + thin("".join(path(f"M{x},{y} Q36,{y + 6} {72 - x},{y}")
                           for x, y in ((22, 20), (14, 32), (11, 44), (10, 55))))
            + path("M30,62 V54 Q30,48 36,48 Q42,48 42,54 V62 Z", DARK)
            + rect(6, 60, 60, 5, WOOD_DARK, 1)),
    ),
    "scarecrow": Extra(
        "scarecrow", ("scarecrows",), "medium",
        svg(rect(34, 40, 4, 28, WOOD_DARK, 0)
            + path("M24,26 H48 L54,28 L52,34 L46,32 L48,50 H24 L26,32 L20,34 L18,28 Z", BLUE)
            + rect(6, 27, 60, 4, WOOD_DARK, 1)
            + path("M4,26 L8,29 L4,32 M68,26 L64,29 L68,32 M30,50 L28,56 M42,50 L44,56")
            + circle(36, 18, 8, SAND) + thin(circle(33, 17, 1, DARK) + circle(39, 17, 1, DARK)
                                             + path("M32,21 L34,22 L36,21 L38,22 L40,21"))
            + path("M22,12 H50 L44,10 Q42,2 36,2 Q30,2 28,10 Z", YELLOW)),
    ),
    "watering can": Extra(
        "watering can", ("watering cans", "watering-can", "sprinkling can"), "small",
        svg(path("M48,36 L66,16 L70,20 L52,44", GREEN) + ellipse(67, 17, 3, 5, GREEN)
            + rect(10, 30, 40, 32, GREEN, 4) + path("M18,30 Q18,12 32,12 Q44,12 44,30", "none")
            + rect(10, 30, 40, 5, GREEN_DARK, 2)),
    ),
    "rake": Extra(
        "rake", ("rakes", "garden rake", "leaf rake"), "small",
        svg(line(54, 4, 28, 54) + rect(10, 52, 34, 5, GREY, 1)
            + "".join(line(x, 57, x - 2, 66) for x in (14, 21, 28, 35, 42))),
    ),
    "traffic cone": Extra(
        "traffic cone", ("traffic cones", "road cone", "safety cone"), "small",
        svg(rect(8, 58, 56, 8, ORANGE, 1) + path("M26,58 L34,8 H38 L46,58 Z", ORANGE)
            + path("M31,30 H41 L43,40 H29 Z", WHITE)),
    ),
    "icicle": Extra(
        "icicle", ("icicles",), "small",
        svg("".join(path(f"M{x - 4},24 L{x},{tip} L{x + 4},24 Z", BLUE_LIGHT)
                    for x, tip in _ICICLES)
            + path("M2,26 V18 Q10,12 20,16 Q30,10 40,15 Q52,10 62,15 Q70,14 70,18 V26 Z",
                   WHITE)),
    ),
    "igloo": Extra(
        "igloo", ("igloos", "snow house", "ice house"), "large",
        svg(path("M4,62 Q4,22 36,20 Q66,22 68,62 Z", WHITE)
            + thin(path("M9,50 H64 M6,40 Q36,36 66,40 M12,30 Q36,26 60,30 M24,50 L24,40"
                        " M46,50 L46,40 M34,40 L34,28 M20,30 V40 M52,30 V40 M16,62 V50"
                        " M56,62 V50"))
            + path("M26,62 V52 Q26,42 36,42 Q46,42 46,52 V62 Z", BLUE_LIGHT)
            + path("M30,62 V54 Q30,48 36,48 Q42,48 42,54 V62 Z", DARK)),
    ),
    "campfire": Extra(
        "campfire", ("bonfire", "camp fire", "campfires", "bonfires", "open fire"), "small",
        svg(path("M22,50 Q16,36 26,24 Q28,32 32,34 Q32,20 40,10 Q40,24 46,28 Q54,38 48,50 Z",
                 RED)
            + path("M28,50 Q26,42 32,38 Q34,42 37,42 Q38,34 42,30 Q46,40 44,50 Z", ORANGE)
            + path("M8,62 L62,48 L64,54 L10,68 Z", WOOD_DARK)
            + path("M64,62 L10,48 L8,54 L62,68 Z", BROWN)),
    ),
    "deckchair": Extra(
        "deckchair", ("deck chair", "deckchairs", "deck chairs", "sun lounger",
                      "beach chair", "lounger"), "medium",
        svg(bar(56, 66, 18, 6, 5, WOOD) + bar(12, 66, 52, 36, 5, WOOD)
            + path("M15,6 Q16,54 54,38 L50,30 Q27,44 26,6 Z", RED)
            + thin(f'<g stroke="{WHITE}">' + path("M20.5,9 Q22,46 51,34") + "</g>")),
    ),
}  # fmt: skip
"""Id to drawing: things of a garden, a street, a farm, the wild, winter, a camp, a beach."""
