"""Word tables of what is not a thing to draw: time phrases, idioms, measures, parts,
abstract nouns. Plain data, read by :mod:`speech2image.language.drawable`.
"""

from __future__ import annotations


def _phrases(reason: str, *phrases: str) -> dict[tuple[str, ...], str]:
    return {tuple(p.replace("-", " - ").replace("'", " '").split()): reason for p in phrases}


PHRASES: dict[tuple[str, ...], str] = {
    **_phrases(
        "time phrase",
        "once upon a time", "one day", "one morning", "one evening", "one night",
        "one afternoon", "one summer", "one winter", "long ago", "a long time ago",
        "long long ago", "the other day", "some day", "all day", "all night",
        "all the time", "at the same time", "in time", "on time", "for a while",
        "after a while", "in a while", "at first", "at last", "in the end", "at the moment",
        "right now", "just now", "from time to time", "these days", "nowadays", "every time",
        "this time", "last time", "next time", "for the first time", "in the morning",
        "in the afternoon", "in the evening", "at night", "at noon", "at midnight",
        "the next day", "the day after", "later that day", "that night", "that day",
        "for lunch", "for dinner", "for breakfast", "for supper", "at lunch", "at dinner",
        "at breakfast", "after lunch", "after dinner", "before dinner", "after school",
        "at lunchtime", "ever after", "happily ever after",
    ),
    **_phrases(
        "idiom",
        "in the middle of", "at the end of", "a lot", "kind of", "sort of", "by the way",
        "raining cats and dogs", "piece of cake", "in fact", "of course", "at least",
        "no way", "first of all", "on the other hand", "in a way", "all of a sudden",
        "out of the blue", "break a leg", "under the weather", "over the moon",
        "once in a blue moon", "cost an arm and a leg", "hold your horses",
        "let the cat out of the bag", "when pigs fly", "the elephant in the room",
        "apple of my eye", "at the drop of a hat", "bite the bullet", "hit the road",
        "hit the sack", "call it a day", "in a nutshell", "on the same page",
        "the ball is in your court", "a piece of cake", "spill the beans", "on cloud nine",
        "cold feet", "a blessing in disguise", "beat around the bush", "get the ball rolling",
        "in hot water", "on the ball", "the last straw", "a dime a dozen", "make sense",
        "take care", "no problem", "no worries", "at all", "as well", "in general",
        "for example", "for instance", "in order to", "as a matter of fact", "in case",
        "to be honest", "keep an eye on", "on top of that", "in the long run",
        "at the end of the day", "the bottom line", "on my mind", "in my opinion",
        "by heart", "by hand", "on foot", "out of hand", "a bit", "a little bit",
        "lots and lots", "a couple of times", "many times", "once again", "each other",
        "one another", "a good time", "have fun", "take place", "take part",
        "a while", "for good", "in the way", "on the way", "by the time",
        "good morning", "good night", "good evening", "good afternoon", "good day",
        "the best of friends", "all the way", "best friends", "day off", "on offer",
        "for sale", "on sale", "in charge", "take a look", "have a look", "in the sun",
        "in the sunshine", "into a ball", "in a ball",
    ),
}  # fmt: skip
"""Word sequences that are no thing ("once upon a time", "over the moon"), and why."""

