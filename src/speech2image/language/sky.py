"""The sky of a sentence: its time of day, weather and season.

Said by words for them ("at night", "a rainy day", "in winter"); by what the sun, the
rain or the snow is doing ("the sun was shining on the canals" is a sunny day,
"snowflakes were falling" is snow, "it poured all afternoon" is rain); by heat said of
the day or the place ("the desert was so hot", "a scorching afternoon": sunny); and by
what is watched in the night sky ("we watched a shooting star", "the stars twinkled",
fireworks). "Dark" is lighting, not a time (:mod:`speech2image.language.places`), and a
word inside a name ("a horse called Thunder") says nothing.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

from speech2image.language.frames import negated
from speech2image.language.places import night_sky
from speech2image.language.vocabulary import FAIR_WEATHER_WORDS, SEASONS, TIMES, WEATHER

WEATHER_THINGS = {
    "snowflake": "snow", "snowfall": "snow", "snowstorm": "snow", "snowdrift": "snow",
    "sleet": "snow", "hail": "rain", "hailstone": "rain", "raindrop": "rain",
    "downpour": "rain", "rainfall": "rain", "rainstorm": "storm", "gale": "wind",
    "breeze": "wind", "gust": "wind", "heatwave": "sunny", "sunlight": "sunny",
    "sunbeam": "sunny", "sunlit": "sunny", "sunbathe": "sunny", "sunbathing": "sunny",
    "sunburn": "sunny", "sunburnt": "sunny", "suncream": "sunny", "sunscreen": "sunny",
}  # fmt: skip
"""Things and doings that only come with one weather (beside the words for the weather
itself, :data:`speech2image.language.vocabulary.WEATHER`)."""
SUN_VERBS = frozenset(
    {"shine", "blaze", "beat", "burn", "glare", "beam", "bake", "scorch", "warm", "sparkle",
     "glint", "glow", "dazzle"}
)  # fmt: skip
"""What the sun does on a sunny day: "the sun was shining", "the sun beat down"."""
_VERB_FORMS = {"shining": "shine", "shone": "shine", "shines": "shine", "blazing": "blaze",
               "beating": "beat", "glaring": "glare", "beaming": "beam"}  # fmt: skip
"""Forms the small English model lemmatises wrongly ("shining" as "shin")."""
SUN_OUT_VERBS = frozenset({"come", "peek", "peep", "break", "burst"})
"""Verbs that make a sunny day with "out" or "through": "the sun came out"."""
HEAT_WORDS = frozenset(
    {"hot", "scorching", "sweltering", "boiling", "baking", "blazing", "sizzling",
     "roasting", "sweltry", "sultry"}
)  # fmt: skip
"""Heat that, said of the day, the weather or the place, is a sunny day."""
HEAT_HOLDERS = frozenset(
    {"day", "afternoon", "morning", "summer", "weather", "sun", "week", "weekend",
     "it", "sunshine", "noon", "midday", "spell"}
)  # fmt: skip
"""What heat is said of when it is the weather's ("a hot day", "it was scorching")."""
RAIN_DOWN_VERBS = frozenset({"chuck", "bucket", "tip", "pelt", "pour", "teem", "piss", "lash"})
"""Verbs of heavy rain with "down": "it's chucking it down"."""
DARK_CLOUD_WORDS = frozenset({"black", "dark", "grey", "gray", "heavy", "storm", "thunder"})
CLOUD_VERBS = frozenset(
    {"roll", "gather", "come", "cover", "build", "blow", "drift", "move", "appear", "darken",
     "loom", "fill", "hide", "block"}
)  # fmt: skip
"""What clouds do when they make the day cloudy: "clouds rolled in"."""
SMALL_HOURS = frozenset({"one", "two", "three", "four", "1", "2", "3", "4"})
"""Hours that, "in the morning", are still night."""
CLEAR_HOLDERS = frozenset({"sky", "day", "night", "weather", "morning", "it", "evening"})
"""What "clear" is said of when it is the weather's ("a clear sky"), not the water's."""
NIGHT_SKY_THINGS = frozenset({"star", "moon", "comet", "meteor", "constellation", "planet"})
"""Lights of the night sky that, watched or shining, make the scene night."""
NIGHT_WORDS = frozenset(
    {"firework", "fireworks", "moonlit", "starlit", "moonrise", "moonlight", "starlight",
     "aurora", "stargazing", "stargaze"}
)  # fmt: skip
"""Words that only come at night (beside :data:`~speech2image.language.vocabulary.TIMES`)."""
_SKY_LIGHT_VERBS = frozenset(
    {"twinkle", "shine", "glow", "rise", "sparkle", "glitter", "shoot", "appear", "fall",
     "streak", "light", "come", "gleam", "shimmer"}
)  # fmt: skip
_WATCH_VERBS = frozenset(
    {"watch", "see", "look", "count", "gaze", "stare", "admire", "spot", "wish", "point",
     "photograph", "observe", "notice", "find", "saw"}
)  # fmt: skip
_NOT_SKY_STARS = frozenset(
    {
        "film",
        "movie",
        "pop",
        "rock",
        "gold",
        "golden",
        "sticker",
        "sea",
        "football",
        "tv",
        "television",
        "reality",
        "paper",
        "chocolate",
    }
)
"""Words before "star" that make it no light of the sky: a film star, a gold star."""


