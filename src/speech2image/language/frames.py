"""Verb frames: who does what to what ("a girl riding a horse", "the dog has a ball").

Read off the dependency parse. Subjects: the verb's ``nsubj`` and the things joined to it
by "and", or the noun an ``acl``/``relcl`` participle modifies ("a girl riding a horse"),
or those of the verb it is joined to ("jumps and runs", "likes to ride"), or the thing a
pointing "that" names ("that's my dad, reading the paper"). Objects: the ``dobj``, or the
object of a preposition that belongs to the verb ("sitting in a canoe"), a part's whole
("hanging from the roof of the shed": the shed), the surface a verb of marking marks when
its mark is not drawn ("wrote the date on the board": writing on the board); a passive
turns round ("a ball thrown by the boy": the boy is throwing the ball).

The relation is the verb's ``-ing`` form, with its preposition where that changes the
picture ("playing with", "looking at"). A spatial preposition ("sleeping on the sofa")
stays a spatial relation, and a verb with no drawn object ("swimming in the lake" when the
lake is the setting) is its subject's intransitive action ("sleeping", "swimming").
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from speech2image.language.ends import mention_at as mention_at
from speech2image.language.ends import spatial_phrase, whole_named
from speech2image.language.lexicon import (
    ANIMALS,
    BODY_PARTS,
    CLOTHING,
    FIGURES,
    INSTRUMENTS,
    PEOPLE,
    RACES,
)
from speech2image.language.mentions import Mention
from speech2image.language.verb_words import (
    ACTING_ON,
    GIVING_VERBS,
    LEARNED,
    MARKING_VERBS,
    NOT_DRAWN_VERBS,
    PARTICLE_DEPS,
    PARTICLE_NAMES,
    PARTICLES,
    PHRASE_NAMES,
    POSTURES,
    RACED,
    THINGS_DO,
    VERB_NAMES,
    VERB_PREPOSITIONS,
)
from speech2image.language.verb_words import ing_form as ing_form
from speech2image.language.verb_words import verb_form as verb_form
from speech2image.language.verb_words import verb_lemma as verb_lemma
from speech2image.scene import ACTION_RELATIONS, SPATIAL_RELATIONS


@dataclass(frozen=True, slots=True)
class VerbFrame:
    """One verb of the sentence with the mentions it joins; no ``objects``: an
    intransitive action of the subjects ("the girl runs")."""

    verb: int
    """Token index of the verb (or of the preposition, for "a man with an umbrella")."""
    subjects: tuple[int, ...]
    relation: str
    """The ``-ing`` name: ``"riding"``, ``"jumping over"``; an action when no objects."""
    objects: tuple[int, ...] = ()
    claimed: tuple[int, ...] = ()
    """Token indexes of prepositions the frame took, which are no spatial relation."""


def is_animate(mention: Mention) -> bool:
    """A person or an animal (they hold, wear and ride things)."""
    return bool({mention.noun, mention.noun.rsplit(" ", 1)[-1]} & (PEOPLE | ANIMALS | FIGURES))


def _any_animate(mentions: list[Mention], indexes: list[int] | tuple[int, ...]) -> bool:
    return any(is_animate(mentions[k]) for k in indexes)


def is_clothing(mention: Mention) -> bool:
    return bool({mention.noun, mention.noun.rsplit(" ", 1)[-1]} & CLOTHING)


def in_hand(doc: Any, thing: Mention) -> bool:
    """ "My sock in its mouth", "a hat in her hand": held by a body part, not worn (the
    phrase hung on the thing, on the verb it is the object of, or on the verb its "with"
    belongs to)."""
    token = doc[thing.head]
    around = [*token.children, *(token.head.head.children if token.dep_ == "pobj" else [])]
    around += list(token.head.children) if token.dep_ == "dobj" else []  # "had it in its mouth"
    return any(
        prep.lower_ in ("in", "between")
        and any(c.dep_ == "pobj" and c.lemma_.lower() in BODY_PARTS for c in prep.children)
        for prep in around
    )


_POINTERS = frozenset({"this", "that", "these", "those", "it", "here", "there"})
"""Subjects of "that's my dad" that point at the thing the predicate names."""


def coordinated(doc: Any, mentions: list[Mention], token: Any, before: int) -> list[int]:
    """The mention of ``token`` and those listed with it ("a cat, a dog and a bird")
    that stand before token ``before`` with no other phrase of their own in between."""
    top = token
    while top.dep_ in ("conj", "appos") and top.head.i != top.i and top.head.pos_ != "VERB":
        top = top.head
    group = [top, *[t for t in top.subtree if t.dep_ in ("conj", "appos") and t.i != top.i]]
    # Nouns; a preposition's object ("in front of balloons and a dog under it") keeps to it.
    group = [t for t in group if t.i == token.i or (t.pos_ in ("NOUN", "PROPN", "PRON")
             and (t.dep_ != "pobj" or token.dep_ == "pobj"))]  # fmt: skip
    found: list[int] = []
    for t in sorted(group, key=lambda t: t.i):
        k = mention_at(mentions, t.i)
        if k is None or (t.i >= before and t.i != token.i) or k in found:
            continue
        gap = doc[t.i + 1 : before] if t.i < before else doc[0:0]
        if t.i != token.i and any(g.dep_ in ("prep", "acl", "relcl") for g in gap):
            continue
        found.append(k)
    return found


def recipients_of(doc: Any, mentions: list[Mention], verb: Any) -> list[int]:
    """Whom a verb of giving gives to: "gave the fox a bone", "gave the parcel to my mum",
    "feeding carrots to the donkey"."""
    found = [o for c in verb.children if c.dep_ == "dative" and c.i > verb.i
             for o in coordinated(doc, mentions, c, len(doc))]  # fmt: skip
    if found or verb_lemma(verb) not in GIVING_VERBS | {"feed"}:
        return found
    given = [c for c in verb.children if c.dep_ == "dobj"]
    heads = [verb, *given]  # "feeding carrots to the donkey": "to" hung on the carrots
    return [o for h in heads for p in h.children
            if p.lower_ == "to" and p.dep_ in ("prep", "dative")
            for c in p.children if c.dep_ == "pobj"
            for o in coordinated(doc, mentions, c, len(doc))]  # fmt: skip


def _has_got(verb: Any) -> bool:
    """True for "he's got a scarf" parsed as a passive ("'s" its auxpass): having one."""
    if verb.lemma_.lower() != "get":
        return False
    children = list(verb.children)
    has = any(c.dep_ == "auxpass" and c.lower_ in ("'s", "has") for c in children)
    return has and any(c.dep_ == "dobj" for c in children)


def _subject_children(verb: Any) -> list[Any]:
    """The verb's children, nearest first, with the subject the small model hangs on an
    auxiliary instead ("the labrador loves chasing": "loves" an aux holding "labrador")."""
    children = list(verb.children)
    for aux in [c for c in children if c.dep_ == "aux" and c.i < verb.i]:
        children += [c for c in aux.children if c.dep_ == "nsubj"]
    return sorted(children, key=lambda c: abs(c.i - verb.i))


def said_subject(verb: Any) -> bool:
    """True when ``verb`` has a subject of its own in the words (not a relative pronoun):
    when that subject is not drawn ("I", "we", "you"), what the verb says is dropped,
    never hung on another thing ("while I sat on a bench": not the ducks on the bench)."""
    return any(
        c.dep_ in ("nsubj", "nsubjpass")
        and c.tag_ not in ("WDT", "WP")
        and c.lower_ not in ("that", "which", "who")
        for c in _subject_children(verb)
    )


def verb_subjects(doc: Any, mentions: list[Mention], verb: Any, depth: int = 0) -> list[int]:
    """The mentions that do what ``verb`` says, from the parse."""
    for child in _subject_children(verb):
        if child.dep_ == "nsubj" or (child.dep_ == "nsubjpass" and _has_got(verb)):
            pointed = [c for c in verb.children if c.dep_ == "attr" and verb.lemma_ == "be"]
            if child.lower_ in _POINTERS and child.tag_ == "DT" and pointed:
                child = pointed[0]  # "that's my dad, reading the paper": the dad reads
            elif child.tag_ in ("WDT", "WP") or child.lower_ in ("that", "which", "who"):
                break  # a relative pronoun: the noun the clause modifies is the subject
            misread = [c for c in child.children if c.dep_ == "compound"]
            if child.pos_ == "VERB" and misread:
                child = misread[0]  # "the parrot keeps saying": "keeps" parsed as the noun
            return coordinated(doc, mentions, child, verb.i)
    head = mention_at(mentions, verb.head.i)
    if verb.dep_ in ("acl", "relcl") and head is not None:
        # The wolf "hiding behind a tree waiting" and she "holding an umbrella standing".
        holder = VERB_NAMES.get(verb_lemma(verb.head.head)) in ("holding", "carrying")
        held = verb.head.dep_ == "dobj" and verb_lemma(verb) in POSTURES and holder
        outer = verb.head.head if held else verb.head.head.head
        if (held or verb.head.dep_ == "pobj") and outer.pos_ == "VERB" and depth < 3:
            found = verb_subjects(doc, mentions, outer, depth + 1)
            if not is_animate(mentions[head]) and (held or verb_lemma(verb) not in THINGS_DO):
                if _any_animate(mentions, found) or said_subject(outer):
                    return found  # "I sat on a bench eating": not the bench eating
                return [head]
        return coordinated(doc, mentions, verb.head, verb.i)
    before = [k for k, m in enumerate(mentions) if m.head == verb.i - 1 and m.pronoun is None]
    seen = doc[verb.i - 1].dep_ == "dobj" or verb.dep_ in ("acl", "pcomp", "dobj")
    if verb.tag_ == "VBG" and before and seen:
        return before  # "a photo of two frogs jumping", "they saw a fox hiding"
    if verb.dep_ in ("conj", "xcomp", "advcl") and verb.head.i != verb.i and depth < 3:
        return verb_subjects(doc, mentions, verb.head, depth + 1)
    return []


def _preposition_frame(
    doc: Any, mentions: list[Mention], verb: Any, lemma: str, subjects: list[int]
) -> VerbFrame | None:
    """The verb with one of its prepositions ("sitting in a canoe"), when it names one."""
    found: list[VerbFrame] = []
    preps = list(verb.children)
    if lemma in MARKING_VERBS:  # "wrote the date on the board": "on" hung on the date
        undrawn = [c for c in preps if c.dep_ == "dobj" and mention_at(mentions, c.i) is None]
        preps += [p for c in undrawn for p in c.children]
    for prep in preps:
        if prep.dep_ not in ("prep", "prt") or prep.i < verb.i:
            continue
        objects = [
            o
            for c in prep.children
            if c.dep_ == "pobj"
            for o in coordinated(doc, mentions, c, len(doc))
            or ([] if spatial_phrase(prep, c) else whole_named(mentions, c))
        ]
        name = _preposition_name(mentions, verb, lemma, prep.lower_, objects)
        if lemma in NOT_DRAWN_VERBS and (lemma, prep.lower_) not in PHRASE_NAMES:
            name = None if name not in ("holding", "wearing") else name  # "went to bed"
        said_so = (lemma, prep.lower_) in PHRASE_NAMES  # "clinging to": only a creature clings
        if name is None or (
            name in ("holding", "wearing") and not said_so and not _any_animate(mentions, subjects)
        ):
            continue  # "a table covered with books" holds nothing
        objects = [o for o in objects if o not in subjects]
        if not objects and name in SPATIAL_RELATIONS:
            name = verb_form(verb)  # "hanging from the gutter": where is said by no thing
        found.append(VerbFrame(verb.i, tuple(subjects), name, tuple(objects), (prep.i,)))
    found.sort(key=lambda f: not f.objects)  # one with a drawn object first
    return found[0] if found else None


def _preposition_name(
    mentions: list[Mention], verb: Any, lemma: str, word: str, objects: list[int]
) -> str | None:
    """The frame's name for ``verb`` with preposition ``word``, or None when the
    preposition is not the verb's ("sleeping on the sofa" is spatial)."""
    name = PHRASE_NAMES.get((lemma, word))
    if name == "playing" and not any(mentions[o].noun in INSTRUMENTS for o in objects):
        name = None  # "played on the rug" is where; "playing on the piano" is the piano
    if name is None and not any(c.dep_ == "dobj" for c in verb.children):
        name = PARTICLE_NAMES.get((lemma, word))  # "put on her hat" parsed as a preposition
    if name is not None:
        return name
    if lemma in ACTING_ON and word in ("on", "at"):
        return verb_form(verb)  # "chewing on my shoe", "pecking at the bread"
    marked = [
        c for c in verb.children if c.dep_ == "dobj" and mention_at(mentions, c.i) is not None
    ]
    if lemma in MARKING_VERBS and word in ("on", "onto", "across") and objects and not marked:
        return f"{verb_form(verb)} on"  # "wrote the deadlines on the whiteboard"
    joined = f"{verb_form(verb)} {word}"
    if joined not in ACTION_RELATIONS and word not in VERB_PREPOSITIONS:
        return None
    if word == "at" and not _any_animate(mentions, objects):
        return None  # "dancing at the party" says where, not with whom
    if word != "with" or not objects or joined in ACTION_RELATIONS:
        return joined
    # "walking with a dog" keeps its verb; "walking with an umbrella" is holding it.
    if is_animate(mentions[objects[0]]):
        return {"talking with": "talking to"}.get(joined, joined)
    worn = is_clothing(mentions[objects[0]]) and not in_hand(verb.doc, mentions[objects[0]])
    return "wearing" if worn else "holding"


