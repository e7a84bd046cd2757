"""The place a picture's things imply when the sentence names none.

"A cow and two pigs" is drawn on a farm, "a fish and an octopus" underwater, "a plane"
in the sky: when the scene's ``setting`` is empty, the drawn things vote with their clip
art's own annotations, the pack's tags (OpenMoji tags a cow ``farm``, a camel ``desert``,
a rocket ``space``) and else its subgroup (marine animals live underwater, ground
transport drives on a road). A place wins when more of the things' phrases vote for it
than for any other and at least half of the phrases that are not people vote at all;
people vote for nothing (a waiter is anywhere), and nor does a thing kept by another (in
a bucket, on a plate, held, eaten: crabs in a bucket are no sea). The composer records
the place in the completed scene, so a place is only ever chosen on the drawing side and
never overrides one the sentence said, but for one: a big vehicle is never drawn inside a
room ("she took a taxi to the airport" after the kitchen table is on the road).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from speech2image.imaging.compose.assets import AssetEntry
from speech2image.imaging.compose.poses import OBJECT_MOVES, pose_kind
from speech2image.scene import SPATIAL_RELATIONS, Relation, SceneObject

TAG_SETTINGS = {
    "sea": "sea", "ocean": "sea", "space": "space", "farm": "farm", "barn": "farm",
    "sky": "sky", "snow": "snow", "antarctica": "snow", "arctic": "snow",
    "forest": "forest", "desert": "desert", "jungle": "jungle", "zoo": "zoo",
    "safari": "field", "garden": "garden", "classroom": "classroom",
    "office": "office", "bathroom": "bathroom", "kitchen": "kitchen", "field": "field",
    "station": "station", "stadium": "stadium",
}  # fmt: skip
"""Tags that name the place a thing belongs to. Left out on purpose: tags that name a
place a thing merely evokes (food is tagged ``restaurant``, a whale ``beach``, books
``library``, an ambulance ``hospital``, the moon's phases ``moon``, a bus ``school``)."""
SUBGROUP_SETTINGS = {
    "animal-marine": "underwater", "transport-water": "sea", "transport-air": "sky",
    "transport-ground": "road",
}  # fmt: skip
"""The place of a thing whose tags name none, by its clip art's subgroup. A marine
animal's tags count for nothing: it is drawn underwater whether tagged ``sea`` or not."""
PEOPLE_GROUPS = ("people-body", "smileys-emotion")
"""Groups of drawings of people and faces: they imply no place."""
INTERIORS = frozenset(
    {"room", "kitchen", "bedroom", "bathroom", "classroom", "office", "library",
     "restaurant", "shop", "hospital"}
)  # fmt: skip
"""Settings inside a building, where no car, bus, ship or plane stands."""
_TOY_WORDS = frozenset({"toy", "model", "paper", "lego", "wooden", "plastic", "little", "tiny"})
_WATER_TAGS = frozenset({"swim", "swimming", "boat", "surfing", "surf", "island", "wave"})
_INDOOR_VEHICLES = frozenset(
    {"wheelchair", "bicycle", "scooter", "skateboard", "skate", "stroller", "pram", "cart",
     "trolley", "canoe", "kayak"}
)  # fmt: skip
"""Vehicles that a room may hold: a patient in a wheelchair, a bicycle in the hall."""
VEHICLE_SUBGROUPS = ("transport-ground", "transport-air", "transport-water")
"""Subgroups of drawings of vehicles."""


def thing_setting(entry: AssetEntry) -> str | None:
    """The place ``entry``'s drawing belongs to, or ``None``."""
    subgroup = entry.group.split("/")[-1]
    if subgroup == "animal-marine":
        return SUBGROUP_SETTINGS[subgroup]
    if subgroup == "sky-weather":
        # The sun, the moon, a star and a cloud are in every sky (a gold star is no
        # space, the sun no outer space); only snow says where it lies.
        return "snow" if "snow" in entry.tags else None
    tagged = next((TAG_SETTINGS[t] for t in entry.tags if t in TAG_SETTINGS), None)
    return tagged or SUBGROUP_SETTINGS.get(subgroup)


def implied_setting(
    objects: Sequence[SceneObject], entries: Sequence[AssetEntry], relations: Sequence[Relation]
) -> str | None:
    """The place the drawn ``objects`` (drawn by ``entries``) imply, or ``None``: one vote
    per phrase (group), see the module docstring."""
    kept = {r.subject for r in relations if r.relation in ("in", "on")} | {
        r.object for r in relations
        if r.relation not in SPATIAL_RELATIONS and pose_kind(r.relation) in OBJECT_MOVES
    }  # fmt: skip
    votes: dict[tuple[int, str], str | None] = {}
    for obj, entry in zip(objects, entries, strict=True):
        if obj.concept or entry.group.startswith(PEOPLE_GROUPS):
            continue
        if obj.id in kept:
            votes.setdefault((obj.group, obj.noun), None)
            continue
        votes.setdefault((obj.group, obj.noun), thing_setting(entry))
    counted = Counter(v for v in votes.values() if v is not None)
    if not counted:
        return None
    ranked = counted.most_common()
    best, n = ranked[0]
    tied = len(ranked) > 1 and ranked[1][1] == n
    return None if tied or 2 * sum(counted.values()) < len(votes) else best


def vehicle_setting(
    setting: str | None,
    objects: Sequence[SceneObject],
    entries: Sequence[AssetEntry],
    sizes: Sequence[str],
) -> str | None:
    """Outdoors where a big vehicle is drawn inside a room: "she locked the door and took
    a taxi to the airport" is not a taxi in the kitchen. The place the first vehicle of
    size ``large`` or ``huge`` (``sizes``, one per object) belongs to, or ``None`` when
    ``setting`` is no interior or no such vehicle is drawn."""
    if setting not in INTERIORS:
        return None
    for obj, entry, size in zip(objects, entries, sizes, strict=True):
        toy = obj.size == "small" or obj.noun.split()[0] in _TOY_WORDS  # "a toy car"
        if obj.concept or toy or size not in ("large", "huge"):
            continue
        indoor = any(word in _INDOOR_VEHICLES for word in entry.name.lower().split())
        if entry.group.split("/")[-1] in VEHICLE_SUBGROUPS and not indoor:
            return thing_setting(entry)
    return None


def floats(entry: AssetEntry) -> bool:
    """True for a drawing of a thing that is in the water: a boat, a fish, a swimmer."""
    subgroup = entry.group.split("/")[-1]
    if subgroup in ("transport-water", "animal-marine"):
        return entry.name.lower() != "anchor"
    return any(tag in _WATER_TAGS for tag in entry.tags)


def shore_backdrop(
    setting: str | None,
    objects: Sequence[SceneObject],
    entries: Sequence[AssetEntry],
    relations: Sequence[Relation] = (),
) -> str | None:
    """The beach for a picture at sea or on an island whose things are none of them in the
    water ("an old fisherman's hut by the sea", "a cottage on a Greek island" stand on the
    shore, not in the waves), else ``None``; a
    thing in or on another (the fisherman in his hut) is where that other is."""
    inside = {r.subject for r in relations if r.relation in ("in", "on", "inside")}
    drawn = [
        e for o, e in zip(objects, entries, strict=True) if not o.concept and o.id not in inside
    ]
    if setting not in ("sea", "island") or not drawn or any(floats(e) for e in drawn):
        return None
    return "beach"


OUTDOOR_GROUPS = ("animals-nature", "travel-places")
"""Groups of drawings of things that belong outdoors: animals, plants, vehicles, places,
the sky and the weather."""


def time_backdrop(
    time: str | None,
    weather: str | None,
    season: str | None,
    objects: Sequence[SceneObject],
    entries: Sequence[AssetEntry],
) -> str | None:
    """A room for a picture with a time of day but no place, no weather and no season
    whose things are all of indoors ("mum irons the shirts on Sunday night", "he plays
    the guitar every evening"): the time shows in the room's window, not as a park.
    ``None`` otherwise (outdoors, or a plain backdrop)."""
    if time is None or weather is not None or season is not None or not objects:
        return None
    drawn = [e for o, e in zip(objects, entries, strict=True) if not o.concept]
    if not drawn or any(e.group.startswith(OUTDOOR_GROUPS) for e in drawn):
        return None
    return "room"
