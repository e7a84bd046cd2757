"""Hostile text through the real scene builder and composer: typed over the WebSocket, given
to ``speech2image render``, and straight to the two stages.

10,000-character sentences, control characters and NUL, HTML and ``<script>``, right-to-left
text, emoji sequences, only punctuation, and bytes that are not UTF-8. Each must become a
scene and a picture (or, over the WebSocket, a clear error where a limit says so); markup
is never read as words and nothing undecodable reaches a file.
"""

from __future__ import annotations

import json
import subprocess
import sys
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from speech2image.config import ComposerOptions
from speech2image.imaging.compose import ClipArtComposer
from speech2image.language import SpacySceneBuilder
from speech2image.language.parse import MAX_OBJECTS
from speech2image.server.options import ServerOptions
from speech2image.server.state import Loaded
from speech2image.session import Workers
from speech2image.store import SessionStore
from speech2image.testing import ScriptedTranscriber
from tests.robustness.test_fuzz_rest import PNG_MAGIC, http, send_raw
from tests.robustness.test_fuzz_ws import (
    CHOICES,
    START,
    Served,
    assert_finished,
    assert_refused,
    converse,
    fuzz_server,
    no_server_errors,  # noqa: F401 (an autouse fixture: each test ends with no server error)
)

# Hypothesis fuzzing with the real models and the CLI in subprocesses.
pytestmark = pytest.mark.slow

NAMED_TEXTS = {
    "nul": "A cat\x00 and a dog.",
    "controls": "\x1b[2J\x07A red\x08 ball\x7f on\x85 grass.",
    "html": "<b>Two</b> <i>blue</i> birds &amp; a <a href='x'>tree</a>.",
    "script": "<script>alert('pwned')</script> A boat on the sea.",
    "rtl": "قطة على الطاولة. A cat on a table.",
    "bidi-override": "\u202eA dog sits.\u202c",
    "emoji": "👩‍👩‍👧‍👦 🐈‍⬛ 🏳️‍🌈 🇫🇷 A 🐶 and a 🍎.",
    "punctuation": "?!… ,;: -- ... !!!",
    "zalgo": "A c̷̛̖a̶̰͝t̸̗̾ sits.",
    "sql": "Robert'); DROP TABLE sessions;-- has a hat.",
    "long-word": "a" * 10_000,
    "long-sentence": "Three red apples and a green pear on a wooden table " * 200,
    "many-sentences": "A cat. " * 1_500,
}
"""The cases the issue names; each lengthy one is over 10,000 characters."""
SERVER = ServerOptions(max_text_chars=12_000, max_texts_per_min=1_000)
"""Long enough for the 10,000-character cases to reach the stages."""

hostile_texts = st.one_of(
    st.sampled_from(list(NAMED_TEXTS.values())),
    st.text(max_size=300),
    st.text(st.characters(categories=["Cc", "Cf", "Zs", "Zl", "Zp", "Po", "So"]), max_size=80),
    st.lists(
        st.sampled_from(["a", "red", "cat", "<p>", "&lt;", "\x00", "٣", "🐈", ".", "under", "the"]),
        max_size=400,
    ).map(" ".join),
)


@pytest.fixture(scope="module")
def builder() -> SpacySceneBuilder:
    return SpacySceneBuilder()


@pytest.fixture(scope="module")
def composer() -> ClipArtComposer:
    composer = ClipArtComposer(ComposerOptions(size_px=128))
    composer.warm_up()
    return composer


def assert_drawable(builder: SpacySceneBuilder, composer: ClipArtComposer, text: str) -> None:
    """A scene, a PNG, and a scene JSON that any file can hold."""
    context = builder.new_context()
    scene = builder.build(text, context=context)
    assert len(scene.objects) <= MAX_OBJECTS
    for thing in scene.objects:
        assert not set(thing.noun) & set("<>&\x00\x1b"), thing.noun  # markup is never words
    picture = composer.draw(scene)
    assert picture.to_png().startswith(PNG_MAGIC)
    json.dumps(picture.scene.to_json(), ensure_ascii=False).encode("utf-8")


@settings(max_examples=120, deadline=None, derandomize=True)
@given(text=hostile_texts)
def test_any_text_becomes_a_scene_and_a_picture(
    builder: SpacySceneBuilder, composer: ClipArtComposer, text: str
) -> None:
    assert_drawable(builder, composer, text)


