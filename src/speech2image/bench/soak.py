"""``speech2image bench soak``: clients streaming to a real server for minutes, watching for
leaks and errors.

The clients are ``bench live``'s: each streams the recording (looped) at real-time pace in
100 ms frames over ``/ws`` and times each sentence from its end to its final picture. Beside
them, the server's resident memory (VmRSS from /proc) is sampled every few seconds. After a
warm-up (models touched, caches filled, allocator arenas grown), memory should stay flat:
the figure to watch is its growth from the end of the warm-up to the end of the run, with a
least-squares slope to tell a trend from noise. Errors are every ``error`` message a client
got, every client that failed or did not finish, and a server that died.

The run is bounded: at most 32 clients, and each client stops streaming after ``--minutes``
(rounded up to whole loops of the recording); a client still waiting for its last pictures
``--grace-minutes`` later is cut off and counted as an error.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from speech2image.bench.live import (
    ClientFigures,
    ServerProcess,
    add_stagger_argument,
    check_client_arguments,
    load_recording,
    status_mb,
    stream_client,
)
from speech2image.config import SAMPLE_RATE

MAX_MINUTES = 24 * 60.0
"""Longest soak accepted: a day."""


@dataclass(frozen=True, slots=True)
class MemorySample:
    """The server's resident memory at one moment of the run."""

    at_s: float
    rss_mb: float


@dataclass
class SoakResult:
    """Everything a soak measured; ``--json`` prints it as is."""

    clients: list[ClientFigures]
    audio_s_per_client: float
    warmup_s: float
    errors: list[str] = field(default_factory=list)
    memory: list[MemorySample] = field(default_factory=list)
    rss_after_warmup_mb: float | None = None
    rss_end_mb: float | None = None
    rss_growth_after_warmup_mb: float | None = None
    rss_slope_mb_per_min: float | None = None
    server_peak_rss_mb: float | None = None
    worst_final_latency_p95_s: float | None = None
    wall_s: float = 0.0


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "soak",
        help="clients streaming for minutes: latency, server memory growth, errors",
        description=__doc__,
    )
    parser.add_argument(
        "audio", type=Path, metavar="AUDIO", help="the recording each client streams (looped)"
    )
    parser.add_argument("--clients", type=int, default=4, help="concurrent clients (default 4)")
    parser.add_argument(
        "--minutes", type=float, default=10.0, help="how long each client streams (default 10)"
    )
    parser.add_argument(
        "--warmup-minutes",
        type=float,
        default=1.0,
        help="memory growth is counted after this (default 1; less than --minutes)",
    )
    parser.add_argument(
        "--sample-s", type=float, default=5.0, help="seconds between memory samples (default 5)"
    )
    parser.add_argument(
        "--grace-minutes",
        type=float,
        default=3.0,
        help="after streaming, how long clients may wait for their last pictures (default 3)",
    )
    add_stagger_argument(parser)
    parser.add_argument("--url", default=None, help="a running server (default: start one)")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a summary")
    parser.set_defaults(handler=main)


def main(args: argparse.Namespace) -> int:
    from speech2image.errors import CommandError

    _check_args(args, CommandError)
    pcm, repeats = load_recording(args.audio, args.minutes, CommandError)
    with ServerProcess(args.url) as server:
        result = asyncio.run(_soak(args, server.url, server.pid, pcm, repeats))
    if args.json:
        print(json.dumps(asdict(result), indent=2))
    else:
        _print(result)
    return 0 if not result.errors else 1


def _check_args(args: argparse.Namespace, error: type[Exception]) -> None:
    check_client_arguments(args, error)
    if not 0 < args.minutes <= MAX_MINUTES:
        raise error(
            f"--minutes must be more than 0 and at most {MAX_MINUTES:g}, got {args.minutes}"
        )
    if not 0 <= args.warmup_minutes < args.minutes:
        raise error(
            f"--warmup-minutes must be 0 or more and less than --minutes ({args.minutes:g}), "
            f"got {args.warmup_minutes}"
        )
    if not 0.5 <= args.sample_s <= 600:
        raise error(f"--sample-s must be between 0.5 and 600, got {args.sample_s}")
    if not 0 < args.grace_minutes <= 60:
        raise error(f"--grace-minutes must be more than 0 and at most 60, got {args.grace_minutes}")