def _passive(doc: Any, mentions: list[Mention], verb: Any) -> tuple[list[int], list[int]] | None:
    """Subjects and objects of a passive verb ("the ball was kicked by the girl", "a ball
    thrown by the boy"), or None when the verb is active."""
    agents = [c for c in verb.children if c.dep_ == "agent"]
    patients = [c for c in verb.children if c.dep_ == "nsubjpass"]
    if not agents and not patients:
        return None
    subjects = [k for a in agents for c in a.children if c.dep_ == "pobj"
                for k in coordinated(doc, mentions, c, len(doc))]  # fmt: skip
    if patients:
        objects = coordinated(doc, mentions, patients[0], verb.i)
    elif verb.dep_ == "acl" and verb.tag_ == "VBN":
        objects = coordinated(doc, mentions, verb.head, verb.i)
    else:
        return None
    return subjects, objects


def _verb_frame(doc: Any, mentions: list[Mention], verb: Any) -> VerbFrame | None:
    """The frame of one verb token, or None when it joins nothing drawn."""
    lemma = verb_lemma(verb)
    got = _has_got(verb)
    if got or (
        lemma == "get" and any(c.lemma_ == "have" and c.dep_ == "aux" for c in verb.children)
    ):
        lemma = "have"  # "he's got a scarf"
    passive = None if got else _passive(doc, mentions, verb)
    if passive is not None:
        subjects, objects = passive
        name = VERB_NAMES.get(lemma, verb_form(verb) if lemma not in NOT_DRAWN_VERBS else "")
        if not subjects or not objects or not name:
            return None
        return VerbFrame(verb.i, tuple(subjects), name, tuple(objects))
    subjects = verb_subjects(doc, mentions, verb)
    if not subjects or (verb.tag_ == "VBN" and not _any_animate(mentions, subjects)):
        return None  # "a car parked outside": a state, not something it does
    direct = [c for c in verb.children if c.dep_ in ("dobj", "attr", "dative") and c.i > verb.i]
    raced = lemma in RACED and any(c.lemma_.lower() in RACES for c in direct)
    if raced and _any_animate(mentions, subjects):
        return VerbFrame(verb.i, tuple(subjects), "running")  # "she finished the marathon"
    framed = _direct_frame(doc, mentions, verb, lemma, subjects)
    if framed is not None or (direct and lemma in NOT_DRAWN_VERBS):
        return framed
    framed = _preposition_frame(doc, mentions, verb, lemma, subjects)
    if framed is not None and (framed.objects or lemma not in NOT_DRAWN_VERBS):
        return framed
    if lemma in NOT_DRAWN_VERBS or (direct and lemma in VERB_NAMES):
        return None
    return VerbFrame(verb.i, tuple(subjects), VERB_NAMES.get(lemma, verb_form(verb)))


