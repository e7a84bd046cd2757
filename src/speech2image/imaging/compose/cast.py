"""Casting: which clip art plays each object of a scene, beyond the match of its noun.

Two rules on top of :class:`~speech2image.imaging.compose.matching.AssetMatcher`:

1. One pack per picture, with a stand-in: a thing the picture's pack lacks (no confident
   match, or only a neighbour such as a wheel for a wheelbarrow) is drawn from the other
   main pack (:data:`OTHER_PACK`) when that one has it, and the object's ``asset``
   (``pack:id``) says which pack drew it.
2. Characters that last: the same entity (``SceneObject.entity``, set by the language stage
   across a session's sentences) is drawn with the same asset in the same skin tone. The
   engine keeps no state between pictures, as sessions share it: the skin tone of a thing
   is a pure function of its entity (else its noun) and the composer's seed, so every
   picture of a session picks the same one; and the completed scene records the session's
   cast in ``extras["cast"]`` (``{entity: "pack:id"}``), which a caller may hand back with
   the next scene so that an entity keeps its asset even when it is named differently
   ("a puppy" ... "the dog"). The cast names the entity's own asset (``fluent:girl-dark``);
   what a picture draws for it may be a pose of it (a full-body figure, "person biking"),
   always in the same skin tone (:func:`keep_tones`).
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from speech2image.imaging.compose.assets import PACKS, SKIN_TONES, AssetEntry, is_installed
from speech2image.imaging.compose.matching import AssetMatch, AssetMatcher
from speech2image.scene import Scene, SceneObject

OTHER_PACK = {"openmoji": "fluent", "fluent": "openmoji", "fluent-flat": "openmoji"}
"""The pack that stands in for a thing the picture's pack lacks."""
CAST_KEY = "cast"
"""The scene extra that holds the cast, ``{entity: "pack:id"}``."""
PACK_KEY = "pack"
"""The scene extra that names the picture's pack."""
EXACT_SCORE = 0.99
"""A match at least this good names the thing itself (by name, alias or emoji)."""
NEIGHBOUR_SCORE = 0.9
"""A confident match below this is a neighbour of the thing, not the thing ("armchair" -
"chair" scores 0.73): the stand-in pack draws it when it has the thing itself."""


@dataclass(frozen=True, slots=True)
class Casting:
    """The asset of each object, in the scene's order, and the cast it adds up to."""

    matches: tuple[AssetMatch, ...]
    cast: Mapping[str, str] = field(default_factory=dict)
    """``{entity: "pack:id"}``: the incoming cast updated with this picture's entities."""


def picture_pack(scene: Scene, default: str) -> str:
    """The pack that draws ``scene``: its ``pack`` extra, else ``default``.

    Raises ``ValueError`` naming the value for a pack that is not known.
    """
    pack = scene.extras.get(PACK_KEY) or default
    if pack not in PACKS:
        raise ValueError(f"scene pack={pack!r} is not known; choose one of {', '.join(PACKS)}")
    return str(pack)


def stand_in_pack(assets_dir: Path, pack: str) -> str | None:
    """The installed pack that stands in for ``pack``'s missing things, if any."""
    other = OTHER_PACK.get(pack)
    return other if other is not None and is_installed(assets_dir, other) else None


def incoming_cast(scene: Scene) -> dict[str, str]:
    """The cast the scene carries from earlier pictures (``{}`` when none or malformed)."""
    cast = scene.extras.get(CAST_KEY)
    if not isinstance(cast, Mapping):
        return {}
    return {str(k): v for k, v in cast.items() if isinstance(v, str) and ":" in v}


def skin_tone(key: str, seed: int) -> str:
    """A skin tone for ``key`` (an entity id or a noun), the same on every call and process.

    A hash rather than ``hash()``, which Python salts per process.
    """
    digest = hashlib.sha256(f"{seed}:{key}".encode()).digest()
    return SKIN_TONES[digest[0] % len(SKIN_TONES)]


