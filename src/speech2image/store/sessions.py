"""Stored sessions: the SQLite index and the session folders in the data folder.

Layout of a data folder (``~/.local/share/speech2image`` unless ``--data-dir`` or
``S2I_DATA_DIR`` says otherwise)::

    sessions.sqlite3            the index (+ -wal, -shm while open): sessions, sentences,
                                pictures with their scenes and timings, settings
    sessions/<id>/NNNN.png      one picture per final sentence
    sessions/<id>/audio.pcm     the audio as it arrived: raw 16 kHz mono PCM16

Every method opens its own short-lived connection, so a store can be shared by threads
(the web app's thread pool) and by processes (two servers on one data folder).
"""

from __future__ import annotations

import builtins
import json
import logging
import shutil
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from speech2image.config import default_data_dir
from speech2image.store.audio import AUDIO_NAME, pcm_duration_s
from speech2image.store.db import (
    DB_NAME,
    PictureNotFound,
    SessionNotFound,
    StoreError,
    check_session_id,
    connect,
    describe_db_error,
    describe_os_error,
    open_index,
    transaction,
)
from speech2image.store.recorder import SessionRecorder

logger = logging.getLogger(__name__)

Rows = list[sqlite3.Row]
"""Query results (an alias: inside :class:`SessionStore`, ``list`` names its method)."""

MAX_TITLE_CHARS = 200
"""Titles longer than this are refused."""

_LIST_SQL = """
SELECT s.id, s.title, s.created, s.audio_s,
       (SELECT count(*) FROM sentences t WHERE t.session_id = s.id) AS sentences,
       (SELECT max(end_s) FROM sentences t WHERE t.session_id = s.id) AS last_end_s,
       (SELECT min(idx) FROM pictures p WHERE p.session_id = s.id) AS thumbnail
FROM sessions s
"""


@dataclass(frozen=True, slots=True)
class SessionInfo:
    """One stored session, as the list shows it."""

    id: str
    title: str
    created: str
    """When it started, ISO 8601 in UTC."""
    sentences: int
    duration_s: float
    """Seconds of audio heard (or up to the end of the last sentence, if longer)."""
    thumbnail: int | None
    """Index of the first sentence that has a picture; ``None`` when none has."""

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "created": self.created,
            "sentences": self.sentences,
            "duration_s": round(self.duration_s, 3),
            "thumbnail": self.thumbnail,
        }


