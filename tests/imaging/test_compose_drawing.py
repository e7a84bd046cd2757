"""The composer's drawing: determinism, seeds, styles, colours, every COCO class, bad input."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from speech2image.config import ComposerOptions
from speech2image.imaging.compose import STYLES, ClipArtComposer
from speech2image.imaging.compose.aliases import ALIASES
from speech2image.imaging.compose.raster import color_rgb, recolor
from speech2image.imaging.compose.symbols import CONCEPT_SYMBOLS, GENERAL_THINGS
from speech2image.imaging.engine import DrawingCancelled
from speech2image.language.concepts import COCO_CLASSES
from speech2image.scene import Scene, SceneObject

pytestmark = pytest.mark.slow


def test_same_seed_same_picture_other_seed_varies(builder, composer) -> None:
    scene = builder.build("Two dogs and a cat in the park at night.")
    first = np.asarray(composer.draw(scene, seed=1).image)
    again = np.asarray(composer.draw(scene, seed=1).image)
    other = np.asarray(composer.draw(scene, seed=2).image)
    assert np.array_equal(first, again)
    assert not np.array_equal(first, other)


@pytest.mark.parametrize("style", sorted(STYLES))
def test_every_style_keeps_size_and_boxes(builder, composer, style: str) -> None:
    scene = replace(builder.build("A red car next to a tree."), style=style)
    picture = composer.draw(scene)
    assert picture.image.size == (512, 512)
    assert picture.scene.style == style
    plain = composer.draw(builder.build("A red car next to a tree."))
    assert [o.bbox for o in picture.scene.objects] == [o.bbox for o in plain.scene.objects]


def test_unknown_style_or_pack_or_size_is_refused(tmp_path) -> None:
    with pytest.raises(ValueError, match="style"):
        ClipArtComposer(ComposerOptions(style="glitter", assets_dir=tmp_path))
    with pytest.raises(ValueError, match="pack"):
        ClipArtComposer(ComposerOptions(pack="clipart", assets_dir=tmp_path))
    with pytest.raises(ValueError, match="size_px"):
        ClipArtComposer(ComposerOptions(size_px=10, assets_dir=tmp_path))


def test_recolour_keeps_outlines(composer) -> None:
    entry = composer.matcher().match("cat").entry
    base = composer._rasterizer.base(entry)
    blue = np.asarray(recolor(base, "blue"), dtype=np.int16)
    pixels = np.asarray(base, dtype=np.int16)
    outline = (pixels[..., :3].max(axis=2) < 40) & (pixels[..., 3] > 200)
    assert outline.any()
    assert np.array_equal(blue[outline], pixels[outline])
    fill = (pixels[..., 3] > 200) & ~outline
    assert (blue[fill][:, 2] > blue[fill][:, 0]).mean() > 0.8
    assert color_rgb("light blue") != color_rgb("blue") != color_rgb("dark blue")


def test_every_coco_class_is_drawable(composer) -> None:
    matcher = composer.matcher()
    for noun in COCO_CLASSES:
        match = matcher.match(noun)
        assert match.score > 0, noun
        assert match.fallback is False or noun in ("baseball bat", "baseball glove", "surfboard",
                                                   "snowboard", "tennis racket"), noun  # fmt: skip


def test_curated_names_exist_in_the_pack(composer) -> None:
    names = {e.name.lower() for e in composer.matcher().entries}
    wanted = {*ALIASES["openmoji"].values(), *CONCEPT_SYMBOLS.values(), *GENERAL_THINGS.values()}
    assert sorted(w for w in wanted if w.lower() not in names) == []


def test_unknown_noun_falls_back_and_says_so(composer) -> None:
    match = composer.matcher().match("xylophonist's kettle drum")
    assert match.entry is not None
    assert 0.0 <= match.score <= 1.0


def test_cancellation(builder, composer) -> None:
    with pytest.raises(DrawingCancelled):
        composer.draw(builder.build("a dog"), should_stop=lambda: True)


def test_everything_inside_the_canvas(composer) -> None:
    objects = tuple(SceneObject(id=f"o{k}", noun=n, size="big")
                    for k, n in enumerate(["bus"] * 6 + ["elephant"] * 6))  # fmt: skip
    picture = composer.draw(Scene(text="many", objects=objects))
    for obj in picture.scene.objects:
        x0, y0, x1, y1 = obj.bbox
        assert 0 <= x0 < x1 <= 512 and 0 <= y0 < y1 <= 512


@pytest.mark.parametrize(
    "text",
    [
        "",
        "🐶 and 🐱",
        "Der Hund spielt im Garten.",
        "<b>a red car</b>",
        "\x00\x1b[2J",
        "word " * 10_000,
    ],
)
def test_bad_input_gives_a_picture(builder, composer, text: str) -> None:
    picture = composer.draw(builder.build(text))
    assert picture.image.size == (512, 512)
    assert len(picture.to_png()) > 1000


def test_emoji_draws_its_own_openmoji(builder, composer) -> None:
    picture = composer.draw(builder.build("🐶"))
    assert picture.scene.objects[0].asset == "openmoji:1F436"


def test_materials_patterns_and_finishes_are_drawn_inside_the_thing(composer) -> None:
    plain = composer.draw(Scene(text="a dog", objects=(SceneObject(id="o0", noun="dog"),)))
    x0, y0, x1, y1 = plain.scene.objects[0].bbox
    for look in ({"material": "wood"}, {"pattern": "spotted"}, {"material": "glass"}):
        dog = SceneObject(id="o0", noun="dog", **look)
        drawn = composer.draw(Scene(text="a dog", objects=(dog,)))
        assert drawn.scene.objects[0].bbox == (x0, y0, x1, y1)
        inside = np.abs(np.asarray(drawn.image, np.int16) - np.asarray(plain.image, np.int16))
        assert inside[y0:y1, x0:x1].mean() > 5, look
        assert inside[:, : max(0, x0 - 40)].mean() < 1, look  # the backdrop is untouched
    sparkling = composer.draw(
        Scene(text="a dog", objects=(SceneObject(id="o0", noun="dog", finish="sparkling"),))
    )
    assert not np.array_equal(np.asarray(sparkling.image), np.asarray(plain.image))


def test_a_glass_cloud_and_odd_words_give_a_picture(composer) -> None:
    objects = (
        SceneObject(id="o0", noun="cloud", material="glass", finish="sparkling"),
        SceneObject(id="o1", noun="dog", material="velvet", pattern="plaid", finish="glowing"),
        SceneObject(id="o2", noun="apple", color="no colour", material="gold", pattern="dotted"),
    )
    for setting in ("atlantis", "underwater", "kitchen", None):
        scene = Scene(text="odd", objects=objects, setting=setting, lighting="dark",
                      setting_things=("xylophonist's kettle drum", "tree"))  # fmt: skip
        picture = composer.draw(scene)
        assert picture.image.size == (512, 512)
        assert len(picture.to_png()) > 1000


def test_a_sessions_setting_keeps_its_backdrop_from_picture_to_picture(composer) -> None:
    dog = SceneObject(id="o0", noun="dog")
    scene = Scene(text="a dog", objects=(dog,), setting="forest", time="night")
    first, second = composer.draw(scene, seed=1), composer.draw(scene, seed=2)
    sky = slice(0, 60)  # above every thing drawn: the backdrop alone (its stars are seeded)
    assert np.array_equal(np.asarray(first.image)[sky], np.asarray(second.image)[sky])


def test_a_setting_thing_the_sentence_names_is_drawn_once(composer) -> None:
    bath = SceneObject(id="o0", noun="bathtub")
    alone = composer.draw(Scene(text="a bathtub", objects=(bath,), setting="bathroom"))
    with_default = composer.draw(
        Scene(text="a bathtub", objects=(bath,), setting="bathroom", setting_things=("bathtub",))
    )
    assert np.array_equal(np.asarray(alone.image), np.asarray(with_default.image))


def test_a_lone_small_thing_fills_the_frame(composer) -> None:
    cup = SceneObject(id="o0", noun="cup")
    picture = composer.draw(Scene(text="a cup of tea", objects=(cup,)))
    _, y0, _, y1 = picture.scene.objects[0].bbox
    assert y1 - y0 >= 0.4 * 512
    bare = np.asarray(composer.draw(Scene(text="", objects=())).image, np.int16)
    drawn = np.abs(np.asarray(picture.image, np.int16) - bare).sum(axis=2) > 24
    rows = np.nonzero(drawn.any(axis=1))[0]
    assert rows[-1] - rows[0] >= 0.4 * 512  # the pixels, not only the box


def test_an_old_woman_doing_something_is_still_old(builder, composer) -> None:
    picture = composer.draw(builder.build("An old woman walks her dog."))
    woman = next(o for o in picture.scene.objects if o.noun == "woman")
    entry = next(e for e in composer.matcher().entries if woman.asset.startswith(e.key))
    assert "old" in entry.name


def test_the_plain_backdrop_has_a_floor_line_and_soft_corners(composer) -> None:
    image = np.asarray(composer.draw(Scene(text="", objects=())).image, np.float32)
    grey = image.mean(axis=2)
    # Corners darker than the middle of the wall and of the floor (a vignette).
    assert grey[8, 8] < grey[140, 256] - 6 and grey[-8, -8] < grey[400, 256] - 6
    # A darker line where the wall meets the floor, then a faint shadow fading down.
    horizon = int(0.55 * 512)
    assert grey[horizon - 1, 256] < grey[horizon - 12, 256] - 10
    assert grey[horizon + 3, 256] < grey[horizon + 40, 256]
