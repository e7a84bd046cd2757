"""What a session hands its drawing loop (a job a sentence), and what it reports at the end."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any

from speech2image.events import FinalTranscript, StageFailed
from speech2image.language.builder import SourceText
from speech2image.scene import Scene
from speech2image.session_options import SessionOptions


@dataclass(frozen=True, slots=True)
class Job:
    """One sentence to draw: a draft of the words so far, or a final."""

    index: int
    text: str
    final: bool
    end_s: float = 0.0
    source: SourceText | None = None
    """The sentence as said when ``text`` is its English translation."""


def source_of(final: FinalTranscript) -> SourceText | None:
    """``final`` as said, when its picture is drawn from an English translation of it."""
    if final.english is None or final.language in (None, "en"):
        return None
    return SourceText(final.language, final.text)


@dataclass
class SessionSummary:
    """What a finished session produced."""

    session_id: str
    sentences: list[FinalTranscript] = field(default_factory=list)
    pictures: int = 0
    errors: list[StageFailed] = field(default_factory=list)
    elapsed_s: float = 0.0


def styled(scene: Scene, options: SessionOptions, cast: dict[str, Any]) -> Scene:
    """``scene`` with the session's style and pack choices, and what the engine said each
    entity is drawn as (``cast``), carried by the scene to the engine."""
    if options.style:
        scene = dataclasses.replace(scene, style=options.style)
    extras = {**scene.extras, **({"cast": dict(cast)} if cast else {})}
    if options.pack:
        extras["pack"] = options.pack
    return dataclasses.replace(scene, extras=extras)
