"""The pack side of ideas: which OpenMoji draws an idea, an abstract word or a category.

Word tables (which words name an idea) belong to the language stage; the asset names that
draw them belong to the pack, here. A concept object (``SceneObject.concept``, its noun one
of :data:`speech2image.scene.CONCEPTS`) is drawn with its :data:`CONCEPT_ASSETS` entry, not
matched by embedding: growth is a rising chart, agreement a handshake, in the tradition of
emblem books and of WordsEye's depiction of abstract words (Coyne and Sproat, 2001).
"""

from __future__ import annotations

CONCEPT_ASSETS = {
    "growth": "chart increasing", "decline": "chart decreasing", "money": "money bag",
    "time": "hourglass not done", "date": "spiral calendar", "agreement": "handshake",
    "disagreement": "thumbs down", "question": "thinking face", "idea": "light bulb",
    "thinking": "thinking face", "love": "red heart", "happiness": "grinning face",
    "sadness": "crying face", "anger": "angry face", "fear": "fearful face",
    "surprise": "astonished face", "music": "musical notes", "work": "briefcase",
    "meeting": "busts in silhouette", "school": "school", "learning": "books",
    "travel": "airplane", "success": "trophy", "failure": "cross mark",
    "problem": "red question mark", "greeting": "waving hand", "farewell": "waving hand",
    "thanks": "folded hands", "sleep": "zzz", "danger": "warning",
    "celebration": "party popper", "health": "red heart", "illness": "face with thermometer",
    "communication": "speech balloon", "home": "house", "food": "fork and knife with plate",
    "sport": "soccer ball", "peace": "dove", "war": "crossed swords", "death": "skull",
    "birth": "baby", "hope": "glowing star", "luck": "four leaf clover",
    "science": "microscope", "technology": "laptop", "art": "artist palette",
    "nature": "deciduous tree", "secret": "locked", "justice": "balance scale",
    "friendship": "people hugging", "family": "family", "wisdom": "owl",
    "history": "scroll", "news": "newspaper", "game": "video game",
    "weather": "sun behind cloud", "speed": "high voltage", "power": "flexed biceps",
    "beauty": "rose", "magic": "magic wand", "world": "globe showing europe-africa",
    "waiting": "hourglass not done", "yes": "check mark button", "no": "cross mark",
    "goal": "bullseye",
}  # fmt: skip
"""Every idea of :data:`speech2image.scene.CONCEPTS` and the OpenMoji asset that draws it."""

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
    "life": "seedling", "birth": "baby", "growth": "chart increasing", "money": "money bag",
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
    "secret": "locked", "mystery": "magnifying glass tilted left", "question": "thinking face",
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
"""Abstract nouns (and a few adjectives) and the concrete thing drawn for each (moved here
from the language stage: asset names belong to the pack)."""

GENERAL_THINGS = {
    "bird": "bird", "fish": "fish", "insect": "bug", "bug": "bug", "plant": "potted plant",
    "flower": "blossom", "tree": "deciduous tree", "food": "fork and knife with plate",
    "meal": "fork and knife with plate", "fruit": "red apple", "vegetable": "carrot",
    "drink": "cup with straw", "vehicle": "automobile", "furniture": "chair",
    "tool": "hammer and wrench", "toy": "teddy bear", "building": "house",
    "container": "package", "device": "mobile phone", "instrument": "musical keyboard",
    "clothing": "t-shirt", "clothes": "t-shirt", "person": "person", "weapon": "dagger",
}  # fmt: skip
"""General categories and a member that draws the category word itself ("some fruit" is an
apple). A category is drawn only when the sentence names it; a noun that matches nothing is
skipped, never drawn as its category. Categories with no fair member (an animal as paw
prints, a machine as a gear, a sign as a warning) are not listed: they are left out."""
