"""Exports of a stored session, checked by reading back the real files."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import av
import pytest
from PIL import Image

from speech2image.store import EXPORT_FORMATS, ExportError, SessionStore, export_session
from speech2image.store.export.timeline import build_timeline, to_srt, to_vtt
from tests.store.conftest import STORY


def test_html_is_one_self_contained_page_with_attribution(
    store: SessionStore, stored: str, tmp_path: Path
) -> None:
    out = export_session(store, stored, "html", tmp_path / "story.html")
    page = out.read_text(encoding="utf-8")
    assert page.count('src="data:image/png;base64,') == len(STORY)
    assert "OpenMoji" in page and "CC BY-SA 4.0" in page
    assert "<title>Storyboard · The story</title>" in page
    assert all(sentence in page for sentence in STORY)


def test_zip_holds_pictures_manifest_captions_and_audio(
    store: SessionStore, stored: str, tmp_path: Path
) -> None:
    out = export_session(store, stored, "zip", tmp_path / "story.zip")
    with zipfile.ZipFile(out) as archive:
        names = set(archive.namelist())
        manifest = json.loads(archive.read("manifest.json"))
        assert archive.read("0002.png") == store.image_path(stored, 2).read_bytes()
    expected = {"manifest.json", "storyboard.html", "captions.srt", "captions.vtt", "audio.wav"}
    assert expected <= names
    assert {f"{i:04d}.png" for i in range(4)} <= names
    assert [s["text"] for s in manifest["sentences"]] == STORY


def test_captions_follow_the_shots(store: SessionStore, stored: str, tmp_path: Path) -> None:
    srt = export_session(store, stored, "srt", tmp_path / "c.srt").read_text(encoding="utf-8")
    vtt = export_session(store, stored, "vtt", tmp_path / "c.vtt").read_text(encoding="utf-8")
    assert srt.startswith("1\n00:00:00,000 --> 00:00:")
    assert vtt.startswith("WEBVTT\n\ns0\n00:00:00.000 --> ")
    assert srt.count(" --> ") == vtt.count(" --> ") == len(STORY)
    assert STORY[3] in srt and STORY[3] in vtt


def test_timeline_one_shot_per_sentence_from_zero_to_the_end_of_audio() -> None:
    sentences = [
        {"index": 0, "start": 1.0, "end": 3.0, "text": "One."},
        {"index": 1, "start": 4.0, "end": 6.0, "text": "Two --> <b>&"},
        {"index": 2, "start": 4.2, "end": 4.2, "text": "Typed."},
    ]
    shots = build_timeline(sentences, lambda s: None, audio_s=12.0)
    assert [(s.start_s, s.end_s) for s in shots] == [(0.0, 4.0), (4.0, 5.5), (5.5, 12.0)]
    assert shots[0].caption_end_s == 4.0
    assert shots[2].caption_end_s == pytest.approx(8.5)
    assert "-->" not in to_srt(shots).split("\n")[6]
    assert "&lt;b&gt;&amp;" in to_vtt(shots)


def test_mp4_is_720p_h264_with_the_audio(store: SessionStore, stored: str, tmp_path: Path) -> None:
    seen: list[float] = []
    out = export_session(store, stored, "mp4", tmp_path / "story.mp4", progress=seen.append)
    with av.open(str(out)) as container:
        video = container.streams.video[0]
        audio = container.streams.audio[0]
        assert (video.codec_context.name, video.width, video.height) == ("h264", 1280, 720)
        assert audio.codec_context.name == "aac"
        # The last shot holds 1.5 s after the last word (8.0 s), past the 9 s of audio.
        assert float(container.duration / 1e6) == pytest.approx(9.5, abs=0.1)
        first = next(container.decode(video=0)).to_ndarray(format="rgb24")
    assert first.shape == (720, 1280, 3)
    assert seen == sorted(seen) and seen[-1] == 1.0
    assert not list(tmp_path.glob(".story.mp4.*")), "the temporary file was moved into place"


def test_gif_has_a_frame_per_shot_and_crossfades(
    store: SessionStore, stored: str, tmp_path: Path
) -> None:
    out = export_session(store, stored, "gif", tmp_path / "story.gif")
    with Image.open(out) as gif:
        assert gif.size == (640, 360)
        assert gif.n_frames == len(STORY) + 4 * (len(STORY) - 1)


def test_bad_requests_fail_up_front(store: SessionStore, stored: str, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="fmt must be one of"):
        export_session(store, stored, "avi", tmp_path / "x.avi")
    with pytest.raises(ValueError, match="is a folder"):
        export_session(store, stored, "html", tmp_path)
    store.create(session_id="silent").close()
    with pytest.raises(ExportError, match="no sentences"):
        export_session(store, "silent", "mp4", tmp_path / "x.mp4")
    assert export_session(store, "silent", "html", tmp_path / "x.html").is_file()
    assert set(EXPORT_FORMATS) == {"html", "zip", "gif", "mp4", "srt", "vtt"}


def test_a_missing_picture_becomes_a_placeholder(
    store: SessionStore, stored: str, tmp_path: Path
) -> None:
    store.image_path(stored, 1).unlink()
    for fmt in EXPORT_FORMATS:
        assert export_session(store, stored, fmt, tmp_path / f"s.{fmt}").stat().st_size > 0
    page = (tmp_path / "s.html").read_text(encoding="utf-8")
    assert page.count("data:image/png") == 3 and "no picture" in page
    with zipfile.ZipFile(tmp_path / "s.zip") as archive:
        assert "0001.png" not in archive.namelist()
