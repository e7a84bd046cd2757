"""One recognition pass: a recogniser's segments turned into words in stream time.

Segments that are not speech (repetition loops, Whisper's own no-speech verdict, the known
hallucinated credit lines) are dropped here, so the streaming policy only ever sees words.
"""

from __future__ import annotations

import itertools
import logging
from dataclasses import dataclass

from speech2image.asr.backend import RecognizedSegment
from speech2image.asr.options import TranscriberOptions
from speech2image.asr.policy import Sentence, Word, ends_sentence, is_hallucination, normalize_word
from speech2image.config import SAMPLE_RATE

logger = logging.getLogger(__name__)

MAX_COMPRESSION_RATIO = 2.4
"""Whisper's own threshold for repetition loops (openai/whisper, transcribe.py)."""
ECHO_WINDOW_S = 3.0
"""A final repeating the previous one word for word and starting this soon after it ends
is dropped as an echo of the prompt."""


@dataclass(frozen=True, slots=True)
class HeardPass:
    """The speech words of one pass, and the language the recogniser said it heard."""

    words: tuple[Word, ...]
    language: str | None


def heard_words(
    segments: list[RecognizedSegment], *, offset_s: float, options: TranscriberOptions
) -> HeardPass:
    """The words of the speech segments, moved by ``offset_s`` into stream time."""
    words: list[Word] = []
    for segment in segments:
        if not is_speech(segment, options):
            logger.debug("dropped non-speech segment %r", segment.text)
            continue
        words.extend(
            Word(w.text, w.start_s + offset_s, w.end_s + offset_s, w.probability)
            for w in segment.words
        )
    heard = [s.language for s in segments if s.language]
    return HeardPass(tuple(words), heard[0] if heard else None)


def is_speech(segment: RecognizedSegment, options: TranscriberOptions) -> bool:
    """False for a repetition loop, a segment Whisper itself doubts, or a hallucination."""
    if segment.compression_ratio > MAX_COMPRESSION_RATIO:
        return False
    if (
        segment.no_speech_prob > options.no_speech_threshold
        and segment.avg_logprob < options.log_prob_threshold
    ):
        return False
    return not is_hallucination(segment.text, no_speech_prob=segment.no_speech_prob)


def echoes(sentence: Sentence, last: Sentence | None) -> bool:
    """``sentence`` is ``last`` heard again right after it.

    Whisper given a little audio and the last sentences as its prompt can say the prompt
    back; a whole sentence repeated within a few seconds is that echo far more often than a
    speaker repeating themselves, and it would only redraw the picture.
    """
    return (
        last is not None
        and sentence.start_s - last.end_s < ECHO_WINDOW_S
        and _spoken(sentence) == _spoken(last)
    )


def said_once(sentences: list[Sentence], last: Sentence | None) -> list[int]:
    """The indices of ``sentences`` to make final: neither a hallucination nor an echo of
    the sentence kept before it (``last``, the previous final, for the first), since one
    pass over a short phrase may say it twice ("Three words. Three words.")."""
    kept: list[int] = []
    for i, sentence in enumerate(sentences):
        if not (is_hallucination(sentence.text) or echoes(sentence, last)):
            kept.append(i)
            last = sentence
    return kept


def _spoken(sentence: Sentence) -> list[str]:
    """The sentence's words without case or punctuation."""
    return [normalize_word(w.text) for w in sentence.words]


def by_utterance(words: list[Word], utterances: list[tuple[int, int]]) -> list[list[Word]]:
    """The words of one pass over several utterances (stream sample spans), split at the
    pauses between them: a word belongs to the utterance its middle falls in."""
    cuts = [(a[1] + b[0]) / 2 / SAMPLE_RATE for a, b in itertools.pairwise(utterances)]
    groups: list[list[Word]] = [[] for _ in utterances]
    for word in words:
        middle = (word.start_s + word.end_s) / 2
        groups[sum(middle > cut for cut in cuts)].append(word)
    return groups


def complete_before(
    sentences: list[Sentence], words: list[Word], *, horizon_s: float
) -> list[Sentence]:
    """The leading ``sentences`` (of ``words``) complete before ``horizon_s``, for speech
    that goes on past the longest pass. Whisper closes whatever it hears with a full stop,
    even a sentence cut off by the end of the buffer, so only sentences that ended before
    the horizon count; with no sentence boundary at all, the words before it (or the
    first word) are one."""
    complete: list[Sentence] = []
    for sentence in sentences:
        if not (ends_sentence(sentence.words[-1]) and sentence.end_s <= horizon_s):
            break
        complete.append(sentence)
    if not complete and words:
        head = [w for w in words if w.end_s <= horizon_s] or words[:1]
        complete = [Sentence(tuple(head))]
    return complete
