"""Curated names: which asset draws a common noun, and the nouns to embed ahead of time.

Embedding similarity alone picks "mouse face" for "mouse" and "couch and lamp" for "sofa"
well enough, but for the 80 COCO classes (Lin et al., 2014) and a few hundred everyday
nouns a hand-checked choice is both more faithful and free at run time.
"""

from __future__ import annotations

from speech2image.language.concepts import COCO_CLASSES

_OPENMOJI = {
    "person": "person standing", "human": "person standing", "car": "automobile",
    "auto": "automobile", "motorbike": "motorcycle", "plane": "airplane", "aeroplane": "airplane",
    "jet": "airplane", "train": "locomotive", "truck": "delivery truck",
    "lorry": "articulated lorry", "boat": "sailboat", "ship": "passenger ship",
    "traffic light": "vertical traffic light", "sheep": "ewe", "lamb": "ewe", "tie": "necktie",
    "suitcase": "luggage", "frisbee": "flying disc", "snowboard": "snowboarder",
    "sports ball": "soccer ball", "ball": "soccer ball", "football": "soccer ball",
    "baseball bat": "cricket game", "baseball glove": "gloves", "surfboard": "person surfing",
    "tennis racket": "tennis", "racket": "tennis", "bottle": "glass bottle", "cup": "hot beverage",
    "mug": "hot beverage", "coffee": "hot beverage", "tea": "teacup without handle",
    "fork": "fork and knife", "knife": "kitchen knife", "bowl": "bowl with spoon",
    "apple": "red apple", "orange": "tangerine", "donut": "doughnut", "cake": "shortcake",
    "plant": "potted plant", "houseplant": "potted plant", "tv": "television",
    "television set": "television", "mouse": "mouse", "computer mouse": "computer mouse",
    "cell phone": "mobile phone", "phone": "mobile phone", "cellphone": "mobile phone",
    "smartphone": "mobile phone", "book": "closed book", "clock": "mantelpiece clock",
    "watch": "watch", "tree": "deciduous tree", "flower": "blossom", "flowers": "bouquet",
    "moon": "crescent moon", "star": "star", "sun": "sun", "cloud": "cloud", "fish": "fish",
    "house": "house", "home": "house", "hat": "top hat", "shoe": "running shoe",
    "shirt": "t-shirt", "dress": "dress", "glasses": "glasses", "ring": "ring", "key": "key",
    "lock": "locked", "lamp": "light bulb", "light": "light bulb", "bulb": "light bulb",
    "candle": "candle", "gift": "wrapped gift", "present": "wrapped gift", "balloon": "balloon",
    "heart": "red heart", "girl": "girl", "boy": "boy", "man": "man", "woman": "woman",
    "child": "child", "kid": "child", "baby": "baby", "king": "prince", "queen": "princess",
    "policeman": "police officer", "police": "police officer", "doctor": "health worker",
    "teacher": "teacher", "farmer": "farmer", "chef": "cook", "astronaut": "astronaut",
    "ghost": "ghost", "robot": "robot", "alien": "alien", "monster": "alien monster",
    "dragon": "dragon", "unicorn": "unicorn", "computer": "laptop", "bike": "bicycle",
    "rocket": "rocket", "spaceship": "flying saucer", "ufo": "flying saucer",
    "mountain": "mountain", "hill": "mountain", "rock": "rock", "stone": "rock", "table": "table",
    "desk": "table", "kitchen table": "table", "sofa": "couch", "fridge": "refrigerator",
    "hair dryer": "hair drier", "remote": "remote control", "stove": "oven",
    "hydrant": "fire hydrant", "bread": "bread", "egg": "egg", "cheese": "cheese wedge",
    "milk": "glass of milk", "water": "droplet", "juice": "beverage box", "wine": "wine glass",
    "beer": "beer mug", "ice cream": "soft ice cream", "cookie": "cookie", "candy": "candy",
    "burger": "hamburger", "hamburger": "hamburger", "fries": "french fries",
    "soup": "pot of food", "salad": "green salad", "rice": "cooked rice", "grape": "grapes",
    "strawberry": "strawberry", "cherry": "cherries", "lemon": "lemon", "pear": "pear",
    "peach": "peach", "pineapple": "pineapple", "watermelon": "watermelon", "tomato": "tomato",
    "potato": "potato", "corn": "ear of corn", "pepper": "hot pepper", "mushroom": "mushroom",
    "nut": "chestnut", "pumpkin": "jack-o-lantern", "chicken": "chicken", "hen": "chicken",
    "rooster": "rooster", "duck": "duck", "pig": "pig", "goat": "goat", "rabbit": "rabbit",
    "bunny": "rabbit", "lion": "lion", "tiger": "tiger", "monkey": "monkey", "fox": "fox",
    "wolf": "wolf", "frog": "frog", "snake": "snake", "turtle": "turtle", "butterfly": "butterfly",
    "spider": "spider", "bee": "honeybee", "ant": "ant", "whale": "spouting whale",
    "dolphin": "dolphin", "shark": "shark", "octopus": "octopus", "crab": "crab",
    "penguin": "penguin", "owl": "owl", "eagle": "eagle", "parrot": "parrot", "swan": "swan",
    "deer": "deer", "squirrel": "chipmunk", "kitten": "cat", "puppy": "dog", "pony": "horse",
    "snail": "snail", "ladybug": "lady beetle", "insect": "bug", "worm": "worm",
    "dinosaur": "sauropod", "bat": "bat", "guitar": "guitar", "drum": "drum",
    "piano": "musical keyboard", "violin": "violin", "trumpet": "trumpet", "pencil": "pencil",
    "pen": "pen", "paper": "page facing up", "letter": "envelope", "map": "world map",
    "camera": "camera", "umbrella": "umbrella", "bag": "handbag", "sword": "dagger",
    "crown": "crown", "castle": "castle", "tent": "tent", "bridge": "bridge at night",
    "fountain": "fountain", "snowman": "snowman", "leaf": "leaf fluttering in wind",
    "cactus": "cactus", "palm tree": "palm tree", "pine tree": "evergreen tree",
    "christmas tree": "christmas tree", "wave": "water wave", "fire": "fire",
    "toothbrush": "toothbrush", "bucket": "bucket", "ladder": "ladder", "door": "door",
    "window": "window", "mirror": "mirror", "basket": "basket", "box": "package",
    "toy": "teddy bear", "doll": "nesting dolls", "bell": "bell", "kite": "kite",
    "hammer": "hammer", "saw": "carpentry saw", "axe": "axe", "wheel": "wheel",
    "airplane": "airplane", "helicopter": "helicopter", "tractor": "tractor", "taxi": "taxi",
    "ambulance": "ambulance", "fire truck": "fire engine", "police car": "police car",
    "race car": "racing car", "school bus": "bus", "anchor": "anchor", "dining table": "table",
    "people": "person standing", "ski": "skis",
}  # fmt: skip

