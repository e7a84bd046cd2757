"""``speech2image render`` and ``speech2image assets`` through the real command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PIL import Image
from tests.faithfulness.fixtures import shared_composer

from speech2image.cli import main

pytestmark = pytest.mark.slow


def size_of(path: Path) -> tuple[int, int]:
    with Image.open(path) as image:
        return image.size


@pytest.fixture(autouse=True)
def installed() -> None:
    shared_composer()  # installs OpenMoji when it is missing


def test_render_one(tmp_path: Path) -> None:
    out, scene = tmp_path / "a.png", tmp_path / "a.json"
    code = main(["render", "Two blue birds above a red car at night.", "-o", str(out),
                 "--scene", str(scene), "--style", "watercolor", "--seed", "3"])  # fmt: skip
    assert code == 0
    assert size_of(out) == (512, 512)
    data = json.loads(scene.read_text())
    assert set(data) >= {"text", "setting", "time", "weather", "style", "width", "height",
                         "objects", "relations"}  # fmt: skip
    assert [(o["noun"], o["color"]) for o in data["objects"]] == [("bird", "blue")] * 2 + [
        ("car", "red")
    ]
    assert data["time"] == "night" and data["style"] == "watercolor"
    assert {"id", "noun", "asset", "asset_name", "match_score", "fallback", "color",
            "bbox"} <= set(data["objects"][0])  # fmt: skip


def test_render_batch(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    prompts = tmp_path / "prompts.jsonl"
    prompts.write_text('{"prompt": "a cat"}\n\n{"prompt": "three apples", "id": 7}\n')
    assert main(["render", "--batch", str(prompts), "--out", str(tmp_path / "out"),
                 "--size", "256"]) == 0  # fmt: skip
    files = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert files == ["0000.json", "0000.png", "0001.json", "0001.png"]
    assert size_of(tmp_path / "out" / "0001.png") == (256, 256)
    second = json.loads((tmp_path / "out" / "0001.json").read_text())
    assert [o["noun"] for o in second["objects"]] == ["apple"] * 3


def test_render_batch_contact_sheet(tmp_path: Path) -> None:
    prompts = tmp_path / "prompts.jsonl"
    lines = [{"text": "A dog is sleeping under a wooden table."}, {"prompt": "two red apples"},
             {"text": "Our sales went up a lot this year."}]  # fmt: skip
    prompts.write_text("".join(json.dumps(line) + "\n" for line in lines))
    sheet = tmp_path / "sheets" / "sheet.png"
    assert main(["render", "--batch", str(prompts), "--out", str(tmp_path / "out"),
                 "--sheet", str(sheet)]) == 0  # fmt: skip
    assert len(list((tmp_path / "out").glob("*.png"))) == 3
    with Image.open(sheet) as image:
        assert image.width == 3 * (192 + 16) and image.height > 192
        first = image.convert("RGB").crop((8, 8, 200, 200))
        assert len(first.getcolors(maxcolors=100_000) or ()) > 20  # a picture, not blank
    assert main(["render", "a cat", "-o", str(tmp_path / "a.png"), "--sheet", str(sheet)]) == 2


def test_render_user_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["render", "a cat"]) == 2
    assert main(["render", "--batch", str(tmp_path / "missing.jsonl"), "--out", "x"]) == 2
    bad = tmp_path / "bad.jsonl"
    bad.write_text("not json\n")
    assert main(["render", "--batch", str(bad), "--out", str(tmp_path)]) == 2
    assert main(["render", "a cat", "-o", str(tmp_path), "--size", "8"]) == 2
    assert "speech2image render:" in capsys.readouterr().err


def test_text_is_never_a_path(tmp_path: Path) -> None:
    out = tmp_path / "p.png"
    assert main(["render", "/etc/passwd", "-o", str(out)]) == 0
    assert out.is_file()


def test_assets_list(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["assets", "list"]) == 0
    assert "openmoji" in capsys.readouterr().out
    assert main(["assets", "install", "--pack", "openmoji"]) == 0
