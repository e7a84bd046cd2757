"""Helpers for the language tests: the real builder, and what a scene says in short."""

from __future__ import annotations

from collections import Counter
from typing import Any

from speech2image.language import SpacySceneBuilder
from speech2image.language.mentions import find_mentions
from speech2image.language.relations import find_relations
from speech2image.scene import Scene, SceneObject
from tests.faithfulness.fixtures import shared_builder


def builder() -> SpacySceneBuilder:
    """The real spaCy builder, loaded once per test run."""
    return shared_builder()


def nouns(scene: Scene) -> list[str]:
    return [o.noun for o in scene.objects]


def counted(scene: Scene) -> Counter[str]:
    return Counter(nouns(scene))


def skipped(scene: Scene) -> dict[str, str]:
    """Skipped words (lower case) -> reason."""
    return {s.words.lower(): s.reason for s in scene.skipped}


def first(scene: Scene, noun: str) -> SceneObject:
    return next(o for o in scene.objects if o.noun == noun)


def said(nlp: Any, text: str) -> list[tuple[str, str, str]]:
    """(subject noun, relation, object noun) for each relation of ``text``."""
    doc = nlp(text)
    mentions = find_mentions(doc)
    relations, _ = find_relations(doc, mentions)
    return [(mentions[r.subject].noun, r.relation, mentions[r.object].noun) for r in relations]
