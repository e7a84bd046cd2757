"""The things at the ends of a spatial phrase when the words name them indirectly.

- A part of a thing stands for the thing: "hanging on the back of the door" is on the
  door, "in the corner of the room" in the room, "landed on the roof of the car" on the
  car, "stuck in the branches of the oak" in the oak; in the shade or shadow of a tree
  is under it. A part said without "of" is the part of the last thing named that has
  such parts ("this is my house and that's my cat on the roof": on the house).
- "On top" without "of" is on the thing just named before the list it ends ("the noodles
  with mushrooms and a fried egg on top": the egg on the noodles), never on what that
  thing is "with" ("a sandcastle with a moat ... a flag on top").
- "The red one" is the thing named before it ("our old car, the red one parked ...").
- Two things a verb is said of together, with "each other" or "hands", or with a verb
  done to one another ("the cat and the dog were fighting"), are its two ends; a group
  doing one ("two boxers are fighting") pairs its instances (:func:`group_reciprocals`).
- A person on or in a seat sits on it ("my sister on the swing"); whoever pushes
  someone in or on a thing pushes the thing ("a patient in a wheelchair").
- Whoever holds, reads, rides or eats a thing is where it is ("Grandpa was reading the
  newspaper in his armchair" has Grandpa in the armchair too); a thing thrown, put or
  watched goes where the phrase says on its own.
"""

from __future__ import annotations

from typing import Any

from speech2image.language.contradictions import MentionRelation
from speech2image.language.frames import (
    VerbFrame,
    is_animate,
    mention_at,
    negated,
    verb_form,
    verb_lemma,
    verb_subjects,
)
from speech2image.language.lexicon import BODY_PARTS, CONTAINERS, PEOPLE
from speech2image.language.mentions import Mention
from speech2image.language.nonthings import DRINKING_VESSELS
from speech2image.language.places import PART_NOUNS, THING_PARTS
from speech2image.language.verb_words import VERB_NAMES

_HANDS = frozenset({"hold", "shake", "join", "clasp"})
"""Verbs that, with "hands", are two people hand in hand."""

_SIDES = frozenset({"front", "left", "right", "rear", "underside", "tip"})
"""Parts of a thing named by where they are ("on the front of a bicycle")."""
_UNDER_PARTS = frozenset({"shade", "shadow", "shadows"})
"""Parts that put a thing under the whole: "in the shade of a tree"."""
_INSIDE_PARTS = frozenset({"inside", "interior", "depths", "middle", "centre", "center"})
"""Parts that put a thing inside the whole, whatever the preposition."""
CONTACT_FRAMES = frozenset(
    {"holding", "carrying", "reading", "eating", "drinking", "hugging", "feeding", "chewing",
     "playing with", "playing", "cutting", "fixing", "writing", "painting", "wearing",
     "walking", "cuddling", "stroking", "petting", "knitting", "drawing", "mending",
     "repairing", "sewing", "washing", "cleaning", "polishing", "folding", "sorting",
     "brushing", "peeling", "chopping", "stirring", "mixing", "wrapping", "building"}
)  # fmt: skip
"""Verb frames whose doer has the thing at hand: where the thing is, the doer is. (One who
sits on, lies on or rides a thing is drawn on it, so goes where it goes already.)"""


_VESSELS = CONTAINERS | DRINKING_VESSELS | {
    "pan", "saucepan", "wok", "oven", "fridge", "freezer", "sink", "microwave", "toaster",
    "dishwasher", "kettle", "teapot", "cauldron", "cage", "tank", "aquarium", "jar", "tin",
}  # fmt: skip
"""Things that hold what is in them, never the one who handles it."""


PLANT_PARTS = frozenset({"branch", "bough", "twig", "trunk", "leaf", "stem", "stalk"})
"""Parts of a tree or a plant: "stuck in the branches of the oak tree" is in the tree."""


