"""Drawable or not, decided on purpose: which words of a sentence name no thing.

A noun phrase is drawn only when it names a depictable thing. Time phrases ("once upon a
time", "on Friday"), idioms ("in the middle of", "over the moon"), measures ("ten
percent", "a cup of" tea), parts ("the edge of" a forest), abstract nouns ("the idea")
and names are left out, each recorded as :class:`~speech2image.scene.Skipped` with its
reason. A name attaches to what it names ("a dog called Rex" is a dog named Rex); a bare
name ("Tom went home") is a person with that name. Place words are the setting
(:mod:`speech2image.language.places`), never things.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from typing import Any

from speech2image.language.appositions import appositive_twin
from speech2image.language.attributes import (
    MATERIAL_WORDS,
    PATTERN_WORDS,
    made_of,
)
from speech2image.language.concepts import (
    COMPOUND_NOUNS,
    IDIOM_CONCEPTS,
    KNOWN_NOUNS,
    phrase_at,
)
from speech2image.language.landmarks import landmarks
from speech2image.language.lexicon import ANIMALS, FABRICS
from speech2image.language.names import is_name, take_name
from speech2image.language.nonthings import (
    ABSTRACT_NOUNS,
    ABSTRACT_SUFFIXES,
    ACTIVITY_NOUNS,
    BODY_PARTS,
    DRAWABLE_WITH_SUFFIX,
    DRINKING_VESSELS,
    HOT_AND_SERVED_DRINKS,
    INTERJECTION_NOUNS,
    LONE_PART_NOUNS,
    MEALS,
    MEASURE_NOUNS,
    MONTHS,
    NOT_THINGS,
    OWN_PARTS,
    PHRASES,
    PORTION_NOUNS,
    TIME_NOUNS,
    TIME_PREPOSITIONS,
    WEEKDAYS,
)
from speech2image.language.nouns import singular
from speech2image.language.places import (
    PART_NOUNS,
    THING_PARTS,
    Places,
    find_places,
    formation,
    of_night_sky,
)
from speech2image.language.vocabulary import SETTINGS
from speech2image.language.word_senses import (
    addressed,
    collected,
    sense_reason,
    wholes_of_parts,
)
from speech2image.scene import Skipped

_PHRASES_BY_FIRST: dict[str, list[tuple[tuple[str, ...], str]]] = {}
_IDIOMS = {phrase: "idiom" for phrase in IDIOM_CONCEPTS if phrase not in PHRASES}
for _phrase, _reason in sorted({**PHRASES, **_IDIOMS}.items(), key=lambda item: -len(item[0])):
    _PHRASES_BY_FIRST.setdefault(_phrase[0], []).append((_phrase, _reason))

_RELATION_PARTS = frozenset({"front", "top", "left", "right", "back", "side"})
"""Part nouns inside relation phrases ("in front of", "on the left of"): no thing, and not
worth recording as skipped."""


@dataclass(frozen=True, slots=True)
class Drawability:
    """What a sentence's words are, beyond the things it names."""

    places: Places
    blocked: frozenset[int] = frozenset()
    """Token indexes that are never a drawn thing (non-things, place words, names)."""
    skipped: tuple[Skipped, ...] = ()
    names: Mapping[int, str] = field(default_factory=dict)
    """Head token index of a noun -> the name given to it ("a dog called Rex")."""
    people: Mapping[int, str] = field(default_factory=dict)
    """Token index of a bare name that stands for a person ("Tom went home") -> the name."""
    surfaces: Mapping[int, tuple[str, str]] = field(default_factory=dict)
    """Head token index of a noun -> an attribute said with a phrase of its own, as
    ``(field, value)``: "a dress with blue dots" is ``("pattern", "dotted")``, "a statue
    made of gold" ``("material", "gold")``."""
    idioms: frozenset[int] = frozenset()
    """Token indexes of idioms, whose words say nothing of the time ("good morning")."""
    name_tokens: frozenset[int] = frozenset()
    time_tokens: frozenset[int] = frozenset()
    """Token indexes of time phrases ("after lunch", "last night"): they may say the time
    or the date, never another idea (lunch is no food there)."""
    """Token indexes of names, which say nothing of the time or weather ("a horse named
    Snow")."""


