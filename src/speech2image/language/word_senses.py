"""Words that name a thing in one sense and no thing of their own in the sentence said.

- A part named after its whole ("the castle roof", "the car bonnet", "the teapot lid") is
  the whole's: the whole is drawn and what is on the part is on it, as with "the roof of
  the castle". A whole that is also a place word ("the castle roof") is drawn in its
  setting, not only made the backdrop.
- "Home" after a verb of going or bringing ("take one home", "she took the puppy home")
  says where to, not a house; "the puppy" is what is taken.
- "The dark" ("scared of the dark") is darkness, not a thing.
- A collection named by what it holds ("my shell collection", "his stamp collection")
  draws several of the things held.
- Someone spoken to ("Hi Mum, I got home fine", "thanks Dad", "see you soon, Nana") is the
  listener, not someone in the picture.
- A bank by water ("the river bank", "tied up along the bank") is the waterside, not the
  building money is kept in.

Pure functions over spaCy tokens, read by :mod:`speech2image.language.drawable` and
:mod:`speech2image.language.nouns` (this module imports neither).
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from speech2image.language.concepts import COMPOUND_NOUNS, KNOWN_NOUNS
from speech2image.language.nonthings import NOT_THINGS
from speech2image.language.places import PLACE_WORDS, THING_PARTS

WATER_WORDS = frozenset(
    {"river", "canal", "stream", "lake", "pond", "creek", "brook", "riverside", "loch"}
)
"""Waters whose bank is their side: "the river bank", "the canal bank"."""

WATERSIDE_PREPOSITIONS = frozenset({"along", "up", "down", "onto", "off", "beside"})
"""Prepositions before "the bank" that say a river's ("tied up along the bank"), unlike
"at the bank" or "to the bank" (where money is kept)."""

COLLECTION_NOUNS = frozenset({"collection", "collections", "hoard", "stash"})
"""Nouns of a gathering of things named by the thing before them ("the shell collection")."""

ADDRESS_WORDS = frozenset(
    {"mum", "mom", "mummy", "mommy", "mam", "ma", "dad", "daddy", "papa", "pa", "grandma",
     "grandpa", "granny", "grandad", "granddad", "gran", "nana", "nan", "auntie", "aunty",
     "uncle", "sis", "bro", "son", "love", "darling", "sweetie", "honey", "sweetheart",
     "sir", "madam", "mate", "buddy", "pal", "kids", "boys", "girls", "team"}
)  # fmt: skip
"""Words one calls the person spoken to."""

GREETINGS = frozenset(
    {"hi", "hello", "hey", "thanks", "thank", "sorry", "bye", "goodbye", "morning", "night",
     "evening", "cheers", "ok", "okay", "yes", "no", "oh", "dear", "welcome", "congratulations"}
)  # fmt: skip
"""Words said to someone just before calling them: "hi Mum", "thanks Dad"."""

_DIRECTION_ROLES = frozenset({"dobj", "advmod", "npadvmod"})


def _whole_before(part: Any) -> Any | None:
    """The noun before a part noun that names its whole ("car" in "the car roof"), or
    ``None``; a known two-word thing ("door handle" in the lexicon) stays one thing."""
    if part.lemma_.lower() not in THING_PARTS or part.i == 0:
        return None
    whole = part.doc[part.i - 1]
    if whole.dep_ not in ("compound", "amod") or whole.head.i != part.i:
        return None
    word = whole.lower_
    # the small model tags some wholes adjectives ("the castle roof", "the barn roof")
    if whole.pos_ not in ("NOUN", "PROPN") and word not in KNOWN_NOUNS | PLACE_WORDS.keys():
        return None
    joined = f"{whole.lower_} {part.lemma_.lower()}"
    if joined in COMPOUND_NOUNS or f"{whole.lower_} {part.lower_}" in COMPOUND_NOUNS:
        return None
    return None if whole.lemma_.lower() in NOT_THINGS else whole


def wholes_of_parts(doc: Any, place_tokens: Collection[int]) -> frozenset[int]:
    """Place words that name the whole of a part after them ("the castle roof", "the barn
    door"): drawn as things, though they also set the scene."""
    return frozenset(i for i in place_tokens if names_whole(doc[i]))


def names_whole(token: Any) -> bool:
    """True for the word before a part that names its whole ("castle" in "the castle
    roof"): a thing of its own, whatever the tagger made of it."""
    after = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    return after is not None and (w := _whole_before(after)) is not None and w.i == token.i


def collected(token: Any) -> bool:
    """True for the word before a collection that names what it holds ("shell" in "my
    shell collection"): several of them are drawn, not the idea of a collection."""
    if token.dep_ != "compound" or token.head.i != token.i + 1:
        return False
    if token.head.lower_ not in COLLECTION_NOUNS or not token.is_alpha:
        return False
    word = token.lemma_.lower()
    return token.pos_ in ("NOUN", "PROPN") or word in KNOWN_NOUNS or token.pos_ == "ADJ"


def addressed(token: Any) -> bool:
    """True for the person spoken to ("Hi Mum,", "thanks Dad", "see you soon, Nana.",
    "Mum, can you pass the salt?"), not "Mum and Dad went out" or "my mum"."""
    if token.lower_ not in ADDRESS_WORDS or any(c.dep_ in ("det", "poss") for c in token.children):
        return False
    doc, i = token.doc, token.i
    before = doc[i - 1].lower_ if i > 0 else ""
    after = doc[i + 1].text if i + 1 < len(doc) else "."
    if before in GREETINGS:
        return after in (",", ".", "!", "?") or i + 1 == len(doc)
    if before == "," and after in (".", "!", "?"):
        return True  # "see you soon, Nana."
    spoken_to = any(t.lower_ in ("you", "your") for t in doc)
    return i == 0 and after == "," and spoken_to  # "Mum, can you pass the salt?"


def direction_home(token: Any) -> bool:
    """True for "home" that says where to after a verb ("take one home", "took the puppy
    home"), not "their home" or "a new home"."""
    if token.lower_ != "home" or token.dep_ not in _DIRECTION_ROLES:
        return False
    if token.head.pos_ not in ("VERB", "AUX"):
        return False
    roles = {c.dep_ for c in token.children}
    if roles & {"poss", "amod", "prep", "relcl", "acl"}:
        return False
    # "the puppy home": the small model hangs "the" and "puppy" on "home"
    return "det" not in roles or bool(roles & {"compound", "nummod"})


def _waterside_bank(token: Any) -> bool:
    """True for "the river bank" and "along the bank"."""
    if token.lemma_.lower() != "bank":
        return False
    if any(c.dep_ == "compound" and c.lower_ in WATER_WORDS for c in token.children):
        return True
    return token.dep_ == "pobj" and token.head.lower_ in WATERSIDE_PREPOSITIONS


def sense_reason(token: Any) -> str | None:
    """Why ``token`` names no thing of its own in this sentence, or ``None``."""
    if token.pos_ not in ("NOUN", "PROPN", "ADV"):
        return None
    if token.pos_ != "ADV" and _whole_before(token) is not None:
        return "not depictable"  # the part of a whole named before it
    if direction_home(token) or _waterside_bank(token) or addressed(token):
        return "not depictable"
    is_dark = token.lower_ == "dark" and token.pos_ == "NOUN"
    if is_dark and any(c.dep_ == "det" for c in token.children):
        return "not depictable"  # "afraid of the dark": darkness
    return None
