"""A glossary from any language's words for things to their English names (Unicode CLDR).

CLDR names every emoji, and gives it keywords, in each of its languages; its English name is
what the clip art is known by. So "perro", "Hund", "chien" and "cane" all lead to the dog
emoji, whose English name is "dog". A sentence in another language is drawn from Whisper's
English translation, which often loses or garbles the nouns ("un pájaro canta en el árbol":
"a bird's nest in the air"); the glossary finds the things of the sentence as it was said
(:mod:`speech2image.language.source_things`).

The annotation files are installed by ``speech2image assets install --pack cldr`` under the
assets folder (:data:`GLOSSARY_FOLDER`), one ``<code>.json`` per language; this module only
reads them. Words are matched as said or as the singular a plural rule of the language gives
("manzanas": manzana; "Äpfel": Apfel), whole names before single words ("guarda-chuva").
An emoji's very name comes first ("mujer" is the woman, not the 60 emoji of women doing
things); a keyword counts only as the head word of its emoji's name, and only when the
emoji that have it agree on one thing ("árbol": three trees; "cara": 133 faces, none).

Known limits: words that are two things (French "porte", door and carries; "lit", bed and
reads) are taken for the thing, as no part of speech is known; a thing CLDR has no emoji
for (a table, grass) is not found; CLDR's English names are plain words but for a few
(:data:`PLAIN_NAMES`).
"""

from __future__ import annotations

import importlib.util
import json
import logging
import re
import threading
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

logger = logging.getLogger(__name__)

GLOSSARY_FOLDER = "cldr"
"""The glossary's folder under the assets folder."""
GLOSSARY_META = "cldr.json"
"""Written last by the installer: the source and the languages kept."""
CLDR_LOCALES = {"jw": "jv", "tl": "fil"}
"""Whisper's codes that CLDR spells otherwise."""
PLURAL_ENDINGS: dict[str, tuple[tuple[str, str], ...]] = {
    "es": (("ces", "z"), ("es", ""), ("s", "")),
    "ca": (("ns", "n"), ("es", "a"), ("os", ""), ("s", "")),
    "pt": (("ões", "ão"), ("ães", "ão"), ("ãos", "ão"), ("ns", "m"), ("is", "l"), ("es", ""),
           ("s", "")),
    "fr": (("eaux", "eau"), ("aux", "al"), ("x", ""), ("s", "")),
    "it": (("chi", "co"), ("ghi", "go"), ("che", "ca"), ("i", "o"), ("i", "e"), ("e", "a")),
    "de": (("en", ""), ("er", ""), ("n", ""), ("e", ""), ("s", "")),
    "nl": (("en", ""), ("s", "")),
}  # fmt: skip
"""Plural endings and what the singular ends in instead, per language; other languages drop
a final ``s`` (a plain rule, unlike a stemmer's, that never makes a verb of a noun: Spanish
"bebe", drinks, stays apart from "bebé", baby)."""
_UMLAUTS = str.maketrans("äöü", "aou")
MAX_SHARED_EMOJI = 8
"""The most emoji one word may name and still name one kind of thing ("libro": the open,
closed, green, blue and orange books); "cara" (133 faces) names none."""
MAX_NAME_WORDS = 5
"""The longest name matched, in words ("árbol de hoja caduca")."""
PLAIN_NAMES = {
    **{"automobile": "car", "locomotive": "train", "ewe": "sheep", "shortcake": "cake"},
    **{"cheese wedge": "cheese", "hot beverage": "coffee", "blossom": "flower"},
}
"""CLDR's English names that are not the words people use for the things."""
HEAD_FIRST = frozenset({"es", "pt", "fr", "it", "ca", "ro", "gl", "oc", "la", "ht"})
"""Languages whose noun phrases name the thing first ("árbol de hoja caduca", a tree;
"tenis de mesa" is no table); in the others it comes last ("Regenschirm", "Sakeflasche")."""
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


def singulars(language: str, word: str) -> list[str]:
    """``word`` and the singulars it may be the plural of, in ``language`` ("Äpfel": äpfel,
    apfel; "fleurs": fleurs, fleur)."""
    forms = [word]
    for ending, instead in PLURAL_ENDINGS.get(language, (("s", ""),)):
        if word.endswith(ending) and len(word) > len(ending) + 2:
            forms.append(word[: len(word) - len(ending)] + instead)
    if language == "de":  # "Bäume": Baum, "Äpfel": Apfel
        forms += [f.translate(_UMLAUTS) for f in forms]
    return list(dict.fromkeys(forms))


@dataclass(frozen=True, slots=True)
class LanguageGlossary:
    """One language's words for things: names and keywords (lower case) to emoji."""

    language: str
    names: dict[str, tuple[str, ...]]
    """An emoji's name in the language ("taza de café") to the emoji so named."""
    keywords: dict[str, tuple[str, ...]]
    """A keyword that is the head word of its emoji's name ("árbol" of "árbol de hoja
    caduca", :data:`HEAD_FIRST`) to the emoji that have it; other keywords ("madre" of Mrs.
    Claus, "cocina" of the frying pan, "mesa" of table tennis) are what the thing evokes or
    is used with, not what it is, and are left out."""
    things: dict[str, GlossaryThing]
    stop_words: frozenset[str]
    """Articles, pronouns and the like (spaCy's list), never a thing."""

    def lookup(self, words: list[str]) -> GlossaryThing | None:
        """The one thing ``words`` name, if they name one: as said before as singular; an
        emoji's very name before a keyword; a keyword only when all its emoji are one kind
        of thing (the three trees of "árbol"), never when they disagree ("cara": faces)."""
        said = " ".join(words)
        first = singulars(self.language, words[0])[1:]
        last = singulars(self.language, words[-1])[1:] if len(words) > 1 else []
        keys = [said, *(" ".join([f, *words[1:]]) for f in first)]
        keys += [" ".join([*words[:-1], f]) for f in last]
        for table in (self.names, self.keywords):
            for key in keys:
                emoji = table.get(key)
                if emoji:
                    return self._one(emoji)
        return None

    def _one(self, emoji: tuple[str, ...]) -> GlossaryThing | None:
        """The thing of ``emoji`` when they all have one noun (the red and green apples),
        and not too many (a keyword of a whole category names none)."""
        nouns = {self.things[e].noun for e in emoji}
        if len(nouns) != 1 or len(emoji) > MAX_SHARED_EMOJI:
            return None
        return self.things[emoji[0]]


