"""Scoring a drawn scene against what a careful illustrator would draw for its sentence.

Cases of the natural-speech and compositional sets (format: tests/faithfulness/README.md)
list the expected things (noun, other names, count, colour, material, pattern, age, name,
action), things that may be drawn or not, relations, the setting and the depiction. A
picture is right when every expected thing is drawn and visible with each stated attribute,
nothing else is drawn (no junk), every relation is recorded between matching objects and,
for spatial ones, the boxes agree (:func:`relation_holds`), and the setting and depiction
are as expected. Any expected value may be a list of acceptable values.

A drawn object matches an expected name when its noun (or its asset's name) equals it or
ends with it as its head word: expected "tree" accepts a drawn "pine tree", never the other
way round.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from speech2image.bench.faithfulness import relation_holds
from speech2image.scene import SPATIAL_RELATIONS, Scene, SceneObject

ATTRIBUTES = ("color", "material", "pattern", "age", "name", "action")
SKILL_OF_CHECK = {"material": "material/pattern", "pattern": "material/pattern",
                  "action": "verb", "name": "name"}  # fmt: skip
"""Checks reported under another skill's name; the rest are their own skill."""
INVERSE = {"left of": "right of", "right of": "left of", "behind": "in front of",
           "in front of": "behind", "above": "below", "below": "above", "under": "above",
           "on": "under", "beside": "beside", "near": "near"}  # fmt: skip
"""A relation recorded the other way round ("table under cat" for "cat on table"; beside and
near hold both ways: "a laptop next to a cup" is a cup beside a laptop)."""
SPELLINGS = {"grey": "gray", "golden": "gold"}
"""Spellings of one value: "grey" is the scene's "gray"."""
METALS = {"gold", "silver", "golden"}
"""Words that are a colour and a material at once: "a golden fish" may be either."""


@dataclass(frozen=True, slots=True)
class Verdict:
    """The verdict on one case: each check made, the junk drawn, and why it is wrong."""

    case_id: str
    text: str
    correct: bool
    checks: dict[tuple[str, ...], bool] = field(default_factory=dict)
    """Keyed ``(skill, noun)`` for things, ``(skill, subject, relation, object)`` for
    relations, ``(skill,)`` for setting, depiction, weather and time."""
    junk: tuple[str, ...] = ()
    drawn: int = 0
    fallbacks: int = 0
    """Drawn objects whose clip art is a more general stand-in (``fallback``)."""
    reasons: tuple[str, ...] = ()
    compose_ms: float | None = None
    atoms: tuple[bool, ...] = ()
    """One verdict per atom the case lists (compositional sets); empty otherwise."""

    def skills(self) -> list[tuple[str, bool]]:
        """Each check as ``(skill, right)``."""
        return [(SKILL_OF_CHECK.get(key[0], key[0]), ok) for key, ok in self.checks.items()]


def accepted(value: Any) -> list[str]:
    """The acceptable values of an expected field (a value or a list of them)."""
    if value is None:
        return []
    return [str(v) for v in value] if isinstance(value, list) else [str(value)]


def names_match(drawn: str | None, expected: str) -> bool:
    """Whether a drawn noun is the expected one, or has it as its head word."""
    if not drawn:
        return False
    drawn, expected = drawn.lower().strip(), expected.lower().strip()
    return drawn == expected or drawn.endswith(" " + expected)


def _names(thing: dict[str, Any]) -> list[str]:
    return [thing["noun"], *thing.get("alt", [])]


def _affinity(obj: SceneObject, names: list[str]) -> int:
    """How well ``obj`` fits a thing named ``names``: 3 its noun, 2 another name, 1 its
    asset's name or a head word, 0 not at all."""
    if obj.noun.lower() == names[0]:
        return 3
    if obj.noun.lower() in names[1:]:
        return 2
    if any(names_match(obj.noun, n) or names_match(obj.asset_name, n) for n in names):
        return 1
    return 0


def assign(
    objects: tuple[SceneObject, ...], things: list[dict[str, Any]], optional: list[str]
) -> tuple[dict[int, list[SceneObject]], list[SceneObject], list[SceneObject]]:
    """Drawn objects by expected thing (index), those matching an optional thing, and junk.

    Concept symbols are left to the caller."""
    by_thing: dict[int, list[SceneObject]] = {k: [] for k in range(len(things))}
    extra, junk = [], []
    for obj in objects:
        if obj.concept:
            continue
        scores = [_affinity(obj, _names(t)) for t in things]
        best = max(range(len(things)), key=lambda k: scores[k], default=-1)
        spare = max((_affinity(obj, [name]) for name in optional), default=0)
        if best >= 0 and scores[best] > 0 and scores[best] >= spare:
            by_thing[best].append(obj)
        elif spare:  # named as an optional thing rather than another name of an expected one
            extra.append(obj)
        else:
            junk.append(obj)
    return by_thing, extra, junk


