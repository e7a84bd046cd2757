"""MiniLM through onnxruntime: the same vectors as sentence-transformers, checked files.

The export is the set-up step's (``ensure_onnx_export`` into the user's cache, as
``assets install`` makes it); the comparison runs both models on a few hundred words and
phrases of everyday speech.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path

import numpy as np
import pytest

from speech2image.imaging.compose.aliases import COMMON_NOUNS
from speech2image.imaging.compose.embedding import TextEmbedder, embedding_model_path
from speech2image.imaging.compose.embedding_onnx import (
    OnnxModelFiles,
    ensure_onnx_export,
    file_sha256,
    is_exported,
    source_id,
)

PHRASES = (
    "a red double-decker bus",
    "grandfather's old wooden rocking chair",
    "two cats sleeping under the kitchen table",
    "the quick brown fox jumps over the lazy dog",
    "ice cream",
    "thunderstorm",
    "a glass of cold milk",
    "we drove to Spain last summer and swam in the sea every morning " * 20,
)


def _fake_export(tmp_path: Path, content: bytes) -> tuple[Path, OnnxModelFiles]:
    """A model folder with weights of some size and an 'export' of ``content``."""
    model_dir = tmp_path / "model"
    model_dir.mkdir()
    (model_dir / "model.safetensors").write_bytes(b"w" * 100)
    files = OnnxModelFiles.in_cache(tmp_path / "cache")
    files.model.parent.mkdir(parents=True)
    files.model.write_bytes(content)
    sidecar = {
        "source": source_id(model_dir),
        "bytes": len(content),
        "sha256": file_sha256(files.model),
    }
    files.sidecar.write_text(json.dumps(sidecar), encoding="utf-8")
    return model_dir, files


def test_an_export_is_checked_by_size_and_hash(tmp_path: Path) -> None:
    model_dir, files = _fake_export(tmp_path, b"onnx bytes")
    assert is_exported(files, model_dir, check_hash=True)
    files.model.write_bytes(b"onnx bytez")  # same size, other content
    assert is_exported(files, model_dir, check_hash=False)
    assert not is_exported(files, model_dir, check_hash=True)
    files.model.write_bytes(b"onnx")  # cut short
    assert not is_exported(files, model_dir, check_hash=False)


def test_an_export_of_other_weights_or_without_sidecar_is_not_used(tmp_path: Path) -> None:
    model_dir, files = _fake_export(tmp_path, b"onnx bytes")
    (model_dir / "model.safetensors").write_bytes(b"w" * 101)
    assert not is_exported(files, model_dir, check_hash=False)
    (model_dir / "model.safetensors").write_bytes(b"w" * 100)
    files.sidecar.write_text("{not json", encoding="utf-8")
    assert not is_exported(files, model_dir, check_hash=False)


@pytest.mark.slow
def test_onnx_vectors_match_sentence_transformers() -> None:
    from speech2image.imaging.compose.embedding import _load_sentence_transformer

    assert ensure_onnx_export(embedding_model_path())
    embedder = TextEmbedder()
    embedder.load()
    assert embedder.backend == "onnx"
    texts = [*COMMON_NOUNS[:300], *PHRASES]
    ours = embedder.embed(texts)
    reference = _load_sentence_transformer(embedding_model_path()).encode(
        texts, batch_size=128, normalize_embeddings=True, show_progress_bar=False
    )
    assert ours.shape == (len(texts), 384) and ours.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(ours, axis=1), 1.0, atol=1e-5)
    cosines = (ours * reference).sum(axis=1)
    assert cosines.min() >= 0.9999, texts[int(cosines.argmin())]
    # Order is kept although batches are sorted by length.
    assert np.allclose(embedder.embed([texts[5], texts[0]]), ours[[5, 0]], atol=1e-5)


@pytest.mark.slow
def test_an_incomplete_export_falls_back_with_a_logged_line(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    model_dir = embedding_model_path()
    files = OnnxModelFiles.in_cache(tmp_path)
    files.model.parent.mkdir(parents=True)
    files.model.write_bytes(b"\0" * 1000)
    sidecar = {"source": source_id(model_dir), "bytes": 1000, "sha256": "0" * 64}
    files.sidecar.write_text(json.dumps(sidecar), encoding="utf-8")
    embedder = TextEmbedder(onnx_files=files)
    with caplog.at_level(logging.WARNING):
        embedder.load()
    assert embedder.backend == "sentence-transformers" and embedder.loads == 1
    assert "assets install" in caplog.text
    assert embedder.embed(["dog"]).shape == (1, 384)
