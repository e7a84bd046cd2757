"""Everything a scene holds is visible in its picture: things in an open container show
above its rim side by side (none hidden behind another), a person-sized thing that is held
stands by the holder at its own size, and a held thing shows at the hand. Checked as the
faithfulness bench checks them: the completed scene's boxes, the draw order and the pixels
(real clip art, hand-made scenes, no language model)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from speech2image.bench.faithfulness import relation_holds, visible_instances
from speech2image.scene import Relation, Scene, SceneObject

pytestmark = pytest.mark.slow


def make_scene(things: list[tuple[str, int]], relations=(), setting: str | None = None) -> Scene:
    """Objects o0, o1... as (noun, group); relations as (subject index, relation, object)."""
    objects = tuple(SceneObject(id=f"o{k}", noun=n, group=g) for k, (n, g) in enumerate(things))
    rels = tuple(Relation(f"o{s}", r, f"o{o}") for s, r, o in relations)
    return Scene(text=" ".join(n for n, _ in things), objects=objects, relations=rels,
                 setting=setting)  # fmt: skip


def drawn(composer, scene: Scene):
    picture = composer.draw(scene)
    bare = composer.draw(replace(picture.scene, objects=(), relations=())).image
    return picture.scene, visible_instances(picture.scene, picture.image, bare)


def height(obj: SceneObject) -> int:
    assert obj.bbox is not None
    return obj.bbox[3] - obj.bbox[1]


# (what is in it: (noun, count), ..., the container)
CONTAINERS = [
    ([("lobster", 1), ("crab", 2)], "bucket"),
    ([("kitten", 1), ("puppy", 1)], "box"),
    ([("apple", 3)], "bowl"),
    ([("fish", 2)], "bucket"),
    ([("egg", 4)], "basket"),
    ([("flower", 3)], "vase"),
    ([("pencil", 3)], "mug"),
    ([("frog", 1)], "cup"),
    ([("toy", 2), ("ball", 1)], "basket"),
    ([("cat", 1)], "basket"),
    ([("mouse", 1)], "shoe"),
    ([("shell", 5)], "bucket"),
]


def contents_scene(contents: list[tuple[str, int]], container: str) -> Scene:
    things = [(noun, g) for g, (noun, count) in enumerate(contents) for _ in range(count)]
    things.append((container, len(contents)))
    last = len(things) - 1
    return make_scene(things, [(k, "in", last) for k in range(last)])


@pytest.mark.parametrize(("contents", "container"), CONTAINERS)
def test_everything_in_an_open_container_is_visible_and_in_it(
    composer, contents, container
) -> None:
    scene, visible = drawn(composer, contents_scene(contents, container))
    by_id = {o.id: o for o in scene.objects}
    box = by_id[f"o{len(scene.objects) - 1}"]
    for obj in scene.objects:
        assert visible[obj.id], f"{obj.noun} ({obj.id}) is hidden"
    for obj in scene.objects[:-1]:
        assert relation_holds("in", obj, [box]), f"{obj.noun} is not in the {container}"
        # Its upper part shows above the container's top: the bottom is inside it.
        assert obj.bbox[3] <= box.bbox[3] and obj.bbox[3] > box.bbox[1]


def test_things_in_one_container_do_not_stand_in_each_others_place(composer) -> None:
    scene, _ = drawn(composer, contents_scene([("kitten", 1), ("puppy", 1)], "box"))
    kitten, puppy = scene.objects[0].bbox, scene.objects[1].bbox
    assert kitten != puppy
    overlap = min(kitten[2], puppy[2]) - max(kitten[0], puppy[0])
    assert overlap < 0.5 * min(kitten[2] - kitten[0], puppy[2] - puppy[0])


def test_a_container_grows_to_hold_what_is_in_it(composer) -> None:
    alone, _ = drawn(composer, make_scene([("box", 0), ("tree", 1)]))
    full, _ = drawn(composer, make_scene([("boy", 0), ("box", 1), ("tree", 2)], [(0, "in", 1)]))
    assert height(full.objects[1]) / height(full.objects[2]) > (
        1.2 * height(alone.objects[0]) / height(alone.objects[1])
    )


# (holder, held): a held person or a held thing as big as the holder
HELD_PEOPLE = [
    ("woman", "waiter"), ("girl", "brother"), ("man", "woman"), ("mom", "teacher"),
    ("boy", "girl"), ("nurse", "doctor"), ("dad", "librarian"), ("grandma", "man"),
    ("kid", "chef"), ("woman", "farmer"), ("man", "horse"),
]  # fmt: skip


@pytest.mark.parametrize(("holder", "held"), HELD_PEOPLE)
def test_a_person_sized_thing_that_is_held_keeps_its_size(composer, holder, held) -> None:
    scene, visible = drawn(
        composer, make_scene([(holder, 0), (held, 1), ("dog", 2)], [(0, "holding", 1)])
    )
    holder_obj, held_obj, _ = scene.objects
    assert visible[held_obj.id] and visible[holder_obj.id]
    assert height(held_obj) >= 0.7 * height(holder_obj), f"the {held} is drawn hand-sized"


HELD_THINGS = ["bottle", "cup", "pencil", "phone", "book", "apple", "umbrella", "ball",
               "flower", "key", "spoon"]  # fmt: skip


@pytest.mark.parametrize("thing", HELD_THINGS)
def test_a_held_thing_shows_at_the_hand(composer, thing) -> None:
    scene, visible = drawn(composer, make_scene([("nurse", 0), (thing, 1), ("baby", 2)],
                                                [(0, "holding", 1), (0, "giving", 2)]))  # fmt: skip
    nurse, held, _baby = scene.objects
    assert all(visible[o.id] for o in scene.objects), [o.noun for o in scene.objects
                                                       if not visible[o.id]]  # fmt: skip
    assert height(held) < height(nurse), "a hand-held thing is smaller than its holder"
    w = held.bbox[2] - held.bbox[0]
    assert w >= 0.05 * scene.width, f"the {thing} is a sliver"


@pytest.mark.parametrize(
    "setting",
    ["beach", "park", "garden", "playground", "island", "desert", "field", "lake", "river",
     "sea", "snow", None],
)  # fmt: skip
def test_a_kind_of_a_place_is_drawn_in_another_place(composer, setting) -> None:
    """A sandcastle is drawn by the castle asset wherever it is built, at a toy's size."""
    scene, visible = drawn(
        composer, make_scene([("sandcastle", 0), ("sandcastle", 0), ("girl", 1)], setting=setting)
    )
    castles = [o for o in scene.objects if o.noun == "sandcastle"]
    assert len(castles) == 2, scene.skipped
    assert all(visible[o.id] for o in castles)
    real, _ = drawn(composer, make_scene([("castle", 0), ("castle", 0), ("girl", 1)],
                                         setting=setting))  # fmt: skip
    assert height(castles[0]) / height(scene.objects[2]) < 0.7 * (
        height(real.objects[0]) / height(real.objects[2])
    ), "a sandcastle is no real castle"