def whole_of(mentions: list[Mention], noun: Any) -> list[int]:
    """The thing ``noun`` (a drawn part: "the roof of the car", "the branches of the oak
    tree") is a part of, if named."""
    if noun.lemma_.lower() not in THING_PARTS | PLANT_PARTS:
        return []
    return [
        k
        for prep in noun.children
        if prep.lower_ == "of"
        for pobj in prep.children
        if pobj.dep_ == "pobj" and (k := mention_at(mentions, pobj.i)) is not None
    ][:1]


_HOUSES = frozenset(
    {"house", "cottage", "shed", "barn", "hut", "cabin", "garage", "church", "school",
     "castle", "building", "bungalow", "farmhouse", "kennel", "doghouse", "treehouse"}
)  # fmt: skip
_VEHICLES = frozenset({"car", "bus", "van", "truck", "lorry", "train", "taxi", "caravan", "jeep"})
WHOLES = {
    "roof": _HOUSES | _VEHICLES, "chimney": _HOUSES, "porch": _HOUSES, "doorstep": _HOUSES,
    "step": _HOUSES, "steps": _HOUSES, "windowsill": _HOUSES | {"window"},
    "sill": _HOUSES | {"window"}, "ledge": _HOUSES | {"window", "cliff"},
    "bonnet": _VEHICLES, "hood": _VEHICLES,
    "deck": frozenset({"ship", "boat", "ferry", "yacht", "sailboat"}),
    "lid": frozenset({"box", "pot", "jar", "bin", "chest", "piano", "saucepan", "basket"}),
    "seat": _VEHICLES | {"bicycle", "bike", "motorbike", "tractor", "chair", "swing"},
    "handle": frozenset({"door", "cup", "mug", "bag", "basket", "pan", "bucket", "umbrella"}),
    "rim": frozenset({"cup", "glass", "bowl", "bucket", "basket", "hat"}),
}  # fmt: skip
"""Parts said without their whole ("that's my house ... my cat on the roof") and the
wholes they may be a part of."""


def whole_before(mentions: list[Mention], part: int, start: int) -> list[int]:
    """The thing named before ``start`` that the part ``mentions[part]``, said without
    "of", belongs to ("this is my house and that's my cat on the roof": the house)."""
    kinds = WHOLES.get(mentions[part].noun)
    if kinds is None:
        return []
    before = [k for k, m in enumerate(mentions) if m.head < start and k != part]
    return [k for k in before if mentions[k].noun.rsplit(" ", 1)[-1] in kinds][-1:]


def part_whole(mentions: list[Mention], noun: Any, relation: str) -> tuple[list[int], str]:
    """The mentions a part noun (``noun``, a preposition's object) is a part of, and the
    relation the phrase then says; no mentions when ``noun`` is no part of a thing."""
    lemma = noun.lemma_.lower()
    if lemma not in PART_NOUNS | _SIDES | THING_PARTS:
        return [], relation
    wholes = [
        k
        for prep in noun.children
        if prep.lower_ == "of"
        for pobj in prep.children
        if pobj.dep_ == "pobj" and (k := mention_at(mentions, pobj.i)) is not None
    ]
    if lemma in _UNDER_PARTS:
        relation = "under"
    elif lemma in _INSIDE_PARTS and relation in ("on", "in", "near"):
        relation = "in"
    return wholes[:1], relation


def on_top(doc: Any, mentions: list[Mention], start: int) -> tuple[list[int], list[int]] | None:
    """Subjects and object of "on top" said with no "of" at token ``start``, or None."""
    words = [t.lower_ for t in doc[start : start + 3]]
    if words[:2] != ["on", "top"] or words[2:] == ["of"]:
        return None
    before = [k for k, m in enumerate(mentions) if m.head < start]
    if not before:
        return None
    top = doc[mentions[before[-1]].head]
    while top.dep_ == "conj" and top.head.i < top.i:
        top = top.head  # "with mushrooms and a fried egg on top": the whole list
    listed = [top, *[t for t in top.subtree if t.dep_ == "conj" and t.i < start]]
    subjects = [k for t in listed if (k := mention_at(mentions, t.i)) is not None]
    if not subjects:
        return None
    first = min(mentions[k].start for k in subjects)
    under = [k for k in before if mentions[k].head < first and k not in subjects]
    # "a sandcastle with a moat ... a flag on top": on the sandcastle, not on its moat.
    under = [k for k in under if not _with_of(doc, mentions, k)]
    return (subjects, under[-1:]) if under else None


