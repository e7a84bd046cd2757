"""Places: the setting a sentence is in, the things that belong to it, and its lighting.

A place word names the setting when it stands in a place phrase ("in the kitchen", "at
the zoo", "on the Moon", "at the edge of a pine forest", "we visited the farm"), or
wherever it stands for words that are always a place ("the jungle"). Elsewhere it is a
thing to draw: "a house", "in front of a house". Lighting words said of a place ("a dark
forest", "it was gloomy") shade the picture and never change the time of day.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

from speech2image.language.attributes import PEOPLE, is_animate
from speech2image.language.concepts import COMPOUND_NOUNS
from speech2image.language.implied_places import THING_SETTINGS as THING_SETTINGS
from speech2image.language.vocabulary import OUTDOOR_SETTINGS, SETTING_PHRASES, SETTINGS

PLACE_WORDS = {
    **SETTINGS, "wave": "sea", "waves": "sea", "fish tank": "underwater",
    "fishbowl": "underwater", "fishtank": "underwater", "class": "classroom",
    "museum": "room", "gallery": "room", "church": "room", "chapel": "room",
    "shallows": "lake", "staircase": "room", "car park": "city", "parking lot": "city",
    "campfire": "forest",
}  # fmt: skip
"""Place words and their settings: the vocabulary's, the waves ("beneath the waves"),
"in class", and buildings one is in or outside ("outside the church": the street)."""

ALWAYS_SETTING = frozenset(
    {"beach", "seaside", "forest", "jungle", "woods", "woodland", "rainforest", "desert",
     "kitchen", "bedroom", "bathroom", "classroom", "underwater", "farm", "countryside",
     "meadow", "galaxy", "universe", "downtown", "seabed", "arctic", "antarctic",
     "mountains", "playground", "zoo", "supermarket", "schoolyard", "farmyard"}
)  # fmt: skip
"""Place words that are a setting wherever they stand."""

PLACE_PREPOSITIONS = frozenset(
    {"in", "at", "inside", "into", "across", "through", "along", "on", "over", "above",
     "within", "around", "near", "by", "to", "from", "under", "outside", "towards",
     "toward", "beside", "onto", "throughout", "past", "down", "up", "among", "round",
     "below", "beneath", "underneath", "out"}
)  # fmt: skip
"""Prepositions after which a place word names the setting ("in the city"), unlike "of"
in "in front of a house", or "behind" in "a playground behind the school" (a landmark)."""

THING_PARTS = frozenset(
    {"roof", "lid", "handle", "seat", "bonnet", "hood", "deck", "rim", "tip", "spout",
     "doorstep", "windowsill", "sill", "ledge", "step", "steps", "porch", "chimney"}
)  # fmt: skip
"""Parts of a thing that the sentence names with the thing ("the roof of the car"): what
is on the part is on the whole."""

_SURFACE_PREPOSITIONS = frozenset({"on", "onto", "to", "from", "at", "across"})
"""The Moon and Mars are a setting only where one stands on them or goes to them: "a
star above the Moon" shows the Moon in the sky."""

PART_NOUNS = frozenset(
    {"edge", "side", "middle", "centre", "center", "heart", "outskirts", "corner", "end",
     "bottom", "surface", "bank", "banks", "depths", "entrance", "border", "rim", "foot",
     "top", "back", "inside", "outside", "interior", "far", "other", "rest", "part",
     "floor", "shade", "shadow", "shadows", "sides", "edges", "corners", "room", "rooms"}
)  # fmt: skip
"""Nouns that name a part of what follows "of" ("the edge of a forest" is the forest):
never drawn themselves. "in front of" and "to the left of" are relations, not parts."""

COMPOUND_PLACES = frozenset(
    {"kitchen", "bathroom", "bedroom", "classroom", "office", "garden", "farm", "beach",
     "forest", "jungle", "park", "zoo", "city", "village", "mountain", "desert", "river",
     "lake", "sea", "ocean", "space", "playground", "library", "hospital", "restaurant",
     "castle", "palace", "market", "museum", "church"}
)  # fmt: skip
"""Place words that set the scene even as the first word of a compound ("the kitchen
table", "a mountain road"); "school" in "school bus" does not."""

