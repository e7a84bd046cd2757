"""Language: from the words of a sentence to a scene (spaCy), with context across sentences."""

from speech2image.language.builder import SceneBuilder
from speech2image.language.context import SceneContext
from speech2image.language.parse import SpacySceneBuilder

__all__ = ["SceneBuilder", "SceneContext", "SpacySceneBuilder"]
