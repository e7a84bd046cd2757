"""``speech2image sessions`` and ``speech2image export`` as a person runs them: real processes."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import av
import pytest

from speech2image.events import Event
from speech2image.store import SessionStore
from tests.store.conftest import STORY, record

# Every test runs the CLI in a subprocess, which loads the models.
pytestmark = pytest.mark.slow


def cli(*args: str | Path, data: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "speech2image", *map(str, args), "--data-dir", str(data)],
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.fixture
def data(tmp_path: Path, events: list[Event]) -> Path:
    folder = tmp_path / "data"
    store = SessionStore(folder)
    record(store, events, "first")
    record(store, events, "second")
    return folder


def test_sessions_list_show_rename_delete(data: Path) -> None:
    listed = cli("sessions", "list", "--json", data=data)
    assert listed.returncode == 0, listed.stderr
    sessions = json.loads(listed.stdout)
    assert [s["id"] for s in sessions] == ["second", "first"]
    assert {"id", "title", "created", "sentences"} <= set(sessions[0])
    assert sessions[0]["sentences"] == len(STORY)

    shown = cli("sessions", "show", "first", data=data)
    assert shown.returncode == 0 and STORY[2] in shown.stdout and "0002.png" in shown.stdout

    assert cli("sessions", "rename", "first", "Park walk", data=data).returncode == 0
    table = cli("sessions", "list", data=data).stdout
    assert "Park walk" in table and "second" in table

    assert cli("sessions", "delete", "second", data=data).returncode == 0
    assert [s["id"] for s in json.loads(cli("sessions", "list", "--json", data=data).stdout)] == [
        "first"
    ]


def test_user_errors_are_one_line_and_exit_2(data: Path, tmp_path: Path) -> None:
    for args in (("sessions", "show", "nosuch"), ("sessions", "delete", "../x")):
        result = cli(*args, data=data)
        assert result.returncode == 2
        assert result.stderr.count("\n") == 1 and "sessions list" in result.stderr
    (data / "sessions.sqlite3").write_bytes(b"garbage " * 512)
    for suffix in ("-wal", "-shm"):
        Path(f"{data / 'sessions.sqlite3'}{suffix}").unlink(missing_ok=True)
    broken = cli("sessions", "list", data=data)
    assert broken.returncode == 2 and "move it aside" in broken.stderr
    assert "Traceback" not in broken.stderr


def test_export_writes_each_format(data: Path, tmp_path: Path) -> None:
    out = tmp_path / "story.mp4"
    result = cli("export", "first", "-o", out, data=data)
    assert result.returncode == 0, result.stderr
    assert "first →" in result.stdout
    with av.open(str(out)) as container:
        assert container.streams.video[0].height == 720
    vtt = cli("export", "first", "--format", "vtt", "-o", tmp_path / "c.txt", data=data)
    assert vtt.returncode == 0 and (tmp_path / "c.txt").read_text().startswith("WEBVTT")
    missing = cli("export", "nosuch", "-o", tmp_path / "x.html", data=data)
    assert missing.returncode == 2


@pytest.mark.slow
def test_run_stores_its_session_and_prints_its_id(tmp_path: Path, one_sentence: Path) -> None:
    data = tmp_path / "data"
    command = ["run", str(one_sentence), "-o", str(tmp_path / "o"), "--data-dir", str(data)]
    result = subprocess.run(
        [sys.executable, "-m", "speech2image", *command],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    session_id = re.search(r"stored as session (\w+)", result.stdout).group(1)  # type: ignore[union-attr]
    store = SessionStore(data)
    manifest = store.manifest(session_id)
    assert len(manifest["sentences"]) == 1 and manifest["sentences"][0]["image"] == "0000.png"
    assert manifest["audio"] == "audio.pcm"
    assert manifest["duration_s"] == pytest.approx(3.4, abs=0.2)
    assert (tmp_path / "o" / "manifest.json").is_file()
