"""The scene builder protocol: from the words of a sentence to a :class:`Scene`."""

from __future__ import annotations

from typing import Protocol

from speech2image.scene import Scene


class SceneBuilder(Protocol):
    """Parses text into a scene (blocking). One builder serves many sessions."""

    def build(self, text: str, *, context: object | None = None, final: bool = True) -> Scene:
        """Parse ``text``.

        ``context`` is the per-session state returned by :meth:`new_context`; a final sentence
        updates it (setting, cast, what "it" refers to), a draft only reads it.
        """
        ...

    def new_context(self) -> object:
        """Fresh per-session context for :meth:`build`."""
        ...
