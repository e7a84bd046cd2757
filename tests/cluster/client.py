"""A live-page client for the tests: streams a recording through ``/ws`` on a real socket."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
from websockets.sync.client import connect

from speech2image.audio.decode import decode_file

DATA = Path(__file__).parent.parent / "data"
CHUNK_SAMPLES = 1600
"""100 ms at 16 kHz, what the page sends."""


def pcm16(path: Path) -> bytes:
    """The recording as the page sends it: 16 kHz little-endian 16-bit PCM."""
    audio = decode_file(path)
    return (np.clip(audio, -1.0, 1.0) * 32767).astype("<i2").tobytes()


def stream(
    base_url: str,
    pcm: bytes,
    *,
    speed: float = 2.0,
    on_message: Callable[[dict[str, Any]], None] | None = None,
    deadline_s: float = 120.0,
) -> list[dict[str, Any]]:
    """Start a session, send ``pcm`` at ``speed`` × real time, stop, and return every
    message up to ``done`` (``on_message`` sees each as it arrives)."""
    url = base_url.replace("http://", "ws://") + "/ws"
    messages: list[dict[str, Any]] = []
    with connect(url, max_size=None, open_timeout=30) as ws:
        ws.send(json.dumps({"type": "start", "sample_rate": 16000}))

        def send() -> None:
            step = CHUNK_SAMPLES * 2
            for at in range(0, len(pcm), step):
                ws.send(pcm[at : at + step])
                time.sleep(CHUNK_SAMPLES / 16000 / speed)
            ws.send(json.dumps({"type": "stop"}))

        sender = threading.Thread(target=send, name="test-sender", daemon=True)
        sender.start()
        deadline = time.monotonic() + deadline_s
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError(f"no 'done' within {deadline_s:g} s; got {messages}")
            message = json.loads(ws.recv(timeout=left))
            messages.append(message)
            if on_message is not None:
                on_message(message)
            if message["type"] == "done":
                break
        sender.join(timeout=deadline_s)
    return messages


def of_type(messages: list[dict[str, Any]], kind: str) -> list[dict[str, Any]]:
    return [m for m in messages if m["type"] == kind]
