"""How a session schedules its pictures (:class:`SessionOptions`)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, kw_only=True)
class SessionOptions:
    """How a session schedules its pictures."""

    pictures: bool = True
    """Draw pictures at all; ``False`` gives a transcription-only session."""
    drafts: bool = True
    """Draw pictures of partial text while a sentence is being spoken."""
    draft_similarity: float = 0.9
    """A draft whose text is at least this similar (0-1) to the last one drawn is skipped."""
    seed: int = 0
    """Seed for every picture of the session; the same seed redraws the same pictures."""
    style: str | None = None
    """Style preset for every picture (``None``: the engine's default)."""
    pack: str | None = None
    """Clip-art pack for every picture (``None``: the engine's default)."""
    asr: str | None = None
    """Speech engine for this session (``None``: the workers' default)."""
    language: str | None = None
    """What the speaker speaks (``auto``, ``en``, ``es``, …; ``None``: the workers' default)."""
    max_batch_samples: int = 2 * 16_000
    """Most audio handed to the transcriber in one step when it falls behind (2 s)."""
    fragment_gap_s: float = 1.5
    """A final of one or two words starting this soon after the sentence before it ends
    that sentence: its picture is drawn from both."""
