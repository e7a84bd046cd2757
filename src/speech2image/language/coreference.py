"""Coreference: what "he", "she", "it", "they" and "one" point at.

A story names a thing once and then speaks of it ("The hedgehog lived under the shed.
Every night he crept out"). In the spirit of centering theory (Grosz, Joshi and Weinstein
1995): the last sentence's things before older ones, its subject first; gender words
and what the story called a thing before ("it") are constraints; two gendered pronouns
of one sentence ("she gave him a scarf") are two things, a person taken before a pet.
- "he", "she": a person of that gender (or none said), else a creature of the story; a
  creature of the last sentence before a person of an older one, unless that person has
  been the story's centre for longer (more sentences, more often the subject).
- "it": one thing that is no person; "they": a group, or the last picture's creatures.
- "one", "this one": another of the kind named last; "its head": the owner of the part.
A pronoun with nothing to point at draws what it did: "he" a man nobody named, "it"
nothing. First-person "I" and "we" are not resolved here.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from speech2image.language.attributes import PEOPLE
from speech2image.language.creatures import is_creature, role_word
from speech2image.language.mentions import Mention
from speech2image.language.vocabulary import FEMALE_WORDS, MALE_WORDS

if TYPE_CHECKING:
    from speech2image.language.context import SceneContext

_MALE = frozenset({"he", "him", "his", "himself"})
_FEMALE = frozenset({"she", "her", "hers", "herself"})
_GROUP = frozenset({"they", "them", "their", "themselves"})
_POSSESSIVES = {"his": "he", "her": "she", "its": "it", "their": "they"}
_GENDERED = {"male": "man", "female": "woman"}


def gender_of(pronoun: str) -> str | None:
    """ "male" for "he", "him", "his"; "female" for "she", "her"; else None."""
    return "male" if pronoun in _MALE else "female" if pronoun in _FEMALE else None


def is_possessive(mention: Mention) -> bool:
    """True for "his", "its", "their" standing for the owner of a part ("his tail")."""
    return mention.bound and (mention.pronoun or "") in _POSSESSIVES


def _tier(pronoun: str, mention: Mention, called: str | None = None) -> int:
    """How well ``mention`` fits ``pronoun``: 2 a person of its gender (or of none said)
    or a creature the story called so, 1 a creature with no gender word against it, 0 not
    at all ("she" of a king, "he" of the parrot the story called "it"). "it" and "they"
    fit 2 or 0."""
    head = mention.noun.split()[-1]
    gender = gender_of(pronoun)
    if gender is not None:
        own, other = (MALE_WORDS, FEMALE_WORDS) if gender == "male" else (FEMALE_WORDS, MALE_WORDS)
        if mention.count != 1 or head in other:
            return 0
        if head in own or (head in PEOPLE and gender_of(called or "") in (None, gender)):
            return 2
        if called is not None:
            return 2 if gender_of(called) == gender else 0
        return 1 if is_creature(mention) or role_word(head) else 0
    if pronoun in _GROUP:
        return 2 if mention.count > 1 else 0
    return 2 if mention.count == 1 and head not in PEOPLE else 0


@dataclass(frozen=True, slots=True)
class _Candidate:
    """A thing a pronoun may point at, and where it stands in the story."""

    mention: Mention
    pool: int
    """0 this sentence, 1 the last sentence, 2 the story's cast."""
    order: int
    """Its place in its pool: later is more recent."""
    tier: int
    salience: int


def _candidates(
    pronoun: str,
    pools: list[list[Mention]],
    excluded: list[Mention],
    context: SceneContext | None,
) -> list[_Candidate]:
    """Every thing of ``pools`` that ``pronoun`` may be, with how well it fits."""
    entities = {m.entity for m in excluded if m.entity}
    salience = context.salience if context else {}
    called = context.called if context else {}
    found = []
    for number, pool in enumerate(pools):
        for order, mention in enumerate(pool):
            if mention.pronoun is not None or any(mention is e for e in excluded):
                continue
            if mention.entity is not None and mention.entity in entities:
                continue
            tier = _tier(pronoun, mention, called.get(mention.entity or ""))
            if tier:
                weight = salience.get(mention.entity or "", 0)
                found.append(_Candidate(mention, number, order, tier, weight))
    return found


