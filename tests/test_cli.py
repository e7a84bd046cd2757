"""The ``speech2image`` command as a person runs it: a real subprocess, real files."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from tests.conftest import encode_audio

# Every test runs the CLI in a subprocess, which loads the models.
pytestmark = pytest.mark.slow


def cli(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "speech2image", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=cwd,
    )


@pytest.mark.parametrize(
    "command",
    ["serve", "run", "transcribe", "listen", "render", "sessions", "export", "bench", "assets"],
)
def test_every_command_has_help(command: str) -> None:
    result = cli(command, "--help")
    assert result.returncode == 0, result.stderr
    assert "usage: speech2image" in result.stdout


def bad_inputs(tmp_path: Path) -> dict[str, Path]:
    (tmp_path / "empty.wav").write_bytes(b"")
    (tmp_path / "text.mp3").write_text("not audio at all\n" * 50)
    speech = np.sin(np.linspace(0, 2000, 16_000 * 3)).astype(np.float32) * 0.3
    whole = encode_audio(speech, tmp_path / "whole.wav").read_bytes()
    (tmp_path / "cut.wav").write_bytes(whole[: len(whole) // 4])
    (tmp_path / "folder.wav").mkdir()
    return {
        "missing": tmp_path / "missing.wav",
        "empty": tmp_path / "empty.wav",
        "not audio": tmp_path / "text.mp3",
        "truncated": tmp_path / "cut.wav",
        "folder": tmp_path / "folder.wav",
    }


@pytest.mark.parametrize("kind", ["missing", "empty", "not audio", "truncated", "folder"])
@pytest.mark.parametrize("command", ["run", "transcribe"])
def test_bad_audio_is_one_clear_line_and_exit_2(tmp_path: Path, command: str, kind: str) -> None:
    audio = bad_inputs(tmp_path)[kind]
    out = tmp_path / "out"
    args = [command, audio] + (["-o", out] if command == "run" else [])
    result = cli(*args)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and str(audio.name) in lines[0]
    assert result.stdout == ""
    assert not out.exists()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".out.")]


@pytest.mark.slow
def test_transcribe_json_lines(three_sentences: Path) -> None:
    result = cli("transcribe", three_sentences, "--json")
    assert result.returncode == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(rows) == 3
    assert set(rows[0]) == {"start", "end", "text"}
    assert "cat" in rows[1]["text"].lower()
    assert rows[0]["start"] < rows[0]["end"] <= rows[1]["start"]


@pytest.mark.slow
def test_transcribe_plain_lines(one_sentence: Path) -> None:
    result = cli("transcribe", one_sentence)
    assert result.returncode == 0, result.stderr
    assert result.stdout.lower().count("dog") == 1
    assert len(result.stdout.strip().splitlines()) == 1


@pytest.mark.slow
def test_run_writes_pictures_manifest_and_storyboard(tmp_path: Path, three_sentences: Path) -> None:
    out = tmp_path / "story"
    result = cli("run", three_sentences, "-o", out)
    assert result.returncode == 0, result.stderr
    assert "3 sentences, 3 pictures" in result.stdout
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["source"].endswith("three_sentences.flac")
    sentences = manifest["sentences"]
    assert [s["index"] for s in sentences] == [0, 1, 2]
    assert [s["image"] for s in sentences] == ["0000.png", "0001.png", "0002.png"]
    for s in sentences:
        assert (out / s["image"]).read_bytes().startswith(b"\x89PNG")
        assert 0 <= s["start"] < s["end"] <= 9.3
        assert s["scene"]["objects"], s
    nouns = {o["noun"] for o in sentences[1]["scene"]["objects"]}
    assert any("cat" in n for n in nouns) and any("sofa" in n for n in nouns)
    page = (out / "storyboard.html").read_text()
    assert page.count("<img") == 3 and "OpenMoji" in page and "CC BY-SA 4.0" in page


@pytest.mark.slow
def test_silence_gives_an_empty_storyboard(tmp_path: Path) -> None:
    audio = encode_audio(np.zeros(16_000 * 5, dtype=np.float32), tmp_path / "quiet.wav")
    out = tmp_path / "quiet"
    result = cli("run", audio, "-o", out)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("0 sentences")
    assert json.loads((out / "manifest.json").read_text())["sentences"] == []
    assert "No sentences" in (out / "storyboard.html").read_text()


def test_listen_without_a_microphone_says_what_to_do() -> None:
    result = cli("listen")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    line = result.stderr.strip()
    assert "\n" not in line and ("microphone" in line or "PortAudio" in line)


@pytest.mark.slow
def test_run_with_the_diffusers_engine_on_a_tiny_model(tmp_path: Path, one_sentence: Path) -> None:
    """The neural engine through the real command: weights saved to a folder and loaded
    the way a user's SD-Turbo folder would be (random tiny weights, CPU)."""
    pytest.importorskip("diffusers")
    from speech2image.testing.diffusers_random import build_random_pipeline

    build_random_pipeline("tiny", tokenizer_dir=tmp_path / "tokenizer").save_pretrained(
        tmp_path / "model"
    )
    out = tmp_path / "out"
    model = tmp_path / "model"
    result = cli("run", one_sentence, "-o", out, "--engine", "diffusers", "--model", model)
    assert result.returncode == 0, result.stderr
    manifest = json.loads((out / "manifest.json").read_text())
    assert len(manifest["sentences"]) == 1
    scene = manifest["sentences"][0]["scene"]
    assert "dog" in scene["prompt"].lower()
    assert (out / "0000.png").read_bytes().startswith(b"\x89PNG")
