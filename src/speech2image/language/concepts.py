"""Things that need more than a word list: compound nouns, and abstract ideas as symbols.

Abstract sentences ("it was the age of wisdom") still get a picture: each abstract idea
maps to a concrete thing that stands for it, in the tradition of emblem books and of
WordsEye's depiction of abstract words (Coyne and Sproat, 2001).
"""

from __future__ import annotations

COCO_CLASSES = (
    "person", "bicycle", "car", "motorcycle", "airplane", "bus", "train", "truck", "boat",
    "traffic light", "fire hydrant", "stop sign", "parking meter", "bench", "bird", "cat",
    "dog", "horse", "sheep", "cow", "elephant", "bear", "zebra", "giraffe", "backpack",
    "umbrella", "handbag", "tie", "suitcase", "frisbee", "skis", "snowboard", "sports ball",
    "kite", "baseball bat", "baseball glove", "skateboard", "surfboard", "tennis racket",
    "bottle", "wine glass", "cup", "fork", "knife", "spoon", "bowl", "banana", "apple",
    "sandwich", "orange", "broccoli", "carrot", "hot dog", "pizza", "donut", "cake", "chair",
    "couch", "potted plant", "bed", "dining table", "toilet", "tv", "laptop", "mouse",
    "remote", "keyboard", "cell phone", "microwave", "oven", "toaster", "sink",
    "refrigerator", "book", "clock", "vase", "scissors", "teddy bear", "hair drier",
    "toothbrush",
)  # fmt: skip
"""The 80 object classes of COCO, as GenEval names them."""

KNOWN_NOUNS = frozenset(
    {*COCO_CLASSES, "ski", "kitten", "puppy", "duck", "frog", "rock", "tree", "house",
     "flower", "fish", "ball", "table", "lamp", "fence", "taxi", "shoe", "egg", "basket",
     "rabbit", "crab", "goat", "kite", "camel", "owl", "pigeon", "girl", "boy", "man",
     "woman", "child", "snowman", "astronaut", "rocket", "star", "moon", "sun", "cloud"}
)  # fmt: skip
"""Nouns recognised even where the small spaCy model tags them otherwise ("an oven" as an
adjective, "the remote" as an adjective)."""
MASS_NOUNS = frozenset(
    {"broccoli", "rice", "grass", "water", "sand", "money", "bread", "cheese", "milk",
     "juice", "soup", "hair", "corn", "pasta", "spaghetti", "salad", "luggage", "skis",
     "scissors", "glasses", "pants", "trousers", "jeans", "shorts", "fish", "sheep", "deer"}
)  # fmt: skip
"""Nouns whose plural form (or whose only form) does not mean several: one is drawn."""

COMPOUND_NOUNS = frozenset(
    {"fire hydrant", "stop sign", "parking meter", "traffic light", "cell phone",
     "mobile phone", "hair drier", "hair dryer", "dining table", "wine glass",
     "tennis racket", "baseball bat", "baseball glove", "sports ball", "potted plant",
     "teddy bear", "hot dog", "ice cream", "polar bear", "christmas tree", "palm tree",
     "light bulb", "police car", "fire truck", "fire engine", "hot air balloon",
     "soccer ball", "basketball hoop", "coffee cup", "tea cup", "birthday cake",
     "computer mouse", "remote control", "school bus", "race car", "sail boat",
     "space shuttle", "washing machine", "bus stop", "teddy bears", "water bottle",
     "french fries", "alarm clock", "paper plane", "pine tree", "maple leaf",
     "golf ball", "tennis ball", "hair brush", "tooth brush", "guinea pig",
     "sea turtle", "ice cube", "credit card", "video game", "steam train"}
)  # fmt: skip
"""Two- and three-word names of one thing; spaCy sometimes tags the first word an
adjective ("hot dog"), so these are joined whatever the tags say."""

