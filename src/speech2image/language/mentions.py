"""Mentions: the things a parsed sentence names, with count, colour and size.

Works on a spaCy ``Doc``. A mention is one noun phrase ("three light blue cars"); the
scene builder turns it into as many scene objects as its count says.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from typing import Any

from speech2image.language.concepts import (
    COMPOUND_NOUNS,
    CONCEPT_SYMBOLS,
    KNOWN_NOUNS,
    MASS_NOUNS,
)
from speech2image.language.vocabulary import (
    COLOR_ALIASES,
    COLORS,
    MAX_COUNT,
    NOT_OBJECTS,
    NUMBER_WORDS,
    PLURAL_DEFAULT_COUNT,
    QUANTITY_PHRASES,
    SEASONS,
    SETTINGS,
    SHADE_WORDS,
    SIZE_WORDS,
    TIMES,
    WEATHER,
)

logger = logging.getLogger(__name__)

PRONOUNS = frozenset({"it", "they", "them", "he", "she", "him", "her", "itself", "themselves"})
_EMOJI = re.compile("[\U0001f000-\U0001faff\u2600-\u27bf\u2b00-\u2bff]")
# Place words that are a setting wherever they stand; others only after a preposition
# ("a house" is a thing to draw, "in the house" is where the scene is).
_ALWAYS_SETTING = frozenset(
    {"beach", "seaside", "forest", "jungle", "woods", "desert", "kitchen", "bedroom",
     "bathroom", "classroom", "underwater", "farm", "countryside", "meadow", "galaxy",
     "universe", "downtown", "seabed", "arctic", "mountains"}
)  # fmt: skip

_PLACE_PREPOSITIONS = frozenset(
    {"in", "at", "inside", "into", "across", "through", "along", "on", "over", "above",
     "within", "around", "near", "by", "to", "from", "under"}
)  # fmt: skip
"""Prepositions after which a place word names the setting ("in the city"), unlike "of"
in "in front of a house"."""


@dataclass(frozen=True, slots=True)
class Mention:
    """One noun phrase that names something to draw."""

    noun: str
    """The words that named it, singular: ``dining table``."""
    head: int
    """Index of the head token in the doc."""
    start: int
    """Index of the first token of the phrase (after any quantity words)."""
    count: int
    color: str | None = None
    size: str | None = None
    plural: bool = False
    definite: bool = False
    pronoun: str | None = None
    """The pronoun, lower case, when the mention is one ("it"); resolved by the context."""
    has_count: bool = False
    """True when the words gave a count (a number, "a few"), not just a plural."""


def place_of(token: Any) -> str | None:
    """The setting a token names, if it names one where it stands."""
    lemma = token.lemma_.lower()
    text = token.text.lower()
    key = text if text in SETTINGS else lemma
    if key not in SETTINGS:
        return None
    if key in _ALWAYS_SETTING:
        return SETTINGS[key]
    noun = token.head if token.dep_ == "compound" else token
    if noun.dep_ == "pobj" and noun.head.lower_ in _PLACE_PREPOSITIONS:
        return SETTINGS[key]
    return None


_IRREGULAR_SINGULAR = {
    "people": "person", "men": "man", "women": "woman", "children": "child", "mice": "mouse",
    "geese": "goose", "teeth": "tooth", "feet": "foot", "knives": "knife", "wolves": "wolf",
    "leaves": "leaf", "loaves": "loaf", "fish": "fish", "sheep": "sheep", "deer": "deer",
}  # fmt: skip


def singular(token: Any) -> str:
    """The singular of a noun token, trusting known nouns over the lemmatiser ("vases"
    is lemmatised "vas")."""
    word = token.lower_
    if word in _IRREGULAR_SINGULAR:
        return _IRREGULAR_SINGULAR[word]
    if word in KNOWN_NOUNS or word in MASS_NOUNS:
        return word
    for candidate in (word[:-1], word[:-2], word[:-3] + "y"):
        if word.endswith("s") and candidate in KNOWN_NOUNS:
            return candidate
    if token.tag_ in ("NNS", "NNPS") or word.endswith("s"):
        return token.lemma_.lower()
    return word


def _compound_heads(doc: Any) -> dict[int, int]:
    """Head index to first index of known compound nouns, found by their words whatever
    their tags ("fire hydrant" with "hydrant" tagged an adverb)."""
    heads: dict[int, int] = {}
    for i in range(len(doc) - 1):
        for head in (singular(doc[i + 1]), doc[i + 1].lemma_.lower()):
            if f"{doc[i].lower_} {head}" in COMPOUND_NOUNS:
                heads[i + 1] = i
    return heads


def _is_noun(token: Any, compound_heads: dict[int, int]) -> bool:
    if token.i in compound_heads:
        return True
    if token.pos_ in ("NOUN", "PROPN"):
        return True
    # The small model tags some nouns as adjectives or verbs ("an oven", "the remote").
    return singular(token) in KNOWN_NOUNS and token.dep_ not in ("amod", "compound", "advmod")


def _verbs_tagged_nouns(doc: Any, compound_heads: dict[int, int]) -> set[int]:
    """Verbs the small model took for plural nouns in a sentence without a verb: "a
    taxi waits" parsed as the compound "taxi waits"."""
    if any(t.pos_ in ("VERB", "AUX") for t in doc):
        return set()
    return {
        t.i
        for t in doc[1:]
        if t.tag_ == "NNS" and doc[t.i - 1].lower_ in KNOWN_NOUNS and t.i not in compound_heads
    }


