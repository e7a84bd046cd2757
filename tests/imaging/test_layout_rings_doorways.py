"""Many things around one, and things in an enclosure with an opening: every instance is
seen (as the faithfulness bench counts it: no more than a share of its box covered by
boxes drawn after it), and a thing in a kennel or a tunnel is at its opening, never on its
roof (hand-made items, no clip art)."""

from __future__ import annotations

import pytest

from speech2image.imaging.compose.layout import LayoutItem, Placement, compute_layout

SIZE = 512
COVERED_FRACTION = 0.7
"""As the bench's: a box more covered than this by later-drawn boxes counts as hidden."""


def item(id: str, group: int, height_px: float, aspect: float, **kw) -> LayoutItem:
    return LayoutItem(id=id, group=group, aspect=aspect, height_px=height_px, **kw)


def layout(items, relations) -> dict[str, Placement]:
    placed = compute_layout(list(items), list(relations), width=SIZE, height=SIZE, seed=0)
    return {p.id: p for p in placed}


def covered(placed: dict[str, Placement], id: str) -> float:
    """The share of ``id``'s box under the boxes drawn after it (a pixel grid, as the bench)."""
    me = placed[id]
    x0, y0, x1, y1 = me.box
    grid = [[False] * (x1 - x0) for _ in range(y1 - y0)]
    for p in placed.values():
        if p.depth <= me.depth:
            continue
        for y in range(max(y0, p.box[1]), min(y1, p.box[3])):
            for x in range(max(x0, p.box[0]), min(x1, p.box[2])):
                grid[y - y0][x - x0] = True
    return sum(map(sum, grid)) / max(1, (x1 - x0) * (y1 - y0))


def table() -> LayoutItem:
    return item("table", 1, 110, 1.8, raised=True, surface=0.05)


@pytest.mark.parametrize("n", [3, 4, 6, 8, 12])
def test_every_chair_around_a_table_and_the_table_are_seen(n: int) -> None:
    chairs = [item(f"c{k}", 0, 100, 0.8) for k in range(n)]
    placed = layout([*chairs, table()], [("c0", "around", "table")])
    for id in [*(f"c{k}" for k in range(n)), "table"]:
        assert covered(placed, id) < COVERED_FRACTION, id
    boxes = [placed[f"c{k}"].box for k in range(n)]
    assert all(0 <= b[0] < b[2] <= SIZE and 0 <= b[1] < b[3] <= SIZE for b in boxes)


def test_a_table_ringed_by_many_has_a_back_row_standing_higher() -> None:
    chairs = [item(f"c{k}", 0, 100, 0.8) for k in range(12)]
    placed = layout([*chairs, table()], [("c0", "around", "table")])
    bottoms = sorted({placed[f"c{k}"].box[3] for k in range(12)})
    assert len(bottoms) == 2, "a front row and a back row"
    before = [k for k in range(12) if placed[f"c{k}"].depth < placed["table"].depth]
    assert before and len(before) < 12, "the back row drawn before the table, the front after"


@pytest.mark.parametrize("parent", ["car", "bowl", "tree"])
def test_around_a_solid_or_tall_thing_all_stand_at_its_sides(parent: str) -> None:
    shapes = {"car": (150, 1.7, False), "bowl": (40, 1.6, False), "tree": (260, 0.9, True)}
    height, aspect, raised = shapes[parent]
    things = [item(f"d{k}", 0, 90, 1.2) for k in range(3)]
    placed = layout([*things, item(parent, 1, height, aspect, raised=raised)],
                    [("d0", "around", parent)])  # fmt: skip
    for id in ["d0", "d1", "d2", parent]:
        assert covered(placed, id) < COVERED_FRACTION, id
    p = placed[parent].box
    centres = [(placed[f"d{k}"].box[0] + placed[f"d{k}"].box[2]) / 2 for k in range(3)]
    assert any(c < p[0] for c in centres) and any(c > p[2] for c in centres)


def test_a_dog_in_its_kennel_stands_at_the_opening_not_on_the_roof() -> None:
    dog = item("dog", 0, 100, 1.2)
    kennel = item("kennel", 1, 120, 1.1, rim=0.2, kind="doorway")
    placed = layout([dog, kennel], [("dog", "in", "kennel")])
    d, k = placed["dog"].box, placed["kennel"].box
    assert k[0] <= (d[0] + d[2]) / 2 <= k[2]
    assert d[3] > k[1] + 0.8 * (k[3] - k[1]), "its feet at the kennel's foot"
    assert d[1] > k[1], "below the roof's top"
    assert placed["dog"].depth > placed["kennel"].depth, "drawn in front of the opening"
    assert placed["dog"].front_of is None


def test_a_long_thing_in_a_tunnel_goes_into_it_its_back_out_at_one_side() -> None:
    train = item("train", 0, 120, 2.4)
    tunnel = item("tunnel", 1, 200, 1.4, kind="doorway")
    placed = layout([train, tunnel], [("train", "in", "tunnel")])
    t, u = placed["train"].box, placed["tunnel"].box
    assert placed["train"].depth < placed["tunnel"].depth, "drawn before: the tunnel covers it"
    outside = max(0, u[0] - t[0]) + max(0, t[2] - u[2])
    assert outside >= 0.5 * (t[2] - t[0]), "most of it still shows beside the tunnel"
    assert outside < t[2] - t[0], "part of it is in the tunnel"
    assert t[3] > u[1] + 0.8 * (u[3] - u[1])


def test_bodies_names_enclosures_with_an_opening() -> None:
    from speech2image.imaging.compose.bodies import item_kind

    assert item_kind("kennel", "kennel", "extras", person=False) == "doorway"
    assert item_kind("tunnel", "tunnel", "extras", person=False) == "doorway"
    assert item_kind("bowl", "bowl with spoon", "food-drink", person=False) == ""


def test_a_thing_related_to_one_instance_is_at_that_instance() -> None:
    boots = [item(f"b{k}", 0, 110, 1.3, rim=0.2) for k in range(2)]
    hedgehog = item("hedgehog", 1, 60, 1.5)
    for target in ("b0", "b1"):
        placed = layout([*boots, hedgehog], [("hedgehog", "in", target)])
        h, b = placed["hedgehog"].box, placed[target].box
        assert b[0] <= (h[0] + h[2]) / 2 <= b[2], target
        assert placed["hedgehog"].front_of == target
    chairs = [item(f"c{k}", 0, 110, 0.8, surface=0.5) for k in range(3)]
    cat = item("cat", 1, 60, 1.2)
    placed = layout([*chairs, cat], [("cat", "on", "c0")])
    c, chair = placed["cat"].box, placed["c0"].box
    assert chair[0] <= (c[0] + c[2]) / 2 <= chair[2]
