"""The words of the compositional sets: nouns by role, attributes, relations and verbs.

Nouns are COCO-like things and animals, grouped by what they can plausibly do in a
relation (a small thing goes on a support; a flyer goes above). Names marked ``HOLDOUT_``
are drawn only for the held-out split.
"""

from __future__ import annotations

PEOPLE = ("man", "woman", "boy", "girl")
SMALL_ANIMALS = ("cat", "dog", "bird", "duck", "rabbit", "mouse", "chicken", "frog", "fox",
                 "monkey", "owl")  # fmt: skip
BIG_ANIMALS = ("horse", "cow", "sheep", "pig", "elephant", "bear", "lion", "giraffe", "zebra",
               "goat")  # fmt: skip
ANIMALS = SMALL_ANIMALS + BIG_ANIMALS
SMALL_THINGS = ("cup", "book", "ball", "apple", "vase", "clock", "bottle", "teddy bear", "hat",
                "banana", "orange", "teapot", "lamp", "bowl")  # fmt: skip
SUPPORTS = ("table", "chair", "bench", "couch", "bed", "box")
CONTAINERS = ("box", "bowl", "basket", "bag")
FLYERS = ("bird", "kite", "airplane", "owl", "balloon")
LARGE_THINGS = ("car", "bus", "bicycle", "tree", "house", "truck", "boat", "fence", "umbrella")
FOOD = ("apple", "banana", "carrot", "cake", "pizza", "sandwich", "orange", "donut")
HOLDOUT_NOUNS = frozenset({"zebra", "owl", "goat", "teapot", "lamp"})

COLORS = ("red", "blue", "green", "yellow", "black", "white", "pink", "purple", "orange",
          "brown", "grey")  # fmt: skip
MATERIALS = {"wooden": "wood", "metal": "metal", "glass": "glass", "stone": "stone",
             "plastic": "plastic", "golden": "gold", "paper": "paper", "silver": "silver",
             "ice": "ice"}  # fmt: skip
HOLDOUT_MATERIALS = frozenset({"silver", "ice"})
MATERIAL_NOUNS = frozenset({"chair", "table", "bench", "box", "bowl", "cup", "vase", "bottle",
                            "clock", "fence", "boat", "ball", "lamp", "teapot", "bed",
                            "basket"})  # fmt: skip
PATTERNS = ("striped", "spotted", "checkered", "dotted")
PATTERN_NOUNS = frozenset({"ball", "box", "hat", "umbrella", "cup", "vase", "chair", "couch",
                           "bag", "kite", "bed", "cat", "dog", "horse", "cow",
                           "teapot"})  # fmt: skip
UNCOLORED = frozenset(PEOPLE) | {"tree", "orange"}
NUMBERS = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five", 6: "six"}
IRREGULAR = {"mouse": "mice", "sheep": "sheep", "man": "men", "woman": "women", "fox": "foxes",
             "goose": "geese", "bus": "buses", "box": "boxes", "bench": "benches",
             "couch": "couches", "sandwich": "sandwiches"}  # fmt: skip

SPATIAL = {  # canonical relation -> (words said, acceptable relations in the scene)
    "on": (("on", "on top of"), "on|sitting on|standing on|lying on"),
    "under": (("under", "underneath"), "under|below"),
    "above": (("above",), "above|flying over"),
    "in": (("in", "inside"), "in|sitting in|sleeping in"),
    "left of": (("to the left of",), "left of"),
    "right of": (("to the right of",), "right of"),
    "behind": (("behind",), "behind"),
    "in front of": (("in front of",), "in front of"),
    "beside": (("next to", "beside"), "beside|near"),
}
VERBS = (  # verb said, acceptable relations, subjects, objects
    (
        "chasing",
        "chasing",
        ("dog", "cat", "fox", "lion", "boy", "girl"),
        ("cat", "mouse", "bird", "rabbit", "duck", "chicken", "ball"),
    ),
    (
        "jumping over",
        "jumping over",
        ("horse", "dog", "cat", "rabbit", "frog", "boy", "girl"),
        ("fence", "bench", "box", "ball"),
    ),
    (
        "playing with",
        "playing with|playing",
        ("cat", "dog", "monkey", "boy", "girl"),
        ("ball", "teddy bear", "box", "kite"),
    ),
    ("riding", "riding", PEOPLE, ("horse", "bicycle", "elephant", "zebra")),
    (
        "holding",
        "holding|carrying",
        PEOPLE,
        ("umbrella", "cup", "book", "ball", "apple", "kite", "bag", "lamp"),
    ),
    (
        "eating",
        "eating",
        ("dog", "horse", "rabbit", "mouse", "monkey", "bear", "goat", "boy", "girl"),
        FOOD,
    ),
    ("looking at", "looking at|watching", ANIMALS + PEOPLE, ANIMALS + SMALL_THINGS),
    ("feeding", "feeding", PEOPLE, ("duck", "horse", "rabbit", "chicken", "goat", "cat", "dog")),
    ("kicking", "kicking", ("boy", "girl", "man", "woman", "horse"), ("ball",)),
    ("reading", "reading", PEOPLE, ("book",)),
    (
        "sitting on",
        "sitting on|on",
        (*PEOPLE, "cat", "dog", "monkey"),
        ("chair", "bench", "couch", "bed"),
    ),
    ("carrying", "carrying|holding", (*PEOPLE, "dog"), ("box", "bag", "basket", "umbrella")),
    ("hugging", "hugging|holding", PEOPLE, ("dog", "cat", "teddy bear", "rabbit")),
    ("pulling", "pulling", (*PEOPLE, "horse"), ("box", "basket", "bag")),
    ("following", "following", ANIMALS + PEOPLE, ANIMALS + PEOPLE),
)
HOLDOUT_VERBS = frozenset({"hugging", "pulling", "following"})
ALL_NOUNS = tuple(dict.fromkeys(PEOPLE + ANIMALS + SMALL_THINGS + SUPPORTS + CONTAINERS
                                + FLYERS + LARGE_THINGS + FOOD))  # fmt: skip


def plural(noun: str) -> str:
    """The plural of a noun of this vocabulary ("teddy bear" -> "teddy bears")."""
    head, _, last = noun.rpartition(" ")
    if last in IRREGULAR:
        word = IRREGULAR[last]
    elif last.endswith("y") and last[-2] not in "aeiou":
        word = last[:-1] + "ies"
    else:
        word = last + "s"
    return f"{head} {word}" if head else word


def article(word: str) -> str:
    return "an" if word[0] in "aeiou" else "a"


IN_SUBJECTS = ("apple", "orange", "ball", "banana", "book", "cat", "mouse", "teddy bear", "frog")
STACKED = frozenset({"on", "under", "in", "above"})
"""Relations whose object is one thing: a cat on three chairs is not what people say."""
