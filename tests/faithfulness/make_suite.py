"""Writes suite.jsonl: the project's own faithfulness suite (run once; the file is committed).

Templates in the manner of GenEval over the 80 COCO classes (single objects, two objects,
counting, colours, colour attribution, position), plus hand-written cases for settings,
time, weather, context across sentences, quantity phrases and abstract sentences.

    .venv/bin/python -m tests.faithfulness.make_suite
"""

from __future__ import annotations

import json
import random
from pathlib import Path

from speech2image.imaging.compose.aliases import COCO_CLASSES

SUITE = Path(__file__).with_name("suite.jsonl")
IRREGULAR = {"person": "people", "mouse": "mice", "knife": "knives", "sheep": "sheep",
             "skis": "skis", "scissors": "scissors"}  # fmt: skip
COUNTABLE = [c for c in COCO_CLASSES if c not in ("skis", "scissors", "person", "sheep")]
NUMBERS = {2: "two", 3: "three", 4: "four", 5: "five", 6: "six"}
COLORS = ["red", "orange", "yellow", "green", "blue", "purple", "pink", "brown", "black",
          "white"]  # fmt: skip
RELATIONS = [("left of", "to the left of"), ("right of", "to the right of"),
             ("above", "above"), ("below", "below"), ("on", "on top of"), ("under", "under"),
             ("beside", "next to"), ("behind", "behind"),
             ("in front of", "in front of")]  # fmt: skip


def plural(noun: str) -> str:
    if noun in IRREGULAR:
        return IRREGULAR[noun]
    if noun.endswith(("s", "sh", "ch", "x")):
        return noun + "es"
    if noun.endswith("y") and noun[-2] not in "aeiou":
        return noun[:-1] + "ies"
    return noun + "s"


def article(word: str) -> str:
    return "an" if word[0] in "aeiou" else "a"


def generated(rng: random.Random) -> list[dict[str, object]]:
    cases: list[dict[str, object]] = []
    for noun in COCO_CLASSES:
        cases.append({"category": "single", "prompt": f"a photo of {article(noun)} {noun}",
                      "objects": [{"noun": noun, "count": 1}]})  # fmt: skip
    for _ in range(40):
        a, b = rng.sample(COUNTABLE, 2)
        cases.append({"category": "two_objects", "prompt": f"{article(a)} {a} and {article(b)} {b}",
                      "objects": [{"noun": a, "count": 1}, {"noun": b, "count": 1}]})  # fmt: skip
    for _ in range(60):
        noun = rng.choice(COUNTABLE)
        count = rng.choice(list(NUMBERS))
        word = NUMBERS[count] if rng.random() < 0.7 else str(count)
        cases.append({"category": "counting", "prompt": f"a photo of {word} {plural(noun)}",
                      "objects": [{"noun": noun, "count": count}]})  # fmt: skip
    for _ in range(50):
        noun, color = rng.choice(COUNTABLE), rng.choice(COLORS)
        cases.append({"category": "colors", "prompt": f"a photo of {article(color)} {color} {noun}",
                      "objects": [{"noun": noun, "count": 1, "color": color}]})  # fmt: skip
    for _ in range(40):
        a, b = rng.sample(COUNTABLE, 2)
        ca, cb = rng.sample(COLORS, 2)
        cases.append({"category": "color_attr",
                      "prompt": f"{article(ca)} {ca} {a} and {article(cb)} {cb} {b}",
                      "objects": [{"noun": a, "color": ca}, {"noun": b, "color": cb}]})  # fmt: skip
    for _ in range(72):
        a, b = rng.sample(COUNTABLE, 2)
        relation, words = rng.choice(RELATIONS)
        cases.append({"category": "position",
                      "prompt": f"a photo of {article(a)} {a} {words} {article(b)} {b}",
                      "objects": [{"noun": a, "count": 1}, {"noun": b, "count": 1}],
                      "relations": [
                          {"subject": a, "relation": relation, "object": b}]})  # fmt: skip
    return cases


def main() -> None:
    rng = random.Random(2024)
    cases = generated(rng)
    handwritten = Path(__file__).with_name("handwritten.jsonl").read_text(encoding="utf-8")
    cases += [json.loads(line) for line in handwritten.splitlines() if line.strip()]
    SUITE.write_text("".join(json.dumps(c) + "\n" for c in cases), encoding="utf-8")
    print(f"wrote {len(cases)} cases to {SUITE}")


if __name__ == "__main__":
    main()
