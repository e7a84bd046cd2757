"""A worn thing is drawn where it is worn: a backpack on the back, a hat on the head, a
scarf at the neck, glasses on the face (real clip art, hand-made scenes; boxes and
pixels, as the faithfulness bench checks them)."""

from __future__ import annotations

import pytest
from tests.imaging.test_visibility import drawn, height, make_scene

from speech2image.imaging.compose.bodies import item_kind

# (wearer, worn thing, where: the band of the wearer's height its middle lies in)
WORN = [
    ("kid", "backpack", (0.15, 0.6)), ("boy", "backpack", (0.15, 0.6)),
    ("girl", "backpack", (0.15, 0.6)), ("student", "backpack", (0.15, 0.6)),
    ("woman", "backpack", (0.15, 0.6)),
    ("man", "hat", (-0.05, 0.12)), ("grandpa", "cap", (-0.05, 0.12)),
    ("girl", "crown", (-0.05, 0.12)), ("boy", "helmet", (-0.05, 0.12)),
    ("woman", "hat", (-0.05, 0.12)),
    ("woman", "scarf", (0.1, 0.3)), ("boy", "scarf", (0.1, 0.3)),
    ("man", "tie", (0.1, 0.3)), ("girl", "necklace", (0.1, 0.3)),
    ("kid", "scarf", (0.1, 0.3)),
    ("boy", "glasses", (0.0, 0.16)), ("grandma", "glasses", (0.0, 0.16)),
    ("man", "sunglasses", (0.0, 0.16)), ("girl", "sunglasses", (0.0, 0.16)),
    ("teacher", "glasses", (0.0, 0.16)),
]  # fmt: skip


@pytest.mark.slow
@pytest.mark.parametrize(("wearer", "thing", "band"), WORN)
def test_a_worn_thing_is_where_it_is_worn(composer, wearer, thing, band) -> None:
    scene, visible = drawn(composer, make_scene([(wearer, 0), (thing, 1)], [(0, "wearing", 1)]))
    person, worn = scene.objects
    assert visible[person.id] and visible[worn.id], "the wearer or the worn thing is hidden"
    x0, y0, x1, _ = person.bbox
    middle_y = (worn.bbox[1] + worn.bbox[3]) / 2
    share = (middle_y - y0) / height(person)
    assert band[0] <= share <= band[1], f"the {thing} is at {share:.2f} of the {wearer}"
    middle_x = (worn.bbox[0] + worn.bbox[2]) / 2
    assert x0 - 0.2 * (x1 - x0) <= middle_x <= x1 + 0.2 * (x1 - x0), "off the body"
    assert height(worn) < 0.45 * height(person), f"the {thing} is as big as the {wearer}"


@pytest.mark.slow
@pytest.mark.parametrize("wearer", ["kid", "boy", "girl", "woman", "man"])
def test_a_backpack_is_not_on_the_head(composer, wearer) -> None:
    scene, _ = drawn(composer, make_scene([(wearer, 0), ("backpack", 1)], [(0, "wearing", 1)]))
    person, pack = scene.objects
    # Its top is below the top of the head (the head is the top seventh of a figure).
    assert pack.bbox[1] >= person.bbox[1] + 0.12 * height(person)
    # At the back: beside the body, not over its middle.
    assert (pack.bbox[0] + pack.bbox[2]) / 2 > (person.bbox[0] + person.bbox[2]) / 2


@pytest.mark.parametrize(
    ("noun", "asset", "group", "kind"),
    [("backpack", "backpack", "objects/clothing", "back"),
     ("hat", "top hat", "objects/clothing", "head"),
     ("scarf", "scarf", "objects/clothing", "neck"),
     ("glasses", "glasses", "objects/clothing", "face"),
     ("sock", "socks", "objects/clothing", ""),
     ("captain", "pilot", "people-body/person-role", "person"),
     ("bed", "bed", "objects/household", "low"),
     ("taxi", "taxi", "travel-places/transport-ground", "vehicle"),
     ("bike", "bicycle", "travel-places/transport-ground", "")],
)  # fmt: skip
def test_item_kinds(noun, asset, group, kind) -> None:
    assert item_kind(noun, asset, group, person=False) == kind