def load_language(
    folder: Path, language: str, english: dict[str, GlossaryThing]
) -> LanguageGlossary:
    """The glossary of ``language`` from its CLDR annotations in ``folder``."""
    path = folder / f"{language}.json"
    annotations = json.loads(path.read_text(encoding="utf-8"))["annotations"]["annotations"]
    names: dict[str, list[str]] = {}
    keywords: dict[str, list[str]] = {}
    stop = stop_words(language)
    for emoji, annotation in annotations.items():
        if emoji not in english or not annotation.get("tts"):
            continue
        name = words_of(annotation["tts"][0])
        if not 0 < len(name) <= MAX_NAME_WORDS:
            continue
        names.setdefault(" ".join(name), []).append(emoji)
        naming = _naming_words(language, name, english[emoji], stop)
        for keyword in annotation.get("default", []):
            words = words_of(keyword)
            if len(name) > 1 and len(words) == 1 and words[0] in naming:
                keywords.setdefault(words[0], []).append(emoji)
    return LanguageGlossary(
        language=language,
        names={k: tuple(v) for k, v in names.items()},
        keywords={k: tuple(dict.fromkeys(v)) for k, v in keywords.items()},
        things=english,
        stop_words=stop,
    )


def _naming_words(
    language: str, name: list[str], thing: GlossaryThing, stop: frozenset[str]
) -> tuple[str, ...]:
    """The words of an emoji's ``name`` in ``language`` that name the thing: its head
    (:data:`HEAD_FIRST`; in any language the first word before a preposition: "Sonnenaufgang
    über dem Meer" is no sea), or either end when the English name names it in a complement
    (:attr:`GlossaryThing.named_by_complement`: "vaso de leche", "Glas Milch": milk)."""
    if thing.named_by_complement:
        return name[0], name[-1]
    phrase = any(w in stop for w in name[1:-1])
    return (name[0],) if language in HEAD_FIRST or phrase else (name[-1],)


def stop_words(language: str) -> frozenset[str]:
    """spaCy's stop words of ``language``; none where spaCy has no list.

    The list's own file is read, not its language package: importing ``spacy.lang.fr``
    loads its tokenizer's tables, 2.5 s here, for a set of 500 words."""
    spacy = importlib.util.find_spec("spacy")
    folders = spacy.submodule_search_locations if spacy is not None else None
    path = Path(next(iter(folders)), "lang", language, "stop_words.py") if folders else None
    if path is None or not path.is_file():
        return frozenset()
    spec = importlib.util.spec_from_file_location(f"_s2i_stop_words_{language}", path)
    if spec is None or spec.loader is None:
        return frozenset()
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return frozenset(w.lower() for w in getattr(module, "STOP_WORDS", ()))


class Glossary:
    """CLDR's glossaries, loaded from ``folder`` one language at a time (thread-safe).

    A missing folder or language is logged once, with the command that installs it, and
    gives no glossary; it is never an error (English needs none)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._english: dict[str, GlossaryThing] | None = None
        self._languages: dict[str, LanguageGlossary | None] = {}
        self._warned = False
        self._lock = threading.Lock()

    @classmethod
    def installed(cls) -> Glossary:
        """The glossary where ``speech2image assets install --pack cldr`` puts it."""
        from speech2image.config import default_assets_dir

        return cls(default_assets_dir() / GLOSSARY_FOLDER)

    def warm_up(self) -> None:
        """Read the English names now (0.1 s), not on the first sentence in another
        language; each other language then takes some 30 ms the first time. Quiet when the
        glossary is missing: English needs none."""
        if (self.folder / GLOSSARY_META).is_file():
            self.language("en")

    def language(self, language: str) -> LanguageGlossary | None:
        """The glossary of ``language`` (a Whisper code), ``None`` when not installed."""
        language = CLDR_LOCALES.get(language, language)
        with self._lock:
            if language not in self._languages:
                self._languages[language] = self._load(language)
            return self._languages[language]

    def _load(self, language: str) -> LanguageGlossary | None:
        if not (self.folder / GLOSSARY_META).is_file():
            if not self._warned:
                logger.warning(
                    "the CLDR glossary is not installed in %s: things said in other languages "
                    "come from the translation alone; run "
                    "`speech2image assets install --pack cldr`",
                    self.folder,
                )
            self._warned = True
            return None
        if not (self.folder / f"{language}.json").is_file():
            logger.info("CLDR has no annotations for language %r", language)
            return None
        if self._english is None:
            english = json.loads((self.folder / "en.json").read_text(encoding="utf-8"))
            self._english = english_things(english["annotations"]["annotations"])
        return load_language(self.folder, language, self._english)