def _with_of(doc: Any, mentions: list[Mention], k: int) -> bool:
    """True when mention ``k`` is what another thing is "with" ("a cake with a candle")."""
    token = doc[mentions[k].head]
    prep = token.head
    if token.dep_ != "pobj" or prep.lower_ != "with":
        return False
    # "built a sandcastle with a moat": the parse hangs "with" on the verb of the thing.
    owners = [prep.head, *(c for c in prep.head.children if c.dep_ == "dobj" and c.i < prep.i)]
    return any(mention_at(mentions, o.i) is not None for o in owners)


def antecedent_of_one(mentions: list[Mention], noun: Any) -> list[int]:
    """The thing "one" stands for ("the red one"): the last thing named before it."""
    if noun.lower_ not in ("one", "ones"):
        return []
    return [k for k, m in enumerate(mentions) if m.head < noun.i][-1:]


def with_doers(
    mentions: list[Mention],
    frames: list[VerbFrame],
    governor: int,
    subjects: list[int],
    objects: list[int],
) -> list[int]:
    """``subjects`` with the doers of a contact frame of verb ``governor`` whose things they
    are, doers first (mention indexes); none for a vessel the thing is in ("drinking tea in
    a mug", "pasta in a big pan": the cook is not in the pan)."""
    if any(mentions[o].noun.rsplit(" ", 1)[-1] in _VESSELS for o in objects):
        return subjects
    doers = [
        s
        for f in frames
        if f.verb == governor and f.relation in CONTACT_FRAMES and set(subjects) & set(f.objects)
        for s in f.subjects
        if s not in subjects
    ]
    return list(dict.fromkeys([*doers, *subjects]))


_SIDE_WORDS = {"left": "left", "right": "right", "middle": "middle", "centre": "middle",
               "center": "middle"}  # fmt: skip


def is_picture_side(doc: Any, start: int) -> bool:
    """True when the words from ``start`` are "on the left" (right, middle) with no "of":
    a side of the picture, not a side of a thing."""
    words = [t.lower_ for t in doc[max(start, 0) : start + 4]]
    return (
        start >= 0
        and len(words) >= 3
        and words[0] in ("on", "to", "at", "in")
        and words[1] == "the"
        and words[2] in _SIDE_WORDS
        and words[3:4] != ["of"]
    )


def _side_thing(doc: Any, mentions: list[Mention], side: Any) -> int | None:
    """The thing said to be on a side of the picture: the one the phrase hangs on, the one
    named after a fronted "on the left" ("on the left there's a tree"), else the subject
    of its verb ("my mum is on the left")."""
    prep = doc[side.i - 2]
    governor = prep.head
    k = mention_at(mentions, governor.i)
    if k is not None and governor.i != prep.i:
        return k
    after = [k for k, m in enumerate(mentions) if m.start > side.i][:1]
    gap = doc[side.i + 1 : mentions[after[0]].start] if after else doc[0:0]
    cut = any(t.pos_ in ("VERB", "AUX", "CCONJ", "PUNCT") for t in gap)
    said_next = bool(after) and len(gap) <= 2 and not cut
    if governor.i >= prep.i or said_next:  # fronted, or "... and on the left the cat"
        return after[0] if after else None
    subjects = [c for c in governor.children if c.dep_ in ("nsubj", "nsubjpass")]
    found = mention_at(mentions, subjects[0].i) if subjects else None
    before = [k for k, m in enumerate(mentions) if m.head < side.i]
    return found if found is not None or subjects else (before[-1] if before else None)


