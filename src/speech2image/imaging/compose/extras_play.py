"""The project's own drawings of play, sport and music things that no emoji pack draws.

A playground's swing, seesaw, sandpit, climbing frame and trampoline; a sports day's
javelin, hurdle, net, dumbbell and basketball hoop; an art room's easel; a music class's
xylophone and tambourine: nouns of school days and weekends that
OpenMoji and Fluent Emoji lack. Drawn in OpenMoji's style with
:mod:`speech2image.imaging.compose.extras_svg`; registered in
:mod:`speech2image.imaging.compose.extras`.
"""

from __future__ import annotations

from speech2image.imaging.compose.extras_svg import (
    BLUE,
    BLUE_DARK,
    DARK,
    GREEN_LIGHT,
    GREY,
    ORANGE,
    PURPLE,
    RED,
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

_XYLOPHONE_BARS = ((10, RED), (18, ORANGE), (26, YELLOW), (34, GREEN_LIGHT), (42, BLUE),
                   (50, PURPLE))  # fmt: skip

PLAY = {
    "swing": Extra(
        "swing", ("swings", "swing set", "swingset", "rope swing", "garden swing"), "large",
        svg(path("M4,66 L14,8 L24,66 M48,66 L58,8 L68,66", "none")
            + rect(8, 5, 56, 6, RED, 2) + line(28, 11, 28, 48) + line(44, 11, 44, 48)
            + rect(24, 46, 24, 5, BLUE, 2)),
    ),
    "seesaw": Extra(
        "seesaw", ("see-saw", "seesaws", "see saw", "teeter-totter", "teeter totter"), "medium",
        svg(path("M28,62 L36,38 L44,62 Z", RED) + path("M4,52 L68,24 L70,29 L6,57 Z", YELLOW_DARK)
            + path("M12,44 V40 M60,24 V18") + rect(8, 38, 8, 4, BLUE, 2)
            + rect(56, 16, 8, 4, BLUE, 2)),
    ),
    "sandpit": Extra(
        "sandpit", ("sandbox", "sand pit", "sandpits", "sandboxes"), "small",
        svg(path("M4,58 L14,36 H58 L68,58 Z", WOOD) + path("M10,54 L17,40 H55 L62,54 Z", SAND)
            + path("M16,50 Q23,38 30,50 Z", SAND) + path("M40,42 L42,50 H50 L52,42 Z", RED)
            + path("M42,42 Q46,34 50,42", "none") + path("M56,36 L52,48")),
    ),
    "climbing frame": Extra(
        "climbing frame", ("jungle gym", "climbing frames", "monkey bars", "climbing dome",
                           "monkey bar"), "large",
        svg('<g stroke-width="3">'
            + path("M6,64 A30,30 0 0 1 66,64", "none")
            + f'<g stroke="{BLUE}">' + path("M10,50 Q36,58 62,50 M20,30 Q36,36 52,30", "none")
            + "</g>" + f'<g stroke="{RED}">'
            + path("M36,34 V64 M36,34 Q16,40 18,64 M36,34 Q56,40 54,64", "none")
            + "</g>" + path("M6,64 A30,30 0 0 1 66,64", "none") + "</g>"
            + line(2, 65, 70, 65)),
    ),
    "trampoline": Extra(
        "trampoline", ("trampolines", "trampet"), "medium",
        svg(path("M12,40 L8,62 M60,40 L64,62 M28,44 L26,64 M44,44 L46,64")
            + ellipse(36, 36, 32, 12, BLUE) + ellipse(36, 36, 25, 8, DARK)),
    ),
    "net": Extra(
        "net", ("fishing net", "butterfly net", "nets", "landing net", "shrimping net",
                "hand net"), "small",
        svg(line(8, 66, 36, 30)
            + path("M36,30 Q40,56 56,62 Q66,50 64,22", WHITE)
            + thin(path("M42,38 L62,32 M46,48 L63,42 M51,56 L63,52 M44,26 L52,58 M54,22 L58,60"))
            + ellipse(50, 26, 15, 7, "none")),
    ),
    "javelin": Extra(
        "javelin", ("javelins", "spear", "spears"), "small",
        svg(bar(4, 48, 60, 30, 4, YELLOW) + path("M60,28 L70,27 L61,32.5 Z", GREY)
            + bar(24, 41.6, 32, 39, 6, RED)),
    ),
    "hurdle": Extra(
        "hurdle", ("hurdles",), "small",
        svg(path("M12,34 V62 M60,34 V62 M4,62 H20 M52,62 H68")
            + rect(8, 22, 56, 12, WHITE, 1)
            + "".join(rect(x, 22, 8, 12, DARK, 0) for x in (16, 32, 48))),
    ),
    "dumbbell": Extra(
        "dumbbell", ("dumbbells", "barbell", "barbells", "weights", "hand weights",
                     "free weights"), "tiny",
        svg(rect(16, 33, 40, 6, GREY, 2) + rect(8, 20, 10, 32, DARK, 2)
            + rect(54, 20, 10, 32, DARK, 2) + rect(3, 26, 6, 20, DARK, 2)
            + rect(63, 26, 6, 20, DARK, 2)),
    ),
    "basketball hoop": Extra(
        "basketball hoop", ("hoop", "basketball net", "basket hoop", "hoops",
                            "basketball basket"), "large",
        svg(rect(33, 36, 6, 30, GREY, 1) + rect(12, 4, 48, 30, WHITE, 2)
            + rect(26, 14, 20, 14, "none", 0)
            + path("M24,30 L28,46 H44 L48,30", WHITE)
            + thin(path("M26,34 L44,42 M46,34 L28,42 M36,30 V46"))
            + ellipse(36, 30, 12, 3, "none") + f'<g stroke="{ORANGE}">'
            + ellipse(36, 30, 12, 3, "none") + "</g>"),
    ),
    "easel": Extra(
        "easel", ("easels", "painting easel", "art easel"), "medium",
        svg(path("M36,4 V66 M24,28 L14,66 M48,28 L58,66", "none")
            + rect(12, 10, 48, 36, WHITE, 1)
            + path("M16,42 Q26,26 36,34 Q44,20 56,28 V42 Z", GREEN_LIGHT)
            + circle(24, 20, 4, YELLOW) + rect(10, 45, 52, 4, WOOD_DARK, 1)),
    ),
    "xylophone": Extra(
        "xylophone", ("xylophones", "glockenspiel", "marimba"), "small",
        svg(path("M6,28 L62,36 M6,54 L62,46", "none")
            + "".join(rect(x, 20 + 2 * j, 6, 40 - 4 * j, colour, 1)
                      for j, (x, colour) in enumerate(_XYLOPHONE_BARS))
            + line(50, 8, 62, 22) + circle(48, 6, 3, RED) + line(62, 6, 68, 22)
            + circle(61, 4, 3, BLUE_DARK)),
    ),
    "tambourine": Extra(
        "tambourine", ("tambourines",), "tiny",
        svg(path("M6,32 V42 A30,16 0 0 0 66,42 V32 Z", WOOD)
            + ellipse(36, 32, 30, 16, "#FDF1D6") + ellipse(36, 32, 24, 11, "none")
            + "".join(ellipse(x, y, 3, 2.5, YELLOW) for x, y in
                      ((12, 45), (24, 52), (36, 54), (48, 52), (60, 45)))),
    ),
}  # fmt: skip
"""Id to drawing: things of a playground, a sports day, an art room and a music class."""
