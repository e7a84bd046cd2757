"""The clip-art composer: assets, matching, layout, drawing and styles."""

from speech2image.imaging.compose.composer import ClipArtComposer
from speech2image.imaging.compose.styles import STYLES

__all__ = ["STYLES", "ClipArtComposer"]
