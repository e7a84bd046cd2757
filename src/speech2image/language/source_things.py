"""The things of a sentence as it was said in another language, added to its scene.

A sentence in another language is drawn from Whisper's English translation, which often
loses or garbles its nouns. This module reads the sentence as said: each word or name that
the CLDR glossary (:mod:`speech2image.language.glossary`) knows is a thing, with its count
when a number word comes just before it ("dos perros": two dogs); a thing that the scene of
the translation does not draw is added to it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from speech2image.language.builder import SourceText
from speech2image.language.glossary import (
    MAX_NAME_WORDS,
    Glossary,
    GlossaryThing,
    LanguageGlossary,
    english_singular,
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
    return with_source_things(
        scene, find_source_things(words, source.text), max_objects=max_objects
    )


def find_source_things(glossary: LanguageGlossary, text: str) -> list[SourceThing]:
    """The things ``text`` names, longest names first, each once (its largest count)."""
    tokens = _TOKEN.findall(text.lower())
    numbers = NUMBER_WORDS.get(glossary.language, {})
    found: dict[str, SourceThing] = {}
    i = 0
    while i < len(tokens):
        span = _name_at(glossary, tokens, i)
        if span is None:
            i += 1
            continue
        n, thing = span
        count = _count_before(tokens, i, numbers, glossary.stop_words)
        seen = found.get(thing.noun)
        if seen is None or seen.count < count:
            found[thing.noun] = SourceThing(thing, count, " ".join(tokens[i : i + n]))
        i += n
    return list(found.values())


def _name_at(
    glossary: LanguageGlossary, tokens: list[str], i: int
) -> tuple[int, GlossaryThing] | None:
    """The longest name of a thing that starts at ``tokens[i]``, and its length."""
    for n in range(min(MAX_NAME_WORDS, len(tokens) - i), 0, -1):
        words = tokens[i : i + n]
        if words[0] in glossary.stop_words or words[-1] in glossary.stop_words:
            continue
        if any(w.isdigit() for w in words):
            continue
        thing = glossary.lookup(words)
        if thing is not None:
            return n, thing
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