CONCEPT_SYMBOLS = {
    "wisdom": "owl", "knowledge": "books", "learning": "books", "study": "books",
    "education": "graduation cap", "foolishness": "clown face", "folly": "clown face",
    "age": "hourglass done", "epoch": "hourglass done", "era": "hourglass done",
    "time": "hourglass done",
    "history": "scroll", "belief": "folded hands", "faith": "folded hands",
    "incredulity": "thinking face", "doubt": "thinking face", "light": "light bulb",
    "hope": "glowing star", "despair": "broken heart", "darkness": "new moon face",
    "dark": "new moon face", "love": "red heart", "heart": "red heart",
    "romance": "heart with ribbon", "friendship": "handshake", "peace": "dove",
    "war": "crossed swords", "battle": "crossed swords", "death": "skull",
    "life": "seedling", "birth": "baby", "growth": "seedling", "money": "money bag",
    "wealth": "money bag", "rich": "money bag", "poverty": "purse",
    "music": "musical note", "song": "musical notes", "idea": "light bulb",
    "thought": "thought balloon", "dream": "thought balloon", "sleep": "zzz",
    "joy": "grinning face", "happiness": "grinning face", "happy": "grinning face",
    "sadness": "crying face", "sad": "crying face", "anger": "angry face",
    "fear": "fearful face", "surprise": "astonished face", "luck": "four leaf clover",
    "victory": "trophy", "success": "trophy", "winning": "trophy", "power": "high voltage",
    "energy": "high voltage", "strength": "flexed biceps", "freedom": "bird",
    "justice": "balance scale", "law": "balance scale", "truth": "balance scale",
    "science": "microscope", "technology": "laptop", "art": "artist palette",
    "beauty": "rose", "nature": "deciduous tree", "spring": "tulip", "winter": "snowflake",
    "summer": "sun", "autumn": "fallen leaf", "season": "fallen leaf",
    "speed": "high voltage", "fire": "fire", "danger": "warning", "warning": "warning",
    "secret": "locked", "mystery": "magnifying glass tilted left", "question": "red question mark",
    "problem": "red question mark", "answer": "check mark", "travel": "airplane",
    "journey": "world map", "home": "house", "family": "family", "work": "briefcase",
    "job": "briefcase", "business": "briefcase", "game": "video game",
    "fun": "party popper", "party": "party popper", "celebration": "party popper",
    "magic": "magic wand", "god": "sun", "heaven": "cloud", "hell": "fire",
    "holiness": "dove", "evil": "smiling face with horns", "good": "thumbs up",
    "health": "red heart", "illness": "face with thermometer",
    "world": "globe showing europe-africa",
    "earth": "globe showing europe-africa", "country": "world map", "language": "speech balloon",
    "word": "speech balloon", "story": "open book", "news": "newspaper",
    "memory": "brain", "mind": "brain", "intelligence": "brain", "silence": "zipper-mouth face",
    "noise": "loudspeaker", "sound": "speaker high volume", "electricity": "high voltage",
    "weather": "sun behind cloud", "future": "crystal ball", "past": "hourglass done",
    "present": "wrapped gift", "gift": "wrapped gift", "luxury": "gem stone",
    "loneliness": "bust in silhouette", "hello": "waving hand", "greeting": "waving hand",
}  # fmt: skip
"""Abstract nouns (and a few adjectives) and the concrete thing drawn for each."""

GENERAL_THINGS = {
    "animal": "paw prints", "pet": "paw prints", "bird": "bird", "fish": "fish",
    "insect": "bug", "bug": "bug", "plant": "potted plant", "flower": "blossom",
    "tree": "deciduous tree", "food": "fork and knife with plate", "fruit": "red apple",
    "vegetable": "carrot", "drink": "cup with straw", "vehicle": "automobile",
    "machine": "gear", "appliance": "electric plug", "furniture": "chair",
    "tool": "hammer and wrench", "toy": "teddy bear", "building": "house",
    "container": "package", "device": "mobile phone", "instrument": "musical keyboard",
    "clothing": "t-shirt", "person": "person", "weapon": "dagger", "sign": "warning",
}  # fmt: skip
"""General things a noun falls back to when nothing close to it can be drawn."""
