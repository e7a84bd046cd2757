"""``speech2image bench live``: clients streaming recordings to a real server over /ws.

Each client streams its recording at real-time pace in 100 ms frames, the way the page's
microphone does, and records when each message arrives. Latency of a sentence is the wall
time of its final ``image`` minus the wall time at which its last word had been sent (its
``end`` in session audio after the first frame). The first draft latency is measured from
the sentence's ``start``. Without ``--url`` the server is started as a subprocess on a free
loopback port with a temporary data folder, and its peak RSS is read from /proc.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from speech2image.bench import percentile
from speech2image.config import SAMPLE_RATE


@dataclass
class ClientFigures:
    client: int
    sentences: int = 0
    pictures: int = 0
    errors: list[str] = field(default_factory=list)
    final_latency_p50_s: float | None = None
    final_latency_p95_s: float | None = None
    first_draft_p50_s: float | None = None
    first_draft_p95_s: float | None = None
    last_minute_final_p95_s: float | None = None


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "live",
        help="stream recordings to the web app over /ws and time the pictures",
        description=__doc__,
    )
    parser.add_argument(
        "audio", type=Path, metavar="AUDIO", help="the recording each client streams"
    )
    parser.add_argument("--clients", type=int, default=1, help="concurrent clients (default 1)")
    parser.add_argument(
        "--minutes",
        type=float,
        default=0.0,
        help="keep each client streaming (looping AUDIO) for this long (default: once)",
    )
    add_stagger_argument(parser)
    parser.add_argument("--url", default=None, help="a running server (default: start one)")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    parser.set_defaults(handler=main)


def add_stagger_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--stagger-s",
        type=float,
        default=0.0,
        help="client N starts N times this many seconds after the first (default 0: all at "
        "once, so the same sentences end at the same moment in every client, the worst case)",
    )


def main(args: argparse.Namespace) -> int:
    from speech2image.audio.decode import AudioDecodeError, decode_file
    from speech2image.cli import CommandError

    if not 1 <= args.clients <= 32:
        raise CommandError(f"--clients must be between 1 and 32, got {args.clients}")
    if not 0 <= args.stagger_s <= 600:
        raise CommandError(f"--stagger-s must be between 0 and 600, got {args.stagger_s}")
    try:
        audio = decode_file(args.audio)
    except AudioDecodeError as e:
        raise CommandError(str(e)) from e
    pcm = (np.clip(audio, -1, 1) * 32767).astype("<i2")
    # A pause after the recording, so its last sentence ends before the next loop starts.
    pcm = np.concatenate([pcm, np.zeros(SAMPLE_RATE, dtype="<i2")])
    repeats = max(1, int(np.ceil(args.minutes * 60 * SAMPLE_RATE / len(pcm))))

    with _server(args.url) as (url, pid):
        figures = asyncio.run(_run_clients(url, pcm, repeats, args.clients, args.stagger_s))
        peak_rss_mb = _peak_rss_mb(pid)
    result = {
        "clients": [asdict(f) for f in figures],
        "server_peak_rss_mb": peak_rss_mb,
        "audio_s_per_client": round(len(pcm) * repeats / SAMPLE_RATE, 1),
    }
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        _print(result)
    return 0


async def _run_clients(
    url: str, pcm: np.ndarray, repeats: int, clients: int, stagger_s: float
) -> list[ClientFigures]:
    tasks = [_client(i, url, pcm, repeats, delay_s=i * stagger_s) for i in range(clients)]
    return list(await asyncio.gather(*tasks))


async def _client(
    number: int, url: str, pcm: np.ndarray, repeats: int, *, delay_s: float = 0.0
) -> ClientFigures:
    from websockets.asyncio.client import connect

    await asyncio.sleep(delay_s)

    figures = ClientFigures(client=number)
    ws_url = url.replace("http", "ws", 1).rstrip("/") + "/ws"
    frame = SAMPLE_RATE // 10
    audio = np.tile(pcm, repeats)
    finals: dict[int, dict[str, Any]] = {}
    final_at: dict[int, float] = {}
    draft_at: dict[int, float] = {}
    async with connect(ws_url, max_size=None) as ws:
        await ws.send(json.dumps({"type": "start", "sample_rate": SAMPLE_RATE}))
        json.loads(await ws.recv())
        started = time.monotonic()

        async def send() -> None:
            for offset in range(0, len(audio), frame):
                due = started + (offset + frame) / SAMPLE_RATE
                await asyncio.sleep(max(0.0, due - time.monotonic()))
                await ws.send(audio[offset : offset + frame].tobytes())
            await ws.send(json.dumps({"type": "stop"}))

        sender = asyncio.create_task(send())
        async for raw in ws:
            now = time.monotonic() - started
            message = json.loads(raw)
            kind = message["type"]
            if kind == "final":
                finals[message["index"]] = message
            elif kind == "image" and message["final"]:
                final_at[message["index"]] = now
            elif kind == "image":
                draft_at.setdefault(message["index"], now)
            elif kind == "error":
                figures.errors.append(message["message"])
            elif kind == "done":
                break
        await sender
    latencies = {i: final_at[i] - m["end"] for i, m in finals.items() if i in final_at}
    drafts = [draft_at[i] - m["start"] for i, m in finals.items() if i in draft_at]
    total_s = len(audio) / SAMPLE_RATE
    last_minute = [v for i, v in latencies.items() if finals[i]["end"] > total_s - 60]
    figures.sentences = len(finals)
    figures.pictures = len(final_at)
    figures.final_latency_p50_s = percentile(list(latencies.values()), 50)
    figures.final_latency_p95_s = percentile(list(latencies.values()), 95)
    figures.first_draft_p50_s = percentile(drafts, 50)
    figures.first_draft_p95_s = percentile(drafts, 95)
    figures.last_minute_final_p95_s = percentile(last_minute, 95) if total_s > 120 else None
    return figures


class _server:
    """A server to test: the given URL, or a fresh ``speech2image serve`` subprocess."""

    def __init__(self, url: str | None) -> None:
        self.url = url
        self.process: subprocess.Popen[bytes] | None = None
        self.data = tempfile.TemporaryDirectory(prefix="s2i-bench-")

    def __enter__(self) -> tuple[str, int | None]:
        if self.url:
            return self.url, None
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        self.process = subprocess.Popen(
            [sys.executable, "-m", "speech2image", "serve", "--port", str(port),
             "--data-dir", self.data.name, "--max-sessions", "32"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 180
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError("the server exited while starting; run `speech2image serve`")
            try:
                with urllib.request.urlopen(url + "/healthz", timeout=1):
                    return url, self.process.pid
            except OSError:
                time.sleep(0.5)
        raise RuntimeError("the server did not start within 3 minutes")

    def __exit__(self, *exc: object) -> None:
        if self.process is not None:
            self.process.terminate()
            try:
                self.process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                self.process.kill()
        self.data.cleanup()


def _peak_rss_mb(pid: int | None) -> float | None:
    """VmHWM, the peak resident set of the server process (Linux)."""
    if pid is None:
        return None
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return None
    for line in status.splitlines():
        if line.startswith("VmHWM:"):
            return round(int(line.split()[1]) / 1024, 1)
    return None


def _print(result: dict[str, Any]) -> None:
    print(f"{len(result['clients'])} client(s), {result['audio_s_per_client']} s of audio each; "
          f"server peak RSS {result['server_peak_rss_mb']} MB")  # fmt: skip
    for c in result["clients"]:
        print(
            f"  client {c['client']}: {c['sentences']} sentences, {c['pictures']} pictures, "
            f"end of sentence → final picture p50 {c['final_latency_p50_s']} s "
            f"p95 {c['final_latency_p95_s']} s; first word → first draft p50 "
            f"{c['first_draft_p50_s']} s p95 {c['first_draft_p95_s']} s"
            + (
                f"; last minute p95 {c['last_minute_final_p95_s']} s"
                if c["last_minute_final_p95_s"] is not None
                else ""
            )
            + (f"; {len(c['errors'])} errors: {c['errors'][:3]}" if c["errors"] else "")
        )
