"""The things of CLDR's English emoji names: what each emoji is called in plain English.

CLDR names every emoji in English ("red apple", "glass of milk", "dog face") and gives it
keywords; the noun of a name is what the clip art is drawn by and what a translation's
scene says ("apple", "milk", "dog"). The glossary of every other language
(:mod:`speech2image.language.glossary`) leads to these things.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Any

PLAIN_NAMES = {
    **{"automobile": "car", "locomotive": "train", "ewe": "sheep", "shortcake": "cake"},
    **{"cheese wedge": "cheese", "hot beverage": "coffee", "blossom": "flower"},
    **{"teacup without handle": "cup"},
}
"""CLDR's English names that are not the words people use for the things."""
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_SKIPPED_NAME = re.compile(r":|^(flag|keycap|regional indicator)\b")
"""Flags, keycaps and families ("family: man, woman, boy") are no one thing."""


@dataclass(frozen=True, slots=True)
class GlossaryThing:
    """A thing the glossary knows: an emoji and its English names."""

    emoji: str
    noun: str
    """The English noun to draw ("apple" for the red apple)."""
    aliases: frozenset[str]
    """English words for it: a scene noun among them means the thing is drawn already."""
    named_by_complement: bool = False
    """True when its English name names the thing in a complement, not in the head
    ("glass of milk", "cheese wedge" are milk and cheese): so does its name in another
    language ("vaso de leche", "Käsestück"), whose other end word then names it too."""


def words_of(text: str) -> list[str]:
    """Lower-case words of any script (no digits, no punctuation; "l'arbre": l, arbre)."""
    return _WORD.findall(text.lower())


def english_singular(word: str) -> str:
    """A plain English singular ("apples": apple, "glasses": glass, "puppies": puppy)."""
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if re.search(r"(ss|x|ch|sh)es$", word):
        return word[:-2]
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


def english_things(annotations: dict[str, Any]) -> dict[str, GlossaryThing]:
    """The things of CLDR's English annotations, by emoji."""
    named = {
        e: (a["tts"][0], [k.lower() for k in a.get("default", [])])
        for e, a in annotations.items()
        if a.get("tts") and not _SKIPPED_NAME.search(a["tts"][0])
    }
    heads = Counter(english_singular(words_of(n)[-1]) for n, _ in named.values() if words_of(n))
    things = {}
    for emoji, (name, keywords) in named.items():
        if re.search(r"\s[A-Z]", name):
            continue  # a proper name ("Mrs. Claus", "Tokyo tower") is no everyday thing
        noun = _english_noun(name.lower(), keywords)
        # A keyword that ends other emoji's names is another thing ("milk" of the cow).
        own = {english_singular(k) for k in keywords if " " not in k and heads[k] <= 1}
        aliases = frozenset({noun, name.lower(), *own}) - {""}
        head = name.lower().split(" of ")[0].split()[-1]  # "glass of milk": glass
        complement = noun != english_singular(head) and len(name.split()) > 1
        things[emoji] = GlossaryThing(emoji, noun, aliases, named_by_complement=complement)
    return things


def _english_noun(name: str, keywords: list[str]) -> str:
    """The noun of an English emoji name: its last word that is a keyword ("red apple":
    apple; "glass of milk": milk), the animal of an animal's face ("dog face": dog)."""
    if name in PLAIN_NAMES:
        return PLAIN_NAMES[name]
    words = re.split(r" (?:with|without|at|in|on) ", name)[0].split()  # "bridge at night"
    if len(words) > 1 and words[-1] == "face" and words[0] in keywords:
        return PLAIN_NAMES.get(words[0], words[0])
    for word in reversed(words):
        if word in keywords:
            return PLAIN_NAMES.get(word, english_singular(word))
    return PLAIN_NAMES.get(name, name)
