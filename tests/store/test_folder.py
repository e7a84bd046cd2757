from __future__ import annotations

import json
from pathlib import Path

from speech2image.events import FinalTranscript, ImageReady, SessionEnded
from speech2image.scene import Scene
from speech2image.store.folder import FolderWriter


def test_nothing_in_the_output_until_the_end_then_everything(tmp_path: Path) -> None:
    out = tmp_path / "out"
    writer = FolderWriter(out, source="talk.wav")
    writer(FinalTranscript(0, "A <b>bold</b> cat & dog.", 0.5, 2.0))
    writer(ImageReady(0, False, Scene("draft"), b"\x89PNGdraft"))
    writer(ImageReady(0, True, Scene("A cat."), b"\x89PNGfinal"))
    assert not out.exists()
    writer(SessionEnded("abc", 1))
    assert sorted(p.name for p in out.iterdir()) == ["0000.png", "manifest.json", "storyboard.html"]
    assert (out / "0000.png").read_bytes() == b"\x89PNGfinal"
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["sentences"][0]["text"] == "A <b>bold</b> cat & dog."
    page = (out / "storyboard.html").read_text()
    assert "&lt;b&gt;bold&lt;/b&gt; cat &amp; dog." in page and "<b>bold" not in page
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".out.")]


def test_discard_leaves_no_trace(tmp_path: Path) -> None:
    writer = FolderWriter(tmp_path / "out", source="talk.wav")
    writer(FinalTranscript(0, "A cat.", 0.5, 2.0))
    writer(ImageReady(0, True, Scene("A cat."), b"png"))
    writer.discard()
    assert list(tmp_path.iterdir()) == []


def test_rerun_replaces_old_pictures(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "0007.png").write_bytes(b"old")
    (out / "notes.txt").write_text("mine")
    FolderWriter(out, source="x.wav").finish()
    assert sorted(p.name for p in out.iterdir()) == [
        "manifest.json",
        "notes.txt",
        "storyboard.html",
    ]