def _noun_words(doc: Any, token: Any) -> tuple[str, int]:
    """The singular noun words of the phrase headed by ``token`` and the first index."""
    head_word = singular(token)
    if not head_word.isalpha() and not _EMOJI.search(head_word):
        head_word = token.lemma_.lower()
    words = [head_word]
    first = token.i
    i = token.i - 1
    while i >= 0:
        previous = doc[i]
        joined = f"{previous.text.lower()} {' '.join(words)}"
        if len(words) == 1 and f"{previous.lower_} {token.lemma_.lower()}" in COMPOUND_NOUNS:
            words = [token.lemma_.lower()]
            joined = f"{previous.lower_} {words[0]}"
        if joined in COMPOUND_NOUNS or (
            previous.dep_ == "compound"
            and previous.head.i == first + len(words) - 1
            and previous.lower_ not in KNOWN_NOUNS
        ):
            if previous.lower_ in COLORS or previous.lower_ in SIZE_WORDS:
                break
            words.insert(0, previous.text.lower())
            first = i
            i -= 1
            continue
        break
    return " ".join(words), first


def _quantity_before(doc: Any, start: int) -> int | None:
    """A count named by a quantity phrase ending just before ``start`` ("a couple of")."""
    words = [t.lower_ for t in doc[max(0, start - 4) : start]]
    for length in (3, 2, 1):
        if len(words) >= length and tuple(words[-length:]) in QUANTITY_PHRASES:
            return QUANTITY_PHRASES[tuple(words[-length:])]
    return None


def _modifiers(doc: Any, token: Any, first: int) -> tuple[int | None, str | None, str | None, bool]:
    """Count, colour, size and definiteness from the words before the noun."""
    count: int | None = None
    color: str | None = None
    size: str | None = None
    definite = False
    left = first
    while left > 0 and _is_modifier(doc[left - 1]):
        left -= 1
    span = list(doc[left:first])
    for k, t in enumerate(span):
        word = t.lower_
        if word in ("the", "this", "that", "these", "those", "my", "his", "her", "their"):
            definite = True
        if t.like_num and count is None:
            count = _parse_number(word)
        elif word in NUMBER_WORDS and count is None:
            count = NUMBER_WORDS[word]
        elif word in ("a", "an", "another", "each", "every") and count is None:
            count = 1
        if word in COLORS:
            color = COLOR_ALIASES.get(word, word)
            if k > 0 and span[k - 1].lower_ in SHADE_WORDS:
                color = f"{span[k - 1].lower_} {color}"
        if word in SIZE_WORDS:
            size = SIZE_WORDS[word]
    quantity = _quantity_before(doc, left)
    for k in range(len(span), 0, -1):
        found = _quantity_before(doc, left + k)
        if quantity is None and found is not None:
            quantity = found
    if quantity is not None and (count is None or count == 1):
        count = quantity
    return count, color, size, definite


_DETERMINERS = frozenset(
    {"a", "an", "the", "this", "that", "these", "those", "my", "his", "her", "their", "our",
     "your", "its", "another", "each", "every", "some", "very", "really", "bright", "and", ","}
)  # fmt: skip


