"""Framing: how much a whole composition is enlarged so that the picture is filled.

The size priors of :mod:`speech2image.imaging.compose.sizes` are relative (a car bigger
than an apple); drawn at their prior size a cup of tea alone is a tenth of the picture
high in an empty frame. The layout places its clusters at the prior sizes, asks
:func:`fill_factor` how much to enlarge them all alike, and places them again: a lone
thing or lone group about half the picture's height (less if it is wide), several
clusters about three quarters of the width, the tallest never above
:data:`MAX_CLUSTER_HEIGHT_FRACTION`.
"""

from __future__ import annotations

from speech2image.imaging.compose.placing import Box

FILL_HEIGHT_FRACTION = 0.5
"""How tall a lone thing (or a lone group) is drawn, as a fraction of the picture's height."""
BACKDROP_FILL_HEIGHT_FRACTION = 0.42
"""The same where a setting's backdrop is part of what is shown: more room for it."""
LONE_WIDTH_FRACTION = 0.8
"""The most of the width a lone cluster may take (a bus is wide, not tall)."""
FILL_WIDTH_FRACTION = 0.72
"""How much of the width several clusters fill together."""
MAX_CLUSTER_HEIGHT_FRACTION = 0.7
"""The tallest a cluster may grow to when the composition is scaled up to fill the frame."""
MAX_GROW = 3.2
"""The most the composition is enlarged (a ring alone is not drawn as big as a house)."""


def fill_factor(
    clusters: list[Box], need_px: float, usable_px: float,
    height_px: float, fill: float,
) -> float:  # fmt: skip
    """How much to enlarge the whole composition so that it fills the frame: a lone
    cluster ``fill`` of the picture's height (less if it is wide), several clusters
    :data:`FILL_WIDTH_FRACTION` of the width; never taller than
    :data:`MAX_CLUSTER_HEIGHT_FRACTION`. Relative sizes are kept: all grow alike."""
    tallest = max(c.height for c in clusters)
    if tallest <= 0 or need_px <= 0:
        return 1.0
    if len(clusters) == 1:
        grow = min(fill * height_px / tallest, LONE_WIDTH_FRACTION * usable_px / need_px)
    else:
        grow = FILL_WIDTH_FRACTION * usable_px / need_px
    grow = min(grow, MAX_CLUSTER_HEIGHT_FRACTION * height_px / tallest, MAX_GROW)
    return max(1.0, grow)
