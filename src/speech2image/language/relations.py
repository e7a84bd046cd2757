"""Relations between mentions, spatial ("the cat is to the left of the dog") and verb
frames ("a girl riding a horse"), chained, over lists and groups.

A spatial phrase is found by its words; its object is its preposition's object in the
parse (both for "between A and B"). Its subject is the thing a relation just named right
before it (a chain: "a cat on a chair to the left of a table behind two dogs"), else what
it attaches to: a noun with those listed with it ("a cat, a dog and a bird on a bench"), a
verb's object ("she put the book on the table") or subject ("a boy reading under a tree");
else the mention before. Prepositions a verb frame takes ("sitting in") are not spatial;
negated phrases give no relation; one contradicting an earlier one is dropped.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from speech2image.language.contradictions import MentionRelation, consistent
from speech2image.language.frames import (
    VerbFrame,
    coordinated,
    find_frames,
    is_animate,
    mention_at,
    negated,
    said_subject,
    verb_subjects,
)
from speech2image.language.implied import vehicle_frames
from speech2image.language.lexicon import (
    BODY_PARTS,
    CONTAINERS,
    PLACING_VERBS,
)
from speech2image.language.mentions import Mention, place_of
from speech2image.language.nonthings import DRINKING_VESSELS, PORTION_NOUNS
from speech2image.language.possession import possession_frames, verb_held_frames, worn_in
from speech2image.language.relation_ends import (
    antecedent_of_one,
    is_picture_side,
    measured,
    on_top,
    owned_part,
    part_owner,
    part_owner_before,
    part_whole,
    picture_sides,
    pushed_carriers,
    reciprocal_frames,
    seated,
    whole_before,
    whole_of,
    with_doers,
)
from speech2image.language.vocabulary import RELATION_PHRASES

_MAX_GAP_TOKENS = 6
"""The most words between a relation phrase and its object when the parse gives none."""
_PHRASE_NOUNS = frozenset({"left", "right", "top", "front", "side", "middle", "back", "bottom"})
"""Nouns inside relation phrases ("to the left of"): a phrase hung on them is a chain."""
_MAX_CLIMB = 4
"""How far up the parse a phrase's subject is looked for."""

_EXTRA_PHRASES: tuple[tuple[tuple[str, ...], str], ...] = (
    (("at", "the", "top", "of"), "on"), (("at", "the", "foot", "of"), "in front of"),
    (("in", "back", "of"), "behind"),
    (("on", "either", "side", "of"), "beside"), (("on", "both", "sides", "of"), "beside"),
    (("across", "from"), "in front of"), (("ahead", "of"), "in front of"),
    (("opposite",), "in front of"), (("beyond",), "behind"), (("against",), "beside"),
    (("all", "over"), "on"), (("outside",), "in front of"), (("at",), "near"),
    (("out", "of"), "near"), (("past",), "in front of"),
)  # fmt: skip
"""Relation phrases read before the vocabulary's ("the bees are all over the lavender")."""
_OUT_OF_NOT_PLACE = frozenset(
    {"make", "build", "carve", "cut", "craft", "form", "run", "sculpt", "knit", "fold", "sew"}
)  # fmt: skip
"""Verbs whose "out of" says a material or a lack ("made out of paper", "ran out of milk"),
where the thing is not."""
_BOARDED_INSIDE = frozenset(
    {"train", "bus", "tram", "plane", "airplane", "aeroplane", "coach", "subway", "metro",
     "ferry", "helicopter", "minibus", "underground", "spaceship", "rocket"}
)  # fmt: skip
"""Vehicles one is "on" when one is in them ("on the bus"): the relation drawn is in (not
"on top of the bus", and not a car, which one is on only on its roof)."""
_REVERSED_PHRASES: tuple[tuple[tuple[str, ...], str], ...] = (
    (("full", "of"), "in"), (("filled", "with"), "in"), (("covered", "with"), "on"),
    (("covered", "in"), "on"), (("piled", "with"), "on"), (("crowded", "with"), "in"),
)  # fmt: skip
"""Phrases that say the relation the other way round: "a ferry full of cars" has the cars
in the ferry, "a table covered with books" the books on the table."""