def _phrase_spans(doc: Any) -> list[tuple[range, str]]:
    """Spans of :data:`PHRASES` and of the idioms of :data:`IDIOM_CONCEPTS` in ``doc``,
    longest first, not overlapping; a word matches as written or as its lemma."""
    spans: list[tuple[range, str]] = []
    taken: set[int] = set()
    for i, token in enumerate(doc):
        candidates = [
            *_PHRASES_BY_FIRST.get(token.lower_, ()),
            *_PHRASES_BY_FIRST.get(token.lemma_.lower(), ()),
        ]
        for phrase, reason in sorted(candidates, key=lambda item: -len(item[0])):
            span = range(i, i + len(phrase))
            if phrase_at(doc, i, phrase) and not taken & set(span):
                spans.append((span, reason))
                taken.update(span)
                break
    return spans


def _in_compound_noun(token: Any) -> bool:
    """True for the head of a known compound ("parking meter", "alarm clock")."""
    if token.i == 0:
        return False
    previous = token.doc[token.i - 1].lower_
    return f"{previous} {token.lemma_.lower()}" in COMPOUND_NOUNS or (
        f"{previous} {token.lower_}" in COMPOUND_NOUNS
    )


def _surface(token: Any) -> tuple[Any, str, str] | None:
    """The noun ``token`` gives a pattern or material to, with the field and value: "a
    dress with blue dots", "her dress was white with dots", "made of gold"."""
    prep = token.head
    if token.dep_ != "pobj":
        return None
    word = token.lower_
    if prep.lower_ in ("with", "in") and word in PATTERN_WORDS:
        found = ("pattern", PATTERN_WORDS[word])
    elif made_of(prep) is not None and word in MATERIAL_WORDS:
        found = ("material", MATERIAL_WORDS[word])
    else:
        return None
    owner = made_of(prep) or prep.head
    while owner.pos_ in ("ADJ", "VERB", "AUX") and owner.dep_ in ("acomp", "amod", "acl"):
        owner = owner.head
    if owner.pos_ in ("VERB", "AUX"):
        subjects = [c for c in owner.children if c.dep_ in ("nsubj", "nsubjpass")]
        owner = subjects[0] if subjects else None
    if owner is None or owner.pos_ not in ("NOUN", "PROPN"):
        return None
    return owner, found[0], found[1]


def _owner_not_shown(token: Any) -> bool:
    """ "Grandma's cake" shows the cake; "on his dad's shoulders" shows the dad."""
    poss = token.dep_ == "poss" and token.pos_ in ("NOUN", "PROPN")
    owned = token.head.pos_ in ("NOUN", "PROPN")  # "the printer's jammed": is, not owns
    return poss and owned and token.head.lemma_.lower() not in BODY_PARTS


def _worn_cloth(token: Any) -> bool:
    """Cloth someone is in ("the jockey in the green silks", "dressed in rags"): worn."""
    prep = token.head
    if token.dep_ != "pobj" or prep.lower_ != "in" or singular(token) not in FABRICS:
        return False
    return prep.head.pos_ in ("NOUN", "PROPN", "PRON", "VERB")


def _negated(token: Any) -> bool:
    """ "He had no umbrella", "a bike without a bell": the thing is not there."""
    if any(c.lower_ == "no" and c.dep_ == "det" for c in token.children):
        return True
    return token.dep_ == "pobj" and token.head.lower_ == "without"


_PRETENDING = frozenset({"pretend", "imagine", "dream", "wish"})


def _pretended(token: Any) -> bool:
    """What a thing is pretended or imagined to be ("sitting in a box pretending it's a
    boat", "imagine it's a castle"): the box is drawn, never the boat."""
    if token.dep_ != "attr" or token.head.dep_ not in ("ccomp", "xcomp"):
        return False
    return token.head.head.lemma_.lower() in _PRETENDING


def _same_as_subject(token: Any) -> bool:
    """ "My grandfather used to be a fisherman": the fisherman is the grandfather, drawn
    once. "That is a dog", "there is a dog" and "this one is a dog" name the dog."""
    if token.dep_ == "pobj" and token.head.lower_ == "as" and token.head.head.pos_ == "VERB":
        verb = token.head.head  # "my brother works as a nurse": the nurse is the brother
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        return any(s.pos_ in ("NOUN", "PROPN") and _word_reason(s) is None for s in subjects)
    if token.dep_ != "attr":
        return False
    verb = token.head
    while verb.dep_ == "xcomp" and verb.head.i != verb.i:
        verb = verb.head
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    return any(
        s.lower_ not in _POINTING
        and s.pos_ in ("NOUN", "PROPN", "PRON")
        and s.lemma_.lower() not in _EMPTY_NOUNS
        for s in subjects
    )  # "the first thing we saw was a giraffe": no thing is the giraffe, so it is drawn