_OPENMOJI_PEOPLE = {
    "grandfather": "old man", "grandpa": "old man", "granddad": "old man",
    "grandmother": "old woman", "grandma": "old woman", "granny": "old woman",
    "grandparent": "older person", "elder": "older person", "old lady": "old woman",
    "old man": "old man", "old woman": "old woman", "lady": "woman", "gentleman": "man",
    "guy": "man", "father": "man", "dad": "man", "daddy": "man", "husband": "man", "uncle": "man",
    "brother": "man", "mother": "woman", "mom": "woman", "mum": "woman", "mummy": "woman",
    "mommy": "woman", "wife": "woman", "aunt": "woman", "sister": "woman", "son": "boy",
    "daughter": "girl", "schoolboy": "boy", "schoolgirl": "girl", "toddler": "child",
    "infant": "baby", "newborn": "baby", "parent": "person standing", "friend": "person standing",
    "neighbor": "person standing", "neighbour": "person standing", "stranger": "person standing",
    "adult": "person standing", "teenager": "person standing", "customer": "person standing",
    "visitor": "person walking", "pedestrian": "person walking", "passenger": "person standing",
    "couple": "people hugging", "crowd": "busts in silhouette", "pupil": "student",
    "classmate": "student", "professor": "teacher", "tutor": "teacher", "nurse": "health worker",
    "dentist": "health worker", "surgeon": "health worker", "vet": "health worker",
    "veterinarian": "health worker", "paramedic": "health worker", "baker": "cook",
    "butcher": "cook", "barista": "barista", "gardener": "farmer",
    "fisherman": "person rowing boat", "sailor": "person rowing boat", "plumber": "mechanic",
    "electrician": "mechanic", "builder": "construction worker", "worker": "factory worker",
    "engineer": "technologist", "programmer": "technologist", "developer": "technologist",
    "chemist": "scientist", "researcher": "scientist", "lawyer": "judge", "captain": "pilot",
    "fireman": "firefighter", "firewoman": "firefighter", "policewoman": "police officer",
    "cop": "police officer", "officer": "police officer", "spy": "detective", "soldier": "guard",
    "knight": "guard", "musician": "singer", "painter": "artist", "clerk": "office worker",
    "secretary": "office worker", "accountant": "office worker",
    "businessman": "man office worker", "businesswoman": "woman office worker",
    "boss": "office worker", "manager": "office worker", "king": "person with crown",
    "emperor": "person with crown", "wizard": "mage", "witch": "mage", "sorcerer": "mage",
    "giant": "troll", "villain": "supervillain", "santa": "Santa Claus", "angel": "baby angel",
    "dancer": "ballet dancer", "ballerina": "ballet dancer", "runner": "person running",
    "jogger": "person running", "walker": "person walking", "hiker": "person walking",
    "climber": "person climbing", "swimmer": "person swimming", "surfer": "person surfing",
    "cyclist": "person biking", "biker": "person biking", "golfer": "person golfing",
    "rower": "person rowing boat", "jockey": "horse racing", "rider": "horse riding",
    "juggler": "person juggling", "clown": "clown face", "bride": "person with veil",
    "groom": "person in tuxedo", "dj": "dj", "writer": "person standing",
    "author": "person standing", "poet": "person standing", "driver": "person standing",
    "reader": "person standing", "hunter": "person standing", "tourist": "person walking",
    "cleaner": "person standing", "waiter": "person standing", "waitress": "woman standing",
    "president": "person standing", "nanny": "woman standing", "babysitter": "person standing",
    "ranger": "person standing", "mayor": "person standing", "actor": "person standing",
    "actress": "woman standing", "player": "person standing", "servant": "person standing",
    "niece": "girl", "nephew": "boy", "grandson": "boy", "granddaughter": "girl",
    "grandchild": "child", "cousin": "person standing", "boxer": "person standing",
    "referee": "person standing", "fencer": "person standing", "pirate": "person standing",
    "umpire": "person standing", "lifeguard": "person standing",
    "goalkeeper": "person standing",
}  # fmt: skip
"""People, family and roles: a person who looks the part (a grandfather is an old man)."""

