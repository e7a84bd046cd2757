"""Pure end-of-sentence policies: how long a pause must last, and where a run-on is cut.

A pause ends a sentence sooner when the words so far are a complete sentence, and later when
they plainly go on ("a cat sitting on the …"), so a speaker's pauses inside a sentence do not
split it and finished sentences do not wait. A long sentence without a pause is cut at a
clause boundary so a picture still comes every few seconds. Nothing here touches a model or a
clock: it works on :class:`~speech2image.asr.policy.Word` lists and plain numbers.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from speech2image.asr.policy import (
    CLAUSE_END,
    CLAUSE_STARTERS,
    FRAGMENT_WORDS,
    Word,
    ends_sentence,
)

UNFINISHED_ENDINGS = frozenset(
    [
        # Articles, possessives and quantifiers want a noun after them.
        *("a", "an", "the", "my", "your", "his", "her", "its", "our", "their", "this"),
        *("that", "these", "those", "some", "every", "each", "no", "any"),
        # Prepositions and infinitive "to" want an object.
        *("on", "in", "at", "of", "to", "with", "under", "over", "into", "onto", "from"),
        *("by", "for", "about", "behind", "beside", "between", "near", "through", "across"),
        # Conjunctions and linking verbs want a clause or a complement.
        *("and", "or", "but", "because", "so", "if", "when", "while", "than", "then"),
        *("is", "are", "was", "were", "be", "am", "very", "really", "quite"),
    ]
)
"""Words a sentence almost never ends on: Whisper may still close them with a full stop."""


@dataclass(frozen=True, kw_only=True)
class PausePolicy:
    """How long a pause (ms) ends a sentence, by what the words so far look like."""

    complete_ms: int = 250
    """After a complete sentence: closing punctuation on a word that can end one."""
    default_ms: int = 500
    """After words without closing punctuation that do not plainly go on."""
    unfinished_ms: int = 1000
    """After words that plainly go on, and after a fragment of one or two words."""
    recheck_ms: int = 200
    """Words heard earlier than this into the pause whose last word Whisper doubts are
    heard again (:attr:`~speech2image.asr.speculation.Speculation.doubtful`)."""

    def __post_init__(self) -> None:
        if not 0 < self.complete_ms <= self.default_ms <= self.unfinished_ms:
            raise ValueError(
                "pause policy needs 0 < complete_ms <= default_ms <= unfinished_ms, got "
                f"{self.complete_ms}, {self.default_ms}, {self.unfinished_ms}"
            )

    def pause_ms(self, words: Sequence[Word]) -> int:
        """The pause after ``words`` that ends their sentence."""
        if not words:
            return self.default_ms
        # A fragment after a pause waits as long as unfinished words, for what comes next.
        if is_unfinished(words) or len(words) <= FRAGMENT_WORDS:
            return self.unfinished_ms
        if ends_sentence(words[-1]):
            return self.complete_ms
        return self.default_ms


def is_unfinished(words: Sequence[Word]) -> bool:
    """The words plainly go on: they end on an article, a preposition, a conjunction, a
    linking verb, a comma or a dash, whatever punctuation Whisper put after it."""
    if not words:
        return False
    last = words[-1]
    text = last.text.rstrip()
    if text.endswith((*CLAUSE_END, "-", "…", "...")):
        return True
    return last.key in UNFINISHED_ENDINGS


def clause_cut(words: Sequence[Word], *, max_span_s: float, min_words: int = 4) -> int:
    """Where to cut a sentence still being spoken whose words span more than ``max_span_s``.

    Returns how many leading words make a clause to finalise now: up to the last comma,
    semicolon or colon, or before the last conjunction ("and", "because"), with at least
    ``min_words`` either side; 0 when the words are short enough or have no such boundary.
    The first complete sentence, if any, is not this function's business (0 then too).
    """
    if len(words) < 2 * min_words or words[-1].end_s - words[0].start_s <= max_span_s:
        return 0
    if any(ends_sentence(w) for w in words[:-1]):
        return 0
    best = 0
    for i in range(min_words, len(words) - min_words + 1):
        after_clause_end = words[i - 1].text.rstrip().endswith(CLAUSE_END)
        before_starter = words[i].key in CLAUSE_STARTERS
        if (after_clause_end or before_starter) and words[i - 1].key not in UNFINISHED_ENDINGS:
            best = i
    return best
