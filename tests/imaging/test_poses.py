"""Actions: which composite drawing or figure a pose calls for, and where posed things
stand (hand-made items, no clip art)."""

from __future__ import annotations

from speech2image.imaging.compose.layout import LayoutItem, Placement, compute_layout
from speech2image.imaging.compose.poses import (
    composite_name,
    figure_name,
    find_composites,
    pose_kind,
    pose_matches,
)
from speech2image.scene import Relation, SceneObject

SIZE = 512


def item(id: str, group: int, height_px: float = 128, aspect: float = 1.0, **kw) -> LayoutItem:
    return LayoutItem(id=id, group=group, aspect=aspect, height_px=height_px, **kw)


def layout(items, relations) -> dict[str, Placement]:
    return {p.id: p for p in compute_layout(items, relations, width=SIZE, height=SIZE)}


def centre_x(p: Placement) -> float:
    return (p.box[0] + p.box[2]) / 2


def test_composites_need_a_person_the_verb_and_the_thing() -> None:
    assert composite_name("woman", "riding", "horse") == "horse racing"
    assert composite_name("little boy", "riding", "bike") == "person biking"
    assert composite_name("man", "rowing", "boat") == "person rowing boat"
    assert composite_name("dog", "riding", "horse") is None
    assert composite_name("woman", "feeding", "horse") is None


def test_figures_are_full_body_for_people_who_do_something() -> None:
    assert figure_name("woman", "running") == "woman running"
    assert figure_name("old man", None) == "man standing"
    assert figure_name("child", "walking") == "person walking"
    assert figure_name("girl", "swimming") == "person swimming"
    assert figure_name("cat", "running") is None


def test_find_composites_only_with_drawings_the_pack_has() -> None:
    objects = [("o0", "woman"), ("o1", "horse"), ("o2", "man"), ("o3", "boat")]
    relations = [("o0", "riding", "o1"), ("o2", "rowing", "o3")]
    found = find_composites(objects, relations, lambda name: name == "horse racing")
    assert [(c.subject_id, c.object_id, c.asset_name) for c in found] == [
        ("o0", "o1", "horse racing")
    ]


def test_pose_matches_merges_the_composite_and_remaps_relations() -> None:
    objects = [SceneObject("o0", "woman"), SceneObject("o1", "horse"), SceneObject("o2", "tree"),
               SceneObject("o3", "man"), SceneObject("o4", "book")]  # fmt: skip
    relations = [Relation("o0", "riding", "o1"), Relation("o1", "beside", "o2"),
                 Relation("o3", "reading", "o4")]  # fmt: skip
    drawings = {"horse racing", "man standing", "open book"}
    posing = pose_matches(objects, relations, ["w", "h", "t", "m", "b"],
                          lambda name: f"<{name}>" if name in drawings else None)  # fmt: skip
    assert posing.matches == ("<horse racing>", "<horse racing>", "t", "<man standing>",
                              "<open book>")  # fmt: skip
    assert posing.merged == {"o1": "o0"}
    assert ("o0", "beside", "o2") in posing.relations
    assert all("o1" not in (s, o) for s, _, o in posing.relations)


def test_unknown_verbs_face_each_other() -> None:
    assert pose_kind("riding") == "mount"
    assert pose_kind("juggling with") == "face"
    placed = layout([item("a", 0), item("b", 1)], [("a", "talking to", "b")])
    a, b = placed["a"], placed["b"]
    assert centre_x(a) < centre_x(b)
    # OpenMoji things face left: the left one is mirrored to face right, the other not.
    assert a.mirror and not b.mirror
    assert abs(a.box[3] - b.box[3]) <= 2


def test_rider_sits_on_the_mount_s_back() -> None:
    placed = layout([item("man", 0), item("elephant", 1, 200, 1.3, surface=0.2)],
                    [("man", "riding", "elephant")])  # fmt: skip
    man, elephant = placed["man"], placed["elephant"]
    assert (
        elephant.box[1] - 5
        < man.box[3]
        < elephant.box[1] + 0.6 * (elephant.box[3] - elephant.box[1])
    )
    assert elephant.box[0] < centre_x(man) < elephant.box[2]
    assert man.depth > elephant.depth and not man.grounded


