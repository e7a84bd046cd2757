"""The things of a sentence as it was said in another language, added to its scene.

A sentence in another language is drawn from Whisper's English translation, which often
loses or garbles its nouns. This module reads the sentence as said: each word or name that
the CLDR glossary (:mod:`speech2image.language.glossary`) knows is a thing, with its count
when a number word comes just before it ("dos perros": two dogs); a thing that the scene of
the translation does not draw is added to it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace

from speech2image.language.builder import SourceText
from speech2image.language.glossary import (
    MAX_NAME_WORDS,
    Glossary,
    GlossaryThing,
    LanguageGlossary,
    Senses,
    english_singular,
    words_of,
)
from speech2image.scene import Scene, SceneObject

NUMBER_WORDS: dict[str, dict[str, int]] = {
    "es": dict(dos=2, tres=3, cuatro=4, cinco=5, seis=6, siete=7, ocho=8, nueve=9, diez=10),
    "de": dict(zwei=2, drei=3, vier=4, fünf=5, sechs=6, sieben=7, acht=8, neun=9, zehn=10),
    "fr": dict(deux=2, trois=3, quatre=4, cinq=5, six=6, sept=7, huit=8, neuf=9, dix=10),
    "it": dict(due=2, tre=3, quattro=4, cinque=5, sei=6, sette=7, otto=8, nove=9, dieci=10),
    "pt": dict(dois=2, duas=2, três=3, quatro=4, cinco=5, seis=6, sete=7, oito=8, nove=9),
    "nl": dict(twee=2, drie=3, vier=4, vijf=5, zes=6, zeven=7, acht=8, negen=9, tien=10),
    "ca": dict(dos=2, dues=2, tres=3, quatre=4, cinc=5, sis=6, set=7, vuit=8, nou=9, deu=10),
}
"""Number words two to ten; larger counts are said as digits by Whisper or drawn as many."""
SUBJECT_PRONOUNS: dict[str, frozenset[str]] = {
    code: frozenset(words.split())
    for code, words in {
        "es": "yo tú él ella nosotros nosotras vosotros ellos ellas usted ustedes",
        "fr": "je tu il elle on nous vous ils elles",
        "it": "io tu lui lei egli ella noi voi loro",
        "pt": "eu tu ele ela nós vós eles elas você vocês",
        "ca": "jo tu ell ella nosaltres vosaltres ells elles",
    }.items()
}
"""Subject pronouns of languages whose verb follows its subject: the word right after one is
a verb, never a thing ("elle porte", she carries, is no door; "lei porta"). Not German or
Dutch, whose verb comes second and may come before its subject ("Zum Frühstück essen wir
Brot": bread follows the pronoun)."""
NEAR_SHARE = 0.2
"""How near, as a share of each sentence's length, a word of the translation stands to a
word of the sentence said for the two to be taken as one slot (word order is much alike
in the languages of Europe; a translation that reorders more just resolves fewer words)."""
MAX_COUNT = 10
"""The most instances one thing said is drawn as."""
_TOKEN = re.compile(r"[^\W_]+", re.UNICODE)


@dataclass(frozen=True, slots=True)
class SourceThing:
    """A thing named in the sentence as said."""

    thing: GlossaryThing
    count: int
    words: str
    """The words that named it, as said (lower case)."""


@dataclass(frozen=True, slots=True)
class Translation:
    """The English translation of a sentence, as its scene reads it: what resolves a word
    said that may be two things ("livre": book or pound) or no thing ("lit": bed, or
    reads)."""

    words: tuple[str, ...]
    """Its words in order, lower case, singular."""
    nouns: frozenset[str]
    """The singular nouns its scene draws."""

    @classmethod
    def of(cls, scene: Scene) -> Translation:
        """The translation whose scene is ``scene``."""
        nouns = {english_singular(w) for o in scene.objects if not o.concept for w in
                 o.noun.split()}  # fmt: skip
        return cls(tuple(english_singular(w) for w in words_of(scene.text)), frozenset(nouns))

    def near(self, share: float) -> list[str]:
        """Its words within :data:`NEAR_SHARE` of ``share`` of the way through it."""
        n = len(self.words)
        return [w for j, w in enumerate(self.words) if abs((j + 0.5) / n - share) <= NEAR_SHARE]


def add_source_things(
    scene: Scene, source: SourceText, glossary: Glossary, *, max_objects: int
) -> Scene:
    """``scene`` of the English translation of ``source``, with the things ``source`` names
    that it does not draw; ``scene`` itself for English or a language without a glossary."""
    if source.language == "en":
        return scene
    words = glossary.language(source.language)
    if words is None:
        return scene
    things = find_source_things(words, source.text, Translation.of(scene))
    return with_source_things(scene, things, max_objects=max_objects)


def find_source_things(
    glossary: LanguageGlossary, text: str, translation: Translation | None = None
) -> list[SourceThing]:
    """The things ``text`` names, longest names first, each once (its largest count); with
    its ``translation``, each word's sense that the translation names, and no thing where
    the translation names another thing there (:func:`_resolve`)."""
    tokens = _TOKEN.findall(text.lower())
    spans = list(_spans(glossary, tokens))
    # What the translation may draw near a word without contradicting it: the noun of any
    # sense said (not its keywords: "day" is one of the sun's), and the words said
    # themselves, carried over untranslated ("Albero").
    explained = {_noun_word(t) for _, _, senses in spans for t in senses.all}
    explained |= {english_singular(t) for t in tokens}
    numbers = NUMBER_WORDS.get(glossary.language, {})
    found: dict[str, SourceThing] = {}
    for i, n, senses in spans:
        share = (i + n / 2) / len(tokens)
        thing = _resolve(senses, translation, share, explained)
        if thing is None:
            continue
        count = _count_before(tokens, i, numbers, glossary.stop_words)
        seen = found.get(thing.noun)
        if seen is None or seen.count < count:
            found[thing.noun] = SourceThing(thing, count, " ".join(tokens[i : i + n]))
    return list(found.values())


def _spans(glossary: LanguageGlossary, tokens: list[str]) -> Iterator[tuple[int, int, Senses]]:
    """Where ``tokens`` name things: the start, the length and the senses of each name, the
    longest first; none at a verb (the word after a subject pronoun)."""
    pronouns = SUBJECT_PRONOUNS.get(glossary.language, frozenset())
    i = 0
    while i < len(tokens):
        if i and tokens[i - 1] in pronouns:
            i += 1  # "elle porte": the verb
            continue
        span = _name_at(glossary, tokens, i)
        if span is None:
            i += 1
            continue
        yield i, span[0], span[1]
        i += span[0]


def _resolve(
    senses: Senses, translation: Translation | None, share: float, explained: set[str]
) -> GlossaryThing | None:
    """The thing of a word said ``share`` of the way through its sentence: the first of its
    senses that the ``translation`` names ("livre": book, not the pound); else its default
    sense, unless that is weak (:attr:`Senses.weak`: a keyword of its emoji alone, or the
    name of a singular guessed) and the translation draws another thing near there that
    no word said explains ("mon fils", my son, is no "fil", thread).

    Names and head keywords are not dropped so: on espeak-ng speech, the base model's
    translations are too garbled to align ("un uccello canta sull'albero": "a boy sings on
    the Albero"), and dropping them where the translation drew another thing lost five
    things drawn for four wrong ones kept out (``bench languages``, development sentences)."""
    if translation is None or not translation.words:
        return senses.default
    words = set(translation.words)
    named = [t for t in senses.all if _noun_word(t) in words]
    if named:
        return named[0]
    near = translation.near(share)
    if senses.weak and any(w in translation.nouns and w not in explained for w in near):
        return None
    return senses.default


def _noun_word(thing: GlossaryThing) -> str:
    """The word a translation names ``thing`` by: its noun's last ("coffee cup": cup)."""
    return thing.noun.split()[-1]


def _name_at(glossary: LanguageGlossary, tokens: list[str], i: int) -> tuple[int, Senses] | None:
    """The longest name of a thing that starts at ``tokens[i]``, its length and senses."""
    for n in range(min(MAX_NAME_WORDS, len(tokens) - i), 0, -1):
        words = tokens[i : i + n]
        if words[0] in glossary.stop_words or words[-1] in glossary.stop_words:
            continue
        if any(w.isdigit() for w in words):
            continue
        senses = glossary.senses(words)
        if senses.all:
            return n, senses
    return None


def _count_before(
    tokens: list[str], i: int, numbers: dict[str, int], stop_words: frozenset[str]
) -> int:
    """The count said just before ``tokens[i]``: a number word or digits right before it,
    or before one other word that is no stop word ("tres manzanas", "drei rote Äpfel");
    else one."""
    for back in (1, 2):
        if i - back < 0:
            break
        word = tokens[i - back]
        value = int(word) if word.isdigit() else numbers.get(word)
        if value is not None:
            return max(1, min(value, MAX_COUNT))
        if word in stop_words:
            break
    return 1


def with_source_things(scene: Scene, things: list[SourceThing], *, max_objects: int) -> Scene:
    """``scene`` with the ``things`` it does not draw added (each its count), up to
    ``max_objects`` in all; a scene of an idea or of nothing becomes a scene of things."""
    drawn = {
        english_singular(word)
        for o in scene.objects
        if not o.concept
        for word in (o.noun, o.noun.split()[-1])
    }
    missing = [t for t in things if not (t.thing.aliases & drawn)]
    if not missing:
        return scene
    objects = [o for o in scene.objects if not o.concept]
    group = max((o.group for o in objects), default=0)
    for source in missing:
        group += 1
        for _ in range(source.count):
            if len(objects) >= max_objects:
                break
            object_id = f"o{len(objects) + 1}"
            objects.append(SceneObject(id=object_id, noun=source.thing.noun, group=group))
    return replace(scene, objects=tuple(objects), depiction="objects")
