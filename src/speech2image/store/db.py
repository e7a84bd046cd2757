"""The SQLite index of stored sessions: schema, connections and the errors a store raises.

One file, ``sessions.sqlite3``, in the data folder. It runs in WAL mode so a reader never
waits for a writer and a ``kill -9`` between two commits loses nothing committed; a
``busy_timeout`` lets two server processes share one data folder without "database is
locked" failures. ``synchronous=NORMAL`` is the setting SQLite recommends with WAL: every
commit survives a crash of the process; a power cut may lose the last commits, never the
file's integrity.
"""

from __future__ import annotations

import errno
import logging
import re
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

logger = logging.getLogger(__name__)

DB_NAME = "sessions.sqlite3"
"""The index file's name inside the data folder."""

SCHEMA_VERSION = 1
"""``PRAGMA user_version`` of the schema below; a newer file is refused, not rewritten."""

BUSY_TIMEOUT_MS = 10_000
"""How long a connection waits for another process's write lock before failing."""

SESSION_ID = re.compile(r"^[0-9A-Za-z]{1,64}$")
"""Session ids are ASCII letters and digits only, so an id can never name another path."""

SCHEMA = """
CREATE TABLE IF NOT EXISTS sessions (
    id        TEXT PRIMARY KEY,
    title     TEXT NOT NULL,
    created   TEXT NOT NULL,
    source    TEXT,
    settings  TEXT NOT NULL DEFAULT '{}',
    ended     TEXT,
    audio_s   REAL NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS sessions_created ON sessions (created);
CREATE TABLE IF NOT EXISTS sentences (
    session_id TEXT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    idx        INTEGER NOT NULL,
    text       TEXT NOT NULL,
    start_s    REAL NOT NULL,
    end_s      REAL NOT NULL,
    PRIMARY KEY (session_id, idx)
);
CREATE TABLE IF NOT EXISTS pictures (
    session_id TEXT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    idx        INTEGER NOT NULL,
    file       TEXT NOT NULL,
    scene      TEXT NOT NULL,
    elapsed_ms REAL NOT NULL DEFAULT 0,
    PRIMARY KEY (session_id, idx)
);
"""


class StoreError(Exception):
    """The session store cannot do what was asked; the message says why and what to do."""


class StoreCorrupt(StoreError):
    """The index file is damaged or is not an index at all."""


class StoreUnavailable(StoreError):
    """The data folder cannot be written: read-only, full, or missing permissions."""


class SessionNotFound(StoreError, KeyError):
    """No stored session has this id (or the id is malformed)."""

    def __str__(self) -> str:  # KeyError would quote the message
        return str(self.args[0]) if self.args else "session not found"


class PictureNotFound(StoreError, KeyError):
    """The session has no picture with this index, or its file is gone."""

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else "picture not found"


def check_session_id(session_id: str) -> str:
    """Return ``session_id`` if it is well formed, else raise :class:`SessionNotFound`."""
    if not isinstance(session_id, str) or not SESSION_ID.match(session_id):
        raise SessionNotFound(f"no session {session_id!r}: ids are 1-64 letters and digits")
    return session_id


def describe_os_error(e: OSError, path: Path) -> StoreError:
    """A store error for a failed file operation, saying what the user can do."""
    if e.errno == errno.ENOSPC:
        return StoreUnavailable(f"the disk holding {path} is full: free some space")
    if e.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return StoreUnavailable(
            f"cannot write {path}: the data folder is read-only; choose another with "
            "--data-dir or S2I_DATA_DIR"
        )
    return StoreUnavailable(f"cannot write {path}: {e.strerror or e}")


def describe_db_error(e: sqlite3.Error, path: Path) -> StoreError:
    """A store error for a failed SQLite call, naming the file and what to do."""
    text = str(e)
    lowered = text.lower()
    if "not a database" in lowered or "malformed" in lowered or "corrupt" in lowered:
        return StoreCorrupt(
            f"the session index {path} is damaged ({text}); move it aside "
            f"(mv {path} {path}.broken) and a fresh index will be started; "
            f"the pictures in {path.parent / 'sessions'} are left untouched"
        )
    if "readonly" in lowered or "read-only" in lowered or "unable to open" in lowered:
        return StoreUnavailable(
            f"cannot write the session index {path} ({text}): the data folder is read-only "
            "or not accessible; choose another with --data-dir or S2I_DATA_DIR"
        )
    if "disk is full" in lowered or "disk i/o" in lowered:
        return StoreUnavailable(f"cannot write the session index {path} ({text}): free some space")
    if "locked" in lowered or "busy" in lowered:
        return StoreUnavailable(
            f"the session index {path} stayed locked by another process for "
            f"{BUSY_TIMEOUT_MS / 1000:.0f} s ({text}); try again"
        )
    return StoreError(f"session index {path}: {text}")


def connect(path: Path) -> sqlite3.Connection:
    """Open the index with the pragmas every connection needs (raises :class:`StoreError`)."""
    try:
        # Autocommit mode: transactions are explicit (``transaction()``), never implicit.
        conn = sqlite3.connect(
            path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None, check_same_thread=False
        )
        conn.row_factory = sqlite3.Row
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA synchronous = NORMAL")
    except sqlite3.Error as e:
        raise describe_db_error(e, path) from e
    return conn


@contextmanager
def transaction(conn: sqlite3.Connection, path: Path) -> Iterator[sqlite3.Connection]:
    """``BEGIN IMMEDIATE`` … ``COMMIT``: take the write lock up front (waiting up to the busy
    timeout), so two processes never deadlock upgrading read locks; roll back on error."""
    try:
        conn.execute("BEGIN IMMEDIATE")
    except sqlite3.Error as e:
        raise describe_db_error(e, path) from e
    try:
        yield conn
        conn.execute("COMMIT")
    except sqlite3.Error as e:
        _rollback(conn)
        raise describe_db_error(e, path) from e
    except BaseException:
        _rollback(conn)
        raise


def _rollback(conn: sqlite3.Connection) -> None:
    try:
        conn.execute("ROLLBACK")
    except sqlite3.Error:
        logger.debug("rollback after a failed transaction failed too", exc_info=True)


def _use_wal(conn: sqlite3.Connection) -> None:
    """Switch a new index to write-ahead logging, waiting out another process doing the same.

    Changing the journal mode needs the database to itself, and SQLite answers "database is
    locked" at once, without its busy handler, while another process switches it or
    creates the schema: two processes opening a new data folder together failed so. Retried
    for as long as the busy time-out.
    """
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            if conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                conn.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as e:
            if "locked" not in str(e) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def open_index(path: Path) -> None:
    """Create or check the schema of the index at ``path`` (raises :class:`StoreError`)."""
    conn = connect(path)
    try:
        try:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            _use_wal(conn)
        except sqlite3.Error as e:
            raise describe_db_error(e, path) from e
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"the session index {path} was written by a newer speech2image "
                f"(schema {version}, this one reads {SCHEMA_VERSION}): upgrade speech2image"
            )
        if version < SCHEMA_VERSION:
            with transaction(conn, path):
                # One statement at a time: executescript() would commit the open transaction.
                for statement in SCHEMA.split(";"):
                    if statement.strip():
                        conn.execute(statement)
                conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    finally:
        conn.close()