@dataclass(frozen=True, slots=True)
class Sky:
    """What a sentence says of the sky: each ``None`` when unsaid."""

    time: str | None = None
    """One of :data:`speech2image.scene.TIMES`."""
    weather: str | None = None
    """One of :data:`speech2image.scene.WEATHERS`."""
    season: str | None = None
    """"spring", "summer", "autumn" or "winter"."""


def _fair(token: Any) -> bool:
    """True for weather said to be fine ("lovely weather", "the weather is gorgeous")."""
    words = [c for c in token.children if c.dep_ == "amod"]
    if token.dep_ == "nsubj":
        words += [c for c in token.head.children if c.dep_ == "acomp"]
    return any(w.lower_ in FAIR_WEATHER_WORDS and not negated(w.head) for w in words)


def _subjects(verb: Any) -> list[Any]:
    return [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]


def _said_of(token: Any, holders: Collection[str], place_tokens: Collection[int]) -> bool:
    """True when an adjective is said of the day, the weather or the place: "a hot day",
    "it was so hot", "the desert was scorching"."""
    if token.dep_ == "amod" or token.dep_ == "compound":
        head = token.head
        return head.lemma_.lower() in holders or head.i in place_tokens
    if token.dep_ in ("acomp", "attr", "advmod") or token.dep_ == "ROOT":
        verb = token.head if token.dep_ != "ROOT" else token
        subjects = _subjects(verb)
        return bool(subjects) and all(
            s.lower_ in holders or s.lemma_.lower() in holders or s.i in place_tokens
            for s in subjects
        )
    return False


def _sun_time_weather(token: Any) -> tuple[str | None, str | None]:
    """The time and weather the sun's verb gives: set and rise are the time of day ("the
    sun went down": sunset); shining, beating down or coming out is a sunny day."""
    if token.lemma_.lower() != "sun" or token.dep_ != "nsubj":
        return None, None
    verb = token.head
    lemma = _VERB_FORMS.get(verb.lower_) or verb.lemma_.lower()
    particles = {c.lower_ for c in verb.children if c.dep_ in ("prt", "advmod", "prep")}
    if lemma in ("set", "sink") or (lemma == "go" and "down" in particles):
        return "sunset", None
    if lemma == "rise" or (lemma == "come" and "up" in particles):
        return "dawn", None
    if lemma in SUN_VERBS or (lemma in SUN_OUT_VERBS and particles & {"out", "through"}):
        return "day", "sunny"
    return None, None


def _of_night_sky(token: Any) -> bool:
    """True for a light of the night sky that is watched or shines: "we watched a
    shooting star", "the stars twinkled", "look at the full moon"."""
    lemma = token.lemma_.lower()
    if lemma not in NIGHT_SKY_THINGS:
        return False
    before = {c.lower_ for c in token.children if c.dep_ in ("amod", "compound")}
    if before & _NOT_SKY_STARS:
        return False
    if "shooting" in before or (lemma == "moon" and before & {"full", "crescent", "half"}):
        return True
    head = token.head
    if any(c.dep_ in ("acl", "relcl") and c.lemma_.lower() in _SKY_LIGHT_VERBS
           for c in token.children):  # fmt: skip
        return True  # "the stars twinkling", or "twinkled" taken for one
    if token.dep_ == "nsubj":
        return head.lemma_.lower() in _SKY_LIGHT_VERBS
    if token.dep_ == "dobj":
        return head.lemma_.lower() in _WATCH_VERBS
    if token.dep_ == "pobj" and head.lower_ in ("at", "for", "to"):
        return head.head.lemma_.lower() in _WATCH_VERBS
    return False


