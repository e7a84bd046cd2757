"""Word lists the scene parser reads: counts, colours, sizes, relations, settings, time.

Plain data, no logic, and no asset names (those belong to the pack). Other word tables:
ideas in :mod:`speech2image.language.concepts`, what is no thing in
:mod:`speech2image.language.nonthings`, attributes in
:mod:`speech2image.language.attributes`, the things of each setting in
:mod:`speech2image.language.places`.
"""

from __future__ import annotations

NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "a dozen": 12,
    "dozen": 12, "single": 1, "lone": 1, "both": 2, "pair": 2, "couple": 2, "twin": 2,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
    "thousand": 1000,
}  # fmt: skip
"""Words that name a count."""

QUANTITY_PHRASES = {
    ("a", "couple", "of"): 2, ("a", "pair", "of"): 2, ("a", "few"): 3, ("few",): 3,
    ("several",): 4, ("many",): 6, ("lots", "of"): 6, ("a", "lot", "of"): 6,
    ("some",): 3, ("a", "dozen"): 12, ("a", "bunch", "of"): 5, ("a", "group", "of"): 4,
    ("a", "herd", "of"): 5, ("a", "flock", "of"): 5, ("a", "pack", "of"): 4,
    ("a", "pile", "of"): 5, ("a", "stack", "of"): 4, ("a", "row", "of"): 5,
    ("numerous",): 6, ("countless",): 8, ("dozens", "of"): 8, ("hundreds", "of"): 10,
    ("loads", "of"): 6, ("heaps", "of"): 6, ("masses", "of"): 6, ("tons", "of"): 6,
    ("plenty", "of"): 5, ("a", "swarm", "of"): 6,
}  # fmt: skip
"""Phrases before a noun that name a count, longest first when matched."""

PLURAL_DEFAULT_COUNT = 3
"""How many to draw for a bare plural ("apples")."""
MAX_COUNT = 12
"""The most instances of one thing drawn; larger counts are capped (and logged)."""

COLORS = {
    "red": (220, 40, 40), "orange": (245, 140, 30), "yellow": (250, 215, 40),
    "green": (60, 170, 60), "blue": (40, 100, 220), "purple": (140, 60, 190),
    "violet": (140, 80, 210), "pink": (245, 130, 180), "brown": (140, 85, 40),
    "black": (35, 35, 35), "white": (248, 248, 248), "gray": (140, 140, 140),
    "grey": (140, 140, 140), "gold": (230, 180, 30), "golden": (230, 180, 30),
    "silver": (190, 195, 205), "cyan": (40, 200, 220), "teal": (30, 140, 140),
    "turquoise": (60, 210, 200), "magenta": (220, 40, 180), "beige": (225, 205, 165),
    "navy": (25, 40, 110), "maroon": (120, 25, 40), "crimson": (200, 20, 60),
    "lime": (150, 220, 40), "indigo": (75, 40, 160), "tan": (210, 180, 140),
}  # fmt: skip
"""Colour words and the RGB the composer paints them with."""
COLOR_ALIASES = {"grey": "gray", "golden": "gold", "violet": "purple"}
SHADE_WORDS = {"light": 0.45, "pale": 0.45, "dark": -0.4, "deep": -0.3, "bright": 0.15}
"""Shade words before a colour: positive lightens towards white, negative darkens."""

SIZE_WORDS = {
    "big": "big", "large": "big", "huge": "big", "giant": "big", "enormous": "big",
    "massive": "big", "tall": "big", "great": "big", "gigantic": "big",
    "small": "small", "tiny": "small", "little": "small", "mini": "small",
    "miniature": "small", "short": "small", "baby": "small", "wee": "small",
}  # fmt: skip

RELATION_PHRASES: tuple[tuple[tuple[str, ...], str], ...] = (
    (("to", "the", "left", "of"), "left of"), (("to", "the", "right", "of"), "right of"),
    (("on", "the", "left", "of"), "left of"), (("on", "the", "right", "of"), "right of"),
    (("on", "top", "of"), "on"), (("in", "front", "of"), "in front of"),
    (("next", "to"), "beside"), (("close", "to"), "near"), (("left", "of"), "left of"),
    (("right", "of"), "right of"), (("inside", "of"), "in"), (("on",), "on"),
    (("onto",), "on"), (("upon",), "on"), (("atop",), "on"), (("under",), "under"),
    (("underneath",), "under"), (("beneath",), "under"), (("below",), "below"),
    (("above",), "above"), (("over",), "above"), (("beside",), "beside"),
    (("besides",), "beside"), (("alongside",), "beside"), (("by",), "beside"),
    (("near",), "near"), (("behind",), "behind"), (("in",), "in"), (("inside",), "in"),
    (("into",), "in"), (("within",), "in"), (("between",), "between"),
    (("among",), "around"), (("around",), "around"), (("surrounding",), "around"),
)  # fmt: skip
"""Word sequences that name a spatial relation, mapped to the canonical relation."""

