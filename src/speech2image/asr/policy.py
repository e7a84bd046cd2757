"""Pure streaming policies: sentence isolation, local agreement and hallucination filtering.

Nothing here touches a model or a clock; every function works on plain lists of
:class:`Word` and is unit-tested in milliseconds.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

SENTENCE_END = (".", "?", "!")
CLAUSE_END = (",", ";", ":")
CLAUSE_STARTERS = frozenset(
    [
        *("and", "but", "so", "then", "because", "while", "when"),
        *("although", "though", "which", "who", "where", "or", "yet"),
    ]
)


@dataclass(frozen=True, slots=True)
class Word:
    """One recognised word with absolute times in seconds of the session's audio."""

    text: str
    start_s: float
    end_s: float
    probability: float = 1.0

    @property
    def key(self) -> str:
        """The word without case or punctuation, for comparing passes."""
        return normalize_word(self.text)


@dataclass(frozen=True, slots=True)
class Sentence:
    """Consecutive words that make one finished sentence."""

    words: tuple[Word, ...]

    @property
    def text(self) -> str:
        return join_words(self.words)

    @property
    def start_s(self) -> float:
        return self.words[0].start_s

    @property
    def end_s(self) -> float:
        return self.words[-1].end_s


def normalize_word(text: str) -> str:
    return re.sub(r"[^\w']", "", text.lower())


def join_words(words: Sequence[Word]) -> str:
    """Whisper words carry their own leading spaces; join and tidy them."""
    return re.sub(r"\s+", " ", "".join(w.text for w in words)).strip()


ABBREVIATIONS = frozenset(["mr", "mrs", "ms", "dr", "st", "mt", "prof", "sr", "jr"])
"""Words whose full stop is an abbreviation's ("Mr. Dashwood"), never a sentence end."""


def ends_sentence(word: Word) -> bool:
    text = word.text.rstrip().rstrip("\"')]")
    if text.endswith(".") and word.key in ABBREVIATIONS:
        return False
    return text.endswith(SENTENCE_END)


FRAGMENT_WORDS = 2
"""A "sentence" this short ("us.") is more often the tail of the one before or the start of
the next than a sentence of its own."""


def is_fragment(words: Sequence[Word]) -> bool:
    """One or two words that Whisper itself wrote as going on: the first in lower case
    ("us.", "at home."), where a sentence of its own is capitalised ("It ran.")."""
    if not words or len(words) > FRAGMENT_WORDS:
        return False
    first = words[0].text.strip()
    return first[:1].islower()


def split_sentences(words: Sequence[Word], *, max_words: int = 25) -> list[Sentence]:
    """Split words at sentence punctuation, and split run-ons longer than ``max_words``.

    A run-on is cut at the clause boundary nearest its middle: after a comma, semicolon or
    colon, or before a conjunction such as "and" or "because"; failing those, at the middle.
    The last group is returned even without closing punctuation (the caller decides whether
    it is finished). A closed fragment after a sentence ("The wolf chased. us.", see
    :func:`is_fragment`) is the tail of that sentence, where Whisper took a pause for its
    end: it joins it rather than becoming a sentence, and a picture, of its own.
    """
    if max_words < 2:
        raise ValueError(f"max_words must be at least 2, got {max_words}")
    groups: list[list[Word]] = []
    current: list[Word] = []
    for word in words:
        current.append(word)
        if ends_sentence(word):
            if groups and is_fragment(current):
                groups[-1].extend(current)
            else:
                groups.append(current)
            current = []
    if current:
        groups.append(current)

    sentences: list[Sentence] = []
    for group in groups:
        sentences.extend(Sentence(tuple(part)) for part in _split_run_on(group, max_words))
    return sentences


def _split_run_on(words: list[Word], max_words: int) -> list[list[Word]]:
    if len(words) <= max_words:
        return [words]
    middle = len(words) // 2
    candidates = [
        i
        for i in range(2, len(words) - 1)
        if words[i - 1].text.rstrip().endswith(CLAUSE_END) or words[i].key in CLAUSE_STARTERS
    ]
    cut = min(candidates, key=lambda i: abs(i - middle)) if candidates else middle
    return _split_run_on(words[:cut], max_words) + _split_run_on(words[cut:], max_words)


def agreed_prefix(previous: Sequence[Word], current: Sequence[Word]) -> int:
    """LocalAgreement-2 (Macháček et al. 2023): how many leading words two passes share.

    Words are compared without case and punctuation, so "dog," and "dog." agree.
    """
    n = 0
    for a, b in zip(previous, current, strict=False):
        if a.key != b.key or not a.key:
            break
        n += 1
    return n


def committable_sentences(
    words: Sequence[Word], agreed: int, *, max_words: int = 25
) -> list[Sentence]:
    """The complete sentences inside the first ``agreed`` words that are safe to finalise.

    A sentence is safe when the passes agree on it and on at least one word after it, so
    its closing punctuation is not a guess at the end of the audio heard so far.
    """
    if agreed < 2:
        return []
    stable = list(words[: agreed - 1])
    sentences = split_sentences(stable, max_words=max_words)
    done = [s for s in sentences if ends_sentence(s.words[-1])]
    # Keep the order: only a leading run of complete sentences can be committed.
    result: list[Sentence] = []
    for s in sentences:
        if s not in done:
            break
        result.append(s)
    return result


# Phrases Whisper is known to produce on silence and noise: subtitle credits and outros in
# its training data (Koenecke et al. 2024, "Careless Whisper"; faster-whisper issue reports).
HALLUCINATED_PHRASES = frozenset(
    normalize_word(p)
    for p in (
        "thanks for watching",
        "thank you for watching",
        "thank you so much for watching",
        "thanks for watching and see you next time",
        "see you in the next video",
        "please subscribe",
        "please subscribe to my channel",
        "like and subscribe",
        "subtitles by the amaraorg community",
        "transcription by castingwords",
    )
)
# Short words that are real speech as often as not: dropped only when Whisper itself
# doubted there was speech at all.
DOUBTFUL_PHRASES = frozenset(
    normalize_word(p) for p in ("you", "thank you", "bye", "bye bye", "so", "oh", "okay", "hmm")
)


def is_hallucination(text: str, *, no_speech_prob: float = 0.0) -> bool:
    """True for text with no words, bracketed sound tags such as ``[Music]``, the known
    credit phrases, and doubtful one-word lines when ``no_speech_prob`` is above 0.2."""
    stripped = text.strip()
    key = normalize_word(stripped)
    if not re.search(r"[a-z0-9]", key):
        return True
    if re.fullmatch(r"[\[(♪*].*[\])♪*]", stripped):
        return True
    if key in HALLUCINATED_PHRASES:
        return True
    return key in DOUBTFUL_PHRASES and no_speech_prob > 0.2
