"""A drawing deployment whose replica never answers a draw (a hung native call, say)."""

from __future__ import annotations

import threading
from typing import Any

from ray import serve


class HangingDrawing:
    """Says it is the composer, then hangs in every draw."""

    def __init__(self) -> None:
        self._never = threading.Event()

    def describe(self) -> tuple[dict[str, Any], str]:
        return {"name": "composer"}, "hanging"

    def draw(self, *args: Any) -> tuple[bytes, Any, str]:
        self._never.wait()  # never set: the call hangs until the replica is stopped
        raise AssertionError("unreachable")


def hanging_app() -> Any:
    return serve.deployment(
        HangingDrawing, name="HangingDrawing", graceful_shutdown_timeout_s=1.0
    ).bind()
