"""Records one running session into the store, committing each final sentence as it comes.

A :class:`SessionRecorder` is a session subscriber. Each ``FinalTranscript`` is one small
transaction; each final ``ImageReady`` writes its PNG (to a temporary name, then renamed, so
a picture file is never half-written) and then commits its row, so the index never points
at a picture that is not on disk. Drafts are never stored. A ``kill -9`` loses at most the
sentence being spoken.

The recorder does blocking I/O (SQLite transactions that may wait out another writer's
lock, PNG writes), so it declares itself :attr:`~SessionRecorder.blocking` and the session
calls it in a worker thread, never on the event loop. Audio arrives on the loop every 100 ms;
it is kept in memory and written in blocks of ``audio_block_s`` (and at close), under its own
lock, so a frame never waits for a database transaction and a crash loses at most the last
block.

When the disk fills up or the folder turns read-only mid-session, the recorder logs the
error once, keeps it in :attr:`SessionRecorder.failure` and stops recording; the live
session goes on, and everything committed before stays intact.
"""

from __future__ import annotations

import json
import logging
import sqlite3
import threading
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, ClassVar

import numpy as np

from speech2image.config import SAMPLE_RATE
from speech2image.events import Event, FinalTranscript, ImageReady, SessionEnded
from speech2image.store.audio import AUDIO_NAME, PcmAppender
from speech2image.store.db import (
    StoreError,
    connect,
    describe_os_error,
    transaction,
)

logger = logging.getLogger(__name__)


def picture_name(index: int) -> str:
    """The file name of sentence ``index``'s picture inside its session folder."""
    return f"{index:04d}.png"


