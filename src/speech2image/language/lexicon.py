"""Word lists of the kinds of things the verbs and relations need to know.

People and animals act, wear and hold things; clothing is worn; body parts belong to
their owner; containers hold; placing verbs put a thing where a phrase says. These are
the language stage's own lists (the drawing keeps its own in imaging/compose).
"""

from __future__ import annotations

from speech2image.language.vocabulary import FEMALE_WORDS, MALE_WORDS, PERSON_WORDS

CLOTHING = frozenset(
    {"hat", "cap", "dress", "shirt", "t-shirt", "coat", "jacket", "scarf", "glasses",
     "sunglasses", "boot", "shoe", "helmet", "crown", "tie", "bow tie", "skirt", "sweater",
     "jumper", "glove", "mask", "costume", "uniform", "suit", "pajamas", "pyjamas",
     "raincoat", "hoodie", "jeans", "trousers", "pants", "shorts", "sock", "apron",
     "necklace", "earring", "ring", "cape", "bikini", "swimsuit", "sneaker", "sandal",
     "vest", "blouse", "gown", "robe", "overalls", "mitten", "beanie", "bonnet", "veil"}
)  # fmt: skip
"""Things worn: "a girl in a red dress" and "a boy with a hat" are wearing them."""
BODY_PARTS = frozenset(
    {"eye", "ear", "nose", "mouth", "tail", "hair", "leg", "arm", "hand", "foot", "wing",
     "whisker", "tooth", "fur", "face", "head", "finger", "paw", "beak", "horn", "trunk",
     "neck", "back", "feather", "spot", "stripe", "smile", "beard", "moustache", "mane",
     "lap", "shoulder", "knee"}
)  # fmt: skip
"""Parts of the thing itself: "the cat has long whiskers" holds nothing."""
ANIMALS = frozenset(
    {"cat", "dog", "horse", "cow", "sheep", "pig", "goat", "chicken", "hen", "rooster",
     "duck", "duckling", "goose", "bird", "owl", "eagle", "parrot", "pigeon", "penguin",
     "elephant", "giraffe", "zebra", "lion", "tiger", "bear", "polar bear", "monkey", "ape",
     "gorilla", "fox", "wolf", "deer", "rabbit", "bunny", "mouse", "rat", "hamster",
     "squirrel", "frog", "toad", "snake", "lizard", "turtle", "tortoise", "fish", "shark",
     "whale", "dolphin", "octopus", "crab", "bee", "butterfly", "ant", "spider", "camel",
     "kangaroo", "koala", "panda", "puppy", "kitten", "calf", "foal", "lamb", "donkey",
     "dragon", "unicorn", "dinosaur", "hedgehog", "badger", "otter", "seal", "swan", "crow",
     "hippo", "rhino", "cheetah", "leopard", "bat", "snail", "ladybug", "guinea pig"}
)  # fmt: skip
"""Animals: they act ("the dog ran"), as people do."""
PEOPLE = frozenset(
    {*PERSON_WORDS, *FEMALE_WORDS, *MALE_WORDS, "grandma", "grandpa", "granny", "kid",
     "toddler", "family", "cook", "nurse",
     "firefighter", "fisherman", "knight", "clown", "dancer", "singer", "player", "driver",
     "rider", "sailor", "soldier", "worker", "baker", "artist", "musician", "neighbor",
     "neighbour", "he", "she", "they", "him", "her", "them", "cowboy", "guy", "someone"}
)  # fmt: skip
"""People words (and the pronouns of people): they act, wear and hold things."""

PLACING_VERBS = frozenset({"put", "place", "set", "lay", "write", "draw", "hang", "stick",
                          "pin", "drop", "throw", "pour", "spread", "plant"})  # fmt: skip
"""Verbs whose object goes where the phrase says, even an object that is not drawn."""
CONTAINERS = frozenset({"bowl", "basket", "box", "bag", "jar", "plate", "cup", "glass", "tray",
                       "bucket", "vase", "pot", "bottle", "crate", "tin"})  # fmt: skip
"""Things that hold other things: "a bowl of cherries" is cherries in a bowl."""
WORN_ON_FEET_OR_HANDS = frozenset({"boot", "shoe", "sock", "glove", "mitten", "sneaker", "sandal"})
"""Things worn on the feet or hands: "a boy with boots" wears them, not on his head."""
