"""Exports of a stored session: storyboard page, zip, GIF, MP4 and captions.

:func:`export_session` is the one entry point; it writes to a temporary file beside ``out``
and renames it into place, so a failed or interrupted export never leaves half a file.
A picture whose file has gone missing is logged and drawn as a placeholder; the export
goes on.
"""

from __future__ import annotations

import logging
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from speech2image.store.db import StoreError, describe_os_error
from speech2image.store.export.documents import write_captions, write_html, write_zip
from speech2image.store.export.gif import write_gif
from speech2image.store.export.timeline import Shot, build_timeline
from speech2image.store.export.video import VideoOptions, write_mp4
from speech2image.store.folder import attribution_of
from speech2image.store.sessions import SessionStore

logger = logging.getLogger(__name__)

EXPORT_FORMATS = ("html", "zip", "gif", "mp4", "srt", "vtt")
"""What :func:`export_session` writes, by ``fmt``."""

MEDIA_TYPES = {
    "html": "text/html; charset=utf-8",
    "zip": "application/zip",
    "gif": "image/gif",
    "mp4": "video/mp4",
    "srt": "application/x-subrip",
    "vtt": "text/vtt; charset=utf-8",
}
"""The HTTP content type of each export format."""


class ExportError(StoreError):
    """An export cannot be made; the message says why."""


def export_session(
    store: SessionStore,
    session_id: str,
    fmt: str,
    out: Path,
    *,
    progress: Callable[[float], None] | None = None,
    video: VideoOptions | None = None,
) -> Path:
    """Export stored session ``session_id`` as ``fmt`` (one of :data:`EXPORT_FORMATS`) to
    ``out``, calling ``progress`` with the fraction done (0 to 1) along the way."""
    # 1. Check everything up front: the format, the session, the destination.
    if fmt not in EXPORT_FORMATS:
        raise ValueError(f"fmt must be one of {', '.join(EXPORT_FORMATS)}; got {fmt!r}")
    out = Path(out)
    if out.is_dir():
        raise ValueError(f"out {out} is a folder; give a file name")
    manifest = store.manifest(session_id)
    sentences = manifest["sentences"]
    if fmt in ("gif", "mp4") and not sentences:
        raise ExportError(f"session {session_id} has no sentences: there is nothing to film")
    # 2. The timeline every format shares.
    audio = store.audio_path(session_id)
    picture_of = _picture_finder(store, session_id)
    shots = build_timeline(sentences, picture_of, audio_s=float(manifest["duration_s"]))
    # 3. Write to a temporary file beside ``out``, then move it into place.
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=f".{out.name}.", suffix=f".{fmt}", dir=out.parent)
        os.close(fd)
    except OSError as e:
        raise describe_os_error(e, out) from e
    tmp = Path(tmp_name)
    try:
        _write(fmt, manifest, picture_of, shots, tmp, audio, progress, video)
        tmp.replace(out)
    except OSError as e:
        raise describe_os_error(e, out) from e
    finally:
        tmp.unlink(missing_ok=True)
    logger.info("exported session %s as %s to %s", session_id, fmt, out)
    return out


def _write(
    fmt: str,
    manifest: dict[str, Any],
    picture_of: Callable[[dict[str, Any]], Path | None],
    shots: list[Shot],
    tmp: Path,
    audio: Path | None,
    progress: Callable[[float], None] | None,
    video: VideoOptions | None,
) -> None:
    if fmt == "html":
        write_html(manifest, picture_of, tmp, progress=progress)
    elif fmt == "zip":
        write_zip(manifest, picture_of, shots, tmp, audio=audio, progress=progress)
    elif fmt == "gif":
        write_gif(shots, tmp, attribution=attribution_of(manifest, text=True), progress=progress)
    elif fmt == "mp4":
        credit = attribution_of(manifest, text=True)
        write_mp4(shots, tmp, audio=audio, options=video, attribution=credit, progress=progress)
    else:
        write_captions(shots, tmp, fmt)
        if progress is not None:
            progress(1.0)


def _picture_finder(
    store: SessionStore, session_id: str
) -> Callable[[dict[str, Any]], Path | None]:
    folder = store.sessions_dir / session_id
    found: dict[int, Path | None] = {}

    def picture_of(sentence: dict[str, Any]) -> Path | None:
        index = int(sentence["index"])
        if index not in found:
            name = sentence.get("image")
            path = folder / Path(name).name if name else None
            if path is not None and not path.is_file():
                logger.warning(
                    "session %s: picture file %s is missing; a placeholder is used instead",
                    session_id,
                    path,
                )
                path = None
            found[index] = path
        return found[index]

    return picture_of


__all__ = ["EXPORT_FORMATS", "MEDIA_TYPES", "ExportError", "VideoOptions", "export_session"]
