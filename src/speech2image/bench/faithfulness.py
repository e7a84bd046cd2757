"""Faithfulness scoring: does a picture show what its sentence said?

In the manner of GenEval (Ghosh et al., 2023), each case of a suite names the expected
things (noun, count, colour), relations between them and the setting; a picture is right
when its scene JSON says so *and* its pixels agree: every drawn instance must really be
visible inside its box (its pixels differ from the bare background there, and things drawn
later do not cover it). Relations are checked on the boxes, not on the words.

``speech2image bench faithfulness`` (:func:`register`) scores the project's suite this way,
and the natural-speech and compositional sets with :mod:`speech2image.bench.expectations`
(run by :mod:`speech2image.bench.faithfulness_run`).
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import numpy as np
from PIL import Image

from speech2image.scene import Scene, SceneObject

VISIBLE_FRACTION = 0.12
"""Share of a box's pixels that must differ from the bare background."""
COVERED_FRACTION = 0.7
"""Share of a box that later-drawn boxes may cover before it counts as hidden."""


@dataclass(frozen=True, slots=True)
class CaseResult:
    """The verdict on one case, with the reasons it failed."""

    prompt: str
    category: str
    correct: bool
    checks: dict[str, bool] = field(default_factory=dict)
    reasons: tuple[str, ...] = ()