def _attribute_ok(key: str, want: list[str], obj: SceneObject) -> bool:
    value = getattr(obj, key)
    if key == "name":
        return value is not None and value.lower() in [w.lower() for w in want]
    want = [SPELLINGS.get(w, w) for w in want]
    if key in ("color", "material") and set(want) & METALS:
        return bool({SPELLINGS.get(obj.color or "", obj.color), obj.material} & set(want))
    return SPELLINGS.get(value, value) in want if isinstance(value, str) else value in want


def check_things(
    things: list[dict[str, Any]], by_thing: dict[int, list[SceneObject]], visible: dict[str, bool]
) -> tuple[dict[tuple[str, ...], bool], list[str]]:
    """The object, count and attribute checks of every expected thing."""
    checks: dict[tuple[str, ...], bool] = {}
    reasons: list[str] = []
    for k, thing in enumerate(things):
        noun = thing["noun"]
        shown = [o for o in by_thing[k] if visible.get(o.id, False)]
        checks[("object", noun)] = bool(shown)
        if not shown:
            hidden = " (drawn but not visible)" if by_thing[k] else ""
            reasons.append(f"{noun}: not drawn{hidden}")
        if "count" in thing:
            ok = len(shown) == thing["count"]
            checks[("count", noun)] = ok
            if not ok and shown:
                reasons.append(f"{noun}: {len(shown)} drawn, {thing['count']} expected")
        for key in ATTRIBUTES:
            if key not in thing:
                continue
            want = accepted(thing[key])
            ok = bool(shown) and all(_attribute_ok(key, want, o) for o in shown)
            checks[(key, noun)] = ok
            if not ok and shown:
                got = sorted({str(getattr(o, key)) for o in shown})
                reasons.append(f"{noun}: {key} {'/'.join(got)}, {'/'.join(want)} expected")
    return checks, reasons


def relation_ok(
    scene: Scene,
    relation: str,
    subjects: list[SceneObject],
    objects: list[SceneObject],
    placed: list[SceneObject] | None = None,
) -> bool:
    """Whether the scene records ``relation`` (``a|b`` lists alternatives) between the
    subjects and the objects, and the boxes agree for a spatial one: those of ``placed``
    (default: the recorded subjects) against the recorded object."""
    names = relation.split("|")
    ids_s, ids_o = {o.id for o in subjects}, {o.id for o in objects}
    by_id = {o.id: o for o in scene.objects}
    found = []
    for r in scene.relations:
        if r.subject in ids_s and r.object in ids_o and r.relation in names:
            found.append((r.relation, by_id.get(r.subject), by_id.get(r.object)))
        elif r.subject in ids_o and r.object in ids_s:
            forward = [n for n in names if INVERSE.get(n) == r.relation]
            if forward:
                found.append((forward[0], by_id.get(r.object), by_id.get(r.subject)))
    if not found:
        return False
    for name, subject, target in found:
        if subject is None or target is None:
            return False
        if name not in SPATIAL_RELATIONS:
            continue
        others = objects if name == "between" else [target]
        if not all(relation_holds(name, s, others) for s in placed or [subject]):
            return False
    return True


def _partners(case: dict[str, Any], noun: str) -> list[str]:
    """Things the case puts in contact with ``noun`` (on it, in it, or one verb's two
    ends): "to the left of a car" after "a boy carrying a box" may be said of either."""
    out = []
    for subject, relation, target in case.get("relations", []):
        first = relation.split("|")[0]
        if first in SPATIAL_RELATIONS and first not in ("on", "in"):
            continue
        if subject == noun:
            out.append(target)
        elif target == noun:
            out.append(subject)
    return out


