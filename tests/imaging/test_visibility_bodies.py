"""Things under, on and carried by others keep their size and show: a thing under a low
thing (a bed, a sofa) peeks out below its front edge, smaller; a person on another's
shoulders sits on the carrier's top; a carried thing keeps its own size class, several
stacked; a carried person is as big as a person (real clip art, hand-made scenes; boxes
and pixels, as the faithfulness bench checks them)."""

from __future__ import annotations

import pytest
from tests.imaging.test_visibility import drawn, height, make_scene

from speech2image.bench.faithfulness import relation_holds

pytestmark = pytest.mark.slow

UNDER_LOW = [
    ("shoe", "bed"), ("puppy", "bed"), ("cat", "sofa"), ("ball", "couch"), ("toy", "bed"),
    ("slipper", "bed"), ("book", "sofa"), ("cat", "car"),
]  # fmt: skip


@pytest.mark.parametrize(("thing", "low"), UNDER_LOW)
def test_a_thing_under_a_low_thing_peeks_out_below_its_edge(composer, thing, low) -> None:
    scene, visible = drawn(composer, make_scene([(thing, 0), (low, 1)], [(0, "under", 1)]))
    under, over = scene.objects
    assert visible[under.id], f"the {thing} is hidden"
    assert relation_holds("under", under, [over])
    # At the thing's base, not standing in front of it at its own height.
    assert under.bbox[1] > over.bbox[1] + 0.5 * height(over), f"the {thing} stands in front"
    assert under.bbox[3] >= over.bbox[3] - 0.02 * scene.height
    assert height(under) <= 0.45 * height(over), f"the {thing} is as big as the {low}"
    order = scene.extras["draw_order"]
    assert order.index(under.id) > order.index(over.id), "drawn before and hidden"


SHOULDERS = [("girl", "dad"), ("boy", "man"), ("kid", "dad"), ("sister", "brother"),
             ("boy", "grandpa"), ("girl", "mom")]  # fmt: skip


@pytest.mark.parametrize(("rider", "carrier"), SHOULDERS)
def test_a_person_on_a_persons_shoulders_sits_on_the_top(composer, rider, carrier) -> None:
    scene, visible = drawn(composer, make_scene([(rider, 0), (carrier, 1)], [(0, "on", 1)]))
    up, down = scene.objects
    assert visible[up.id] and visible[down.id]
    assert relation_holds("on", up, [down])
    # Sitting on the shoulders (its lower part over the carrier's head), not standing on
    # top of the head, and no hand-sized doll.
    assert up.bbox[3] > down.bbox[1] + 0.1 * height(down), f"the {rider} stands on the head"
    assert height(up) >= 0.4 * height(down), f"the {rider} is tiny"


CARRIED = [("man", "box", 3), ("woman", "suitcase", 1), ("boy", "pumpkin", 1),
           ("dad", "box", 2), ("girl", "watermelon", 1), ("man", "suitcase", 2)]  # fmt: skip


@pytest.mark.parametrize(("carrier", "thing", "count"), CARRIED)
def test_a_carried_thing_keeps_its_size(composer, carrier, thing, count) -> None:
    things = [(carrier, 0)] + [(thing, 1)] * count
    scene, visible = drawn(composer, make_scene(things, [(0, "carrying", k + 1)
                                                         for k in range(count)]))  # fmt: skip
    alone, _ = drawn(composer, make_scene([(carrier, 0), (thing, 1)]))
    person, carried = scene.objects[0], scene.objects[1:]
    own = height(alone.objects[1]) / height(alone.objects[0])
    for obj in carried:
        assert visible[obj.id], f"a {thing} is hidden"
        ratio = height(obj) / height(person)
        assert ratio >= 0.7 * own, (
            f"a carried {thing} is {ratio:.2f} of the {carrier}, not {own:.2f}"
        )


HELD_PEOPLE = [("dad", "girl"), ("man", "captain"), ("mom", "boy"), ("woman", "kid"),
               ("grandpa", "boy")]  # fmt: skip


@pytest.mark.parametrize(("carrier", "held"), HELD_PEOPLE)
def test_a_carried_person_is_person_sized(composer, carrier, held) -> None:
    scene, visible = drawn(composer, make_scene([(carrier, 0), (held, 1)], [(0, "carrying", 1)]))
    person, other = scene.objects
    assert visible[person.id] and visible[other.id]
    assert height(other) >= 0.6 * height(person), f"the {held} is hand-sized"


@pytest.mark.parametrize(
    ("carrier", "relation", "thing"),
    [("girl", "carrying", "basket"), ("kid", "wearing", "backpack"), ("man", "carrying", "box"),
     ("boy", "wearing", "hat"), ("woman", "carrying", "suitcase")],
)  # fmt: skip
def test_as_many_things_as_carriers_one_each(composer, carrier, relation, thing) -> None:
    """Three girls carrying three baskets: each basket at its own girl, every girl shows."""
    things = [(carrier, 0)] * 3 + [(thing, 1)] * 3
    scene, visible = drawn(composer, make_scene(things, [(k, relation, k + 3) for k in range(3)]))
    people, held = scene.objects[:3], scene.objects[3:]
    assert all(visible[o.id] for o in scene.objects), [o.noun for o in scene.objects
                                                       if not visible[o.id]]  # fmt: skip
    for person, obj in zip(people, held, strict=True):
        middle = (obj.bbox[0] + obj.bbox[2]) / 2
        width = person.bbox[2] - person.bbox[0]
        assert person.bbox[0] - 0.6 * width <= middle <= person.bbox[2] + 0.6 * width
