"""Real-world size priors: a car is drawn bigger than an apple, a bus bigger than a car;
and what a thing's drawing says about how it stands: flying, a top surface to rest
things on, raised on legs with room beneath.

Sizes are classes, not metres: clip art is iconic, and a true-scale apple beside a bus
would be a dot. Each class is the height of one instance as a fraction of the picture's
height, chosen by eye so that every class stays recognisable at 512 px.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from speech2image.imaging.compose.assets import AssetEntry
from speech2image.imaging.compose.extras import EXTRA_SIZES

if TYPE_CHECKING:
    from PIL import Image

SIZE_CLASSES = {"tiny": 0.13, "small": 0.18, "medium": 0.25, "large": 0.32, "huge": 0.4}
"""Height of one instance, as a fraction of the picture height."""
SIZE_WORD_SCALE = {"big": 1.4, "small": 0.65}
"""How much "big" and "small" change a thing's drawn size."""

_BY_NOUN = {
    "tiny": "apple, orange, banana, cup, mug, phone, key, ring, coin, egg, strawberry, "
    "cherry, lemon, spoon, fork, knife, toothbrush, scissors, mouse, insect, bug, bee, ant, "
    "butterfly, ladybug, spider, snail, cookie, candy, donut, cell phone, remote, pencil, "
    "pen, glasses, watch, hot dog, sandwich, carrot, broccoli, bottle, wine glass, bowl, "
    "cake, book, clock, vase, shell, frog, leaf, flower, mushroom, tomato, potato, grape, "
    "pear, peach, nut, candle",
    "small": "cat, kitten, puppy, rabbit, chicken, duck, bird, owl, hat, shoe, ball, "
    "sports ball, teddy bear, toy, doll, backpack, handbag, bag, suitcase, laptop, "
    "keyboard, tv, television, microwave, toaster, pizza, pineapple, watermelon, pumpkin, "
    "fish, squirrel, hedgehog, penguin, parrot, frisbee, kite, umbrella, lamp, plant, "
    "potted plant, basket, box, gift, guitar, drum, skateboard, fire hydrant, sandcastle, "
    "dollhouse, birdhouse, parking meter, hair drier, toilet, sink, snake, turtle, crab, "
    "octopus, monkey, fox, "
    "stop sign, traffic light",
    "medium": "person, man, woman, boy, girl, child, kid, baby, dog, sheep, goat, pig, "
    "wolf, bicycle, bike, motorcycle, bench, tennis racket, skis, snowboard, surfboard, "
    "baseball bat, baseball glove, oven, refrigerator, couch, sofa, table, dining table, "
    "desk, bed, chair, armchair, robot, ghost, alien, lion, tiger, deer, kangaroo, bear, "
    "snowman, cactus, bush, dolphin, wall, brick wall, garden wall, sea wall",
    "large": "car, taxi, horse, cow, zebra, tractor, boat, sailboat, tent, shark, piano, "
    "camel, ambulance, police car, race car, giraffe",
    "huge": "bus, train, truck, lorry, elephant, whale, airplane, plane, helicopter, ship, "
    "house, castle, tree, palm tree, pine tree, christmas tree, rocket, dinosaur, dragon, "
    "mountain, building, tower, church, windmill",
}
SIZE_OF_NOUN = EXTRA_SIZES | {
    noun.strip(): size for size, nouns in _BY_NOUN.items() for noun in nouns.split(",")
}
"""Size class of common nouns (singular, lower case); the project's own drawings
(:mod:`.extras`) bring theirs (a swimming pool is large, a cliff huge)."""

MAX_SURFACE_FRACTION = 0.3
"""The deepest a top surface may lie below its box's top (a chair's seat under its back):
deeper and a thing resting there would read as standing in front instead."""

FLYING = frozenset(
    {"bird", "airplane", "plane", "jet", "helicopter", "kite", "balloon", "cloud", "sun",
     "moon", "star", "butterfly", "bee", "bat", "eagle", "owl", "rocket", "ufo",
     "spaceship", "dragon", "parrot", "dove", "angel", "ghost", "insect", "bug",
     "flying saucer", "hot air balloon", "satellite", "comet", "planet"}
)  # fmt: skip
"""Things drawn up in the sky when nothing holds them."""

_GROUNDED_WEATHER = ("umbrella", "snowman", "thermometer", "fire", "droplet", "wave", "voltage")
"""Drawings of the sky-and-weather group that stand on the ground."""