def _weather_of(token: Any, place_tokens: Collection[int]) -> str | None:
    """The weather one token says, if any."""
    word, lemma = token.lower_, token.lemma_.lower()
    if word == "clear" or lemma == "clear":
        return "sunny" if _said_of(token, CLEAR_HOLDERS, ()) else None
    found = WEATHER.get(word) or WEATHER.get(lemma)
    if found is not None:
        return found
    found = WEATHER_THINGS.get(word) or WEATHER_THINGS.get(lemma)
    if found is not None:
        return found
    if lemma == "weather" and _fair(token):
        return "sunny"  # "lovely weather today"
    if lemma == "pour" and any(s.lower_ == "it" for s in _subjects(token)):
        return "rain"  # "it poured all afternoon"
    if lemma in RAIN_DOWN_VERBS and any(c.lower_ == "down" for c in token.children):
        return "rain"  # "it's chucking it down", "bucketing down"
    if lemma == "cloud":
        return _clouds(token)
    if lemma == "sun" and token.dep_ == "pobj" and token.head.lower_ in ("in", "under"):
        return "sunny"  # "lying in the sun"
    if word in HEAT_WORDS and _said_of(token, HEAT_HOLDERS, place_tokens):
        return "sunny"
    return _sun_time_weather(token)[1]


def _clouds(cloud: Any) -> str | None:
    """Storm for dark clouds, cloudy for clouds that gather or roll in; a white cloud
    drawn in a blue sky says nothing."""
    said = {c.lower_ for c in cloud.children if c.dep_ in ("amod", "compound")}
    if said & DARK_CLOUD_WORDS:
        return "storm"
    if cloud.dep_ == "nsubj" and cloud.head.lemma_.lower() in CLOUD_VERBS:
        return "cloudy"
    return None


def _small_hours(token: Any) -> bool:
    """True for "two in the morning": the night, not the morning."""
    if token.lower_ != "morning" or token.dep_ != "pobj" or token.head.lower_ != "in":
        return False
    hour = token.head.head
    return hour.lower_ in SMALL_HOURS


def _time_of(token: Any) -> str | None:
    """The time of day one token says, if any."""
    word, lemma = token.lower_, token.lemma_.lower()
    sun_time = _sun_time_weather(token)[0]
    if sun_time is not None:
        return sun_time
    if lemma in ("set", "rise") and any(s.lemma_.lower() == "sun" for s in _subjects(token)):
        return "sunset" if lemma == "set" else "dawn"
    if _small_hours(token):
        return "night"
    found = TIMES.get(word) or TIMES.get(lemma)
    if found is not None:
        return found
    if word in NIGHT_WORDS or lemma in NIGHT_WORDS or _of_night_sky(token):
        return "night"
    return None


def find_sky(
    doc: Any,
    idioms: Collection[int] = (),
    names: Collection[int] = (),
    place_tokens: Collection[int] = (),
) -> Sky:
    """Time of day, weather and season named anywhere in ``doc`` but in a name, and (for
    the time and season) in an idiom ("once upon a time"; "raining cats and dogs" is
    still rain). The sun said to shine is daytime even in a story that was at night.
    ``place_tokens`` are the place words, for heat said of a place."""
    time = weather = season = None
    sun_time = None
    for token in doc:
        if token.i in names:
            continue
        if weather is None:
            weather = _weather_of(token, place_tokens)
        if token.i in idioms:
            continue
        found = _time_of(token)
        if found == "day" and _sun_time_weather(token)[0] == "day":
            sun_time = found
        elif time is None and found is not None:
            time = found
        if season is None and token.lower_ in SEASONS and token.pos_ in ("NOUN", "PROPN"):
            season = SEASONS[token.lower_]
    time = time or sun_time
    return Sky(time=time or ("night" if night_sky(doc) else None), weather=weather, season=season)
