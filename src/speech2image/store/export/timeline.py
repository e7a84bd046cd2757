"""When each shot of an exported video plays, and when its caption shows.

One shot per sentence, as long as the sentence (from its start to the next sentence's start;
the first from 0, the last until the audio ends or a short hold after its last word).
Captions and subtitle files use the same timeline, so the ``.srt`` and ``.vtt`` match the
burnt-in captions.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

MIN_SHOT_S = 1.5
"""A shot never lasts less than this, even for sentences typed at the same instant."""
TAIL_S = 1.5
"""The last shot holds this long after its sentence ends (unless the audio goes on longer)."""
CAPTION_HOLD_S = 2.0
"""A caption stays this long after its sentence ends, within its shot."""
MIN_CAPTION_S = 1.0
"""A caption shows at least this long (within its shot)."""


@dataclass(frozen=True, slots=True)
class Shot:
    """One sentence's stretch of the exported video."""

    index: int
    text: str
    start_s: float
    end_s: float
    caption_start_s: float
    caption_end_s: float
    picture: Path | None
    """The picture file, or ``None`` when the sentence has none (a placeholder is drawn)."""

    @property
    def duration_s(self) -> float:
        return self.end_s - self.start_s


def build_timeline(
    sentences: list[dict[str, Any]],
    picture_of: Callable[[dict[str, Any]], Path | None],
    *,
    audio_s: float = 0.0,
) -> list[Shot]:
    """The shots for a manifest's ``sentences``; ``picture_of`` finds each one's file."""
    starts: list[float] = []
    for i, sentence in enumerate(sentences):
        start = 0.0 if i == 0 else max(float(sentence["start"]), starts[-1] + MIN_SHOT_S)
        starts.append(start)
    shots: list[Shot] = []
    for i, sentence in enumerate(sentences):
        start = starts[i]
        if i + 1 < len(starts):
            end = starts[i + 1]
        else:
            end = max(float(sentence["end"]) + TAIL_S, audio_s, start + MIN_SHOT_S)
        caption_end = max(float(sentence["end"]), start + MIN_CAPTION_S) + CAPTION_HOLD_S
        shots.append(
            Shot(
                index=int(sentence["index"]),
                text=str(sentence["text"]),
                start_s=start,
                end_s=end,
                caption_start_s=start,
                caption_end_s=min(end, caption_end),
                picture=picture_of(sentence),
            )
        )
    return shots


def _timestamp(seconds: float, separator: str) -> str:
    millis = round(max(0.0, seconds) * 1000)
    hours, millis = divmod(millis, 3_600_000)
    minutes, millis = divmod(millis, 60_000)
    secs, millis = divmod(millis, 1000)
    return f"{hours:02d}:{minutes:02d}:{secs:02d}{separator}{millis:03d}"


def _one_line(text: str) -> str:
    # A blank line would end a cue early; "-->" would start a new timing line.
    return " ".join(text.split()).replace("-->", "→")


def to_srt(shots: list[Shot]) -> str:
    """SubRip captions, one cue per sentence."""
    cues = [
        f"{n}\n{_timestamp(shot.caption_start_s, ',')} --> "
        f"{_timestamp(shot.caption_end_s, ',')}\n{_one_line(shot.text)}\n"
        for n, shot in enumerate(shots, start=1)
    ]
    return "\n".join(cues)


def to_vtt(shots: list[Shot]) -> str:
    """WebVTT captions, one cue per sentence."""
    cues = [
        f"s{shot.index}\n{_timestamp(shot.caption_start_s, '.')} --> "
        f"{_timestamp(shot.caption_end_s, '.')}\n{_vtt_text(shot.text)}\n"
        for shot in shots
    ]
    return "WEBVTT\n\n" + "\n".join(cues)


def _vtt_text(text: str) -> str:
    # WebVTT cue text has tags and entities: a literal "<" or "&" must be escaped.
    return _one_line(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
