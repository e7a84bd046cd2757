"""The local Whisper models: names, the base model's assembly from its two packages."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

from speech2image.asr import models
from speech2image.asr.models import (
    ASR_MODELS,
    BASE_PACKAGES,
    BASE_SHA256,
    ModelFilesError,
    assemble_base,
    check_model_name,
    model_path,
)


def test_model_names_are_checked() -> None:
    check_model_name("tiny.en")
    check_model_name("base")
    with pytest.raises(ValueError, match=r"asr_model='small'.*tiny\.en.*base"):
        check_model_name("small")
    assert ASR_MODELS == ("tiny.en", "base")


def test_tiny_en_is_the_bundled_folder() -> None:
    assert (model_path("tiny.en") / "model.bin").is_file()


@pytest.mark.slow
def test_base_is_assembled_once_and_verified(tmp_path: Path) -> None:
    folder = assemble_base(tmp_path)
    target = folder / "model.bin"
    digest = hashlib.sha256(target.read_bytes()).hexdigest()
    assert digest == BASE_SHA256
    for name in ("config.json", "tokenizer.json", "vocabulary.txt"):
        assert (folder / name).is_file()
    assert not list(folder.glob(".*.tmp")), "no temporary file is left behind"
    # A second start reuses the verified file instead of writing it again.
    mtime = target.stat().st_mtime_ns
    assert assemble_base(tmp_path) == folder
    assert target.stat().st_mtime_ns == mtime


@pytest.mark.slow
def test_a_cut_short_cache_is_assembled_again(tmp_path: Path) -> None:
    folder = assemble_base(tmp_path)
    with (folder / "model.bin").open("r+b") as f:
        f.truncate(1000)
    assemble_base(tmp_path)
    assert (folder / "model.bin").stat().st_size == sum(
        p.path.stat().st_size for p in models._base_parts()
    )


def test_a_corrupt_part_names_the_packages_to_reinstall(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = models._base_parts()
    broken = []
    for part in real:
        copy = tmp_path / "site" / part.path.name
        copy.parent.mkdir(exist_ok=True)
        copy.write_bytes(part.path.read_bytes()[:4096])  # an incomplete download
        broken.append(models._Part(part.package, copy))
    for name in ("config.json", "tokenizer.json", "vocabulary.txt"):
        shutil.copyfile(real[0].path.parent / name, tmp_path / "site" / name)
    monkeypatch.setattr(models, "_base_parts", lambda: broken)
    with pytest.raises(ModelFilesError) as caught:
        assemble_base(tmp_path / "cache")
    message = str(caught.value)
    assert "incomplete or corrupt" in message
    for package in BASE_PACKAGES:
        assert package in message
    assert not (tmp_path / "cache" / "whisper-base" / "model.bin").exists()
    assert not list((tmp_path / "cache" / "whisper-base").glob(".*.tmp"))


def test_a_missing_package_is_named(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(models, "BASE_PACKAGES", (BASE_PACKAGES[0], "no-such-whisper-part2"))
    with pytest.raises(ModelFilesError, match="no-such-whisper-part2 is not installed"):
        assemble_base(tmp_path)


def test_cache_dir_follows_the_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("S2I_CACHE_DIR", str(tmp_path / "c"))
    assert models.default_cache_dir() == tmp_path / "c"
    monkeypatch.delenv("S2I_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "x"))
    assert models.default_cache_dir() == tmp_path / "x" / "speech2image"
