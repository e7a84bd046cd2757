"""The layout's steps on hand-made items: the ground plane, depth, the spatial relations,
the main subject, determinism and bad input (no clip art, no models)."""

from __future__ import annotations

import pytest

from speech2image.imaging.compose.ground import HORIZON_FRACTION
from speech2image.imaging.compose.layout import LayoutItem, Placement, compute_layout
from speech2image.imaging.compose.placing import GroundPlane

SIZE = 512


def item(id: str, group: int, height_px: float = 128, aspect: float = 1.0, **kw) -> LayoutItem:
    return LayoutItem(id=id, group=group, aspect=aspect, height_px=height_px, **kw)


def layout(items, relations=(), seed=0) -> dict[str, Placement]:
    placed = compute_layout(list(items), list(relations), width=SIZE, height=SIZE, seed=seed)
    return {p.id: p for p in placed}


def centre_x(p: Placement) -> float:
    return (p.box[0] + p.box[2]) / 2


def order(placements: dict[str, Placement]) -> list[str]:
    return [p.id for p in sorted(placements.values(), key=lambda p: p.depth)]


def overlap(a: Placement, b: Placement) -> float:
    w = min(a.box[2], b.box[2]) - max(a.box[0], b.box[0])
    h = min(a.box[3], b.box[3]) - max(a.box[1], b.box[1])
    return max(0, w) * max(0, h) / ((a.box[2] - a.box[0]) * (a.box[3] - a.box[1]))


def test_ground_plane_runs_from_the_horizon_and_shrinks_with_depth() -> None:
    plane = GroundPlane(SIZE)
    assert plane.bottom_y(1.0) == pytest.approx(HORIZON_FRACTION * SIZE)
    assert plane.bottom_y(0.0) > plane.bottom_y(0.5) > plane.bottom_y(1.0)
    assert plane.scale(0.0) == 1.0 > plane.scale(0.5) > plane.scale(1.0)


def test_every_thing_stands_on_the_ground_inside_the_canvas() -> None:
    placed = layout([item("a", 0), item("b", 1), item("c", 2, 200)])
    horizon = HORIZON_FRACTION * SIZE
    for p in placed.values():
        x0, y0, x1, y1 = p.box
        assert 0 <= x0 < x1 <= SIZE and 0 <= y0 < y1 <= SIZE
        assert horizon < y1 <= SIZE
        assert p.grounded


def test_further_back_is_higher_smaller_and_drawn_first() -> None:
    placed = layout([item("car", 0, 160, 1.6), item("dog", 1)], [("dog", "behind", "car")])
    car, dog = placed["car"], placed["dog"]
    assert dog.box[3] < car.box[3]
    assert dog.box[3] - dog.box[1] < 128
    assert order(placed) == ["dog", "car"]
    # The far one is partly hidden, never wholly.
    assert 0.05 < overlap(dog, car) < 0.6


def test_in_front_is_lower_drawn_after_and_overlaps() -> None:
    placed = layout([item("boy", 0), item("house", 1, 200)], [("boy", "in front of", "house")])
    boy, house = placed["boy"], placed["house"]
    assert boy.box[3] > house.box[3]
    assert order(placed) == ["house", "boy"]
    assert 0.02 < overlap(house, boy) < 0.6


def test_on_rests_on_the_top_surface() -> None:
    table = item("table", 1, 128, 1.4, surface=0.1)
    placed = layout([item("cat", 0, 70), table], [("cat", "on", "table")])
    cat, tab = placed["cat"], placed["table"]
    top = tab.box[1] + 0.1 * (tab.box[3] - tab.box[1])
    assert abs(cat.box[3] - top) <= 6
    assert tab.box[0] < centre_x(cat) < tab.box[2]
    assert order(placed) == ["table", "cat"]


def test_under_a_raised_thing_stands_between_its_legs() -> None:
    table = item("table", 1, 128, 1.4, surface=0.1, raised=True)
    placed = layout([item("dog", 0, 128), table], [("dog", "under", "table")])
    dog, tab = placed["dog"], placed["table"]
    assert dog.box[1] > tab.box[1] + 0.1 * (tab.box[3] - tab.box[1])
    assert tab.box[0] <= dog.box[0] and dog.box[2] <= tab.box[2]
    assert abs(dog.box[3] - tab.box[3]) <= 2
    assert order(placed) == ["table", "dog"]