# Body parts and hands go before people: a bone or a tooth is no person-sized thing.
_BY_GROUP = (
    ("food-drink", "tiny"), ("animal-bug", "tiny"), ("animal-bird", "small"),
    ("animal-mammal", "medium"), ("animal-marine", "small"), ("animal-reptile", "small"),
    ("transport-ground", "large"), ("transport-air", "huge"), ("transport-water", "large"),
    ("place", "huge"), ("plant", "small"), ("body-parts", "tiny"), ("/hand", "small"),
    ("person", "medium"), ("people", "medium"),
    ("household", "small"), ("clothing", "tiny"), ("sport", "small"),
)  # fmt: skip


def size_class(noun: str, entry: AssetEntry) -> str:
    """The size class of ``noun`` drawn as ``entry``: the noun's own prior, else the
    asset's group, else medium."""
    noun = noun.lower()
    if noun in SIZE_OF_NOUN:
        return SIZE_OF_NOUN[noun]
    if noun.startswith(("toy ", "model ")):
        return "small"  # "a toy car", "a model ship": held in a hand
    head = noun.split()[-1] if noun.split() else noun
    if head in SIZE_OF_NOUN:
        return SIZE_OF_NOUN[head]
    name = entry.name.lower()
    if name in SIZE_OF_NOUN:
        return SIZE_OF_NOUN[name]
    for fragment, size in _BY_GROUP:
        if fragment in entry.group:
            return size
    return "medium"


def is_flying(noun: str, entry: AssetEntry) -> bool:
    """True for things that stay up in the sky (birds, planes, the moon)."""
    noun = noun.lower()
    head = noun.split()[-1] if noun.split() else noun
    # The sky-and-weather drawings are half up there (the sun, a cloud, a comet) and half
    # down here (an umbrella, a snowman, a thermometer, fire, a wave).
    in_sky = "sky" in entry.group and not any(w in entry.name.lower() for w in _GROUNDED_WEATHER)
    return noun in FLYING or head in FLYING or "transport-air" in entry.group or in_sky


def surface_fraction(image: Image.Image) -> float:
    """Where the top surface of a drawing lies, as a fraction of its height from the top:
    the first row whose opaque span covers half the width (a table's top, a chair's seat,
    a horse's back), capped at :data:`MAX_SURFACE_FRACTION`."""
    alpha = np.asarray(image.getchannel("A")) > 64
    if not alpha.any():
        return 0.0
    cover = alpha.mean(axis=1)
    wide = np.nonzero(cover >= 0.5)[0]
    first = int(wide[0]) if wide.size else 0
    return min(MAX_SURFACE_FRACTION, first / max(1, alpha.shape[0]))


RIM_BODY_FRACTION = 0.12
"""How deep the wide part of a drawing must run below a row for that row to be its rim
(a bucket's handle bar above it is a thin stroke, not the rim)."""
MAX_RIM_FRACTION = 0.6


def rim_fraction(image: Image.Image) -> float:
    """Where an open container's rim lies, as a fraction of its height from the top: the
    first row from which the opaque span covers half the width for the next
    :data:`RIM_BODY_FRACTION` of the height (the body below the rim), at most
    :data:`MAX_RIM_FRACTION` down; things in the container stand in it through there."""
    alpha = np.asarray(image.getchannel("A")) > 64
    if not alpha.any():
        return 0.0
    wide = alpha.mean(axis=1) >= 0.5
    rows = alpha.shape[0]
    depth = max(1, round(RIM_BODY_FRACTION * rows))
    limit = round(MAX_RIM_FRACTION * rows)
    first = next((r for r in range(limit) if wide[r : r + depth].all()), limit)
    return first / max(1, rows)


def is_open_container(entry: AssetEntry) -> bool:
    """False for things one is in but not through a rim: vehicles, buildings, tents (what
    is in them shows through their windows and doors)."""
    return not entry.group.startswith("travel-places")


def is_raised(image: Image.Image) -> bool:
    """True for drawings with open space beneath (a table or a bench on legs, a tree on
    its trunk, a bridge): their lower third is mostly empty below a wide top."""
    alpha = np.asarray(image.getchannel("A")) > 64
    if alpha.shape[0] < 6:
        return False
    rows = alpha.shape[0]
    top = alpha[: rows // 2].mean()
    low = alpha[rows * 2 // 3 :].mean()
    return bool(top > 0.3 and low < 0.45 * top)