WEEKDAYS = frozenset(
    {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
     "weekday", "weekend", "mondays", "tuesdays", "wednesdays", "thursdays", "fridays",
     "saturdays", "sundays", "weekends"}
)  # fmt: skip
MONTHS = frozenset(
    {"january", "february", "march", "april", "may", "june", "july", "august",
     "september", "october", "november", "december"}
)  # fmt: skip
"""Month names; "may" and "march" count only as proper nouns."""
TIME_NOUNS = frozenset(
    {"day", "week", "month", "year", "decade", "century", "hour", "minute", "second",
     "moment", "today", "tomorrow", "yesterday", "tonight", "o'clock", "oclock", "time",
     "date", "while", "age", "era", "period", "season", "semester", "term", "millennium",
     "lifetime", "afternoon", "morning", "evening", "night", "noon", "midnight", "dawn",
     "dusk", "sunset", "sunrise", "birthday", "anniversary", "holiday", "vacation",
     "weekend", "past", "future", "deadline", "schedule", "daytime"}
)  # fmt: skip
"""Nouns that name a time, never a thing; the time of day is read elsewhere."""
MEASURE_NOUNS = frozenset(
    {"percent", "per cent", "percentage", "%", "metre", "meter", "kilometre", "kilometer",
     "centimetre", "centimeter", "millimetre", "mile", "yard", "inch", "kilo", "kilogram",
     "gram", "pound", "ounce", "ton", "tonne", "litre", "liter", "gallon", "degree",
     "cent", "dollar", "euro", "buck", "km", "kg", "mph", "amount", "number", "quantity",
     "total", "half", "quarter", "third", "majority", "minority", "average", "rate",
     "level", "score", "point", "points", "step", "steps", "times", "lot", "lots",
     "tons", "dozen", "dozens", "hundred", "hundreds", "thousand", "thousands",
     "million", "millions", "billion", "size", "length", "height", "width", "weight",
     "distance", "speed", "temperature"}
)  # fmt: skip
"""Measure nouns: "ten percent", "two miles"; never drawn."""
DRINKING_VESSELS = frozenset({"cup", "mug", "glass", "teacup"})
HOT_AND_SERVED_DRINKS = frozenset(
    {"coffee", "tea", "milk", "cocoa", "wine", "beer", "juice", "lemonade", "espresso"}
)  # fmt: skip
"""A drink is drawn in its own vessel (a cup of coffee is one steaming cup): before "of" such
a drink, the vessel is its portion, not a second thing."""
PORTION_NOUNS = frozenset(
    {"slice", "piece", "bit", "spoonful", "handful", "mouthful", "loaf", "bar", "pinch",
     "drop", "sip", "bite", "portion", "serving", "bunch", "kind", "sort", "type", "lump",
     "variety", "pair", "couple", "group", "herd", "flock", "pack", "pile", "stack",
     "row", "set", "lot", "number", "crowd", "team", "swarm", "school", "litter", "splash",
     "dash", "drizzle", "dollop", "knob", "sprinkling", "squirt", "sprig", "clove", "dab",
     "load", "loads", "heap", "heaps", "masses", "plenty", "scoop", "wedge", "chunk",
     "stick", "stalk", "rasher", "strip", "cube", "glug"}
)  # fmt: skip
"""Nouns that, before "of", measure or group what follows: "a slice of bread" is bread,
"a herd of cows" is cows. Before anything else they may be things ("a piece"). A
container ("a bowl of cherries") is a thing with its contents, both drawn."""
BODY_PARTS = frozenset(
    {"hand", "hands", "foot", "feet", "leg", "legs", "arm", "arms", "head", "face", "nose",
     "eye", "eyes", "ear", "ears", "mouth", "lap", "hair", "tail", "scale", "scales", "fur",
     "finger", "fingers", "knee", "knees", "shoulder", "shoulders", "tooth", "teeth",
     "neck", "paw", "paws", "beak", "whisker", "whiskers", "lip", "lips", "cheek", "chin",
     "toe", "toes", "thumb", "elbow", "belly", "tummy", "stomach", "skin", "forehead",
     "wrist", "ankle", "hip", "heel", "palm", "fist", "horn", "horns", "claw", "claws",
     "prickle", "prickles", "spine", "spines", "quill", "quills", "hoof", "hooves",
     "antler", "antlers", "tusk", "tusks", "fin", "fins", "mane"}
)  # fmt: skip
"""Parts of a body: drawn with the body they belong to, never alone."""
OWN_PARTS = frozenset(
    {"light", "headlight", "wheel", "tyre", "tire", "engine", "brake", "siren", "horn",
     "sail", "mast", "door", "window", "roof", "lid", "handle", "seat", "pedal", "chain",
     "windscreen", "windshield", "bumper", "screen", "button", "strap", "wing", "feather",
     "petal", "propeller", "chimney", "wall", "floor", "ceiling", "exhaust"}
)  # fmt: skip
"""Parts a thing's drawing has already, said with "its" ("the ambulance raced past with its
lights flashing", "the eagle spread its wings"): never a second thing."""
ACTIVITY_NOUNS = frozenset(
    {"cricket", "yoga", "marathon", "race", "ride", "walk", "run", "swim", "hike",
     "camping", "shopping", "marketing", "practice", "interview", "launch", "complaint",
     "contract", "competitor", "offer", "call", "page", "team", "nil", "score", "visit",
     "lesson", "training", "rehearsal", "appointment", "break", "nap", "chat", "talk",
     "speech", "presentation", "email", "message", "deadline", "feedback", "sale",
     "discount", "refund", "delivery", "order", "booking", "reservation", "fight",
     "argument", "joke", "mess", "noise", "fun", "favour", "favor", "hurry", "rush",
     "sales", "staff", "management", "customer", "customers", "client", "clients", "trip",
     "journey", "tour", "voyage", "cruise", "outing", "excursion", "wedding", "funeral",
     "ceremony", "reunion", "festival", "picnic"}
)  # fmt: skip
"""Activities, events and the words of work talk: no thing to draw. A game played with a
thing of its own is not among them: "we play chess", "she plays tennis" draw the chess
piece or the racket and ball when the pack has them (and nothing when it has not)."""
LONE_PART_NOUNS = frozenset(
    {"edge", "side", "middle", "centre", "center", "corner", "end", "bottom", "surface",
     "top", "rim", "border", "outskirts", "depths", "interior", "rest", "part", "sides",
     "edges", "corners", "front", "back", "left", "right", "inside", "outside", "far",
     "shade", "floor", "ground", "distance", "background", "foreground", "horizon", "sky"}
)  # fmt: skip
"""Part nouns that are no thing even without "of" ("the bus stops at the corner")."""

