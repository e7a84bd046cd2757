"""The Fluent Emoji pack: names joined with OpenMoji's annotations, skin tones as variants,
installed from the real npm package, rendered by resvg."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from speech2image.config import default_assets_dir
from speech2image.imaging.compose.assets import (
    SKIN_TONES,
    AssetsMissingError,
    attribution_html,
    attribution_text,
    install_openmoji,
    is_installed,
    load_index,
    npm_pack,
)
from speech2image.imaging.compose.fluent import index_rows, install, slug
from speech2image.imaging.compose.raster import AssetRasterizer
from speech2image.store.export.gif import write_gif
from speech2image.store.export.storyboard import render_storyboard
from speech2image.store.export.timeline import Shot
from speech2image.store.folder import attribution_of, packs_used

ANNOTATIONS = [
    {"annotation": "girl", "tags": "child, kid, child", "openmoji_tags": "person",
     "group": "people-body", "subgroups": "person", "skintone": ""},
    {"annotation": "girl: dark skin tone", "tags": "", "openmoji_tags": "",
     "group": "people-body", "subgroups": "person", "skintone": 5},
    {"annotation": "four o’clock", "tags": "4, clock", "openmoji_tags": "",
     "group": "travel-places", "subgroups": "time", "skintone": ""},
    {"annotation": "police car light", "tags": "siren", "openmoji_tags": "",
     "group": "travel-places", "subgroups": "transport-ground", "skintone": ""},
    {"annotation": "elf", "tags": "magic", "openmoji_tags": "",
     "group": "people-body", "subgroups": "person-fantasy", "skintone": ""},
    {"annotation": "red hair", "tags": "ginger", "openmoji_tags": "",
     "group": "component", "subgroups": "hair-style", "skintone": ""},
]  # fmt: skip


def test_slug_spells_names_as_the_file_names() -> None:
    assert slug("four o’clock") == "four-oclock"
    assert slug("piñata") == "pinata"
    assert slug("man: blond hair") == "man-blond-hair"
    assert slug("keycap: #") == "keycap"


def test_index_rows_join_names_and_fold_skin_tones_into_variants() -> None:
    tones = [f"girl-{t}" for t in ("default", *SKIN_TONES)]
    stems = [*tones, "four-oclock", "police-car-light", "person-elf", "red-hair", "glowing-orb"]
    rows = {r["id"]: r for r in index_rows(sorted(stems), ANNOTATIONS)}
    assert set(rows) == {"girl", "four-oclock", "police-car-light", "person-elf", "glowing-orb"}
    girl = rows["girl"]
    assert girl["name"] == "girl" and girl["path"] == "svg/girl-default.svg"
    assert girl["tags"] == ["child", "kid", "person"]  # joined with OpenMoji's, no repeats
    assert girl["group"] == "people-body/person"
    assert set(girl["variants"]) == set(SKIN_TONES)
    assert girl["variants"]["medium-dark"] == {
        "id": "girl-medium-dark",
        "path": "svg/girl-medium-dark.svg",
    }
    # "-light" here is part of the name: there is no police-car-default.
    assert "variants" not in rows["police-car-light"]
    assert rows["police-car-light"]["name"] == "police car light"
    assert rows["four-oclock"]["name"] == "four o’clock"
    assert rows["person-elf"]["name"] == "elf"  # renamed in CLDR since
    assert rows["glowing-orb"] == {
        "id": "glowing-orb",
        "name": "glowing orb",
        "tags": [],
        "group": "",
        "path": "svg/glowing-orb.svg",
    }


def test_attribution_names_each_pack_used_once() -> None:
    both = attribution_html(["fluent", "openmoji", "extra", "fluent-flat"])
    assert both.count("OpenMoji") == 1 and "CC BY-SA 4.0" in both
    assert both.count("Microsoft") == 1 and "MIT" in both
    assert attribution_html(["extra"]) == ""
    text = attribution_text(["fluent"])
    assert "<" not in text and "©" in text and "OpenMoji" not in text


def test_a_missing_npm_is_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(AssetsMissingError, match="npm is needed"):
        npm_pack("fluentui-emoji", "1.3.0", tmp_path)


@pytest.mark.slow
def test_a_version_npm_cannot_fetch_is_a_clear_error(tmp_path: Path) -> None:
    if shutil.which("npm") is None:
        pytest.skip("npm is needed")
    with pytest.raises(AssetsMissingError, match=r"npm pack fluentui-emoji@0\.0\.0-none failed"):
        npm_pack("fluentui-emoji", "0.0.0-none", tmp_path)
    assert not list(tmp_path.iterdir())


def test_an_unknown_fluent_pack_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="fluent-flat"):
        install(tmp_path, "fluent-contrast")


@pytest.fixture(scope="module")
def fluent_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh assets folder with Fluent Emoji installed from the npm registry (OpenMoji's
    annotations copied from the installed pack, else fetched too)."""
    if shutil.which("npm") is None:
        pytest.skip("npm is needed to fetch fluentui-emoji")
    assets_dir = tmp_path_factory.mktemp("assets")
    installed = default_assets_dir() / "openmoji" / "openmoji.json"
    if installed.is_file():
        (assets_dir / "openmoji").mkdir()
        shutil.copy(installed, assets_dir / "openmoji" / "openmoji.json")
    else:
        install_openmoji(assets_dir)
    try:
        install(assets_dir, "fluent")
    except AssetsMissingError as e:
        pytest.skip(f"the npm registry cannot be reached: {e}")
    return assets_dir