class SessionRecorder:
    """Subscribes to one session and commits its finals, pictures and audio as they arrive."""

    blocking: ClassVar[bool] = True
    """Tells :meth:`speech2image.session.Session.subscribe` to call it off the event loop."""

    def __init__(
        self,
        *,
        session_id: str,
        db_path: Path,
        folder: Path,
        keep_audio: bool = True,
        audio_block_s: float = 1.0,
    ) -> None:
        if not audio_block_s > 0:
            raise ValueError(f"audio_block_s must be more than 0 seconds, got {audio_block_s}")
        self.session_id = session_id
        self.db_path = db_path
        self.folder = folder
        self.keep_audio = keep_audio
        self.failure: StoreError | None = None
        """The first storage error, after which nothing more is recorded."""
        self._lock = threading.Lock()
        self._conn: sqlite3.Connection | None = connect(db_path)
        self._audio: PcmAppender | None = None
        self._audio_lock = threading.Lock()
        """Guards the audio alone: a frame never waits behind a database transaction."""
        self._pending: list[np.ndarray] = []
        self._pending_samples = 0
        self._block_samples = max(1, round(audio_block_s * SAMPLE_RATE))
        self._audio_written_s = 0.0
        self._audio_closed = False
        self.audio_failure: StoreError | None = None
        """The error that stopped the audio recording (sentences and pictures may go on)."""

    def __call__(self, event: Event) -> None:
        """Store ``event`` if it is a final sentence, a final picture or the session's end."""
        if isinstance(event, FinalTranscript):
            self._guarded(self._add_sentence, event)
        elif isinstance(event, ImageReady) and event.final:
            self._guarded(self._add_picture, event)
        elif isinstance(event, SessionEnded):
            self.close()

    def append_audio(self, samples: np.ndarray) -> None:
        """Add 16 kHz mono float32 ``samples`` to the session's recording; they reach the
        file once a block of ``audio_block_s`` has gathered, or at :meth:`close`."""
        if not self.keep_audio or self.audio_failure is not None or self.failure is not None:
            return
        with self._audio_lock:
            if self._audio_closed:
                return
            self._pending.append(np.asarray(samples, dtype=np.float32).reshape(-1))
            self._pending_samples += len(self._pending[-1])
            if self._pending_samples >= self._block_samples:
                self._write_audio_block()

    def close(self) -> None:
        """Write the audio still in memory, mark the session ended and release its files;
        safe to call twice."""
        with self._audio_lock:
            self._write_audio_block()
            self._audio_closed = True
            if self._audio is not None:
                self._audio.close()
                self._audio = None
        with self._lock:
            if self._conn is None:
                return
            audio_s = self._audio_written_s
            conn, self._conn = self._conn, None
            if self.failure is None:
                try:
                    with transaction(conn, self.db_path):
                        conn.execute(
                            "UPDATE sessions SET ended = ?, audio_s = max(audio_s, ?) WHERE id = ?",
                            (_now(), audio_s, self.session_id),
                        )
                except StoreError as e:
                    self._fail(e)
            conn.close()

    # -- writing ----------------------------------------------------------------------------

    def _write_audio_block(self) -> None:
        """Write the frames in memory as one block (the caller holds ``_audio_lock``)."""
        if not self._pending or self.audio_failure is not None:
            self._pending.clear()
            self._pending_samples = 0
            return
        block = np.concatenate(self._pending)
        self._pending.clear()
        self._pending_samples = 0
        try:
            if self._audio is None:
                self._audio = PcmAppender(self.folder / AUDIO_NAME)
            self._audio.append(block)
            self._audio_written_s = self._audio.duration_s
        except OSError as e:
            # Sentences and pictures may still fit where audio does not: go on without it.
            self.audio_failure = describe_os_error(e, self.folder / AUDIO_NAME)
            logger.error(
                "session %s: audio recording stopped: %s", self.session_id, self.audio_failure
            )

    def _guarded(self, write: Callable[[sqlite3.Connection, Any], None], event: Event) -> None:
        if self.failure is not None:
            return
        with self._lock:
            if self._conn is None:
                logger.warning("session %s: event after close ignored", self.session_id)
                return
            try:
                write(self._conn, event)
            except StoreError as e:
                self._fail(e)
            except OSError as e:
                self._fail(describe_os_error(e, self.folder))

    def _fail(self, error: StoreError) -> None:
        self.failure = error
        logger.error(
            "session %s: recording stopped, what was committed before is kept: %s",
            self.session_id,
            error,
        )

    def _add_sentence(self, conn: sqlite3.Connection, event: FinalTranscript) -> None:
        audio_s = self._audio_written_s  # what is on disk, not what waits in memory
        with transaction(conn, self.db_path):
            conn.execute(
                "INSERT OR REPLACE INTO sentences (session_id, idx, text, start_s, end_s) "
                "VALUES (?, ?, ?, ?, ?)",
                (self.session_id, event.index, event.text, event.start_s, event.end_s),
            )
            conn.execute(
                "UPDATE sessions SET audio_s = max(audio_s, ?) WHERE id = ?",
                (audio_s, self.session_id),
            )

    def _add_picture(self, conn: sqlite3.Connection, event: ImageReady) -> None:
        name = picture_name(event.index)
        # 1. The file first, complete, under its final name…
        tmp = self.folder / f".{name}.tmp"
        try:
            tmp.write_bytes(event.png)
            tmp.replace(self.folder / name)
        except OSError:
            tmp.unlink(missing_ok=True)
            raise
        # 2. …then the row that points at it.
        scene = json.dumps(event.scene.to_json(), ensure_ascii=False)
        with transaction(conn, self.db_path):
            known = conn.execute(
                "SELECT 1 FROM sentences WHERE session_id = ? AND idx = ?",
                (self.session_id, event.index),
            ).fetchone()
            if known is None:
                logger.warning(
                    "session %s: picture %d has no sentence; not stored",
                    self.session_id,
                    event.index,
                )
                (self.folder / name).unlink(missing_ok=True)
                return
            conn.execute(
                "INSERT OR REPLACE INTO pictures (session_id, idx, file, scene, elapsed_ms) "
                "VALUES (?, ?, ?, ?, ?)",
                (self.session_id, event.index, name, scene, event.elapsed_ms),
            )


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")