PLACE_THINGS = frozenset(
    {"barn", "castle", "palace", "hill", "island", "greenhouse", "lighthouse", "stage",
     "pool", "tower", "sky", "air", "cloud"}
)  # fmt: skip
"""Place words that are also things to draw, or that every outdoor picture has (the
sky): the setting only when no other place is said ("a camel crosses the desert under a
sunny sky" is in the desert)."""

PLACE_VERBS = frozenset(
    {"visit", "enter", "leave", "explore", "reach", "cross", "tour", "clean", "decorate",
     "sweep", "mop", "vacuum", "hoover", "tidy"}
)  # fmt: skip
"""Verbs whose object is a place: "we visited the zoo"."""
MOTION_VERBS = frozenset({"go", "come", "walk", "run", "drive", "return", "stay", "get", "head"})
"""Verbs after which "home" is where the scene is: "Tom went home"."""

LIGHTING_WORDS = {
    "dark": "dark", "gloomy": "dark", "dim": "dark", "shadowy": "dark", "murky": "dark",
    "unlit": "dark", "darkened": "dark", "bright": "bright", "sunny": "bright",
    "sunlit": "bright", "brilliant": "bright", "light": "bright", "lit": "bright",
    "illuminated": "bright",
}  # fmt: skip
"""Adjectives of a place and the lighting (:data:`speech2image.scene.LIGHTINGS`) they give."""

SETTING_THINGS = {
    "forest": ("tree", "pine tree"), "jungle": ("palm tree", "vine"), "park": ("tree", "bench"),
    "garden": ("flower", "bush"), "field": ("grass", "flower"), "farm": ("barn", "fence"),
    "zoo": ("fence", "tree"), "playground": ("slide", "swing"), "beach": ("sand", "wave"),
    "sea": ("wave",), "lake": ("water", "reed"), "river": ("water", "stone"),
    "island": ("palm tree", "sand"), "underwater": ("seaweed", "bubble"),
    "mountains": ("mountain", "pine tree"), "desert": ("cactus", "dune"),
    "snow": ("snow", "pine tree"), "cave": ("rock",), "city": ("building", "street lamp"),
    "village": ("house", "tree"), "road": ("road sign",), "station": ("train", "platform"),
    "airport": ("airplane", "control tower"), "stadium": ("stand", "goal"),
    "swimming pool": ("water", "ladder"), "room": ("window", "sofa"),
    "kitchen": ("stove", "cupboard"), "bedroom": ("bed", "window"),
    "bathroom": ("bathtub", "mirror"), "classroom": ("blackboard", "desk"),
    "office": ("desk", "computer"), "library": ("bookshelf", "book"),
    "restaurant": ("table", "chair"), "shop": ("shelf", "shopping cart"),
    "hospital": ("bed", "cross"), "greenhouse": ("potted plant", "glass"),
    "castle": ("tower", "flag"), "stage": ("curtain", "spotlight"),
    "space": ("star", "planet"), "moon": ("crater", "earth"), "mars": ("rock", "crater"),
    "sky": ("cloud",),
}  # fmt: skip
"""Each setting and the things that belong to it (nouns, not asset names): drawn as part
of the setting, not as objects of the sentence."""


@dataclass(frozen=True, slots=True)
class Places:
    """The place phrases of a sentence."""

    setting: str | None
    """The first setting named, one of :data:`speech2image.scene.SETTINGS`."""
    tokens: frozenset[int]
    """Indexes of every place word (and its compound words): never drawn as things."""
    lighting: str | None
    """One of :data:`speech2image.scene.LIGHTINGS` or ``None``."""
    setting_word: str | None = None
    """The lemma of the word that named :attr:`setting` ("water" for a lake)."""


def _place_key(token: Any) -> str | None:
    """The key of :data:`PLACE_WORDS` a token names, with a compound word before it."""
    text, lemma = token.lower_, token.lemma_.lower()
    for child in token.children:
        if child.dep_ in ("compound", "amod") and child.i == token.i - 1:
            joined = f"{child.lower_} {text}"
            if joined in PLACE_WORDS:
                return joined
    if text in PLACE_WORDS:
        return text
    return lemma if lemma in PLACE_WORDS else None