class SessionStore:
    """Sessions kept in a data folder; see the module docstring for the layout."""

    def __init__(self, data_dir: Path | None = None, *, keep_audio: bool = True) -> None:
        self.data_dir = Path(data_dir) if data_dir is not None else default_data_dir()
        self.keep_audio = keep_audio
        self.db_path = self.data_dir / DB_NAME
        self.sessions_dir = self.data_dir / "sessions"
        try:
            self.sessions_dir.mkdir(parents=True, exist_ok=True)
        except OSError as e:
            raise describe_os_error(e, self.sessions_dir) from e
        open_index(self.db_path)

    # -- writing ------------------------------------------------------------------------------

    def create(
        self,
        *,
        session_id: str,
        title: str | None = None,
        settings: dict[str, Any] | None = None,
        source: str | None = None,
    ) -> SessionRecorder:
        """Start storing a new session and return the subscriber that records it."""
        check_session_id(session_id)
        created = datetime.now(UTC)
        title = _check_title(title) if title else f"Session {created:%Y-%m-%d %H:%M}"
        folder = self.sessions_dir / session_id
        try:
            folder.mkdir(exist_ok=True)
        except OSError as e:
            raise describe_os_error(e, folder) from e
        with self._connection() as conn, transaction(conn, self.db_path):
            if conn.execute("SELECT 1 FROM sessions WHERE id = ?", (session_id,)).fetchone():
                raise ValueError(f"session_id {session_id!r} is already stored; pick another")
            conn.execute(
                "INSERT INTO sessions (id, title, created, source, settings) VALUES (?,?,?,?,?)",
                (
                    session_id,
                    title,
                    created.isoformat(timespec="microseconds"),
                    source,
                    json.dumps(settings or {}, ensure_ascii=False, default=str),
                ),
            )
        logger.info("storing session %s in %s", session_id, folder)
        return SessionRecorder(
            session_id=session_id, db_path=self.db_path, folder=folder, keep_audio=self.keep_audio
        )

    def rename(self, session_id: str, title: str) -> None:
        """Give a session a new title (1-200 characters)."""
        title = _check_title(title)
        with self._connection() as conn, transaction(conn, self.db_path):
            changed = conn.execute(
                "UPDATE sessions SET title = ? WHERE id = ?", (title, check_session_id(session_id))
            ).rowcount
        if not changed:
            raise SessionNotFound(f"no session {session_id!r}")

    def delete(self, session_id: str) -> None:
        """Remove a session: its rows first (one commit), then its folder."""
        check_session_id(session_id)
        with self._connection() as conn, transaction(conn, self.db_path):
            deleted = conn.execute("DELETE FROM sessions WHERE id = ?", (session_id,)).rowcount
        folder = self.sessions_dir / session_id
        if not deleted and not folder.exists():
            raise SessionNotFound(f"no session {session_id!r}")
        shutil.rmtree(folder, ignore_errors=True)

    # -- reading ------------------------------------------------------------------------------

    def list(self, *, limit: int | None = None, offset: int = 0) -> builtins.list[SessionInfo]:
        """Stored sessions, newest first."""
        if limit is not None and limit < 0:
            raise ValueError(f"limit must be 0 or more, got {limit}")
        if offset < 0:
            raise ValueError(f"offset must be 0 or more, got {offset}")
        sql = _LIST_SQL + " ORDER BY s.created DESC, s.rowid DESC LIMIT ? OFFSET ?"
        with self._connection() as conn:
            rows = self._query(conn, sql, (-1 if limit is None else limit, offset))
        return [_info(row) for row in rows]

    def get(self, session_id: str) -> SessionInfo:
        """One stored session; raises :class:`SessionNotFound`."""
        with self._connection() as conn:
            rows = self._query(conn, _LIST_SQL + " WHERE s.id = ?", (check_session_id(session_id),))
        if not rows:
            raise SessionNotFound(f"no session {session_id!r}")
        return _info(rows[0])

    def manifest(self, session_id: str) -> dict[str, Any]:
        """Everything stored about a session, in the shape of the folder writer's manifest."""
        check_session_id(session_id)
        with self._connection() as conn:
            head = self._query(conn, "SELECT * FROM sessions WHERE id = ?", (session_id,))
            if not head:
                raise SessionNotFound(f"no session {session_id!r}")
            rows = self._query(
                conn,
                "SELECT t.idx, t.text, t.start_s, t.end_s, p.file, p.scene, p.elapsed_ms "
                "FROM sentences t LEFT JOIN pictures p "
                "ON p.session_id = t.session_id AND p.idx = t.idx "
                "WHERE t.session_id = ? ORDER BY t.idx",
                (session_id,),
            )
        session = head[0]
        audio = self.audio_path(session_id)
        return {
            "id": session["id"],
            "title": session["title"],
            "created": session["created"],
            "ended": session["ended"],
            "source": session["source"],
            "settings": json.loads(session["settings"]),
            "audio": audio.name if audio is not None else None,
            "duration_s": round(
                max(session["audio_s"], pcm_duration_s(self._audio(session_id))), 3
            ),
            "sentences": [
                {
                    "index": row["idx"],
                    "start": round(row["start_s"], 3),
                    "end": round(row["end_s"], 3),
                    "text": row["text"],
                    "image": row["file"],
                    "scene": json.loads(row["scene"]) if row["scene"] else None,
                    "elapsed_ms": row["elapsed_ms"],
                }
                for row in rows
            ],
        }

    def image_path(self, session_id: str, index: int) -> Path:
        """The picture file of sentence ``index``; raises if the session, the picture or
        its file is missing. The path is built from validated parts only."""
        check_session_id(session_id)
        if not isinstance(index, int) or isinstance(index, bool) or index < 0:
            raise PictureNotFound(f"no picture {index!r}: picture numbers are 0 or more")
        with self._connection() as conn:
            rows = self._query(
                conn,
                "SELECT file FROM pictures WHERE session_id = ? AND idx = ?",
                (session_id, index),
            )
            if not rows and not self._query(
                conn, "SELECT 1 FROM sessions WHERE id = ?", (session_id,)
            ):
                raise SessionNotFound(f"no session {session_id!r}")
        if not rows:
            raise PictureNotFound(f"session {session_id} has no picture for sentence {index}")
        path = self.sessions_dir / session_id / Path(rows[0]["file"]).name
        if not path.is_file():
            raise PictureNotFound(f"the picture file {path} is missing")
        return path

    def audio_path(self, session_id: str) -> Path | None:
        """The session's raw recording (16 kHz mono PCM16), or ``None`` if none was kept."""
        path = self._audio(check_session_id(session_id))
        return path if path.is_file() and path.stat().st_size > 0 else None

    # -- plumbing -----------------------------------------------------------------------------

    def _audio(self, session_id: str) -> Path:
        return self.sessions_dir / session_id / AUDIO_NAME

    def _connection(self) -> _Connection:
        return _Connection(self.db_path)

    def _query(self, conn: sqlite3.Connection, sql: str, params: tuple[Any, ...]) -> Rows:
        try:
            return conn.execute(sql, params).fetchall()
        except sqlite3.Error as e:
            raise describe_db_error(e, self.db_path) from e


class _Connection:
    """A connection closed on exit (``sqlite3.Connection``'s own context manager only
    commits)."""

    def __init__(self, path: Path) -> None:
        self.conn = connect(path)

    def __enter__(self) -> sqlite3.Connection:
        return self.conn

    def __exit__(self, *exc: object) -> None:
        self.conn.close()


def _info(row: sqlite3.Row) -> SessionInfo:
    return SessionInfo(
        id=row["id"],
        title=row["title"],
        created=row["created"],
        sentences=int(row["sentences"]),
        duration_s=float(max(row["audio_s"] or 0.0, row["last_end_s"] or 0.0)),
        thumbnail=row["thumbnail"],
    )


def _check_title(title: str) -> str:
    if not isinstance(title, str) or not title.strip():
        raise ValueError("title is empty: give the session a name")
    title = " ".join(title.split())
    if len(title) > MAX_TITLE_CHARS:
        raise ValueError(f"title is {len(title)} characters; at most {MAX_TITLE_CHARS} allowed")
    return title


__all__ = ["SessionInfo", "SessionStore", "StoreError"]
