"""Contact sheets: a grid of thumbnails, each captioned with its sentence in small text.

Used by ``speech2image render --batch ... --sheet`` and ``speech2image bench faithfulness
--sheet``, so a person can look at many pictures at once. Captions use DejaVu Sans (Debian's
fonts-dejavu-core) and fall back to Pillow's own font where it is missing. A thumbnail with a
verdict gets a green (right) or red (wrong) frame.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

FONT_FILES = ("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "DejaVuSans.ttf")
"""Where fonts-dejavu-core puts the font, then the name for Pillow's own font search."""
PAD_PX = 8
FRAME_PX = 4
BACKGROUND = (255, 255, 255)
TEXT = (30, 30, 30)
RIGHT, WRONG = (40, 160, 70), (210, 50, 40)

Font = ImageFont.FreeTypeFont | ImageFont.ImageFont


@dataclass(frozen=True, slots=True)
class SheetItem:
    """One picture of a sheet, its caption and, when scored, whether it is right."""

    image: Image.Image
    caption: str
    correct: bool | None = None


@functools.cache
def caption_font(size_px: int) -> Font:
    """DejaVu Sans at ``size_px``, else Pillow's default font."""
    for name in FONT_FILES:
        try:
            return ImageFont.truetype(name, size_px)
        except OSError:
            continue
    try:
        return ImageFont.load_default(size=size_px)
    except TypeError:  # Pillow before 10.1 has one size only
        return ImageFont.load_default()


def wrap(text: str, font: Font, width_px: int, max_lines: int) -> list[str]:
    """``text`` broken into lines no wider than ``width_px``; an ellipsis when cut short."""
    lines: list[str] = []
    line = ""
    for word in text.split():
        candidate = f"{line} {word}".strip()
        if line and font.getlength(candidate) > width_px:
            lines.append(line)
            line = word
        else:
            line = candidate
    if line:
        lines.append(line)
    if len(lines) > max_lines:
        last = lines[max_lines - 1]
        while last and font.getlength(last + "…") > width_px:
            last = last[:-1]
        lines = [*lines[: max_lines - 1], last.rstrip() + "…"]
    return lines


def contact_sheet(
    items: Sequence[SheetItem],
    *,
    columns: int = 6,
    thumb_px: int = 192,
    font_px: int = 11,
    caption_lines: int = 4,
) -> Image.Image:
    """A grid of ``items``: thumbnails ``thumb_px`` wide, captions below each."""
    if not items:
        raise ValueError("items is empty; a contact sheet needs at least one picture")
    if columns < 1 or thumb_px < 16:
        raise ValueError(f"columns={columns}, thumb_px={thumb_px}: need >= 1 and >= 16")
    font = caption_font(font_px)
    line_px = font_px + 3
    cell_w = thumb_px + 2 * PAD_PX
    cell_h = thumb_px + 2 * PAD_PX + caption_lines * line_px
    columns = min(columns, len(items))
    rows = math.ceil(len(items) / columns)
    sheet = Image.new("RGB", (columns * cell_w, rows * cell_h), BACKGROUND)
    draw = ImageDraw.Draw(sheet)
    for k, item in enumerate(items):
        x, y = (k % columns) * cell_w + PAD_PX, (k // columns) * cell_h + PAD_PX
        thumb = item.image.convert("RGB")
        thumb.thumbnail((thumb_px, thumb_px), Image.Resampling.LANCZOS)
        sheet.paste(thumb, (x + (thumb_px - thumb.width) // 2, y + (thumb_px - thumb.height) // 2))
        if item.correct is not None:
            draw.rectangle((x - FRAME_PX // 2, y - FRAME_PX // 2, x + thumb_px + FRAME_PX // 2,
                            y + thumb_px + FRAME_PX // 2),
                           outline=RIGHT if item.correct else WRONG, width=FRAME_PX)  # fmt: skip
        for n, line in enumerate(wrap(item.caption, font, thumb_px, caption_lines)):
            draw.text((x, y + thumb_px + 4 + n * line_px), line, fill=TEXT, font=font)
    return sheet


def write_sheet(items: Sequence[SheetItem], path: Path, **layout: int) -> Path:
    """Write the contact sheet of ``items`` as PNG to ``path`` (folders made as needed)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    contact_sheet(items, **layout).save(path, format="PNG", optimize=False, compress_level=6)
    return path
