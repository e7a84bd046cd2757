"""The stage every picture is drawn on: where the ground meets the sky, and which settings
have no ground at all.

Shared by the backdrops (:mod:`speech2image.imaging.compose.scenery`), which paint the
horizon, and the layout (:mod:`speech2image.imaging.compose.layout`), which stands things
on the ground plane below it, so that the two always agree.
"""

from __future__ import annotations

HORIZON_FRACTION = 0.55
"""Where the sky meets the ground (indoors: the wall meets the floor), from the top."""

FLOATING_SETTINGS = frozenset({"space", "underwater", "sky"})
"""Settings without a ground plane: things float there and cast no contact shadow."""

INDOOR_SETTINGS = frozenset(
    {"room", "kitchen", "bedroom", "bathroom", "classroom", "office", "library",
     "restaurant", "shop", "hospital", "greenhouse", "stage", "studio", "cave"}
)  # fmt: skip
"""Settings drawn as a wall over a floor rather than a sky over land."""
