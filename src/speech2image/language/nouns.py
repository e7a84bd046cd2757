"""The words of a noun phrase: singular forms, known compounds, and verbs the small
model takes for nouns ("the ship sails" parsed as the compound "ship sails").
"""

from __future__ import annotations

import re
from collections.abc import Collection
from typing import Any

from speech2image.language.attributes import ATTRIBUTE_WORDS
from speech2image.language.concepts import COMPOUND_NOUNS, KNOWN_NOUNS, MASS_NOUNS
from speech2image.language.lexicon import ANIMALS, INSTRUMENTS, PEOPLE
from speech2image.language.nonthings import ABSTRACT_NOUNS, ACTIVITY_NOUNS
from speech2image.language.vocabulary import COLORS, NUMBER_WORDS, SIZE_WORDS
from speech2image.language.word_senses import collected, direction_home, names_whole
from speech2image.language.wordclasses import word_classes

EMOJI = re.compile("[\U0001f000-\U0001faff\u2600-\u27bf\u2b00-\u2bff]")
"""Emoji, each drawn as itself."""

VERB_LIKE_PLURALS = frozenset(
    {"stops", "sails", "waits", "runs", "flies", "swims", "walks", "jumps", "sleeps",
     "sits", "stands", "barks", "drives", "rides", "floats", "rolls", "crashes", "arrives",
     "smiles", "laughs", "cries", "sings", "dances", "reads", "cooks", "eats", "climbs",
     "rests", "glows", "shines", "hides", "hops", "crawls", "dives", "skates", "surfs",
     "grows", "moves", "howls", "roars", "meows", "purrs", "chirps", "quacks", "bounces",
     "spins", "melts", "burns", "blooms", "hangs", "leans", "lies", "passes", "honks",
     "docks", "departs", "returns", "appears", "disappears", "waddles", "gallops"}
)  # fmt: skip
"""Third-person verbs the small model may take for a plural noun after a noun ("the
ship sails" parsed as the compound "ship sails"); never a noun in such a place."""


_IRREGULAR_SINGULAR = {
    "people": "person", "men": "man", "women": "woman", "children": "child", "mice": "mouse",
    "geese": "goose", "teeth": "tooth", "feet": "foot", "knives": "knife", "wolves": "wolf",
    "leaves": "leaf", "loaves": "loaf", "fish": "fish", "sheep": "sheep", "deer": "deer",
    "clothes": "clothes", "jellyfish": "jellyfish", "glasses": "glasses", "police": "police",
}  # fmt: skip
PAIRED_NOUNS = frozenset(
    {"glasses", "sunglasses", "goggles", "binoculars", "scissors", "pliers", "tongs",
     "trousers", "jeans", "pants", "shorts", "tights", "leggings", "pyjamas", "pajamas",
     "headphones", "earphones", "overalls", "stairs", "chips", "fries", "crisps"}
)  # fmt: skip
"""Nouns plural in form that name one thing ("sunglasses", "a pair of jeans", a flight of
"stairs", a portion of "chips"): one drawn."""
_IRREGULAR_SINGULAR.update({noun: noun for noun in PAIRED_NOUNS})
ONE_SET_COMPOUNDS = frozenset({"traffic light", "monkey bar", "fairy light", "parallel bar"})
"""Compounds plural in form that name one set ("at the traffic lights", "on the monkey
bars"): one drawn unless a number is said."""


def singular(token: Any) -> str:
    """The singular of a noun token, trusting known nouns over the lemmatiser ("vases"
    is lemmatised "vas")."""
    word = token.lower_
    if word in _IRREGULAR_SINGULAR:
        return _IRREGULAR_SINGULAR[word]
    if word in KNOWN_NOUNS or word in MASS_NOUNS:
        return word
    endings = (("ies", word[:-3] + "y"), ("es", word[:-2]), ("s", word[:-1]))
    for ending, candidate in endings:
        if word.endswith(ending) and candidate in KNOWN_NOUNS:
            return candidate  # "boots" is never "boy"
    if token.tag_ in ("NNS", "NNPS") or word.endswith("s"):
        return _ie_singular(token, token.lemma_.lower())
    return word


_Y_SPELLINGS = frozenset({"granny", "panty", "doggy", "bogy", "catty", "dy"})
"""Plurals in "-ies" whose "-y" singular is the usual spelling though "-ie" is a noun too."""


