"""``speech2image bench export``: time the 720p MP4 export of a stored session.

Builds a synthetic session in a temporary data folder, through the real recorder and real
events: ``--sentences`` sentences of ``--seconds-each`` seconds, each with a 512 px
clip-art-like picture (flat shapes on a flat ground, as the composer draws) and speech-like
audio (noise shaped into syllables), then times ``export_session(..., "mp4")``. It reports
wall and CPU seconds and the load average, since other work on the machine slows the wall
time.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import random
import tempfile
import time
from pathlib import Path
from typing import Any

import numpy as np
from PIL import Image, ImageDraw

from speech2image.config import SAMPLE_RATE
from speech2image.events import FinalTranscript, ImageReady, SessionEnded, SessionStarted
from speech2image.scene import Scene
from speech2image.store import SessionStore, export_session

WORDS = (  # noqa: SIM905 - a sentence reads better than a list of 18 strings
    "the red car a big tree cat sleeps on sofa two birds fly over house green park dog"
).split()


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "export", help="time the 720p MP4 export of a synthetic stored session", description=__doc__
    )
    parser.add_argument("--sentences", type=int, default=30, help="sentences (default 30)")
    parser.add_argument(
        "--seconds-each", type=float, default=3.0, help="seconds per sentence (default 3)"
    )
    parser.add_argument("--format", default="mp4", help="export format to time (default mp4)")
    parser.add_argument("--keep", type=Path, default=None, metavar="FILE", help="keep the export")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.set_defaults(handler=run)


def story_picture(index: int, size_px: int = 512) -> bytes:
    """A deterministic clip-art-like PNG: a flat ground and a few flat shapes."""
    rng = random.Random(index)
    image = Image.new("RGB", (size_px, size_px), _colour(rng, light=True))
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, size_px * 0.7, size_px, size_px), fill=_colour(rng, light=True))
    for _ in range(rng.randint(2, 4)):
        x, y = rng.uniform(0.1, 0.7) * size_px, rng.uniform(0.1, 0.6) * size_px
        w, h = rng.uniform(0.15, 0.35) * size_px, rng.uniform(0.15, 0.35) * size_px
        box = (x, y, x + w, y + h)
        if rng.random() < 0.5:
            draw.ellipse(box, fill=_colour(rng), outline=(30, 30, 30), width=3)
        else:
            draw.rounded_rectangle(box, radius=12, fill=_colour(rng), outline=(30, 30, 30), width=3)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def _colour(rng: random.Random, *, light: bool = False) -> tuple[int, int, int]:
    low = 170 if light else 30
    return (rng.randint(low, 250), rng.randint(low, 250), rng.randint(low, 250))


def speech_like(seconds: float, seed: int = 0) -> np.ndarray:
    """Noise shaped into 4 syllables a second, with a pause at the end of each 3 s."""
    rng = np.random.default_rng(seed)
    n = round(seconds * SAMPLE_RATE)
    t = np.arange(n) / SAMPLE_RATE
    envelope = np.clip(np.sin(2 * np.pi * 4 * t), 0, None) * (t % 3.0 < 2.5)
    return (rng.standard_normal(n) * 0.1 * envelope).astype(np.float32)


def make_story_session(
    store: SessionStore,
    session_id: str,
    *,
    sentences: int = 30,
    seconds_each: float = 3.0,
    size_px: int = 512,
    audio: bool = True,
) -> None:
    """Record a synthetic session into ``store`` through the real recorder."""
    recorder = store.create(session_id=session_id, title=f"Benchmark story {session_id}")
    recorder(SessionStarted(session_id))
    if audio:
        recorder.append_audio(speech_like(sentences * seconds_each))
    for i in range(sentences):
        text = " ".join(random.Random(i).choices(WORDS, k=9)).capitalize() + "."
        start = i * seconds_each
        recorder(FinalTranscript(i, text, start, start + seconds_each - 0.5))
        recorder(ImageReady(i, True, Scene(text=text), story_picture(i, size_px), 100.0))
    recorder(SessionEnded(session_id, sentences))


def run(args: argparse.Namespace) -> int:
    if args.sentences < 1:
        raise SystemExit("--sentences must be 1 or more")
    with tempfile.TemporaryDirectory(prefix="s2i-bench-export-") as tmp:
        store = SessionStore(Path(tmp) / "data")
        make_story_session(store, "bench", sentences=args.sentences, seconds_each=args.seconds_each)
        out = args.keep or Path(tmp) / f"bench.{args.format}"
        started, cpu_started = time.perf_counter(), time.process_time()
        export_session(store, "bench", args.format, out)
        elapsed_s = time.perf_counter() - started
        cpu_s = time.process_time() - cpu_started
        figures = {
            "format": args.format,
            "sentences": args.sentences,
            "video_s": round(args.sentences * args.seconds_each, 1),
            "export_s": round(elapsed_s, 2),
            "cpu_s": round(cpu_s, 2),
            "load_average_1min": round(os.getloadavg()[0], 2),
            "size_mb": round(out.stat().st_size / 1e6, 2),
        }
    if args.json:
        print(json.dumps(figures))
    else:
        print(
            f"{figures['format']}: {figures['sentences']} sentences, {figures['video_s']} s of "
            f"video, exported in {figures['export_s']} s using {figures['cpu_s']} s of CPU "
            f"({figures['size_mb']} MB; load average {figures['load_average_1min']})"
        )
    return 0
