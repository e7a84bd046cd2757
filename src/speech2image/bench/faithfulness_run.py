"""Running the faithfulness sets as a session would, and their figures.

Each case's sentence is built by the scene builder and drawn by the composer; the sentences
of one story share a session context and each picture is drawn knowing the previous one, as
in a live session. Every picture is drawn a second time without its objects, so that each
instance's pixels can be checked (:func:`~speech2image.bench.faithfulness.visible_instances`).
A case whose building or drawing fails is scored wrong with the error as its reason, so the
sets can be measured whatever state the parser is in.
"""

from __future__ import annotations

import json
import logging
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from PIL import Image

from speech2image.bench import percentile
from speech2image.bench.expectations import Verdict, score_expected, with_composites
from speech2image.bench.faithfulness import load_suite, score_case, visible_instances

logger = logging.getLogger(__name__)

SETS = {
    "natural_dev": "natural_dev.jsonl",
    "natural_dev2": "natural_dev2.jsonl",
    "natural_dev3": "natural_dev3.jsonl",
    "natural_dev4": "natural_dev4.jsonl",
    "natural_holdout": "natural_holdout.jsonl",
    "natural_holdout2": "natural_holdout2.jsonl",
    "natural_holdout3": "natural_holdout3.jsonl",
    "compositional_dev": "compositional_dev.jsonl",
    "compositional_holdout": "compositional_holdout.jsonl",
    "suite": "suite.jsonl",
}
"""Set names and their files under ``tests/faithfulness``."""
GROUPS = {
    "dev": (
        "natural_dev",
        "natural_dev2",
        "natural_dev3",
        "natural_dev4",
        "compositional_dev",
        "suite",
    ),
    "all": tuple(SETS),
}
"""Names for several sets; ``dev`` leaves the held-out sets alone (the default)."""
SETS_DIR = Path("tests/faithfulness")
THUMB_PX = 192


@dataclass(frozen=True, slots=True)
class SetRun:
    """One set scored: a verdict per case, and a thumbnail per case when asked for."""

    name: str
    verdicts: tuple[Verdict, ...]
    thumbnails: tuple[Image.Image, ...] = ()


def set_names(choice: str) -> tuple[str, ...]:
    """The sets a ``--set`` choice names."""
    if choice in GROUPS:
        return GROUPS[choice]
    if choice not in SETS:
        allowed = ", ".join([*SETS, *GROUPS])
        raise ValueError(f"set={choice!r} is not known; choose one of {allowed}")
    return (choice,)


def load_set(name: str, folder: Path = SETS_DIR) -> list[dict[str, Any]]:
    """The cases of the named set."""
    return load_suite(folder / SETS[name])


def sessions(cases: list[dict[str, Any]]) -> Iterator[list[dict[str, Any]]]:
    """Cases grouped as sessions: the consecutive sentences of a story, else one each."""
    group: list[dict[str, Any]] = []
    for case in cases:
        story = case.get("story")
        if group and (story is None or story != group[-1].get("story")):
            yield group
            group = []
        group.append(case)
    if group:
        yield group


