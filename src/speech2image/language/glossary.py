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
things); then a keyword that is the head word of its emoji's name, when the emoji that
have it agree on one thing ("árbol": three trees; "cara": 133 faces, none); then a keyword
of one emoji alone that is a noun by its form and no word of any name ("Kaffee": the hot
beverage; "nonno", "Großvater": the old man; not "mesa" of "tenis de mesa"); in German and
the other compounding languages, the head of a compound that is unknown whole
("Apfelbaum": Baum). A word may have other senses too (:class:`Senses`: "livre" is the
pound by its name and a book by its keyword), which the translation chooses between
(:mod:`speech2image.language.source_things`).

Known limits: a word of two things is taken for the one its name gives when the
translation names neither (French "fils", sons, is the singular "fil", yarn); a thing CLDR
has no emoji for (a table, grass) is not found; CLDR's English names are plain words but
for a few (:data:`speech2image.language.cldr_things.PLAIN_NAMES`).
"""

from __future__ import annotations

import importlib.util
import json
import logging
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from speech2image.language.cldr_things import (
    GlossaryThing,
    english_singular,
    english_things,
    words_of,
)
from speech2image.language.glossary_cache import cache_key, read_cache, write_cache
from speech2image.language.word_forms import (
    COMPOUNDING,
    HEAD_FIRST,
    INFINITIVE_ENDINGS,
    MIN_COMPOUND_HEAD,
    singulars,
)

__all__ = [
    "Glossary",
    "GlossaryThing",
    "LanguageGlossary",
    "Senses",
    "english_singular",
    "words_of",
]

logger = logging.getLogger(__name__)

GLOSSARY_FOLDER = "cldr"
"""The glossary's folder under the assets folder."""
GLOSSARY_META = "cldr.json"
"""Written last by the installer: the source and the languages kept."""
CLDR_LOCALES = {"jw": "jv", "tl": "fil"}
"""Whisper's codes that CLDR spells otherwise; the installer saves those languages under
Whisper's codes (``jw.json``), as every other."""
MAX_SHARED_EMOJI = 8
"""The most emoji one word may name and still name one kind of thing ("libro": the open,
closed, green, blue and orange books); "cara" (133 faces) names none."""
WARM_UP_PAUSE_S = 0.02
"""The pause between two languages read in the background at warm-up, so that the thread
leaves the interpreter to a session or a run starting meanwhile."""
MAX_NAME_WORDS = 5
"""The longest name matched, in words ("árbol de hoja caduca")."""


