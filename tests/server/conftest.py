"""A real server on a loopback port, for browser and load tests."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import uvicorn

from speech2image.factory import load_server
from speech2image.server.app import create_app
from speech2image.server.options import ServerOptions


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def running_server(
    options: ServerOptions | None = None, *, load: Callable[[], Any] | None = None
) -> Iterator[str]:
    """Serve the app in a thread on a free loopback port; yields its base URL."""
    port = free_port()
    options = options or ServerOptions(port=port)
    if options.port != port:
        options = ServerOptions(**{**options.__dict__, "port": port})
    config = uvicorn.Config(
        create_app(options, load=load or (lambda: load_server(options))),
        host="127.0.0.1",
        port=port,
        log_level="warning",
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 120
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("the test server did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=60)
