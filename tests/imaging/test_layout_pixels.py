"""Relations, shadows and composites checked on the drawn pictures: the completed scene's
boxes and the pixels (real clip art, hand-made scenes, so no language model is needed)."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest
from PIL import Image

from speech2image.imaging.compose.sizes import rim_fraction
from speech2image.scene import Relation, Scene, SceneObject

pytestmark = pytest.mark.slow


def make_scene(nouns: list[str], relations=(), setting: str | None = "park", **kw) -> Scene:
    """Objects o0, o1... one group each; relations as (subject index, relation, object)."""
    objects = tuple(SceneObject(id=f"o{k}", noun=n, group=k) for k, n in enumerate(nouns))
    rels = tuple(Relation(f"o{s}", r, f"o{o}") for s, r, o in relations)
    return Scene(text=" ".join(nouns), objects=objects, relations=rels, setting=setting, **kw)


def draw(composer, scene: Scene):
    picture = composer.draw(scene)
    bare = composer.draw(replace(scene, objects=(), relations=()))
    image = np.asarray(picture.image.convert("RGB"), dtype=np.int16)
    background = np.asarray(bare.image.convert("RGB"), dtype=np.int16)
    boxes = {o.id: o.bbox for o in picture.scene.objects}
    return picture, image, background, boxes


def changed(image: np.ndarray, background: np.ndarray) -> np.ndarray:
    return np.abs(image - background).sum(axis=2) > 24


def sprite(composer, picture, object_id: str, image: np.ndarray):
    """The object's own drawing at its box (mirrored or not, whichever the picture shows)
    as (RGB, opaque mask)."""
    obj = next(o for o in picture.scene.objects if o.id == object_id)
    entries = composer.matcher().entries
    looks = list(entries) + [e.in_tone(v.tone) for e in entries for v in e.variants]
    entry = next(e for e in looks if e.key == obj.asset)
    x0, y0, x1, y1 = obj.bbox
    best = None
    for mirror in (False, True):
        drawn = composer._rasterizer.sized(entry, width=x1 - x0, height=y1 - y0, color=None,
                                           mirror=mirror)  # fmt: skip
        pixels = np.asarray(drawn, dtype=np.int16)
        opaque = pixels[..., 3] == 255
        same = (np.abs(image[y0:y1, x0:x1] - pixels[..., :3]).sum(axis=2) < 30) & opaque
        score = same.sum() / max(1, opaque.sum())
        if best is None or score > best[0]:
            best = (score, pixels[..., :3], opaque)
    assert best is not None
    return best[1], best[2]


def shows_on_top(image: np.ndarray, rgb: np.ndarray, opaque: np.ndarray, box, region) -> float:
    """Share of the sprite's opaque pixels inside ``region`` (x0, y0, x1, y1, canvas
    coordinates) that the picture shows unchanged: 1.0 when nothing covers it there."""
    x0, y0 = box[0], box[1]
    rx0, ry0, rx1, ry1 = region
    sub = (slice(max(ry0, y0) - y0, ry1 - y0), slice(max(rx0, x0) - x0, rx1 - x0))
    canvas = image[max(ry0, y0) : ry1, max(rx0, x0) : rx1]
    mask = opaque[sub]
    same = (np.abs(canvas - rgb[sub]).sum(axis=2) < 30) & mask
    return float(same.sum() / max(1, mask.sum()))


def intersection(a, b):
    return max(a[0], b[0]), max(a[1], b[1]), min(a[2], b[2]), min(a[3], b[3])


def test_behind_is_higher_drawn_first_and_partly_hidden(composer) -> None:
    picture, image, background, boxes = draw(
        composer, make_scene(["dog", "car"], [(0, "behind", 1)])
    )
    dog, car = boxes["o0"], boxes["o1"]
    assert dog[3] < car[3]
    assert picture.scene.extras["draw_order"] == ["o0", "o1"]
    overlap = intersection(dog, car)
    assert overlap[0] < overlap[2] and overlap[1] < overlap[3], "they overlap"
    rgb, opaque = sprite(composer, picture, "o1", image)
    assert shows_on_top(image, rgb, opaque, car, overlap) > 0.97, "the car hides the dog"
    # The dog still shows where the car is not.
    free = changed(image, background)
    free[car[1] : car[3], car[0] : car[2]] = False
    assert free[dog[1] : dog[3], dog[0] : dog[2]].mean() > 0.1


def test_in_front_is_lower_drawn_after_and_covers(composer) -> None:
    scene = make_scene(["girl", "house"], [(0, "in front of", 1)], setting="village")
    picture, image, _, boxes = draw(composer, scene)
    girl, house = boxes["o0"], boxes["o1"]
    assert girl[3] > house[3]
    assert picture.scene.extras["draw_order"] == ["o1", "o0"]
    rgb, opaque = sprite(composer, picture, "o0", image)
    assert shows_on_top(image, rgb, opaque, girl, intersection(girl, house)) > 0.97


def test_on_rests_on_the_top_surface(composer) -> None:
    scene = make_scene(["cat", "table"], [(0, "on", 1)], setting="kitchen")
    picture, image, background, boxes = draw(composer, scene)
    cat, table = boxes["o0"], boxes["o1"]
    assert cat[3] < (table[1] + table[3]) / 2
    # Contact: right under the cat's feet is the table top, no strip of background.
    cx0, cx1 = cat[0] + (cat[2] - cat[0]) // 3, cat[2] - (cat[2] - cat[0]) // 3
    under = changed(image, background)[cat[3] : cat[3] + 3, cx0:cx1]
    assert under.mean() > 0.9
    _rgb, opaque = sprite(composer, picture, "o1", image)
    top_row = table[1] + int(np.argmax(opaque[:, (cx0 + cx1) // 2 - table[0]]))
    assert abs(cat[3] - top_row) <= 6, (cat, top_row)


def test_under_a_table_stands_between_its_legs(composer) -> None:
    scene = make_scene(["dog", "table"], [(0, "under", 1)], setting="kitchen")
    picture, image, _, boxes = draw(composer, scene)
    dog, table = boxes["o0"], boxes["o1"]
    assert dog[1] > table[1] + 0.15 * (table[3] - table[1]), "below the table top"
    assert table[0] <= dog[0] and dog[2] <= table[2]
    assert abs(dog[3] - table[3]) <= 3, "on the same floor"
    rgb, opaque = sprite(composer, picture, "o0", image)
    assert shows_on_top(image, rgb, opaque, dog, dog) > 0.9, "the dog is seen between the legs"


def test_inside_is_within_and_partly_hidden_by_the_front(composer) -> None:
    scene = make_scene(["cat", "box"], [(0, "in", 1)], setting="room")
    picture, image, _background, boxes = draw(composer, scene)
    cat, box = boxes["o0"], boxes["o1"]
    assert box[0] <= cat[0] and cat[2] <= box[2]
    assert box[1] <= (cat[1] + cat[3]) / 2 <= box[3] and cat[3] <= box[3]
    assert picture.scene.extras["draw_order"] == ["o1", "o0"]
    # Below the box's rim the box is drawn over the cat; above it the cat shows.
    rgb, opaque = sprite(composer, picture, "o1", image)
    mask = Image.fromarray(np.where(opaque, 255, 0).astype(np.uint8))
    line = box[1] + round((box[3] - box[1]) * rim_fraction(Image.merge("LA", (mask, mask))))
    assert shows_on_top(image, rgb, opaque, box, (cat[0], line + 1, cat[2], cat[3])) > 0.95
    cat_rgb, cat_opaque = sprite(composer, picture, "o0", image)
    assert shows_on_top(image, cat_rgb, cat_opaque, cat, (cat[0], cat[1], cat[2], line)) > 0.9


def test_grounded_things_cast_soft_shadows_flying_ones_none(composer) -> None:
    _, image, background, boxes = draw(composer, make_scene(["dog", "bird"], setting="field"))
    dog, bird = boxes["o0"], boxes["o1"]
    w = dog[2] - dog[0]
    strip = (slice(dog[3] + 1, dog[3] + 4), slice(dog[0] + w // 3, dog[2] - w // 3))
    darker = background[strip].sum(axis=2) - image[strip].sum(axis=2)
    assert darker.mean() > 15, "a shadow darkens the ground at the dog's feet"
    assert darker.max() < 200, "a soft, semi-transparent one"
    # Nothing but the bird itself changes in and below its column of sky.
    column = changed(image, background)[bird[3] + 1 : dog[1] - 1, bird[0] : bird[2]]
    assert not column.any()


def test_no_shadows_where_nothing_stands(composer) -> None:
    _, image, background, boxes = draw(composer, make_scene(["dog"], setting="space"))
    x0, y0, x1, y1 = boxes["o0"]
    outside = changed(image, background)
    outside[y0:y1, x0:x1] = False
    assert not outside.any()


def test_composite_drawn_as_one_asset(composer) -> None:
    scene = make_scene(["woman", "horse"], [(0, "riding", 1)])
    picture, image, background, _boxes = draw(composer, scene)
    woman, horse = picture.scene.objects
    assert woman.bbox == horse.bbox and woman.asset == horse.asset
    assert woman.asset_name == "horse racing"
    assert picture.scene.extras["composites"] == [
        {"subject": "o0", "object": "o1", "asset_name": "horse racing"}
    ]
    assert picture.scene.extras["draw_order"] == ["o0"]
    x0, y0, x1, y1 = woman.bbox
    assert changed(image, background)[y0:y1, x0:x1].mean() > 0.3


def test_jumper_above_with_motion_lines(composer) -> None:
    scene = make_scene(["dog", "fence"], [(0, "jumping over", 1)], setting="field")
    _, image, background, boxes = draw(composer, scene)
    dog, fence = boxes["o0"], boxes["o1"]
    assert dog[3] <= fence[1]
    beside = changed(image, background)[dog[1] : dog[3], dog[2] : min(512, dog[2] + 60)]
    left = changed(image, background)[dog[1] : dog[3], max(0, dog[0] - 60) : dog[0]]
    assert beside.mean() > 0.02 or left.mean() > 0.02, "motion lines trail the jumper"


def test_final_keeps_the_draft_layout(composer) -> None:
    draft = make_scene(["dog", "cat", "tree"], [(0, "chasing", 1)], setting=None)
    draft = replace(draft, text="a dog chasing a cat near a")
    final = replace(draft, text="A dog chasing a cat near a tree in the park at night.",
                    setting="park", time="night")  # fmt: skip
    first = composer.draw(draft, seed=5, draft=True).scene
    second = composer.draw(final, seed=5).scene
    assert [o.bbox for o in first.objects] == [o.bbox for o in second.objects]


def test_bad_input_gives_a_sensible_picture(composer) -> None:
    nouns = ["dog", "cat", "tree", "car", "house", "apple", "ball", "chair", "table", "bird",
             "bicycle", "bench", "boat", "cup", "book", "flower", "horse", "cow", "sheep",
             "banana", "clock", "lamp", "bus", "umbrella"]  # fmt: skip
    crowd = composer.draw(make_scene(nouns))
    assert len(crowd.scene.objects) == 24
    for o in crowd.scene.objects:
        x0, y0, x1, y1 = o.bbox
        assert 0 <= x0 < x1 <= 512 and 0 <= y0 < y1 <= 512
    cyclic = make_scene(["cat", "dog"], [(0, "on", 1), (1, "on", 0), (0, "under", 1)])
    assert all(o.bbox for o in composer.draw(cyclic).scene.objects)
    odd = replace(make_scene(["cloud", "sun"]), objects=(
        SceneObject("o0", "cloud", material="wood", pattern="striped"),
        SceneObject("o1", "sun", group=1, material="glass", finish="glowing")))  # fmt: skip
    assert composer.draw(odd).image.size == (512, 512)
