"""The project's own drawings of things seen on trips that no emoji pack draws.

A caravan on holiday, a digger at the roadworks, a submarine under the waves, a pair of
wellies for the puddles and binoculars for the birds: nouns of days out and children's
stories that OpenMoji and Fluent Emoji lack. Drawn in OpenMoji's style with
:mod:`speech2image.imaging.compose.extras_svg`; registered in
:mod:`speech2image.imaging.compose.extras`.
"""

from __future__ import annotations

from speech2image.imaging.compose.extras_svg import (
    BLUE_LIGHT,
    DARK,
    GREEN,
    GREY,
    GREY_LIGHT,
    ORANGE,
    RED,
    WHITE,
    YELLOW,
    YELLOW_DARK,
    Extra,
    bar,
    circle,
    path,
    rect,
    svg,
)

TRAVEL = {
    "caravan": Extra(
        "caravan", ("caravans", "camper van", "campervan", "camper vans", "motorhome",
                    "mobile home", "touring caravan"), "large",
        svg(path("M2,50 H10", "none")
            + path("M10,20 Q10,14 18,14 H56 Q66,14 66,26 V52 H10 Z", WHITE)
            + rect(10, 40, 56, 4, GREEN, 0) + rect(16, 22, 16, 12, BLUE_LIGHT, 2)
            + rect(46, 22, 12, 28, GREY_LIGHT, 1) + circle(49, 37, 1, DARK)
            + circle(32, 54, 7, DARK) + circle(32, 54, 2.5, GREY_LIGHT)),
    ),
    "digger": Extra(
        "digger", ("excavator", "diggers", "excavators", "bulldozer", "bulldozers", "jcb"),
        "large",
        svg(rect(4, 52, 44, 12, DARK, 6) + circle(11, 58, 3, GREY) + circle(41, 58, 3, GREY)
            + circle(26, 58, 3, GREY) + rect(8, 36, 36, 16, YELLOW, 2)
            + path("M12,36 V20 H30 L34,36 Z", YELLOW) + path("M15,34 V23 H28 L30,34 Z", BLUE_LIGHT)
            + bar(40, 40, 56, 16, 6, YELLOW_DARK) + bar(56, 16, 64, 38, 5, YELLOW_DARK)
            + path("M58,36 L70,36 L68,48 Q62,50 58,44 Z", GREY)),
    ),
    "submarine": Extra(
        "submarine", ("submarines", "yellow submarine"), "large",
        svg(path("M38,26 V14 H44", "none") + rect(28, 22, 16, 14, YELLOW_DARK, 3)
            + path("M4,44 Q4,32 20,32 H56 Q66,32 66,44 Q66,56 56,56 H20 Q4,56 4,44 Z", YELLOW)
            + "".join(circle(x, 44, 4, BLUE_LIGHT) for x in (22, 36, 50))
            + path("M66,40 L71,36 V52 L66,48 Z", ORANGE)),
    ),
    "wellies": Extra(
        "wellies", ("welly", "wellie", "wellington boots", "wellington boot", "wellingtons",
                    "wellington", "rain boots", "rain boot", "rubber boots", "rubber boot",
                    "gumboots", "gumboot"), "tiny",
        svg("".join(path(f"M{x},8 H{x + 14} V50 H{x + 26} Q{x + 30},50 {x + 30},56 V62"
                         f" H{x} Z", colour) + rect(x - 1, 6, 16, 6, colour, 2)
                    for x, colour in ((6, YELLOW), (26, RED)))),
    ),
    "binoculars": Extra(
        "binoculars", ("field glasses", "pair of binoculars", "opera glasses"), "tiny",
        svg(rect(8, 16, 22, 40, DARK, 6) + rect(42, 16, 22, 40, DARK, 6)
            + rect(28, 26, 16, 10, GREY, 2) + circle(19, 50, 7, BLUE_LIGHT)
            + circle(53, 50, 7, BLUE_LIGHT) + rect(11, 12, 16, 6, GREY, 2)
            + rect(45, 12, 16, 6, GREY, 2)),
    ),
}  # fmt: skip
"""Id to drawing: things of holidays, roadworks, the sea and a walk in the rain."""
