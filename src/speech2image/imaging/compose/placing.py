"""Geometry helpers of the layout: boxes, group sizes, attached groups, fitting inside.

Kept apart from :mod:`speech2image.imaging.compose.layout` so that the layout reads as its
steps and these small pieces can be tested on their own.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from speech2image.imaging.compose.layout import LayoutItem


@dataclass(frozen=True, slots=True)
class Box:
    """A rectangle in pixels (float while laying out)."""

    x0: float
    y0: float
    x1: float
    y1: float

    @property
    def width(self) -> float:
        return self.x1 - self.x0

    @property
    def height(self) -> float:
        return self.y1 - self.y0

    @property
    def centre(self) -> tuple[float, float]:
        return (self.x0 + self.x1) / 2, (self.y0 + self.y1) / 2

    def moved(self, dx: float, dy: float) -> Box:
        return Box(self.x0 + dx, self.y0 + dy, self.x1 + dx, self.y1 + dy)

    def rounded(self) -> tuple[int, int, int, int]:
        return round(self.x0), round(self.y0), round(self.x1), round(self.y1)


def bounds(boxes: list[Box]) -> Box:
    """The smallest box holding all of ``boxes``."""
    return Box(
        min(b.x0 for b in boxes),
        min(b.y0 for b in boxes),
        max(b.x1 for b in boxes),
        max(b.y1 for b in boxes),
    )


def grid_shape(n: int) -> int:
    """Columns of a group of ``n``: one row up to four, two rows up to eight, else square."""
    return n if n <= 4 else math.ceil(n / 2) if n <= 8 else math.ceil(math.sqrt(n))


def arrange_group(items: list[LayoutItem], scale: float) -> tuple[float, float]:
    """Width and height of a group's instances arranged in rows at ``scale``."""
    n = len(items)
    cols = grid_shape(n)
    rows = math.ceil(n / cols)
    h = max(i.height_px for i in items) * scale
    w = max(i.height_px * i.aspect for i in items) * scale
    return cols * w * 1.12 - w * 0.12, rows * h * 1.05


def attach(
    items: list[LayoutItem],
    scale: float,
    relation: str,
    parent: list[Box],
    parent_depth: float,
    *,
    width: int,
    height: int,
) -> tuple[list[Box], float]:
    """Boxes of a group that is in, behind, in front of or around the ``parent`` group,
    and its drawing depth (behind: before the parent; otherwise after it)."""
    target = bounds(parent)
    cx, cy = target.centre
    n = len(items)
    boxes: list[Box] = []
    if relation == "in":
        # Small enough to sit inside, drawn over the parent's middle.
        h = min(max(i.height_px for i in items) * scale, target.height * 0.5)
        cols = grid_shape(n)
        for k, item in enumerate(items):
            iw = h * item.aspect
            row, col = divmod(k, cols)
            total_w = min(cols, n) * iw * 1.05
            x0 = cx - total_w / 2 + col * iw * 1.05
            y1 = cy + target.height * 0.2 - row * h
            boxes.append(Box(x0, y1 - h, x0 + iw, y1))
        return boxes, parent_depth + 0.5
    if relation == "around":
        radius_x = target.width / 2
        radius_y = target.height / 2
        for k, item in enumerate(items):
            h = item.height_px * scale * 0.8
            iw = h * item.aspect
            angle = math.pi + 2 * math.pi * k / max(n, 1)
            x = cx + math.cos(angle) * (radius_x + iw * 0.6)
            y = cy + math.sin(angle) * (radius_y + h * 0.6)
            boxes.append(Box(x - iw / 2, y - h / 2, x + iw / 2, y + h / 2))
        return boxes, parent_depth + 0.5
    behind = relation == "behind"
    factor = 0.8 if behind else 1.05
    bottom = target.y1 - 0.12 * height if behind else min(target.y1 + 0.07 * height, height * 0.99)
    hs = [i.height_px * scale * factor for i in items]
    ws = [h * i.aspect for h, i in zip(hs, items, strict=True)]
    total = sum(ws) * 1.1
    # Offset sideways so that they overlap by at most 40% of their widths and the farther
    # thing stays visible; go towards the side with more room.
    shift = (target.width + total) / 2 - 0.4 * min(total, target.width)
    x = cx + shift if cx < width / 2 else cx - shift
    x0 = x - total / 2
    for h, w in zip(hs, ws, strict=True):
        boxes.append(Box(x0, bottom - h, x0 + w, bottom))
        x0 += w * 1.1
    depth = parent_depth - 0.2 if behind else parent_depth + 0.2
    return boxes, depth


def fit_inside(boxes: list[Box], *, width: int, height: int) -> list[Box]:
    """``boxes`` moved (and, if they must be, shrunk about their centre) into the canvas."""
    if not boxes:
        return boxes
    whole = bounds(boxes)
    scale = min(1.0, (width - 2) / max(whole.width, 1.0), (height - 2) / max(whole.height, 1.0))
    if scale < 1.0:
        cx, cy = whole.centre
        boxes = [
            Box(cx + (b.x0 - cx) * scale, cy + (b.y0 - cy) * scale,
                cx + (b.x1 - cx) * scale, cy + (b.y1 - cy) * scale)
            for b in boxes
        ]  # fmt: skip
        whole = bounds(boxes)
    dx = max(0.0, 1 - whole.x0) + min(0.0, width - 1 - whole.x1)
    dy = max(0.0, 1 - whole.y0) + min(0.0, height - 1 - whole.y1)
    return [b.moved(dx, dy) for b in boxes]
