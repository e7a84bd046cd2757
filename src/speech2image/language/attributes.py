"""Attributes of a thing beyond colour and size: material, pattern, finish and age.

Read from the adjectives and compound words before a noun ("a wooden chair", "a striped
cat", "a baby elephant"), from a predicate ("the vase is glass"), and from nouns that
imply an age ("grandfather" is an old man, "toddler" a baby). Values are the canonical
names of :mod:`speech2image.scene` (``MATERIALS``, ``PATTERNS``, ``FINISHES``, ``AGES``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from speech2image.language.vocabulary import COLORS, PERSON_WORDS

MATERIAL_WORDS = {
    "wooden": "wood", "wood": "wood", "timber": "wood", "oak": "wood", "bamboo": "wood",
    "metal": "metal", "metallic": "metal", "steel": "metal", "iron": "metal",
    "tin": "metal", "copper": "metal", "bronze": "metal", "brass": "metal",
    "aluminium": "metal", "aluminum": "metal", "glass": "glass", "crystal": "glass",
    "stone": "stone", "marble": "stone", "rock": "stone", "granite": "stone",
    "brick": "stone", "concrete": "stone", "plastic": "plastic", "rubber": "plastic",
    "golden": "gold", "gold": "gold", "silver": "silver", "paper": "paper",
    "cardboard": "paper", "ice": "ice", "icy": "ice", "frozen": "ice",
}  # fmt: skip
"""Material words before a noun, and the canonical material."""
PATTERN_WORDS = {
    "striped": "striped", "stripy": "striped", "stripey": "striped", "spotted": "spotted",
    "spotty": "spotted", "dotted": "dotted", "polka-dot": "dotted", "checkered": "checkered",
    "chequered": "checkered", "checked": "checkered", "plaid": "checkered",
    "tartan": "checkered", "polka": "dotted", "dot": "dotted", "dots": "dotted",
    "stripes": "striped", "spots": "spotted",
}  # fmt: skip
PATTERN_PHRASES = {("polka", "dot"): "dotted", ("polka", "-", "dot"): "dotted"}
FINISH_WORDS = {
    "sparkling": "sparkling", "sparkly": "sparkling", "glittering": "sparkling",
    "glittery": "sparkling", "twinkling": "sparkling", "shiny": "shiny",
    "shining": "shiny", "glossy": "shiny", "polished": "shiny", "gleaming": "shiny",
    "glowing": "glowing", "luminous": "glowing", "radiant": "glowing",
}  # fmt: skip
AGE_WORDS = {
    "old": "old", "elderly": "old", "aged": "old", "ancient": "old", "aging": "old",
    "young": "young", "teenage": "young", "youthful": "young", "baby": "baby",
    "newborn": "baby", "infant": "baby",
}  # fmt: skip
"""Age words; they give an age only to people and animals (an old car has no age)."""

AGE_NOUNS = {
    "grandfather": ("man", "old"), "grandpa": ("man", "old"), "granddad": ("man", "old"),
    "grandad": ("man", "old"), "grandmother": ("woman", "old"), "grandma": ("woman", "old"),
    "granny": ("woman", "old"), "nana": ("woman", "old"), "grandparent": ("person", "old"),
    "toddler": ("baby", "baby"), "infant": ("baby", "baby"), "newborn": ("baby", "baby"),
    "baby": ("baby", "baby"), "teenager": ("person", "young"), "teen": ("person", "young"),
    "youngster": ("child", "young"), "elder": ("person", "old"),
    "pensioner": ("person", "old"), "oldman": ("man", "old"),
}  # fmt: skip
"""Nouns that imply an age: the noun drawn and its age."""

ANIMALS = frozenset(
    {"dog", "cat", "puppy", "kitten", "horse", "pony", "cow", "calf", "pig", "sheep",
     "lamb", "goat", "chicken", "chick", "duck", "duckling", "goose", "bird", "owl",
     "eagle", "parrot", "penguin", "elephant", "giraffe", "zebra", "lion", "tiger", "bear",
     "monkey", "gorilla", "fox", "wolf", "deer", "rabbit", "bunny", "mouse", "rat",
     "squirrel", "hedgehog", "frog", "turtle", "tortoise", "fish", "whale", "dolphin",
     "shark", "octopus", "crab", "snake", "lizard", "dinosaur", "dragon", "unicorn",
     "camel", "kangaroo", "koala", "panda", "hippo", "rhino", "seal", "otter", "bee",
     "butterfly", "spider", "ant", "snail", "bat", "swan", "pigeon", "crow", "dragonfly",
     "sloth", "crocodile", "alligator", "walrus", "narwhal", "pelican", "chameleon",
     "armadillo", "beaver", "bison", "buffalo", "boar", "bull", "ox", "moose", "elk",
     "reindeer", "llama", "alpaca", "mule", "foal", "donkey", "hare", "mole", "weasel",
     "ferret", "raccoon", "skunk", "possum", "opossum", "porcupine", "meerkat", "mongoose",
     "hyena", "jaguar", "panther", "lynx", "puma", "cougar", "ocelot", "wombat", "platypus",
     "wallaby", "lemur", "chimpanzee", "chimp", "orangutan", "baboon", "gibbon",
     "hippopotamus", "rhinoceros", "warthog", "antelope", "gazelle", "hamster", "gerbil",
     "guinea pig", "chinchilla", "lobster", "shrimp", "prawn", "jellyfish", "starfish",
     "seahorse", "squid", "orca", "stingray", "eel", "salmon", "trout", "goldfish",
     "tadpole", "newt", "salamander", "gecko", "iguana", "cobra", "viper", "hen", "rooster",
     "cockerel", "turkey", "peacock", "flamingo", "ostrich", "emu", "stork", "heron",
     "seagull", "gull", "puffin", "albatross", "hawk", "falcon", "vulture", "raven",
     "magpie", "robin", "sparrow", "blackbird", "starling", "wren", "finch", "canary",
     "budgie", "parakeet", "cockatoo", "toucan", "woodpecker", "kingfisher", "hummingbird",
     "bumblebee", "wasp", "hornet", "beetle", "ladybird", "ladybug", "caterpillar", "moth",
     "grasshopper", "mosquito", "fly", "worm", "slug", "scorpion", "chipmunk", "yak",
     "dromedary", "badger", "vole", "shrew", "stoat", "sea lion", "cub", "pup", "piglet",
     "gosling", "cygnet", "fawn", "joey", "owlet", "mermaid", "monster", "troll", "griffin",
     "phoenix", "yeti"}
)  # fmt: skip
"""Animals and creatures of stories, which have an age ("a baby elephant") as people do,
and may be "he" or "she" in a story ("below him a crocodile": the sloth)."""
PEOPLE = frozenset(
    {*PERSON_WORDS, "fisherman", "fishermen", "sailor", "soldier", "knight", "nurse",
     "baker", "driver", "pilot", "artist", "singer", "dancer", "player", "worker",
     "brother", "sister", "son", "daughter", "aunt", "uncle", "husband", "wife",
     "neighbour", "neighbor", "guy", "girlfriend", "boyfriend", "stranger", "traveller",
     "traveler", "hunter", "shepherd", "fairy", "giant", "elf", "wizard", "grandparent",
     "mum", "mummy", "mom", "mommy", "mama", "dad", "daddy", "papa", "grandpa", "grandma",
     "granny", "nana", "grandad", "granddad", "auntie", "toddler", "baby", "teenager"}
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Attributes:
    """Material, pattern, finish and age of one noun phrase; ``None`` when unsaid."""

    material: str | None = None
    pattern: str | None = None
    finish: str | None = None
    age: str | None = None


ATTRIBUTE_WORDS = frozenset({*MATERIAL_WORDS, *PATTERN_WORDS, *FINISH_WORDS, *AGE_WORDS})
"""Every word read as an attribute; such a word before a noun is never part of its name."""


def is_animate(noun: str) -> bool:
    """True for people and animals (which have an age)."""
    head = noun.split()[-1]
    return head in PEOPLE or head in ANIMALS or head.endswith("man") or head.endswith("woman")


def attributes_of(words: list[Any], noun: str) -> Attributes:
    """The attributes the modifier tokens ``words`` (left of the noun) give ``noun``."""
    material = pattern = finish = age = None
    lower = [t.lower_ for t in words]
    for k, word in enumerate(lower):
        if word in MATERIAL_WORDS and material is None:
            material = MATERIAL_WORDS[word]
        if word in PATTERN_WORDS and pattern is None:
            pattern = PATTERN_WORDS[word]
        if word in FINISH_WORDS and finish is None:
            finish = FINISH_WORDS[word]
        if word in AGE_WORDS and age is None and is_animate(noun):
            age = AGE_WORDS[word]
        if word == "little" and age is None and is_animate(noun):
            # "a little girl" is a young girl; "a little elephant" a baby one.
            age = "young" if noun.split()[-1] in PEOPLE else "baby"
        if tuple(lower[k : k + 2]) in PATTERN_PHRASES or tuple(lower[k : k + 3]) in PATTERN_PHRASES:
            pattern = "dotted"
    return Attributes(material=material, pattern=pattern, finish=finish, age=age)


def predicate_attributes(token: Any, noun: str) -> Attributes:
    """Attributes said after a copula: "the chair is wooden", "the man was old"."""
    if token.dep_ not in ("nsubj", "nsubjpass"):
        return Attributes()
    words = []
    for child in token.head.children:
        if child.dep_ in ("acomp", "attr", "oprd") and child.pos_ in ("ADJ", "NOUN"):
            words.extend([child, *(c for c in child.children if c.dep_ == "conj")])
    return attributes_of(words, noun) if words else Attributes()


def age_noun(noun: str) -> tuple[str, str | None]:
    """The noun drawn for a noun that implies an age, and that age: ``grandfather`` is
    ``("man", "old")``; other nouns come back unchanged with no age."""
    words = noun.split()
    found = AGE_NOUNS.get(words[-1])
    if found is None:
        return noun, None
    return " ".join([*words[:-1], found[0]]), found[1]


_BECOMING_VERBS = frozenset({"turn", "go", "become", "grow", "get", "stay", "look", "seem"})


def becomes_colour(token: Any) -> bool:
    """A colour word the model took for the object of a verb of becoming ("turned bright
    orange", "went red")."""
    return (
        token.dep_ in ("dobj", "attr")
        and token.lower_ in COLORS
        and token.head.lemma_.lower() in _BECOMING_VERBS
        and not any(c.dep_ == "det" for c in token.children)
    )


_MAKING = frozenset({"make", "build", "carve", "craft", "fold", "knit", "sew", "weave"})


def made_of(prep: Any) -> Any | None:
    """The verb of making a material phrase hangs on ("made of gold", "made out of paper",
    "built from stone"), or ``None``."""
    if prep.lower_ not in ("of", "from"):
        return None
    verb = prep.head.head if prep.head.lower_ == "out" else prep.head
    return verb if verb.lemma_.lower() in _MAKING else None
