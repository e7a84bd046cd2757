"""``speech2image bench sessions``: time listing stored sessions.

Fills a temporary data folder with ``--sessions`` sessions of ``--sentences`` sentences each
(through the real recorder, with small pictures), then times ``SessionStore.list()`` in
process and the whole ``speech2image sessions list --json`` command in a fresh process.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from PIL import Image

from speech2image.events import FinalTranscript, ImageReady, SessionEnded
from speech2image.scene import Scene
from speech2image.store import SessionStore


def tiny_png() -> bytes:
    """A 16x16 PNG: the list never reads pictures, so their size does not matter here."""
    buffer = io.BytesIO()
    Image.new("RGB", (16, 16), (200, 120, 40)).save(buffer, format="PNG")
    return buffer.getvalue()


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "sessions", help="time `sessions list` over many stored sessions", description=__doc__
    )
    parser.add_argument("--sessions", type=int, default=1000, help="sessions (default 1000)")
    parser.add_argument(
        "--sentences", type=int, default=10, help="sentences per session (default 10)"
    )
    parser.add_argument("--repeat", type=int, default=20, help="timed listings (default 20)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.set_defaults(handler=run)


def fill(store: SessionStore, sessions: int, sentences: int) -> None:
    """Store ``sessions`` sessions of ``sentences`` sentences through the real recorder."""
    png = tiny_png()
    for n in range(sessions):
        session_id = f"s{n:06d}"
        recorder = store.create(session_id=session_id, title=f"Story {n}")
        for i in range(sentences):
            text = f"Sentence {i} of story {n}."
            recorder(FinalTranscript(i, text, i * 3.0, i * 3.0 + 2.5))
            recorder(ImageReady(i, True, Scene(text=text), png))
        recorder(SessionEnded(session_id, sentences))


def run(args: argparse.Namespace) -> int:
    with tempfile.TemporaryDirectory(prefix="s2i-bench-sessions-") as tmp:
        data = Path(tmp) / "data"
        store = SessionStore(data)
        started = time.perf_counter()
        fill(store, args.sessions, args.sentences)
        fill_s = time.perf_counter() - started
        timings_ms = []
        for _ in range(args.repeat):
            started = time.perf_counter()
            listed = store.list()
            timings_ms.append((time.perf_counter() - started) * 1000)
        env = dict(os.environ, S2I_DATA_DIR=str(data))
        command = [sys.executable, "-m", "speech2image", "sessions", "list", "--json"]
        started = time.perf_counter()
        subprocess.run(command, env=env, check=True, stdout=subprocess.DEVNULL)
        command_ms = (time.perf_counter() - started) * 1000
    figures = {
        "sessions": len(listed),
        "sentences_each": args.sentences,
        "list_p50_ms": round(statistics.median(timings_ms), 1),
        "list_max_ms": round(max(timings_ms), 1),
        "command_ms": round(command_ms),
        "fill_s": round(fill_s, 1),
    }
    if args.json:
        print(json.dumps(figures))
    else:
        print(
            f"SessionStore.list() of {figures['sessions']} sessions: "
            f"{figures['list_p50_ms']} ms median, {figures['list_max_ms']} ms max; "
            f"`sessions list --json` in a fresh process: {figures['command_ms']} ms "
            f"(filling took {figures['fill_s']} s)"
        )
    return 0