class SetRunner:
    """Builds, draws and scores cases with one scene builder and one composer."""

    def __init__(self, builder: Any, composer: Any, *, thumbnails: bool = False) -> None:
        self.builder = builder
        self.composer = composer
        self.thumbnails = thumbnails

    def run(
        self,
        name: str,
        cases: list[dict[str, Any]],
        progress: Callable[[int, int], None] | None = None,
    ) -> SetRun:
        """Score every case of the set ``name``; ``progress(done, total)`` after each."""
        verdicts: list[Verdict] = []
        thumbs: list[Image.Image] = []
        for group in sessions(cases):
            context = self.builder.new_context()
            previous: Image.Image | None = None
            for case in group:
                verdict, image = self._one(name, case, context, previous)
                verdicts.append(verdict)
                if progress is not None:
                    progress(len(verdicts), len(cases))
                previous = image if image is not None else previous
                if self.thumbnails:
                    thumbs.append(_thumbnail(image))
        return SetRun(name=name, verdicts=tuple(verdicts), thumbnails=tuple(thumbs))

    def _one(
        self, name: str, case: dict[str, Any], context: object, previous: Image.Image | None
    ) -> tuple[Verdict, Image.Image | None]:
        text = str(case.get("text") or case.get("prompt") or "")
        try:
            for earlier in case.get("context", []):  # the suite's earlier sentences
                self.builder.build(earlier, context=context)
            scene = self.builder.build(text, context=context)
            start = time.perf_counter()
            picture = self.composer.draw(scene, previous=previous)
            compose_ms = (time.perf_counter() - start) * 1000
            drawn = picture.scene
            bare = self.composer.draw(replace(drawn, objects=(), relations=())).image
        except Exception as e:  # the bench is a stage boundary: a failure is a wrong case
            logger.exception("case %s of %s failed", case.get("id", text), name)
            reason = f"error: {type(e).__name__}: {e}"
            return Verdict(str(case.get("id", "")), text, False, reasons=(reason,)), None
        visible = visible_instances(drawn, picture.image, bare)
        if name == "suite":
            result = score_case(case, drawn, visible)
            checks: dict[tuple[str, ...], bool] = {
                (_SUITE_SKILLS.get(k, k),): ok for k, ok in result.checks.items()
            }
            verdict = Verdict(str(case.get("id", "")), text, result.correct, checks,
                              drawn=len(drawn.objects), reasons=result.reasons,
                              fallbacks=sum(o.fallback for o in drawn.objects),
                              compose_ms=compose_ms)  # fmt: skip
        else:
            visible = with_composites(drawn, visible)
            verdict = score_expected(case, drawn, visible, compose_ms)
        return verdict, picture.image


_SUITE_SKILLS = {"objects": "object", "relations": "position", "nonempty": "depiction"}
"""The suite's check names as the skills of the other sets."""


def _thumbnail(image: Image.Image | None) -> Image.Image:
    if image is None:
        return Image.new("RGB", (THUMB_PX, THUMB_PX), (200, 200, 200))
    return image.convert("RGB").resize((THUMB_PX, THUMB_PX), Image.Resampling.LANCZOS)


SKILL_ORDER = ("object", "count", "color", "material/pattern", "age", "name", "position",
               "verb", "setting", "weather", "time", "depiction", "visible")  # fmt: skip


def figures(run: SetRun) -> dict[str, Any]:
    """A set's figures: share of cases right, junk share, per-skill shares, atoms, timing."""
    verdicts = run.verdicts
    totals: Counter[str] = Counter()
    right: Counter[str] = Counter()
    for verdict in verdicts:
        for skill, ok in verdict.skills():
            totals[skill] += 1
            right[skill] += ok
    drawn = sum(v.drawn for v in verdicts)
    junk = sum(len(v.junk) for v in verdicts)
    atoms = [ok for v in verdicts for ok in v.atoms]
    times = [v.compose_ms for v in verdicts if v.compose_ms is not None]
    order = [s for s in SKILL_ORDER if s in totals] + sorted(set(totals) - set(SKILL_ORDER))
    return {
        "set": run.name,
        "cases": len(verdicts),
        "right": sum(v.correct for v in verdicts) / max(1, len(verdicts)),
        "drawn_objects": drawn,
        "fallback": sum(v.fallbacks for v in verdicts) / max(1, drawn),
        "junk": None if run.name == "suite" else junk / max(1, drawn),
        "atoms": sum(atoms) / len(atoms) if atoms else None,
        "atom_count": len(atoms),
        "skills": {s: {"share": right[s] / totals[s], "checks": totals[s]} for s in order},
        "errors": sum(any(r.startswith("error:") for r in v.reasons) for v in verdicts),
        "compose_p50_ms": percentile(times, 50),
        "compose_p95_ms": percentile(times, 95),
    }


def failures(run: SetRun, limit: int) -> list[dict[str, Any]]:
    """The first ``limit`` wrong cases, each with why."""
    wrong = [v for v in run.verdicts if not v.correct][:limit]
    return [{"id": v.case_id, "text": v.text, "why": list(v.reasons)} for v in wrong]


def to_json(run: SetRun, limit: int) -> str:
    """A set's figures and first failures as JSON."""
    return json.dumps({**figures(run), "failures": failures(run, limit)}, ensure_ascii=False)
