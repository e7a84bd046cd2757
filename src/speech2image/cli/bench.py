"""``speech2image bench ...``: benchmarks that print figures (never timed assertions)."""

from __future__ import annotations

import argparse
import importlib
from typing import Any

BENCHMARKS = ("asr", "diffusers", "render", "faithfulness", "export", "sessions", "live", "soak")
"""Modules of :mod:`speech2image.bench`, each with ``register(subparsers)``."""


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "bench",
        help="measure speed, latency and memory; prints figures for docs/benchmarks.md",
        description="Benchmarks print figures; docs/benchmarks.md records them and how to "
        "reproduce them.",
    )
    inner = parser.add_subparsers(dest="benchmark", metavar="BENCHMARK", required=True)
    for name in BENCHMARKS:
        importlib.import_module(f"speech2image.bench.{name}").register(inner)
    parser.set_defaults(handler=_missing)


def _missing(args: argparse.Namespace) -> int:  # pragma: no cover - argparse requires one
    raise SystemExit("choose a benchmark; see speech2image bench --help")
