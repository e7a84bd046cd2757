"""Curated names: which asset draws a common noun, and the nouns to embed ahead of time.

Embedding similarity alone picks "mouse face" for "mouse" and "couch and lamp" for "sofa"
well enough, but for the 80 COCO classes (Lin et al., 2014) and a few hundred everyday
nouns a hand-checked choice is both more faithful and free at run time.
"""

from __future__ import annotations

from speech2image.language.concepts import COCO_CLASSES

_OPENMOJI = {
    "person": "person standing", "human": "person standing",
    "car": "automobile", "auto": "automobile", "motorbike": "motorcycle",
    "plane": "airplane", "aeroplane": "airplane", "jet": "airplane", "train": "locomotive",
    "truck": "delivery truck", "lorry": "articulated lorry", "boat": "sailboat",
    "ship": "passenger ship", "traffic light": "vertical traffic light", "sheep": "ewe",
    "lamb": "ewe", "tie": "necktie", "suitcase": "luggage", "frisbee": "flying disc",
    "snowboard": "snowboarder", "sports ball": "soccer ball", "ball": "soccer ball",
    "football": "soccer ball", "baseball bat": "cricket game", "baseball glove": "softball",
    "surfboard": "person surfing", "tennis racket": "tennis", "racket": "tennis",
    "bottle": "bottle with popping cork", "cup": "hot beverage", "mug": "hot beverage",
    "coffee": "hot beverage", "tea": "teacup without handle", "fork": "fork and knife",
    "knife": "kitchen knife", "bowl": "bowl with spoon", "apple": "red apple",
    "orange": "tangerine", "donut": "doughnut", "cake": "shortcake",
    "plant": "potted plant",
    "houseplant": "potted plant", "tv": "television", "television set": "television",
    "mouse": "mouse", "computer mouse": "computer mouse", "cell phone": "mobile phone",
    "phone": "mobile phone", "cellphone": "mobile phone", "smartphone": "mobile phone",
    "book": "closed book", "clock": "mantelpiece clock", "watch": "watch",
    "tree": "deciduous tree", "flower": "blossom", "flowers": "bouquet", "moon": "crescent moon",
    "star": "star", "sun": "sun", "cloud": "cloud", "fish": "fish", "house": "house",
    "home": "house", "hat": "top hat", "shoe": "running shoe", "shirt": "t-shirt",
    "dress": "dress", "glasses": "glasses", "ring": "ring", "key": "key", "lock": "locked",
    "lamp": "light bulb", "light": "light bulb", "bulb": "light bulb", "candle": "candle",
    "gift": "wrapped gift", "present": "wrapped gift", "balloon": "balloon",
    "heart": "red heart", "girl": "girl", "boy": "boy", "man": "man", "woman": "woman",
    "child": "child", "kid": "child", "baby": "baby", "king": "prince", "queen": "princess",
    "policeman": "police officer", "police": "police officer", "doctor": "health worker",
    "teacher": "teacher", "farmer": "farmer", "chef": "cook", "astronaut": "astronaut",
    "ghost": "ghost", "robot": "robot", "alien": "alien", "monster": "alien monster",
    "dragon": "dragon", "unicorn": "unicorn", "computer": "laptop", "bike": "bicycle",
    "rocket": "rocket", "spaceship": "flying saucer", "ufo": "flying saucer",
    "mountain": "mountain", "hill": "mountain", "rock": "rock", "stone": "rock",
    "table": "table", "desk": "table", "kitchen table": "table", "sofa": "couch",
    "fridge": "refrigerator", "hair dryer": "hair drier", "remote": "remote control",
    "stove": "oven", "hydrant": "fire hydrant",
    "bread": "bread", "egg": "egg", "cheese": "cheese wedge", "milk": "glass of milk",
    "water": "droplet", "juice": "beverage box", "wine": "wine glass", "beer": "beer mug",
    "ice cream": "soft ice cream", "cookie": "cookie", "candy": "candy", "chocolate":
    "chocolate bar", "burger": "hamburger", "hamburger": "hamburger", "fries": "french fries",
    "soup": "pot of food", "salad": "green salad", "rice": "cooked rice", "grape": "grapes",
    "strawberry": "strawberry", "cherry": "cherries", "lemon": "lemon", "pear": "pear",
    "peach": "peach", "pineapple": "pineapple", "watermelon": "watermelon",
    "tomato": "tomato", "potato": "potato", "corn": "ear of corn", "pepper": "hot pepper",
    "mushroom": "mushroom", "nut": "chestnut", "pumpkin": "jack-o-lantern",
    "chicken": "chicken", "hen": "chicken", "rooster": "rooster", "duck": "duck",
    "pig": "pig", "goat": "goat", "rabbit": "rabbit", "bunny": "rabbit", "lion": "lion",
    "tiger": "tiger", "monkey": "monkey", "fox": "fox", "wolf": "wolf", "frog": "frog",
    "snake": "snake", "turtle": "turtle", "butterfly": "butterfly", "spider": "spider",
    "bee": "honeybee", "ant": "ant", "whale": "spouting whale", "dolphin": "dolphin",
    "shark": "shark", "octopus": "octopus", "crab": "crab", "penguin": "penguin",
    "owl": "owl", "eagle": "eagle", "parrot": "parrot", "swan": "swan", "deer": "deer",
    "squirrel": "chipmunk", "kitten": "cat", "puppy": "dog", "pony": "horse",
    "snail": "snail", "ladybug": "lady beetle", "insect": "bug", "worm": "worm",
    "dinosaur": "sauropod", "bat": "bat", "guitar": "guitar", "drum": "drum",
    "piano": "musical keyboard", "violin": "violin", "trumpet": "trumpet",
    "pencil": "pencil", "pen": "pen", "paper": "page facing up", "letter": "envelope",
    "map": "world map", "camera": "camera", "umbrella": "umbrella", "bag": "handbag",
    "sword": "dagger", "crown": "crown", "castle": "castle", "tent": "tent",
    "bridge": "bridge at night", "fountain": "fountain", "snowman": "snowman",
    "leaf": "leaf fluttering in wind", "grass": "herb", "bush": "potted plant",
    "cactus": "cactus", "palm tree": "palm tree", "pine tree": "evergreen tree",
    "christmas tree": "christmas tree", "wave": "water wave", "fire": "fire",
    "toothbrush": "toothbrush", "bucket": "bucket", "ladder": "ladder", "door": "door",
    "window": "window", "mirror": "mirror", "basket": "basket", "box": "package",
    "toy": "teddy bear", "doll": "nesting dolls", "bell": "bell", 
    "kite": "kite", "hammer": "hammer", "saw": "carpentry saw", "axe": "axe",
    "wheel": "wheel", "airplane": "airplane", "helicopter": "helicopter",
    "tractor": "tractor", "taxi": "taxi", "ambulance": "ambulance",
    "fire truck": "fire engine", "police car": "police car", "race car": "racing car",
    "school bus": "bus", "anchor": "anchor",
    "dining table": "table", "people": "person standing", "ski": "skis",
}  # fmt: skip

FALLBACK_ALIASES = frozenset(
    {"desk", "baseball glove", "baseball bat", "surfboard",
     "snowboard", "tennis racket", "lamp", "squirrel", "king", "queen", "doll",
     "toy", "grass", "bush", "pumpkin", "dinosaur", "piano", "sword", "box"}
)  # fmt: skip
"""Aliases that draw a related thing, not the thing itself: recorded as fallbacks."""

ALIASES = {"openmoji": _OPENMOJI}
"""Per pack: noun (singular, lower case) to the asset name that draws it."""

COMMON_NOUNS = tuple(dict.fromkeys((*COCO_CLASSES, *_OPENMOJI)))
"""Nouns whose query embeddings are computed at install time."""
