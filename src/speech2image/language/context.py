"""What a session remembers across sentences: the surroundings and the cast.

Every thing named gets an entity id ("e1", "e2", ... per session); pronouns ("it",
"they", "she"), definite references ("the dog") and names ("Tom") point at things of
earlier sentences and take their entity id and attributes (colour, age, material, name),
so an engine draws the same girl in sentence five as in sentence one (the rules are
:mod:`speech2image.language.references`'s; the context keeps the cast, the last
picture and how much each thing was spoken of). The setting,
lighting, time and weather persist until new ones are named.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from speech2image.language.coreference import owner as owner  # re-exported for the builder
from speech2image.language.mentions import Mention
from speech2image.language.references import resolve_all as resolve_all

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
    salience: dict[str, int] = field(default_factory=dict)
    """How much the story has spoken of each entity: one a sentence, two as its subject
    (what "he" of a later sentence is likeliest to be, see ``language.coreference``)."""
    called: dict[str, str] = field(default_factory=dict)
    """The pronoun the story last called each entity by: the hedgehog called "he" is not
    "she", the parrot called "it" not "he"."""

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
            if mention.entity is not None:
                weight = self.salience.get(mention.entity, 0) + (2 if mention.subject else 1)
                self.salience[mention.entity] = weight
            if mention.entity is not None and mention.called is not None:
                self.called[mention.entity] = mention.called
            elif mention.entity is not None and self.called.get(mention.entity) == "it":
                del self.called[mention.entity]  # named again: "it" no longer rules out "he"
        del self.cast[:-MAX_CAST]
        if mentions:
            self.last_scene = list(mentions)


def _same_thing(a: Mention, b: Mention) -> bool:
    if a.entity is not None and b.entity is not None:
        return a.entity == b.entity
    return a.noun == b.noun