def _ie_singular(token: Any, lemma: str) -> str:
    """The "-ie" singular of an "-ies" plural the lemmatiser made "-y" where both are nouns:
    "cookies" is "cookie" (not the old spelling "cooky"), "smoothies" "smoothie",
    "pixies" "pixie"; "puppies" stays "puppy" ("puppie" is no word)."""
    word = token.lower_
    classes = word_classes(token)
    if not word.endswith("ies") or lemma != word[:-3] + "y" or lemma in _Y_SPELLINGS:
        return lemma
    return word[:-1] if classes is not None and word[:-1] in classes.nouns else lemma


def compound_heads(doc: Any, verbs: set[int]) -> dict[int, int]:
    """Head index to first index of known compound nouns, found by their words whatever
    their tags ("fire hydrant" with "hydrant" tagged an adverb); a verb is never the head
    ("the school bus stops" names no bus stop)."""
    heads: dict[int, int] = {}
    for i in range(len(doc) - 1):
        if i + 1 in verbs or _is_verb(doc[i + 1]):
            continue
        for head in (singular(doc[i + 1]), doc[i + 1].lemma_.lower()):
            if f"{doc[i].lower_} {head}" in COMPOUND_NOUNS:
                heads[i + 1] = i
    return heads


def is_noun(token: Any, compound_heads: dict[int, int]) -> bool:
    if token.i in compound_heads:
        return True
    if token.dep_ in ("acl", "relcl", "advcl") and token.lower_.endswith("ing"):
        return False  # "a penguin standing on an iceberg" with "standing" tagged a noun
    if token.pos_ in ("NOUN", "PROPN"):
        return True
    if (
        token.pos_ == "VERB"
        and token.tag_ in ("VB", "VBP")
        and token.dep_ in ("conj", "pobj")
        and token.head.pos_ in ("NOUN", "PROPN", "ADP")
        and not any(c.dep_ == "dobj" and c.pos_ == "PRON" for c in token.children)  # fry them
    ):
        return token.is_alpha  # "sharks and jellyfish" with "jellyfish" tagged a verb
    if _adjective_as_noun(token) or adverb_as_noun(token):
        return True
    if names_whole(token) or collected(token):
        return True  # "the castle roof", "my shell collection" with the first an adjective
    if token.dep_ == "compound" and direction_home(token.head):
        return token.is_alpha  # "she took the puppy home" with "puppy" an adjective
    # The small model tags some nouns as adjectives or verbs ("an oven", "the remote"),
    # even as an adjective of a verb ("the oven needs ..." with "oven" an amod of "needs").
    if singular(token) not in KNOWN_NOUNS:
        return False
    modifier = token.dep_ in ("amod", "compound", "advmod")
    return not modifier or token.head.pos_ in ("VERB", "AUX")


_ARGUMENT_ROLES = frozenset({"nsubj", "nsubjpass", "dobj", "pobj"})


def _adjective_as_noun(token: Any) -> bool:
    """A word tagged an adjective that the parse uses as a noun: it takes an article and
    is the subject or object ("the goldfish swims", "she fed the piglet"), or the
    predicate, when it can only be a noun ("there was a little narwhal", "there is a
    pelican sitting on the wall": WordNet knows no adjective "narwhal")."""
    if token.pos_ != "ADJ" or not token.is_alpha:
        return False
    if not any(c.dep_ == "det" and c.lower_ in ("a", "an", "the") for c in token.children):
        return False
    classes = word_classes(token)
    if classes is not None and classes.only_noun(token.lower_):
        return token.dep_ in (*_ARGUMENT_ROLES, "attr", "conj", "appos", "ROOT")
    return token.dep_ in _ARGUMENT_ROLES and not any(
        c.dep_ in ("amod", "advmod") for c in token.children
    )


def adverb_as_noun(token: Any) -> bool:
    """A word tagged an adverb that WordNet knows only as a noun (the "-ly" nouns: telly,
    brolly, jelly), where a noun stands: an argument ("I left my brolly on the bus", "on
    telly"), or right after its verb or a determiner ("he watches telly all day", "she
    forgot her brolly")."""
    if token.pos_ != "ADV" or not token.is_alpha or token.i == 0:
        return False
    classes = word_classes(token)
    if classes is None or not classes.only_noun(token.lower_):
        return False
    if token.dep_ in _ARGUMENT_ROLES:
        return True
    before = token.doc[token.i - 1]
    after_verb = before.i == token.head.i and not any(c.dep_ == "dobj" for c in token.head.children)
    determined = before.lower_ in _DETERMINER_WORDS
    return token.dep_ == "advmod" and token.head.pos_ == "VERB" and (after_verb or determined)