RELATIONS = (
    "on", "under", "below", "above", "beside", "near", "left of", "right of", "behind",
    "in front of", "in", "between", "around",
)  # fmt: skip
"""Canonical relations, as kept in the scene JSON."""

SETTINGS = {
    "forest": "forest", "woods": "forest", "wood": "forest", "woodland": "forest",
    "pine forest": "forest", "rainforest": "jungle", "jungle": "jungle",
    "park": "park", "garden": "garden", "yard": "garden", "backyard": "garden",
    "orchard": "garden", "field": "field", "meadow": "field", "countryside": "field",
    "prairie": "field", "grassland": "field", "hill": "field", "hills": "field",
    "farm": "farm", "barn": "farm", "farmyard": "farm", "ranch": "farm", "zoo": "zoo",
    "safari": "zoo", "playground": "playground", "schoolyard": "playground",
    "beach": "beach", "seaside": "beach", "shore": "beach", "coast": "beach",
    "sand": "beach", "sea": "sea", "ocean": "sea", "harbour": "sea", "harbor": "sea",
    "port": "sea", "lake": "lake", "pond": "lake", "water": "lake", "indoors": "room",
    "inside": "room", "river": "river", "stream": "river",
    "creek": "river", "riverbank": "river", "island": "island", "underwater": "underwater",
    "under water": "underwater", "under the sea": "underwater", "seabed": "underwater",
    "reef": "underwater", "mountain": "mountains", "mountains": "mountains",
    "mountaintop": "mountains", "valley": "mountains", "desert": "desert",
    "oasis": "desert", "snowfield": "snow", "arctic": "snow", "antarctic": "snow",
    "north pole": "snow", "south pole": "snow", "glacier": "snow", "cave": "cave",
    "cavern": "cave", "city": "city", "town": "city", "downtown": "city", "street": "city",
    "city street": "city", "square": "city", "village": "village", "hamlet": "village",
    "road": "road", "highway": "road", "motorway": "road", "station": "station",
    "train station": "station", "railway station": "station", "bus station": "station",
    "platform": "station", "airport": "airport", "runway": "airport",
    "stadium": "stadium", "arena": "stadium",
    "swimming pool": "swimming pool", "pool": "swimming pool", "room": "room",
    "living room": "room", "dining room": "room", "home": "room",
    "apartment": "room", "flat": "room", "lounge": "room", "hall": "room", "attic": "room",
    "basement": "room", "cellar": "room", "garage": "room", "hallway": "room",
    "corridor": "room", "loft": "room", "hotel": "room", "nursery": "bedroom",
    "university": "classroom", "college": "classroom", "aquarium": "underwater",
    "circus": "stage", "pier": "sea", "campsite": "forest", "gym": "room",
    "balcony": "garden", "terrace": "garden", "patio": "garden", "porch": "garden",
    "vegetable patch": "garden", "allotment": "garden", "flowerbed": "garden",
    "kingdom": "castle", "alps": "mountains", "himalayas": "mountains", "sahara": "desert",
    "kitchen": "kitchen", "bedroom": "bedroom", "bathroom": "bathroom",
    "classroom": "classroom", "school": "classroom", "lesson": "classroom",
    "office": "office", "workplace": "office", "library": "library",
    "bookshop": "library", "restaurant": "restaurant", "cafe": "restaurant",
    "café": "restaurant", "diner": "restaurant", "canteen": "restaurant",
    "pub": "restaurant", "shop": "shop", "store": "shop",
    "supermarket": "shop", "market": "shop", "mall": "shop", "bakery": "shop",
    "hospital": "hospital", "clinic": "hospital", "greenhouse": "greenhouse",
    "castle": "castle", "palace": "castle", "stage": "stage", "theatre": "stage",
    "theater": "stage", "concert": "stage", "space": "space", "outer space": "space",
    "universe": "space", "galaxy": "space", "moon": "moon", "mars": "mars", "sky": "sky",
    "air": "sky", "clouds": "sky",
    "vineyard": "field", "savanna": "field", "savannah": "field", "pasture": "field",
    "paddock": "farm", "farmland": "farm", "stable": "farm", "reservoir": "lake",
    "lagoon": "lake", "marsh": "lake", "swamp": "lake", "canal": "river", "bay": "sea",
    "marina": "sea", "quay": "sea", "dock": "sea", "wharf": "sea", "seafront": "beach",
    "promenade": "beach", "pavement": "city", "sidewalk": "city", "avenue": "city",
    "alley": "city", "lane": "road", "crossroads": "road", "roadside": "road",
    "pitch": "stadium", "racetrack": "stadium", "summit": "mountains", "peak": "mountains",
    "ward": "hospital", "pharmacy": "shop", "boutique": "shop",
    "meeting room": "office", "boardroom": "office", "staffroom": "office",
    "playroom": "room", "spaceship": "space", "space station": "space",
    "orbit": "space",
}  # fmt: skip
"""Place words (lemmas, some of two or three words) and the setting
(:data:`speech2image.scene.SETTINGS`) the composer draws for each."""
OUTDOOR_SETTINGS = frozenset(
    {"forest", "jungle", "park", "garden", "field", "farm", "zoo", "playground", "beach",
     "sea", "lake", "river", "island", "mountains", "desert", "snow", "city", "village",
     "road", "stadium", "space", "moon", "mars", "sky", "underwater"}
)  # fmt: skip
SETTING_PHRASES = {
    tuple(phrase.split()): name for phrase, name in SETTINGS.items() if " " in phrase
}
"""The place phrases of more than one word, as word tuples."""