@dataclass(frozen=True, slots=True)
class _Phrase:
    start: int
    end: int
    relation: str
    reversed: bool = False


def _phrases(doc: Any, claimed: set[int]) -> list[_Phrase]:
    """Each spatial relation phrase, longest match first, except the prepositions a verb
    frame took and "by" of a passive."""
    words = [t.lower_ for t in doc]
    found = []
    i = 0
    while i < len(words):
        for phrase, relation in _REVERSED_PHRASES + _EXTRA_PHRASES + RELATION_PHRASES:
            if tuple(words[i : i + len(phrase)]) == phrase:
                made = phrase == ("out", "of") and doc[i].head.lemma_.lower() in _OUT_OF_NOT_PLACE
                made = made or is_picture_side(doc, i)  # "on the left": see picture_sides
                if doc[i].dep_ == "agent" or (phrase == ("over",) and doc[i].dep_ == "prt") or made:
                    break
                if not claimed.intersection(range(i, i + len(phrase))):
                    backwards = (phrase, relation) in _REVERSED_PHRASES
                    found.append(_Phrase(i, i + len(phrase), relation, backwards))
                i += len(phrase) - 1
                break
        i += 1
    return found


def _phrase_negated(doc: Any, phrase: _Phrase) -> bool:
    """ "The cat is not on the table", "a dog that is never under the bed"."""
    token = doc[phrase.start].head
    for _ in range(_MAX_CLIMB):
        if token.pos_ in ("VERB", "AUX"):
            return negated(token)
        token = token.head  # the root is its own head
    return False


_PORTIONS = PORTION_NOUNS | DRINKING_VESSELS
"""Nouns that stand, before "of", for what they hold ("beside a mug of tea")."""


def _objects(doc: Any, mentions: list[Mention], phrase: _Phrase) -> list[int]:
    """The things the phrase relates its subject to."""
    last = doc[phrase.end - 1]
    pobjs = [c for c in last.children if c.dep_ == "pobj"]
    objects: list[int] = []
    if pobjs and (phrase.relation == "between" or phrase.reversed):
        objects = coordinated(doc, mentions, pobjs[0], len(doc))
    elif pobjs and (k := mention_at(mentions, pobjs[0].i)) is not None:
        if owned_part(doc, phrase):
            return []
        return whole_of(mentions, pobjs[0]) or whole_before(mentions, k, phrase.start) or [k]
    elif pobjs and (k := mention_at(mentions, pobjs[0].i + 1)) is not None:
        return [k]  # "beside three glass bowls" parsed with "glass" as the object
    elif (
        pobjs
        and pobjs[0].lemma_.lower() in _PORTIONS
        and (portions := measured(mentions, pobjs[0]))
    ):
        return portions  # "beside a mug of tea", "on a slice of bread": the tea, the bread
    elif pobjs and (k := part_owner(mentions, pobjs[0])) is not None:
        return [k]  # "on his dad's shoulders": on the dad
    elif pobjs and pobjs[0].pos_ in ("NOUN", "PROPN", "PRON"):
        return []  # a thing said but not drawn ("on the phone", "on her lap") is no place
    if not objects:
        after = [k for k, m in enumerate(mentions) if m.start >= phrase.end][:1]
        between = doc[phrase.end : mentions[after[0]].start] if after else []
        if any(t.pos_ == "VERB" for t in between) or len(between) > _MAX_GAP_TOKENS:
            return []
        objects = after
    if phrase.relation == "between" and len(objects) == 1:
        # "between a cat and a rabbit" parsed with the rabbit joined to the subject.
        first = mentions[objects[0]]
        nxt = [k for k, m in enumerate(mentions) if m.start > first.head][:1]
        words = [t.lower_ for t in doc[first.head : mentions[nxt[0]].start]] if nxt else []
        objects += nxt if first.count == 1 and "and" in words else []
    return objects


