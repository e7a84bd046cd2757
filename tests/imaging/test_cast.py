"""Casting: the stand-in pack for things the picture's pack lacks, and characters that keep
their asset and skin tone from picture to picture."""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from speech2image.config import ComposerOptions, default_assets_dir
from speech2image.imaging.compose import ClipArtComposer
from speech2image.imaging.compose.assets import SKIN_TONES, AssetsMissingError, is_installed
from speech2image.imaging.compose.cast import incoming_cast, picture_pack, skin_tone
from speech2image.imaging.compose.fluent import install
from speech2image.scene import Relation, Scene, SceneObject


def test_skin_tone_is_stable_and_varied() -> None:
    assert skin_tone("e1", 0) == skin_tone("e1", 0)
    tones = {skin_tone(f"e{k}", 0) for k in range(40)}
    assert tones == set(SKIN_TONES)
    assert {skin_tone("e1", seed) for seed in range(20)} != {skin_tone("e1", 0)}


def test_picture_pack_comes_from_the_scene_and_is_checked() -> None:
    assert picture_pack(Scene("a dog"), "openmoji") == "openmoji"
    assert picture_pack(Scene("a dog", extras={"pack": "fluent"}), "openmoji") == "fluent"
    with pytest.raises(ValueError, match="'crayons'"):
        picture_pack(Scene("a dog", extras={"pack": "crayons"}), "openmoji")


def test_incoming_cast_keeps_only_asset_keys() -> None:
    scene = Scene("she runs", extras={"cast": {"e1": "fluent:girl-dark", "e2": 3, "e3": "x"}})
    assert incoming_cast(scene) == {"e1": "fluent:girl-dark"}
    assert incoming_cast(Scene("she runs", extras={"cast": ["e1"]})) == {}


@pytest.fixture(scope="module")
def packs_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An assets folder with OpenMoji and Fluent Emoji: the installed one, else the
    installed OpenMoji beside a fresh Fluent install from npm."""
    installed = default_assets_dir()
    if is_installed(installed, "openmoji") and is_installed(installed, "fluent"):
        return installed
    if not is_installed(installed, "openmoji") or shutil.which("npm") is None:
        pytest.skip("OpenMoji is not installed, or npm is absent to fetch Fluent Emoji")
    assets_dir = tmp_path_factory.mktemp("assets")
    (assets_dir / "openmoji").symlink_to(installed / "openmoji", target_is_directory=True)
    try:
        install(assets_dir, "fluent")
    except AssetsMissingError as e:
        pytest.skip(f"the npm registry cannot be reached: {e}")
    return assets_dir


@pytest.fixture(scope="module")
def fluent_composer(packs_dir: Path) -> ClipArtComposer:
    composer = ClipArtComposer(ComposerOptions(pack="fluent", assets_dir=packs_dir))
    composer.warm_up()
    return composer


def _girl_scene(text: str, noun: str, *, cast: dict[str, str] | None = None) -> Scene:
    extras = {"cast": cast} if cast else {}
    return Scene(text, objects=(SceneObject("o1", noun, entity="e1"),), extras=extras)


@pytest.mark.slow
def test_an_entity_keeps_its_asset_and_skin_tone(fluent_composer: ClipArtComposer) -> None:
    first = fluent_composer.draw(_girl_scene("A girl walks to school.", "girl"), seed=0)
    fifth = fluent_composer.draw(_girl_scene("The girl laughs.", "girl"), seed=4)
    asset = first.scene.objects[0].asset
    assert asset is not None and asset.startswith("fluent:girl-")
    assert asset.removeprefix("fluent:girl-") in SKIN_TONES
    assert fifth.scene.objects[0].asset == asset
    assert first.scene.to_json()["cast"] == {"e1": asset}
    assert first.scene.to_json()["pack"] == "fluent"
    # Named differently later, the cast handed back keeps the same girl.
    cast = first.scene.extras["cast"]
    later = fluent_composer.draw(_girl_scene("The child sleeps.", "child", cast=cast), seed=9)
    assert later.scene.objects[0].asset == asset
    assert later.scene.extras["cast"] == {"e1": asset}
    box = later.scene.objects[0].bbox
    assert box is not None
    pixels = np.asarray(later.image)[box[1] : box[3], box[0] : box[2]]
    assert pixels.std() > 20  # drawn, not an empty box


@pytest.mark.slow
def test_a_thing_the_pack_lacks_comes_from_the_other(fluent_composer: ClipArtComposer) -> None:
    scene = Scene(
        "A dog sleeps beside the espresso machine.",
        objects=(SceneObject("o1", "dog"), SceneObject("o2", "espresso machine")),
        extras={"pack": "fluent"},
    )
    picture = fluent_composer.draw(scene)
    dog, machine = picture.scene.objects
    assert dog.asset == "fluent:dog"
    assert machine.asset is not None and not machine.asset.startswith("fluent:")
    assert "machine" in (machine.asset_name or "") and not machine.fallback
    assert picture.scene.to_json()["pack"] == "fluent"
    # The same scene for an OpenMoji picture: OpenMoji and the drawings every pack shares.
    again = fluent_composer.draw(Scene(scene.text, scene.objects, extras={"pack": "openmoji"}))
    assert {o.asset.split(":")[0] for o in again.scene.objects if o.asset} <= {"openmoji", "extra"}


@pytest.mark.slow
def test_a_pose_keeps_the_skin_tone(fluent_composer: ClipArtComposer) -> None:
    girl = SceneObject("o1", "girl", entity="e1")
    scene = Scene(
        "The girl rides her bicycle.",
        objects=(girl, SceneObject("o2", "bicycle", entity="e2")),
        relations=(Relation("o1", "riding", "o2"),),
    )
    cast = fluent_composer.draw(_girl_scene("A girl.", "girl")).scene.extras["cast"]
    tone = cast["e1"].removeprefix("fluent:girl-")
    picture = fluent_composer.draw(replace(scene, extras={"cast": cast}))
    rider = picture.scene.objects[0]
    assert rider.asset is not None and rider.asset != cast["e1"]  # drawn as a composite
    assert rider.asset.endswith(f"-{tone}")
    assert picture.scene.extras["cast"]["e1"] == cast["e1"]
