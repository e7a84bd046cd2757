"""Helpers for the language tests: the real builder, and what a scene says in short."""

from __future__ import annotations

from collections import Counter

from speech2image.language import SpacySceneBuilder
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