def _is_place(doc: Any, mentions: list[Mention], phrase: _Phrase, objects: list[int]) -> bool:
    """ "On the beach": the phrase names the setting, not a thing."""
    stop = mentions[objects[0]].start if objects else min(phrase.end + 4, len(doc))
    head = mentions[objects[0]].head if objects else -1
    # "on the kitchen table": a table, whose name says where it stands.
    return any(place_of(t) and t.head.i != head for t in doc[phrase.end : stop])


def _verb_subjects(doc: Any, mentions: list[Mention], verb: Any, start: int) -> list[int] | None:
    """Whom a phrase on ``verb`` is about: its object when it has one before the phrase
    ("she put the book on the table", "a man riding a horse behind a cat"; None when the
    verb puts an object that is not drawn: "he wrote the date on the board"), else its
    subject ("the kids did their homework at the table")."""
    fronted = start < verb.i  # "Behind the shed there's an old bicycle": what comes after
    placed = fronted and verb.lemma_.lower() in PLACING_VERBS  # "On the table she put a vase"
    moved = [c for c in verb.children if c.dep_ == "dobj" and (c.i < start or placed)]
    found = coordinated(doc, mentions, moved[0], len(doc) if placed else start) if moved else []
    if found or (moved and verb.lemma_.lower() in PLACING_VERBS):
        return found or None
    found = verb_subjects(doc, mentions, verb)
    if found:
        return found
    # "I sat with Priya and Tom under the tree": those drawn of who sat there.
    companions = [o for p in verb.children if p.lower_ == "with" and p.i < start
                  for c in p.children if c.dep_ == "pobj"
                  for o in coordinated(doc, mentions, c, start)]  # fmt: skip
    if companions:
        return companions
    for child in verb.children:
        after = fronted and child.i > verb.i and child.dep_ == "dobj"  # "... stands a snowman"
        said = child.dep_ in ("nsubjpass", "attr", "nsubj") and (child.i < start or fronted)
        if said or after:
            found = coordinated(doc, mentions, child, len(doc) if fronted else start)
            if found:
                return found
    return []


def _chained(doc: Any, mentions: list[Mention], start: int, named: set[int]) -> int | None:
    """The thing named just before ``start`` when a relation just said named it ("a cat on
    a chair | to the left of a table": the chair)."""
    before = [k for k, m in enumerate(mentions) if m.head < start]
    gap = doc[mentions[before[-1]].head + 1 : start] if before else []
    far = len(gap) > 2 or any(t.pos_ in ("VERB", "AUX", "CCONJ", "SCONJ", "PRON") for t in gap)
    return None if not before or before[-1] not in named or far else before[-1]


def _subjects(
    doc: Any, mentions: list[Mention], phrase: _Phrase, named: set[int], carriers: dict[int, int]
) -> list[int]:
    """The mentions the phrase says something about (see the module docstring); a thing
    worn stands for whoever wears it ("a woman in a red dress behind a car")."""
    chained = _chained(doc, mentions, phrase.start, named)
    governor = doc[phrase.start].head
    if governor.lemma_ == "be" and any(
        c.dep_ == "nsubj" and mention_at(mentions, c.i) is not None for c in governor.children
    ):
        # "My laptop is on the table next to a cup": the parse hangs both on "is", said of
        # the laptop. After another verb the chain holds: "riding in the basket on the front
        # of a bicycle" has the basket on the bicycle, "stared at the goldfish in the bowl"
        # the goldfish in the bowl.
        chained = None
    found = [chained] if chained is not None else _attached(doc, mentions, phrase)
    return list(dict.fromkeys(carriers.get(k, k) for k in found))