def _is_modifier(token: Any) -> bool:
    """Words that may stand between a determiner and its noun."""
    word = token.lower_
    if word in _DETERMINERS or word in COLORS or word in SIZE_WORDS or word in SHADE_WORDS:
        return True
    if word in NUMBER_WORDS or token.like_num:
        return True
    return token.pos_ == "ADJ" and token.dep_ in ("amod", "nummod")


def _parse_number(word: str) -> int | None:
    try:
        return int(float(word.replace(",", "")))
    except ValueError:
        return NUMBER_WORDS.get(word)


def _predicate_adjectives(token: Any) -> tuple[str | None, str | None]:
    """Colour and size said after a copula: "the car is red"."""
    if token.dep_ not in ("nsubj", "nsubjpass"):
        return None, None
    color = size = None
    for child in token.head.children:
        if child.dep_ in ("acomp", "attr", "oprd") and child.pos_ == "ADJ":
            words = [child, *[c for c in child.children if c.dep_ == "conj"]]
            for word in words:
                if word.lower_ in COLORS:
                    color = COLOR_ALIASES.get(word.lower_, word.lower_)
                    shade = [c for c in word.children if c.lower_ in SHADE_WORDS]
                    if shade:
                        color = f"{shade[0].lower_} {color}"
                if word.lower_ in SIZE_WORDS:
                    size = SIZE_WORDS[word.lower_]
    return color, size


def is_expletive_it(token: Any) -> bool:
    """ "It" that points at nothing: "it was the age of wisdom", "it is raining"."""
    head = token.head
    weather_verbs = ("rain", "snow", "pour", "drizzle", "storm", "thunder", "seem", "hail")
    if head.lemma_ in weather_verbs:
        return True
    if any(c.dep_ == "xcomp" and c.lemma_ in weather_verbs for c in head.children):
        return True
    return head.lemma_ == "be" and any(c.dep_ in ("attr", "acomp") for c in head.children)


def find_mentions(doc: Any) -> list[Mention]:
    """Every drawable noun phrase and pronoun of ``doc``, in reading order."""
    mentions: list[Mention] = []
    taken: set[int] = set()
    compound_heads = _compound_heads(doc)
    verbs_as_nouns = _verbs_tagged_nouns(doc, compound_heads)
    for token in doc:
        word = token.lower_
        if token.pos_ == "PRON" and word in PRONOUNS and token.tag_ != "PRP$":
            if word == "it" and is_expletive_it(token):
                continue
            color, size = _predicate_adjectives(token)
            mentions.append(
                Mention(noun=word, head=token.i, start=token.i, count=1, color=color,
                        size=size, pronoun=word)
            )  # fmt: skip
            continue
        emoji = _EMOJI.findall(token.text)
        if emoji:
            for char in emoji:
                mentions.append(Mention(noun=char, head=token.i, start=token.i, count=1))
            continue
        if token.i in taken or token.i in verbs_as_nouns or token.i + 1 in compound_heads:
            continue  # the first word of "teddy bear": the next token heads the phrase
        if not _is_noun(token, compound_heads):
            continue
        modifies_next = token.dep_ == "compound" and token.head.i > token.i
        if modifies_next and token.head.i not in verbs_as_nouns:
            continue
        lemma = singular(token)
        if lemma in NOT_OBJECTS and lemma not in CONCEPT_SYMBOLS:
            continue
        if (
            lemma in SEASONS
            or place_of(token)
            or (lemma in TIMES and lemma not in ("day",))
            or lemma in WEATHER
        ):
            continue
        if lemma == "day":
            continue
        if not any(ch.isalpha() for ch in word):
            continue
        noun, first = _noun_words(doc, token)
        taken.update(range(first, token.i + 1))
        count, color, size, definite = _modifiers(doc, token, first)
        post_color, post_size = _predicate_adjectives(token)
        plural = (token.tag_ in ("NNS", "NNPS") or word != lemma) and lemma not in MASS_NOUNS
        has_count = count is not None and not (count == 1 and plural)
        if count is None or (count == 1 and plural):
            count = PLURAL_DEFAULT_COUNT if plural else 1
        if count > MAX_COUNT:
            logger.info("capping %d %s at %d", count, noun, MAX_COUNT)
        count = max(1, min(count, MAX_COUNT))
        mentions.append(
            Mention(
                noun=noun,
                head=token.i,
                start=first,
                count=count,
                color=color or post_color,
                size=size or post_size,
                plural=plural or count > 1,
                definite=definite,
                has_count=has_count,
            )
        )
    return mentions
