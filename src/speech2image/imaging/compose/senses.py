"""Whether an asset near a noun in embedding space draws that noun, or something else.

MiniLM places a word near its neighbours in spelling and in use as well as in meaning:
"hammock" lies near "hamster", "cockpit" near "pilot", "slide" near "playground slide".
These checks tell the matcher (:mod:`speech2image.imaging.compose.matching`) when a near
asset is a false friend of the noun's spelling, what kind of thing an asset's name draws,
and when an asset named for a place may draw a noun said elsewhere.
"""

from __future__ import annotations

from speech2image.scene import SETTINGS, Scene


def false_friend(noun: str, name: str) -> bool:
    """True when an embedding match is likely a false friend of the noun's spelling rather
    than its meaning (MiniLM's word pieces make "hammock" near "hamster"):

    - a one-word noun that is only a modifier of the asset ("club" - "club suit"), or that
      shares a word's start or end without being it ("lap" - "laptop", "page" - "pager",
      "pram" - "ram", "hammock" - "hamster", "snowball" - "snowflake"), unless it is a
      closed compound of that word ("raincoat" - "coat", "sandcastle" - "castle");
    - a compound whose asset lacks its head word or has a word it does not say
      ("kitchen shelf" - "ice shelf", "wedding cake" - "wedding").
    """
    words, named = noun.split(), name.split()
    if len(words) > 1:
        head = words[-1]
        has_head = any(w.endswith(head) for w in named)
        return not has_head or any(w not in words and not w.endswith(head) for w in named)
    head = kind_of(name)
    if head in (noun, noun + "s", noun + "es"):
        return False  # "statue" - "Statue of Liberty", "flower" - "white flower"
    if noun in named:
        return True  # a modifier of something else
    if any(noun.endswith(w) and len(w) >= 4 and len(noun) - len(w) >= 3 for w in named):
        return False  # a closed compound and its head: "raincoat" - "coat"
    return any(
        w.startswith(noun)
        or noun.startswith(w)
        or w.endswith(noun)
        or noun.endswith(w)
        or (len(w) > 3 and w[:3] == noun[:3])
        for w in named
    )


_LINKS = ("of", "in", "with", "on", "at")
"""Words after which an asset's name goes on about something else: the thing is the word
before ("statue of liberty" is a statue, "flag in hole" a flag, "cloud with rain" a cloud)."""


def kind_of(name: str) -> str:
    """The head word of an asset's name: what kind of thing it draws."""
    words = name.replace("-", " ").split()
    cut = next((k for k, w in enumerate(words) if k and w in _LINKS), len(words))
    return words[cut - 1] if words else ""


def same_kind(kind: str, name: str) -> bool:
    """Whether the asset ``name`` draws a thing of ``kind`` too ("man pilot" as "pilot",
    "flatbread" as "bread")."""
    other = kind_of(name)
    if other == kind or other.endswith(kind) or kind.endswith(other):
        return True
    return any(w.startswith(kind) for w in name.split())  # "flagged point" for "flag"


def in_place(noun: str, asset_name: str, scene: Scene) -> bool:
    """Whether an asset named for a place ("playground slide", "desert island") may draw
    ``noun`` in ``scene``: in that place, or where no place and no idea is said (a sentence
    that skips an abstract word, "the slides of the meeting", is about something else)."""
    words = asset_name.lower().split()
    place = next((" ".join(words[:k]) for k in (2, 1) if " ".join(words[:k]) in SETTINGS), None)
    # A kind of the place itself is drawn as it anywhere: a sandcastle on the beach.
    if place is None or noun.lower().endswith(place) or noun.lower() in place:
        return True
    if scene.setting is not None:
        return scene.setting == place
    return not any(s.reason == "abstract" for s in scene.skipped)