def load_suite(path: Path) -> list[dict[str, Any]]:
    """The cases of a JSONL suite file, one object a line."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def _centre(box: tuple[int, int, int, int]) -> tuple[float, float]:
    return (box[0] + box[2]) / 2, (box[1] + box[3]) / 2


def relation_holds(relation: str, subject: SceneObject, objects: list[SceneObject]) -> bool:
    """Whether the boxes show ``subject`` standing ``relation`` to ``objects``."""
    if subject.bbox is None or not objects or any(o.bbox is None for o in objects):
        return False
    s = subject.bbox
    o = objects[0].bbox
    assert o is not None
    sx, sy = _centre(s)
    ox, oy = _centre(o)
    if relation == "left of":
        return sx < ox
    if relation == "right of":
        return sx > ox
    if relation in ("on", "above"):
        return sy < oy and s[3] <= o[1] + 0.35 * (o[3] - o[1])
    if relation in ("under", "below"):
        return sy > oy
    if relation in ("beside", "near"):
        return abs(sx - ox) > abs(sy - oy) * 0.5 and abs(sx - ox) > 0
    if relation == "behind":
        return s[3] < o[3]
    if relation == "in front of":
        return s[3] > o[3]
    if relation == "in":
        return o[0] <= sx <= o[2] and o[1] <= sy <= o[3]
    if relation == "between":
        xs = sorted(_centre(b.bbox)[0] for b in objects[:2] if b.bbox)
        return len(xs) == 2 and xs[0] < sx < xs[1]
    if relation == "around":
        return True
    raise ValueError(f"relation={relation!r} is not known")


def visible_instances(scene: Scene, image: Image.Image, bare: Image.Image) -> dict[str, bool]:
    """Per object id: visible inside its box (see :data:`VISIBLE_FRACTION`)."""
    pixels = np.asarray(image.convert("RGB"), dtype=np.int16)
    background = np.asarray(bare.convert("RGB"), dtype=np.int16)
    changed = np.abs(pixels - background).sum(axis=2) > 24
    order = scene.extras.get("draw_order") or [o.id for o in scene.objects]
    rank = {object_id: k for k, object_id in enumerate(order)}
    boxes = {o.id: o.bbox for o in scene.objects if o.bbox is not None}
    result = {}
    for obj in scene.objects:
        if obj.bbox is None:
            result[obj.id] = False
            continue
        x0, y0, x1, y1 = obj.bbox
        area = max(1, (x1 - x0) * (y1 - y0))
        region = changed[y0:y1, x0:x1]
        cover = np.zeros_like(region)
        for other, box in boxes.items():
            if rank.get(other, -1) > rank.get(obj.id, -1) and box is not None:
                cover[max(0, box[1] - y0) : max(0, box[3] - y0),
                      max(0, box[0] - x0) : max(0, box[2] - x0)] = True  # fmt: skip
        result[obj.id] = region.mean() >= VISIBLE_FRACTION and cover.sum() / area < COVERED_FRACTION
    return result


def score_case(case: dict[str, Any], scene: Scene, visible: dict[str, bool]) -> CaseResult:
    """Check one drawn scene against its case."""
    checks: dict[str, bool] = {}
    reasons: list[str] = []
    by_noun: dict[str, list[SceneObject]] = {}
    for obj in scene.objects:
        by_noun.setdefault(obj.noun, []).append(obj)
    for expected in case.get("objects", []):
        noun = expected["noun"]
        found = by_noun.get(noun, [])
        if "count" in expected:
            ok = len(found) == expected["count"]
            checks["count"] = checks.get("count", True) and ok
            if not ok:
                reasons.append(f"{noun}: {len(found)} drawn, {expected['count']} expected")
        if not found:
            checks["objects"] = False
            reasons.append(f"{noun}: not drawn")
            continue
        checks.setdefault("objects", True)
        if expected.get("color"):
            ok = all(o.color == expected["color"] for o in found)
            checks["color"] = checks.get("color", True) and ok
            if not ok:
                reasons.append(f"{noun}: colour {found[0].color}, {expected['color']} expected")
        hidden = [o.id for o in found if not visible.get(o.id, False)]
        checks["visible"] = checks.get("visible", True) and not hidden
        if hidden:
            reasons.append(f"{noun}: {', '.join(hidden)} not visible")
    for relation in case.get("relations", []):
        subjects = by_noun.get(relation["subject"], [])
        objects = by_noun.get(relation["object"], [])
        ok = bool(subjects) and all(
            relation_holds(relation["relation"], s, objects) for s in subjects
        )
        checks["relations"] = checks.get("relations", True) and ok
        if not ok:
            reasons.append(f"{relation['subject']} {relation['relation']} "
                           f"{relation['object']}: not so on the picture")  # fmt: skip
    for key in ("setting", "time", "weather"):
        if key in case:
            ok = getattr(scene, key) == case[key]
            checks[key] = ok
            if not ok:
                reasons.append(f"{key}: {getattr(scene, key)}, {case[key]} expected")
    if case.get("nonempty"):
        checks["nonempty"] = bool(scene.objects)
        if not scene.objects:
            reasons.append("nothing drawn")
    return CaseResult(
        prompt=case["prompt"],
        category=case.get("category", "other"),
        correct=all(checks.values()),
        checks=checks,
        reasons=tuple(reasons),
    )


def run_suite(
    cases: Iterable[dict[str, Any]],
    build: Callable[[str, object | None], Scene],
    draw: Callable[[Scene], tuple[Scene, Image.Image]],
    new_context: Callable[[], object],
) -> list[CaseResult]:
    """Build, draw and score every case; a case with ``"context"`` (earlier sentences)
    builds them first in one session context."""
    results = []
    for case in cases:
        context = new_context()
        for earlier in case.get("context", []):
            build(earlier, context)
        scene = build(case["prompt"], context)
        drawn, image = draw(scene)
        _, bare = draw(replace(scene, objects=(), relations=()))
        results.append(score_case(case, drawn, visible_instances(drawn, image, bare)))
    return results


def summarise(results: list[CaseResult]) -> dict[str, float]:
    """Share of correct cases overall, per category, and per kind of check."""
    summary = {"overall": sum(r.correct for r in results) / max(1, len(results))}
    totals: Counter[str] = Counter()
    right: Counter[str] = Counter()
    for r in results:
        totals[f"category:{r.category}"] += 1
        right[f"category:{r.category}"] += r.correct
        for check, ok in r.checks.items():
            totals[f"check:{check}"] += 1
            right[f"check:{check}"] += ok
    for key in sorted(totals):
        summary[key] = right[key] / totals[key]
    return summary


def register(subparsers: Any) -> None:
    """``speech2image bench faithfulness``."""
    from speech2image.bench.faithfulness_run import SETS  # the runner imports this module

    parser = subparsers.add_parser(
        "faithfulness",
        help="does each picture show what its sentence said? figures per set and skill",
        description="Builds and draws every sentence of the faithfulness sets and prints, per "
        "set, the share of sentences drawn right (every thing said, nothing else), the share "
        "of drawn objects that are junk, and per-skill figures. Run from the repository root.",
    )
    parser.add_argument("--set", default="dev", metavar="SET",
                        help=f"{', '.join(SETS)}, dev (the dev sets and the suite, no held-out "
                        "set; default) or all")  # fmt: skip
    parser.add_argument("--pack", default=None, help="clip-art pack (default openmoji)")
    parser.add_argument("--json", action="store_true", help="print one JSON object a set")
    parser.add_argument("--failures", type=int, default=0, metavar="N",
                        help="list the first N wrong sentences of each set with why")  # fmt: skip
    parser.add_argument(
        "--sheet",
        type=Path,
        metavar="FILE.png",
        help="contact sheet of each set's pictures (FILE-SET.png for several)",
    )
    parser.add_argument(
        "--dir",
        type=Path,
        default=Path("tests/faithfulness"),
        help="folder of the set files (default tests/faithfulness)",
    )
    parser.set_defaults(handler=_run)


def _run(args: argparse.Namespace) -> int:
    from speech2image.bench import faithfulness_report as report
    from speech2image.bench.faithfulness_run import SETS, SetRunner, load_set, set_names
    from speech2image.config import ComposerOptions, from_env
    from speech2image.errors import CommandError
    from speech2image.imaging.compose import ClipArtComposer
    from speech2image.language import SpacySceneBuilder

    try:
        names = set_names(args.set)
        options = from_env(ComposerOptions, pack=args.pack)
    except ValueError as e:
        raise CommandError(str(e)) from e
    if args.failures < 0:
        raise CommandError(f"--failures must be 0 or more, got {args.failures}")
    missing = [SETS[n] for n in names if not (args.dir / SETS[n]).is_file()]
    if missing:
        raise CommandError(f"{', '.join(missing)} not found in {args.dir} (run from the "
                           "repository root or give --dir)")  # fmt: skip
    composer = ClipArtComposer(options)
    composer.warm_up()
    runner = SetRunner(SpacySceneBuilder(), composer, thumbnails=args.sheet is not None)
    for name in names:
        with report.progress_bar(name) as progress:
            run = runner.run(name, load_set(name, args.dir), progress)
        report.show(run, args.failures, as_json=args.json)
        if args.sheet is not None:
            path = report.sheet_path(args.sheet, name, several=len(names) > 1)
            report.write_run_sheet(run, path)
            if not args.json:
                print(f"contact sheet: {path}")
    return 0
