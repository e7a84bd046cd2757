"""The speech recognizer protocol, and the records every backend returns.

A backend implements one blocking method, :meth:`SpeechRecognizer.recognize`, over a
finished piece of audio. The streaming policy around it lives in
:mod:`speech2image.asr.streaming`; backends never import each other.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol, runtime_checkable

import numpy as np

from speech2image.asr.policy import Word
from speech2image.events import FinalTranscript, PartialTranscript

TranscriptEvent = PartialTranscript | FinalTranscript


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
    language: str | None = None
    """The language the recogniser heard (a Whisper code), where it says."""


class SpeechRecognizer(Protocol):
    """Recognises one piece of 16 kHz mono float32 audio (blocking)."""

    def recognize(
        self,
        audio: np.ndarray,
        *,
        prompt: str | None = None,
        beam_size: int = 5,
        window_s: float | None = None,
    ) -> list[RecognizedSegment]:
        """Recognise ``audio``; ``prompt`` is the text said just before, for continuity.

        ``window_s`` lets a model with a fixed input window (Whisper's 30 s) look at a
        shorter one, at least this long, to save time; ``None`` is the model's own window.
        """
        ...


@runtime_checkable
class SpeechTranslator(Protocol):
    """A recogniser that also translates speech into English (Whisper's translate task)."""

    def translate(
        self,
        audio: np.ndarray,
        *,
        language: str,
        beam_size: int = 5,
        window_s: float | None = None,
    ) -> str:
        """English text for ``audio`` spoken in ``language`` (blocking)."""
        ...


class TranscriberFailed(RuntimeError):
    """A streaming engine cannot go on (a rejected key, a closed account, a dead network).

    ``events`` holds what it heard before failing and had not returned yet.
    """

    def __init__(self, message: str, *, events: tuple[TranscriptEvent, ...] = ()) -> None:
        super().__init__(message)
        self.events = events


class Transcriber(Protocol):
    """A streaming speech engine (blocking calls, one session each).

    :class:`~speech2image.asr.streaming.StreamingTranscriber` implements it over a local
    :class:`SpeechRecognizer`; cloud engines implement it over their own streaming protocol.
    Finals are numbered from 0 in order and never revised. A failure the engine cannot
    recover from raises :class:`TranscriberFailed`; a bad chunk raises ``ValueError``.
    """

    def insert_audio_chunk(self, chunk: np.ndarray) -> None:
        """Add 16 kHz mono samples (int16 or float32); raises ``ValueError`` for a bad chunk."""
        ...

    def process_iter(self) -> list[TranscriptEvent]:
        """Return the partial and final events that the audio so far allows."""
        ...

    def finish(self) -> list[TranscriptEvent]:
        """End of audio: return the remaining events; everything heard becomes final."""
        ...

    def pop_notices(self) -> list[str]:
        """Things the user should know that did not stop the engine (a reconnect, a switch
        to a fallback engine), oldest first."""
        ...

    def close(self) -> None:
        """Release connections and threads; the transcriber is not used afterwards."""
        ...