_OPENMOJI_THINGS = {
    "pan": "cooking", "frying pan": "cooking", "pot": "pot of food", "kettle": "teapot",
    "plate": "fork and knife with plate", "dish": "shallow pan of food", "glass": "tumbler glass",
    "jug": "milk jug", "napkin": "roll of paper", "toilet paper": "roll of paper",
    "armchair": "armchair", "seat": "chair", "stool": "chair", "bath": "bathtub", "tub": "bathtub",
    "bin": "wastebasket", "trash can": "wastebasket", "dustbin": "wastebasket",
    "wastebasket": "wastebasket", "bookshelf": "books", "stairs": "stairway",
    "staircase": "stairway", "wall": "brick", "bricks": "brick", "log": "wood", "firewood": "wood",
    "picture": "picture", "painting": "picture", "photo": "picture", "photograph": "picture",
    "elevator": "elevator", "lift": "elevator", "cart": "shopping cart",
    "trolley": "shopping cart", "ruler": "straight ruler", "folder": "file folder",
    "notebook": "spiral notepad", "notepad": "spiral notepad", "diary": "notebook",
    "magazine": "newspaper", "backpack": "backpack", "schoolbag": "backpack",
    "rucksack": "backpack", "purse": "purse", "wallet": "purse", "coat": "coat", "jacket": "coat",
    "sweater": "coat", "jumper": "coat", "trousers": "jeans", "pants": "jeans",
    "sneaker": "running shoe", "boot": "hiking boot", "sandal": "thong sandal",
    "slipper": "flat shoe", "cap": "billed cap", "helmet": "motorbike helmet",
    "swimsuit": "one-piece swimsuit", "skirt": "dress", "gown": "dress",
    "suit": "person in tuxedo", "uniform": "safety vest", "toast": "bread", "loaf": "bread",
    "bun": "bread", "pancake": "pancakes", "steak": "cut of meat", "meat": "meat on bone",
    "ham": "meat on bone", "chicken leg": "poultry leg", "drumstick": "poultry leg",
    "noodles": "steaming bowl", "noodle": "steaming bowl", "pasta": "spaghetti",
    "cereal": "bowl with spoon", "porridge": "bowl with spoon", "stew": "pot of food",
    "curry": "curry rice", "biscuit": "cookie", "muffin": "cupcake", "cupcake": "cupcake",
    "pie": "pie", "tart": "pie", "dessert": "custard", "pudding": "custard", "sweet": "candy",
    "lollipop": "lollipop", "honey": "honey pot", "jam": "jar", "lettuce": "leafy green",
    "cabbage": "leafy green", "spinach": "leafy green", "kiwi": "kiwi fruit", "melon": "melon",
    "bean": "beans", "pea": "beans", "sausage": "hot dog", "soda": "cup with straw",
    "lemonade": "tropical drink", "cocktail": "cocktail glass", "smoothie": "cup with straw",
    "cocoa": "hot beverage", "hot chocolate": "hot beverage", "espresso": "hot beverage",
    "latte": "latte macchiato", "chick": "baby chick", "crow": "black bird", "raven": "black bird",
    "robin": "bird", "sparrow": "bird", "seagull": "bird", "gull": "bird",
    "blackbird": "black bird", "goldfish": "goldfish", "salmon": "fish", "trout": "fish",
    "tuna": "fish", "jellyfish": "jellyfish", "shell": "spiral shell", "seashell": "spiral shell",
    "hippo": "hippopotamus", "rhino": "rhinoceros", "cheetah": "leopard", "jaguar": "leopard",
    "panther": "leopard", "bull": "ox", "calf": "cow", "cattle": "cow", "buffalo": "water buffalo",
    "reindeer": "deer", "elk": "moose", "ram": "ram", "piglet": "pig", "foal": "horse",
    "donkey": "donkey", "mule": "donkey", "hare": "rabbit", "bunny rabbit": "rabbit",
    "lizard": "lizard", "alligator": "crocodile", "caterpillar": "bug", "beetle": "beetle",
    "mosquito": "mosquito", "fly": "fly", "bumblebee": "honeybee", "wasp": "honeybee",
    "van": "minibus", "minivan": "minibus", "jeep": "sport utility vehicle",
    "suv": "sport utility vehicle", "pickup": "pickup truck", "scooter": "kick scooter",
    "moped": "motor scooter", "tram": "tram car", "streetcar": "tram car", "subway": "metro",
    "underground": "metro", "railway": "railway track", "kayak": "canoe", "yacht": "speedboat",
    "motorboat": "motor boat", "ferry": "ferry", "wheelchair": "manual wheelchair",
    "skates": "roller skate", "roller skates": "roller skate", "sled": "sled", "sledge": "sled",
    "shop": "convenience store", "store": "convenience store", "supermarket": "department store",
    "mall": "department store", "church": "church", "mosque": "mosque", "temple": "hindu temple",
    "museum": "classical building", "cottage": "house with garden", "hut": "hut", "cabin": "hut",
    "barn": "hut", "skyscraper": "office building", "building": "office building",
    "tower": "Tokyo tower", "cafe": "cafeteria", "café": "cafeteria",
    "restaurant": "fork and knife with plate", "lighthouse": "lighthouse of alexandria",
    "pyramid": "great pyramid of giza", "island": "desert island", "beach": "beach with umbrella",
    "volcano": "volcano", "sea": "water wave", "ocean": "water wave", "rainbow": "rainbow",
    "rain": "cloud with rain", "snow": "snowflake", "lightning": "cloud with lightning",
    "storm": "cloud with lightning and rain", "tornado": "tornado", "wind": "wind face",
    "daisy": "blossom", "lily": "blossom", "rosebud": "rose", "plant pot": "potted plant",
    "hay": "sheaf of rice", "wheat": "sheaf of rice", "mower": "lawn mower",
    "lawnmower": "lawn mower", "wheelbarrow": "wheelbarrow", "spade": "spade", "shovel": "shovel",
    "rope": "knot", "chain": "chains", "plug": "electric plug", "socket": "outlet",
    "torch": "flashlight", "lantern": "red paper lantern", "coin": "coin",
    "cash": "dollar banknote", "card": "credit card", "ticket": "ticket", "puzzle": "puzzle piece",
    "die": "game die", "dice": "game die", "chess": "chess pawn", "medal": "sports medal",
    "tooth": "tooth", "bone": "bone", "pill": "pill", "medicine": "pill",
    "bandage": "adhesive bandage", "thermometer": "clinical thermometer", "syringe": "syringe",
    "tablet": "tablet", "laptop": "laptop", "printer": "printer", "headphones": "headphone",
    "microphone": "microphone", "radio": "radio", "telephone": "telephone",
    "video camera": "video camera", "film": "film frames", "movie": "clapper board",
    "envelope": "envelope", "parcel": "package", "package": "package", "mailbox": "postbox",
    "postbox": "postbox", "broom": "broom", "mop": "broom", "soap": "soap", "drawing": "picture",
    "telescope": "telescope", "globe": "globe showing europe-africa", "compass": "compass",
    "trophy": "trophy", "cup final": "trophy", "guitarist": "guitar", "drummer": "drum",
    "pianist": "musical keyboard", "violinist": "violin", "trumpeter": "trumpet",
    "saxophone": "saxophone", "flute": "flute", "harp": "harp", "bagpipe": "musical notes",
    "bush": "herb", "shrub": "herb", "hedge": "herb", "screen": "desktop computer",
    "monitor": "desktop computer", "tin": "canned food", "can": "canned food",
    "necklace": "prayer beads", "lavender": "blossom", "sea lion": "seal",
    "charger": "electric plug", "phone charger": "electric plug", "stick": "wood",
    "wedding cake": "birthday cake", "saucer": "teacup without handle", "guinea pig": "hamster",
    "hummingbird": "bird", "woodpecker": "bird", "ladybird": "lady beetle", "moth": "butterfly",
    "crayfish": "lobster", "teacup": "teacup without handle", "ice cube": "ice",
    "fishing rod": "fishing pole", "flower pot": "potted plant", "water bottle": "plastic bottle",
    "school bag": "backpack", "golf club": "person golfing", "tortoise": "turtle",
    "pond": "water wave", "duckling": "baby chick", "gosling": "baby chick",
    "cygnet": "swan", "fawn": "deer", "joey": "kangaroo", "owlet": "owl",
}  # fmt: skip
"""Everyday things whose OpenMoji name is not the word people say."""