ABSTRACT_NOUNS = frozenset(
    {"idea", "plan", "reason", "problem", "fact", "way", "time", "thing", "things",
     "question", "answer", "issue", "matter", "point", "opinion", "thought", "feeling",
     "sense", "chance", "truth", "need", "fun", "luck", "life", "love", "hope", "fear",
     "experience", "situation", "result", "decision", "mistake", "news", "information",
     "knowledge", "meaning", "purpose", "goal", "effort", "progress", "success", "failure",
     "process", "system", "sale", "sales", "revenue", "profit", "growth", "budget",
     "quality", "value", "price", "cost", "performance", "strategy", "policy", "deal",
     "agreement", "update", "feedback", "job", "work", "business", "history", "beginning",
     "start", "something", "anything", "everything", "nothing", "stuff", "lot", "kind",
     "sort", "type", "part", "place", "spot", "area", "space", "position", "case",
     "example", "word", "words", "name", "story", "dream", "wish", "memory", "mind",
     "attention", "care", "help", "advice", "interest", "trouble", "danger", "risk",
     "power", "energy", "peace", "freedom", "health", "happiness", "sadness", "anger",
     "joy", "wisdom", "skill", "talent", "habit", "rule", "law", "right",
     "meeting", "conversation", "discussion", "topic", "subject", "project", "task",
     "target", "option", "choice", "change", "difference", "moment",
     "future", "past", "economy", "market", "industry",
     "department", "quarter", "figure", "figures", "data", "report",
     "percent", "results", "trend", "increase", "decrease", "rise", "fall",
     "drop", "loss", "gain", "shape", "condition", "mood", "taste", "smell", "sound",
     "noise", "silence", "weather", "nature", "culture", "society", "world", "country",
     "language", "music", "art", "science", "technology", "education", "lesson",
     "homework", "exam", "test", "grade", "class", "course", "career", "living",
     "death", "birth", "war", "game", "sport", "party", "trip", "journey", "holiday",
     "friendship", "relationship", "family", "secret", "surprise", "magic", "beauty",
     "maths", "math", "mathematics", "geography", "biology", "physics", "chemistry",
     "english", "french", "spanish", "german", "literature", "algebra", "grammar", "self",
     "colour", "color", "size", "view"}
)  # fmt: skip
"""Nouns that name an idea, an event or a quantity rather than a thing; a sentence of
only these draws its concept (:mod:`speech2image.language.concepts`), if it has one."""
ABSTRACT_SUFFIXES = ("ness", "ity", "tion", "sion", "ment", "ship", "ism", "ance", "ence")
DRAWABLE_WITH_SUFFIX = frozenset(
    {"witness", "city", "station", "potion", "lotion", "television", "mansion", "pension",
     "instrument", "monument", "apartment", "pavement", "ornament", "basement",
     "compartment", "ship", "spaceship", "battleship", "warship", "airship", "prism",
     "fence", "prince", "princess", "ambulance", "fountain", "lion",
     "onion", "cushion", "wilderness", "university", "equipment", "tournament",
     "mention", "nation", "constellation", "ocean", "entrance", "audience", "lance",
     "parliament"}
)  # fmt: skip
"""Nouns with an abstract ending that are still things (or are handled elsewhere)."""

INTERJECTION_NOUNS = frozenset(
    {"thanks", "thank", "hello", "hi", "bye", "goodbye", "please", "sorry", "congratulations",
     "cheers", "welcome", "ok", "okay", "yes", "no", "hey", "wow", "oops", "everyone",
     "everybody", "anyone", "anybody", "someone", "somebody", "nobody", "guys", "folks"}
)  # fmt: skip
"""Words of small talk the model may tag as nouns ("thanks", "everyone"): no thing."""

MEALS = frozenset(
    {"breakfast", "brunch", "lunch", "dinner", "supper", "tea", "lunchtime", "work", "school",
     "class", "church", "practice", "training", "bedtime"}
)  # fmt: skip
"""Meals and the day's routines: after :data:`TIME_PREPOSITIONS` they say when."""
TIME_PREPOSITIONS = frozenset({"before", "after", "during", "until", "till", "since", "by"})
"""Prepositions after which a meal says when ("before breakfast"), not what is eaten, and a
routine when ("before work"), not where."""

NAME_VERBS = frozenset({"call", "name", "nickname", "christen", "dub"})
"""Verbs that give a name: "a dog called Rex", "a girl named Anna"."""

NOT_THINGS = frozenset({*ABSTRACT_NOUNS, *ACTIVITY_NOUNS, *TIME_NOUNS, *MEASURE_NOUNS, *WEEKDAYS})
"""Nouns that are never a drawn thing: ideas, activities, times, measures and weekdays."""