def _attached(doc: Any, mentions: list[Mention], phrase: _Phrase) -> list[int]:
    """The mentions the phrase attaches to in the parse, else the one just before it."""
    start = phrase.start
    governor = doc[start].head
    joined = False  # climbed from a verb joined by "and": its doer, never the other's object
    for _ in range(_MAX_CLIMB):
        k = mention_at(mentions, governor.i)
        if k is not None and mentions[k].head < start:
            return coordinated(doc, mentions, doc[mentions[k].head], start) or [k]
        if governor.pos_ in ("VERB", "AUX"):
            if joined:
                found: list[int] | None = verb_subjects(doc, mentions, governor)
            else:
                found = _verb_subjects(doc, mentions, governor, start)
            if found is None or found or said_subject(governor) or joined:
                return found or []  # a subject not drawn ("I sat on a bench"): no one
            if governor.dep_ in ("conj", "xcomp", "advcl", "relcl", "acl", "ccomp"):
                joined = governor.dep_ == "conj"
                governor = governor.head
                continue
            if governor.pos_ == "VERB" and governor.dep_ == "ROOT":
                return []  # "Fed the ducks, then sat on a bench": the one who sat, not drawn
        if governor.dep_ in ("prep", "advmod", "npadvmod") or governor.pos_ == "ADP":
            governor = governor.head
            continue
        doer = [k for k, m in enumerate(mentions) if m.verb and m.head == governor.i - 1]
        if doer:
            return doer  # "the duck swam under the bridge" with "swam" parsed as a noun
        said = any(c.dep_ in ("det", "poss") for c in governor.children)  # not a verb misread
        if governor.pos_ in ("NOUN", "PROPN") and governor.lower_ not in _PHRASE_NOUNS and said:
            found = measured(mentions, governor) or antecedent_of_one(mentions, governor)
            part = governor.dep_ == "dobj" and governor.lemma_.lower() in BODY_PARTS
            if found or not (governor.dep_ == "pobj" or part):
                return found
            # "sitting in a row behind the teacher": who sits; "curled his tail around
            # the knight": whose tail.
            governor = governor.head
            continue
        break
    return [k for k, m in enumerate(mentions) if m.head < start][-1:]


def _spatial(
    doc: Any, mentions: list[Mention], claimed: set[int], frames: list[VerbFrame]
) -> tuple[list[tuple[int, MentionRelation]], set[int]]:
    """Spatial relations with the token index they were said at, and place phrases."""
    found: list[tuple[int, MentionRelation]] = []
    places: set[int] = set()
    # A thing worn, or had ("a man with an umbrella"), goes where its owner goes; a thing
    # held by a verb ("a boy holding an apple under a tree") is placed itself.
    carriers = _carriers([f for f in frames if doc[f.verb].pos_ == "ADP"], ("holding",))
    carriers.update(_carriers(frames, ("wearing",)))
    named = {o for frame in frames for o in frame.objects}
    """Mentions that a relation named as its object: the links of a chain."""
    for phrase in _phrases(doc, claimed):
        objects, said_as = _objects(doc, mentions, phrase), phrase.relation
        pobj = next((c for c in doc[phrase.end - 1].children if c.dep_ == "pobj"), None)
        if not objects and pobj is not None:
            objects, said_as = part_whole(mentions, pobj, said_as)  # "the back of the door"
        if _is_place(doc, mentions, phrase, objects):
            places.add(phrase.start)
            # "next to the penguin pool", "by the duck pond": the place's own creatures.
            compounds = [c for c in (pobj.children if pobj is not None else ())
                         if c.dep_ == "compound"]  # fmt: skip
            objects = [k for c in compounds if (k := mention_at(mentions, c.i)) is not None]
            if not objects:
                continue
        owned = owned_part(doc, phrase)
        if owned and phrase.relation == "in":
            continue  # "a kite in his hand", "a bone in its mouth": held, said by the frame
        top = on_top(doc, mentions, phrase.start)
        if not (objects or owned or top) or _phrase_negated(doc, phrase):
            continue
        subjects = _subjects(doc, mentions, phrase, named, carriers)
        objects = part_owner_before(mentions, phrase.start, subjects) if owned else objects
        subjects, objects = top or (subjects, objects)
        if doc[phrase.start].lower_ not in ("onto", "into"):  # "lifted it onto the rack"
            subjects = with_doers(mentions, frames, doc[phrase.start].head.i, subjects, objects)
        named.update(objects)
        for subject in [s for s in subjects if s not in objects]:
            for obj in objects:
                relation = said_as
                bare_on = phrase.end - phrase.start == 1 and doc[phrase.start].lower_ == "on"
                if bare_on and mentions[obj].noun.rsplit(" ", 1)[-1] in _BOARDED_INSIDE:
                    relation = "in"  # "reading on the train" is in it
                if relation == "in" and worn_in(mentions[subject], mentions[obj]):
                    relation = "wearing"
                relation = seated(mentions[subject], relation, mentions[obj])
                pair = (obj, subject) if phrase.reversed else (subject, obj)
                found.append((phrase.start, MentionRelation(pair[0], relation, pair[1])))
    return found, places


