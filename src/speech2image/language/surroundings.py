"""Where and when a sentence's picture is: said, kept from the story, or implied.

A place, time, weather or season the sentence says wins; else the story's is kept (a
story told at sea stays at sea until a new place is said); else, for the place, what
the sentence's things and doings imply (:mod:`speech2image.language.implied_places`).
A word for a kind of place that the kept place already is does not end the story's place
("it swam back into the dark water" in a story at sea, "the sky" over the beach), and
furniture said moves the story to its room ("hiding behind the sofa" after the kitchen is
the living room, "two bunk beds" after the night train a bedroom).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from speech2image.language.context import SceneContext, Surroundings
from speech2image.language.implied_places import (
    FURNITURE,
    SNOW_THINGS,
    THING_SETTINGS,
    implied_place,
)
from speech2image.language.places import Places
from speech2image.language.sky import find_sky
from speech2image.language.vocabulary import OUTDOOR_SETTINGS

_WATERS = frozenset({"sea", "lake", "river", "underwater", "swimming pool", "beach", "island"})
_SHORES = frozenset({"sea", "lake", "river", "island", "beach"})
_INDOORS = frozenset(
    {"room", "kitchen", "bedroom", "bathroom", "classroom", "office", "library",
     "restaurant", "shop", "hospital", "greenhouse", "stage", "station"}
)  # fmt: skip
VAGUE_PLACES = {
    "water": _WATERS, "waters": _WATERS, "wave": _WATERS, "waves": _WATERS,
    "shore": _SHORES, "coast": _SHORES, "bank": _SHORES, "banks": _SHORES,
    "pool": frozenset({"swimming pool", "zoo", "garden", "sea", "river", "mountains"}),
    "sand": frozenset({"beach", "desert", "island", "underwater"}),
    "hill": frozenset({"field", "mountains", "farm", "village", "park"}),
    "hills": frozenset({"field", "mountains", "farm", "village", "park"}),
    "street": frozenset({"city", "village", "road"}),
    "road": frozenset({"city", "village", "road", "farm", "field"}),
    "home": frozenset({"room", "kitchen", "bedroom", "bathroom", "garden"}),
    "inside": _INDOORS, "indoors": _INDOORS, "outside": OUTDOOR_SETTINGS,
    "sky": OUTDOOR_SETTINGS, "air": OUTDOOR_SETTINGS, "cloud": OUTDOOR_SETTINGS,
    "clouds": OUTDOOR_SETTINGS,
}  # fmt: skip
"""Place words that name a kind of place, each with the places that already are one:
said in a story at one of them, they keep it ("back into the water" at sea)."""
REFINEMENTS = {
    "field": frozenset({"farm", "garden"}), "park": frozenset({"garden", "playground"}),
    "village": frozenset({"farm", "garden"}),
}  # fmt: skip
"""Kept places that what the sentence's things imply narrows: the piglets in a story in
the fields are on a farm, the tulips in a garden."""
HOME_ROOMS = frozenset({"room", "kitchen", "bedroom", "bathroom"})
"""Rooms of a home: a thing of another room ("the sofa") moves the story there."""


def said_surroundings(
    doc: Any, places: Places, idioms: frozenset[int], names: frozenset[int]
) -> Surroundings:
    """The surroundings this sentence itself names (its place phrases in ``places``)."""
    sky = find_sky(doc, idioms, names, places.tokens)
    return Surroundings(places.setting, places.lighting, sky.time, sky.weather, sky.season)


def _kept_place(word: str | None, kept: str | None) -> bool:
    """True when the story's place stays although a place word was said."""
    return kept is not None and word is not None and kept in VAGUE_PLACES.get(word, ())


def settled_surroundings(
    doc: Any,
    said: Surroundings,
    places: Places,
    context: SceneContext | None,
    nouns: Sequence[str],
    skipped_tokens: frozenset[int] = frozenset(),
) -> Surroundings:
    """The surroundings of the picture: said, else kept from ``context``, else (the
    place) implied by the sentence's things (``nouns``) or doings; snowfall with no place
    covers the ground, and a snowman or a sledge with no weather said is winter.
    Lighting belongs to its place: a new place without a lighting word is lit plainly."""
    kept = context.surroundings if context is not None else Surroundings()
    setting = said.setting
    if _kept_place(places.setting_word, kept.setting):
        setting = None
    new_place = setting is not None
    setting = setting or kept.setting
    if setting is None or not new_place:
        implied = implied_place(doc, nouns, skipped_tokens)
        if setting is None:
            setting = implied
        elif implied in HOME_ROOMS and setting != implied and _furniture(doc, nouns, implied):
            setting, new_place = implied, True  # "hiding behind the sofa" after the kitchen
        elif implied in REFINEMENTS.get(setting, ()):
            setting = implied  # piglets in the mud of the field: the farm
    if setting is None and (said.weather or kept.weather) == "snow":
        setting = "snow"
    lighting = said.lighting or (None if new_place else kept.lighting)
    weather = said.weather or kept.weather
    season = said.season or kept.season
    if season is None and weather is None and any(n in SNOW_THINGS for n in nouns):
        season = "winter"  # "building a snowman in the yard": the yard under snow
    return replace(
        said, setting=setting, lighting=lighting, time=said.time or kept.time,
        weather=weather, season=season,
    )  # fmt: skip


def _furniture(doc: Any, nouns: Sequence[str], room: str) -> bool:
    """True when one of ``nouns`` is furniture of ``room`` said in this sentence (not "it"
    for the bathtub one floats over London in)."""
    words = {t.lemma_.lower() for t in doc} | {t.lower_ for t in doc}
    return any(
        noun in FURNITURE and THING_SETTINGS.get(noun) == room and noun.split()[-1] in words
        for noun in nouns
    )
