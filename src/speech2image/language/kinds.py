"""The kinds of a noun: its WordNet hypernyms, nearest first (a heron is a wading bird, a bird).

A rare noun the clip art has no picture for ("a heron", "a villa", "the cathedral") is drawn
as the nearest kind the pack draws: the matcher tries :func:`kinds_of` in order. The kinds
come from the senses a speaker most likely means: WordNet's own order of a word's senses
(most frequent first; of senses never seen in its tagged texts, creatures and plants
first), only senses of things one can see (animals, plants, artifacts, food, natural
objects; not people, whom the matcher's role nouns draw), proper names left out ("Heron" of
Alexandria). The kinds of several senses are interleaved level by level, so a sense that
reaches a drawable kind near wins over a first sense whose kinds are far ("slug": a
bullet's own word and the animal's "gastropod" come before "mollusk"). Kinds so general
that they say nothing (entity, object, artifact, structure, device, container...) are
never given, nor a person's kind, nor any kind of a word whose most frequent sense is no
visible thing (a club is mostly a society, grey a colour, a batter a player).

The data is WordNet 3.0 as Debian's ``wordnet-base`` installs it (``/usr/share/wordnet``),
read with NLTK's reader; it is never downloaded. Without it (or without ``nltk``) every noun
has no kinds and one line is logged. :func:`load` reads it (about 1.5 s); the warm-up calls
it so that no sentence waits on it.
"""

from __future__ import annotations

import functools
import io
import logging
import threading
import warnings
from pathlib import Path
from typing import Any

logger = logging.getLogger(__name__)

WORDNET_DIR = Path("/usr/share/wordnet")
"""Where Debian's ``wordnet-base`` puts the WordNet 3.0 database files."""
MAX_SENSES = 3
"""Senses of a word whose kinds are given (WordNet lists the most frequent first)."""
DOMINANT_COUNT = 5
"""Tagged occurrences of a word's first sense from which its other senses are not meant: a
cake's "layers" (8 of the layer of a thing) are no laying hens, while a "slug" (4 as a
bullet, none as the animal) in a garden is the animal."""
MAX_LEVELS = 4
"""Hypernym levels climbed from each sense (heron: wading bird, aquatic bird, bird)."""

LEXNAMES = (
    "adj.all",
    "adj.pert",
    "adv.all",
    "noun.Tops",
    "noun.act",
    "noun.animal",
    "noun.artifact",
    "noun.attribute",
    "noun.body",
    "noun.cognition",
    "noun.communication",
    "noun.event",
    "noun.feeling",
    "noun.food",
    "noun.group",
    "noun.location",
    "noun.motive",
    "noun.object",
    "noun.person",
    "noun.phenomenon",
    "noun.plant",
    "noun.possession",
    "noun.process",
    "noun.quantity",
    "noun.relation",
    "noun.shape",
    "noun.state",
    "noun.substance",
    "noun.time",
    "verb.body",
    "verb.change",
    "verb.cognition",
    "verb.communication",
    "verb.competition",
    "verb.consumption",
    "verb.contact",
    "verb.creation",
    "verb.emotion",
    "verb.motion",
    "verb.perception",
    "verb.possession",
    "verb.social",
    "verb.stative",
    "verb.weather",
    "adj.ppl",
)
"""WordNet 3.0's lexicographer files in their fixed order (lexnames(5WN)); Debian ships the
list only as a manual page, and NLTK's reader needs it as a file."""

VISIBLE_LEXNAMES = frozenset(
    ("noun.animal", "noun.artifact", "noun.food", "noun.plant", "noun.object")
)
"""Senses of things one can see (WordNet's lexicographer files). Not
body parts: they are drawn with the one they belong to ("on her lap" is no thigh, a leg)."""

TOO_GENERAL = frozenset(
    [
        "entity",
        "physical_entity",
        "object",
        "whole",
        "artifact",
        "artefact",
        "organism",
        "being",
        "living_thing",
        "structure",
        "construction",
        "device",
        "instrumentality",
        "instrumentation",
        "container",
        "thing",
        "matter",
        "substance",
        "abstraction",
        "unit",
        "part",
        "piece",
        "commodity",
        "goods",
        "covering",
        "equipment",
        "implement",
        "facility",
        "installation",
        "causal_agent",
        "cause",
        "causal_agency",
        "natural_object",
        "material",
        "stuff",
        "article",
        "creation",
        "product",
        "merchandise",
        "solid",
        "food",
        "nutrient",
        "foodstuff",
        "food_product",
        "vertebrate",
        "craniate",
        "invertebrate",
        "chordate",
        "animal",
        "animate_being",
        "beast",
        "brute",
        "creature",
        "fauna",
        "placental",
        "placental_mammal",
        "eutherian",
        "eutherian_mammal",
        "vascular_plant",
        "plant",
        "flora",
        "plant_life",
        "woody_plant",
        "ligneous_plant",
        "herb",
        "herbaceous_plant",
        "person",
        "individual",
        "someone",
        "somebody",
        "mortal",
        "soul",
        "adult",
        "worker",
        "body_part",
        "system",
        "restraint",
        "constraint",
        "fastener",
        "fastening",
        "means",
        "instrument",
        "protective_covering",
        "decoration",
        "ornament",
        "ornamentation",
        "medium",
        "area",
        "region",
        "location",
        "way",
        "passage",
        "conveyance",
        "transport",
        "drug",
        "agent",
        "liquid",
        "fluid",
        "mixture",
        "representation",
        "copy",
        "duplicate",
        "design",
        "obstruction",
        "barrier",
        "ingredient",
        "flavorer",
        "drug_of_abuse",
        "beverage",
        "alcohol",
        "starches",
        "meal",
        "nutriment",
        "weapon",
        "arm",
        "weapon_system",
        "projectile",
        "missile",
    ]
)
"""Kinds so general that drawing them is junk (a "device", a "container", a "creature"),
or that a pack draws as something narrower than they say (a "plant" is a potted plant)."""

