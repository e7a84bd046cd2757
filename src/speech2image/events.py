"""Every event that flows through a session, as small frozen records.

A session is one fixed pipeline::

    audio source -> streaming transcriber -> scene builder -> image engine -> store

Each stage publishes events; the web app, the CLI and the stores subscribe to them.
Partial and final transcripts are different types, and a final is never revised.
Every event has a ``type`` wire tag and :meth:`to_wire` gives the JSON-ready form: it is
the one wire format, sent by the web server, printed by ``listen --json`` and documented in
docs/protocol.md (a test holds the two together). Errors carry a stable :class:`ErrorCode`
that clients act on; their ``message`` is for people and may change.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, ClassVar

from speech2image.scene import Scene


class ErrorCode(StrEnum):
    """The stable ``code`` of every ``error`` message; clients branch on it, never on text."""

    # A stage failed on one item; the session goes on.
    ASR_FAILED = "asr_failed"
    IMAGE_FAILED = "image_failed"
    STAGE_FAILED = "stage_failed"
    STAGE_TIMEOUT = "stage_timeout"
    SAVING_STOPPED = "saving_stopped"
    AUDIO_SAVING_STOPPED = "audio_saving_stopped"
    # The client broke the protocol or a limit; the connection closes after it.
    NOT_STARTED = "not_started"
    ALREADY_STARTED = "already_started"
    BAD_MESSAGE = "bad_message"
    UNKNOWN_TYPE = "unknown_type"
    MESSAGE_TOO_BIG = "message_too_big"
    RATE_LIMITED = "rate_limited"
    BAD_AUDIO = "bad_audio"
    AUDIO_TOO_FAST = "audio_too_fast"
    AUDIO_TOO_LONG = "audio_too_long"
    BAD_OPTION = "bad_option"
    BAD_TEXT = "bad_text"
    TEXT_TOO_LONG = "text_too_long"
    IDLE_TIMEOUT = "idle_timeout"
    NOT_READING = "not_reading"
    # The server cannot go on with this connection; the connection closes after it.
    SERVER_BUSY = "server_busy"
    SESSION_NOT_FOUND = "session_not_found"
    STORE_UNAVAILABLE = "store_unavailable"
    SESSION_FAILED = "session_failed"
    SERVER_FAILED = "server_failed"
    FINISH_TIMEOUT = "finish_timeout"


_STAGE_CODES = {"asr": ErrorCode.ASR_FAILED, "image": ErrorCode.IMAGE_FAILED}


@dataclass(frozen=True, slots=True)
class Event:
    """Base of every event; ``type`` is the tag it carries on the wire."""

    type: ClassVar[str] = "event"

    def to_wire(self) -> dict[str, Any]:
        """A JSON-ready dict with the wire tag first."""
        raise NotImplementedError


@dataclass(frozen=True, slots=True)
class SessionStarted(Event):
    """A session began (or resumed with ``sentences`` finished); ``session_id`` names it in
    stores and URLs."""

    type: ClassVar[str] = "session"
    session_id: str
    sentences: int = 0

    def to_wire(self) -> dict[str, Any]:
        return {"type": self.type, "id": self.session_id, "sentences": self.sentences}


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
class ImageReady(Event):
    """A picture was drawn for sentence ``index``; drafts have ``final=False``.

    ``png`` holds the encoded picture and never goes on the wire; whoever serves it (the web
    server) sets ``url`` where clients fetch it.
    """

    type: ClassVar[str] = "image"
    index: int
    final: bool
    scene: Scene
    png: bytes = field(repr=False)
    elapsed_ms: float = 0.0
    url: str | None = None

    def to_wire(self) -> dict[str, Any]:
        wire: dict[str, Any] = {"type": self.type, "index": self.index, "final": self.final}
        if self.url is not None:
            wire["url"] = self.url
        wire["scene"] = self.scene.to_json()
        return wire


@dataclass(frozen=True, slots=True)
class StageFailed(Event):
    """A stage failed on one item (the session goes on), or the connection is refused.

    ``stage`` is the pipeline stage (``asr``, ``image``), ``store``, ``session`` or
    ``connection``; ``code`` defaults to the stage's own (``asr_failed``, ``image_failed``).
    """

    type: ClassVar[str] = "error"
    stage: str
    message: str
    index: int | None = None
    code: ErrorCode | None = None

    def __post_init__(self) -> None:
        if self.code is None:
            code = _STAGE_CODES.get(self.stage, ErrorCode.STAGE_FAILED)
            object.__setattr__(self, "code", code)

    def to_wire(self) -> dict[str, Any]:
        wire: dict[str, Any] = {
            "type": self.type,
            "code": str(self.code),
            "stage": self.stage,
            "message": self.message,
        }
        if self.index is not None:
            wire["index"] = self.index
        return wire


@dataclass(frozen=True, slots=True)
class SessionEnded(Event):
    """The session finished: every final picture has been published."""

    type: ClassVar[str] = "done"
    session_id: str
    sentences: int

    def to_wire(self) -> dict[str, Any]:
        return {"type": self.type, "id": self.session_id, "sentences": self.sentences}
