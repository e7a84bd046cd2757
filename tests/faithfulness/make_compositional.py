"""Writes the compositional sets: prompts of 3 to 10 atoms in the manner of GenEval 2.

An atom is one thing the picture must get right: an object, its count (when a number is
said), its colour, material or pattern, a spatial relation between two things (chains
included: "a cat on a chair to the left of a wooden table") or a verb between an animal or
a person and another thing ("a dog chasing a cat"). Every atom of a prompt is listed, so
atom accuracy can be computed as well as prompt-level accuracy.

The held-out split uses another seed and combinations the dev split never uses: three
templates (a compound subject, a chain of three relations, a verb followed by a chain), a
colour and a pattern on the same thing, two materials (silver, ice), three verbs (hugging,
pulling, following) and a few nouns (zebra, owl, goat, teapot, lamp).

    .venv/bin/python -m tests.faithfulness.make_compositional

Line format (see tests/faithfulness/README.md): ``{"id", "prompt", "template", "atoms",
"things", "relations", "optional", "setting", "depiction"}``; a relation's middle item
lists the acceptable relations separated by ``|``.
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tests.faithfulness.compositional_words import (
    ALL_NOUNS,
    BIG_ANIMALS,
    COLORS,
    CONTAINERS,
    FLYERS,
    HOLDOUT_MATERIALS,
    HOLDOUT_NOUNS,
    HOLDOUT_VERBS,
    IN_SUBJECTS,
    LARGE_THINGS,
    MATERIAL_NOUNS,
    MATERIALS,
    NUMBERS,
    PATTERN_NOUNS,
    PATTERNS,
    SMALL_ANIMALS,
    SMALL_THINGS,
    SPATIAL,
    STACKED,
    SUPPORTS,
    UNCOLORED,
    VERBS,
    article,
    plural,
)  # fmt: skip

HERE = Path(__file__).parent
DEV_SEED, HOLDOUT_SEED = 20261201, 77017
DEV_SIZE, HOLDOUT_SIZE = 240, 180
MIN_ATOMS, MAX_ATOMS = 3, 10


class Draw:
    """Random choices for one split: the dev split never draws the held-out vocabulary."""

    def __init__(self, rng: random.Random, holdout: bool) -> None:
        self.rng = rng
        self.holdout = holdout

    def allowed(self, nouns: tuple[str, ...], used: set[str]) -> list[str]:
        return [n for n in nouns if n not in used and (self.holdout or n not in HOLDOUT_NOUNS)]

    def noun(self, nouns: tuple[str, ...], used: set[str]) -> str | None:
        options = self.allowed(nouns, used)
        return self.rng.choice(options) if options else None

    def thing(self, noun: str, max_count: int = 6, attributes: int = 1) -> tuple[str, dict]:
        """A noun phrase for ``noun`` with a count and up to ``attributes`` attributes."""
        rng = self.rng
        count = rng.choice((1, 1, 1, 2, 3, 4, 5, 6)[: 3 + max(0, max_count - 1)])
        thing: dict[str, Any] = {"noun": noun, "count": count}
        adjectives = []
        kinds = self._attribute_kinds(noun, attributes)
        if "pattern" in kinds:
            thing["pattern"] = rng.choice(PATTERNS)
            adjectives.append(thing["pattern"])
        if "color" in kinds:
            thing["color"] = rng.choice(COLORS)
            adjectives.append(thing["color"])
        if "material" in kinds:
            words = [w for w in MATERIALS if self.holdout or w not in HOLDOUT_MATERIALS]
            if "color" in thing:  # "a green golden fence" says two colours
                words = [w for w in words if w not in ("golden", "silver")]
            word = rng.choice(words)
            thing["material"] = MATERIALS[word]
            adjectives.append(word)
        name = noun if count == 1 else plural(noun)
        phrase = " ".join([*adjectives, name])
        if count == 1 and rng.random() < 0.8:
            thing["said_count"] = False
            return f"{article(phrase)} {phrase}", thing
        thing["said_count"] = True
        return f"{NUMBERS[count]} {phrase}", thing

    def _attribute_kinds(self, noun: str, attributes: int) -> list[str]:
        kinds = []
        if noun not in UNCOLORED:
            kinds.append("color")
        if noun in MATERIAL_NOUNS:
            kinds.append("material")
        if noun in PATTERN_NOUNS:
            kinds.append("pattern")
        chosen = self.rng.sample(kinds, min(len(kinds), self.rng.randint(0, attributes)))
        if not self.holdout and "color" in chosen and "pattern" in chosen:
            chosen.remove("pattern")  # colour and pattern on one thing: held out
        if "color" in chosen and "material" in chosen and self.rng.random() < 0.5:
            chosen.remove("material")  # a red wooden chair, but not too often
        return chosen


def spatial_for(draw: Draw, subject: str, used: set[str]) -> tuple[str, str] | None:
    """A spatial relation that fits ``subject`` and an unused object noun for it."""
    options = []
    for relation in SPATIAL:
        if relation in ("on", "under") and subject in SMALL_THINGS + SMALL_ANIMALS:
            options.append((relation, SUPPORTS + ("tree",) * (relation == "under")))
        elif relation == "above" and subject in FLYERS:
            options.append((relation, SUPPORTS + LARGE_THINGS + BIG_ANIMALS))
        elif relation == "in" and subject in IN_SUBJECTS:
            options.append((relation, CONTAINERS))
        elif relation not in STACKED:
            options.append((relation, tuple(n for n in ALL_NOUNS if n not in FLYERS)))
    draw.rng.shuffle(options)
    for relation, objects in options:
        target = draw.noun(objects, used)
        if target is not None:
            return relation, target
    return None


def chain(draw: Draw, noun: str, links: int, used: set[str]) -> tuple[list, list, list] | None:
    """Words, things and relations of ``rel B rel C ...`` after ``noun`` (already said):
    each relation links a noun to the next one."""
    words: list[str] = []
    things: list[dict] = []
    relations: list[list[str]] = []
    for _ in range(links):
        found = spatial_for(draw, noun, used)
        if found is None:
            return None
        relation, target = found
        used.add(target)
        said, accepted = SPATIAL[relation]
        phrase, thing = draw.thing(target, max_count=1 if relation in STACKED else 4)
        words += [draw.rng.choice(said), phrase]
        things.append(thing)
        relations.append([noun, accepted, target])
        noun = target
    return words, things, relations


def first_thing(draw: Draw, pool: tuple[str, ...], used: set[str], max_count: int = 3):
    noun = draw.noun(pool, used)
    if noun is None:
        return None
    used.add(noun)
    phrase, thing = draw.thing(noun, max_count=max_count, attributes=2)
    return noun, phrase, thing


def verb_clause(draw: Draw, used: set[str]) -> tuple[str, list, list] | None:
    """``A verb B``: an animal or a person doing something to another thing."""
    verbs = [v for v in VERBS if draw.holdout or v[0] not in HOLDOUT_VERBS]
    verb, accepted, subjects, objects = draw.rng.choice(verbs)
    alone = verb in ("riding", "sitting on")
    first = first_thing(draw, subjects, used, max_count=1 if alone else 3)
    if first is None:
        return None
    subject, phrase_a, a = first
    target = draw.noun(objects, used)
    if target is None:
        return None
    used.add(target)
    single = alone or verb in ("kicking", "reading")
    phrase_b, b = draw.thing(target, max_count=1 if single else 3)
    return f"{phrase_a} {verb} {phrase_b}", [a, b], [[subject, accepted, target]]


Built = tuple[str, list, list] | None


def objects_template(draw: Draw) -> Built:
    """Two or three things with counts and attributes: "two red apples and a glass bowl"."""
    used: set[str] = set()
    parts, things = [], []
    for _ in range(draw.rng.choice((2, 2, 3))):
        found = first_thing(draw, ALL_NOUNS, used, max_count=6)
        if found is None:
            return None
        parts.append(found[1])
        things.append(found[2])
    text = ", ".join(parts[:-1]) + " and " + parts[-1]
    return text, things, []


def chain_template(links: int) -> Callable[[Draw], Built]:
    def template(draw: Draw) -> Built:
        used: set[str] = set()
        first = first_thing(draw, ALL_NOUNS, used)
        if first is None:
            return None
        rest = chain(draw, first[0], links, used)
        if rest is None:
            return None
        return " ".join([first[1], *rest[0]]), [first[2], *rest[1]], rest[2]

    template.__name__ = f"chain{links}"
    return template


def verb_template(links: int) -> Callable[[Draw], Built]:
    """A verb clause, then ``links`` spatial relations from its object."""

    def template(draw: Draw) -> Built:
        used: set[str] = set()
        clause = verb_clause(draw, used)
        if clause is None:
            return None
        text, things, relations = clause
        if links:
            rest = chain(draw, relations[0][2], links, used)
            if rest is None:
                return None
            return " ".join([text, *rest[0]]), things + rest[1], relations + rest[2]
        return text, things, relations

    template.__name__ = f"verb{links}"
    return template


def two_clauses_template(draw: Draw) -> Built:
    """A spatial clause and a verb clause: "a cat on a chair, and a boy holding a kite"."""
    used: set[str] = set()
    first = first_thing(draw, ALL_NOUNS, used)
    if first is None:
        return None
    rest = chain(draw, first[0], 1, used)
    clause = verb_clause(draw, used)
    if rest is None or clause is None:
        return None
    text = " ".join([first[1], *rest[0]]) + ", and " + clause[0]
    return text, [first[2], *rest[1], *clause[1]], rest[2] + clause[2]


def compound_template(draw: Draw) -> Built:
    """Held out: two subjects share one relation, "a dog and two cats behind a bench"."""
    used: set[str] = set()
    a, b = first_thing(draw, ALL_NOUNS, used), first_thing(draw, ALL_NOUNS, used)
    if a is None or b is None:
        return None
    relation = draw.rng.choice(("left of", "right of", "behind", "in front of", "beside"))
    target = draw.noun(tuple(n for n in ALL_NOUNS if n not in FLYERS), used)
    if target is None:
        return None
    said, accepted = SPATIAL[relation]
    phrase, thing = draw.thing(target, max_count=1)
    text = f"{a[1]} and {b[1]} {draw.rng.choice(said)} {phrase}"
    return text, [a[2], b[2], thing], [[a[0], accepted, target], [b[0], accepted, target]]


DEV_TEMPLATES = (objects_template, chain_template(1), chain_template(2), verb_template(0),
                 verb_template(1), two_clauses_template)  # fmt: skip
HOLDOUT_ONLY = (compound_template, chain_template(3), verb_template(2))
PREFIXES = ("", "", "", "a photo of ", "a picture of ")


def atoms(things: list[dict], relations: list[list[str]]) -> list[dict[str, Any]]:
    """Every atom of a prompt: objects, said counts, attributes, relations."""
    out: list[dict[str, Any]] = []
    for thing in things:
        out.append({"skill": "object", "noun": thing["noun"]})
        if thing.get("said_count"):
            out.append({"skill": "count", "noun": thing["noun"], "value": thing["count"]})
        for key in ("color", "material", "pattern"):
            if key in thing:
                out.append({"skill": key, "noun": thing["noun"], "value": thing[key]})
    for subject, relation, target in relations:
        skill = "position" if relation.split("|")[0] in SPATIAL else "verb"
        out.append({"skill": skill, "subject": subject, "relation": relation, "object": target})
    return out


def make(seed: int, size: int, holdout: bool, prefix: str) -> list[dict[str, Any]]:
    """``size`` prompts from the split's templates, each with 3 to 10 atoms."""
    draw = Draw(random.Random(seed), holdout)
    templates = DEV_TEMPLATES + (HOLDOUT_ONLY * 2 if holdout else ())
    cases: list[dict[str, Any]] = []
    seen: set[str] = set()
    while len(cases) < size:
        template = draw.rng.choice(templates)
        built = template(draw)
        if built is None:
            continue
        text, things, relations = built
        prompt = draw.rng.choice(PREFIXES) + text
        listed = atoms(things, relations)
        if not MIN_ATOMS <= len(listed) <= MAX_ATOMS or prompt in seen:
            continue
        seen.add(prompt)
        cases.append({
            "id": f"{prefix}{len(cases) + 1:04d}", "prompt": prompt,
            "template": template.__name__.removesuffix("_template"), "atoms": listed,
            "things": [{k: v for k, v in t.items() if k != "said_count"} for t in things],
            "relations": relations, "optional": [], "setting": None, "depiction": "objects",
        })  # fmt: skip
    return cases


def write(path: Path, cases: list[dict[str, Any]]) -> None:
    lines = [json.dumps(case, ensure_ascii=False) for case in cases]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main() -> None:
    write(HERE / "compositional_dev.jsonl", make(DEV_SEED, DEV_SIZE, False, "cd"))
    write(HERE / "compositional_holdout.jsonl", make(HOLDOUT_SEED, HOLDOUT_SIZE, True, "ch"))


if __name__ == "__main__":
    main()
