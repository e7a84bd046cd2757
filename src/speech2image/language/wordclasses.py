"""Which classes a word can belong to at all, from the spaCy pipeline's own lemmatiser tables.

The small English model tags rare nouns by their shape: "a little narwhal" and "a pelican
sitting" come out as adjectives, "a turtle swam past" as the compound noun "turtle swam".
Its rule lemmatiser ships WordNet's word lists (``lemma_index``: every noun, verb and
adjective lemma; ``lemma_exc``: irregular forms such as "swam" -> "swim"), so whether a
word can be a noun, a verb or an adjective at all is known without another model: a word
WordNet knows only as a noun is a noun whatever its tag, and a form WordNet knows only as
a verb is a verb.

The builder reads the tables once, when it loads the pipeline, and hands them to each
parsed ``Doc`` (:func:`attach`); code that sees only a token reads them back with
:func:`word_classes` (``None`` for a ``Doc`` parsed without the builder).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

_KEY = "speech2image.word_classes"


@dataclass(frozen=True, slots=True)
class WordClasses:
    """The lemmas WordNet lists per class, and the irregular verb forms."""

    nouns: frozenset[str]
    verbs: frozenset[str]
    adjectives: frozenset[str]
    verb_forms: frozenset[str]
    """Irregular inflected forms of verbs ("swam", "drank", "flew")."""

    @classmethod
    def from_pipeline(cls, nlp: Any) -> WordClasses | None:
        """The tables of ``nlp``'s rule lemmatiser, or ``None`` when it has none."""
        try:
            lookups = nlp.get_pipe("lemmatizer").lookups
            index, exceptions = lookups.get_table("lemma_index"), lookups.get_table("lemma_exc")
            nouns, verbs, adjectives = index["noun"], index["verb"], index["adj"]
            forms = exceptions["verb"]
        except (KeyError, ValueError, AttributeError):
            return None
        return cls(frozenset(nouns), frozenset(verbs), frozenset(adjectives), frozenset(forms))

    def only_noun(self, word: str) -> bool:
        """True for a word that can be a noun and nothing else ("narwhal", "pelican")."""
        word = word.lower()
        return word in self.nouns and word not in self.adjectives and word not in self.verbs

    def only_verb_form(self, word: str) -> bool:
        """True for an irregular verb form that is no noun ("swam", "drank"; not "saw")."""
        word = word.lower()
        return word in self.verb_forms and word not in self.nouns


def attach(doc: Any, classes: WordClasses | None) -> None:
    """Hand ``classes`` to ``doc`` for :func:`word_classes`."""
    if classes is not None:
        doc.user_data[_KEY] = classes


def word_classes(token: Any) -> WordClasses | None:
    """The word classes handed to ``token``'s ``Doc``, or ``None``."""
    found = token.doc.user_data.get(_KEY)
    return found if isinstance(found, WordClasses) else None
