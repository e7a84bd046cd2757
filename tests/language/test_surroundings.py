"""The sky (time of day, weather), places implied by things and doings, and a story's
place kept across sentences."""

from __future__ import annotations

import pytest

from speech2image.language import SpacySceneBuilder
from speech2image.language.implied_places import ACTIVITY_SETTINGS, THING_SETTINGS
from speech2image.language.sky import WEATHER_THINGS
from speech2image.language.surroundings import VAGUE_PLACES
from speech2image.scene import SETTINGS, WEATHERS


def test_tables_name_only_known_settings_and_weathers() -> None:
    assert set(THING_SETTINGS.values()) <= set(SETTINGS)
    assert set(ACTIVITY_SETTINGS.values()) <= set(SETTINGS)
    assert set(WEATHER_THINGS.values()) <= set(WEATHERS)
    assert all(kept <= set(SETTINGS) for kept in VAGUE_PLACES.values())


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "time", "weather"),
    [
        ("By the time we got off, the sun was shining on the canals.", "day", "sunny"),
        ("Snowflakes were falling softly on the frozen lake.", None, "snow"),
        ("The desert was so hot that the sand burned our feet.", None, "sunny"),
        ("It was a scorching afternoon.", "day", "sunny"),
        ("It poured all weekend.", None, "rain"),
        ("The sun came out after lunch.", "day", "sunny"),
        ("The sun went down behind the hills.", "sunset", None),
        ("We watched a shooting star from the garden.", "night", None),
        ("The stars twinkled above the tents.", "night", None),
        ("The fireworks lit up the harbour.", "night", None),
        ("I got a gold star for my spelling test.", None, None),
        ("She is a film star.", None, None),
        ("The soup is too hot.", None, None),
        ("I was so hot after the run.", None, None),
        ("The water in the lake was clear.", None, None),
        ("A clear sky over the fields.", None, "sunny"),
        ("A horse called Thunder.", None, None),
        ("It's absolutely chucking it down.", None, "rain"),
        ("A huge black cloud rolled in over the hills.", None, "storm"),
        ("Grey clouds gathered over the town.", None, "storm"),
        ("Clouds rolled in over the bay.", None, "cloudy"),
        ("A fluffy white cloud in a blue sky.", None, None),
        ("At two in the morning the neighbours started moving furniture.", "night", None),
        ("We left at eight in the morning.", "day", None),
    ],
)
def test_the_sky_from_what_the_sun_snow_and_stars_do(
    builder: SpacySceneBuilder, text: str, time: str | None, weather: str | None
) -> None:
    scene = builder.build(text)
    assert (scene.time, scene.weather) == (time, weather)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "setting"),
    [
        ("My daughter plays water polo twice a week.", "swimming pool"),
        ("She swims the last lap and touches the wall first.", "swimming pool"),
        ("The flight to Lisbon only takes about two hours.", "sky"),
        ("We had our sandwiches on a bench next to the penguin pool.", "zoo"),
        ("The children fed the goats in the goat pen.", "farm"),
        ("A woman with a pram was waiting at the bus stop.", "city"),
        ("A yellow taxi is waiting outside the hotel.", "city"),
        ("Two teenagers are skateboarding past the library.", "city"),
        ("We are reading in the library.", "library"),
        ("Now they walk to school together every day.", "road"),
        ("We went to the shop.", "shop"),
        ("We walked to the beach.", "beach"),
        ("The sun is setting behind the hills.", "field"),
        ("A bench behind the school.", None),
        ("A submarine is diving beneath the waves.", "underwater"),
        ("Behind the school there is a football field.", "field"),
        ("On our street there's a bakery next to a small bank.", "city"),
        ("The monkey threw a banana at the zookeeper.", "zoo"),
        ("A squirrel is climbing the oak tree.", "park"),
        ("The lion is lying in the shade of a tree.", "field"),
        ("A chameleon was clinging to the branch.", "jungle"),
        ("The tomatoes are growing in pots along the fence.", "garden"),
        ("The ambulance raced past us.", "road"),
        ("The new intern is sitting at the desk by the window.", "office"),
        ("Sift the flour into a large bowl.", "kitchen"),
        ("My son plays football every Saturday.", "stadium"),
        ("Slice the lemon and squeeze it over the fish.", "kitchen"),
        ("Cut me a slice of cake.", None),
        ("We did an experiment with vinegar and baking soda.", None),
        ("A cricket chirped in the dark.", None),
        ("Tonight I'm making a big pot of vegetable soup.", "kitchen"),
        ("Add a pinch of salt and a knob of butter.", "kitchen"),
        ("We ate soup at lunch.", None),
        ("Today in class we learned about volcanoes.", "classroom"),
        ("This is us on our wedding day outside the church.", "city"),
        ("This was taken from the top of the Eiffel Tower.", "city"),
        ("I was floating over London in a bathtub.", "city"),
        ("Every now and then a fox wanders through the car park.", "city"),
        ("The robin watched me from the handle of the spade.", "garden"),
        ("One morning a dragon landed on the castle roof.", "castle"),
        ("Every night he crept out to look at the moon.", None),
        ("An astronaut landed on the moon.", "moon"),
        ("The first room of the museum had a dinosaur skeleton.", "room"),
        ("The owl flew over the house.", None),
        ("My passport has expired, so I can't fly this year.", None),
    ],
)
def test_a_place_from_place_phrases_things_and_doings(
    builder: SpacySceneBuilder, text: str, setting: str | None
) -> None:
    assert builder.build(text).setting == setting


