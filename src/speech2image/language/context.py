"""What a session remembers across sentences: the surroundings and the cast.

Every thing named gets an entity id ("e1", "e2", ... per session); pronouns ("it",
"they", "she"), definite references ("the dog") and names ("Tom") point at things of
earlier sentences and take their entity id and attributes (colour, age, material, name),
so an engine draws the same girl in sentence five as in sentence one. The setting,
lighting, time and weather persist until new ones are named.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from speech2image.language.attributes import PEOPLE, is_animate
from speech2image.language.concepts import KNOWN_NOUNS
from speech2image.language.lexicon import person_noun
from speech2image.language.mentions import Mention
from speech2image.language.vocabulary import FEMALE_WORDS, MALE_WORDS

MAX_CAST = 24
"""How many earlier things a session remembers, most recent last."""


@dataclass(frozen=True, slots=True)
class Surroundings:
    """Where and when a scene is: each ``None`` when unsaid."""

    setting: str | None = None
    lighting: str | None = None
    time: str | None = None
    weather: str | None = None
    season: str | None = None


@dataclass(slots=True)
class SceneContext:
    """Per-session state for :class:`~speech2image.language.parse.SpacySceneBuilder`.

    Mutable on purpose: one per session, updated only by final sentences.
    """

    surroundings: Surroundings = field(default_factory=Surroundings)
    cast: list[Mention] = field(default_factory=list)
    """Things named so far, most recent last (resolved mentions, not pronouns)."""
    last_scene: list[Mention] = field(default_factory=list)
    """The mentions of the last final sentence's picture."""
    sentences: int = 0
    entities: int = 0
    """How many entity ids have been given out."""

    @property
    def setting(self) -> str | None:
        return self.surroundings.setting

    @property
    def time(self) -> str | None:
        return self.surroundings.time

    @property
    def weather(self) -> str | None:
        return self.surroundings.weather

    def identify(self, mentions: list[Mention], *, commit: bool) -> list[Mention]:
        """The mentions with an entity id each: a new id for a new thing (kept by the
        context only when ``commit``, so a draft gives out nothing)."""
        given = self.entities
        identified = []
        for mention in mentions:
            if mention.entity is None:
                given += 1
                mention = replace(mention, entity=f"e{given}")
            identified.append(mention)
        if commit:
            self.entities = given
        return identified

    def update(self, surroundings: Surroundings, mentions: list[Mention]) -> None:
        """A final sentence: its surroundings and its things are now what came before."""
        self.surroundings = surroundings
        self.remember(mentions)
        self.sentences += 1

    def remember(self, mentions: list[Mention]) -> None:
        """Add resolved mentions to the cast, moving repeated things to the end."""
        for mention in mentions:
            self.cast = [m for m in self.cast if not _same_thing(m, mention)]
            self.cast.append(mention)
        del self.cast[:-MAX_CAST]
        if mentions:
            self.last_scene = list(mentions)


def _same_thing(a: Mention, b: Mention) -> bool:
    if a.entity is not None and b.entity is not None:
        return a.entity == b.entity
    return a.noun == b.noun


def _agrees(pronoun: str, mention: Mention, *, strict: bool = True) -> bool:
    """True when ``pronoun`` may point at ``mention``; not ``strict``, "he" and "she" may
    also be an animal of the story ("the dragon ... he had green scales")."""
    head = mention.noun.split()[-1]
    if pronoun in ("he", "him", "she", "her"):
        male = pronoun in ("he", "him")
        own, other = (MALE_WORDS, FEMALE_WORDS) if male else (FEMALE_WORDS, MALE_WORDS)
        if head in own or (head in PEOPLE and head not in other):
            return mention.count == 1
        creature = is_animate(mention.noun) or mention.creature or _role_word(head)
        lax = creature and head not in other and head not in PEOPLE
        return not strict and mention.count == 1 and lax
    if pronoun in ("they", "them", "themselves"):
        return mention.count > 1
    return mention.count == 1 and head not in PEOPLE


_ROLE_ENDINGS = ("er", "or", "ist", "ian")


def _role_word(word: str) -> bool:
    """A word shaped like a person's role ("goalkeeper", "janitor", "florist") and no
    known thing: "he" with nobody else to point at is that person."""
    return len(word) >= 5 and word.endswith(_ROLE_ENDINGS) and word not in KNOWN_NOUNS


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