_EMPTY_NOUNS = frozenset({"thing", "things", "something", "stuff", "one", "first", "last"})
"""Subjects that say nothing but what their predicate names: "the first thing we saw was a
giraffe" draws the giraffe ("patience is the key" draws no key)."""


_POINTING = frozenset(
    {"there", "it", "this", "that", "these", "those", "what", "which", "who", "one", "ones",
     "mine", "yours", "ours", "theirs", "hers"}
)  # fmt: skip
"""Subjects that only point at the thing a predicate names: "this one is a shark", "mine is
a red bike" draw the shark and the bike."""


def _concrete_compound(token: Any) -> bool:
    """True when a thing's word names this one ("pencil case"), unlike "sales team"."""
    return any(
        c.dep_ == "compound" and c.pos_ == "NOUN" and c.lemma_.lower() not in NOT_THINGS
        for c in token.children
    )


def _word_reason(token: Any) -> str | None:
    """Why a single token is no thing, or ``None`` when it may be one."""
    word, lemma = token.lower_, token.lemma_.lower()
    if word in WEEKDAYS:
        return "weekday"
    if word in MONTHS and (token.pos_ == "PROPN" or token.ent_type_ == "DATE"):
        return "time phrase"
    if token.pos_ not in ("NOUN", "PROPN", "NUM"):
        return None
    if word in INTERJECTION_NOUNS or (len(word) == 1 and word.isalpha()):
        return "not depictable"
    if lemma in BODY_PARTS or word in BODY_PARTS or _negated(token) or _worn_cloth(token):
        return "not depictable"
    if lemma in OWN_PARTS and any(c.dep_ == "poss" and c.lower_ == "its" for c in token.children):
        return "not depictable"  # "with its lights flashing": the ambulance's own
    if token.ent_type_ in ("DATE", "TIME") and lemma not in KNOWN_NOUNS:
        return "time phrase"
    if token.pos_ == "NUM" or _in_compound_noun(token):
        return None
    if token.dep_ in ("compound", "amod") and token.head.pos_ == "NOUN" and token.head.i > token.i:
        head = token.head
        if head.lemma_.lower() in ACTIVITY_NOUNS or _word_reason(head) is None:
            return None  # "time machine": a word of its head's name; "boat trip": a boat
        return "abstract"  # "a driving test", "the birthday party": a word of an idea's name
    if lemma in TIME_NOUNS or word in TIME_NOUNS:
        return "time phrase"
    if lemma in MEALS and token.dep_ == "pobj" and token.head.lower_ in TIME_PREPOSITIONS:
        return "time phrase"  # "before breakfast", "until dinner": when, not what
    if _concrete_compound(token):
        return None  # "a pencil case", "a phone charger": a thing named by a thing
    if lemma in ACTIVITY_NOUNS or word in ACTIVITY_NOUNS:
        return "abstract"
    has_of = any(c.lower_ == "of" and c.dep_ == "prep" for c in token.children)
    if lemma in PORTION_NOUNS and has_of:
        return "measure"
    if lemma in DRINKING_VESSELS and has_of and _of_object(token) in HOT_AND_SERVED_DRINKS:
        return "measure"  # "a cup of coffee": the coffee's drawing is the cup
    if lemma in MEASURE_NOUNS or word in MEASURE_NOUNS or token.ent_type_ == "PERCENT":
        return "measure"
    if (lemma in PART_NOUNS | THING_PARTS and has_of) or lemma in LONE_PART_NOUNS:
        return "not depictable"
    if formation(token) or of_night_sky(token):
        return "not depictable"
    if lemma in ABSTRACT_NOUNS or word in ABSTRACT_NOUNS:
        return "abstract"
    if (
        len(word) >= 6
        and word.endswith(ABSTRACT_SUFFIXES)
        and lemma not in DRAWABLE_WITH_SUFFIX
        and lemma not in KNOWN_NOUNS
        and not lemma.endswith(("man", "woman", "ician"))
    ):
        return "abstract"
    return None


