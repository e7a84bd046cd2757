"""The evaluation sets are well formed, big enough, split as promised and reproducible.

These tests read the held-out files only to check their form (sizes, vocabularies, the
split); they never build, draw or score them.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from speech2image.scene import (
    ACTION_RELATIONS,
    AGES,
    CONCEPTS,
    DEPICTIONS,
    MATERIALS,
    PATTERNS,
    SETTINGS,
    SPATIAL_RELATIONS,
    TIMES,
    WEATHERS,
)
from tests.faithfulness import make_compositional
from tests.faithfulness.compositional_words import HOLDOUT_MATERIALS, HOLDOUT_NOUNS, HOLDOUT_VERBS

HERE = Path(__file__).parent
SIZES = {"natural_dev": 200, "natural_dev2": 150, "natural_holdout": 90, "natural_dev3": 150,
         "natural_holdout2": 145, "natural_dev4": 155, "natural_holdout3": 155,
         "compositional_dev": 200,
         "compositional_holdout": 150}  # fmt: skip


def load(name: str) -> list[dict[str, Any]]:
    lines = (HERE / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def values(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]


@pytest.mark.parametrize("name", list(SIZES))
def test_every_case_is_well_formed(name: str) -> None:
    cases = load(name)
    assert len(cases) >= SIZES[name]
    assert len({c["id"] for c in cases}) == len(cases)
    for case in cases:
        assert (case.get("text") or case.get("prompt")).strip()
        nouns = {t["noun"] for t in case["things"]}
        for thing in case["things"]:
            assert thing["noun"] == thing["noun"].lower().strip()
            assert thing.get("count", 1) >= 1
            assert set(values(thing.get("material", []))) <= set(MATERIALS)
            assert set(values(thing.get("pattern", []))) <= set(PATTERNS)
            assert set(values(thing.get("age", []))) <= set(AGES)
        for subject, relation, target in case["relations"]:
            assert subject in nouns and target in nouns, case["id"]
            for alternative in relation.split("|"):
                assert (alternative in SPATIAL_RELATIONS or alternative in ACTION_RELATIONS
                        or alternative.split()[0].endswith("ing")), alternative  # fmt: skip
        assert set(values(case["depiction"])) <= set(DEPICTIONS)
        assert set(values(case.get("concept", []))) <= set(CONCEPTS)
        if case["setting"] is not None:
            assert set(values(case["setting"])) <= set(SETTINGS)
        assert set(values(case.get("weather", []))) <= set(WEATHERS), case["id"]
        assert set(values(case.get("time", []))) <= set(TIMES), case["id"]


def test_natural_split_keeps_stories_whole_and_apart() -> None:
    dev, holdout = load("natural_dev"), load("natural_holdout")
    assert {c["story"] for c in dev if c["story"]}.isdisjoint(
        {c["story"] for c in holdout if c["story"]}
    )
    assert not {c["text"] for c in dev} & {c["text"] for c in holdout}
    registers = {c["register"] for c in dev + holdout}
    assert len(registers) >= 15
    depictions = [d for c in dev + holdout for d in values(c["depiction"])]
    assert {"objects", "concept", "previous"} <= set(depictions)


def test_third_writing_is_split_evenly_and_apart() -> None:
    dev, holdout = load("natural_dev3"), load("natural_holdout2")
    assert {c["story"] for c in dev if c["story"]}.isdisjoint(
        {c["story"] for c in holdout if c["story"]}
    )
    earlier = {c["text"].lower() for name in ("natural_dev", "natural_dev2") for c in load(name)}
    texts = [c["text"].lower() for c in dev + holdout]
    assert len(set(texts)) == len(texts) and not set(texts) & earlier
    registers = {c["register"] for c in dev} | {c["register"] for c in holdout}
    assert len(registers) >= 20
    for register in registers:
        in_dev = sum(c["register"] == register for c in dev)
        in_holdout = sum(c["register"] == register for c in holdout)
        assert in_dev and in_holdout and abs(in_dev - in_holdout) <= 2, register
    assert all(c["id"].startswith("d3-") for c in dev)
    assert all(c["id"].startswith("h2-") for c in holdout)


def test_fourth_writing_is_split_evenly_and_apart() -> None:
    dev, holdout = load("natural_dev4"), load("natural_holdout3")
    assert {c["story"] for c in dev if c["story"]}.isdisjoint(
        {c["story"] for c in holdout if c["story"]}
    )
    earlier = {(c.get("text") or c["prompt"]).lower() for name in SIZES
               if name not in ("natural_dev4", "natural_holdout3") for c in load(name)}  # fmt: skip
    texts = [c["text"].lower() for c in dev + holdout]
    assert len(set(texts)) == len(texts) and not set(texts) & earlier
    registers = {c["register"] for c in dev} | {c["register"] for c in holdout}
    assert len(registers) >= 24
    for register in registers:
        in_dev = sum(c["register"] == register for c in dev)
        in_holdout = sum(c["register"] == register for c in holdout)
        assert in_dev and in_holdout and abs(in_dev - in_holdout) <= 2, register
    stories = [c for c in dev + holdout if c["story"]]
    assert len(stories) >= len(texts) // 2 and len(stories) < len(texts)
    depictions = [d for c in dev + holdout for d in values(c["depiction"])]
    assert {"objects", "concept", "previous"} <= set(depictions)
    assert all(c["id"].startswith("d4-") for c in dev)
    assert all(c["id"].startswith("h3-") for c in holdout)


def test_ids_are_unique_across_all_sets() -> None:
    ids = [c["id"] for name in SIZES for c in load(name)]
    assert len(set(ids)) == len(ids)


def test_compositional_atoms_are_listed_and_in_range() -> None:
    for name in ("compositional_dev", "compositional_holdout"):
        for case in load(name):
            atoms = case["atoms"]
            assert 3 <= len(atoms) <= 10
            objects = [a["noun"] for a in atoms if a["skill"] == "object"]
            assert objects == [t["noun"] for t in case["things"]]
            relations = [[a["subject"], a["relation"], a["object"]] for a in atoms
                         if a["skill"] in ("position", "verb")]  # fmt: skip
            assert relations == case["relations"]


def test_dev_never_uses_the_held_out_words_or_templates() -> None:
    dev = load("compositional_dev")
    for case in dev:
        assert not {t["noun"] for t in case["things"]} & HOLDOUT_NOUNS
        assert not any(r[1].split("|")[0] in HOLDOUT_VERBS for r in case["relations"])
        assert not any(t.get("color") and t.get("pattern") for t in case["things"])
        assert not any(w in case["prompt"].split() for w in HOLDOUT_MATERIALS)
        assert case["template"] in {"objects", "chain1", "chain2", "verb0", "verb1", "two_clauses"}
    assert {"compound", "chain3", "verb2"} <= {c["template"] for c in load("compositional_holdout")}


def test_the_generator_writes_the_committed_files() -> None:
    mc = make_compositional
    assert mc.make(mc.DEV_SEED, mc.DEV_SIZE, False, "cd") == load("compositional_dev")
    assert mc.make(mc.HOLDOUT_SEED, mc.HOLDOUT_SIZE, True, "ch") == load("compositional_holdout")
