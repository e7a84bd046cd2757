"""The words of verb frames: which verbs draw nothing, which go by another verb's name,
which prepositions and particles belong to a verb, the lemmas the small model gets wrong,
role nouns, and the ``-ing`` names of verbs (:func:`ing_form`, :func:`verb_form`).

Read by :mod:`speech2image.language.frames` and :mod:`speech2image.language.possession`.
"""

from __future__ import annotations

import re
from typing import Any

DOUBLED_FINAL = frozenset({"begin", "forget", "admit", "commit", "regret", "occur", "prefer"})
"""Verbs of two or more syllables that double their last consonant (begin -> beginning)."""
ING_IRREGULAR = {"picnic": "picnicking", "panic": "panicking", "mimic": "mimicking"}
THINGS_DO = frozenset(
    {"float", "fall", "fly", "roll", "sail", "stand", "lie", "hang", "spin", "burn", "shine",
     "glow", "grow", "melt", "drift", "sink", "blow", "move", "drive", "ring", "bounce", "sit"}
)  # fmt: skip
"""What a thing does too ("a boat floating"), not only a person or an animal."""
POSTURES = frozenset({"stand", "sit", "lie", "walk", "run", "wait", "lean", "kneel", "jump"})
LEMMA_FIXES = {"rid": "ride", "wad": "wade", "shin": "shine", "glid": "glide", "swam": "swim",
               "star": "stare", "scar": "scare"}  # fmt: skip