def _antecedent(
    pronoun: Mention,
    pools: list[list[Mention]],
    excluded: list[Mention],
    context: SceneContext | None = None,
    *,
    people_only: bool = False,
    people_first: bool = False,
) -> Mention | None:
    """What a pronoun points at, from the nearest pool with a thing that fits: this
    sentence, the last one, the story. For "they" and the subject of an action ("it
    hid"), people and animals first; then a subject before others ("she" of the next
    sentence is the girl who walked, not the grandmother she walked with), the most recent
    before older ones. The ``excluded`` (the other ends of the pronoun's own clause, for
    "Tom never found it") never."""
    word = _POSSESSIVES.get(pronoun.pronoun or "", pronoun.pronoun or "")
    found = _candidates(word, pools, excluded, context)
    if people_only or (people_first and any(c.tier == 2 for c in found)):
        found = [c for c in found if c.tier == 2]
    if not found:
        return None
    if gender_of(word) is not None:
        if not (pronoun.subject or pronoun.bound):
            # "a fish jumped out and spoke to him": not the fish, though a conjoined
            # verb's subject is no end of the pronoun's own verb in the parse.
            found = [c for c in found if not (c.pool == 0 and c.tier == 1 and c.mention.subject)]
        centre = _centre(found)
        return centre.mention if centre else None
    animate_first = word in _GROUP or pronoun.agent
    nearest = min(c.pool for c in found)
    return max(
        (c for c in found if c.pool == nearest),
        key=lambda c: (
            animate_first and is_creature(c.mention),
            c.mention.subject,
            c.salience,
            c.order,
        ),
    ).mention


def _centre(found: list[_Candidate]) -> _Candidate | None:
    """ "he" or "she": in this sentence a person before a creature; then a person of the
    last sentence; then a creature of the last sentence, unless a person of the story has
    been its centre for longer; then the story's most salient person or creature."""

    def best(pool: int, tier: int) -> _Candidate | None:
        fits = [c for c in found if c.pool == pool and c.tier == tier]
        return max(fits, key=lambda c: (c.mention.subject, c.order), default=None)

    for tier in (2, 1):
        here = best(0, tier)
        if here is not None:
            return here
    person = best(1, 2)
    if person is not None:
        return person
    older = [c for c in found if c.pool == 2]
    storied = max(older, key=lambda c: (c.tier, c.salience, c.order), default=None)
    creature = best(1, 1)
    if creature is None or (storied and storied.tier == 2 and storied.salience > creature.salience):
        return storied
    return creature


def _excluded(
    mention: Mention, sentence: list[Mention], avoid: tuple[Mention, ...]
) -> list[Mention]:
    """What a pronoun cannot be: the other ends of its own clause ("Tom never found it",
    "she put the cup on it", "a bench beneath it") and the subject its verb shares ("the
    knight didn't want to fight him"), though "brought a mouse and left it" may be the
    mouse. A subject, a reflexive and a bound
    pronoun ("the dog wagged its tail", "the box had a ball in it") may be any of them."""
    word = mention.pronoun or ""
    if mention.subject or mention.bound or word.endswith(("self", "selves")):
        return list(avoid)
    own = [m for m in sentence if m.head == mention.governor or m.governor == mention.governor]
    shared = [m for m in sentence if m.subject and m.governor == mention.clause]
    return [*own, *shared, *avoid]


def _as_said(found: Mention, pronoun: Mention) -> Mention:
    """``found`` where ``pronoun`` stands: its place, role and what is said of it here."""
    return replace(
        found, head=pronoun.head, start=pronoun.start, definite=True, subject=pronoun.subject,
        governor=pronoun.governor, agent=pronoun.agent, color=pronoun.color or found.color,
        size=pronoun.size or found.size,
        count=pronoun.count if pronoun.has_count else found.count,
    )  # fmt: skip


def resolve_pronoun(
    mention: Mention,
    sentence: list[Mention],
    context: SceneContext | None,
    avoid: tuple[Mention, ...] = (),
    *,
    people_first: bool = False,
) -> list[Mention]:
    """The things a pronoun points at: one, several ("they": the girl and her
    grandmother), a man nobody named for "he" with no one before, or none. With
    ``people_first`` (the sentence says "she" and "him"), a person of the story before a
    creature: "she gave him a scarf" is the princess and the dragon."""
    pronoun = _POSSESSIVES.get(mention.pronoun or "", mention.pronoun or "")
    excluded = _excluded(mention, sentence, avoid)
    if pronoun in _GROUP:
        return _resolve_they(mention, sentence, context, excluded)
    last = context.last_scene if context else []
    cast = context.cast if context else []
    pools = [sentence, last, cast]
    earlier = _antecedent(mention, pools, excluded, context, people_first=people_first)
    gender = gender_of(pronoun)
    if earlier is not None:
        if earlier.noun == "person" and gender is not None:
            earlier = replace(earlier, noun=_GENDERED[gender])  # "I met Anna ... she"
        called = pronoun if gender is not None or pronoun == "it" else None
        return [replace(_as_said(earlier, mention), called=called)]
    if gender is not None and not is_possessive(mention):
        # "He plays the guitar" with no one before: a man nobody named.
        return [replace(mention, noun=_GENDERED[gender], pronoun=None, definite=False)]
    return []