_DETERMINER_WORDS = frozenset(
    {"a", "an", "the", "my", "your", "his", "her", "its", "our", "their", "this", "that"}
)  # fmt: skip


def gerunds_after_things(doc: Any) -> set[int]:
    """Gerunds the small model took for the head noun of the thing before them: "a man with
    an accordion playing", "a banjo playing in the distance" (the accordion and the banjo
    are the things; "playing" is what is done with them)."""
    found: set[int] = set()
    for token in doc:
        word = token.lower_
        if token.pos_ != "NOUN" or not word.endswith("ing") or token.i == 0:
            continue
        classes = word_classes(token)
        stem = word[:-3]  # playing: play; dancing: dance; running: run
        if classes is None or not {stem, stem + "e", stem[:-1]} & classes.verbs:
            continue
        before = doc[token.i - 1]
        if before.head.i != token.i or before.dep_ not in ("compound", "amod"):
            continue
        if f"{before.lower_} {word}" in COMPOUND_NOUNS:
            continue
        doer = singular(before) in _DOERS  # "a brick building", "an oil painting": things
        if (doer and before.pos_ in ("NOUN", "PROPN")) or (
            before.pos_ == "ADJ" and classes.only_noun(before.lower_)
        ):
            found.add(token.i)
    return found


_DOERS = ANIMALS | PEOPLE | INSTRUMENTS
"""Things a gerund after them is done by or with: "a bird singing", "a banjo playing"."""


def modifier_before_gerund(token: Any, gerunds: Collection[int]) -> bool:
    """True for the thing before such a gerund, whatever its tag ("an accordion playing"
    with "accordion" tagged an adjective)."""
    if token.head.i not in gerunds or token.head.i != token.i + 1 or not token.is_alpha:
        return False
    classes = word_classes(token)
    return token.pos_ in ("NOUN", "PROPN") or (
        classes is not None and classes.only_noun(token.lower_)
    )


YOUNG_ANIMALS = frozenset(
    {"cub", "pup", "calf", "foal", "chick", "kit", "joey", "fawn", "cygnet", "kid",
     "hatchling", "baby", "piglet", "duckling", "kitten", "puppy", "lamb", "owlet"}
)  # fmt: skip
"""Words for the young of an animal named before them ("bear cubs", "a seal pup", "the
elephant calf"): the animal is drawn, young."""


def young_animal(token: Any) -> str | None:
    """The animal whose young ``token`` names ("the bear cubs": bear), or ``None``."""
    if singular(token) not in YOUNG_ANIMALS or token.i == 0:
        return None
    before = token.doc[token.i - 1]
    animal = singular(before)
    if before.head.i == token.i and before.dep_ in ("compound", "amod") and animal in ANIMALS:
        return animal
    return None


def event_modifier(token: Any) -> str | None:
    """The thing an event noun is named after: "a boat trip" is drawn as a boat, "a bike
    ride" as a bike; ``None`` when the head is no event or has no such word."""
    if token.lemma_.lower() not in ACTIVITY_NOUNS:
        return None
    for child in token.children:
        word = child.lemma_.lower()
        concrete = word not in ACTIVITY_NOUNS and word not in ABSTRACT_NOUNS
        if child.dep_ == "compound" and child.pos_ == "NOUN" and child.i < token.i and concrete:
            return singular(child)
    return None


def _is_verb(token: Any) -> bool:
    """A finite verb with a subject of its own ("stops" in "the bus stops at the corner").
    A plain-present form ("a teddy bear" read as "teddy" that "bear"s) is no verb after a
    singular noun, so only third-person and past forms count."""
    if token.tag_ not in ("VBZ", "VBD"):
        return False
    return token.dep_ == "ROOT" or any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children)


_PLURAL_MODIFIERS = frozenset({"sales", "sports", "arms", "goods", "clothes", "news", "savings"})


def _plural_modifier(previous: Any, token: Any) -> bool:
    return (
        previous.tag_ == "NNS"
        and previous.dep_ == "compound"
        and previous.head.i == token.i
        and previous.lower_ not in _PLURAL_MODIFIERS
    )