LANDSCAPES = frozenset(
    {"field", "mountains", "forest", "sea", "lake", "desert", "jungle", "river", "island"}
)
"""Settings that are a landscape: "behind the hills" or "beyond the sea" is in them
too, while "behind the school" is beside a landmark."""
INTERIORS = frozenset(
    {"room", "kitchen", "bedroom", "bathroom", "classroom", "office", "library",
     "restaurant", "shop", "hospital", "station", "greenhouse"}
)  # fmt: skip
"""Settings inside a building."""
MANNER_OF_TRAVEL = frozenset(
    {"walk", "drive", "cycle", "ride", "run", "jog", "march", "hurry", "rush", "race",
     "skate", "commute", "pedal", "stroll", "wander", "hike"}
)  # fmt: skip
"""Verbs of travelling that, towards a building, show the way there: "they walk to
school" is on the road ("we went to the shop" is in it)."""
OUTSIDE_PREPOSITIONS = frozenset({"outside", "past"})
"""Prepositions that put a scene outdoors at a building: "outside the hotel"."""
_LOOKING_VERBS = frozenset({"look", "stare", "gaze", "glance", "point", "peer", "wave", "howl"})
_LANDMARK_NAMES = frozenset(
    {"tower", "bridge", "square", "street", "palace", "cathedral", "gate", "building",
     "station", "abbey", "hall"}
)  # fmt: skip
"""Last words of the names of a town's landmarks ("the Eiffel Tower", "Tower Bridge")."""
_UNDER = frozenset({"under", "beneath", "below", "underneath"})
_WATER_SETTINGS = frozenset({"sea", "lake", "river"})
_FLIGHT_WORDS = frozenset({"fly", "flight", "plane", "airplane", "aeroplane", "jet"})
ENCLOSURES = frozenset({"pool", "enclosure", "house", "cage", "pen", "pit", "tank", "den"})
"""Places that, after an animal ("the penguin pool", "the lion enclosure"), are a zoo's
(or a farm's, for farm animals: "the pig pen")."""
FARM_ANIMALS = frozenset(
    {"pig", "hen", "chicken", "cow", "sheep", "goat", "horse", "pony", "duck", "goose",
     "rabbit", "rooster", "donkey"}
)  # fmt: skip


def _enclosure(token: Any) -> str | None:
    """ "zoo" for "the penguin pool", "farm" for "the pig pen", else ``None``."""
    if token.lemma_.lower() not in ENCLOSURES:
        return None
    for child in token.children:
        if child.dep_ == "compound" and child.i == token.i - 1:
            animal = child.lemma_.lower()
            if animal in FARM_ANIMALS:
                return "farm"
            if is_animate(animal) and animal not in PEOPLE:
                return "zoo"
    return None


def _outside_building(noun: Any, setting: str) -> str:
    """The setting of a place phrase: the street for an indoor place one is outside or
    passing ("waiting outside the hotel", "skateboarding past the library"; "in front of
    the garage" is beside a landmark), the road to one travelled to ("they walk to
    school"); ``setting`` itself otherwise."""
    if setting not in INTERIORS or noun.dep_ != "pobj":
        return setting
    prep = noun.head
    if prep.lower_ in OUTSIDE_PREPOSITIONS:
        return "playground" if setting == "classroom" else "city"
    goes = prep.head.lemma_.lower() in MANNER_OF_TRAVEL or prep.lower_ in ("towards", "toward")
    return "road" if prep.lower_ in ("to", "towards", "toward") and goes else setting