def things_of_places(doc: Any, place_tokens: Collection[int]) -> frozenset[int]:
    """Animals and known things that name a place after them ("the penguin pool", "the
    duck pond", "the chicken farm"): the place is the setting, the thing is drawn in it. A
    place of two words ("meeting room", "train station") names no thing."""
    found = set()
    for i in place_tokens:
        token = doc[i]
        head = token.head
        if token.dep_ != "compound" or head.i not in place_tokens or head.i != i + 1:
            continue
        if f"{token.lower_} {head.lemma_.lower()}" in SETTINGS or token.lower_ in SETTINGS:
            continue
        if singular(token) in ANIMALS or singular(token) in KNOWN_NOUNS:
            found.add(i)
    return frozenset(found)


def _topic(token: Any, blocked: Collection[int]) -> bool:
    """What a book, a film or a talk is about ("a book about sharks", "the lecture was
    about black holes"): its topic, not a thing in the picture. Words of an idiom are no
    book ("over the moon about her new bike" draws the bike)."""
    if token.pos_ not in ("NOUN", "PROPN"):
        return False
    if token.dep_ not in ("pobj", "conj") or token.head.lower_ != "about":
        return token.dep_ == "conj" and token.head.i != token.i and _topic(token.head, blocked)
    owner = token.head.head
    if owner.i in blocked:
        return False
    return owner.pos_ in ("NOUN", "PROPN") or owner.lemma_ == "be"


def _of_object(token: Any) -> str | None:
    """The lemma of the object of ``token``'s "of" phrase ("a cup of tea": tea)."""
    for prep in token.children:
        if prep.lower_ == "of" and prep.dep_ == "prep":
            objects = [c for c in prep.children if c.dep_ == "pobj"]
            return objects[0].lemma_.lower() if objects else None
    return None


def find_drawability(doc: Any) -> Drawability:
    """The non-things, place words and names of ``doc``."""
    blocked: set[int] = set()
    skipped: list[Skipped] = []
    idioms: set[int] = set()
    times: set[int] = set()
    for span, reason in _phrase_spans(doc):
        blocked.update(span)
        idioms.update(span if reason == "idiom" else ())
        times.update(span if reason == "time phrase" else ())
        skipped.append(Skipped(doc[span.start : span.stop].text, reason))
    places = find_places(doc, blocked)
    drawn_places = things_of_places(doc, places.tokens) | wholes_of_parts(doc, places.tokens)
    drawn_places |= landmarks(doc, places.tokens)  # "behind the hills": the hills too
    blocked |= places.tokens - drawn_places
    names: dict[int, str] = {}
    people: dict[int, str] = {}
    surfaces: dict[int, tuple[str, str]] = {}
    name_tokens: set[int] = set()
    for token in doc:
        if token.i in blocked:
            continue
        if token.lower_ in WEEKDAYS or (token.lower_ in MONTHS and token.pos_ == "PROPN"):
            blocked.add(token.i)
            skipped.append(Skipped(token.text, _word_reason(token) or "time phrase"))
            continue
        if is_name(token) and not addressed(token):  # "hi Mum": the listener
            take_name(token, blocked, name_tokens, names, people, skipped)
            continue
        surface = _surface(token)
        if surface is not None:
            surfaces[surface[0].i] = (surface[1], surface[2])
            blocked.add(token.i)
            continue
        if _owner_not_shown(token) or _same_as_subject(token) or _pretended(token):
            blocked.add(token.i)
            continue
        twin = appositive_twin(token)
        if twin is not None:
            blocked.add(twin.i)  # one thing, drawn once
        why = None if collected(token) else _word_reason(token) or sense_reason(token)
        why = why or ("not depictable" if _topic(token, blocked) else None)
        if why is None:
            continue
        blocked.add(token.i)
        times.update((token.i,) if why == "time phrase" else ())
        if token.lemma_.lower() not in _RELATION_PARTS:
            skipped.append(Skipped(token.text, why))
    return Drawability(
        places=places, blocked=frozenset(blocked), skipped=tuple(skipped), names=names,
        people=people, surfaces=surfaces, idioms=frozenset(idioms),
        name_tokens=frozenset(name_tokens), time_tokens=frozenset(times),
    )  # fmt: skip