def test_inside_stays_within_the_outline_and_is_partly_hidden() -> None:
    placed = layout([item("cat", 0, 90), item("box", 1, 110, 1.2)], [("cat", "in", "box")])
    cat, box = placed["cat"], placed["box"]
    assert box.box[0] <= cat.box[0] and cat.box[2] <= box.box[2]
    # Its middle and its bottom are within the container; its top may peek over the rim.
    assert box.box[1] <= (cat.box[1] + cat.box[3]) / 2 <= box.box[3]
    assert box.box[1] < cat.box[3] < box.box[3]
    assert cat.front_of == "box"
    assert not cat.grounded


def test_below_is_above_the_other_way_round_and_above_floats() -> None:
    placed = layout([item("ball", 0, 60), item("lamp", 1, 80)], [("ball", "below", "lamp")])
    assert placed["lamp"].box[3] < placed["ball"].box[1]
    assert not placed["lamp"].grounded


def test_left_right_between_hold() -> None:
    placed = layout(
        [item("cat", 0), item("tree", 1), item("tree2", 1), item("dog", 2)],
        [("cat", "between", "tree"), ("cat", "between", "tree2"), ("dog", "left of", "cat")],
    )
    xs = sorted(centre_x(placed[t]) for t in ("tree", "tree2"))
    assert xs[0] < centre_x(placed["cat"]) < xs[1]
    assert centre_x(placed["dog"]) < centre_x(placed["cat"])
    right = layout([item("a", 0), item("b", 1)], [("a", "right of", "b")])
    assert centre_x(right["a"]) > centre_x(right["b"])


def test_chained_relations_hold_together() -> None:
    # "a cat on a chair to the left of a table behind two dogs"
    items = [item("cat", 0, 60), item("chair", 1, 90, 0.8, surface=0.2), item("table", 2, 110, 1.4),
             item("dog1", 3), item("dog2", 3)]  # fmt: skip
    relations = [("cat", "on", "chair"), ("chair", "left of", "table"), ("table", "behind", "dog1")]
    placed = layout(items, relations)
    cat, chair, table = placed["cat"], placed["chair"], placed["table"]
    assert abs(cat.box[3] - (chair.box[1] + 0.2 * (chair.box[3] - chair.box[1]))) <= 6
    assert centre_x(chair) < centre_x(table)
    assert table.box[3] < min(placed["dog1"].box[3], placed["dog2"].box[3])


def test_main_subject_is_larger_and_central() -> None:
    items = [item("girl", 0), item("dog", 1), item("cat", 2), item("bench", 3)]
    placed = layout(items, [("girl", "near", "bench")])
    girl = placed["girl"]
    sizes = {k: p.box[3] - p.box[1] for k, p in placed.items()}
    assert sizes["girl"] == max(sizes.values())
    xs = sorted(centre_x(p) for p in placed.values())
    assert xs[0] < centre_x(girl) < xs[-1]
    # Arranged at varied depths, not a queue on one line.
    assert len({p.box[3] for p in placed.values()}) >= 3


def test_same_input_same_layout_seed_varies_it() -> None:
    items = [item("a", 0), item("b", 1), item("c", 2), item("c2", 2)]
    relations = [("a", "left of", "b")]
    assert layout(items, relations, seed=3) == layout(items, relations, seed=3)
    assert layout(items, relations, seed=3) != layout(items, relations, seed=4)


def test_flying_things_fly_and_cast_no_shadow() -> None:
    placed = layout([item("bird", 0, 60, flying=True), item("tree", 1, 200)])
    bird = placed["bird"]
    assert bird.box[3] < HORIZON_FRACTION * SIZE
    assert not bird.grounded
    assert placed["tree"].grounded


def test_contradictions_and_crowds_still_give_a_picture() -> None:
    cyclic = layout([item("cat", 0), item("dog", 1)], [("cat", "on", "dog"), ("dog", "on", "cat")])
    assert cyclic["cat"].box[3] <= cyclic["dog"].box[1] + 40
    crowd = layout([item(f"t{k}", k, 100 + k * 5) for k in range(24)])
    assert len(crowd) == 24
    for p in crowd.values():
        x0, y0, x1, y1 = p.box
        assert 0 <= x0 < x1 <= SIZE and 0 <= y0 < y1 <= SIZE
        assert x1 - x0 >= 8
    everything = [("t0", r, "t1") for r in ("on", "under", "in", "behind", "left of", "riding")]
    everything += [("t1", r, "t0") for r in ("on", "in front of", "right of", "holding")]
    assert len(layout([item("t0", 0), item("t1", 1)], everything)) == 2
    assert layout([], []) == {}


