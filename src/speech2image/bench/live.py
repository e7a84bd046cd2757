"""``speech2image bench live``: clients streaming recordings to a real server over /ws.

Each client streams its recording at real-time pace in 100 ms frames, the way the page's
microphone does, and records when each message arrives. Latency of a sentence is the wall
time of its final ``image`` minus the wall time at which its last word had been sent (its
``end`` in session audio after the first frame). The first draft latency is measured from
the sentence's ``start``. Without ``--url`` the server is started as a subprocess on a free
loopback port with a temporary data folder, and its peak RSS is read from /proc.

With ``--ray [ADDRESS]`` one run measures the single process and then the Ray Serve
deployment with each ``--replicas`` count per engine, the same clients streaming the same
recording to each (:mod:`speech2image.bench.live_cluster`).

The client part (:func:`stream_client`, :class:`ServerProcess`, :func:`load_recording`) is
shared with ``bench soak`` and the cluster comparison.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from speech2image.bench import percentile
from speech2image.config import SAMPLE_RATE

MAX_CLIENTS = 32
"""Most clients one run streams (the server is started with as many sessions)."""


@dataclass
class ClientFigures:
    """What one client measured; the latencies in seconds, one per sentence."""

    client: int
    sentences: int = 0
    pictures: int = 0
    """Final pictures received."""
    drafts: int = 0
    """Draft pictures received (of partial text, before their sentence's final)."""
    errors: list[str] = field(default_factory=list)
    final_latency_p50_s: float | None = None
    final_latency_p95_s: float | None = None
    first_draft_p50_s: float | None = None
    first_draft_p95_s: float | None = None
    last_minute_final_p95_s: float | None = None
    final_latencies_s: list[float] = field(default_factory=list)
    """End of each sentence to its final picture, in the order the sentences were said."""
    first_draft_latencies_s: list[float] = field(default_factory=list)
    """Start of each sentence to its first draft picture."""


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "live",
        help="stream recordings to the web app over /ws and time the pictures",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
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
    from speech2image.bench.live_cluster import add_cluster_arguments

    add_cluster_arguments(parser)
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


def check_client_arguments(args: argparse.Namespace, error: type[Exception]) -> None:
    """``--clients`` and ``--stagger-s`` within their bounds, or ``error`` naming the flag."""
    if not 1 <= args.clients <= MAX_CLIENTS:
        raise error(f"--clients must be between 1 and {MAX_CLIENTS}, got {args.clients}")
    if not 0 <= args.stagger_s <= 600:
        raise error(f"--stagger-s must be between 0 and 600, got {args.stagger_s}")


def load_recording(path: Path, minutes: float, error: type[Exception]) -> tuple[np.ndarray, int]:
    """The recording as 16-bit PCM with a second of silence after it (so its last sentence
    ends before the next loop starts), and how many loops fill ``minutes`` (at least one)."""
    from speech2image.audio.decode import AudioDecodeError, decode_file

    try:
        audio = decode_file(path)
    except AudioDecodeError as e:
        raise error(str(e)) from e
    pcm = (np.clip(audio, -1, 1) * 32767).astype("<i2")
    pcm = np.concatenate([pcm, np.zeros(SAMPLE_RATE, dtype="<i2")])
    return pcm, max(1, int(np.ceil(minutes * 60 * SAMPLE_RATE / len(pcm))))


def main(args: argparse.Namespace) -> int:
    from speech2image.errors import CommandError

    check_client_arguments(args, CommandError)
    if args.ray is not None:
        from speech2image.bench.live_cluster import compare

        return compare(args)
    pcm, repeats = load_recording(args.audio, args.minutes, CommandError)
    with ServerProcess(args.url) as server:
        figures = asyncio.run(run_clients(server.url, pcm, repeats, args.clients, args.stagger_s))
        peak_rss_mb = server.peak_rss_mb()
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


async def run_clients(
    url: str, pcm: np.ndarray, repeats: int, clients: int, stagger_s: float
) -> list[ClientFigures]:
    """``clients`` clients streaming ``pcm`` ``repeats`` times, client N starting
    ``N * stagger_s`` seconds after the first."""
    tasks = [stream_client(i, url, pcm, repeats, delay_s=i * stagger_s) for i in range(clients)]
    return list(await asyncio.gather(*tasks))


async def stream_client(
    number: int, url: str, pcm: np.ndarray, repeats: int, *, delay_s: float = 0.0
) -> ClientFigures:
    """One client: streams ``pcm`` ``repeats`` times over ``url``'s /ws at real-time pace,
    then stops and waits for ``done``; returns what it measured."""
    from websockets.asyncio.client import connect

    await asyncio.sleep(delay_s)
    ws_url = url.replace("http", "ws", 1).rstrip("/") + "/ws"
    frame = SAMPLE_RATE // 10
    audio = np.tile(pcm, repeats)
    figures = ClientFigures(client=number)
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
                figures.drafts += 1
            elif kind == "error":
                figures.errors.append(message["message"])
            elif kind == "done":
                break
        await sender
    _summarise(figures, finals, final_at, draft_at, total_s=len(audio) / SAMPLE_RATE)
    return figures


def _summarise(
    figures: ClientFigures,
    finals: dict[int, dict[str, Any]],
    final_at: dict[int, float],
    draft_at: dict[int, float],
    *,
    total_s: float,
) -> None:
    latencies = {i: final_at[i] - m["end"] for i, m in sorted(finals.items()) if i in final_at}
    drafts = [draft_at[i] - m["start"] for i, m in sorted(finals.items()) if i in draft_at]
    last_minute = [v for i, v in latencies.items() if finals[i]["end"] > total_s - 60]
    figures.sentences = len(finals)
    figures.pictures = len(final_at)
    figures.final_latencies_s = [round(v, 3) for v in latencies.values()]
    figures.first_draft_latencies_s = [round(v, 3) for v in drafts]
    figures.final_latency_p50_s = percentile(list(latencies.values()), 50)
    figures.final_latency_p95_s = percentile(list(latencies.values()), 95)
    figures.first_draft_p50_s = percentile(drafts, 50)
    figures.first_draft_p95_s = percentile(drafts, 95)
    figures.last_minute_final_p95_s = percentile(last_minute, 95) if total_s > 120 else None


def free_port() -> int:
    """A TCP port free on the loopback interface now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class ServerProcess:
    """A server to measure: the given URL, or a fresh ``speech2image serve`` subprocess on a
    free loopback port with a temporary data folder, ``serve_args`` added to its command
    line and ``env`` added to its environment; ready once ``/healthz`` answers. Used as a
    context manager."""

    def __init__(
        self,
        url: str | None = None,
        *,
        serve_args: Sequence[str] = (),
        start_timeout_s: float = 180.0,
        log: Path | None = None,
        env: Mapping[str, str] | None = None,
    ) -> None:
        self.url = url or ""
        self.pid: int | None = None
        """The server process (``None`` for a server given by URL)."""
        self._serve_args = list(serve_args)
        self._start_timeout_s = start_timeout_s
        self._log = log
        self._env = {**os.environ, **(env or {})}
        self._process: subprocess.Popen[bytes] | None = None
        self._data: tempfile.TemporaryDirectory[str] | None = None

    def __enter__(self) -> ServerProcess:
        if self.url:
            return self
        self._data = tempfile.TemporaryDirectory(prefix="s2i-bench-")
        port = free_port()
        command = [sys.executable, "-m", "speech2image", "serve", "--port", str(port),
                   "--data-dir", self._data.name, "--max-sessions", str(MAX_CLIENTS),
                   *self._serve_args]  # fmt: skip
        output = self._log.open("ab") if self._log is not None else subprocess.DEVNULL
        try:
            self._process = subprocess.Popen(
                command, stdout=output, stderr=subprocess.STDOUT, env=self._env
            )
        finally:
            if self._log is not None:
                output.close()  # type: ignore[union-attr]
        self.pid = self._process.pid
        self.url = f"http://127.0.0.1:{port}"
        self._wait_healthy(" ".join(command[3:]))
        return self

    def _wait_healthy(self, command: str) -> None:
        assert self._process is not None
        deadline = time.monotonic() + self._start_timeout_s
        while time.monotonic() < deadline:
            if self._process.poll() is not None:
                self.__exit__()
                where = f" (its output: {self._log})" if self._log is not None else ""
                raise RuntimeError(
                    f"the server exited with {self._process.returncode} while starting{where};"
                    f" run `speech2image {command}` to see why"
                )
            try:
                with urllib.request.urlopen(self.url + "/healthz", timeout=2):
                    return
            except OSError:
                time.sleep(0.5)
        self.__exit__()
        raise RuntimeError(f"the server did not start within {self._start_timeout_s:g} s")

    def peak_rss_mb(self) -> float | None:
        """VmHWM, the peak resident set of the server process (Linux)."""
        return status_mb(self.pid, "VmHWM:") if self.pid is not None else None

    def __exit__(self, *exc: object) -> None:
        if self._process is not None and self._process.poll() is None:
            self._process.terminate()
            try:
                self._process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait()
        if self._data is not None:
            self._data.cleanup()
            self._data = None


def status_mb(pid: int, key: str) -> float | None:
    """A memory figure (``VmRSS:``, ``VmHWM:``) of ``/proc/PID/status`` in MB, ``None`` when
    the process is gone."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return None
    for line in status.splitlines():
        if line.startswith(key):
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
