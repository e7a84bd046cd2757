"""The faithfulness scorer on hand-made scenes, the contact sheet, and the bench command."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from PIL import Image

from speech2image.bench.expectations import names_match, score_expected, with_composites
from speech2image.bench.faithfulness_report import sheet_path, table_rows
from speech2image.bench.faithfulness_run import SetRun, figures, sessions, set_names
from speech2image.bench.sheet import SheetItem, caption_font, contact_sheet, wrap
from speech2image.scene import Relation, Scene, SceneObject


def obj(id_: str, noun: str, box: tuple[int, int, int, int], **kw: object) -> SceneObject:
    return SceneObject(id=id_, noun=noun, bbox=box, **kw)  # type: ignore[arg-type]


CAT_ON_CHAIR = {
    "id": "t1", "text": "A black cat is sitting on a wooden chair.",
    "things": [{"noun": "cat", "alt": ["kitten"], "count": 1, "color": "black"},
               {"noun": "chair", "count": 1, "material": "wood"}],
    "optional": ["cushion"], "setting": None,
    "relations": [["cat", "on|sitting on", "chair"]], "depiction": "objects",
}  # fmt: skip


def right_scene(**changes: object) -> Scene:
    cat = obj("o1", "cat", (200, 100, 300, 200), color="black")
    chair = obj("o2", "chair", (180, 180, 320, 400), material="wood")
    scene = Scene(text=CAT_ON_CHAIR["text"], objects=(cat, chair),
                  relations=(Relation("o1", "on", "o2"),))  # fmt: skip
    return Scene(**{**{f: getattr(scene, f) for f in ("text", "objects", "relations")}, **changes})


def seen(scene: Scene) -> dict[str, bool]:
    return {o.id: True for o in scene.objects}


def test_a_right_scene_is_right() -> None:
    scene = right_scene()
    verdict = score_expected(CAT_ON_CHAIR, scene, seen(scene), 12.0)
    assert verdict.correct, verdict.reasons
    assert dict(verdict.skills()) == {"depiction": True, "object": True, "count": True,
                                      "color": True, "material/pattern": True,
                                      "position": True}  # fmt: skip
    assert verdict.junk == () and verdict.drawn == 2


def test_a_junk_object_makes_it_wrong_but_an_optional_one_does_not() -> None:
    base = right_scene()
    junk = right_scene(objects=(*base.objects, obj("o3", "calendar", (10, 10, 60, 60))))
    verdict = score_expected(CAT_ON_CHAIR, junk, seen(junk), None)
    assert not verdict.correct and verdict.junk == ("calendar",)
    fine = right_scene(objects=(*base.objects, obj("o3", "red cushion", (10, 10, 60, 60))))
    assert score_expected(CAT_ON_CHAIR, fine, seen(fine), None).correct


def test_a_wrong_count_and_a_wrong_attribute() -> None:
    base = right_scene()
    two = right_scene(objects=(*base.objects, obj("o3", "kitten", (0, 0, 80, 80), color="black")))
    verdict = score_expected(CAT_ON_CHAIR, two, seen(two), None)
    assert not verdict.correct and verdict.checks[("count", "cat")] is False
    assert "cat: 2 drawn, 1 expected" in verdict.reasons
    grey = right_scene(objects=(obj("o1", "cat", (200, 100, 300, 200), color="grey"),
                                base.objects[1]))  # fmt: skip
    assert score_expected(CAT_ON_CHAIR, grey, seen(grey), None).checks[("color", "cat")] is False


def test_an_invisible_instance_is_not_drawn() -> None:
    scene = right_scene()
    verdict = score_expected(CAT_ON_CHAIR, scene, {"o1": False, "o2": True}, None)
    assert verdict.checks[("object", "cat")] is False
    assert "cat: not drawn (drawn but not visible)" in verdict.reasons


def test_a_missing_or_contradicted_relation() -> None:
    missing = right_scene(relations=())
    verdict = score_expected(CAT_ON_CHAIR, missing, seen(missing), None)
    assert (
        not verdict.correct
        and verdict.checks[("position", "cat", "on|sitting on", "chair")] is False
    )
    # Recorded, but the boxes put the cat below the chair.
    base = right_scene()
    low = right_scene(objects=(obj("o1", "cat", (200, 420, 300, 500), color="black"),
                               base.objects[1]))  # fmt: skip
    assert not score_expected(CAT_ON_CHAIR, low, seen(low), None).correct
    # Recorded the other way round is the same relation.
    inverse = right_scene(relations=(Relation("o2", "under", "o1"),))
    assert score_expected(CAT_ON_CHAIR, inverse, seen(inverse), None).correct
    # An action alternative needs no box check.
    sitting = right_scene(relations=(Relation("o1", "sitting on", "o2"),))
    assert score_expected(CAT_ON_CHAIR, sitting, seen(sitting), None).correct


GROWTH = {"id": "t2", "text": "Our sales went up a lot this year.", "things": [],
          "optional": [], "setting": None, "relations": [], "depiction": "concept",
          "concept": ["growth", "money"]}  # fmt: skip


def test_a_concept() -> None:
    chart = Scene(text=GROWTH["text"], depiction="concept",
                  objects=(obj("c1", "growth", (100, 100, 400, 400), concept=True),))  # fmt: skip
    assert score_expected(GROWTH, chart, seen(chart), None).correct
    wrong = Scene(text=GROWTH["text"], depiction="concept",
                  objects=(obj("c1", "sadness", (100, 100, 400, 400), concept=True),))  # fmt: skip
    verdict = score_expected(GROWTH, wrong, seen(wrong), None)
    assert not verdict.correct and verdict.junk == ("sadness",)
    objects = Scene(text=GROWTH["text"], objects=(obj("o1", "sale", (0, 0, 50, 50)),))
    verdict = score_expected(GROWTH, objects, seen(objects), None)
    assert not verdict.correct and verdict.checks[("depiction",)] is False
    # A concept symbol where objects were expected is junk.
    symbol = right_scene(objects=(*right_scene().objects, obj("c1", "idea", (0, 0, 40, 40),
                                                              concept=True)))  # fmt: skip
    assert score_expected(CAT_ON_CHAIR, symbol, seen(symbol), None).junk == ("idea",)


def test_previous_accepts_an_empty_picture_and_settings_are_checked() -> None:
    case = {"id": "t3", "text": "Well, it depends.", "things": [], "depiction": "previous"}
    assert score_expected(case, Scene(text="", depiction="empty"), {}, None).correct
    assert score_expected(case, Scene(text="", depiction="previous"), {}, None).correct
    forest = {**CAT_ON_CHAIR, "setting": ["forest", "park"]}
    assert score_expected(forest, right_scene(setting="park"), seen(right_scene()), None).correct
    assert not score_expected(forest, right_scene(), seen(right_scene()), None).correct


def test_atoms_follow_the_checks() -> None:
    case = {
        **CAT_ON_CHAIR,
        "atoms": [
            {"skill": "object", "noun": "cat"},
            {"skill": "color", "noun": "cat", "value": "black"},
            {"skill": "position", "subject": "cat", "relation": "on|sitting on", "object": "chair"},
        ],
    }
    grey = right_scene(objects=(obj("o1", "cat", (200, 100, 300, 200), color="grey"),
                                right_scene().objects[1]))  # fmt: skip
    assert score_expected(case, grey, seen(grey), None).atoms == (True, False, True)


def test_head_words_and_composites() -> None:
    assert names_match("pine tree", "tree") and not names_match("tree", "pine tree")
    assert names_match("Teddy Bear", "teddy bear") and not names_match("bearing", "bear")
    scene = Scene(
        text="",
        objects=(obj("a", "girl", (0, 0, 9, 9)), obj("b", "horse", (0, 0, 9, 9))),
        extras={"draw_order": ["b"], "composites": [{"subject": "a", "object": "b"}]},
    )
    assert with_composites(scene, {"a": False, "b": True}) == {"a": True, "b": True}


def test_sessions_keep_stories_together_and_set_names() -> None:
    cases = [{"story": None}, {"story": "s1"}, {"story": "s1"}, {"story": "s2"}, {"story": None}]
    assert [len(g) for g in sessions(cases)] == [1, 2, 1, 1]
    dev = set_names("dev")
    assert dev[:2] == ("natural_dev", "natural_dev2") and "natural_dev3" in dev
    assert not any("holdout" in name for name in dev)
    assert {"natural_holdout", "natural_holdout2", "compositional_holdout"} <= set(set_names("all"))
    with pytest.raises(ValueError, match="set='nope'"):
        set_names("nope")


def test_figures_and_rows() -> None:
    scene = right_scene()
    good = score_expected(CAT_ON_CHAIR, scene, seen(scene), 10.0)
    junk = right_scene(objects=(*scene.objects, obj("o3", "calendar", (10, 10, 60, 60))))
    bad = score_expected(CAT_ON_CHAIR, junk, seen(junk), 30.0)
    summary = figures(SetRun("natural_dev", (good, bad)))
    assert summary["right"] == 0.5 and summary["junk"] == pytest.approx(1 / 5)
    assert summary["skills"]["object"] == {"share": 1.0, "checks": 4}
    rows = dict((r[0], r[1]) for r in table_rows(summary))
    assert rows["sentences right"] == "50.0%" and rows["junk objects"] == "20.0%"
    assert sheet_path(Path("s.png"), "suite", several=True) == Path("s-suite.png")


def test_contact_sheet_grid_and_captions() -> None:
    items = [SheetItem(Image.new("RGB", (512, 512), (0, 90, 200)), "a cat " * 30, k % 2 == 0)
             for k in range(7)]  # fmt: skip
    sheet = contact_sheet(items, columns=3, thumb_px=64, font_px=10, caption_lines=3)
    assert sheet.size == (3 * 80, 3 * (80 + 3 * 13))
    assert sheet.getpixel((8 + 32, 8 + 32)) == (0, 90, 200)  # the thumbnail itself
    assert sheet.getpixel((8, 8 + 32)) == (40, 160, 70)  # a right picture's frame
    caption = sheet.crop((8, 8 + 64 + 2, 8 + 64, 8 + 64 + 3 * 13))
    assert caption.convert("L").getextrema()[0] < 100  # some dark text under the picture
    lines = wrap("a cat " * 30, caption_font(10), 64, 3)
    assert len(lines) == 3 and lines[-1].endswith("…")
    with pytest.raises(ValueError, match="items is empty"):
        contact_sheet([])


@pytest.mark.slow
def test_bench_command_on_a_few_dev_lines(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from speech2image.cli import main
    from tests.faithfulness.fixtures import shared_composer

    shared_composer()  # installs OpenMoji when it is missing
    here = Path(__file__).parents[1] / "faithfulness"
    for name in ("natural_dev", "compositional_dev"):
        lines = (here / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()[:4]
        (tmp_path / f"{name}.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    sheet = tmp_path / "sheet.png"
    args = ["bench", "faithfulness", "--dir", str(tmp_path), "--json", "--failures", "4",
            "--sheet", str(sheet)]  # fmt: skip
    assert main([*args, "--set", "natural_dev"]) == 0
    natural = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert natural["set"] == "natural_dev" and natural["cases"] == 4
    assert set(natural["skills"]) >= {"object", "depiction"} and natural["errors"] == 0
    assert 0 <= natural["right"] <= 1 and natural["compose_p95_ms"] > 0
    assert all(f["why"] for f in natural["failures"])
    with Image.open(sheet) as image:
        assert image.width >= 4 * 192
    assert main([*args, "--set", "compositional_dev"]) == 0
    compositional = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert compositional["atom_count"] > 0 and compositional["atoms"] is not None
    assert main(["bench", "faithfulness", "--dir", str(tmp_path), "--set", "suite"]) == 2


def test_spellings_and_metals() -> None:
    case = {**CAT_ON_CHAIR, "things": [{"noun": "cat", "color": "grey"}], "relations": []}
    gray = Scene(text="", objects=(obj("o1", "cat", (0, 0, 50, 50), color="gray"),))
    assert score_expected(case, gray, seen(gray), None).correct
    fish = {**case, "things": [{"noun": "fish", "color": ["gold", "yellow"]}]}
    golden = Scene(text="", objects=(obj("o1", "fish", (0, 0, 50, 50), material="gold"),))
    assert score_expected(fish, golden, seen(golden), None).correct


def test_a_relation_said_of_the_thing_it_carries() -> None:
    case = {"id": "t4", "prompt": "a boy carrying a box to the left of a car", "optional": [],
            "things": [{"noun": "boy"}, {"noun": "box"}, {"noun": "car"}],
            "relations": [["boy", "carrying", "box"], ["box", "left of", "car"]]}  # fmt: skip
    boy, box = obj("o1", "boy", (40, 200, 140, 400)), obj("o2", "box", (90, 280, 160, 350))
    car = obj("o3", "car", (300, 250, 480, 400))
    said_of_boy = Scene(text="", objects=(boy, box, car),
                        relations=(Relation("o1", "carrying", "o2"),
                                   Relation("o1", "left of", "o3")))  # fmt: skip
    assert score_expected(case, said_of_boy, seen(said_of_boy), None).correct
    far = obj("o2", "box", (400, 280, 470, 350))  # the box itself is not left of the car
    moved = Scene(text="", objects=(boy, far, car), relations=said_of_boy.relations)
    assert not score_expected(case, moved, seen(moved), None).correct


def test_an_optional_thing_named_exactly_is_not_another_name_of_an_expected_one() -> None:
    case = {"id": "t5", "text": "These are the three puppies our dog had.", "optional": ["dog"],
            "things": [{"noun": "puppy", "alt": ["dog"], "count": 3}], "relations": []}  # fmt: skip
    puppies = tuple(obj(f"p{k}", "puppy", (k * 60, 300, k * 60 + 50, 350)) for k in range(3))
    scene = Scene(text="", objects=(*puppies, obj("d", "dog", (300, 250, 400, 350))))
    assert score_expected(case, scene, seen(scene), None).correct
    # Three dogs are the optional mother three times over, not the puppies.
    as_dogs = Scene(text="", objects=tuple(replace(p, noun="dog") for p in puppies))
    assert score_expected(case, as_dogs, seen(as_dogs), None).checks[("object", "puppy")] is False


def test_beside_and_near_hold_either_way_round() -> None:
    case = {"id": "t3", "text": "A laptop next to a cup.",
            "things": [{"noun": "laptop", "count": 1}, {"noun": "cup", "count": 1}],
            "optional": [], "setting": None, "relations": [["cup", "beside|near", "laptop"]],
            "depiction": "objects"}  # fmt: skip
    laptop = obj("o1", "laptop", (100, 300, 250, 400))
    cup = obj("o2", "cup", (280, 330, 340, 400))
    for relation in ("beside", "near"):
        scene = Scene(text=case["text"], objects=(laptop, cup),
                      relations=(Relation("o1", relation, "o2"),))  # fmt: skip
        assert score_expected(case, scene, seen(scene), None).correct
    far = Scene(text=case["text"], objects=(laptop, cup), relations=())
    assert not score_expected(case, far, seen(far), None).correct