def test_weather_things_on_the_ground_do_not_fly() -> None:
    from pathlib import Path

    from speech2image.imaging.compose.assets import AssetEntry
    from speech2image.imaging.compose.sizes import is_flying

    def entry(name: str) -> AssetEntry:
        return AssetEntry("openmoji", "X", name, (), "travel-places/sky-weather", Path("x.svg"))

    assert is_flying("sun", entry("sun")) and is_flying("comet", entry("comet"))
    assert not is_flying("umbrella", entry("umbrella"))
    assert not is_flying("snowman", entry("snowman"))


def test_a_raised_thing_grows_to_shelter_what_is_under_it() -> None:
    umbrella = item("umbrella", 1, 90, 1.0, surface=0.05, raised=True)
    placed = layout([item("dog", 0, 128), umbrella], [("dog", "under", "umbrella")])
    dog, shelter = placed["dog"], placed["umbrella"]
    assert shelter.box[3] - shelter.box[1] > 1.4 * (dog.box[3] - dog.box[1])
    assert dog.box[3] - dog.box[1] > 0.5 * 128


def test_a_flyer_beside_a_grounded_thing_stands_by_it() -> None:
    placed = layout([item("bird", 0, 60, flying=True), item("bowl", 1, 60)],
                    [("bird", "beside", "bowl")])  # fmt: skip
    bird, bowl = placed["bird"], placed["bowl"]
    assert bird.grounded and bird.box[3] > HORIZON_FRACTION * SIZE
    assert abs(bird.box[3] - bowl.box[3]) < 60


def test_behind_a_thing_up_on_another_stands_higher_than_it() -> None:
    bed = item("bed", 2, 120, 1.6, surface=0.25)
    placed = layout([item("boy", 0), item("orange", 1, 40), bed],
                    [("boy", "behind", "orange"), ("orange", "on", "bed")])  # fmt: skip
    assert placed["boy"].box[3] < placed["orange"].box[3]
    assert placed["boy"].depth < placed["bed"].depth


def test_behind_a_thing_in_the_sky_stays_in_the_sky() -> None:
    placed = layout([item("balloon", 0, 60, flying=True), item("cloud", 1, 80, 1.5, flying=True)],
                    [("balloon", "behind", "cloud")])  # fmt: skip
    balloon, cloud = placed["balloon"], placed["cloud"]
    assert balloon.box[3] < cloud.box[3] < HORIZON_FRACTION * SIZE
    assert balloon.depth < cloud.depth and not balloon.grounded


def test_around_rings_the_thing_some_behind_some_in_front() -> None:
    chairs = [item(f"c{n}", 0, 100, 0.8) for n in range(6)]
    table = item("table", 1, 110, 1.8, raised=True, surface=0.05)
    placed = layout([*chairs, table], [("c0", "around", "table")])
    xs = [centre_x(placed[f"c{n}"]) for n in range(6)]
    assert min(xs) < centre_x(placed["table"]) < max(xs)
    ranks = order(placed)
    assert ranks.index("table") not in (0, len(ranks) - 1), "some drawn before, some after"


def test_random_scenes_never_fail_and_stay_inside() -> None:
    import random

    from speech2image.scene import ACTION_RELATIONS, SPATIAL_RELATIONS

    verbs = [*SPATIAL_RELATIONS, *ACTION_RELATIONS, "juggling with"]
    rng = random.Random(7)
    for case in range(300):
        n_groups = rng.randint(1, 8)
        items = [
            item(f"g{g}i{k}", g, rng.uniform(30, 220), rng.uniform(0.3, 2.5),
                 flying=rng.random() < 0.2, surface=rng.uniform(0, 0.3), raised=rng.random() < 0.3)
            for g in range(n_groups) for k in range(rng.randint(1, 4))
        ]  # fmt: skip
        ids = [i.id for i in items]
        relations = [
            (rng.choice(ids), rng.choice(verbs), rng.choice(ids)) for _ in range(rng.randint(0, 8))
        ]
        placed = layout(items, relations, seed=case)
        assert set(placed) == set(ids)
        for p in placed.values():
            x0, y0, x1, y1 = p.box
            assert 0 <= x0 < x1 <= SIZE and 0 <= y0 < y1 <= SIZE, (case, p)


def test_two_things_under_one_tree_stand_side_by_side() -> None:
    tree = item("tree", 2, 200, 1.0, surface=0.05, raised=True)
    placed = layout([item("girl", 0, 90, 0.4), item("boy", 1, 90, 0.4), tree],
                    [("girl", "under", "tree"), ("boy", "under", "tree")])  # fmt: skip
    girl, boy = placed["girl"], placed["boy"]
    assert overlap(girl, boy) < 0.3
    assert abs(girl.box[3] - boy.box[3]) <= 2