def verbs_tagged_nouns(doc: Any) -> set[int]:
    """Verbs the small model took for plural nouns after a noun in a clause without a
    verb: "a taxi waits", "the ship sails" parsed as the compounds "taxi waits", "ship
    sails". A counted plural ("two bus stops") stays a noun."""
    found: set[int] = set()
    for sentence in doc.sents:
        has_verb = any(t.pos_ in ("VERB", "AUX") for t in sentence)
        for t in sentence:
            if t.i > sentence.start and _verb_form_after_noun(doc[t.i - 1], t):
                found.add(t.i)  # "a turtle swam past": "swam" is a verb and never a noun
                continue
            if _verb_joined_to_verb(t) or _imperative_tagged_noun(t):
                found.add(t.i)  # "the dog barks and growls"; "Chop two onions"
                continue
            if t.i == sentence.start or has_verb:
                continue
            previous = doc[t.i - 1]
            if t.tag_ == "NN" and t.dep_ == "ROOT" and _plural_modifier(previous, t):
                found.add(t.i)  # "Dogs bark": a plural never modifies a noun this way
                continue
            if t.tag_ not in ("NN", "NNS"):
                continue
            if previous.pos_ not in ("NOUN", "PROPN") and previous.lower_ not in KNOWN_NOUNS:
                continue
            if t.tag_ != "NNS":
                continue
            if any(c.dep_ == "nummod" or c.lower_ in NUMBER_WORDS for c in t.children):
                continue
            # "A deer drinks": a plural with a singular determiner is a verb; so is a
            # plural that heads the clause and has an object of its own ("Mum irons the
            # shirts").
            singular_det = any(c.lower_ in ("a", "an", "every", "each") for c in t.children)
            has_object = t.dep_ == "ROOT" and any(c.dep_ == "dobj" for c in t.children)
            if (
                t.lower_ in VERB_LIKE_PLURALS
                or previous.lower_ in KNOWN_NOUNS
                or singular_det
                or has_object
            ):
                found.add(t.i)
    return found


def _verb_joined_to_verb(token: Any) -> bool:
    """A plural noun joined to a finite verb ("the dog barks and growls" with "growls" a
    noun conj of "barks"): a third-person verb, when WordNet knows its stem as a verb."""
    head = token.head
    if token.tag_ != "NNS" or token.dep_ != "conj" or head.tag_ != "VBZ":
        return False
    if any(c.dep_ in ("det", "nummod", "poss", "amod") for c in token.children):
        return False
    classes = word_classes(token)
    stems = {token.lower_[:-1], token.lower_[:-2]}  # growls: growl; watches: watch
    return classes is not None and bool(stems & classes.verbs)


def _imperative_tagged_noun(token: Any) -> bool:
    """The first word of a sentence tagged a noun that heads it and has an object of its own
    ("Chop two onions and fry them"): an order, a verb, when WordNet knows it as one."""
    if token.dep_ != "ROOT" or token.pos_ not in ("NOUN", "PROPN") or not token.is_sent_start:
        return False
    if not any(c.dep_ == "dobj" for c in token.children):
        return False
    classes = word_classes(token)
    return classes is not None and token.lower_ in classes.verbs


def _verb_form_after_noun(previous: Any, token: Any) -> bool:
    """An irregular verb form that is no noun, tagged a noun right after one ("a turtle
    swam past" parsed as the compound "turtle swam")."""
    classes = word_classes(token)
    return (
        classes is not None
        and token.tag_ in ("NN", "NNP")
        and previous.pos_ in ("NOUN", "PROPN")
        and classes.only_verb_form(token.lower_)
    )


def noun_words(doc: Any, token: Any, blocked: Collection[int] = ()) -> tuple[str, int]:
    """The singular noun words of the phrase headed by ``token`` and the first index."""
    head_word = singular(token)
    if not head_word.isalpha() and not EMOJI.search(head_word):
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
            if previous.i in blocked and joined not in COMPOUND_NOUNS:
                break  # "the kitchen shelf": the kitchen is the place, the shelf the thing
            attribute = previous.lower_ in ATTRIBUTE_WORDS and joined not in COMPOUND_NOUNS
            verb = previous.pos_ == "VERB" and joined not in COMPOUND_NOUNS  # "cooking soup"
            if previous.lower_ in COLORS or previous.lower_ in SIZE_WORDS or attribute or verb:
                break
            words.insert(0, previous.text.lower())
            first = i
            i -= 1
            continue
        break
    return " ".join(words), first