def _in_place_phrase(noun: Any, key: str) -> bool:
    """True when ``noun`` stands where a place word names the setting."""
    head = noun.head
    if noun.lower_ in ("inside", "indoors"):
        # "Inside, a cat sleeps", "we stayed indoors": a room. With an object or a
        # determiner of its own it is a relation or a part ("inside the box", "the inside").
        return not any(c.dep_ in ("pobj", "det", "poss", "prep") for c in noun.children)
    if noun.dep_ == "pobj":
        prep = head.lower_
        if key in ("moon", "mars"):
            looked_at = prep == "at" and head.head.lemma_.lower() in _LOOKING_VERBS
            return prep in _SURFACE_PREPOSITIONS and not looked_at  # "look at the moon"
        if prep in PLACE_PREPOSITIONS:
            return True
        if prep in ("behind", "beyond") and PLACE_WORDS[key] in LANDSCAPES:
            return True  # "the sun is setting behind the hills"
        part = head.head
        # "at the edge of a pine forest", "the end of the street": the part is the place.
        return (
            prep == "of"
            and part.lower_ in PART_NOUNS
            and any(c.dep_ in ("det", "poss") for c in part.children)
        )
    if noun.dep_ == "dobj":
        return head.lemma_.lower() in PLACE_VERBS
    if noun.dep_ == "nsubj" and head.lemma_ == "be":
        return True  # "the beach was crowded", "the library is on the second floor"
    if noun.dep_ == "attr" and head.lemma_ == "be" and PLACE_WORDS[key] in OUTDOOR_SETTINGS:
        return any(c.dep_ == "expl" for c in head.children)  # "there is a football field"
    if noun.dep_ == "advmod" and noun.lower_ == "home":
        return head.lemma_.lower() in MOTION_VERBS
    return False


FORMATIONS = frozenset({"circle", "semicircle", "row", "line", "queue", "ring", "column"})
"""Shapes people stand or sit in ("sat in a circle", "stood in a line"): no thing."""


def _arena(token: Any) -> bool:
    """True for "in the ring" (a ring people are in, not one worn)."""
    return (
        token.lemma_.lower() == "ring"
        and token.dep_ == "pobj"
        and token.head.lower_ in ("in", "into", "inside")
        and any(c.lower_ == "the" for c in token.children)
    )


def formation(token: Any) -> bool:
    """True for a shape a group is in: "in a circle", "in two rows", "in a line"."""
    return (
        token.lemma_.lower() in FORMATIONS
        and token.dep_ == "pobj"
        and token.head.lower_ in ("in", "into")
        and not any(c.lower_ == "the" for c in token.children)
        and not any(c.dep_ == "prep" and c.lower_ == "of" for c in token.children)
    )


def place_of(token: Any) -> str | None:
    """The setting a token names, if it names one where it stands."""
    if token.pos_ not in ("NOUN", "PROPN", "ADV", "ADJ", "VERB") or not token.is_alpha:
        return None
    if _arena(token):
        return "stage"  # "the clowns in the ring", "into the ring": a circus or boxing ring
    enclosure = _enclosure(token)
    if enclosure is not None and token.dep_ in ("pobj", "dobj", "nsubj", "attr"):
        return enclosure
    key = _place_key(token)
    if key is None:
        if (
            (token.ent_type_ == "FAC" or token.lower_ in _LANDMARK_NAMES)
            and token.pos_ == "PROPN"
            and token.dep_ == "pobj"
            and token.head.lower_ in ("of", "on", "at", "from", "to", "in")
        ):
            return "city"  # "from the top of the Eiffel Tower"
        if token.ent_type_ == "GPE" and token.dep_ == "pobj":
            prep = token.head
            if prep.lower_ in ("to", "from") and prep.head.lemma_.lower() in _FLIGHT_WORDS:
                return None  # "the flight to Lisbon" is in the sky, not in Lisbon
            return "city" if prep.lower_ in ("in", "at", "to", "from", "over", "above") else None
        return None
    if key in ALWAYS_SETTING and token.pos_ in ("NOUN", "PROPN"):
        return PLACE_WORDS[key]
    noun = token
    if token.dep_ == "compound" or (token.dep_ == "amod" and token.pos_ == "ADJ"):
        # "on the kitchen shelf" is in the kitchen; "on the school bus" is on a bus; "the
        # castle roof" with "castle" taken for an adjective is the castle's.
        if key not in COMPOUND_PLACES or f"{key} {token.head.lemma_.lower()}" in COMPOUND_NOUNS:
            return None
        noun = token.head
    if not _in_place_phrase(noun, key):
        return None
    setting = PLACE_WORDS[key]
    if setting in _WATER_SETTINGS and noun.dep_ == "pobj" and noun.head.lower_ in _UNDER:
        return "underwater"  # "a submarine diving beneath the waves"
    return _outside_building(noun, setting)


