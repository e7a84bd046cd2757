"""A picture whose sentence names no place is drawn in the place its things imply (cows
on a farm, fish underwater, a plane in the sky), recorded in the completed scene; a place
the sentence said is never replaced, and things that imply nothing get no place (real
clip art and its annotations, hand-made scenes, no language model)."""

from __future__ import annotations

import pytest

from speech2image.scene import Scene, SceneObject

pytestmark = pytest.mark.slow


def scene_of(nouns: list[str], setting: str | None = None) -> Scene:
    objects = tuple(SceneObject(id=f"o{k}", noun=n, group=k) for k, n in enumerate(nouns))
    return Scene(text=" ".join(nouns), objects=objects, setting=setting)


IMPLIED = [
    (["cow", "pig"], "farm"),
    (["fish", "octopus"], "underwater"),
    (["crab", "jellyfish", "fish"], "underwater"),
    (["airplane"], "sky"),
    (["helicopter", "boy"], "sky"),
    (["ambulance"], "road"),
    (["bus", "car"], "road"),
    (["camel", "cactus"], "desert"),
    (["rocket"], "space"),
    (["penguin", "polar bear"], "snow"),
    (["tractor", "goat"], "farm"),
    (["sailboat"], "sea"),
    (["monkey"], "jungle"),
    (["girl", "cow"], "farm"),
]


@pytest.mark.parametrize(("nouns", "setting"), IMPLIED)
def test_the_things_imply_the_place(composer, nouns, setting) -> None:
    drawn = composer.draw(scene_of(nouns)).scene
    assert drawn.setting == setting
    assert drawn.extras.get("implied_setting") is True
    assert len(drawn.objects) == len(nouns)


NO_PLACE = [
    ["cat"], ["cup", "phone"], ["waiter"], ["man", "woman"], ["ball", "dog"],
    ["fish", "sailboat"],  # underwater and at sea tie: no place rather than a guess
    ["cow", "cup", "phone"],  # a farm animal among household things
    ["apple", "banana"], ["guitar"], ["chair", "table"], ["teddy bear"],
]  # fmt: skip


@pytest.mark.parametrize("nouns", NO_PLACE)
def test_things_that_imply_no_place_get_none(composer, nouns) -> None:
    drawn = composer.draw(scene_of(nouns)).scene
    assert drawn.setting is None
    assert "implied_setting" not in drawn.extras


@pytest.mark.parametrize(
    ("setting", "nouns"),
    [("kitchen", ["fish", "cow", "teddy bear"]), ("park", ["fish", "cow", "airplane"]),
     ("classroom", ["fish", "cow", "bicycle"]), ("beach", ["fish", "cow", "airplane"])],
)  # fmt: skip
def test_a_place_the_sentence_said_is_kept(composer, setting, nouns) -> None:
    drawn = composer.draw(scene_of(nouns, setting=setting)).scene
    assert drawn.setting == setting
    assert "implied_setting" not in drawn.extras


@pytest.mark.parametrize(
    ("setting", "nouns", "outdoors"),
    [("kitchen", ["woman", "taxi", "suitcase"], "road"), ("room", ["car"], "road"),
     ("classroom", ["airplane", "boy"], "sky"), ("bedroom", ["bus"], "road")],
)  # fmt: skip
def test_a_big_vehicle_is_drawn_outdoors_not_in_a_room(composer, setting, nouns, outdoors) -> None:
    """ "She took a taxi to the airport" after the kitchen table: no taxi in the kitchen."""
    drawn = composer.draw(scene_of(nouns, setting=setting)).scene
    assert drawn.setting == outdoors
    assert drawn.setting_things == ()


@pytest.mark.parametrize("nouns", [["toy car"], ["boy", "bicycle"], ["nurse", "wheelchair"]])
def test_a_toy_or_a_bicycle_stays_in_the_room(composer, nouns) -> None:
    assert composer.draw(scene_of(nouns, setting="bedroom")).scene.setting == "bedroom"


@pytest.mark.parametrize("nouns", [["star"], ["sun"], ["moon"], ["cloud", "cat"]])
def test_the_lights_and_clouds_of_every_sky_imply_no_place(composer, nouns) -> None:
    """A gold star is no sky, the sun no outer space."""
    assert composer.draw(scene_of(nouns)).scene.setting is None


def test_the_implied_place_is_drawn(composer) -> None:
    """The picture shows the place's backdrop: it is the picture of the completed scene."""
    from dataclasses import replace

    import numpy as np

    picture = composer.draw(scene_of(["fish", "octopus"]))
    said = composer.draw(replace(scene_of(["fish", "octopus"]), setting="underwater"))
    assert np.array_equal(np.asarray(picture.image), np.asarray(said.image))


KEPT = [
    (["crab", "bucket"], "in"), (["fish", "bowl"], "in"), (["fish", "plate"], "on"),
    (["boy", "fish"], "holding"), (["cat", "fish"], "eating"), (["girl", "octopus"], "holding"),
]  # fmt: skip


@pytest.mark.parametrize(("nouns", "relation"), KEPT)
def test_a_thing_kept_by_another_implies_no_place(composer, nouns, relation) -> None:
    """Crabs in a bucket are no sea, a fish on a plate or in a hand no underwater."""
    from speech2image.scene import Relation

    scene = scene_of(nouns)
    scene = Scene(text=scene.text, objects=scene.objects,
                  relations=(Relation("o0", relation, "o1"),))  # fmt: skip
    assert composer.draw(scene).scene.setting is None


def test_land_things_at_sea_stand_on_the_shore_and_boats_stay_in_the_water(composer) -> None:
    """A hut by the sea is drawn on the beach (the scene still says sea); a boat at sea is
    drawn on the water."""
    import numpy as np

    def pixels(nouns: list[str], setting: str) -> np.ndarray:
        return np.asarray(composer.draw(scene_of(nouns, setting=setting)).image)

    hut = composer.draw(scene_of(["hut"], setting="sea"))
    assert hut.scene.setting == "sea"
    assert np.array_equal(np.asarray(hut.image), pixels(["hut"], "beach"))
    assert not np.array_equal(pixels(["sailboat"], "sea"), pixels(["sailboat"], "beach"))


@pytest.mark.parametrize(
    ("nouns", "time", "same_as"),
    [(["woman", "shirt"], "night", "room"), (["man", "guitar"], "dusk", "room"),
     (["owl"], "night", None), (["dog", "ball"], "night", None)],
)  # fmt: skip
def test_indoor_things_at_a_time_with_no_place_are_in_a_room(composer, nouns, time, same_as):
    """ "Mum irons the shirts on Sunday night" is at home, the night in the window; an owl
    at night is outdoors. The scene names no place either way."""
    from dataclasses import replace

    import numpy as np

    scene = replace(scene_of(nouns), time=time)
    drawn = composer.draw(scene)
    assert drawn.scene.setting is None
    room = composer.draw(replace(scene, setting="room")).image
    assert np.array_equal(np.asarray(drawn.image), np.asarray(room)) == (same_as == "room")


def test_an_idea_is_drawn_on_a_plain_backdrop_whatever_the_story_place(composer) -> None:
    """ "Any questions before lunch?" in a story set in a town: a thinking face, no street."""
    from dataclasses import replace

    import numpy as np

    idea = Scene(text="any questions?", objects=(SceneObject(id="o1", noun="question",
                 concept=True, group=1),), depiction="concept")  # fmt: skip
    in_town = composer.draw(replace(idea, setting="city", time="night"))
    assert in_town.scene.setting == "city"
    assert np.array_equal(np.asarray(in_town.image), np.asarray(composer.draw(idea).image))