def _contents(doc: Any, mentions: list[Mention]) -> list[tuple[int, MentionRelation]]:
    """ "A bowl of cherries", "a plate of cookies": what the container holds is in it."""
    found = []
    for of in (t for t in doc if t.lower_ == "of" and t.head.lemma_.lower() in CONTAINERS):
        holder = mention_at(mentions, of.head.i)
        for held in [mention_at(mentions, c.i) for c in of.children if c.dep_ == "pobj"]:
            if holder is not None and held is not None:
                on = of.head.lemma_.lower() in ("plate", "tray")
                found.append((of.i, MentionRelation(held, "on" if on else "in", holder)))
    return found


def _carriers(frames: list[VerbFrame], relations: tuple[str, ...]) -> dict[int, int]:
    """Thing worn (or held) -> who wears (or holds) it."""
    return {o: f.subjects[0] for f in frames if f.relation in relations and f.subjects
            for o in f.objects}  # fmt: skip


def find_relations(doc: Any, mentions: list[Mention]) -> tuple[list[MentionRelation], set[int]]:
    """Relations between mentions in the order they were said (spatial ones and verb
    frames), and the token indexes of spatial phrases that named a place instead ("on
    the beach"), which the caller treats as the setting."""
    frames = find_frames(doc, mentions) + possession_frames(doc, mentions)
    claimed = {i for frame in frames if frame.objects for i in frame.claimed}
    frames += verb_held_frames(doc, mentions, claimed) + vehicle_frames(doc, mentions)
    frames += reciprocal_frames(doc, mentions)
    carriers = _carriers(frames, ("holding", "wearing", "carrying"))
    said, places = _spatial(doc, mentions, claimed, frames)
    contents = _contents(doc, mentions)
    # "A bowl of cherries on the table": the cherries are on it too, in their bowl.
    held = {r.object: r.subject for _, r in contents}
    said += [(i, MentionRelation(held[r.subject], r.relation, r.object)) for i, r in said
             if r.subject in held and r.relation in ("on", "under", "beside", "near")]  # fmt: skip
    said.extend(contents)
    said.extend((i, MentionRelation(s, r, o)) for i, s, r, o in picture_sides(doc, mentions))
    for frame in frames:
        # "a pirate holding a sword standing on a ship": the pirate stands, not the sword.
        subjects = [s if is_animate(mentions[s]) else carriers.get(s, s) for s in frame.subjects]
        said.extend((frame.verb, MentionRelation(s, frame.relation, o))
                    for s in dict.fromkeys(subjects) for o in frame.objects)  # fmt: skip
    said += pushed_carriers(said, mentions)  # "pushing a patient in a wheelchair"
    said.sort(key=lambda pair: pair[0])
    return consistent([r for _, r in said], mentions), places