def picture_sides(doc: Any, mentions: list[Mention]) -> list[tuple[int, int, str, int]]:
    """(token index, subject, relation, object) for things said to be on the left, in the
    middle and on the right of the picture ("on the left there's a big oak tree and on the
    right a small pond"): each left one left of each right one, the middle between."""
    sides: dict[str, list[int]] = {"left": [], "middle": [], "right": []}
    at = 0
    for token in doc:
        side = _SIDE_WORDS.get(token.lower_) if is_picture_side(doc, token.i - 2) else None
        if side is None:
            continue
        thing = _side_thing(doc, mentions, token)
        if thing is not None and thing not in sides[side]:
            sides[side].append(thing)
            at = at or token.i
    found = [(at, left, "left of", right) for left in sides["left"] for right in sides["right"]]
    found += [(at, m, "right of", left) for m in sides["middle"] for left in sides["left"]]
    found += [(at, m, "left of", right) for m in sides["middle"] for right in sides["right"]]
    return [f for f in found if f[1] != f[3]]


_MUTUAL_VERBS = {
    "fight": "fighting", "argue": "arguing with", "quarrel": "arguing with",
    "squabble": "arguing with", "bicker": "arguing with", "wrestle": "fighting",
    "box": "fighting", "spar": "fighting",
    "duel": "fighting", "scuffle": "fighting", "brawl": "fighting", "hug": "hugging",
    "cuddle": "hugging", "embrace": "hugging", "kiss": "kissing", "chat": "talking to",
    "talk": "talking to", "gossip": "talking to", "whisper": "talking to",
}  # fmt: skip
"""Verbs that, said of two or more with no other partner, are done to one another ("two
boxers are fighting", "the twins were arguing", "my parents hugged")."""
_TOGETHER_VERBS = {"play": "playing with", "dance": "dancing with", "chase": "chasing"}
"""Verbs done to one another only when said so ("the puppies played together")."""
_PARTNER_PREPOSITIONS = frozenset({"with", "to", "at", "against", "toward", "towards"})


def _mutual_name(verb: Any) -> str | None:
    """The relation a verb said of several with no one else is between them, or None."""
    lemma = verb_lemma(verb)
    together = any(c.lower_ == "together" for c in verb.children)
    name = _MUTUAL_VERBS.get(lemma) or (_TOGETHER_VERBS.get(lemma) if together else None)
    partner = any(
        c.dep_ in ("dobj", "dative")
        or (c.dep_ == "prep" and c.lower_ in _PARTNER_PREPOSITIONS and not together)
        for c in verb.children
    )
    return None if partner else name


def reciprocal_frames(doc: Any, mentions: list[Mention]) -> list[VerbFrame]:
    """ "The boy and his dad were holding hands", "the cat and the dog chased each other",
    "the cat and the dog were fighting": the verb between the things it is said of, the
    first to the second."""
    frames: list[VerbFrame] = []
    for verb in doc:
        if verb.pos_ != "VERB" or negated(verb):
            continue
        objects = [c for c in verb.children if c.dep_ == "dobj"]
        mutual = [o for o in objects if o.lower_ in ("other", "another")]
        hands = [o for o in objects if o.lower_ == "hands" and verb_lemma(verb) in _HANDS]
        subjects = verb_subjects(doc, mentions, verb)
        said = _mutual_name(verb)
        if not (mutual or hands or said) or len(subjects) < 2:
            continue
        name = f"{verb_form(verb)} hands with" if hands else verb_form(verb)
        name = VERB_NAMES.get(verb_lemma(verb), name) if mutual else said or name
        frames.append(VerbFrame(verb.i, (subjects[0],), name, tuple(subjects[1:])))
    return frames


def group_reciprocals(doc: Any, mentions: list[Mention]) -> list[tuple[int, str]]:
    """(mention, relation) for a group that does a verb to one another ("two boxers are
    fighting", "the puppies chased each other"): its instances pair up."""
    found: list[tuple[int, str]] = []
    for verb in doc:
        if verb.pos_ != "VERB" or negated(verb):
            continue
        mutual = any(c.dep_ == "dobj" and c.lower_ in ("other", "another") for c in verb.children)
        name = _mutual_name(verb) or (VERB_NAMES.get(verb_lemma(verb), verb_form(verb))
                                      if mutual else None)  # fmt: skip
        subjects = verb_subjects(doc, mentions, verb)
        if name is not None and len(subjects) == 1 and mentions[subjects[0]].count > 1:
            found.append((subjects[0], name))
    return found


