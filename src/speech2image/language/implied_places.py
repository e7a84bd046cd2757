"""Places a sentence implies without naming one: by its things, its people, its doings.

"The farmer was driving a red tractor" is on a farm, "the zookeeper" at the zoo, "a
squirrel was climbing the oak" in a park, "my daughter plays water polo" in a swimming
pool, "the flight to Lisbon" in the sky, "whisk the eggs" in a kitchen. An implied place
is the lowest of the three ways a place is known (said, kept from the story, implied):
:mod:`speech2image.language.surroundings` uses it only where neither of the others is.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import Any

THING_SETTINGS = {
    "coral": "underwater", "seaweed": "underwater", "jellyfish": "underwater",
    "wave": "sea", "ferry": "sea", "sailboat": "sea", "surfer": "beach",
    "surfboard": "beach", "sandcastle": "beach", "tractor": "farm", "farmer": "farm",
    "cow": "field", "haystack": "farm", "scarecrow": "farm", "oven": "kitchen",
    "stove": "kitchen", "chef": "kitchen", "frying pan": "kitchen", "nurse": "hospital",
    "band": "stage", "lavender": "garden", "flowerbed": "garden", "snowman": "snow",
    "sled": "snow", "penguin": "snow", "igloo": "snow", "camel": "desert",
    "cactus": "desert", "astronaut": "space", "planet": "space", "blackboard": "classroom",
    "whale": "sea", "dolphin": "sea", "cockpit": "airport", "runway": "airport",
    "bookshelf": "room", "bed": "bedroom", "bathtub": "bathroom", "tent": "forest",
    "bath": "bathroom", "toilet": "bathroom", "shower": "bathroom", "wardrobe": "bedroom",
    "fireplace": "room", "sofa": "room", "couch": "room", "armchair": "room", "rug": "room",
    "bookcase": "room", "hamster": "room", "guinea pig": "room", "gerbil": "room",
    "budgie": "room", "budgerigar": "room", "bunk bed": "bedroom", "double bed": "bedroom",
}  # fmt: skip
"""Things that tell where a scene is when no place is said ("the farmer was driving a
red tractor" is on a farm)."""

_PLACE_CLASSES = {
    "city": ("skyscraper", "post office", "bank", "bakery", "hotel", "cathedral", "museum",
             "taxi", "tram", "traffic light", "police officer", "policeman", "pedestrian",
             "bus stop", "busker", "street musician", "street lamp", "lamp post"),
    "road": ("cyclist", "ambulance", "lorry", "truck", "fire engine", "motorcyclist",
             "traffic", "van"),
    "farm": ("barn", "hay", "haystack", "cart", "pig", "hen", "rooster", "goat", "sheep",
             "lamb", "piglet", "calf", "foal", "duckling"),
    "garden": ("gardener", "tulip", "rose", "daisy", "hose", "watering can", "wheelbarrow",
               "lawnmower", "shed", "greenhouse", "vegetable patch", "hammock", "lawn",
               "garden gnome", "gnome", "bird bath", "sunflower", "spade", "trowel", "rake",
               "slug", "runner bean", "compost", "compost heap", "watering can"),
    "park": ("squirrel", "jogger", "bandstand", "picnic blanket"),
    "zoo": ("zookeeper", "zoo keeper"),
    "field": ("meadow", "haystack", "scarecrow", "grass", "jockey", "racehorse", "lion",
              "lioness", "zebra", "giraffe", "rhino", "rhinoceros", "hippo", "hippopotamus",
              "cheetah", "antelope", "gazelle", "wildebeest", "hyena", "warthog"),
    "jungle": ("toucan", "sloth", "chameleon", "jaguar", "orangutan", "gorilla", "tapir",
               "anaconda", "macaw", "vine", "liana"),
    "classroom": ("blackboard", "whiteboard", "pupil", "student", "schoolbag", "teacher",
                  "classmate", "homework", "exam", "textbook", "worksheet", "school desk"),
    "office": ("intern", "colleague", "receptionist", "secretary", "photocopier",
               "office worker", "projector", "interviewer", "boss"),
    "kitchen": ("saucepan", "whisk", "rolling pin", "mixing bowl", "batter", "dough",
                "chopping board", "cutting board", "baking tray", "kettle", "toaster",
                "fridge", "refrigerator", "microwave", "dishwasher", "pan", "wok", "cooker",
               "hob", "ladle", "spatula", "colander", "grater", "wooden spoon", "apron"),
    "bedroom": ("pillow", "duvet", "quilt", "bedside table", "alarm clock", "pyjamas"),
    "forest": ("campfire", "nest", "woodpecker", "log cabin"),
    "bathroom": ("toothbrush", "toothpaste", "bubble bath"),
    "stadium": ("goalkeeper", "striker", "referee", "footballer", "tennis player",
                "football player", "cheerleader", "rugby player", "umpire"),
    "snow": ("skier", "snowboarder", "snowman", "sled", "sledge", "igloo", "ski",
             "snowboard", "toboggan", "ice skater"),
    "sea": ("submarine", "lighthouse", "pier", "yacht", "ship", "sailor", "shark",
            "mermaid", "fishing boat", "sailing boat"),
    "swimming pool": ("swimmer", "diving board", "water polo"),
    "underwater": ("diver", "scuba diver", "snorkel"),
    "station": ("train", "steam train", "locomotive", "ticket inspector"),
    "sky": ("airplane", "plane", "aeroplane", "jet", "flight", "pilot", "hot air balloon",
            "parachute", "paraglider"),
    "restaurant": ("waiter", "waitress", "menu"),
}  # fmt: skip
"""Broad classes of things and people that belong to one kind of place (buildings of a
town, road traffic, farm animals, garden plants and tools, savanna and jungle animals,
school and office people, kitchen tools, sports players, snow sports, sea craft,
aircraft), merged into :data:`THING_SETTINGS` without overriding its entries."""
THING_SETTINGS.update(
    {noun: place for place, nouns in _PLACE_CLASSES.items() for noun in nouns
     if noun not in THING_SETTINGS}
)  # fmt: skip

FURNITURE = frozenset(
    {"bed", "bunk bed", "double bed", "sofa", "couch", "armchair", "wardrobe", "bathtub",
     "bath", "toilet", "shower", "fireplace", "rug", "bookshelf", "bookcase", "oven",
     "stove", "fridge", "refrigerator", "dishwasher", "duvet", "quilt", "cooker", "pillow"}
)  # fmt: skip
"""Things that stand only in a room of their own: said, they move the story there ("our
compartment had two bunk beds" after the night train to Venice, "hiding behind the sofa"
after the kitchen)."""

ACTIVITY_SETTINGS = {
    "surf": "beach", "surfing": "beach", "sunbathe": "beach", "sunbathing": "beach",
    "snorkel": "underwater", "snorkelling": "underwater", "snorkeling": "underwater",
    "scuba": "underwater", "ski": "snow", "skiing": "snow", "snowboarding": "snow",
    "sledging": "snow", "sledding": "snow", "tobogganing": "snow", "hike": "mountains",
    "hiking": "mountains", "mountaineering": "mountains", "camping": "forest",
    "fishing": "lake", "picnic": "park", "jog": "park", "jogging": "park", "golf": "field",
    "sail": "sea", "sailing": "sea", "cycling": "road", "bake": "kitchen",
    "baking": "kitchen", "whisk": "kitchen", "knead": "kitchen", "sift": "kitchen",
    "fly": "sky", "flying": "sky", "flight": "sky", "water polo": "swimming pool",
    "football": "stadium", "soccer": "stadium", "rugby": "stadium", "cricket": "stadium",
    "hockey": "stadium", "baseball": "stadium", "tennis": "stadium",
    **dict.fromkeys(
        ("slice", "chop", "peel", "grate", "stir", "fry", "simmer", "boil", "dice",
         "marinate", "mash", "roast", "saute", "sauté", "preheat", "drain"), "kitchen"),
}  # fmt: skip
"""Doings (verbs, nouns, gerunds) that happen in one kind of place: "we went surfing",
"my daughter plays water polo", "sift the flour", "the flight to Lisbon". Flying is the
sky only where what flies is an aircraft or a person (a bird flies anywhere)."""
COOKING_VERBS = frozenset(
    place for place, setting in ACTIVITY_SETTINGS.items() if setting == "kitchen"
)
"""Doings of the kitchen, which are its only as verbs with an object ("slice the lemon",
not "a slice")."""
SNOW_THINGS = frozenset(
    {"snowman", "snowball", "sled", "sledge", "toboggan", "igloo", "skier", "snowboarder",
     "ski", "snowboard", "snow angel", "ice skater"}
)  # fmt: skip
"""Things that are only where snow lies: a snowman in the yard is a garden in winter."""
RECIPE_MEASURES = frozenset({"pinch", "knob", "teaspoon", "tablespoon", "dash", "sprinkle"})
"""Measures of a recipe: "add a pinch of salt and a knob of butter" is in a kitchen."""
COOKING = frozenset({"make", "cook", "prepare", "fry", "bake", "heat", "warm"})
DISHES = frozenset(
    {"soup", "stew", "cake", "bread", "pancake", "pizza", "pasta", "curry", "dinner", "lunch",
     "breakfast", "sandwich", "omelette", "salad", "biscuit", "cookie", "pie", "porridge",
     "risotto", "sauce", "casserole", "muffin", "toast", "jam", "lasagne", "lasagna"}
)  # fmt: skip
"""Dishes that, made or cooked, are made in a kitchen: "tonight I'm making a big pot of
vegetable soup"."""
LAP_WORDS = frozenset({"lap", "length"})
"""Swum, these are lengths of a swimming pool: "she swims the last lap"."""
GROWING_VERBS = frozenset({"grow", "bloom", "blossom", "sprout", "ripen", "flower"})
PLANTS = frozenset(
    {"tomato", "potato", "carrot", "bean", "pea", "lettuce", "cabbage", "pumpkin", "onion",
     "strawberry", "raspberry", "flower", "rose", "tulip", "daisy", "sunflower", "plant",
     "vegetable", "herb", "seedling", "bulb", "daffodil", "lily", "courgette", "cucumber",
     "marrow", "bluebell", "poppy", "blossom", "bud"}
)  # fmt: skip
"""Plants that, growing or blooming, are in a garden: "the tomatoes are growing"."""
_FLIERS = frozenset({"i", "we", "you", "he", "she", "they", "plane", "airplane", "jet",
                     "pilot", "aeroplane", "helicopter"})  # fmt: skip


def _activity_of(token: Any) -> str | None:
    """The place a doing implies, if this token is one."""
    word, lemma = token.lower_, token.lemma_.lower()
    compound = next((c for c in token.children if c.dep_ == "compound"), None)
    if compound is not None:
        joined = f"{compound.lower_} {word}"
        if joined in ACTIVITY_SETTINGS:
            return ACTIVITY_SETTINGS[joined]
    if token.dep_ == "compound":
        # "water polo" is a doing, "baking soda" a thing.
        return ACTIVITY_SETTINGS.get(f"{word} {token.head.lower_}")
    if token.pos_ == "VERB" and any(c.dep_ == "neg" for c in token.children):
        return None  # "I can't fly this year"
    measure = lemma in RECIPE_MEASURES and token.pos_ == "NOUN"
    if measure and any(c.lower_ == "of" for c in token.children):
        return "kitchen"
    if lemma in DISHES and _cooked(token):
        return "kitchen"
    if lemma in LAP_WORDS and token.head.lemma_.lower() == "swim":
        return "swimming pool"
    if lemma in PLANTS and token.dep_ == "nsubj" and token.head.lemma_.lower() in GROWING_VERBS:
        return "garden"
    place = ACTIVITY_SETTINGS.get(word) or ACTIVITY_SETTINGS.get(lemma)
    if place is None or token.pos_ not in ("NOUN", "VERB", "PROPN"):
        return None
    if lemma in COOKING_VERBS and not any(c.dep_ == "dobj" for c in token.children):
        return None  # "sift the flour"; "a slice of cake", "vinegar and baking soda" no
    if lemma == "fly" and token.pos_ == "VERB":
        subjects = [c.lower_ for c in token.children if c.dep_ == "nsubj"]
        return place if subjects and all(s in _FLIERS for s in subjects) else None
    if place == "stadium":
        # "my son plays football", "the tennis match": a game, not a ball or a cricket.
        playing = token.head.lemma_.lower() in ("play", "watch", "match", "game")
        after = any(c.lemma_.lower() in ("match", "game") for c in token.children)
        heads_match = token.dep_ == "compound" and token.head.lemma_.lower() in ("match", "game")
        return place if playing or after or heads_match else None
    return place


def _cooked(dish: Any) -> bool:
    """True for a dish that is the object of cooking ("making soup", "making a big pot of
    soup", "she baked a cake")."""
    head = dish.head
    if dish.dep_ == "pobj" and head.lower_ == "of":
        dish = head.head  # "a pot of soup"
        head = dish.head
    return dish.dep_ == "dobj" and head.lemma_.lower() in COOKING


def implied_place(
    doc: Any, nouns: Sequence[str], skipped_tokens: Collection[int] = ()
) -> str | None:
    """The place the sentence's things (``nouns``, in the order said) or, failing them,
    its doings imply, or ``None``; ``skipped_tokens`` (idioms, names) imply nothing."""
    for noun in nouns:
        place = THING_SETTINGS.get(noun)
        if place is not None:
            return place
    for token in doc:
        if token.i in skipped_tokens:
            continue
        place = _activity_of(token)
        if place is not None:
            return place
    return None
