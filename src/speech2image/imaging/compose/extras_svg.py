"""The pieces the project's own drawings are made of, in OpenMoji's style.

OpenMoji's style guide: a 72-unit grid, a 2-unit black outline with round joins and caps,
flat fills from its palette (the colours below are OpenMoji's own). Every drawing of
:mod:`speech2image.imaging.compose.extras` and its sibling modules is built from these
helpers, so that all of them read as one set beside the emoji.
"""

from __future__ import annotations

from dataclasses import dataclass

STROKE = 'stroke="#000" stroke-width="2" stroke-linejoin="round" stroke-linecap="round"'
WOOD, WOOD_DARK, BROWN = "#C19A65", "#A57939", "#6A462F"
GREY, GREY_LIGHT, WHITE, DARK = "#9B9B9A", "#D0CFCE", "#FFFFFF", "#3F3F3F"
RED, RED_DARK, ORANGE, ORANGE_DARK = "#EA5A47", "#D22F27", "#F4AA41", "#E27022"
YELLOW, YELLOW_DARK = "#FCEA2B", "#F1B31C"
BLUE, BLUE_LIGHT, BLUE_DARK = "#61B2E4", "#92D3F5", "#1E50A0"
GREEN, GREEN_LIGHT, GREEN_DARK = "#5C9E31", "#B1CC33", "#3F7A28"
PURPLE, PURPLE_DARK, PINK, SAND = "#B399C8", "#8967AA", "#FFA7C0", "#F1D9A9"

SIZES = ("tiny", "small", "medium", "large", "huge")
"""The size classes of :data:`speech2image.imaging.compose.sizes.SIZE_CLASSES`."""


@dataclass(frozen=True, slots=True)
class Extra:
    """One drawing the project keeps in code, and the words that name it."""

    name: str
    """The asset's name: the noun it draws."""
    aliases: tuple[str, ...]
    """Other nouns for exactly this thing ("bookcase" for a bookshelf): the matcher takes
    each as the drawing's own name, ahead of the packs' curated tables."""
    size: str
    """Its size class (one of :data:`SIZES`): how tall one stands in a picture."""
    svg: str
    tags: tuple[str, ...] = ()
    """Looser words about it ("furniture"), kept in the index but never matched as names."""

    def __post_init__(self) -> None:
        if self.size not in SIZES:
            raise ValueError(f"size={self.size!r} for {self.name!r}; choose one of {SIZES}")


def svg(body: str) -> str:
    """A whole drawing: ``body`` on the 72-unit grid, outlined in OpenMoji's stroke."""
    return (
        f'<svg viewBox="0 0 72 72" xmlns="http://www.w3.org/2000/svg"><g {STROKE}>{body}</g></svg>'
    )


def rect(x: float, y: float, w: float, h: float, fill: str, r: float = 1) -> str:
    """A rectangle with corners rounded by ``r``."""
    return f'<rect x="{x}" y="{y}" width="{w}" height="{h}" rx="{r}" fill="{fill}"/>'


def circle(cx: float, cy: float, r: float, fill: str) -> str:
    """A circle."""
    return f'<circle cx="{cx}" cy="{cy}" r="{r}" fill="{fill}"/>'


def ellipse(cx: float, cy: float, rx: float, ry: float, fill: str) -> str:
    """An ellipse."""
    return f'<ellipse cx="{cx}" cy="{cy}" rx="{rx}" ry="{ry}" fill="{fill}"/>'


def path(d: str, fill: str = "none") -> str:
    """A path (SVG path data ``d``), unfilled unless ``fill`` is given."""
    return f'<path d="{d}" fill="{fill}"/>'


def line(x1: float, y1: float, x2: float, y2: float) -> str:
    """A black line of the outline's width."""
    return f'<line x1="{x1}" y1="{y1}" x2="{x2}" y2="{y2}"/>'


def bar(x1: float, y1: float, x2: float, y2: float, width: float, fill: str) -> str:
    """An outlined bar ``width`` wide from (x1, y1) to (x2, y2): a pole, a plank."""
    length = max(1e-6, ((x2 - x1) ** 2 + (y2 - y1) ** 2) ** 0.5)
    dx, dy = -(y2 - y1) / length * width / 2, (x2 - x1) / length * width / 2
    corners = ((x1 + dx, y1 + dy), (x2 + dx, y2 + dy), (x2 - dx, y2 - dy), (x1 - dx, y1 - dy))
    return path("M" + " L".join(f"{x:.1f},{y:.1f}" for x, y in corners) + " Z", fill)


def thin(body: str) -> str:
    """``body`` drawn with a 1-unit stroke: details (a grid of mesh, writing on a board)."""
    return f'<g stroke-width="1">{body}</g>'
