"""Things a verb implies when the sentence names none: "we drove to Spain" is a car.

A verb of travel or of a pastime, said of a person ("I", "we", "he", "she", a name, a
person word), implies the one thing it is done with or the one person doing it:

- a vehicle or gear (drove: a car; flew: an airplane; sailed: a sailboat; cycled: a
  bicycle; went camping: a tent; went fishing: a fishing rod), unless the sentence names
  such a thing itself ("drove the van", "flew a kite", "in his boat");
- the doer of a sport (went skiing: a skier; swam: a swimmer), only when the doer is not
  drawn already: "we" and "I" are not, "the girl swam" is the girl, swimming;
- the pan a food is fried, flipped or boiled in ("flip each pancake": a frying pan), and
  the instrument a musician is named by ("the harpist played": a harp);
- the one tool a pastime said without its object cannot be drawn without (was reading: a
  book; started painting with watercolours: a paintbrush; knitting: yarn; sweeping: a
  broom), the broom also with what it sweeps ("sweeping the corridor"); not for writing
  or drawing, whose surface is usually named ("writing on the whiteboard").

Never for a thing that does not go ("time flies", "the idea took off"), for a negated
verb ("we didn't drive"), or for a verb with its own object ("it drove me mad").

When the sentence names the vehicle elsewhere, the verb is done with it: "my husband
rented a kayak and paddled around the bay" is rowing the kayak
(:func:`vehicle_frames`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from speech2image.language.contradictions import MentionRelation
from speech2image.language.frames import VerbFrame, mention_at, negated, verb_lemma, verb_subjects
from speech2image.language.lexicon import INSTRUMENTS, PEOPLE
from speech2image.language.mentions import Mention
from speech2image.language.verb_words import NOT_ROLES, ROLE_ENDINGS


@dataclass(frozen=True, slots=True)
class ImpliedThing:
    """What one verb implies."""

    noun: str
    """The thing drawn: ``"car"``."""
    named_by: frozenset[str]
    """Nouns of the sentence that already are it (or say how it was done): then none."""
    doer: bool = False
    """True when the thing is the person doing it (a skier): only for an undrawn doer."""
    tool: bool = False
    """True when the verb's own object is what it is done to, not the thing implied
    ("painting the fence" still needs a brush)."""


_ROAD = frozenset(
    {
        "car",
        "van",
        "truck",
        "lorry",
        "bus",
        "taxi",
        "jeep",
        "tractor",
        "motorbike",
        "motorcycle",
        "scooter",
        "caravan",
        "camper",
        "ambulance",
        "limousine",
    }
)
_AIR = frozenset(
    {
        "airplane",
        "plane",
        "aeroplane",
        "jet",
        "helicopter",
        "balloon",
        "hot air balloon",
        "kite",
        "glider",
        "rocket",
    }
)
_WATER = frozenset({"boat", "sailboat", "ship", "yacht", "ferry", "canoe", "kayak", "raft"})
_BIKE = frozenset({"bicycle", "bike", "tricycle", "motorbike"})
_SNOW = frozenset({"ski", "skis", "snowboard", "sled", "sledge"})
_READ = frozenset(
    {"book", "newspaper", "paper", "magazine", "comic", "letter", "map", "menu", "tablet",
     "phone", "sign", "poem", "story", "note", "postcard", "card", "label", "recipe"}
)  # fmt: skip
_POOL = frozenset({"pool", "swimming pool", "boat", "surfboard"})

IMPLIED_BY_VERB: dict[str, ImpliedThing] = {
    "drive": ImpliedThing("car", _ROAD),
    "fly": ImpliedThing("airplane", _AIR),
    "sail": ImpliedThing("sailboat", _WATER),
    "cycle": ImpliedThing("bicycle", _BIKE),
    "bike": ImpliedThing("bicycle", _BIKE),
    "camp": ImpliedThing("tent", frozenset({"tent", "caravan", "camper", "van"})),
    "fish": ImpliedThing("fishing rod", frozenset({"fishing rod", "rod", "net", "fishing pole"})),
    "ski": ImpliedThing("skier", _SNOW, doer=True),
    "snowboard": ImpliedThing("snowboarder", _SNOW, doer=True),
    "swim": ImpliedThing("swimmer", _POOL, doer=True),
    "surf": ImpliedThing("surfer", frozenset({"surfboard", "board"}), doer=True),
    "hike": ImpliedThing("hiker", frozenset(), doer=True),
    "read": ImpliedThing("book", _READ),
    "paint": ImpliedThing("paintbrush", frozenset({"paintbrush", "brush", "roller"})),
    "knit": ImpliedThing("yarn", frozenset({"yarn", "wool"})),
    "sweep": ImpliedThing("broom", frozenset({"broom", "brush"}), tool=True),
}
"""Verb lemma: the one thing it implies."""

_PERSON_PRONOUNS = frozenset({"i", "we", "you", "he", "she"})
_UP_DEPS = frozenset({"xcomp", "conj", "advcl", "pcomp"})
"""Dependencies through which a verb shares its governor's subject ("we went camping")."""
_MAX_CLIMB = 3


