"""From AssemblyAI ``Turn`` messages to partial and final transcript events (pure).

No I/O and no clock: :class:`TurnMapper` is unit-tested on plain messages.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from speech2image.asr.assemblyai_protocol import TurnMessage
from speech2image.asr.backend import TranscriptEvent
from speech2image.asr.policy import Word, split_sentences
from speech2image.events import FinalTranscript, PartialTranscript


@dataclass(frozen=True, slots=True)
class ReceivedTurn:
    """A ``Turn`` and the session time (seconds) at which its connection's clock starts."""

    offset_s: float
    turn: TurnMessage


class TurnMapper:
    """Maps ``Turn`` messages to partial and final events (pure; no I/O, no clock).

    A turn that ended (formatted, when formatting was asked for) becomes one final event
    per sentence, numbered from 0 and never revised; any other turn replaces the partial.
    """

    def __init__(self, *, format_turns: bool = True, max_sentence_words: int = 25) -> None:
        self._format_turns = format_turns
        self._max_sentence_words = max_sentence_words
        self._next_index = 0
        self._last_end_s = 0.0
        self._partial_text = ""
        self._open: ReceivedTurn | None = None

    @property
    def last_end_s(self) -> float:
        """End of the last final sentence, in session seconds."""
        return self._last_end_s

    def map(self, received: ReceivedTurn) -> list[TranscriptEvent]:
        """The events one turn message gives (maybe none)."""
        turn = received.turn
        if turn.end_of_turn and (turn.turn_is_formatted or not self._format_turns):
            self._open = None
            return self._finals(turn.transcript, turn, received.offset_s) + self._clear_partial()
        self._open = received
        # The word still being heard (word_is_final false) is in ``words``; whether the
        # service also puts it in a partial ``transcript`` is not documented, so build the
        # partial text from the words when there are any.
        text = " ".join(w.text for w in turn.words) if turn.words else turn.transcript
        if text == self._partial_text:
            return []
        self._partial_text = text
        start_s = received.offset_s + turn.words[0].start_ms / 1000 if turn.words else 0.0
        return [PartialTranscript(text=text, start_s=max(start_s, self._last_end_s))]

    def flush(self) -> list[TranscriptEvent]:
        """End of audio: a turn that never ended becomes final as last heard."""
        events: list[TranscriptEvent] = []
        if self._open is not None:
            turn = self._open.turn
            text = " ".join(w.text for w in turn.words) if turn.words else turn.transcript
            events = self._finals(text, turn, self._open.offset_s)
            self._open = None
        return events + self._clear_partial()

    def _finals(self, text: str, turn: TurnMessage, offset_s: float) -> list[TranscriptEvent]:
        tokens = text.split()
        if not tokens:
            return []
        words = turn.words
        if len(words) == len(tokens):
            records = [
                Word(
                    " " + token,
                    offset_s + w.start_ms / 1000,
                    offset_s + w.end_ms / 1000,
                    w.confidence,
                )
                for token, w in zip(tokens, words, strict=True)
            ]
            sentences = [
                (s.text, s.start_s, s.end_s)
                for s in split_sentences(records, max_words=self._max_sentence_words)
            ]
        else:
            # Formatting can merge words ("twenty five" -> "25"), so the text no longer lines
            # up with the words: keep the turn whole, with the times of its first and last word.
            start_s = offset_s + words[0].start_ms / 1000 if words else self._last_end_s
            end_s = offset_s + words[-1].end_ms / 1000 if words else self._last_end_s
            sentences = [(" ".join(tokens), start_s, end_s)]
        events: list[TranscriptEvent] = []
        for sentence_text, start_s, end_s in sentences:
            start_s = max(start_s, self._last_end_s)
            end_s = max(end_s, start_s)
            events.append(
                FinalTranscript(
                    index=self._next_index, text=sentence_text, start_s=start_s, end_s=end_s
                )
            )
            self._next_index += 1
            self._last_end_s = end_s
        return events

    def _clear_partial(self) -> list[TranscriptEvent]:
        if not self._partial_text:
            return []
        self._partial_text = ""
        return [PartialTranscript(text="", start_s=self._last_end_s)]


def to_pcm16(samples: np.ndarray) -> bytes:
    """Float samples in [-1, 1] as little-endian 16-bit PCM (int16 input round-trips)."""
    scaled = np.clip(np.round(samples * 32768.0), -32768, 32767)
    return scaled.astype("<i2").tobytes()