_BRITISH = {
    "telly": "television", "chip": "french fries", "chips": "french fries",
    "brolly": "umbrella", "specs": "glasses", "welly": "hiking boot",
    "wellington": "hiking boot", "loo": "toilet", "settee": "couch",
    "lolly": "lollipop", "ice lolly": "lollipop", "fizzy drink": "cup with straw",
    "aubergine": "eggplant", "biro": "pen", "mobile": "mobile phone", "sweetie": "candy",
    "jam jar": "jar", "dressing gown": "coat",
    "gran": "old woman", "grandad": "old man", "lad": "boy", "lass": "girl",
    "mate": "person standing", "letterbox": "postbox", "hob": "cooking",
    "goalie": "person standing",
}  # fmt: skip
"""British words for things the pack names in American English or by another word ("fish
and chips" are french fries, "the telly" is a television)."""


RELATED_ALIASES = frozenset(
    {"desk", "baseball glove", "baseball bat", "surfboard", "snowboard", "tennis racket", "lamp",
     "squirrel", "king", "queen", "doll", "toy", "pumpkin", "piano", "sword", "fisherman",
     "sailor", "wall", "log", "magazine", "dessert", "pianist", "guitarist", "drummer",
     "violinist", "trumpeter", "sausage", "moth", "stick", "golf club", "saucer", "knight",
     "giant", "suit", "uniform", "bush", "shrub", "hedge", "necklace", "lavender", "cousin",
     "boxer", "referee", "fencer", "pirate", "umpire", "lifeguard", "goalie", "goalkeeper"}
)  # fmt: skip
"""Aliases that draw a related thing a person accepts (a desk as a table, a fisherman as a
person rowing a boat), not the thing itself: drawn, with :data:`RELATED_SCORE`."""
RELATED_SCORE = 0.7
"""Match score recorded for a :data:`RELATED_ALIASES` drawing (above the threshold)."""

