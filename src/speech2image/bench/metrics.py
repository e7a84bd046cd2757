"""Word error rate, for the ASR benchmark."""

from __future__ import annotations

import re


def normalize_text(text: str) -> list[str]:
    """Lower-case words without punctuation; hyphens split words ("re-use" → "re use")."""
    return re.findall(r"[a-z0-9']+", text.lower().replace("-", " "))


def word_error_rate(reference: str, hypothesis: str) -> float:
    """(substitutions + deletions + insertions) / reference words, by Levenshtein alignment.

    Raises ``ValueError`` for an empty reference.
    """
    return words_error_rate(normalize_text(reference), normalize_text(hypothesis))


def words_error_rate(ref: list[str], hyp: list[str]) -> float:
    """WER of word lists already split and normalised (any script, any rule)."""
    if not ref:
        raise ValueError("the reference text has no words")
    previous = list(range(len(hyp) + 1))
    for i, r in enumerate(ref, 1):
        current = [i] + [0] * len(hyp)
        for j, h in enumerate(hyp, 1):
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (r != h))
        previous = current
    return previous[-1] / len(ref)
