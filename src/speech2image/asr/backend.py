"""The speech recognizer protocol, and the records every backend returns.

A backend implements one blocking method, :meth:`SpeechRecognizer.recognize`, over a
finished piece of audio. The streaming policy around it lives in
:mod:`speech2image.asr.streaming`; backends never import each other.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

import numpy as np

from speech2image.asr.policy import Word


@dataclass(frozen=True, slots=True)
class RecognizedSegment:
    """A stretch of recognised speech; times in seconds from the start of the audio given."""

    text: str
    start_s: float
    end_s: float
    words: tuple[Word, ...]
    no_speech_prob: float = 0.0
    avg_logprob: float = 0.0
    compression_ratio: float = 1.0


class SpeechRecognizer(Protocol):
    """Recognises one piece of 16 kHz mono float32 audio (blocking)."""

    def recognize(
        self, audio: np.ndarray, *, prompt: str | None = None, beam_size: int = 5
    ) -> list[RecognizedSegment]:
        """Recognise ``audio``; ``prompt`` is the text said just before, for continuity."""
        ...
