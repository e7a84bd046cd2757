"""Document exports: a self-contained storyboard page, and a zip of everything.

The storyboard is the folder writer's own page (:func:`render_storyboard`, from a template
file), with each picture embedded as a ``data:`` URI so one file carries the whole story.
"""

from __future__ import annotations

import base64
import json
import logging
import tempfile
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from speech2image.store.audio import write_wav
from speech2image.store.export.storyboard import render_storyboard
from speech2image.store.export.timeline import Shot, to_srt, to_vtt

logger = logging.getLogger(__name__)

Progress = Callable[[float], None]


def write_html(
    manifest: dict[str, Any],
    picture_of: Callable[[dict[str, Any]], Path | None],
    out: Path,
    *,
    progress: Progress | None = None,
) -> Path:
    """One HTML file with every picture embedded and the asset packs' attribution."""
    total = max(1, len(manifest["sentences"]))
    done = 0

    def embedded(sentence: dict[str, Any]) -> str | None:
        nonlocal done
        done += 1
        if progress is not None:
            progress(0.95 * done / total)
        path = picture_of(sentence)
        if path is None:
            return None
        return "data:image/png;base64," + base64.b64encode(path.read_bytes()).decode("ascii")

    page = render_storyboard(manifest, image_src=embedded)
    out.write_text(page, encoding="utf-8")
    return out


def write_zip(
    manifest: dict[str, Any],
    picture_of: Callable[[dict[str, Any]], Path | None],
    shots: list[Shot],
    out: Path,
    *,
    audio: Path | None = None,
    progress: Progress | None = None,
) -> Path:
    """A zip of the pictures, ``manifest.json``, ``storyboard.html`` (pictures beside it),
    ``captions.srt`` / ``captions.vtt`` and, when it was kept, ``audio.wav``."""
    sentences = []
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for n, sentence in enumerate(manifest["sentences"], start=1):
            path = picture_of(sentence)
            entry = dict(sentence, image=path.name if path is not None else None)
            if path is not None:
                # PNG is compressed already: store it as it is.
                archive.write(path, path.name, compress_type=zipfile.ZIP_STORED)
            sentences.append(entry)
            if progress is not None:
                progress(0.8 * n / max(1, len(manifest["sentences"])))
        listed = dict(manifest, sentences=sentences)
        archive.writestr("manifest.json", json.dumps(listed, indent=2, ensure_ascii=False) + "\n")
        archive.writestr("storyboard.html", render_storyboard(listed))
        archive.writestr("captions.srt", to_srt(shots))
        archive.writestr("captions.vtt", to_vtt(shots))
        if audio is not None:
            with tempfile.TemporaryDirectory(prefix="s2i-zip-") as tmp:
                wav = write_wav(audio, Path(tmp) / "audio.wav")
                archive.write(wav, "audio.wav")
    if progress is not None:
        progress(1.0)
    return out


def write_captions(shots: list[Shot], out: Path, fmt: str) -> Path:
    """``srt`` or ``vtt`` captions, one cue per sentence."""
    out.write_text(to_srt(shots) if fmt == "srt" else to_vtt(shots), encoding="utf-8")
    return out