_KINDS = {
    "dog": ("labrador", "retriever", "beagle", "spaniel", "dalmatian", "collie", "bulldog",
            "terrier", "husky", "dachshund", "greyhound", "chihuahua", "pug", "sheepdog",
            "alsatian", "rottweiler", "labradoodle", "corgi", "whippet", "mutt", "hound"),
    "cat": ("tabby", "moggy", "siamese cat", "persian cat", "tomcat"),
    "deciduous tree": ("oak", "oak tree", "willow", "willow tree", "birch", "birch tree",
                       "maple tree", "beech", "beech tree", "elm", "poplar", "sycamore",
                       "chestnut tree", "apple tree", "cherry tree", "pear tree", "plum tree"),
    "evergreen tree": ("pine", "pine tree", "fir", "fir tree", "spruce", "cedar", "conifer",
                       "yew"),
    "blossom": ("daisy", "daffodil", "lily", "poppy", "violet", "orchid", "lavender",
                "marigold", "bluebell", "buttercup", "dandelion", "carnation", "peony"),
    "fish": ("salmon", "trout", "cod", "carp", "tuna", "herring", "sardine", "minnow"),
    "hut": ("shed", "cabin", "shack", "barn", "cottage"),
}  # fmt: skip
"""Kinds of a thing the pack draws only in general (dog breeds, tree and flower species,
fish of the table, small wooden buildings): each drawn by the general thing's asset. Only
true kinds: "a labrador" is a dog, but a noun merely near "dog" is not."""

