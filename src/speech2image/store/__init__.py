"""Sessions on disk: the folder writer of ``run -o DIR``, the SQLite session store, and
exports of stored sessions (storyboard page, zip, GIF, MP4, captions).

The export names load on first use (PEP 562), so listing sessions does not pay for
importing the video stack (OpenCV, PyAV).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from speech2image.store.db import (
    PictureNotFound,
    SessionNotFound,
    StoreCorrupt,
    StoreError,
    StoreUnavailable,
)
from speech2image.store.recorder import SessionRecorder
from speech2image.store.sessions import SessionInfo, SessionStore

if TYPE_CHECKING:
    from speech2image.store.export import (
        EXPORT_FORMATS,
        ExportError,
        VideoOptions,
        export_session,
    )

_LAZY = ("EXPORT_FORMATS", "ExportError", "VideoOptions", "export_session")


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(importlib.import_module("speech2image.store.export"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "EXPORT_FORMATS",
    "ExportError",
    "PictureNotFound",
    "SessionInfo",
    "SessionNotFound",
    "SessionRecorder",
    "SessionStore",
    "StoreCorrupt",
    "StoreError",
    "StoreUnavailable",
    "VideoOptions",
    "export_session",
]