def _resolve_they(
    mention: Mention, sentence: list[Mention], context: SceneContext | None, excluded: list[Mention]
) -> list[Mention]:
    """ "they": a group of the nearest sentence that has one; but who act ("they swam",
    "she gave him a scarf and they became friends") are the people and animals said
    together before a group of things; else the story's group; else the people and
    animals of the last picture ("they lived happily ever after")."""
    last = context.last_scene if context else []
    cast = context.cast if context else []
    for pool in (sentence, last):
        creatures = [m for m in pool if m.pronoun is None and is_creature(m)]
        creatures = [m for m in creatures if not any(m is e for e in excluded)]
        group = _antecedent(mention, [pool], excluded, context)
        if group is not None and (is_creature(group) or not mention.agent or len(creatures) < 2):
            if is_creature(group):
                return [_as_said(group, mention)]
            # "I chop two onions and three carrots. They go into the pot": every group.
            things = [m for m in pool if m.pronoun is None and m.count > 1 and not is_creature(m)]
            return [_as_said(m, mention) for m in things if not any(m is e for e in excluded)]
        if len(creatures) > 1 and (pool is last or mention.agent):
            return [_as_said(m, mention) for m in creatures]
    group = _antecedent(mention, [cast], excluded, context)
    if group is not None:
        return [_as_said(group, mention)]
    return [_as_said(m, mention) for m in [m for m in last if is_creature(m)] or cast[-1:]]


def _one_antecedent(
    mention: Mention, sentence: list[Mention], context: SceneContext | None
) -> Mention | None:
    """The thing "one" is another of: the last one named before it in this sentence
    ("a red apple and a green one"), else of the last sentence a group first ("two
    shells ... this one"), then its subject, then the most recent; else the story's."""
    before = [
        m
        for m in sentence
        if m.pronoun is None and m.head < mention.head
        and not (m.subject and m.governor == mention.governor)  # "our teacher built one"
    ]  # fmt: skip
    if before:
        return before[-1]
    for pool in (context.last_scene, context.cast) if context else ():
        things = [(m.count > 1, m.subject, k, m) for k, m in enumerate(pool) if m.pronoun is None]
        if things:
            return max(things, key=lambda found: found[:3])[3]
    return None


def resolve_one(
    mention: Mention, sentence: list[Mention], context: SceneContext | None
) -> list[Mention]:
    """ "one", "this one", "the big ones": a thing of the kind named last, a new one of
    its own (with its own id); "this one" of a group keeps what was said of the group."""
    kind = _one_antecedent(mention, sentence, context)
    if kind is None:
        return []
    one_of_group = mention.definite and kind.count > 1  # "two shells ... this one"
    kept = kind if one_of_group else Mention(noun=kind.noun, head=0, start=0, count=1)
    return [
        replace(
            kept, head=mention.head, start=mention.start, count=mention.count,
            has_count=mention.has_count, plural=mention.count > 1,
            definite=mention.definite, color=mention.color or kept.color,
            size=mention.size or kept.size, subject=mention.subject,
            governor=mention.governor, agent=mention.agent, entity=None, name=None,
            pronoun=None,
        )
    ]  # fmt: skip


def owner(
    word: str, head: int, sentence: list[Mention], context: SceneContext | None
) -> Mention | None:
    """The person a possessive ("his", "her") of token ``head`` points at, among this
    sentence's things and the story's, or None: an owner is never invented."""
    pronoun = {"his": "he", "her": "her"}.get(word)
    if pronoun is None or context is None:
        return None
    probe = Mention(noun=pronoun, head=head, start=head, count=1, pronoun=pronoun)
    pools = [sentence, context.last_scene, context.cast]
    earlier = _antecedent(probe, pools, [], context, people_only=True)
    if earlier is None or earlier.noun.split()[-1] not in PEOPLE:
        return None
    return replace(earlier, head=head, start=head, definite=True, subject=False)


def genders_taking_people(raw: list[Mention], context: SceneContext | None) -> set[str]:
    """The gender whose pronoun takes a person when "she" and "him" of one sentence would
    both be the same creature: the one with the person the story spoke of more ("she gave
    him a scarf": the princess, and the dragon is "him")."""
    found = [
        next((m for m in raw if gender_of(m.pronoun or "") == g and not is_possessive(m)), None)
        for g in ("male", "female")
    ]
    probes = [m for m in found if m is not None]
    if context is None or len(probes) < 2:
        return set()
    pools: list[list[Mention]] = [[], context.last_scene, context.cast]
    best = [_antecedent(p, pools, [], context) for p in probes]
    if best[0] is None or best[1] is None or best[0].entity != best[1].entity:
        return set()
    people = [_antecedent(p, pools, [], context, people_only=True) for p in probes]
    weight = [context.salience.get(m.entity or "", 0) if m else -1 for m in people]
    return {"male" if weight[0] > weight[1] else "female"}
