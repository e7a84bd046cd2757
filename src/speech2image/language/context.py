"""What a session remembers across sentences: the setting, the time, the cast.

Pronouns ("it", "they", "she") and definite references ("the dog") point at things of
earlier sentences; the setting, time and weather persist until new ones are named; a
sentence that names nothing new keeps the last picture's cast.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from speech2image.language.mentions import Mention
from speech2image.language.vocabulary import FEMALE_WORDS, MALE_WORDS, PERSON_WORDS

MAX_CAST = 24
"""How many earlier things a session remembers, most recent last."""


@dataclass(slots=True)
class SceneContext:
    """Per-session state for :class:`~speech2image.language.parse.SpacySceneBuilder`.

    Mutable on purpose: one per session, updated only by final sentences.
    """

    setting: str | None = None
    time: str | None = None
    weather: str | None = None
    season: str | None = None
    cast: list[Mention] = field(default_factory=list)
    """Things named so far, most recent last (resolved mentions, not pronouns)."""
    last_scene: list[Mention] = field(default_factory=list)
    """The mentions of the last final sentence's picture."""
    sentences: int = 0

    def remember(self, mentions: list[Mention]) -> None:
        """Add resolved mentions to the cast, moving repeated nouns to the end."""
        for mention in mentions:
            self.cast = [m for m in self.cast if m.noun != mention.noun]
            self.cast.append(mention)
        del self.cast[:-MAX_CAST]
        if mentions:
            self.last_scene = list(mentions)


def _agrees(pronoun: str, mention: Mention) -> bool:
    head = mention.noun.split()[-1]
    if pronoun in ("he", "him"):
        return head in MALE_WORDS or (head in PERSON_WORDS and head not in FEMALE_WORDS)
    if pronoun in ("she", "her"):
        return head in FEMALE_WORDS or (head in PERSON_WORDS and head not in MALE_WORDS)
    if pronoun in ("they", "them", "themselves"):
        return mention.count > 1
    return mention.count == 1 and head not in PERSON_WORDS


def resolve(
    mention: Mention, earlier_in_sentence: list[Mention], context: SceneContext | None
) -> Mention | None:
    """The mention with pronouns and definite references filled in from what came before.

    Returns ``None`` for a pronoun that points at nothing known.
    """
    if mention.pronoun is not None:
        candidates = [*(context.cast if context else []), *earlier_in_sentence]
        for earlier in reversed(candidates):
            if earlier.pronoun is None and _agrees(mention.pronoun, earlier):
                return replace(
                    earlier,
                    head=mention.head,
                    start=mention.start,
                    definite=True,
                    color=mention.color or earlier.color,
                    size=mention.size or earlier.size,
                )
        if mention.pronoun in ("they", "them") and candidates:
            return replace(candidates[-1], head=mention.head, start=mention.start)
        return None
    if context is None or not mention.definite:
        return mention
    for earlier in reversed(context.cast):
        if earlier.noun == mention.noun:
            return replace(
                mention,
                color=mention.color or earlier.color,
                size=mention.size or earlier.size,
                count=mention.count if mention.has_count else earlier.count,
            )
    return mention