def _subject(verb: Any) -> Any | None:
    """The subject token of ``verb``, or of the verb it hangs from ("went camping")."""
    token = verb
    for _ in range(_MAX_CLIMB):
        for child in token.children:
            if child.dep_ in ("nsubj", "nsubjpass"):
                return child
        went = token.dep_ == "dobj" and token.tag_ == "VBG"  # "we went camping"
        if (token.dep_ not in _UP_DEPS and not went) or token.head is token:
            return None
        token = token.head
    return None


def _is_person(token: Any) -> bool:
    """True for "I", "we", "he", "she", "you", a person's name or a person word."""
    word = token.lower_
    if word in _PERSON_PRONOUNS:
        return True
    if token.pos_ == "PROPN" and token.ent_type_ in ("PERSON", ""):
        return True
    return token.lemma_.lower() in PEOPLE


def _is_role(token: Any) -> bool:
    """True for a role noun ("the caretaker"): one who uses a tool, though a skier who
    flies over a jump is in no airplane."""
    lemma = token.lemma_.lower()
    role = lemma.endswith((*ROLE_ENDINGS, "man", "woman")) and lemma not in NOT_ROLES
    return role and token.pos_ == "NOUN"


_PASSING = frozenset({"over", "across", "around", "past", "through", "along", "above", "by"})
"""Particles after which the small model's object is a place passed ("flew over the
mountains": "over" a particle, "mountains" its object), not a thing acted on."""


def _has_own_object(verb: Any) -> bool:
    """True when the verb acts on a thing ("flew a kite", "drove me mad")."""
    passing = any(c.dep_ == "prt" and c.lower_ in _PASSING for c in verb.children)
    deps = ("ccomp", "acomp", "oprd") if passing else ("dobj", "obj", "ccomp", "acomp", "oprd")
    return any(child.dep_ in deps for child in verb.children)


_MEANS_PREPOSITIONS = frozenset({"on", "in", "aboard", "inside"})
"""Prepositions that name what a verb of going travels on or in ("rode off on a dragon")."""


def _carried_by(verb: Any, drawn_heads: set[int]) -> bool:
    """True when the verb names a drawn thing it travels on or in ("on her broomstick")."""
    return any(
        child.dep_ == "pobj" and child.i in drawn_heads
        for prep in verb.children
        if prep.dep_ == "prep" and prep.lower_ in _MEANS_PREPOSITIONS
        for child in prep.children
    )


def implied_things(doc: Any, raw: list[Mention]) -> list[Mention]:
    """Mentions of the things this sentence's verbs imply (at most one per verb, and one
    per noun), for the raw mentions ``raw`` the sentence named itself."""
    named = {m.noun for m in raw} | {m.noun.rsplit(" ", 1)[-1] for m in raw}
    drawn_heads = {m.head for m in raw}
    found: list[Mention] = []
    for token in doc:
        if token.pos_ not in ("VERB", "AUX") and token.tag_ != "VBG":
            continue
        implied = IMPLIED_BY_VERB.get(verb_lemma(token))
        if implied is None or implied.noun in named or named & implied.named_by:
            continue
        subject = _subject(token)
        person = subject is not None and (
            _is_person(subject) or (implied.tool and _is_role(subject))
        )
        if subject is None or not person or negated(token):
            continue
        if (_has_own_object(token) and not implied.tool) or (
            implied.doer and subject.i in drawn_heads
        ):
            continue
        if _carried_by(token, drawn_heads):
            continue  # "flew across the sky on her broomstick": that is how
        if any(m.noun == implied.noun for m in found):
            continue
        found.append(Mention(noun=implied.noun, head=token.i, start=token.i, count=1))
    return found + _instruments(raw, named) + _cookware(doc, raw, named)


