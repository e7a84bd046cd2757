"""Fixtures of the language tests: the real spaCy builder and its pipeline, loaded once."""

from __future__ import annotations

from typing import Any

import pytest

from speech2image.language import SpacySceneBuilder
from tests.language.scenes import builder as shared


@pytest.fixture(scope="module")
def builder() -> SpacySceneBuilder:
    return shared()


@pytest.fixture(scope="module")
def nlp(builder: SpacySceneBuilder) -> Any:
    return builder.nlp
