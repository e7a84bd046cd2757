"""The session store: recording real session events, listing, reading, renaming, deleting."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from speech2image.events import Event, FinalTranscript, ImageReady
from speech2image.store import (
    PictureNotFound,
    SessionInfo,
    SessionNotFound,
    SessionStore,
)
from tests.store.conftest import STORY, record


def test_a_recorded_session_keeps_every_final_sentence_and_picture(
    store: SessionStore, stored: str, events: list[Event]
) -> None:
    manifest = store.manifest(stored)
    assert [s["text"] for s in manifest["sentences"]] == STORY
    assert [s["index"] for s in manifest["sentences"]] == [0, 1, 2, 3]
    assert all(s["image"] == f"{s['index']:04d}.png" for s in manifest["sentences"])
    finals = {e.index: e for e in events if isinstance(e, ImageReady) and e.final}
    for sentence in manifest["sentences"]:
        path = store.image_path(stored, sentence["index"])
        assert path.read_bytes() == finals[sentence["index"]].png
        assert sentence["scene"]["text"] == sentence["text"]
    texts = {e.index: (e.start_s, e.end_s) for e in events if isinstance(e, FinalTranscript)}
    assert manifest["sentences"][1]["start"] == texts[1][0]
    assert manifest["title"] == "The story"
    assert manifest["source"] == "story.flac"
    assert manifest["audio"] == "audio.pcm"
    assert manifest["duration_s"] == pytest.approx(9.0)


def test_drafts_are_never_stored(store: SessionStore, stored: str, events: list[Event]) -> None:
    assert any(isinstance(e, ImageReady) and not e.final for e in events), "fixture has drafts"
    folder = store.sessions_dir / stored
    assert sorted(p.name for p in folder.glob("*.png")) == [f"{i:04d}.png" for i in range(4)]
    assert not list(folder.glob(".*"))  # no temporary files left behind


def test_list_is_newest_first_with_counts_and_thumbnails(
    store: SessionStore, events: list[Event]
) -> None:
    record(store, events, "first")
    store.create(session_id="empty").close()
    record(store, events[:0], "second", audio_s=0)
    listed = store.list()
    assert [info.id for info in listed] == ["second", "empty", "first"]
    first = store.get("first")
    assert first == SessionInfo(
        id="first",
        title="The story",
        created=first.created,
        sentences=4,
        duration_s=pytest.approx(9.0),
        thumbnail=0,
    )
    assert store.get("empty").thumbnail is None
    assert store.get("empty").title.startswith("Session ")
    assert [i.id for i in store.list(limit=1, offset=1)] == ["empty"]
    with pytest.raises(ValueError, match="limit"):
        store.list(limit=-1)


def test_rename_and_delete(store: SessionStore, stored: str) -> None:
    store.rename(stored, "  A day   at the park ")
    assert store.get(stored).title == "A day at the park"
    with pytest.raises(ValueError, match="title"):
        store.rename(stored, "   ")
    with pytest.raises(ValueError, match="title"):
        store.rename(stored, "x" * 201)
    folder = store.sessions_dir / stored
    store.delete(stored)
    assert not folder.exists()
    assert store.list() == []
    with sqlite3.connect(store.db_path) as conn:
        assert conn.execute("SELECT count(*) FROM sentences").fetchone() == (0,)
    with pytest.raises(SessionNotFound):
        store.delete(stored)
    with pytest.raises(SessionNotFound):
        store.rename(stored, "gone")


@pytest.mark.parametrize("bad", ["../etc", "..", "a/b", "", "x" * 65, "ab cd", "é1", "a.png"])
def test_malformed_ids_never_reach_the_filesystem(store: SessionStore, bad: str) -> None:
    with pytest.raises(SessionNotFound):
        store.get(bad)
    with pytest.raises(SessionNotFound):
        store.image_path(bad, 0)
    with pytest.raises(SessionNotFound):
        store.delete(bad)
    with pytest.raises(SessionNotFound):
        store.create(session_id=bad)
    assert isinstance(SessionNotFound("x"), KeyError)


def test_unknown_sessions_and_pictures(store: SessionStore, stored: str) -> None:
    with pytest.raises(SessionNotFound, match="nosuch"):
        store.manifest("nosuch")
    with pytest.raises(SessionNotFound):
        store.image_path("nosuch", 0)
    with pytest.raises(PictureNotFound):
        store.image_path(stored, 99)
    with pytest.raises(PictureNotFound):
        store.image_path(stored, -1)
    with pytest.raises(ValueError, match="already stored"):
        store.create(session_id=stored)


def test_without_keep_audio_no_audio_is_written(tmp_path: Path, events: list[Event]) -> None:
    store = SessionStore(tmp_path / "data", keep_audio=False)
    record(store, events, "quiet")
    assert store.audio_path("quiet") is None
    assert not (store.sessions_dir / "quiet" / "audio.pcm").exists()
    assert store.manifest("quiet")["audio"] is None


def test_the_index_is_in_wal_mode_and_reopens(tmp_path: Path, stored: str) -> None:
    data = tmp_path / "data"
    with sqlite3.connect(data / "sessions.sqlite3") as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    again = SessionStore(data)
    assert again.get(stored).sentences == 4


def test_the_default_data_dir_comes_from_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("S2I_DATA_DIR", str(tmp_path / "env"))
    assert SessionStore().db_path == tmp_path / "env" / "sessions.sqlite3"