TIMES = {
    "night": "night", "midnight": "night", "nighttime": "night", "evening": "dusk",
    "dusk": "dusk", "twilight": "dusk", "sunset": "sunset", "sundown": "sunset",
    "dawn": "dawn", "sunrise": "dawn", "daybreak": "dawn", "morning": "day",
    "noon": "day", "day": "day", "daytime": "day", "afternoon": "day",
    "starry": "night", "tonight": "night", "overnight": "night",
}  # fmt: skip
"""Times of day. "Dark" is lighting, not a time: a dark forest at noon is still noon."""
WEATHER = {
    "rain": "rain", "raining": "rain", "rainy": "rain", "drizzle": "rain",
    "snow": "snow", "snowing": "snow", "snowy": "snow", "blizzard": "snow",
    "fog": "fog", "foggy": "fog", "mist": "fog", "misty": "fog", "haze": "fog",
    "storm": "storm", "stormy": "storm", "thunder": "storm", "lightning": "storm",
    "thunderstorm": "storm", "sunny": "sunny", "sunshine": "sunny", "clear": "sunny",
    "cloudy": "cloudy", "overcast": "cloudy", "windy": "wind", "wind": "wind",
}  # fmt: skip
FAIR_WEATHER_WORDS = frozenset(
    {"lovely", "nice", "beautiful", "gorgeous", "glorious", "fine", "fair", "perfect",
     "great", "warm", "hot", "brilliant", "wonderful", "amazing", "good"}
)  # fmt: skip
"""Words that make "weather" sunny: "lovely weather today"."""
SEASONS = {
    "spring": "spring", "summer": "summer", "autumn": "autumn", "fall": "autumn",
    "winter": "winter",
}  # fmt: skip

NOT_OBJECTS = frozenset(
    {"left", "right", "top", "front", "back", "side", "middle", "center", "centre",
     "bottom", "way", "lot", "bunch", "group", "couple", "pair", "number", "kind",
     "sort", "type", "thing", "something", "anything", "everything", "nothing", "one",
     "time", "moment", "place", "picture", "image", "scene", "photo", "view", "there",
     "herd", "flock", "pack", "pile", "stack", "row", "dozen", "rest", "lots",
     "distance", "background", "foreground", "today", "tonight", "yesterday", "lie",
     "sit", "stand", "walk", "fly", "swim", "run", "jump", "play", "sleep", "look",
     "while", "end", "start", "beginning", "air", "photograph", "drawing"}
)  # fmt: skip
"""Nouns that never become drawn objects on their own."""

PERSON_WORDS = frozenset(
    {"person", "man", "woman", "boy", "girl", "child", "kid", "baby", "king", "queen",
     "prince", "princess", "lady", "gentleman", "people", "friend", "teacher", "doctor",
     "farmer", "police", "officer", "student", "mother", "father", "mom", "dad",
     "grandmother", "grandfather", "wizard", "witch", "pirate", "chef", "astronaut"}
)  # fmt: skip
FEMALE_WORDS = frozenset(
    {"woman", "girl", "queen", "princess", "lady", "mother", "mom", "grandmother",
     "witch", "sister", "daughter", "wife", "aunt", "mum", "mummy", "mommy", "mama", "ma",
     "grandma", "granny", "nana", "gran", "auntie", "niece", "bride", "girlfriend",
     "actress", "waitress", "nun", "mermaid", "ballerina", "duchess", "stepmother",
     "grandmom", "grandmum", "madam", "schoolgirl", "policewoman", "businesswoman"}
)  # fmt: skip
MALE_WORDS = frozenset(
    {"man", "boy", "king", "prince", "gentleman", "father", "dad", "grandfather",
     "wizard", "brother", "son", "husband", "uncle", "daddy", "papa", "pa", "grandpa",
     "grandad", "granddad", "nephew", "groom", "boyfriend", "monk", "duke", "stepfather",
     "lad", "schoolboy", "policeman", "fireman", "postman", "fisherman", "businessman",
     "cowboy", "grandpop"}
)  # fmt: skip