def _direct_frame(
    doc: Any, mentions: list[Mention], verb: Any, lemma: str, subjects: list[int]
) -> VerbFrame | None:
    """The verb with its object ("riding a horse", "the dog that the cat chased"), recipient
    ("gave the fox a bone"), a thing held ("the dog has a ball", "put on her hat") or none."""
    children = [c for c in verb.children if c.i > verb.i]
    recipients = recipients_of(doc, mentions, verb)
    if lemma in ("give", "hand", "pass", "offer", "feed") and recipients:
        name = "feeding" if lemma == "feed" else "giving"
        to = tuple(c.i for c in children if c.lower_ == "to")
        return VerbFrame(verb.i, tuple(subjects), name, tuple(recipients), to)
    direct = [c for c in children if c.dep_ in ("dobj", "attr")]
    objects = [
        o for c in direct for o in coordinated(doc, mentions, c, len(doc)) if o not in subjects
    ]
    head = mention_at(mentions, verb.head.i)
    if verb.dep_ == "relcl" and not objects and not any(c.dep_ == "prep" for c in children):
        objects = [head] if head is not None and head not in subjects else []
    # "jumping over three balls" with "over" parsed as a particle or a quantity word.
    after = doc[min(verb.i + 1, len(doc) - 1)]
    if after.dep_ not in PARTICLE_DEPS or after.lower_ not in PARTICLES:
        # "put his helmet on": a particle after the object.
        after = next((c for c in children if c.dep_ == "prt" and c.lower_ in PARTICLES), verb)
    particle = [after.lower_] if after.i != verb.i else []
    named = lemma in VERB_NAMES or (lemma, particle[0] if particle else "") in PARTICLE_NAMES
    if lemma in LEARNED and any(mentions[o].noun in INSTRUMENTS for o in objects):
        lemma, named = "play", True  # "learning the violin": playing it
    if not objects or (lemma in NOT_DRAWN_VERBS and not named):
        return None
    name = VERB_NAMES.get(lemma, "playing" if lemma == "play" else verb_form(verb))
    claimed = (after.i,) if particle else ()
    if particle:
        joined = f"{verb_form(verb)} {particle[0]}"
        name = PARTICLE_NAMES.get(
            (lemma, particle[0]), joined if joined in ACTION_RELATIONS else name
        )
    if name == "holding":
        objects = [o for o in objects if mentions[o].noun.rsplit(" ", 1)[-1] not in BODY_PARTS]
        if lemma == "have":
            # Having a dog or a house is owning it, and a cake's layers are part of it.
            if not _any_animate(mentions, subjects):
                return None
            objects = [o for o in objects if not is_animate(mentions[o])]
        worn = [o for o in objects if is_clothing(mentions[o]) and not in_hand(doc, mentions[o])]
        if worn:
            return VerbFrame(verb.i, tuple(subjects), "wearing", tuple(worn))
    return VerbFrame(verb.i, tuple(subjects), name, tuple(objects), claimed) if objects else None


def negated(token: Any) -> bool:
    """True when ``token`` (a verb or copula) is negated: "is not", "never chases"."""
    return any(c.dep_ == "neg" for c in token.children)


def find_frames(doc: Any, mentions: list[Mention]) -> list[VerbFrame]:
    """Every verb frame of ``doc`` over ``mentions`` in reading order, none for a negated
    verb; "a man with an umbrella" is :func:`possession.possession_frames`'s."""
    frames: list[VerbFrame] = []
    for token in doc:
        # "striped", "a running dog": a modifier, not a frame.
        modifier = token.dep_ in ("amod", "compound") or mention_at(mentions, token.i) is not None
        if token.pos_ != "VERB" or negated(token) or modifier:
            continue
        frame = _verb_frame(doc, mentions, token)
        if frame is not None:
            frames.append(frame)
    return frames
