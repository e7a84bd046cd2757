"""Faults: a killed process, a corrupt index, a read-only or full data folder, two writers.

Read-only and full folders are real filesystems: a small tmpfs mounted for the test (the
test machines run as root). Where mounting is not allowed the test is skipped, and the
disk-full path of the recorder is still exercised by a write that raises ``ENOSPC``.
"""

from __future__ import annotations

import errno
import hashlib
import os
import signal
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from speech2image.events import Event, FinalTranscript
from speech2image.store import (
    SessionStore,
    StoreCorrupt,
    StoreError,
    StoreUnavailable,
    export_session,
)
from tests.conftest import tmpfs
from tests.store.conftest import record

WRITER = Path(__file__).with_name("session_writer.py")


def _integrity(db: Path) -> str:
    with sqlite3.connect(db) as conn:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]


def _digests(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*.png"))
    }


def test_kill_9_mid_session_keeps_every_committed_sentence(tmp_path: Path) -> None:
    data = tmp_path / "data"
    writer = subprocess.Popen(
        [sys.executable, str(WRITER), str(data), "crash", "1", "1000", "0.002"],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert writer.stdout is not None
    committed = [writer.stdout.readline() for _ in range(6)]
    os.kill(writer.pid, signal.SIGKILL)
    writer.wait(timeout=10)
    writer.stdout.close()
    assert all(line.startswith("committed crash0") for line in committed)

    assert _integrity(data / "sessions.sqlite3") == "ok"
    store = SessionStore(data)
    info = store.get("crash0")
    assert info.sentences >= 6
    manifest = store.manifest("crash0")
    assert [s["index"] for s in manifest["sentences"]] == list(range(info.sentences))
    # Every sentence but possibly the one being written when the process died has its picture.
    assert all(s["image"] for s in manifest["sentences"][:-1])
    assert manifest["ended"] is None
    assert manifest["duration_s"] >= 6.0
    assert export_session(store, "crash0", "html", tmp_path / "after.html").stat().st_size
    assert export_session(store, "crash0", "srt", tmp_path / "after.srt").stat().st_size


def test_two_processes_write_one_data_folder(tmp_path: Path) -> None:
    data = tmp_path / "data"
    writers = [
        subprocess.Popen(
            [sys.executable, str(WRITER), str(data), prefix, "6", "5"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        for prefix in ("a", "b")
    ]
    for writer in writers:
        _, errors = writer.communicate(timeout=60)
        assert writer.returncode == 0, errors
    assert _integrity(data / "sessions.sqlite3") == "ok"
    store = SessionStore(data)
    listed = store.list()
    assert sorted(info.id for info in listed) == sorted(f"{p}{n}" for p in "ab" for n in range(6))
    assert all(info.sentences == 5 and info.thumbnail == 0 for info in listed)


def test_a_corrupt_index_is_named_and_the_pictures_are_untouched(
    tmp_path: Path, events: list[Event]
) -> None:
    data = tmp_path / "data"
    record(SessionStore(data), events)
    before = _digests(data / "sessions")
    db = data / "sessions.sqlite3"
    for sidecar in ("-wal", "-shm"):
        Path(f"{db}{sidecar}").unlink(missing_ok=True)
    db.write_bytes(b"this is no database, just some bytes " * 200)
    with pytest.raises(StoreCorrupt) as caught:
        SessionStore(data)
    message = str(caught.value)
    assert str(db) in message and "move it aside" in message
    assert _digests(data / "sessions") == before


def test_a_damaged_page_is_reported_as_corrupt(tmp_path: Path, events: list[Event]) -> None:
    data = tmp_path / "data"
    store = SessionStore(data)
    for n in range(30):
        record(store, events, f"s{n}", audio_s=0)
    with sqlite3.connect(data / "sessions.sqlite3") as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db = data / "sessions.sqlite3"
    raw = bytearray(db.read_bytes())
    raw[4096 * 2 : 4096 * 6] = b"\xff" * (4096 * 4)  # wreck some b-tree pages
    db.write_bytes(bytes(raw))
    with pytest.raises(StoreCorrupt, match="move it aside"):
        SessionStore(data).list()


@pytest.fixture
def small_mount(tmp_path: Path) -> Iterator[Path]:
    """A 2 MB tmpfs of its own, unmounted afterwards; skips where mounting is not allowed."""
    with tmpfs(tmp_path, "2m") as mount:
        yield mount


def test_a_read_only_data_folder_gives_a_clear_error(
    small_mount: Path, events: list[Event]
) -> None:
    data = small_mount / "data"
    record(SessionStore(data), events)
    before = _digests(data / "sessions")
    subprocess.run(["mount", "-o", "remount,ro", str(small_mount)], check=True)
    try:
        with pytest.raises(StoreUnavailable, match="read-only"):
            SessionStore(data).create(session_id="another")
    finally:
        subprocess.run(["mount", "-o", "remount,rw", str(small_mount)], check=True)
    assert _digests(data / "sessions") == before
    assert SessionStore(data).get("abc123").sentences == 4


def test_a_full_disk_stops_the_recording_and_keeps_what_was_committed(
    small_mount: Path, events: list[Event]
) -> None:
    data = small_mount / "data"
    store = SessionStore(data)
    record(store, events, audio_s=1.0)
    recorder = store.create(session_id="later")
    with (small_mount / "filler").open("wb") as filler:
        with pytest.raises(OSError) as full:
            while True:
                filler.write(b"\0" * 65536)
                filler.flush()
        assert full.value.errno == errno.ENOSPC
    for event in events:
        recorder(event)  # never raises: the live session must go on
    recorder.close()
    assert isinstance(recorder.failure, StoreUnavailable)
    assert "full" in str(recorder.failure)
    (small_mount / "filler").unlink()
    assert _integrity(data / "sessions.sqlite3") == "ok"
    again = SessionStore(data)
    assert again.get("abc123").sentences == 4
    assert again.image_path("abc123", 3).is_file()


def test_a_picture_the_disk_refuses_stops_recording_cleanly(
    store: SessionStore, events: list[Event], monkeypatch: pytest.MonkeyPatch
) -> None:
    recorder = store.create(session_id="refused")

    def no_space(self: Path, data: bytes) -> int:
        raise OSError(errno.ENOSPC, "No space left on device", str(self))

    finals = [e for e in events if isinstance(e, FinalTranscript)]
    recorder(finals[0])
    monkeypatch.setattr(Path, "write_bytes", no_space)
    for event in events:
        recorder(event)
    monkeypatch.undo()
    recorder.close()
    assert isinstance(recorder.failure, StoreError) and "full" in str(recorder.failure)
    info = store.get("refused")
    assert info.sentences >= 1 and info.thumbnail is None
    assert not list((store.sessions_dir / "refused").glob(".*.tmp"))