def test_held_thing_at_the_holder_s_hand() -> None:
    placed = layout([item("girl", 0), item("cup", 1, 60)], [("girl", "holding", "cup")])
    girl, cup = placed["girl"], placed["cup"]
    cy = (cup.box[1] + cup.box[3]) / 2
    assert girl.box[1] < cy < girl.box[3]
    assert girl.box[0] < centre_x(cup) <= girl.box[2] + 5
    assert cup.depth > girl.depth


def test_chaser_behind_and_facing_the_same_way() -> None:
    placed = layout([item("dog", 0), item("cat", 1, 90)], [("dog", "chasing", "cat")])
    dog, cat = placed["dog"], placed["cat"]
    assert dog.box[3] < cat.box[3]
    assert dog.mirror == cat.mirror
    # Both face the way the chase goes: away from the chaser.
    faces_right = cat.mirror
    assert (centre_x(cat) > centre_x(dog)) == faces_right


def test_jumper_arcs_above_with_motion_lines() -> None:
    placed = layout([item("dog", 0), item("fence", 1, 80, 2.0)], [("dog", "jumping over", "fence")])
    dog, fence = placed["dog"], placed["fence"]
    assert dog.box[3] <= fence.box[1]
    assert dog.motion and not dog.grounded
    assert fence.box[0] < centre_x(dog) < fence.box[2]


def test_standing_or_lying_on_rests_on_the_top() -> None:
    for verb in ("standing on", "lying on"):
        placed = layout([item("cat", 0, 60), item("bed", 1, 110, 1.6, surface=0.2)],
                        [("cat", verb, "bed")])  # fmt: skip
        cat, bed = placed["cat"], placed["bed"]
        assert abs(cat.box[3] - (bed.box[1] + 0.2 * (bed.box[3] - bed.box[1]))) <= 4, verb


def test_eaten_thing_at_the_mouth_book_read_in_front() -> None:
    placed = layout([item("boy", 0, 160, 0.4), item("apple", 1, 40)], [("boy", "eating", "apple")])
    boy, apple = placed["boy"], placed["apple"]
    assert (
        boy.box[1]
        < (apple.box[1] + apple.box[3]) / 2
        < boy.box[1] + 0.6 * (boy.box[3] - boy.box[1])
    )
    read = layout([item("man", 0, 160, 0.4), item("book", 1, 40)], [("man", "reading", "book")])
    man, book = read["man"], read["book"]
    assert man.box[0] <= centre_x(book) <= man.box[2] and book.depth > man.depth


def test_animals_sit_on_top_people_sit_face_on() -> None:
    objects = [SceneObject("o0", "bird"), SceneObject("o1", "bus"), SceneObject("o2", "man"),
               SceneObject("o3", "bench")]  # fmt: skip
    relations = [Relation("o0", "sitting on", "o1"), Relation("o2", "sitting on", "o3")]
    posing = pose_matches(objects, relations, ["b", "u", "m", "e"], lambda name: None)
    assert posing.relations == (("o0", "on", "o1"), ("o2", "sitting on", "o3"))


def test_two_players_of_one_ball_stand_either_side_facing_it() -> None:
    placed = layout([item("boy", 0, 150, 0.4), item("girl", 1, 150, 0.4), item("ball", 2, 60)],
                    [("boy", "playing", "ball"), ("girl", "playing", "ball")])  # fmt: skip
    boy, girl, ball = placed["boy"], placed["girl"], placed["ball"]
    assert centre_x(boy) < centre_x(ball) < centre_x(girl)
    assert boy.mirror and not girl.mirror


def test_an_old_person_keeps_an_old_persons_drawing_when_doing_something() -> None:
    # The full-body figures are young: "an old man walks his dog" stays an old man.
    objects = [SceneObject("o0", "man", age="old"), SceneObject("o1", "dog"),
               SceneObject("o2", "woman")]  # fmt: skip
    relations = [Relation("o0", "walking", "o1"), Relation("o2", "walking", "o1")]
    drawings = {"man walking", "woman walking"}
    posing = pose_matches(objects, relations, ["old man", "d", "w"],
                          lambda name: f"<{name}>" if name in drawings else None)  # fmt: skip
    assert posing.matches == ("old man", "d", "<woman walking>")