_lock = threading.Lock()


class _DebianWordNetReader:
    """Builds NLTK's WordNet reader over a folder of WordNet 3.0 database files."""

    @staticmethod
    def build(root: Path) -> Any:
        import nltk.data
        from nltk.corpus.reader.wordnet import WordNetCorpusReader

        class Reader(WordNetCorpusReader):
            def open(self, file: str) -> Any:
                if file == "lexnames":
                    lines = "".join(f"{k:02d} {n} 0\n" for k, n in enumerate(LEXNAMES))
                    return io.StringIO(lines)
                return super().open(file)

            def map_wn(self, version: str = "wordnet") -> None:
                return None  # no other WordNet to map from: this one is 3.0 itself

        if str(root) not in nltk.data.path:
            nltk.data.path.append(str(root))  # NLTK reads only folders on its data path
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # "multilingual functions are not available"
            return Reader(str(root), None)


@functools.cache
def _wordnet() -> Any | None:
    """The WordNet reader, or ``None`` (logged once) where WordNet or NLTK is missing."""
    if not (WORDNET_DIR / "data.noun").is_file():
        logger.info("no WordNet in %s (apt-get install wordnet-base): rare nouns are not "
                    "drawn as their kind", WORDNET_DIR)  # fmt: skip
        return None
    try:
        return _DebianWordNetReader.build(WORDNET_DIR)
    except (ImportError, OSError, ValueError) as e:
        logger.info("WordNet could not be read (%s): rare nouns are not drawn as their kind", e)
        return None


def load() -> bool:
    """Read WordNet now (the warm-up calls it); True when the kinds are available."""
    with _lock:
        return _wordnet() is not None


def kinds_of(noun: str) -> tuple[str, ...]:
    """The kinds of ``noun``, nearest first, as plain words ("heron": "wading bird",
    "aquatic bird", "bird"); empty for a word WordNet does not know as a visible thing."""
    word = "_".join(noun.strip().lower().split())
    if not word or not word.replace("_", "").replace("-", "").isalpha():
        return ()
    return _kinds(word)


@functools.lru_cache(maxsize=4096)
def _kinds(word: str) -> tuple[str, ...]:
    with _lock:
        reader = _wordnet()
        if reader is None:
            return ()
        levels = [_levels(sense) for sense in _senses(reader, word)]
    found: list[str] = []
    for depth in range(MAX_LEVELS + 1):
        for sense_levels in levels:
            for kind in sense_levels[depth] if depth < len(sense_levels) else ():
                if kind != word and kind not in found:
                    found.append(kind)
    return tuple(k.replace("_", " ") for k in found)


def _senses(reader: Any, word: str) -> list[Any]:
    """The word's senses a speaker may mean by it: common nouns (not a name) of visible
    things, none when the most frequent sense is something else."""
    common = [
        s
        for s in reader.synsets(word, pos="n")
        if any(lemma.name().lower() == word and lemma.name()[0].islower() for lemma in s.lemmas())
    ]
    if common and common[0].lexname() not in VISIBLE_LEXNAMES and _count(common[0]) > 0:
        return []  # the word mostly names no thing (a club is a society, grey a colour) or a
        # person, whom the matcher's role nouns draw: a batter is no athlete's medal
    senses = [s for s in common if s.lexname() in VISIBLE_LEXNAMES]
    # Senses seen in WordNet's tagged texts keep their order; of the never-seen ones a
    # creature or a plant comes first: ordinary speech names a slug or a mole far more
    # often than a type slug or a breakwater, a warbler (bird) than a warbler (singer).
    senses.sort(key=lambda s: (_count(s, word) == 0, s.lexname() not in _LIVING))
    if not senses:
        return []
    # After the first, only a creature's or a plant's sense: a word whose first sense is a
    # plant ("reed") is no woodwind too, while a bullet's word ("slug") may be the animal.
    later = [s for s in senses[1:] if s.lexname() in _LIVING]
    if _count(senses[0], word) >= DOMINANT_COUNT:
        later = []
    return senses[:1] + later[: MAX_SENSES - 1]


_LIVING = frozenset(("noun.animal", "noun.plant"))


def _count(sense: Any, word: str | None = None) -> int:
    """How often the word (any of the sense's words: "gray" for "grey") has this sense in
    WordNet's tagged texts (cntlist)."""
    return sum(lemma.count() for lemma in sense.lemmas() if word in (None, lemma.name().lower()))


def _levels(sense: Any) -> list[list[str]]:
    """The sense's hypernyms level by level (first lemma of each), too general ones left
    out (also a kind of one: a "gramineous plant" would be drawn as a potted plant), and
    none of a person."""
    own = sense.lemmas()[0].name().lower()  # the sense's usual word: a lorry is a truck
    levels: list[list[str]] = [[own] if own.split("_")[-1] not in TOO_GENERAL else []]
    frontier = [sense]
    for _ in range(MAX_LEVELS):
        frontier = [h for s in frontier for h in s.hypernyms()]
        kinds = [
            h.lemmas()[0].name().lower()
            for h in frontier
            if h.lexname() != "noun.person"
            and h.lemmas()[0].name().lower().split("_")[-1] not in TOO_GENERAL
        ]
        levels.append(kinds)
        if not frontier:
            break
    return levels
