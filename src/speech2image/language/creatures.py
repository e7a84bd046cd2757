"""Creatures: the things of a story that may be called "he" or "she".

People are "he" or "she" by their words (:mod:`speech2image.language.vocabulary`); a story
calls its animals and characters so too ("The hedgehog lived under the shed. Every night
he crept out"). The drawing lists know the common animals; a story's animal may be any,
so this adds the characters stories tell of (a robot, a snowman, a ghost) and words
shaped like an animal's name ("bowerbird", "goldfish").
"""

from __future__ import annotations

from speech2image.language.attributes import is_animate
from speech2image.language.concepts import KNOWN_NOUNS
from speech2image.language.lexicon import ANIMALS as LEXICON_ANIMALS
from speech2image.language.mentions import Mention

STORY_CREATURES = frozenset(
    {"alien", "animal", "anteater", "beast", "capybara", "quokka", "mare", "stallion", "jay",
     "thrush", "creature", "pet", "robot", "ghost", "goblin", "ogre", "gnome", "dwarf",
     "snowman", "teddy", "puppet", "doll", "dinosaur", "dragon", "unicorn"}
)  # fmt: skip
"""Characters and animals beyond the lists of animals (``attributes.ANIMALS``), which a
story may call "he" or "she"."""
_CREATURE_ENDINGS = ("bird", "fish", "fly", "bug", "worm", "bee", "wolf", "bear")
_ROLE_ENDINGS = ("er", "or", "ist", "ian")


def is_creature(mention: Mention) -> bool:
    """True for an animal or a character of a story, which "he" or "she" may be."""
    head = mention.noun.split()[-1]
    if is_animate(mention.noun) or mention.creature or head in LEXICON_ANIMALS:
        return True
    return head in STORY_CREATURES or (len(head) > 4 and head.endswith(_CREATURE_ENDINGS))


def role_word(word: str) -> bool:
    """A word shaped like a person's role ("goalkeeper", "janitor", "florist") and no
    known thing: "he" with nobody else to point at is that person."""
    return len(word) >= 5 and word.endswith(_ROLE_ENDINGS) and word not in KNOWN_NOUNS