"""Lemmas the small model gets wrong for common verbs ("rides", "riding" -> "rid")."""
PAST_FORMS = {
    "swam": "swim", "flew": "fly", "ran": "run", "sat": "sit", "stood": "stand", "rode": "ride",
    "drove": "drive", "ate": "eat", "drank": "drink", "sang": "sing", "fell": "fall",
    "hid": "hide", "slept": "sleep", "threw": "throw", "caught": "catch", "held": "hold",
    "dug": "dig", "swung": "swing", "climbed": "climb", "crept": "creep", "leapt": "leap",
    "dove": "dive", "spun": "spin", "hung": "hang", "woke": "wake",
}  # fmt: skip
"""Past forms the small model leaves as the lemma of a verb it took for a noun ("the duck
swam"): the verb to name the action by (swimming, not "swamming")."""
NOT_DRAWN_VERBS = frozenset(
    {"be", "do", "get", "go", "come", "make", "let", "seem", "become", "want", "need", "like",
     "love", "hate", "know", "say", "tell", "ask", "mean", "happen", "remember", "forget",
     "begin", "start", "stop", "try", "use", "call", "name", "live", "stay", "keep", "find",
     "give", "take", "put", "show", "include", "contain", "belong", "wish", "hope", "guess",
     "believe", "feel", "hear", "lose", "win", "pay", "cost", "spend", "decide", "plan",
     "turn", "leave", "arrive", "return", "send", "help", "allow", "appear", "sound",
     "smell", "taste", "look", "miss", "relax", "worry", "mind", "matter", "expect", "thank",
     "suppose", "used", "wonder", "understand", "realize", "notice", "agree",
     "exist", "enjoy", "prefer", "own", "buy", "sell", "visit", "meet", "finish", "continue",
     "fill", "cover", "crowd", "pile",
     "manage", "learn", "teach", "imagine", "dream", "wake", "bear", "have", "hold", "set"}
)  # fmt: skip
"""Verbs that are not themselves a pose or a movement: no action, no verb relation (have
and hold are read as possession instead)."""
LEARNED = frozenset({"learn", "practise", "practice", "study", "teach", "try"})
"""Verbs that are playing when their object is an instrument."""
RACED = frozenset({"finish", "win", "run", "complete", "do", "enter", "lose", "start", "join"})
"""Verbs that, said of a race ("finished the marathon"), are running it."""
VERB_NAMES = {
    "have": "holding", "hold": "holding", "grab": "holding", "carry": "carrying",
    "bring": "carrying", "see": "looking at", "watch": "watching", "observe": "watching",
    "chase": "chasing", "hunt": "chasing", "wear": "wearing", "hug": "hugging",
    "cuddle": "hugging", "embrace": "hugging", "toss": "throwing", "paddle": "rowing",
    "attack": "fighting", "bike": "cycling", "cycle": "cycling", "grill": "cooking",
    "fry": "cooking", "roast": "cooking", "boil": "cooking", "bake": "cooking",
    "barbecue": "cooking", "hand": "holding", "lift": "holding", "munch": "eating",
    "nibble": "eating", "gobble": "eating", "devour": "eating", "scoff": "eating",
    "snack": "eating", "chomp": "eating", "gulp": "drinking", "sip": "drinking",
    "slurp": "drinking", "swig": "drinking", "lap": "drinking", "gaze": "looking at",
    "stare": "looking at", "admire": "looking at", "chat": "talking to",
}  # fmt: skip
"""Verbs whose frame goes by another verb's name (a dog that has a ball is holding it)."""
PHRASE_NAMES = {
    ("run", "after"): "chasing", ("go", "after"): "chasing", ("look", "at"): "looking at",
    ("stare", "at"): "looking at", ("gaze", "at"): "looking at", ("glance", "at"): "looking at",
    ("peek", "at"): "looking at", ("talk", "with"): "talking to", ("speak", "to"): "talking to",
    ("speak", "with"): "talking to", ("chat", "with"): "talking to", ("sit", "at"): "sitting at",
    ("sit", "inside"): "sitting in", ("fly", "above"): "flying over", ("play", "on"): "playing",
    ("fly", "across"): "flying over", ("jump", "across"): "jumping over", ("ride", "on"): "riding",
    ("leap", "over"): "jumping over", ("hop", "over"): "jumping over", ("climb", "up"): "climbing",
    ("swim", "inside"): "swimming in", ("hang", "from"): "under", ("cling", "to"): "holding",
    ("crawl", "up"): "climbing", ("scramble", "up"): "climbing", ("run", "up"): "climbing",
    ("clamber", "up"): "climbing", ("hang", "off"): "under", ("shin", "up"): "climbing",
    ("swing", "from"): "under", ("dangle", "from"): "under", ("cling", "onto"): "holding",
    ("lean", "on"): "beside", ("lean", "against"): "beside", ("fight", "over"): "fighting",
    ("argue", "over"): "fighting", ("squabble", "over"): "fighting",
    ("say", "to"): "talking to", ("shout", "to"): "talking to", ("shout", "at"): "talking to",
    ("yell", "at"): "talking to", ("yell", "to"): "talking to", ("call", "to"): "talking to",
    ("whisper", "to"): "talking to", ("chat", "to"): "talking to", ("explain", "to"): "talking to",
    ("reply", "to"): "talking to", ("scream", "at"): "talking to", ("sing", "to"): "singing to",
    ("read", "to"): "reading to", ("wave", "to"): "waving to", ("wave", "at"): "waving to",
    ("smile", "at"): "smiling at", ("laugh", "at"): "laughing at", ("point", "at"): "pointing at",
    ("point", "to"): "pointing at",
}  # fmt: skip
"""Verb and preposition pairs whose frame has a name of its own (hanging from a branch is
under it, the one relation an engine draws that way)."""
PARTICLES, PARTICLE_DEPS = {"over", "up", "on", "down", "off", "across"}, {"prt", "quantmod"}
PARTICLE_NAMES = {
    ("put", "on"): "wearing", ("pick", "up"): "holding", ("hold", "up"): "holding",
    ("crawl", "up"): "climbing", ("scramble", "up"): "climbing",
    ("clamber", "up"): "climbing", ("climb", "up"): "climbing",
}  # fmt: skip
ACTING_ON = frozenset(
    {"chew", "nibble", "gnaw", "munch", "suck", "lick", "peck", "tug", "pull", "knock", "tap",
     "bang", "pick", "work", "pluck", "yank", "pound", "hammer"}
)  # fmt: skip
"""Verbs whose "on" or "at" is their own, not where the subject is ("the puppy was chewing
on my shoe" is chewing it, not standing on it)."""
MARKING_VERBS = frozenset(
    {"write", "draw", "paint", "scribble", "sketch", "chalk", "doodle", "scrawl", "print",
     "type", "carve", "engrave", "sign", "stamp", "spray", "colour", "color"}
)  # fmt: skip
"""Verbs that mark a surface: with what they mark not drawn ("wrote the deadlines on the
whiteboard", "drew on the wall"), the doer is "writing on" ("drawing on") the surface,
beside it, not holding it as a thing written ("writing a letter")."""
VERB_PREPOSITIONS = frozenset({"with", "at", "to", "after", "for", "toward", "towards"})
"""Prepositions that are no spatial relation: after a verb they are its ("playing with")."""
FURNISHING_VERBS = frozenset(
    {"fill", "cover", "decorate", "serve", "top", "stuff", "pack", "load", "crowd", "pile",
     "garnish", "sprinkle", "stock", "line", "mix", "combine", "share", "agree", "deal",
     "cope", "finish", "replace", "compare", "help", "meet", "stay", "live", "go", "come",
     "be", "have", "play", "talk", "chat", "speak", "fight", "argue", "dance", "walk"}
)  # fmt: skip
"""Verbs whose "with" is no thing in hand: what fills or tops something ("a cake decorated
with cherries"), or whom one is with ("played with her friends", "walked with a limp")."""
GIVING_VERBS = frozenset({"give", "hand", "pass", "offer", "bring", "show", "lend", "sell"})
"""Verbs whose doer holds the thing they give to someone ("gave the fox a bone"); a thing
thrown or tossed to someone is in the air, not in a hand."""
ROLE_ENDINGS = ("er", "ist", "or", "ess", "ian")
"""Endings of role nouns (caretaker, harpist, actor, waitress, librarian): such a noun doing
something with a thing in hand is a person."""
NOT_ROLES = frozenset(
    {"computer", "printer", "tractor", "river", "water", "heater", "mixer", "blender",
     "elevator", "escalator", "radiator", "motor", "engine", "weather", "thunder", "door",
     "floor", "mirror", "paper", "timer", "monitor", "container", "trailer", "roller"}
)  # fmt: skip
"""Nouns with a role ending that are things."""