COOKED_IN = {"fry": "frying pan", "flip": "frying pan", "saute": "frying pan",
             "sauté": "frying pan", "boil": "pot", "simmer": "pot", "poach": "pot"}  # fmt: skip
"""Verb lemma: the pan a food it is done to is cooked in ("flip each pancake")."""
_COOKWARE = frozenset(
    {"pan", "frying pan", "saucepan", "pot", "wok", "skillet", "kettle", "griddle", "oven",
     "cauldron", "casserole", "tray", "grill", "barbecue", "microwave", "toaster"}
)  # fmt: skip
_FLIPPED = frozenset(
    {"pancake", "crepe", "omelette", "omelet", "egg", "burger", "patty", "steak", "fish",
     "tortilla", "toast", "sausage", "bacon", "fritter", "waffle"}
)  # fmt: skip
"""What "flip" cooks (a coin or a page flipped is in no pan)."""


def _cooked(verb: Any, raw: list[Mention]) -> int | None:
    """The drawn food a cooking verb of :data:`COOKED_IN` is done to, or None."""
    lemma = verb_lemma(verb)
    if lemma not in COOKED_IN or verb.pos_ != "VERB" or negated(verb):
        return None
    for child in verb.children:
        k = mention_at(raw, child.i) if child.dep_ in ("dobj", "nsubjpass") else None
        if k is None or raw[k].pronoun is not None or raw[k].noun in PEOPLE:
            continue
        if lemma != "flip" or raw[k].noun.rsplit(" ", 1)[-1] in _FLIPPED:
            return k
    return None


def _cookware(doc: Any, raw: list[Mention], named: set[str]) -> list[Mention]:
    """The pan a food is fried, flipped or boiled in, unless a pan is named."""
    if named & _COOKWARE:
        return []
    for verb in doc:
        if _cooked(verb, raw) is not None:
            noun = COOKED_IN[verb_lemma(verb)]
            return [Mention(noun=noun, head=verb.i, start=verb.i, count=1)]
    return []


_MUSICIAN_ENDINGS = ("ist", "er", "ian")


def instrument_of(noun: str) -> str | None:
    """The instrument a musician's name is made of ("harpist": harp, "pianist": piano,
    "drummer": drum, "saxophonist": saxophone), or None."""
    for ending in _MUSICIAN_ENDINGS:
        if not noun.endswith(ending) or len(noun) <= len(ending) + 2:
            continue
        stem = noun[: -len(ending)]
        undoubled = stem[:-1] if len(stem) > 2 and stem[-1] == stem[-2] else stem
        for word in (stem, stem + "o", stem + "e", undoubled):
            if word in INSTRUMENTS:
                return word
    return None


def _instruments(raw: list[Mention], named: set[str]) -> list[Mention]:
    """The instrument of each musician named by it ("the harpist played at the wedding"),
    unless an instrument is named."""
    if named & INSTRUMENTS:
        return []
    found: list[Mention] = []
    for mention in raw:
        instrument = instrument_of(mention.noun.rsplit(" ", 1)[-1])
        if instrument is not None and all(m.noun != instrument for m in found):
            found.append(Mention(noun=instrument, head=mention.head, start=mention.head, count=1))
    return found


_MOUNTS = frozenset({"horse", "pony", "camel", "donkey", "elephant", "mule"})
VEHICLE_VERBS: dict[str, tuple[str, frozenset[str]]] = {
    "drive": ("driving", _ROAD),
    "row": ("rowing", _WATER),
    "paddle": ("rowing", _WATER),
    "sail": ("sitting in", _WATER),
    "cycle": ("riding", _BIKE),
    "bike": ("riding", _BIKE),
    "pedal": ("riding", _BIKE),
    "ride": ("riding", _BIKE | _MOUNTS | frozenset({"motorbike", "scooter", "skateboard"})),
}
"""Verb lemma: the frame it makes with a vehicle of its kind, and those vehicles."""