ALIASES = {
    "openmoji": {
        **{kind: asset for asset, kinds in _KINDS.items() for kind in kinds},
        **_OPENMOJI,
        **_OPENMOJI_THINGS,
        **_OPENMOJI_PEOPLE,
        **_BRITISH,
    }
}
"""Per pack: noun (singular, lower case) to the asset name that draws it. A pack without a
table of its own uses OpenMoji's (other packs name their drawings by the same CLDR names)."""

AGE_VARIANTS = {
    ("old", "woman"): "old woman", ("old", "lady"): "old woman", ("old", "man"): "old man",
    ("old", "gentleman"): "old man", ("old", "person"): "older person",
    ("old", "people"): "older person", ("baby", "person"): "baby", ("baby", "child"): "baby",
    ("baby", "human"): "baby", ("young", "person"): "child",
}  # fmt: skip
"""(age, noun) to the asset that shows the age. Other nouns keep their own drawing: a baby
elephant is an elephant (drawn smaller by the layout), an old dog a dog."""

MAN_SUFFIXES = ("man", "woman", "men")
"""Endings of a person's role (postman, chairwoman): always a person, the nearest one by
embedding when it is close, else a plain man or woman."""
ROLE_SUFFIXES = ("er", "ist", "or", "ess", "ian", "ant", "ent")
"""Endings of role nouns (baker, dentist, actor, waitress, librarian, assistant, student):
such a noun is drawn as a person only when its nearest asset is a person (so "river",
"paper" and "dinner" never become people)."""
GENERIC_PEOPLE = {
    "man": "man standing",
    "woman": "woman standing",
    "men": "man standing",
    "": "person standing",
}
"""Who draws a role whose own asset is not close enough, by the noun's ending."""

PERSON_GROUPS = ("people-body/person", "extras-openmoji/people")
"""Group prefixes of person assets (roles, activities, sports, fantasy)."""

UNMATCHED_GROUPS = (
    "extras-openmoji/brand", "extras-openmoji/flags", "extras-unicode/subdivision-flag",
    "extras-unicode/regional-indicator", "extras-openmoji/ui-element",
    "extras-openmoji/queer-symbols", "extras-unicode/symbol-other", "flags/", "symbols/",
)  # fmt: skip
"""Group prefixes never matched to an ordinary noun by name or embedding (logos, flags,
letters, signs): "edge" is a browser logo's name, "bus stop" and "Friday" land near signs.
A curated alias or an idea's symbol may still name one (a question as a question mark)."""

UNMATCHED_NAMES = frozenset(
    {"trump", "greta thunberg", "middle finger", "drunk person", "hal 9000", "tardis",
     "guy fawkes mask", "kehrwoche", "spätzlepresse", "european name badge", "pile of poo",
     "love hotel", "ice shelf", "wireframes", "ai hand", "qr code", "barcode"}
)  # fmt: skip
"""Assets never matched by name or embedding: real people, rude gestures, in-jokes."""

NEVER_MATCHED = frozenset(
    {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "weekend",
     "january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december", "today", "tomorrow", "yesterday", "thing", "stuff", "way",
     "lot", "bit", "kind", "sort", "part", "side", "end", "edge", "seahorse", "starfish"}
)  # fmt: skip
"""Words that never name a drawable thing, whatever an embedding says (a weekday is not a
calendar, an edge not a browser), and things no pack draws whose nearest drawing misleads
(a seahorse is not a horse)."""

COMMON_NOUNS = tuple(dict.fromkeys((*COCO_CLASSES, *ALIASES["openmoji"])))
"""Nouns whose query embeddings are computed at install time."""


def alias_for(pack: str, noun: str) -> str | None:
    """The asset name ``pack`` draws ``noun`` with, falling back to OpenMoji's table."""
    table = ALIASES.get(pack, ALIASES["openmoji"])
    return table.get(noun) or ALIASES["openmoji"].get(noun)