def ing_form(lemma: str) -> str:
    """The ``-ing`` form of a verb lemma: ride -> riding, sit -> sitting, lie -> lying."""
    word = lemma.lower()
    word = PAST_FORMS.get(word, LEMMA_FIXES.get(word, word))
    if word.endswith("ing") and re.search(r"[aeiouy]", word[:-3]) and len(word) > 5:
        return word  # "playing" taken for a noun keeps its form (not "playinging")
    if word in ING_IRREGULAR:
        return ING_IRREGULAR[word]
    if word.endswith("ie"):
        return word[:-2] + "ying"
    if word.endswith("e") and not word.endswith(("ee", "ye", "oe")) and len(word) > 2:
        return word[:-1] + "ing"
    one_syllable = re.fullmatch(r"[^aeiou]*[aeiou]+[^aeiou]*", word) is not None
    if re.search(r"[^aeiou][aeiou][^aeiouwxy]$", word) and (one_syllable or word in DOUBLED_FINAL):
        return word + word[-1] + "ing"
    return word + "ing"


def verb_form(token: Any) -> str:
    """The ``-ing`` form of a verb token, from its text when it is one already (the small
    model lemmatises "riding" as "rid")."""
    text = token.lower_
    if text.endswith("ing") and token.tag_ == "VBG" and len(text) > 4:
        return text
    return ing_form(verb_lemma(token))


def verb_lemma(token: Any) -> str:
    """The lemma of a verb token, repaired where the small model is wrong."""
    lemma = token.lemma_.lower()
    return LEMMA_FIXES.get(lemma, lemma) if token.pos_ == "VERB" else lemma


def is_role_noun(noun: str, verbs: frozenset[str] = frozenset()) -> bool:
    """True for a noun shaped like a person's role: "caretaker", "harpist", "postman", or
    a verb's "-ee" ("referee", "employee", "trainee", "retiree": ``verbs`` are the verb
    lemmas WordNet lists, so "coffee" and "committee" are no one)."""
    head = noun.rsplit(" ", 1)[-1]
    if head.endswith((*ROLE_ENDINGS, "man", "woman")):
        return head not in NOT_ROLES
    return head.endswith("ee") and len(head) > 5 and bool({head[:-2], head[:-1]} & verbs)
