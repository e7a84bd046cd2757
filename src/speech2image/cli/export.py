"""``speech2image export SESSION --format FMT -o OUT``: share a stored session."""

from __future__ import annotations

import argparse
import re
import time
from pathlib import Path
from typing import Any

from rich.progress import BarColumn, Progress, TaskProgressColumn, TextColumn, TimeElapsedColumn

from speech2image.cli import CommandError
from speech2image.cli.common import stderr
from speech2image.cli.sessions import add_data_dir_argument, open_store

FORMATS = ("html", "zip", "gif", "mp4", "srt", "vtt")
"""The same as :data:`speech2image.store.EXPORT_FORMATS` (kept here so ``--help`` does not
load the video stack)."""


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "export",
        help="export a stored session: storyboard page, zip, GIF, MP4 video or captions",
        description="html: one self-contained storyboard page; zip: the pictures, manifest, "
        "captions and audio; gif: an animated slideshow; mp4: a 720p H.264 video with "
        "pan-and-zoom, crossfades, captions and the recorded speech; srt/vtt: captions.",
    )
    parser.add_argument("session", metavar="SESSION", help="a session id (see `sessions list`)")
    parser.add_argument(
        "-f",
        "--format",
        choices=FORMATS,
        default=None,
        help="what to write (default: from OUT's extension, else html)",
    )
    parser.add_argument(
        "-o",
        "--out",
        type=Path,
        default=None,
        metavar="OUT",
        help="the file to write (default: the session's title and the format's extension)",
    )
    add_data_dir_argument(parser)
    parser.set_defaults(handler=export)


def export(args: argparse.Namespace) -> int:
    from speech2image.store import StoreError, export_session

    fmt = args.format or _format_of(args.out) or "html"
    store = open_store(args)
    try:
        info = store.get(args.session)
    except StoreError as e:
        raise CommandError(f"{e} (see `speech2image sessions list`)") from e
    out: Path = args.out or Path.cwd() / f"{_slug(info.title) or info.id}.{fmt}"
    if out.is_dir():
        raise CommandError(f"{out} is a folder; give a file name with -o")
    started = time.monotonic()
    with _progress() as progress:
        task = progress.add_task(f"Exporting {fmt}", total=1.0)
        try:
            export_session(
                store,
                info.id,
                fmt,
                out,
                progress=lambda done: progress.update(task, completed=done),
            )
        except (StoreError, ValueError) as e:
            raise CommandError(str(e)) from e
    elapsed_s = time.monotonic() - started
    print(f"{info.id} → {out} ({fmt}, {out.stat().st_size / 1e6:.1f} MB in {elapsed_s:.1f} s)")
    return 0


def _format_of(out: Path | None) -> str | None:
    if out is None:
        return None
    suffix = out.suffix.lower().lstrip(".")
    return suffix if suffix in FORMATS else None


def _slug(title: str) -> str:
    return re.sub(r"[^A-Za-z0-9]+", "-", title).strip("-").lower()[:60]


def _progress() -> Progress:
    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        TaskProgressColumn(),
        TimeElapsedColumn(),
        console=stderr,
        transient=True,
        disable=not stderr.is_terminal,
    )