def measured(mentions: list[Mention], noun: Any) -> list[int]:
    """The thing a noun that is not drawn stands for: "a bowl of cherries" -> the cherries,
    "our car, the red one" -> the car; none for a thing just not drawn ("the date on the
    board")."""
    if noun.dep_ == "appos" and (k := mention_at(mentions, noun.head.i)) is not None:
        return [k]
    for prep in noun.children:
        if prep.lower_ == "of":
            for pobj in prep.children:
                k = mention_at(mentions, pobj.i)
                if k is not None:
                    return [k]
    return []


def part_owner(mentions: list[Mention], noun: Any) -> int | None:
    """The drawn one whose body part ``noun`` is ("his dad's shoulders": the dad)."""
    if noun.lemma_.lower() not in BODY_PARTS:
        return None
    owners = [c for c in noun.children if c.dep_ == "poss" and c.pos_ in ("NOUN", "PROPN")]
    return mention_at(mentions, owners[0].i) if owners else None


_OWNERS = frozenset({"his", "her", "their", "its", "my", "your", "our"})


def owned_part(doc: Any, phrase: Any) -> bool:
    """ "On her lap", "on his shoulder": a part of someone, who stands for it."""
    pobjs = [c for c in doc[phrase.end - 1].children if c.dep_ == "pobj"]
    owned = [c for p in pobjs for c in p.children if c.dep_ == "poss"]
    parts = [p for p in pobjs if p.lemma_.lower() in BODY_PARTS]
    return bool(parts) and any(c.lower_ in _OWNERS for c in owned)


def part_owner_before(mentions: list[Mention], start: int, subjects: list[int]) -> list[int]:
    """Whose part it is: the last person or animal named before, other than the subject."""
    owners = [k for k, m in enumerate(mentions) if m.head < start and is_animate(m)]
    return [k for k in owners if k not in subjects][-1:]


_MOVING_FRAMES = frozenset({"pushing", "pulling", "dragging", "towing", "wheeling"})
"""Frames that move a thing together with what it sits in or on."""


def pushed_carriers(
    said: list[tuple[int, MentionRelation]], mentions: list[Mention]
) -> list[tuple[int, MentionRelation]]:
    """ "The nurse is pushing a patient in a wheelchair", "he pulled his sister on the
    sledge": whoever pushes the one in or on a thing pushes the thing too."""
    riding = ("in", "on", "sitting on", "sitting in", "lying on", "lying in", "riding")
    carriers = [(at, r.subject, r.object) for at, r in said if r.relation in riding]
    # After the rider's own relation: the layout places the rider on the swing first.
    return [
        (at, MentionRelation(r.subject, r.relation, carrier))
        for _, r in said
        if r.relation in _MOVING_FRAMES
        for at, rider, carrier in carriers
        if rider == r.object and carrier != r.subject and not is_animate(mentions[carrier])
    ]


SEATS = frozenset(
    {"chair", "bench", "sofa", "couch", "swing", "stool", "armchair", "seat", "throne",
     "deckchair", "highchair", "saddle", "wheelchair", "rocking chair"}
)  # fmt: skip
"""Things a person on or in them sits on: "my sister on the swing" is sitting on it, not
standing on its top bar."""


def seated(subject: Mention, relation: str, obj: Mention) -> str:
    """ "sitting on" ("sitting in") for a person said to be on (in) a seat, else
    ``relation``."""
    person = subject.noun.rsplit(" ", 1)[-1] in PEOPLE or subject.noun == "person"
    seat = obj.noun in SEATS or obj.noun.rsplit(" ", 1)[-1] in SEATS
    return f"sitting {relation}" if relation in ("on", "in") and person and seat else relation