_RAIL = frozenset({"train", "tram", "subway", "metro", "underground", "cable car"})
_BOARDED = (_ROAD | _WATER | _AIR | _RAIL) - _BIKE - {"kite", "balloon"}
"""Vehicles one takes, catches or boards, and then sits in."""
_BOARDING_VERBS = frozenset({"take", "catch", "board", "get", "hop", "jump"})


def _boarded(doc: Any, mentions: list[Mention], verb: Any) -> VerbFrame | None:
    """ "She took a taxi to the airport", "we caught the bus": sitting in it."""
    if verb_lemma(verb) not in _BOARDING_VERBS:
        return None
    taken = [k for c in verb.children if c.dep_ == "dobj"
             if (k := mention_at(mentions, c.i)) is not None
             and {mentions[k].noun, mentions[k].noun.rsplit(" ", 1)[-1]} & _BOARDED]  # fmt: skip
    subjects = verb_subjects(doc, mentions, verb)
    return (
        VerbFrame(verb.i, tuple(subjects), "sitting in", tuple(taken[:1]))
        if taken and subjects
        else None
    )


def vehicle_frames(doc: Any, mentions: list[Mention]) -> list[VerbFrame]:
    """A verb of going with no object of its own, done with the vehicle of its kind the
    sentence names elsewhere ("rented a kayak and paddled around the bay"), and a vehicle
    taken ("took a taxi")."""
    frames: list[VerbFrame] = []
    for verb in doc:
        boarded = None if verb.pos_ != "VERB" or negated(verb) else _boarded(doc, mentions, verb)
        frames += [boarded] if boarded else []
        known = VEHICLE_VERBS.get(verb_lemma(verb)) if verb.pos_ == "VERB" else None
        if known is None or negated(verb) or _has_own_object(verb):
            continue
        own = {t.i for t in verb.subtree if t.i != verb.i and t.dep_ != "conj"}
        mine = {mention_at(mentions, i) for i in own}
        relation, kinds = known
        vehicles = [k for k, m in enumerate(mentions) if k not in mine
                    and ({m.noun, m.noun.rsplit(" ", 1)[-1]} & kinds)]  # fmt: skip
        subjects = [k for k in verb_subjects(doc, mentions, verb) if k not in vehicles]
        if vehicles and subjects:
            frames.append(VerbFrame(verb.i, tuple(subjects), relation, (vehicles[0],)))
    return frames


IMPLIED_RELATIONS = {
    "drive": "driving", "sail": "sitting in", "cycle": "riding", "bike": "riding",
    "fish": "holding", "read": "reading", "paint": "holding", "knit": "holding",
    "sweep": "holding",
}  # fmt: skip
"""Verb lemma: how its drawn doer goes with the thing it implies (the girl who drove is
driving the car, the boy reading reads the book)."""


def implied_relations(
    doc: Any, raw: list[Mention], implied: list[Mention]
) -> list[MentionRelation]:
    """Relations from the drawn doers of the verbs to the things they imply; the implied
    things are numbered after the raw mentions (``len(raw) + j``)."""
    found: list[MentionRelation] = []
    for j, thing in enumerate(implied):
        player = mention_at(raw, thing.head)
        if player is not None and thing.noun in INSTRUMENTS:
            found.append(MentionRelation(player, "playing", len(raw) + j))  # the harpist's harp
            continue
        verb = doc[thing.head]
        food = _cooked(verb, raw) if thing.noun in COOKED_IN.values() else None
        if food is not None:
            found.append(MentionRelation(food, "in", len(raw) + j))  # the pancake in the pan
            continue
        relation = IMPLIED_RELATIONS.get(verb_lemma(verb))
        if relation is None:
            continue
        subject = _subject(verb)
        doer = mention_at(raw, subject.i) if subject is not None else None
        if doer is not None:  # a pronoun is kept when it resolves ("she drove home")
            found.append(MentionRelation(doer, relation, len(raw) + j))
    return found