@pytest.mark.parametrize(("thing", "container"), [("ship", "bottle"), ("cat", "box"),
                                                  ("egg", "cup"), ("apple", "bowl")])  # fmt: skip
def test_one_thing_in_each_of_several_containers(composer, thing, container) -> None:
    """Ships in bottles: each ship in its own bottle, not a heap over all of them."""
    things = [(thing, 0)] * 3 + [(container, 1)] * 3
    scene, visible = drawn(composer, make_scene(things, [(k, "in", k + 3) for k in range(3)]))
    objects = scene.objects
    for k in range(3):
        assert visible[objects[k].id]
        assert relation_holds("in", objects[k], [objects[k + 3]]), f"{thing} {k} not in its own"


CHASES = [
    ("dog", "squirrel", "tree", "climbing"), ("dog", "cat", "wall", "on"),
    ("fox", "rabbit", "log", "on"), ("cat", "mouse", "table", "on"),
    ("boy", "cat", "car", "on"), ("dog", "bird", "fence", "on"),
    ("lion", "monkey", "tree", "climbing"), ("girl", "dog", "bench", "on"),
    ("wolf", "goat", "rock", "on"), ("dog", "cat", "couch", "on"),
    ("bear", "boy", "tree", "climbing"),
]  # fmt: skip


@pytest.mark.parametrize(("chaser", "chased", "support", "relation"), CHASES)
def test_a_chaser_is_not_hidden_behind_what_the_chased_is_on(
    composer, chaser, chased, support, relation
) -> None:
    scene, visible = drawn(composer, make_scene([(chaser, 0), (chased, 1), (support, 2)],
                                                [(0, "chasing", 1), (1, relation, 2)]))  # fmt: skip
    assert all(visible[o.id] for o in scene.objects), [
        o.noun for o in scene.objects if not visible[o.id]
    ]


@pytest.mark.parametrize(
    ("doer", "done", "relation"),
    [("girl", "brother", "kicking"), ("lion", "zebra", "eating"), ("boy", "man", "kicking"),
     ("bear", "deer", "eating"), ("woman", "girl", "throwing"), ("dog", "horse", "eating"),
     ("man", "cow", "holding"), ("girl", "woman", "holding"), ("kid", "teacher", "kicking"),
     ("tiger", "goat", "eating")],
)  # fmt: skip
def test_a_person_sized_thing_kicked_eaten_or_thrown_keeps_its_size(
    composer, doer, done, relation
) -> None:
    scene, visible = drawn(composer, make_scene([(doer, 0), (done, 1)], [(0, relation, 1)]))
    a, b = scene.objects
    assert visible[a.id] and visible[b.id]
    assert height(b) >= 0.45 * height(a), f"the {done} is shrunk to a prop"


@pytest.mark.parametrize(
    "part", ["bone", "tooth", "ear", "nose", "brain", "foot", "eye", "leg", "lungs", "tongue"]
)
def test_a_body_part_is_a_small_thing(composer, part) -> None:
    scene, visible = drawn(composer, make_scene([("dog", 0), (part, 1)], [(0, "eating", 1)]))
    dog, thing = scene.objects
    assert visible[thing.id]
    assert height(thing) < 0.6 * height(dog), f"a {part} drawn as big as a person"


PUSHES = [
    ("nurse", "patient", "wheelchair"), ("dad", "kid", "cart"), ("mom", "baby", "basket"),
    ("boy", "girl", "box"), ("man", "dog", "bucket"), ("woman", "cat", "basket"),
    ("girl", "boy", "cart"), ("grandpa", "puppy", "box"), ("teacher", "kid", "cart"),
    ("man", "woman", "wheelchair"),
]  # fmt: skip


@pytest.mark.parametrize(("pusher", "pushed", "seat"), PUSHES)
def test_a_pusher_stands_behind_what_the_pushed_sits_in(composer, pusher, pushed, seat) -> None:
    scene, visible = drawn(composer, make_scene([(pusher, 0), (pushed, 1), (seat, 2)],
                                                [(0, "pushing", 1), (1, "in", 2)]))  # fmt: skip
    assert all(visible[o.id] for o in scene.objects), [
        o.noun for o in scene.objects if not visible[o.id]
    ]
    order = scene.extras["draw_order"]
    assert order.index("o0") < order.index("o1"), "the pusher is behind, the pushed in front"