@pytest.mark.parametrize("text", ["\ud800", "a \udcff cat", "\udfff\ud800 dog"])
def test_undecodable_text_is_drawn_with_the_replacement_character(
    builder: SpacySceneBuilder, composer: ClipArtComposer, text: str
) -> None:
    """Lone surrogates (argv bytes that are not UTF-8) once crashed spaCy's tokenizer."""
    assert_drawable(builder, composer, text)
    assert "\ufffd" in builder.build(text).text


# -- typed over the WebSocket -----------------------------------------------------------------


def real_stages(data_dir: Path):
    def load() -> Loaded:
        composer = ClipArtComposer(ComposerOptions(size_px=128))
        builder = SpacySceneBuilder()
        composer.draw(builder.build("A cat sits on a chair."))
        workers = Workers(
            make_transcriber=lambda: ScriptedTranscriber([]), builder=builder, engine=composer
        )
        return Loaded(workers, SessionStore(data_dir), CHOICES)

    return load


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    with fuzz_server(
        tmp_path_factory.mktemp("text"), SERVER, load=real_stages(tmp_path_factory.mktemp("d"))
    ) as server:
        yield server


def typed(served: Served, text: Any) -> list[dict[str, Any]]:
    """Type ``text`` in a fresh session; the finished session's messages."""
    outcome = converse(served, [START, json.dumps({"type": "text", "text": text})])
    assert_finished(outcome)
    return outcome.messages


def assert_pictured(served: Served, messages: list[dict[str, Any]], text: str) -> None:
    """The typed sentence came back as the one final (stripped, as a sentence is) with a
    picture one can fetch."""
    assert [m["text"] for m in messages if m["type"] == "final"] == [text.strip()]
    [picture] = [m for m in messages if m["type"] == "image" and m["final"]]
    reply = send_raw(served.url, http("GET", picture["url"]))
    assert reply is not None and reply.status == 200 and reply.body.startswith(PNG_MAGIC)


@pytest.mark.parametrize("name", list(NAMED_TEXTS))
def test_named_texts_typed_over_the_websocket(served: Served, name: str) -> None:
    text = NAMED_TEXTS[name]
    assert_pictured(served, typed(served, text), text)


@settings(
    max_examples=40,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(text=hostile_texts.filter(lambda t: any(unicodedata.category(c)[0] not in "CZ" for c in t)))
def test_any_typed_text_gets_its_picture(served: Served, text: str) -> None:
    assert_pictured(served, typed(served, text), text)


def test_typed_text_over_the_default_limit_is_refused(tmp_path: Path) -> None:
    with fuzz_server(tmp_path / "limit", ServerOptions(), load=real_stages(tmp_path)) as server:
        outcome = converse(server, [START, json.dumps({"type": "text", "text": "a" * 10_000})])
    assert_refused(outcome, "limited to 2000 characters")


# -- speech2image render ----------------------------------------------------------------------


def render(*args: str | bytes, cwd: Path) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "speech2image", "render", *args],
        capture_output=True,
        cwd=cwd,
        timeout=600,
        check=False,
    )


def test_render_batch_draws_every_hostile_prompt(tmp_path: Path) -> None:
    """One run (spaCy loads once) over every named case, NUL and lone surrogates included
    (JSON can carry them where a command line cannot)."""
    prompts = [*NAMED_TEXTS.values(), "\ud800 a lone surrogate", "a cat \udcff"]
    batch = tmp_path / "prompts.jsonl"
    batch.write_text("\n".join(json.dumps({"prompt": p}) for p in prompts), encoding="ascii")
    result = render("--batch", str(batch), "--out", str(tmp_path / "out"), "--size", "128",
                    cwd=tmp_path)  # fmt: skip
    assert result.returncode == 0, result.stderr.decode(errors="replace")[-2000:]
    for k in range(len(prompts)):
        assert (tmp_path / "out" / f"{k:04d}.png").read_bytes().startswith(PNG_MAGIC)
        scene = json.loads((tmp_path / "out" / f"{k:04d}.json").read_text(encoding="utf-8"))
        assert isinstance(scene["objects"], list)


@pytest.mark.parametrize(
    "text",
    [b"\xff\xfe a cat", b"Three red apples on a table. " * 350, b"<script>x</script>"],
    ids=["not-utf8", "10k-chars", "script"],
)
def test_render_takes_hostile_command_lines(tmp_path: Path, text: bytes) -> None:
    result = render(text, "-o", "out.png", "--scene", "out.json", "--size", "128", cwd=tmp_path)
    assert result.returncode == 0, result.stderr.decode(errors="replace")[-2000:]
    assert (tmp_path / "out.png").read_bytes().startswith(PNG_MAGIC)
    json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
