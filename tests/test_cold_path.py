"""No cold path: every model a request may need is loaded at start-up, never by a request.

The first noun that no cache holds costs one forward pass of the embedding model, like the
hundredth: the tests count model loads (a counter on :class:`TextEmbedder`, not wall time)
across a drawing of a noun made up for the test, in a fresh copy of the clip-art pack whose
query cache is empty; and ``serve`` opens its port only once it is warm.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.request
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from speech2image.config import ComposerOptions, default_assets_dir
from speech2image.imaging.compose import ClipArtComposer
from speech2image.imaging.compose.assets import is_installed
from speech2image.imaging.compose.embedding import TextEmbedder
from speech2image.scene import Scene, SceneObject

pytestmark = pytest.mark.slow


@pytest.fixture
def fresh_assets(tmp_path: Path) -> Path:
    """A copy of the installed OpenMoji pack (its drawings linked) with no query cache."""
    installed = default_assets_dir()
    if not is_installed(installed, "openmoji"):
        pytest.skip("OpenMoji is not installed (speech2image assets install)")
    pack = tmp_path / "assets" / "openmoji"
    pack.mkdir(parents=True)
    for item in (installed / "openmoji").iterdir():
        if item.is_dir():
            (pack / item.name).symlink_to(item, target_is_directory=True)
        else:
            shutil.copy2(item, pack / item.name)
    assert not (tmp_path / "assets" / "queries.npy").exists()
    return tmp_path / "assets"


@pytest.fixture
def model_loads(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """One entry per embedding-model load by any :class:`TextEmbedder` of this process."""
    loads: list[int] = []
    load = TextEmbedder._load_locked

    def counted(self: TextEmbedder) -> None:
        if not self.loaded:
            loads.append(1)
        load(self)

    monkeypatch.setattr(TextEmbedder, "_load_locked", counted)
    return loads


def _scene(*nouns: str) -> Scene:
    objects = tuple(SceneObject(id=f"o{k}", noun=n, group=k) for k, n in enumerate(nouns))
    return Scene(text=" and ".join(nouns), objects=objects)


def test_an_unseen_noun_after_warm_up_loads_no_model(
    fresh_assets: Path, model_loads: list[int]
) -> None:
    composer = ClipArtComposer(ComposerOptions(assets_dir=fresh_assets))
    composer.warm_up()
    assert composer.embedder.loaded and len(model_loads) == 1
    batches = composer.embedder.batches
    made_up = f"glimmerwick {uuid.uuid4().hex[:8]}"  # no cache anywhere can hold it
    picture = composer.draw(_scene("harmonica", made_up, "dog"))
    assert len(model_loads) == 1  # still only the warm-up's load
    assert composer.embedder.batches > batches  # the unseen nouns were embedded just now
    assert "dog" in [o.noun for o in picture.scene.objects]
    # The made-up thing has no confident match: it is left out, not drawn as junk.
    assert made_up not in [o.noun for o in picture.scene.objects]
    assert made_up in [s.words for s in picture.scene.skipped]


def test_serve_loads_every_model_before_the_app_starts(
    fresh_assets: Path, model_loads: list[int], tmp_path: Path
) -> None:
    from fastapi.testclient import TestClient

    from speech2image.factory import PipelineOptions, load_server
    from speech2image.server.app import create_app
    from speech2image.server.options import ServerOptions

    options = ServerOptions(data_dir=tmp_path / "data")
    pipeline = PipelineOptions(composer=ComposerOptions(assets_dir=fresh_assets))
    loaded = load_server(options, pipeline)
    workers = loaded.workers
    engine = workers.engine
    assert isinstance(engine, ClipArtComposer) and engine.embedder.loaded
    assert len(model_loads) == 1
    with TestClient(create_app(options, load=lambda: loaded)) as client:
        assert client.get("/healthz").json()["status"] == "ok"
    engine.draw(_scene(f"quillibrant {uuid.uuid4().hex[:8]}"))
    assert len(model_loads) == 1
    workers.close()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def serve_process(tmp_path: Path) -> Iterator[tuple[subprocess.Popen[str], int, list[str]]]:
    port = _free_port()
    env = {**os.environ, "S2I_DATA_DIR": str(tmp_path / "data"), "PYTHONUNBUFFERED": "1"}
    process = subprocess.Popen(
        [sys.executable, "-m", "speech2image", "serve", "--port", str(port)],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env,
    )  # fmt: skip
    lines: list[str] = []

    def read() -> None:
        assert process.stdout is not None
        for line in process.stdout:
            lines.append(line)

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    try:
        yield process, port, lines
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        reader.join(timeout=5)
        assert process.stdout is not None
        process.stdout.close()


def test_serve_opens_its_port_only_once_warm(
    serve_process: tuple[subprocess.Popen[str], int, list[str]],
) -> None:
    """Until the models are loaded nothing listens; the first /healthz that answers comes
    after the line that says the models are ready."""
    process, port, lines = serve_process
    deadline = time.monotonic() + 240
    refused = 0
    while time.monotonic() < deadline and process.poll() is None:
        ready_before = any(line.startswith("Ready") for line in lines)
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=5) as reply:
                assert reply.status == 200
                assert ready_before, "".join(lines)
                break
        except (ConnectionError, urllib.error.URLError):
            refused += 1
            time.sleep(0.2)
    else:
        pytest.fail(f"serve never answered: {''.join(lines)}")
    assert refused > 0  # it was asked while loading, and did not answer
    assert "text embedding model was not loaded" not in "".join(lines)


SERVING_PATH = """
import sys
from pathlib import Path
from speech2image.config import ComposerOptions
from speech2image.factory import PipelineOptions, load_server
from speech2image.server.options import ServerOptions
from speech2image.scene import Scene, SceneObject

assets = Path(sys.argv[1])
workers = load_server(
    ServerOptions(data_dir=Path(sys.argv[2])),
    PipelineOptions(composer=ComposerOptions(assets_dir=assets)),
).workers
workers.engine.draw(Scene(text="a dog", objects=(SceneObject(id="o0", noun="dog", group=0),)))
workers.close()
print("backend", workers.engine.embedder.backend)
print("torch", "torch" in sys.modules)
"""


def test_the_serving_path_never_imports_torch(fresh_assets: Path, tmp_path: Path) -> None:
    """Loading every model of ``serve`` and drawing a picture leaves torch unimported:
    MiniLM runs through onnxruntime (its export is made at set-up, as here)."""
    from speech2image.imaging.compose.embedding import embedding_model_path
    from speech2image.imaging.compose.embedding_onnx import ensure_onnx_export

    assert ensure_onnx_export(embedding_model_path())
    # The pack embeddings of the fresh copy are already there, so the child does no set-up.
    done = subprocess.run(
        [sys.executable, "-c", SERVING_PATH, str(fresh_assets), str(tmp_path / "data")],
        capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "backend onnx" in done.stdout and "torch False" in done.stdout, done.stdout