async def _soak(
    args: argparse.Namespace, url: str, pid: int | None, pcm: np.ndarray, repeats: int
) -> SoakResult:
    from rich.console import Console
    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

    audio_s = len(pcm) * repeats / SAMPLE_RATE
    result = SoakResult(
        clients=[], audio_s_per_client=round(audio_s, 1), warmup_s=args.warmup_minutes * 60
    )
    started = time.monotonic()
    clients = [
        asyncio.create_task(
            stream_client(n, url, pcm, repeats, delay_s=n * args.stagger_s), name=f"soak-client-{n}"
        )
        for n in range(args.clients)
    ]
    progress = Progress(
        TextColumn("[bold]soak"),
        BarColumn(),
        TimeElapsedColumn(),
        TextColumn("{task.fields[status]}"),
        console=Console(stderr=True),
    )
    with progress:
        bar = progress.add_task("soak", total=audio_s, status="starting")
        deadline = started + audio_s + args.grace_minutes * 60
        next_sample = started
        while not all(c.done() for c in clients) and time.monotonic() < deadline:
            now = time.monotonic()
            if pid is not None and now >= next_sample:
                rss_mb = _rss_mb(pid)
                if rss_mb is None:
                    result.errors.append("the server process is gone")
                    break
                result.memory.append(MemorySample(round(now - started, 1), rss_mb))
                next_sample += args.sample_s
            status = f"server RSS {result.memory[-1].rss_mb:.0f} MB" if result.memory else ""
            progress.update(bar, completed=min(now - started, audio_s), status=status)
            await asyncio.wait(clients, timeout=min(1.0, args.sample_s))
    result.wall_s = round(time.monotonic() - started, 1)
    # The kernel updates VmHWM lazily, so it can lag the last VmRSS sample: the peak is the
    # larger of the two (a clean run once read 850.8 MB of VmHWM after an 850.9 MB sample).
    sampled = [s.rss_mb for s in result.memory]
    peak = _peak_rss_mb(pid)
    result.server_peak_rss_mb = max([*sampled, *([peak] if peak is not None else [])], default=None)
    await _collect(clients, result)
    _summarise_memory(result)
    return result


async def _collect(clients: list[asyncio.Task[ClientFigures]], result: SoakResult) -> None:
    """Each client's figures and errors; a client still running is cut off and counted."""
    for number, task in enumerate(clients):
        if not task.done():
            task.cancel()
            result.errors.append(f"client {number}: did not finish within the grace period")
        try:
            figures = await task
        except asyncio.CancelledError:
            continue
        except Exception as e:
            result.errors.append(f"client {number}: {type(e).__name__}: {e}")
            continue
        result.clients.append(figures)
        result.errors.extend(f"client {number}: {message}" for message in figures.errors)
        if figures.pictures < figures.sentences:
            result.errors.append(
                f"client {number}: {figures.sentences - figures.pictures} sentences "
                "without their final picture"
            )
    p95s = [c.final_latency_p95_s for c in result.clients if c.final_latency_p95_s is not None]
    result.worst_final_latency_p95_s = max(p95s) if p95s else None


def _summarise_memory(result: SoakResult) -> None:
    """Growth from the end of the warm-up to the last sample, and its least-squares slope."""
    after = [s for s in result.memory if s.at_s >= result.warmup_s]
    if not after:
        return
    result.rss_after_warmup_mb = after[0].rss_mb
    result.rss_end_mb = after[-1].rss_mb
    result.rss_growth_after_warmup_mb = round(after[-1].rss_mb - after[0].rss_mb, 1)
    if len(after) >= 3:
        minutes = np.array([s.at_s / 60 for s in after])
        rss = np.array([s.rss_mb for s in after])
        result.rss_slope_mb_per_min = round(float(np.polyfit(minutes, rss, 1)[0]), 2)


def _rss_mb(pid: int) -> float | None:
    """VmRSS, the server process's resident memory now (Linux); ``None`` if it is gone."""
    return status_mb(pid, "VmRSS:")


def _peak_rss_mb(pid: int | None) -> float | None:
    """VmHWM, the server process's peak resident memory (Linux)."""
    return status_mb(pid, "VmHWM:") if pid is not None else None


def _print(result: SoakResult) -> None:
    print(
        f"{len(result.clients)} client(s), {result.audio_s_per_client} s of audio each, "
        f"{result.wall_s} s in all"
    )
    for c in result.clients:
        last_minute = c.last_minute_final_p95_s
        print(
            f"  client {c.client}: {c.sentences} sentences, {c.pictures} pictures, end of "
            f"sentence → final picture p50 {c.final_latency_p50_s} s p95 "
            f"{c.final_latency_p95_s} s"
            + (f", last minute p95 {last_minute} s" if last_minute is not None else "")
        )
    print(f"worst client's p95: {result.worst_final_latency_p95_s} s")
    if result.rss_after_warmup_mb is not None:
        print(
            f"server RSS: {result.rss_after_warmup_mb} MB after the "
            f"{result.warmup_s / 60:g} min warm-up, {result.rss_end_mb} MB at the end: "
            f"growth {result.rss_growth_after_warmup_mb} MB, slope "
            f"{result.rss_slope_mb_per_min} MB/min; peak {result.server_peak_rss_mb} MB"
        )
    else:
        print("server RSS: not measured (a server given by --url, or none after the warm-up)")
    print(f"errors: {len(result.errors)}")
    for error in result.errors[:10]:
        print(f"  {error}")