def _antecedent(
    pronoun: Mention, pools: list[list[Mention]], excluded: list[Mention]
) -> Mention | None:
    """What a pronoun points at: from the nearest pool that has a thing it agrees with,
    a subject before others ("she" of the next sentence is the girl who walked, not the
    grandmother she walked with), the most recent before older ones; for "they" and for
    the subject of an action ("it hid"), people and animals first. The ``excluded``
    (the subject of the pronoun's own clause, for "Tom never found it") never."""
    word = pronoun.pronoun or ""
    animate_first = word in ("they", "them", "themselves") or pronoun.agent
    entities = {m.entity for m in excluded if m.entity}
    for strict in (True, False):
        for pool in pools:
            agreeing = [
                (animate_first and (is_animate(m.noun) or m.creature), m.subject, k, m)
                for k, m in enumerate(pool)
                if m.pronoun is None
                and _agrees(word, m, strict=strict)
                and not any(m is e for e in excluded)
                and (m.entity is None or m.entity not in entities)
            ]
            if agreeing:
                return max(agreeing, key=lambda found: found[:3])[3]
    return None


_GENDERED = {"he": "man", "him": "man", "she": "woman", "her": "woman"}


def _resolve_pronoun(
    mention: Mention,
    earlier_in_sentence: list[Mention],
    context: SceneContext | None,
    avoid: tuple[Mention, ...] = (),
) -> list[Mention]:
    pronoun = mention.pronoun or ""
    last = context.last_scene if context else []
    cast = context.cast if context else []
    excluded = []
    if not mention.subject and not pronoun.endswith("self") and not pronoun.endswith("selves"):
        # Nor the thing its own phrase is said of ("a bench beneath it" is not the bench).
        excluded = [m for m in earlier_in_sentence if m.head == mention.governor
                    or (m.subject and m.governor == mention.governor)]  # fmt: skip
    excluded = [*excluded, *avoid]
    earlier = _antecedent(mention, [earlier_in_sentence, last, cast], excluded)
    if earlier is not None:
        noun = earlier.noun
        if noun == "person" and pronoun in _GENDERED:
            noun = _GENDERED[pronoun]  # "I met Anna ... she": Anna is a woman
        return [
            replace(earlier, head=mention.head, start=mention.start, definite=True, noun=noun,
                    subject=mention.subject, color=mention.color or earlier.color,
                    size=mention.size or earlier.size,
                    count=mention.count if mention.has_count else earlier.count)
        ]  # fmt: skip
    if pronoun in ("they", "them"):
        # "They lived happily ever after": the people and animals of the last picture.
        group = [m for m in last if is_animate(m.noun)] or cast[-1:]
        return [
            replace(m, head=mention.head, start=mention.start, definite=True,
                    subject=mention.subject)
            for m in group
        ]  # fmt: skip
    if pronoun in _GENDERED:
        # "He plays the guitar" with no one before: a man nobody named.
        return [replace(mention, noun=_GENDERED[pronoun], pronoun=None, definite=False)]
    return []


def owner(
    word: str, head: int, sentence: list[Mention], context: SceneContext | None
) -> Mention | None:
    """The person a possessive ("his", "her") of token ``head`` points at, among this
    sentence's things and the story's, or None: an owner is never invented."""
    pronoun = {"his": "he", "her": "her"}.get(word)
    if pronoun is None or context is None:
        return None
    probe = Mention(noun=pronoun, head=head, start=head, count=1, pronoun=pronoun)
    earlier = _antecedent(probe, [sentence, context.last_scene, context.cast], [])
    if earlier is None or earlier.noun.split()[-1] not in PEOPLE:
        return None
    return replace(earlier, head=head, start=head, definite=True, subject=False)


def resolve(
    mention: Mention,
    earlier_in_sentence: list[Mention],
    context: SceneContext | None,
    avoid: tuple[Mention, ...] = (),
) -> list[Mention]:
    """The things a mention names, with pronouns, names and definite references filled in
    from what came before: none for a pronoun that points at nothing known, several for
    "they" said of a girl and her grandmother. A pronoun never points at what ``avoid``
    holds (what "she" of the same sentence is, for "him")."""
    cast = context.cast if context else []
    if mention.pronoun is not None:
        return _resolve_pronoun(mention, earlier_in_sentence, context, avoid)
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
    for k, mention in enumerate(raw):
        word = mention.pronoun if mention.pronoun in _REPEATED_PRONOUNS else None
        if word is not None and word in pronouns:
            index_of[k] = pronouns[word]  # "he wrapped it ... and carried it home": one "it"
            continue
        gender = _GENDER_OF.get(mention.pronoun or "")
        other = gendered["female" if gender == "male" else "male"] if gender else []
        found = resolve(
            mention, mentions, context, avoid=(*other, *_doers(raw, k, mentions, index_of))
        )
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
    if pronoun.pronoun is None or pronoun.subject:
        return []
    return [
        mentions[index_of[j]]
        for j, m in enumerate(raw[:k])
        if m.subject and m.governor == pronoun.governor and j in index_of
    ]


_GENDER_OF = {"he": "male", "him": "male", "she": "female", "her": "female"}
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
