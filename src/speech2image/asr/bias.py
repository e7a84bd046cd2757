"""Picturable-vocabulary bias: prefer a word the composer can draw when the audio allows it.

A small recogniser mishears the nouns a picture needs ("a deer" as "I dare", "the baker" as
"the maker"). For a final pass, :class:`PicturableCorrector` looks for picturable near
homophones of the words it is unsure of (:mod:`speech2image.asr.picturable`), then asks
the recogniser to score the sentence as heard and each corrected sentence on the same
audio. A correction is kept only when its score is within ``margin_nats`` of what was
heard: the acoustic and language evidence of the model itself decides, the bias only tips
close calls. Prose is protected because "of course" scores far above "a horse" when
someone says "of course".

Why rescoring and not a prompt: passing the nouns to Whisper as ``hotwords`` or an initial
prompt changes every word of every pass; on the project's recordings it raised the WER of
prose (docs/benchmarks.md, *asr*).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol, runtime_checkable

from speech2image.asr.options import TranscriberOptions
from speech2image.asr.picturable import Candidate, PicturableLexicon
from speech2image.asr.policy import Word, join_words

logger = logging.getLogger(__name__)


@runtime_checkable
class TextScorer(Protocol):
    """A recogniser that can score texts against the audio of its last pass."""

    def score_texts(self, texts: Sequence[str]) -> list[float] | None:
        """Log-probability (nats) of each text as the transcript of the audio last
        recognised, or ``None`` when that audio is no longer available."""
        ...


@dataclass(frozen=True, slots=True)
class Correction:
    """One replacement that a final pass made, for logs and benchmarks."""

    heard: str
    corrected: str
    score_gap_nats: float
    """The corrected sentence's score minus the heard one's (negative: it scored lower)."""


class PicturableCorrector:
    """Replaces misheard words with picturable near homophones when the scores are close.

    Blocking; call :meth:`correct` right after the pass whose words it corrects, on the
    thread that ran it (the scorer reads that pass's audio).
    """

    def __init__(
        self,
        *,
        scorer: TextScorer,
        margin_nats: float = 2.0,
        max_word_probability: float = 0.9,
        max_candidates: int = 16,
        lexicon: PicturableLexicon,
    ) -> None:
        if margin_nats < 0:
            raise ValueError(f"margin_nats must be at least 0, got {margin_nats}")
        if not 0 < max_word_probability <= 1:
            raise ValueError(f"max_word_probability must be in (0, 1], got {max_word_probability}")
        if max_candidates < 1:
            raise ValueError(f"max_candidates must be at least 1, got {max_candidates}")
        self.scorer = scorer
        self.margin_nats = margin_nats
        self.max_word_probability = max_word_probability
        self.max_candidates = max_candidates
        self.lexicon = lexicon
        self.corrections: list[Correction] = []
        """Every correction made so far, oldest first."""

    def correct(self, words: Sequence[Word]) -> list[Word]:
        """``words`` of one pass, with close-scoring picturable corrections applied.

        1. Words that are not picturable and that the model was unsure of are eligible.
        2. Picturable near homophones of eligible stretches are the candidates.
        3. The heard text and every candidate text are scored in one batch.
        4. Candidates within the margin are applied, best first, never overlapping; when
           several are, the combined text must still be within the margin, or only the
           best one is applied.
        """
        words = list(words)
        eligible = [self._eligible(w) for w in words]
        candidates = self.lexicon.candidates([w.text for w in words], eligible)
        candidates = candidates[: self.max_candidates]
        if not candidates:
            return words
        texts = [join_words(words)] + [join_words(_apply(words, [c])) for c in candidates]
        scores = self.scorer.score_texts(texts)
        if scores is None:
            return words
        heard, *candidate_scores = scores
        floor = heard - self.margin_nats
        ranked = sorted(zip(candidate_scores, candidates, strict=True), key=lambda p: -p[0])
        chosen: list[tuple[float, Candidate]] = []
        for score, candidate in ranked:
            if score >= floor and not any(_overlap(candidate, c) for _, c in chosen):
                chosen.append((score, candidate))
        if not chosen:
            return words
        best_score = chosen[0][0]
        if len(chosen) > 1:
            combined = self.scorer.score_texts([join_words(_apply(words, [c for _, c in chosen]))])
            if combined is None or combined[0] < floor:
                chosen = chosen[:1]
            else:
                best_score = combined[0]
        corrected = _apply(words, [c for _, c in chosen])
        self._record(join_words(words), join_words(corrected), best_score - heard)
        return corrected

    def _eligible(self, word: Word) -> bool:
        """Unsure and not already in the picture: a word that a correction may replace."""
        return word.probability < self.max_word_probability and not self.lexicon.is_kept(word.text)

    def _record(self, heard: str, corrected: str, gap_nats: float) -> None:
        self.corrections.append(Correction(heard, corrected, round(gap_nats, 3)))
        logger.info("picturable correction: %r -> %r (%.2f nats)", heard, corrected, gap_nats)


@runtime_checkable
class LexiconHolder(Protocol):
    """A recogniser that was handed the picturable vocabulary (by the factory)."""

    picturable_lexicon: PicturableLexicon | None


def picturable_corrector(
    recognizer: object, options: TranscriberOptions
) -> PicturableCorrector | None:
    """The corrector ``options`` ask for, or ``None`` when they turn it off, when the
    recogniser cannot score texts (only Whisper can) or holds no picturable lexicon."""
    if not options.picturable_correction or not isinstance(recognizer, TextScorer):
        return None
    lexicon = recognizer.picturable_lexicon if isinstance(recognizer, LexiconHolder) else None
    if lexicon is None:
        logger.warning("picturable correction is on but the recogniser has no lexicon")
        return None
    return PicturableCorrector(
        scorer=recognizer, margin_nats=options.picturable_margin_nats, lexicon=lexicon
    )


def _overlap(a: Candidate, b: Candidate) -> bool:
    return a.start < b.stop and b.start < a.stop


def _apply(words: list[Word], candidates: Sequence[Candidate]) -> list[Word]:
    """``words`` with each (non-overlapping) candidate's stretch replaced by its words."""
    result: list[Word] = []
    position = 0
    for candidate in sorted(candidates, key=lambda c: c.start):
        result += words[position : candidate.start]
        result += _replacement(words[candidate.start : candidate.stop], candidate.text)
        position = candidate.stop
    return result + words[position:]


def _replacement(heard: list[Word], text: str) -> list[Word]:
    """The candidate's words over the time of the heard ones, keeping the heard words'
    leading space, capital and trailing punctuation."""
    first, last = heard[0], heard[-1]
    lead = first.text[: len(first.text) - len(first.text.lstrip())]
    stripped = first.text.strip()
    if stripped[:1].isupper():
        text = text[:1].upper() + text[1:]
    trail = re.search(r"[^\w']*$", last.text.rstrip()).group()  # type: ignore[union-attr]
    parts = text.split()
    step = (last.end_s - first.start_s) / len(parts)
    probability = sum(w.probability for w in heard) / len(heard)
    return [
        Word(
            (lead if i == 0 else " ") + part + (trail if i == len(parts) - 1 else ""),
            first.start_s + i * step,
            first.start_s + (i + 1) * step,
            probability,
        )
        for i, part in enumerate(parts)
    ]
