"""Nouns that need more than a tagger (compound nouns, known nouns, mass nouns) and the
ideas of sentences that name no thing.

A sentence with nothing depictable ("our sales went up a lot this year") is drawn as its
idea when it has a clear one (growth: the pack draws a rising chart), in the tradition of
emblem books and of WordsEye's depiction of abstract words (Coyne and Sproat, 2001). The
words that name each idea are here; the symbol that draws it belongs to the pack.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

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
     "sea turtle", "ice cube", "credit card", "video game", "steam train",
     # Things of the home, the garden and the playground whose first word is a noun or
     # a verb form of its own ("a lamp post" is no post, "a sleeping bag" no bag).
     "lamp post", "street lamp", "street light", "high chair", "sleeping bag",
     "see saw", "white board", "chopping board",
     "cutting board", "beach chair", "deck chair", "baby carriage", "jungle gym",
     "monkey bar", "climbing frame", "coffee maker", "coffee machine", "washing line",
     "clothes line", "bird feeder", "watering can", "traffic cone", "tree stump",
     "rolling pin", "sand pit", "post box", "fire place", "book shelf", "lunch box",
     "tool box", "bath tub", "tea pot", "snow man", "camp fire", "wheel chair",
     "shopping cart", "shopping trolley", "flower pot", "plant pot", "tooth paste"}
)  # fmt: skip
"""Two- and three-word names of one thing; spaCy sometimes tags the first word an
adjective ("hot dog"), so these are joined whatever the tags say."""

CONCEPT_WORDS = {
    **dict.fromkeys(
        ("grow", "growth", "increase", "rise", "raise", "boom", "improve", "improvement",
         "expand", "expansion", "double", "gain", "soar", "climb", "skyrocket", "progress"),
        "growth"),
    **dict.fromkeys(
        ("fall", "drop", "decrease", "decline", "shrink", "reduce", "reduction", "cut",
         "loss", "lose", "plunge", "crash", "sink", "slump", "worsen"), "decline"),
    **dict.fromkeys(
        ("money", "price", "cost", "sale", "sales", "revenue", "profit", "budget", "pay",
         "salary", "buy", "sell", "dollar", "euro", "pound", "cash", "cheap", "expensive",
         "rich", "wealth", "invest", "investment", "bank", "afford", "spend", "tax"), "money"),
    **dict.fromkeys(
        ("time", "hour", "minute", "late", "early", "clock", "hurry", "soon", "second"),
        "time"),
    **dict.fromkeys(
        ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
         "week", "weekend", "tomorrow", "yesterday", "date", "appointment", "calendar",
         "schedule", "deadline", "month", "year", "january", "february", "march", "april",
         "june", "july", "august", "september", "october", "november", "december",
         "birthday", "anniversary"), "date"),
    **dict.fromkeys(
        ("agree", "agreement", "deal", "contract", "partnership", "promise", "accept",
         "approve", "sign", "cooperate", "together"), "agreement"),
    **dict.fromkeys(("disagree", "disagreement", "argue", "argument", "refuse", "reject",
                     "object", "oppose"), "disagreement"),
    **dict.fromkeys(("think", "consider", "wonder", "ponder", "guess", "suppose", "imagine",
                     "reflect", "decide", "believe", "doubt", "figure"), "thinking"),
    **dict.fromkeys(("idea", "plan", "suggestion", "solution", "concept", "invent",
                     "invention", "brainstorm", "proposal"), "idea"),
    **dict.fromkeys(("problem", "issue", "trouble", "bug", "error", "mistake", "wrong",
                     "difficult", "difficulty"), "problem"),
    **dict.fromkeys(("hello", "hi", "hey", "welcome", "greet", "greeting"), "greeting"),
    **dict.fromkeys(("bye", "goodbye", "farewell", "later", "leave", "cheerio"), "farewell"),
    **dict.fromkeys(("thank", "thanks", "grateful", "appreciate", "gratitude", "cheers"),
                    "thanks"),
    **dict.fromkeys(("meeting", "conference", "discussion", "discuss", "call",
                     "agenda", "presentation", "team"), "meeting"),
    **dict.fromkeys(("work", "job", "office", "career", "business", "task", "project",
                     "boss", "employee", "company", "hire", "recruit", "marketing",
                     "experience", "colleague", "staff", "client", "customer"), "work"),
    **dict.fromkeys(("love", "adore", "romance", "darling", "sweetheart"), "love"),
    **dict.fromkeys(("happy", "happiness", "glad", "joy", "delighted", "fun", "enjoy",
                     "great", "wonderful", "awesome", "excited"), "happiness"),
    **dict.fromkeys(("sad", "sadness", "unhappy", "miss", "sorry", "upset", "cry",
                     "lonely"), "sadness"),
    **dict.fromkeys(("angry", "anger", "mad", "furious", "annoyed", "hate"), "anger"),
    **dict.fromkeys(("afraid", "fear", "scared", "frightened", "worry", "worried",
                     "nervous", "anxious"), "fear"),
    **dict.fromkeys(("surprise", "surprised", "amazing", "wow", "unbelievable", "shock"),
                    "surprise"),
    **dict.fromkeys(("music", "song", "sing", "melody", "concert", "listen"), "music"),
    **dict.fromkeys(("school", "teacher", "lesson", "homework", "exam", "class"), "school"),
    **dict.fromkeys(("learn", "learning", "study", "knowledge", "education", "read",
                     "understand", "research"), "learning"),
    **dict.fromkeys(("travel", "trip", "journey", "holiday", "vacation", "abroad", "fly",
                     "visit", "tour"), "travel"),
    **dict.fromkeys(("success", "succeed", "win", "victory", "achieve", "achievement",
                     "best", "champion", "award"), "success"),
    **dict.fromkeys(("fail", "failure", "defeat"), "failure"),
    **dict.fromkeys(("sleep", "tired", "sleepy", "nap", "rest", "bedtime"), "sleep"),
    **dict.fromkeys(("danger", "dangerous", "careful", "warning", "risk", "risky",
                     "emergency"), "danger"),
    **dict.fromkeys(("celebrate", "celebration", "party", "congratulations",
                     "congratulate", "festival", "anniversary"), "celebration"),
    **dict.fromkeys(("health", "healthy", "fit", "exercise", "doctor", "medicine"),
                    "health"),
    **dict.fromkeys(("ill", "sick", "illness", "disease", "flu", "cold", "fever", "hurt",
                     "pain"), "illness"),
    **dict.fromkeys(("talk", "speak", "say", "tell", "chat", "message", "email", "phone",
                     "communicate", "communication", "conversation", "language"),
                    "communication"),
    **dict.fromkeys(("home", "family", "parent", "relative"), "home"),
    **dict.fromkeys(("food", "eat", "hungry", "dinner", "lunch", "breakfast", "meal",
                     "cook", "delicious", "tasty", "recipe"), "food"),
    **dict.fromkeys(("sport", "game", "match", "score", "play", "football",
                     "soccer", "tennis"), "sport"),
    **dict.fromkeys(("peace", "calm", "quiet", "relax"), "peace"),
    **dict.fromkeys(("war", "battle", "fight", "army"), "war"),
    **dict.fromkeys(("death", "die", "dead", "funeral"), "death"),
    **dict.fromkeys(("birth", "born", "pregnant"), "birth"),
    **dict.fromkeys(("hope", "wish", "dream", "pray"), "hope"),
    **dict.fromkeys(("luck", "lucky", "fortune"), "luck"),
    **dict.fromkeys(("science", "experiment", "scientist", "laboratory"), "science"),
    **dict.fromkeys(("technology", "computer", "software", "internet", "app", "digital",
                     "online", "website", "code"), "technology"),
    **dict.fromkeys(("art", "artist", "creative", "design"), "art"),
    **dict.fromkeys(("nature", "environment", "climate", "planet"), "nature"),
    **dict.fromkeys(("secret", "private", "confidential", "hide", "mystery"), "secret"),
    **dict.fromkeys(("justice", "law", "fair", "court", "judge", "truth"), "justice"),
    **dict.fromkeys(("friend", "friendship", "friendly", "buddy"), "friendship"),
    **dict.fromkeys(("wisdom", "wise", "knowledge"), "wisdom"),
    **dict.fromkeys(("history", "past", "ancient", "era", "epoch", "century"),
                    "history"),
    **dict.fromkeys(("news", "report", "announce", "announcement", "headline"), "news"),
    **dict.fromkeys(("weather", "forecast"), "weather"),
    **dict.fromkeys(("fast", "quick", "quickly", "speed", "rush"), "speed"),
    **dict.fromkeys(("power", "strong", "strength", "energy", "electricity"), "power"),
    **dict.fromkeys(("beauty", "beautiful", "pretty", "lovely", "gorgeous"), "beauty"),
    **dict.fromkeys(("magic", "magical", "spell", "miracle"), "magic"),
    **dict.fromkeys(("world", "global", "international", "earth", "country"), "world"),
    **dict.fromkeys(("wait", "waiting", "patience", "patient", "queue"), "waiting"),
    **dict.fromkeys(("yes", "yep", "correct", "exactly", "absolutely", "definitely"), "yes"),
    **dict.fromkeys(("no", "nope"), "no"),
    **dict.fromkeys(("goal", "target", "aim", "objective", "mission"), "goal"),
}  # fmt: skip
"""Lemmas and the idea (:data:`speech2image.scene.CONCEPTS`) each names."""

CONCEPT_PHRASES = {
    ("see", "you"): "farewell", ("good", "bye"): "farewell", ("take", "care"): "farewell",
    ("good", "night"): "farewell", ("good", "morning"): "greeting",
    ("good", "afternoon"): "greeting", ("good", "evening"): "greeting",
    ("how", "are", "you"): "greeting", ("nice", "to", "meet"): "greeting",
    ("thank", "you"): "thanks", ("go", "up"): "growth", ("went", "up"): "growth",
    ("goes", "up"): "growth", ("going", "up"): "growth", ("go", "down"): "decline",
    ("went", "down"): "decline", ("goes", "down"): "decline", ("going", "down"): "decline",
    ("let", "me", "think"): "thinking", ("i", "agree"): "agreement",
    ("it", "'s", "a", "deal"): "agreement",
    ("happy", "birthday"): "celebration", ("well", "done"): "success",
    ("next", "week"): "date", ("last", "week"): "date", ("next", "month"): "date",
    ("on", "time"): "time", ("in", "time"): "time", ("i", "love", "you"): "love",
    ("call", "it", "a", "day"): "farewell", ("no", "problem"): "agreement",
    ("no", "worries"): "agreement", ("of", "course"): "yes", ("not", "sure"): "thinking",
    ("hard", "to", "say"): "thinking", ("good", "luck"): "luck",
    ("ca", "n't", "believe"): "surprise", ("can", "not", "believe"): "surprise",
    ("happy", "new", "year"): "celebration",
    ("merry", "christmas"): "celebration", ("get", "well"): "health",
}  # fmt: skip
"""Word sequences that name an idea more surely than any one of their words."""

IDIOM_CONCEPTS = {
    tuple(phrase.replace("n't", " n't").replace("'s", " 's").split()): idea
    for phrase, idea in {
        "under the weather": "illness", "spill the beans": "secret",
        "let the cat out of the bag": "secret", "cat out of the bag": "secret",
        "break a leg": "luck", "fingers crossed": "luck", "over the moon": "happiness",
        "on cloud nine": "happiness", "piece of cake": "success", "a piece of cake": "success",
        "once in a blue moon": "time", "cost an arm and a leg": "money",
        "hold your horses": "waiting", "when pigs fly": "no", "hit the road": "travel",
        "hit the sack": "sleep", "in hot water": "problem", "cold feet": "fear",
        "the last straw": "anger", "the elephant in the room": "problem",
        "a blessing in disguise": "luck", "on the same page": "agreement",
        "fair enough": "agreement", "raining cats and dogs": "weather",
        "couch potato": "home", "long story short": "success", "work out": "success",
        "bite the bullet": "problem", "the ball is in your court": "question",
        "get the ball rolling": "work", "beat around the bush": "question",
        "money doesn't grow on trees": "money",
        "no idea": "question", "give it a shot": "luck", "a shot in the dark": "luck",
        "guess what": "surprise", "you 'll never guess": "surprise",
        "you won't believe": "surprise", "behind schedule": "time",
        "ahead of schedule": "time", "by chance": "luck", "take a chance": "luck",
        # Idioms of everyday talk whose words name things that are not there.
        "drive me up the wall": "anger", "drive you up the wall": "anger",
        "a lot on my plate": "work", "a lot on his plate": "work",
        "a lot on her plate": "work", "enough on my plate": "work",
        "give you a ring": "communication", "give me a ring": "communication",
        "give him a ring": "communication", "give her a ring": "communication",
        "give us a ring": "communication", "a whale of a time": "happiness",
        "chuck it down": "weather", "hit the nail on the head": "success",
        "kill two birds with one stone": "success", "bark up the wrong tree": "problem",
        "let sleeping dogs lie": "peace", "a storm in a teacup": "problem",
        "on thin ice": "danger", "sit on the fence": "thinking",
        "every cloud has a silver lining": "hope", "in the same boat": "friendship",
        "rock the boat": "problem", "miss the boat": "failure",
        "cry over spilt milk": "sadness", "the tip of the iceberg": "problem",
        "break the ice": "greeting", "the icing on the cake": "happiness",
        "go bananas": "anger", "bring home the bacon": "money", "in a pickle": "problem",
        "through the roof": "growth", "hit the roof": "anger",
        "throw in the towel": "failure", "a fish out of water": "problem",
        "butterflies in my stomach": "fear", "crocodile tears": "sadness",
        "rain on my parade": "sadness", "time flies": "time",
        "in the nick of time": "time", "out of the woods": "peace",
        "head in the clouds": "thinking", "the early bird catches the worm": "time",
        "count your chickens": "hope", "when it rains it pours": "problem",
        "a drop in the ocean": "problem", "let off steam": "anger",
        "a piece of the pie": "money", "cash cow": "money", "top dog": "success",
        "the lion 's share": "money", "black sheep": "family",
        "a penny for your thoughts": "thinking", "cat got your tongue": "question",
    }.items()
}  # fmt: skip
"""Idioms and the idea each says; their own words say nothing ("under the weather" is
illness, not weather). Matched by word or lemma: "spilled the beans" is "spill the beans"."""


def phrase_at(doc: Any, start: int, phrase: tuple[str, ...]) -> bool:
    """Whether ``phrase`` is said at token ``start`` of ``doc``, each word as written or as
    its lemma ("spilled the beans" for "spill the beans", "worked out" for "work out")."""
    if start + len(phrase) > len(doc):
        return False
    for token, want in zip(doc[start : start + len(phrase)], phrase, strict=False):
        lemma = token.lemma_.lower()
        if token.lower_ != want and lemma != want and lemma != want.removesuffix("s"):
            return False
    return True


def idiom_concept(doc: Any) -> str | None:
    """The idea of the first idiom of :data:`IDIOM_CONCEPTS` said in ``doc``, or ``None``."""
    for start in range(len(doc)):
        for phrase, idea in IDIOM_CONCEPTS.items():
            if phrase_at(doc, start, phrase):
                return idea
    return None


_PRIORITY = {
    "growth": 3, "decline": 3, "farewell": 3, "greeting": 3, "thanks": 3, "agreement": 2,
    "disagreement": 2, "date": 2, "question": 2, "thinking": 2, "yes": 2, "surprise": 2,
    "celebration": 2, "luck": 2, "success": 2, "meeting": 2,
}  # fmt: skip
"""Ideas that win over others in the same sentence ("sales went up": growth, not money)."""
_DIRECTION_VERBS = frozenset({"be", "go", "come", "shoot", "move", "creep", "edge", "jump"})
_WH_WORDS = frozenset({"what", "why", "how", "when", "where", "who", "which", "whose"})


def _tag_question(doc: Any) -> bool:
    """ "Lovely weather today, isn't it?": a remark with a question tag, not a question."""
    words = [t.lower_ for t in doc if not t.is_punct]
    return (
        len(words) > 3
        and words[-1] in _TAG_PRONOUNS
        and doc[-2].i > 0
        and (words[-2] in ("n't", "not") or words[-2] in ("is", "are", "was", "do", "did"))
    )


_TAG_PRONOUNS = frozenset({"it", "you", "they", "we", "he", "she", "i", "there"})
_HEDGE_VERBS = frozenset({"think", "guess", "believe", "suppose", "reckon", "feel", "say"})
"""Verbs that frame a clause as an opinion ("I think ...", "I guess ..."): no idea of their own."""


def _has_object(verb: Any) -> bool:
    """True when ``verb`` has a direct object that is a thing or a pronoun, not a quantity
    ("cut it", not "cut costs")."""
    return any(
        c.dep_ == "dobj" and CONCEPT_WORDS.get(c.lemma_.lower()) is None for c in verb.children
    )


def sentence_concept(doc: Any, time_tokens: Collection[int] = ()) -> str | None:
    """The idea a sentence names, or ``None`` when it has no clear one; the words of its
    time phrases (``time_tokens``) may only say the time or the date."""
    words = [t.lower_ for t in doc]
    if not any(t.is_alpha for t in doc):
        return None
    idiom = idiom_concept(doc)
    if idiom is not None:
        return idiom
    for length in (4, 3, 2):
        for i in range(len(words) - length + 1):
            found = CONCEPT_PHRASES.get(tuple(words[i : i + length]))
            if found is not None and _PRIORITY.get(found, 0) >= 3:
                return found
    best: tuple[int, int, str] | None = None
    for token in doc:
        # "complaints are down", "sales went up": a direction said of a quantity.
        if token.lower_ in ("up", "down") and token.head.lemma_.lower() in _DIRECTION_VERBS:
            return "growth" if token.lower_ == "up" else "decline"
    for i in range(len(words)):
        for length in (4, 3, 2):
            found = CONCEPT_PHRASES.get(tuple(words[i : i + length]))
            if found is not None:
                best = max(best or (0, 0, ""), (_PRIORITY.get(found, 1) + 1, -i, found))
    for token in doc:
        if token.pos_ not in ("NOUN", "PROPN", "VERB", "ADJ", "INTJ", "ADV", "AUX"):
            continue
        concept = CONCEPT_WORDS.get(token.lemma_.lower()) or CONCEPT_WORDS.get(token.lower_)
        if token.i in time_tokens and concept not in ("time", "date"):
            continue  # "let's talk after lunch" says nothing of food
        if concept is None or (token.pos_ == "ADJ" and token.dep_ == "amod"):
            continue  # "a lovely day" says nothing of beauty; "it was lovely" does
        if concept == "decline" and token.pos_ == "VERB" and _has_object(token):
            continue  # "cut it", "drop the bags": done to a thing, no quantity falling
        if concept == "no" and token.pos_ != "INTJ" and token.dep_ != "ROOT":
            continue  # "no cats": a determiner, not an answer
        if token.lemma_.lower() in _HEDGE_VERBS and any(c.dep_ == "ccomp" for c in token.children):
            continue  # "I think we should give peace a chance": the idea is in the clause
        rank = _PRIORITY.get(concept, 1) + (token.dep_ == "ROOT")
        if concept == "date" and token.dep_ == "npadvmod" and token.head.lemma_ != "be":
            rank = 1  # "guess who I saw yesterday": when it happened, not about a date
        best = max(best or (0, 0, ""), (rank, -token.i, concept))
    question = (words[-1:] == ["?"] and not _tag_question(doc)) or (
        words[:1] and words[0] in _WH_WORDS
    )
    if question and (best is None or best[0] < 3):
        return "question"
    return best[2] if best else None