@dataclass(frozen=True, slots=True)
class Senses:
    """What some words may name: the thing they name when nothing else is known, and the
    other things they may be ("livre": the pound by its name, a book by a keyword)."""

    default: GlossaryThing | None
    others: tuple[GlossaryThing, ...] = ()
    weak: bool = False
    """True when the default is known by a keyword of its emoji alone
    (:attr:`LanguageGlossary.sole_keywords`), or by a name or head keyword of a singular
    the plural rules guessed ("fils", sons: "fil", thread), not by a name or a head
    keyword as said."""

    @property
    def all(self) -> tuple[GlossaryThing, ...]:
        """Every thing the words may name, the default first."""
        return (self.default, *self.others) if self.default else self.others


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
    is used with, not what it is, and are left out, but for :attr:`sole_keywords`."""
    things: dict[str, GlossaryThing]
    stop_words: frozenset[str]
    """Articles, pronouns and the like (spaCy's list), never a thing."""
    sole_keywords: dict[str, str] = field(default_factory=dict)
    """A keyword of one emoji alone that is a noun by its form (German: a capital; else no
    verb ending, :data:`INFINITIVE_ENDINGS`) to that emoji ("Kaffee": hot beverage;
    "Großvater", "nonno": old man); tried after names and head keywords."""

    def lookup(self, words: list[str]) -> GlossaryThing | None:
        """The one thing ``words`` name, if they name one (:meth:`senses`)."""
        return self.senses(words).default

    def senses(self, words: list[str]) -> Senses:
        """What ``words`` may name: as said before as singular; an emoji's very name before a
        keyword; a keyword only when all its emoji are one kind of thing (the three trees of
        "árbol"), never when they disagree ("cara": faces) but as other senses; a keyword
        of one emoji alone last; in a compounding language, the compound's head ("Apfelbaum":
        Baum) when the whole is unknown."""
        keys = self._keys(words)
        found: list[tuple[GlossaryThing, bool]] = []  # each thing, and whether as said
        others: list[GlossaryThing] = []
        for table in (self.names, self.keywords):
            for key in keys:
                emoji = table.get(key)
                if emoji:
                    one = self._one(emoji)
                    found += [(one, key == keys[0])] if one else []
                    others += self._kinds(emoji)
        strong, as_said = found[0] if found else (None, False)
        sole = [self.things[self.sole_keywords[k]] for k in keys if k in self.sole_keywords]
        default = strong or next(iter(sole), None)
        if default is None and not others and len(words) == 1:
            head = self._compound_head(words[0])
            return self.senses([head]) if head else Senses(None)
        nouns = {default.noun} if default else set()
        kinds = []
        for thing in others:
            if thing.noun not in nouns:
                nouns.add(thing.noun)
                kinds.append(thing)
        return Senses(default, tuple(kinds), weak=default is not None and not as_said)

    def _keys(self, words: list[str]) -> list[str]:
        """``words`` as said, then with the first or last word as a singular."""
        first = singulars(self.language, words[0])[1:]
        last = singulars(self.language, words[-1])[1:] if len(words) > 1 else []
        keys = [" ".join(words), *(" ".join([f, *words[1:]]) for f in first)]
        return keys + [" ".join([*words[:-1], f]) for f in last]

    def _compound_head(self, word: str) -> str | None:
        """The longest known last part of ``word`` in a compounding language, if any."""
        if self.language not in COMPOUNDING:
            return None
        for start in range(3, len(word) - MIN_COMPOUND_HEAD + 1):
            head = word[start:]
            if any(k in self.names or k in self.keywords for k in self._keys([head])):
                return head
        return None

    def _one(self, emoji: tuple[str, ...]) -> GlossaryThing | None:
        """The thing of ``emoji`` when they all have one noun (the red and green apples) or
        kinds of one ("flower" of the sunflower), and not too many (a keyword of a whole
        category names none)."""
        nouns = {self.things[e].noun for e in emoji}
        if len(emoji) > MAX_SHARED_EMOJI:
            return None
        general = min(nouns, key=len)  # "Blume": the wilted flower and the sunflower
        if any(not n.endswith(general) for n in nouns):
            return None
        return next(self.things[e] for e in emoji if self.things[e].noun == general)

    def _kinds(self, emoji: tuple[str, ...]) -> list[GlossaryThing]:
        """One thing of each noun of ``emoji``; none when they are too many to be a few
        senses of one word."""
        if len(emoji) > MAX_SHARED_EMOJI:
            return []
        return list({self.things[e].noun: self.things[e] for e in emoji}.values())


def load_language(
    folder: Path, language: str, english: dict[str, GlossaryThing]
) -> LanguageGlossary:
    """The glossary of ``language`` from its CLDR annotations in ``folder``."""
    path = folder / f"{language}.json"
    annotations = json.loads(path.read_text(encoding="utf-8"))["annotations"]["annotations"]
    names: dict[str, list[str]] = {}
    keywords: dict[str, list[str]] = {}
    every_keyword: dict[str, set[str]] = {}
    stop = stop_words(language)
    for emoji, annotation in annotations.items():
        for keyword in annotation.get("default", []):
            if len(words_of(keyword)) == 1 and _noun_by_form(language, keyword, stop):
                every_keyword.setdefault(keyword.lower(), set()).add(emoji)
        if emoji not in english or not annotation.get("tts"):
            continue
        name = words_of(annotation["tts"][0])
        if not 0 < len(name) <= MAX_NAME_WORDS:
            continue
        names.setdefault(" ".join(name), []).append(emoji)
        naming = _naming_words(language, name, english[emoji], stop)
        for keyword in annotation.get("default", []):
            words = words_of(keyword)
            if len(words) == 1 and _names_it(language, words[0], name, naming):
                keywords.setdefault(words[0], []).append(emoji)
    # A word of some emoji's name ("mesa" of "tenis de mesa", "rossa" of "mela rossa") is
    # what a thing is used with or looks like, not another name of it.
    in_names = {w for name in names for w in name.split()}
    sole = {
        k: next(iter(emoji))
        for k, emoji in every_keyword.items()
        if len(emoji) == 1 and next(iter(emoji)) in english and k not in in_names
    }
    return LanguageGlossary(
        language=language,
        names={k: tuple(v) for k, v in names.items()},
        keywords={k: tuple(dict.fromkeys(v)) for k, v in keywords.items()},
        things=english,
        stop_words=stop,
        sole_keywords=sole,
    )


def _noun_by_form(language: str, keyword: str, stop: frozenset[str]) -> bool:
    """Whether a one-word ``keyword`` may be a noun by its form: a capital in German, no
    verb ending elsewhere (:data:`INFINITIVE_ENDINGS`); never a stop word or under three
    letters."""
    word = keyword.lower()
    if len(word) < 3 or word in stop:
        return False
    if language == "de":
        return keyword[:1].isupper()
    return not word.endswith(INFINITIVE_ENDINGS.get(language, ()))


def _names_it(language: str, keyword: str, name: list[str], naming: tuple[str, ...]) -> bool:
    """Whether ``keyword`` names its emoji: a naming word of a name of several words, or in a
    compounding language the end of a one-word name that is a compound ("Regenschirm":
    Schirm; "Käsestück", whose English names the cheese in a complement: Käse)."""
    if len(name) > 1:
        return keyword in naming
    if language not in COMPOUNDING or keyword == name[0] or len(keyword) < MIN_COMPOUND_HEAD:
        return False
    return name[0].endswith(keyword) or (len(naming) > 1 and name[0].startswith(keyword))


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

    def warm_up(self, *, background: bool = True) -> None:
        """Read every installed language now, so that no sentence waits on its glossary:
        from the glossaries kept by an earlier warm-up (0.2 s for 91 languages, 46 MB;
        :mod:`speech2image.language.glossary_cache`), else the English names now (0.1 s)
        and every other language after, in a daemon thread (or here when not
        ``background``; 3.4-8.4 s under load), keeping them for the next warm-up. Quiet
        when the glossary is missing: English needs none."""
        if not (self.folder / GLOSSARY_META).is_file():
            return
        key = cache_key(self.folder, GLOSSARY_META)
        kept = read_cache(self.folder, key)
        if kept is not None:
            with self._lock:
                for code, words in kept.items():
                    self._languages.setdefault(code, words)
                    if words is not None and self._english is None:
                        self._english = words.things
            return
        self.language("en")
        if not background:
            self._load_all(key)
            return
        worker = threading.Thread(
            target=self._load_all, args=(key,), name="glossary-warm-up", daemon=True
        )
        worker.start()

    def _load_all(self, key: str) -> None:
        """Every installed language, one at a time (the lock let go between two), then kept
        under ``key``."""
        for path in sorted(self.folder.glob("*.json")):
            if path.name != GLOSSARY_META:
                self.language(path.stem)
                time.sleep(WARM_UP_PAUSE_S)
        with self._lock:
            languages = dict(self._languages)
        write_cache(self.folder, key, languages)

    @property
    def loaded(self) -> frozenset[str]:
        """The languages read so far (a Whisper code each; those not installed included)."""
        with self._lock:
            return frozenset(self._languages)

    def language(self, language: str) -> LanguageGlossary | None:
        """The glossary of ``language`` (a Whisper code), ``None`` when not installed."""
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
