"""The scene builder protocol: from the words of a sentence to a :class:`Scene`."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from speech2image.scene import Scene


@dataclass(frozen=True, slots=True)
class SourceText:
    """A sentence as it was said in another language than English, beside the English
    translation its scene is built from."""

    language: str
    """The language said, a Whisper code such as ``es``."""
    text: str


class SceneBuilder(Protocol):
    """Parses text into a scene (blocking). One builder serves many sessions."""

    def build(
        self,
        text: str,
        *,
        context: object | None = None,
        final: bool = True,
        source: SourceText | None = None,
    ) -> Scene:
        """Parse ``text``.

        ``context`` is the per-session state returned by :meth:`new_context`; a final sentence
        updates it (setting, cast, what "it" refers to), a draft only reads it. ``source`` is
        the sentence as said when ``text`` is its English translation: the things it names
        that the translation lost are drawn too.
        """
        ...

    def new_context(self) -> object:
        """Fresh per-session context for :meth:`build`."""
        ...