@pytest.mark.slow
def test_install_from_npm_indexes_the_colour_style(fluent_dir: Path) -> None:
    folder = fluent_dir / "fluent"
    assert is_installed(fluent_dir, "fluent")
    assert "MIT License" in (folder / "LICENSE.txt").read_text(encoding="utf-8")
    rows = json.loads((folder / "index.json").read_text(encoding="utf-8"))
    assert len(rows) > 1500
    assert all(set(r) >= {"id", "name", "tags", "group", "path"} for r in rows)
    assert all((folder / r["path"]).is_file() for r in rows)
    joined = [r for r in rows if r["group"]]
    assert len(joined) / len(rows) > 0.97  # nearly every name joins OpenMoji's
    toned = [r for r in rows if "variants" in r]
    assert len(toned) > 250 and all(set(r["variants"]) == set(SKIN_TONES) for r in toned)
    assert all((folder / v["path"]).is_file() for r in toned for v in r["variants"].values())
    entries = {e.id: e for e in load_index(fluent_dir, "fluent")}
    assert entries["horse-racing"].path.name == "horse-racing-default.svg"
    assert entries["dog-face"].name == "dog face"


@pytest.mark.slow
def test_install_again_is_a_no_op(fluent_dir: Path) -> None:
    index = fluent_dir / "fluent" / "index.json"
    before = index.stat().st_mtime_ns
    assert install(fluent_dir, "fluent") == fluent_dir / "fluent"
    assert index.stat().st_mtime_ns == before


@pytest.mark.slow
def test_gradients_render_to_visible_pixels(fluent_dir: Path) -> None:
    entries = {e.id: e for e in load_index(fluent_dir, "fluent")}
    rasterizer = AssetRasterizer()
    for asset_id in ("dog", "deciduous-tree", "automobile", "house", "girl"):
        image = np.asarray(rasterizer.base(entries[asset_id]))
        assert image.shape[0] > 200 or image.shape[1] > 200, asset_id  # cropped, not empty
        opaque = image[..., 3] > 200
        assert opaque.mean() > 0.3, asset_id
        colours = {tuple(int(v) // 32 for v in px) for px in image[opaque][::97, :3]}
        assert len(colours) > 6, asset_id  # shaded by gradients, not one flat fill
    girl = entries["girl"]

    def lightness(image: np.ndarray) -> float:
        return float(image[image[..., 3] > 200][:, :3].mean())

    default = np.asarray(rasterizer.base(girl))
    dark = np.asarray(rasterizer.base(girl.in_tone("dark")))
    assert lightness(dark) < lightness(default) - 20  # the same girl in a darker skin


def _manifest(*assets: str, pack: str | None = None) -> dict[str, object]:
    scene = {"objects": [{"asset": a} for a in assets], **({"pack": pack} if pack else {})}
    sentence = {"index": 0, "start": 0.0, "end": 2.0, "text": "A dog.", "scene": scene}
    return {"source": "talk.wav", "sentences": [sentence]}


def test_exports_credit_the_packs_the_pictures_used(tmp_path: Path) -> None:
    mixed = _manifest("fluent:dog", "openmoji:E150", "extra:couch", pack="fluent")
    assert packs_used(mixed) == ("fluent", "openmoji", "extra")
    page = render_storyboard(mixed)
    assert "Microsoft" in page and "OpenMoji" in page and "CC BY-SA 4.0" in page
    fluent_only = render_storyboard(_manifest("fluent:dog", pack="fluent"))
    assert "Microsoft" in fluent_only and "OpenMoji" not in fluent_only
    # A session whose pictures do not say (older sessions): the default pack's credit.
    assert "OpenMoji" in render_storyboard({"source": "x.wav", "sentences": []})
    shots = [Shot(0, "A dog.", 0.0, 2.0, 0.0, 2.0, None)]
    gif = write_gif(shots, tmp_path / "talk.gif", attribution=attribution_of(mixed, text=True))
    with Image.open(gif) as image:
        comment = image.info["comment"].decode("utf-8")
    assert "Fluent Emoji" in comment and "OpenMoji" in comment and "<" not in comment