def _phrase_settings(doc: Any, blocked: Collection[int]) -> dict[int, tuple[str, range]]:
    """Settings named by place phrases of several words ("under the sea"), by first index."""
    words = [t.lower_ for t in doc]
    found: dict[int, tuple[str, range]] = {}
    for phrase, name in SETTING_PHRASES.items():
        for i in range(len(words) - len(phrase) + 1):
            span = range(i, i + len(phrase))
            if tuple(words[i : i + len(phrase)]) == phrase and not set(span) & set(blocked):
                found[i] = (name, span)
    return found


_NIGHT_SKY = frozenset({"moon", "moonlight", "star", "starlight", "stars", "moonbeam"})
_SKY_PREPOSITIONS = frozenset({"under", "beneath", "underneath", "by", "in"})


def of_night_sky(token: Any) -> bool:
    """True for the moon or stars a scene is said to be under ("under the full moon",
    "beneath the stars", "by moonlight"): the night sky of the backdrop, no thing."""
    lemma, prep = token.lemma_.lower(), token.head.lower_
    return (
        token.dep_ == "pobj"
        and lemma in _NIGHT_SKY
        and prep in _SKY_PREPOSITIONS
        and (prep != "in" or lemma in ("moonlight", "starlight"))
    )


def night_sky(doc: Any) -> bool:
    """True when the scene is said to be under the night sky: outdoors, at night."""
    return any(of_night_sky(t) for t in doc)


def find_places(doc: Any, blocked: Collection[int] = ()) -> Places:
    """The setting, place words and lighting of ``doc``; ``blocked`` tokens (idioms such
    as "over the moon") name no place."""
    candidates = _phrase_settings(doc, blocked)
    taken: set[int] = {i for _, span in candidates.values() for i in span}
    for token in doc:
        if token.i in blocked or token.i in taken:
            continue
        name = place_of(token)
        if name is None:
            continue
        # "the penguin pool": the penguin is drawn, the pool is the zoo's.
        compounds = [c.i for c in token.children if c.dep_ == "compound"]
        span = sorted({token.i, *([] if _enclosure(token) else compounds)})
        taken.update(span)
        candidates.setdefault(token.i, (name, range(span[0], span[-1] + 1)))
    places = [i for i in sorted(candidates) if doc[i].lemma_.lower() not in PLACE_THINGS]
    things = [i for i in sorted(candidates) if i not in places]
    # The last place said is where the scene is ("we went to the market ... and walked
    # home along the river"); a place that is also a thing ("the horses in the field
    # behind the barn") is the setting only when no other place is said, else a thing.
    chosen = places[-1:] or things[:1]
    setting = candidates[chosen[0]][0] if chosen else None
    if setting is None and night_sky(doc):
        setting = "field"  # "a fox crept past the chickens under the full moon": outdoors
    tokens = {i for k, (_, span) in candidates.items() if k in places or k in chosen for i in span}
    word = doc[chosen[0]].lemma_.lower() if chosen else None
    return Places(setting=setting, tokens=frozenset(tokens), lighting=_lighting(doc, tokens),
                  setting_word=word)  # fmt: skip


def _lighting(doc: Any, place_tokens: set[int]) -> str | None:
    """Lighting said of a place ("a dark forest"), of the scene ("it was dark") or by "in
    the dark"; a shade of a colour ("dark red") is not lighting."""
    for token in doc:
        lighting = LIGHTING_WORDS.get(token.lower_)
        if lighting is None or token.pos_ not in ("ADJ", "NOUN"):
            continue
        if token.dep_ == "amod" and token.head.i in place_tokens:
            return lighting
        if token.dep_ in ("acomp", "attr") and token.head.lemma_ in ("be", "get", "grow"):
            subjects = [c for c in token.head.children if c.dep_ == "nsubj"]
            if all(s.lower_ == "it" or s.i in place_tokens for s in subjects):
                return lighting
        if token.dep_ == "pobj" and token.head.lower_ == "in" and lighting == "dark":
            return lighting
    return None