def cast_objects(
    objects: tuple[SceneObject, ...],
    matcher: AssetMatcher,
    stand_in: AssetMatcher | None = None,
    *,
    cast: Mapping[str, str] | None = None,
    seed: int = 0,
) -> Casting:
    """Choose the asset of every object (see the module docstring for the rules)."""
    known = dict(cast or {})
    matches = []
    for obj in objects:
        match = _match(obj, matcher, stand_in)
        recast = _entry_of(known[obj.entity], matcher, stand_in) if obj.entity in known else None
        if recast is not None:
            match = AssetMatch(recast, match.score, match.fallback and _same(recast, match.entry))
        elif match.entry.variants:
            tone = skin_tone(obj.entity or obj.noun, seed)
            match = AssetMatch(match.entry.in_tone(tone), match.score, match.fallback)
        if obj.entity is not None and match.confident:
            known[obj.entity] = match.entry.key
        matches.append(match)
    return Casting(tuple(matches), known)


def match_object(matcher: AssetMatcher, obj: SceneObject) -> AssetMatch:
    """``matcher``'s asset for ``obj``: an idea's symbol, else its noun (at its age)."""
    if obj.concept:
        symbol = matcher.concept(obj.noun)
        if symbol is not None:
            return symbol
    return matcher.match(obj.noun, age=obj.age)


def _match(obj: SceneObject, matcher: AssetMatcher, stand_in: AssetMatcher | None) -> AssetMatch:
    """The picture's pack's match, unless the stand-in pack draws the thing and this pack
    lacks it: its match is not confident, or it is a neighbour (Fluent's "wheel" for a
    wheelbarrow) where the stand-in has the thing itself."""
    match = match_object(matcher, obj)
    if stand_in is None or match.score >= NEIGHBOUR_SCORE:
        return match
    other = match_object(stand_in, obj)
    if other.confident and (not match.confident or other.score >= EXACT_SCORE):
        return other
    return match


def _entry_of(key: str, matcher: AssetMatcher, stand_in: AssetMatcher | None) -> AssetEntry | None:
    """The entry (in its skin tone) that ``pack:id`` names among the loaded packs."""
    pack, _, asset_id = key.partition(":")
    for source in (matcher, stand_in):
        if source is None:
            continue
        for entry in source.entries:
            if entry.pack != pack:
                continue
            if entry.id == asset_id:
                return entry
            for variant in entry.variants:
                if variant.id == asset_id:
                    return entry.in_tone(variant.tone)
    return None


def _same(a: AssetEntry, b: AssetEntry) -> bool:
    """True when ``a`` and ``b`` draw the same thing, whatever their skin tones."""
    return a.pack == b.pack and a.name == b.name


def cast_extras(pack: str, casting: Casting) -> dict[str, object]:
    """What the completed scene records: the picture's pack and, when any object has an
    entity, the cast."""
    extras: dict[str, object] = {PACK_KEY: pack}
    if casting.cast:
        extras[CAST_KEY] = dict(casting.cast)
    return extras


def keep_tones(
    objects: tuple[SceneObject, ...],
    cast: Sequence[AssetMatch],
    posed: Sequence[AssetMatch],
    merged: Mapping[str, str],
) -> list[AssetMatch]:
    """The posed matches (a full-body figure, a composite such as "person biking") in the
    skin tone each object was cast in; a thing merged into another's composite takes the
    tone of the one it merged into."""
    tone_of = {o.id: m.entry.tone for o, m in zip(objects, cast, strict=True)}
    result = []
    for obj, match in zip(objects, posed, strict=True):
        tone = tone_of.get(merged.get(obj.id, obj.id)) or tone_of[obj.id]
        if tone is not None and match.entry.tone != tone and match.entry.variants:
            match = AssetMatch(match.entry.in_tone(tone), match.score, match.fallback)
        result.append(match)
    return result
