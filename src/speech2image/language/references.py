"""References: what each mention of a sentence is, among the things said before.

A pronoun or "one" is resolved by :mod:`speech2image.language.coreference`; a name ("Tom
went home. Tom slept") is the thing of that name; a definite reference ("the dog") is the
last thing of that noun, with what was said of it (its colour, age, material, name); a
pronoun said twice in a sentence ("he wrapped it ... and carried it home") is one thing.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from speech2image.language.coreference import (
    gender_of,
    genders_taking_people,
    is_possessive,
    resolve_one,
    resolve_pronoun,
)
from speech2image.language.lexicon import person_noun
from speech2image.language.mentions import Mention

if TYPE_CHECKING:
    from speech2image.language.context import SceneContext


def _inherit(mention: Mention, earlier: Mention, *, count: int) -> Mention:
    """``mention`` as the same thing as ``earlier``: its entity and what was said of it."""
    return replace(
        mention,
        color=mention.color or earlier.color,
        size=mention.size or earlier.size,
        material=mention.material or earlier.material,
        pattern=mention.pattern or earlier.pattern,
        finish=mention.finish or earlier.finish,
        age=mention.age or earlier.age,
        name=mention.name or earlier.name,
        entity=earlier.entity,
        count=count,
    )


def resolve(
    mention: Mention,
    earlier_in_sentence: list[Mention],
    context: SceneContext | None,
    avoid: tuple[Mention, ...] = (),
    *,
    people_first: bool = False,
) -> list[Mention]:
    """The things a mention names, with pronouns, "one", names and definite references
    filled in from what came before: none for a pronoun that points at nothing known,
    several for "they" said of a girl and her grandmother. A pronoun never points at what
    ``avoid`` holds (what "she" of the same sentence is, for "him")."""
    cast = context.cast if context else []
    if mention.pronoun == "one":
        return resolve_one(mention, earlier_in_sentence, context)
    if mention.pronoun is not None:
        return resolve_pronoun(
            mention, earlier_in_sentence, context, avoid, people_first=people_first
        )
    if mention.name is not None:
        for earlier in reversed([*cast, *earlier_in_sentence]):
            if earlier.name == mention.name and earlier.entity is not None:
                # "Tom went home. Tom slept": the same Tom, whatever noun named him.
                noun = earlier.noun if mention.noun == "person" else mention.noun
                return [replace(_inherit(mention, earlier, count=1), noun=noun, definite=True)]
        if mention.noun == "person":
            return [replace(mention, noun=person_noun(mention.name))]  # "I met Anna": a woman
        return [mention]
    if context is None or not mention.definite:
        return [mention]
    for earlier in reversed(context.cast):
        if earlier.noun == mention.noun:
            count = mention.count if mention.has_count else earlier.count
            return [_inherit(mention, earlier, count=count)]
    return [mention]


def resolve_all(
    raw: list[Mention], context: SceneContext | None
) -> tuple[list[Mention], dict[int, int]]:
    """The mentions with pronouns and definite references resolved, and the index of each
    raw mention among them (a pronoun that points at nothing has none)."""
    mentions: list[Mention] = []
    index_of: dict[int, int] = {}
    pronouns: dict[str, int] = {}
    gendered: dict[str, list[Mention]] = {"male": [], "female": []}
    take_people = genders_taking_people(raw, context)
    for k, mention in enumerate(raw):
        word = mention.pronoun if mention.pronoun in _REPEATED_PRONOUNS else None
        if word is not None and word in pronouns:
            index_of[k] = pronouns[word]  # "he wrapped it ... and carried it home": one "it"
            continue
        gender = None if is_possessive(mention) else gender_of(mention.pronoun or "")
        other = gendered["female" if gender == "male" else "male"] if gender else []
        avoid = (*other, *_doers(raw, k, mentions, index_of))
        found = resolve(mention, mentions, context, avoid, people_first=gender in take_people)
        if gender is not None:
            gendered[gender].extend(found)  # "she found him": two creatures, not one
        if word is not None and len(found) == 1:
            same = _same_in_sentence(found[0], mentions)
            pronouns[word] = len(mentions) if same is None else same
        for resolved in found:
            same = _same_in_sentence(resolved, mentions)
            if same is not None:
                index_of.setdefault(k, same)
                continue
            index_of.setdefault(k, len(mentions))
            mentions.append(resolved)
    return mentions, index_of


def _doers(
    raw: list[Mention], k: int, mentions: list[Mention], index_of: dict[int, int]
) -> list[Mention]:
    """What the subject of pronoun ``raw[k]``'s own clause was resolved to, even when a
    repeated name merged it into an earlier mention ("the dog saw a cat; the dog chased
    it": "it" is not the dog)."""
    pronoun = raw[k]
    if pronoun.pronoun is None or pronoun.subject or pronoun.bound:
        return []
    return [
        mentions[index_of[j]]
        for j, m in enumerate(raw[:k])
        if m.subject and m.governor in (pronoun.governor, pronoun.clause) and j in index_of
    ]


_REPEATED_PRONOUNS = frozenset({"it", "he", "him", "she"})
"""Pronouns that, said twice in one sentence, point at one thing both times."""


def _same_in_sentence(mention: Mention, mentions: list[Mention]) -> int | None:
    """The earlier mention of this sentence a resolved pronoun or definite reference is
    ("the dog ... it"), if any."""
    if not mention.definite:
        return None
    for k, m in enumerate(mentions):
        if m.head == mention.head:
            continue
        if mention.entity is not None and m.entity == mention.entity:
            return k
        if m.noun == mention.noun and m.color == mention.color:
            return k
    return None
