"""Every event that flows through a session, as small frozen records.

A session is one fixed pipeline::

    audio source -> streaming transcriber -> scene builder -> image engine -> store

Each stage publishes events; the web app, the CLI and the stores subscribe to them.
Partial and final transcripts are different types, and a final is never revised.
Every event has a ``type`` wire tag and :meth:`to_wire` gives the JSON-ready form.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar

from speech2image.scene import Scene


@dataclass(frozen=True, slots=True)
class Event:
    """Base of every event; ``type`` is the tag it carries on the wire."""

    type: ClassVar[str] = "event"

    def to_wire(self) -> dict[str, Any]:
        """A JSON-ready dict with the wire tag first."""
        raise NotImplementedError


@dataclass(frozen=True, slots=True)
class SessionStarted(Event):
    """A session began; ``session_id`` names it in stores and URLs."""

    type: ClassVar[str] = "session"
    session_id: str

    def to_wire(self) -> dict[str, Any]:
        return {"type": self.type, "id": self.session_id}


@dataclass(frozen=True, slots=True)
class PartialTranscript(Event):
    """The tentative tail of what is being said; the next partial replaces it."""

    type: ClassVar[str] = "partial"
    text: str
    start_s: float
    language: str | None = None
    """The language of the text where the engine knows it; drafts are drawn only from
    English text (``None`` or ``en``)."""

    def to_wire(self) -> dict[str, Any]:
        return {"type": self.type, "text": self.text, "start": round(self.start_s, 3)}


@dataclass(frozen=True, slots=True)
class FinalTranscript(Event):
    """A finished sentence; never revised. Times are seconds of the session's audio."""

    type: ClassVar[str] = "final"
    index: int
    text: str
    start_s: float
    end_s: float
    language: str | None = None
    """The language heard (a Whisper code such as ``es``) where the engine says."""
    english: str | None = None
    """Whisper's English translation when ``language`` is not English; the scene is built
    from it. ``None`` when ``text`` is English already."""

    @property
    def scene_text(self) -> str:
        """The text the pictures are drawn from: the English translation, or the text."""
        return self.english or self.text

    def to_wire(self) -> dict[str, Any]:
        wire: dict[str, Any] = {
            "type": self.type,
            "index": self.index,
            "text": self.text,
            "start": round(self.start_s, 3),
            "end": round(self.end_s, 3),
        }
        if self.language is not None:
            wire["language"] = self.language
        if self.english is not None:
            wire["english"] = self.english
        return wire


@dataclass(frozen=True, slots=True)
class SceneReady(Event):
    """The scene parsed from a sentence (final) or from partial text (draft)."""

    type: ClassVar[str] = "scene"
    index: int
    final: bool
    scene: Scene

    def to_wire(self) -> dict[str, Any]:
        return {
            "type": self.type,
            "index": self.index,
            "final": self.final,
            "scene": self.scene.to_json(),
        }


@dataclass(frozen=True, slots=True)
class ImageReady(Event):
    """A picture was drawn for sentence ``index``; drafts have ``final=False``.

    ``png`` holds the encoded picture; stores decide where it lives and may set ``path``.
    """

    type: ClassVar[str] = "image"
    index: int
    final: bool
    scene: Scene
    png: bytes = field(repr=False)
    elapsed_ms: float = 0.0

    def to_wire(self) -> dict[str, Any]:
        return {
            "type": self.type,
            "index": self.index,
            "final": self.final,
            "scene": self.scene.to_json(),
        }


@dataclass(frozen=True, slots=True)
class StageFailed(Event):
    """A stage failed on one item; the session goes on."""

    type: ClassVar[str] = "error"
    stage: str
    message: str
    index: int | None = None

    def to_wire(self) -> dict[str, Any]:
        return {"type": self.type, "stage": self.stage, "message": self.message}


@dataclass(frozen=True, slots=True)
class SessionEnded(Event):
    """The session finished: every final picture has been published."""

    type: ClassVar[str] = "done"
    session_id: str
    sentences: int
    output: Path | None = None

    def to_wire(self) -> dict[str, Any]:
        return {"type": self.type, "id": self.session_id, "sentences": self.sentences}
