"""Real servers for the fault and load tests, and a raw WebSocket client that can misbehave.

The in-process server runs the real app on a loopback port with the fakes of
:mod:`speech2image.testing` (fast, and able to hang or raise on cue) and gives the test its
app, so a test can look at the live sessions. The subprocess server is the real
``speech2image serve`` with the real models, for faults that need a process to kill.
:class:`RawClient` speaks the WebSocket protocol by hand over a plain socket, so a test can do
what no library client does: stop reading, or vanish halfway through a frame.
"""

from __future__ import annotations

import base64
import json
import os
import socket
import struct
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
import uvicorn
from fastapi import FastAPI

from speech2image.server.app import create_app
from speech2image.server.options import ServerOptions
from speech2image.server.state import Loaded
from speech2image.session import Workers
from speech2image.stage import StageTimeouts
from speech2image.testing import ScriptedTranscriber, SolidColorEngine, WordSceneBuilder
from tests.conftest import tmpfs
from tests.server.conftest import free_port

SILENCE_100MS = bytes(3200)
"""100 ms of 16 kHz PCM16 silence, one audio frame as the page sends it."""


def fake_workers(
    *,
    transcribers: Callable[[], ScriptedTranscriber] | None = None,
    engine: SolidColorEngine | None = None,
    timeouts: StageTimeouts | None = None,
) -> Workers:
    """Workers over the fakes: by default a recogniser that hears nothing."""
    return Workers(
        make_transcriber=transcribers or (lambda: ScriptedTranscriber([])),
        builder=WordSceneBuilder(),
        engine=engine or SolidColorEngine(size_px=16),
        timeouts=timeouts,
    )


@contextmanager
def serve_app(workers: Workers, store: Any = None, **options: Any) -> Iterator[tuple[str, FastAPI]]:
    """The real app on a free loopback port in a thread; yields its URL and the app."""
    port = free_port()
    app = create_app(
        ServerOptions(port=port, **options),
        load=lambda: Loaded(workers, store, {"style": (), "pack": (), "asr": ("local",)}),
    )
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 60
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("the test server did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}", app
    finally:
        server.should_exit = True
        thread.join(timeout=60)


def get_json(url: str) -> Any:
    with urllib.request.urlopen(url, timeout=10) as response:
        return json.loads(response.read())


def wait_for(condition: Callable[[], object], *, timeout_s: float = 30.0) -> None:
    """Poll ``condition`` until it holds; fails the test with what it waited for."""
    deadline = time.monotonic() + timeout_s
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(f"gave up waiting after {timeout_s:g} s for {condition}")
        time.sleep(0.05)


class RawClient:
    """A WebSocket client written out by hand (RFC 6455), to misbehave on purpose."""

    def __init__(self, url: str, *, receive_buffer_bytes: int | None = None) -> None:
        host, port = url.removeprefix("http://").split(":")
        self.sock = socket.socket()
        if receive_buffer_bytes is not None:
            # Before connecting, so the advertised window stays small too.
            self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, receive_buffer_bytes)
        self.sock.settimeout(30)
        self.sock.connect((host, int(port)))
        key = base64.b64encode(os.urandom(16)).decode()
        self.sock.sendall(
            f"GET /ws HTTP/1.1\r\nHost: {host}:{port}\r\nUpgrade: websocket\r\n"
            f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\n"
            "Sec-WebSocket-Version: 13\r\n\r\n".encode()
        )
        head = b""
        while not head.endswith(b"\r\n\r\n"):
            head += self._exactly(1)
        assert b" 101 " in head.split(b"\r\n")[0], head

    def __enter__(self) -> RawClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.sock.close()

    @staticmethod
    def frame(payload: bytes, *, opcode: int) -> bytes:
        """One masked, final frame, as a client must send it."""
        size = len(payload)
        if size < 126:
            head = struct.pack("!BB", 0x80 | opcode, 0x80 | size)
        elif size < 1 << 16:
            head = struct.pack("!BBH", 0x80 | opcode, 0x80 | 126, size)
        else:
            head = struct.pack("!BBQ", 0x80 | opcode, 0x80 | 127, size)
        mask = os.urandom(4)
        masked = bytes(b ^ mask[i % 4] for i, b in enumerate(payload))
        return head + mask + masked

    def send_json(self, message: dict[str, Any]) -> None:
        self.sock.sendall(self.frame(json.dumps(message).encode(), opcode=1))

    def send_audio(self, pcm: bytes) -> None:
        self.sock.sendall(self.frame(pcm, opcode=2))

    def receive_json(self) -> dict[str, Any]:
        """The next text message from the server (unmasked, unfragmented)."""
        first, second = self._exactly(2)
        size = second & 0x7F
        if size == 126:
            (size,) = struct.unpack("!H", self._exactly(2))
        elif size == 127:
            (size,) = struct.unpack("!Q", self._exactly(8))
        payload = self._exactly(size)
        assert first & 0x0F == 1, f"expected a text frame, got opcode {first & 0x0F}"
        return json.loads(payload)

    def vanish(self) -> None:
        """Close with a reset, as a crashed browser or a dropped network does."""
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        self.sock.close()

    def _exactly(self, size: int) -> bytes:
        data = b""
        while len(data) < size:
            chunk = self.sock.recv(size - len(data))
            if not chunk:
                raise ConnectionError("the server closed the connection")
            data += chunk
        return data


class ServeProcess:
    """``speech2image serve`` with the real models in a subprocess, on a free loopback port."""

    def __init__(self, data_dir: Path) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = data_dir.parent / f"serve-{self.port}.log"
        with self.log.open("wb") as log:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "speech2image", "serve", "--port", str(self.port),
                 "--data-dir", str(data_dir)],
                stdout=log, stderr=subprocess.STDOUT,
            )  # fmt: skip
        deadline = time.monotonic() + 120
        while True:
            if self.process.poll() is not None:
                pytest.fail(f"speech2image serve exited:\n{self.log.read_text()[-2000:]}")
            try:
                get_json(self.url + "/healthz")
                return
            except OSError:
                if time.monotonic() > deadline:
                    self.stop()
                    pytest.fail("speech2image serve did not start within 2 minutes")
                time.sleep(0.2)

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


@pytest.fixture
def serve_process() -> Iterator[Callable[[Path], ServeProcess]]:
    """Starts real servers on a data folder; each is stopped after the test."""
    started: list[ServeProcess] = []

    def start(data_dir: Path) -> ServeProcess:
        started.append(ServeProcess(data_dir))
        return started[-1]

    yield start
    for server in started:
        server.stop()


@pytest.fixture
def small_mount(tmp_path: Path) -> Iterator[Path]:
    """A 4 MB tmpfs of its own, unmounted afterwards; skips where mounting is not allowed."""
    with tmpfs(tmp_path, "4m") as mount:
        yield mount
