"""Framing: the whole composition is enlarged alike to fill the frame (a lone thing about
half the picture's height, several things most of its width), relative sizes kept, far
things never dots (hand-made items, no clip art, no models)."""

from __future__ import annotations

import pytest

from speech2image.imaging.compose.framing import (
    BACKDROP_FILL_HEIGHT_FRACTION,
    FILL_WIDTH_FRACTION,
    LONE_WIDTH_FRACTION,
)
from speech2image.imaging.compose.layout import LayoutItem, Placement, compute_layout
from speech2image.imaging.compose.placing import grid_shape
from speech2image.imaging.compose.poses import is_facing

SIZE = 512


def item(id: str, group: int, height_px: float, aspect: float = 1.0, **kw) -> LayoutItem:
    return LayoutItem(id=id, group=group, aspect=aspect, height_px=height_px, **kw)


def layout(items, relations=(), seed=0, **kw) -> dict[str, Placement]:
    placed = compute_layout(list(items), list(relations), width=SIZE, height=SIZE, seed=seed, **kw)
    return {p.id: p for p in placed}


def height(p: Placement) -> int:
    return p.box[3] - p.box[1]


def width(p: Placement) -> int:
    return p.box[2] - p.box[0]


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_a_lone_small_thing_fills_about_half_the_height(seed: int) -> None:
    # A cup's prior height is an eighth of the picture: alone it is drawn much bigger.
    cup = layout([item("cup", 0, 0.13 * SIZE, aspect=1.1)], seed=seed)["cup"]
    assert 0.42 * SIZE <= height(cup) <= 0.56 * SIZE
    assert abs((cup.box[0] + cup.box[2]) / 2 - SIZE / 2) < 0.1 * SIZE
    assert cup.box[1] >= 0 and cup.box[3] <= SIZE


def test_a_lone_thing_beside_a_backdrop_leaves_it_more_room() -> None:
    plain = layout([item("dog", 0, 0.25 * SIZE)])["dog"]
    setting = layout([item("dog", 0, 0.25 * SIZE)], fill=BACKDROP_FILL_HEIGHT_FRACTION)["dog"]
    assert height(setting) < height(plain)
    assert height(setting) >= 0.36 * SIZE


def test_a_lone_wide_thing_fits_the_width_instead() -> None:
    bus = layout([item("bus", 0, 0.13 * SIZE, aspect=3.0)])["bus"]
    assert width(bus) <= LONE_WIDTH_FRACTION * SIZE + 2
    assert width(bus) >= 0.6 * SIZE
    assert height(bus) < 0.4 * SIZE


def test_a_lone_group_fills_the_frame_together() -> None:
    flowers = [item(f"f{k}", 0, 0.13 * SIZE, aspect=0.8) for k in range(3)]
    placed = layout(flowers)
    # Three in a row: the width, not the height, sets their size.
    assert all(height(p) >= 0.27 * SIZE for p in placed.values())
    span = max(p.box[2] for p in placed.values()) - min(p.box[0] for p in placed.values())
    assert 0.6 * SIZE <= span <= LONE_WIDTH_FRACTION * SIZE + 2


def test_a_lone_flyer_fills_the_sky() -> None:
    bird = layout([item("bird", 0, 0.18 * SIZE, flying=True)])["bird"]
    assert height(bird) >= 0.42 * SIZE
    assert not bird.grounded
    assert bird.box[1] >= 0


def test_several_things_fill_most_of_the_width_and_keep_relative_sizes() -> None:
    apple, dog = item("apple", 0, 0.13 * SIZE), item("dog", 1, 0.25 * SIZE, aspect=1.2)
    placed = layout([apple, dog], [("apple", "beside", "dog")])
    span = max(p.box[2] for p in placed.values()) - min(p.box[0] for p in placed.values())
    assert span >= 0.55 * SIZE
    assert span <= FILL_WIDTH_FRACTION * SIZE * 1.15
    # Both bigger than their priors (the apple is the main subject, drawn 1.25 times its
    # prior before filling), and the dog still taller than the apple.
    assert height(placed["apple"]) > 1.4 * 0.13 * SIZE
    assert height(placed["dog"]) > 0.25 * SIZE
    assert height(placed["dog"]) > 1.15 * height(placed["apple"])


def test_nothing_in_a_relation_becomes_a_dot() -> None:
    cows = [item(f"cow{k}", 0, 0.32 * SIZE, aspect=1.3) for k in range(4)]
    bikes = [item(f"bike{k}", 1, 0.25 * SIZE, aspect=1.6) for k in range(2)]
    chair = item("chair", 2, 0.18 * SIZE, aspect=0.6, surface=0.3)
    relations = [(c.id, "left of", "bike0") for c in cows]
    relations += [("bike0", "behind", "chair"), ("bike1", "behind", "chair")]
    for seed in range(4):
        placed = layout([*cows, *bikes, chair], relations, seed=seed)
        assert min(height(p) for p in placed.values()) >= 0.07 * SIZE
        assert all(p.box[0] >= 0 and p.box[2] <= SIZE for p in placed.values())


def test_wide_things_stand_in_two_rows_from_four() -> None:
    assert grid_shape(4) == 4
    assert grid_shape(4, aspect=1.3) == 2
    assert grid_shape(3, aspect=1.3) == 3


def test_a_pair_playing_with_one_ball_stands_either_side_of_it() -> None:
    kids = [item("kid0", 0, 0.25 * SIZE, aspect=0.4), item("kid1", 0, 0.25 * SIZE, aspect=0.4)]
    ball = item("ball", 1, 0.18 * SIZE)
    relations = [("kid0", "playing with", "ball"), ("kid1", "playing with", "ball")]
    assert is_facing("playing with") and not is_facing("holding") and not is_facing("on")
    for seed in range(3):
        placed = layout([*kids, ball], relations, seed=seed)
        xs = sorted(p.box[0] + p.box[2] for p in placed.values())
        mid = placed["ball"].box[0] + placed["ball"].box[2]
        assert xs[0] < mid < xs[-1]  # the ball between the two kids


@pytest.mark.parametrize("fill", [0.0, -0.2, 1.5])
def test_a_fill_outside_the_picture_is_refused(fill: float) -> None:
    with pytest.raises(ValueError, match="fill"):
        layout([item("cup", 0, 0.13 * SIZE)], fill=fill)