def _story(builder: SpacySceneBuilder, sentences: list[str]) -> list[tuple[str | None, ...]]:
    context = builder.new_context()
    scenes = [builder.build(text, context=context) for text in sentences]
    return [(s.setting, s.time, s.weather) for s in scenes]


@pytest.mark.slow
def test_a_story_keeps_its_place_through_words_for_a_kind_of_place(
    builder: SpacySceneBuilder,
) -> None:
    told = _story(
        builder,
        [
            "An old fisherman lived in a hut by the sea.",
            "A golden fish jumped out and spoke to him.",
            "He let it go, and it swam back into the dark water.",
            "The narwhal pushed the ice back to the shore.",
            "Then they flew a kite high in the sky.",
        ],
    )
    assert [setting for setting, _, _ in told] == ["sea"] * 5


@pytest.mark.slow
def test_a_word_for_a_kind_of_place_is_that_place_when_none_is_kept(
    builder: SpacySceneBuilder,
) -> None:
    assert _story(builder, ["A frog jumped into the water."])[0][0] == "lake"


@pytest.mark.slow
def test_a_new_room_of_the_home_by_its_furniture_and_a_sunny_morning_after_night(
    builder: SpacySceneBuilder,
) -> None:
    told = _story(
        builder,
        [
            "We caught the night train to the coast.",
            "By the time we got off, the sun was shining.",
            "Yesterday the dog stole a sausage off the kitchen table.",
            "When we found him he was hiding behind the sofa.",
            "He ate a carrot.",
            "We caught the night train from Vienna to Venice.",
            "Our compartment had two bunk beds and a tiny sink.",
        ],
    )
    assert told[0][1] == "night"
    assert told[1][1:] == ("day", "sunny")
    assert [setting for setting, _, _ in told[2:]] == ["kitchen", "room", "room", "city", "bedroom"]


@pytest.mark.slow
def test_the_things_said_narrow_a_kept_place_and_a_pronoun_moves_no_story(
    builder: SpacySceneBuilder,
) -> None:
    """Piglets in a story in the fields are on a farm; "it" for the bathtub one floats over
    London in keeps London."""
    told = _story(builder, ["We walked across the fields.", "The piglets rolled in the mud."])
    assert [setting for setting, _, _ in told] == ["field", "farm"]
    told = _story(
        builder,
        ["I was floating over London in a bathtub.", "My teacher was steering it with a spoon."],
    )
    assert [setting for setting, _, _ in told] == ["city", "city"]


@pytest.mark.slow
def test_a_snowman_in_the_yard_is_the_garden_in_winter(builder: SpacySceneBuilder) -> None:
    scene = builder.build("The kids are building a snowman in the yard.")
    assert (scene.setting, scene.extras.get("season")) == ("garden", "winter")
    assert builder.build("A snowman in the rain.").extras.get("season") is None


@pytest.mark.slow
def test_a_place_kept_from_the_story_beats_one_its_things_imply(
    builder: SpacySceneBuilder,
) -> None:
    told = _story(builder, ["We went to the zoo.", "A penguin dived into the pool."])
    assert told[1][0] == "zoo"
