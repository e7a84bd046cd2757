"""The everyday-speech set of what is drawn and where (things_everyday*.jsonl): rare words,
roles and ages, pronouns after a role, places, counts, idioms and remarks, built and drawn
as a session would (the real spaCy model, MiniLM and OpenMoji).

The floors sit below what the code measures, with a margin (measured: 79% of the dev
sentences right with no junk, 69% of the held-out ones with 2.7% junk); they catch a
regression, not a tuning target.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from speech2image.bench.faithfulness import load_suite
from speech2image.bench.faithfulness_run import SetRunner, figures
from tests.faithfulness.fixtures import shared_builder, shared_composer

pytestmark = pytest.mark.slow

HERE = Path(__file__).parent
FLOORS = {
    "things_everyday": {"right": 0.62, "junk": 0.08},
    "things_everyday_holdout": {"right": 0.55, "junk": 0.08},
}
"""Least share of sentences right and most share of junk objects, per file."""


def test_the_sets_are_fresh_and_apart() -> None:
    dev = load_suite(HERE / "things_everyday.jsonl")
    held = load_suite(HERE / "things_everyday_holdout.jsonl")
    assert len(dev) + len(held) >= 60
    assert not {c["text"] for c in dev} & {c["text"] for c in held}
    assert not {c["story"] for c in dev if c["story"]} & {c["story"] for c in held if c["story"]}


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_things_everyday_floor(name: str) -> None:
    runner = SetRunner(shared_builder(), shared_composer())
    run = runner.run(name, load_suite(HERE / f"{name}.jsonl"))
    found = figures(run)
    assert found["errors"] == 0
    assert found["right"] >= FLOORS[name]["right"]
    assert found["junk"] <= FLOORS[name]["junk"]
