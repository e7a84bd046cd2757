"""The ``speech2image`` command. The only place that configures logging or prints.

Each subcommand lives in its own module under :mod:`speech2image.cli` and exposes
``register(subparsers)``, which adds its parser and sets ``handler`` to a function taking the
parsed arguments and returning an exit code. ``bench`` does the same one level down.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
from collections.abc import Sequence

from speech2image import __version__
from speech2image.errors import CommandError

COMMANDS = (
    *("serve", "run", "transcribe", "listen", "render"),
    *("sessions", "export", "assets", "bench", "cluster"),
)
"""Modules of this package, in the order ``--help`` lists them."""

EXIT_USAGE = 2
"""Bad input: a missing or unreadable file, an invalid option value."""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="speech2image",
        description="Talk, and watch a picture of what you said build up. "
        "Every sentence becomes a frame of a storyboard.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "-v", "--verbose", action="count", default=0, help="more logging (-vv for debug)"
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name in COMMANDS:
        module = importlib.import_module(f"speech2image.cli.{name}")
        module.register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the console script."""
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=(logging.WARNING, logging.INFO, logging.DEBUG)[min(args.verbose, 2)],
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    if args.verbose < 2:
        # faster-whisper logs every pass at INFO; keep it for -vv.
        logging.getLogger("faster_whisper").setLevel(logging.WARNING)
    try:
        return int(args.handler(args) or 0)
    except CommandError as e:
        print(f"speech2image {args.command}: {e}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print(f"speech2image {args.command}: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
