"""A person in a vehicle shows in its window area: the head under the roof, the upper
half of the body inside the vehicle's outline, the vehicle's front drawn over the lower
half; and an action whose drawing shows its own place (a person in bed) fits the place it
happens in: sleeping in a car is sitting in it (real clip art, hand-made scenes)."""

from __future__ import annotations

from dataclasses import replace

import pytest
from tests.imaging.test_visibility import drawn, height, make_scene

from speech2image.imaging.compose.bodies import seated_where_placed
from speech2image.scene import Scene, SceneObject

# (who, how, vehicle)
IN_VEHICLES = [
    ("woman", "sitting in", "taxi"), ("man", "in", "car"), ("boy", "in", "bus"),
    ("girl", "sitting in", "train"), ("grandma", "in", "truck"), ("dad", "driving", "car"),
    ("kid", "sleeping in", "car"), ("teacher", "sitting in", "bus"),
    ("man", "sleeping in", "van"), ("nurse", "in", "ambulance"),
]  # fmt: skip


@pytest.mark.slow
@pytest.mark.parametrize(("who", "how", "vehicle"), IN_VEHICLES)
def test_a_person_in_a_vehicle_shows_in_its_window(composer, who, how, vehicle) -> None:
    scene, visible = drawn(composer, make_scene([(who, 0), (vehicle, 1)], [(0, how, 1)]))
    person, car = scene.objects
    assert visible[person.id] and visible[car.id]
    assert car.asset_name != person.asset_name, "drawn as one composite"
    # Inside the outline: not beside it, not poking out above the roof.
    assert car.bbox[0] <= person.bbox[0] and person.bbox[2] <= car.bbox[2], "beside it"
    assert person.bbox[1] >= car.bbox[1], f"the {who} pokes out above the {vehicle}"
    # The upper half of the body is inside the vehicle's upper half (its window area).
    assert person.bbox[1] < car.bbox[1] + 0.5 * height(car)
    assert height(person) <= 0.8 * height(car), "not sized to fit"
    order = scene.extras["draw_order"]
    assert order.index(person.id) > order.index(car.id), "the vehicle hides who is in it"


def sleeping_in(place: str) -> Scene:
    """A man (sleeping) in ``place``."""
    scene = make_scene([("man", 0), (place, 1)], [(0, "in", 1)])
    sleeper = replace(scene.objects[0], action="sleeping")
    return replace(scene, objects=(sleeper, scene.objects[1]))


@pytest.mark.slow
@pytest.mark.parametrize("vehicle", ["car", "bus", "train", "taxi", "truck"])
def test_sleeping_in_a_vehicle_is_sitting_in_it(composer, vehicle) -> None:
    drawn_scene, visible = drawn(composer, sleeping_in(vehicle))
    person, car = drawn_scene.objects
    assert person.asset_name != "person in bed", f"a bed drawn in the {vehicle}"
    assert visible[person.id] and person.bbox[1] >= car.bbox[1]


@pytest.mark.slow
def test_sleeping_in_a_bed_is_still_a_person_in_bed(composer) -> None:
    drawn_scene, _ = drawn(composer, sleeping_in("bed"))
    assert drawn_scene.objects[0].asset_name == "person in bed"


@pytest.mark.parametrize(
    ("action", "where", "seated"),
    [("sleeping", "car", True), ("sleeping", "bus", True), ("swimming", "boat", True),
     ("sleeping", "bed", False), ("swimming", "pool", False), ("running", "park", False),
     ("bathing", "bathtub", False), ("rowing", "car", True)],
)  # fmt: skip
def test_an_action_drawn_with_its_place_fits_where_it_happens(action, where, seated) -> None:
    objects = [SceneObject(id="a", noun="boy", action=action), SceneObject(id="b", noun=where)]
    placed = seated_where_placed(objects, [("a", "in", "b")])
    assert (placed[0].action == "sitting in") is seated
    assert placed[1] == objects[1]