def check_relations(
    scene: Scene, case: dict[str, Any], by_thing: dict[int, list[SceneObject]]
) -> tuple[dict[tuple[str, ...], bool], list[str]]:
    """The position (spatial) and verb (action) check of every expected relation.

    A spatial relation may be recorded from a thing in contact with its subject (the
    attachment of a phrase is ambiguous) as long as the subject's own boxes agree."""
    index = {t["noun"]: k for k, t in enumerate(case.get("things", []))}
    checks: dict[tuple[str, ...], bool] = {}
    reasons = []
    for subject, relation, target in case.get("relations", []):
        spatial = relation.split("|")[0] in SPATIAL_RELATIONS
        subjects = by_thing.get(index.get(subject, -1), [])
        objects = by_thing.get(index.get(target, -1), [])
        ok = bool(subjects and objects) and relation_ok(scene, relation, subjects, objects)
        for partner in _partners(case, subject) if spatial and subjects and not ok else []:
            recorded = by_thing.get(index.get(partner, -1), [])
            ok = ok or relation_ok(scene, relation, recorded, objects, placed=subjects)
        checks[("position" if spatial else "verb", subject, relation, target)] = ok
        if not ok:
            reasons.append(f"{subject} {relation} {target}: not so in the scene or the boxes")
    return checks, reasons


def _depiction_checks(
    case: dict[str, Any], scene: Scene, visible: dict[str, bool]
) -> tuple[dict[tuple[str, ...], bool], list[str], bool]:
    """The depiction check, and whether the things must be drawn (``False`` when the
    picture rightly shows a concept or keeps the previous one)."""
    want = accepted(case.get("depiction", "objects"))
    allowed = set(want) | ({"empty"} if "previous" in want else set())
    ok = scene.depiction in allowed
    reasons = [] if ok else [f"depiction {scene.depiction}, {'/'.join(want)} expected"]
    if ok and scene.depiction == "concept":
        concepts = accepted(case.get("concept"))
        shown = [o.noun for o in scene.objects if o.concept and visible.get(o.id, False)]
        ok = any(noun in concepts for noun in shown)
        if not ok:
            drawn = "/".join(shown) or "no symbol"
            reasons.append(f"concept {drawn} drawn, {'/'.join(concepts)} expected")
    things_needed = "objects" in want and not (ok and scene.depiction != "objects")
    return {("depiction",): ok}, reasons, things_needed


def score_expected(
    case: dict[str, Any], scene: Scene, visible: dict[str, bool], compose_ms: float | None = None
) -> Verdict:
    """Check one drawn scene against a natural-speech or compositional case."""
    things = case.get("things", [])
    checks, reasons, things_needed = _depiction_checks(case, scene, visible)
    optional = [*case.get("optional", [])]
    if not things_needed:  # a concept or the previous picture: the things may be left out
        optional += [name for thing in things for name in _names(thing)]
    by_thing, _, junk = assign(scene.objects, things if things_needed else [], optional)
    concepts = accepted(case.get("concept"))
    junk += [o for o in scene.objects if o.concept and o.noun not in concepts]
    if things_needed:
        found, why = check_things(things, by_thing, visible)
        checks.update(found)
        reasons += why
        found, why = check_relations(scene, case, by_thing)
        checks.update(found)
        reasons += why
    for key in ("setting", "weather", "time"):
        want = accepted(case.get(key))
        if want:
            checks[(key,)] = getattr(scene, key) in want
            if not checks[(key,)]:
                reasons.append(f"{key} {getattr(scene, key)}, {'/'.join(want)} expected")
    if junk:
        reasons.append("junk: " + ", ".join(sorted({o.noun for o in junk})))
    atoms = tuple(checks.get(_atom_key(atom), False) for atom in case.get("atoms", []))
    return Verdict(
        case_id=str(case.get("id", "")),
        text=str(case.get("text") or case.get("prompt") or ""),
        correct=all(checks.values()) and not junk,
        checks=checks,
        junk=tuple(o.noun for o in junk),
        drawn=len(scene.objects),
        fallbacks=sum(o.fallback for o in scene.objects),
        reasons=tuple(reasons),
        compose_ms=compose_ms,
        atoms=atoms,
    )


def _atom_key(atom: dict[str, Any]) -> tuple[str, ...]:
    if atom["skill"] in ("position", "verb"):
        return (atom["skill"], atom["subject"], atom["relation"], atom["object"])
    return (atom["skill"], atom["noun"])


def with_composites(scene: Scene, visible: dict[str, bool]) -> dict[str, bool]:
    """Visibility where a thing drawn inside another's composite (a rider on a horse
    drawn as one picture) is as visible as the composite."""
    out = dict(visible)
    order = set(scene.extras.get("draw_order") or ())
    for composite in scene.extras.get("composites") or ():
        subject, target = composite.get("subject"), composite.get("object")
        if subject not in order and target in order:
            out[subject] = visible.get(target, False)
        elif target not in order and subject in order:
            out[target] = visible.get(subject, False)
    return out
