"""``speech2image sessions list|show|rename|delete``: browse the stored sessions."""

from __future__ import annotations

import argparse
import json
from datetime import datetime
from pathlib import Path
from typing import Any

from speech2image.cli import CommandError
from speech2image.config import default_data_dir


def add_data_dir_argument(parser: argparse.ArgumentParser) -> None:
    """``--data-dir``, shared by every command that reads or writes stored sessions."""
    parser.add_argument(
        "--data-dir",
        type=Path,
        default=None,
        metavar="DIR",
        help=f"where sessions are stored (default $S2I_DATA_DIR or {default_data_dir()})",
    )


def open_store(args: argparse.Namespace, *, keep_audio: bool = True) -> Any:
    """The session store of ``--data-dir``; store errors become one-line command errors."""
    from speech2image.store import SessionStore, StoreError

    try:
        return SessionStore(args.data_dir, keep_audio=keep_audio)
    except StoreError as e:
        raise CommandError(str(e)) from e


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "sessions",
        help="list, show, rename and delete stored sessions",
        description="Every session (live in the web app, or `speech2image run`) is stored "
        "in the data folder. These commands browse it; `speech2image export` shares one.",
    )
    inner = parser.add_subparsers(dest="action", metavar="ACTION", required=True)

    listing = inner.add_parser("list", help="the stored sessions, newest first")
    listing.add_argument("--json", action="store_true", help="print a JSON array")
    listing.add_argument("--limit", type=int, default=None, metavar="N", help="at most N")
    add_data_dir_argument(listing)
    listing.set_defaults(handler=list_sessions)

    show = inner.add_parser("show", help="one session's sentences and pictures")
    show.add_argument("session", metavar="ID")
    show.add_argument("--json", action="store_true", help="print the manifest as JSON")
    add_data_dir_argument(show)
    show.set_defaults(handler=show_session)

    rename = inner.add_parser("rename", help="give a session a new title")
    rename.add_argument("session", metavar="ID")
    rename.add_argument("title", metavar="TITLE")
    add_data_dir_argument(rename)
    rename.set_defaults(handler=rename_session)

    delete = inner.add_parser("delete", help="delete a session, its pictures and its audio")
    delete.add_argument("session", metavar="ID")
    add_data_dir_argument(delete)
    delete.set_defaults(handler=delete_session)


def list_sessions(args: argparse.Namespace) -> int:
    if args.limit is not None and args.limit < 0:
        raise CommandError(f"--limit must be 0 or more, got {args.limit}")
    store = open_store(args)
    sessions = _call(lambda: store.list(limit=args.limit))
    if args.json:
        print(json.dumps([info.to_json() for info in sessions], ensure_ascii=False, indent=2))
        return 0
    if not sessions:
        print(f"no sessions stored in {store.data_dir}")
        return 0
    print(f"{'ID':<14} {'CREATED':<16} {'SENTENCES':>9} {'LENGTH':>7}  TITLE")
    for info in sessions:
        print(
            f"{info.id:<14} {_local(info.created):<16} {info.sentences:>9} "
            f"{_length(info.duration_s):>7}  {info.title}"
        )
    return 0


def show_session(args: argparse.Namespace) -> int:
    store = open_store(args)
    manifest = _call(lambda: store.manifest(args.session))
    if args.json:
        print(json.dumps(manifest, ensure_ascii=False, indent=2))
        return 0
    print(f"{manifest['title']}  ({manifest['id']})")
    print(
        f"created {_local(manifest['created'])} · {len(manifest['sentences'])} sentences · "
        f"{_length(manifest['duration_s'])} · audio {'kept' if manifest['audio'] else 'not kept'}"
    )
    if manifest["source"]:
        print(f"from {manifest['source']}")
    folder = store.sessions_dir / manifest["id"]
    for sentence in manifest["sentences"]:
        picture = str(folder / sentence["image"]) if sentence["image"] else "(no picture)"
        print(f"  {sentence['index']:>3}  {_length(sentence['start']):>6}  {sentence['text']}")
        print(f"       {picture}")
    return 0


def rename_session(args: argparse.Namespace) -> int:
    store = open_store(args)
    _call(lambda: store.rename(args.session, args.title))
    print(f"renamed {args.session}")
    return 0


def delete_session(args: argparse.Namespace) -> int:
    store = open_store(args)
    _call(lambda: store.delete(args.session))
    print(f"deleted {args.session}")
    return 0


def _call(action: Any) -> Any:
    from speech2image.store import StoreError

    try:
        return action()
    except (StoreError, ValueError) as e:
        hint = " (see `speech2image sessions list`)" if isinstance(e, KeyError) else ""
        raise CommandError(f"{e}{hint}") from e


def _local(created: str) -> str:
    try:
        return datetime.fromisoformat(created).astimezone().strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return created


def _length(seconds: float) -> str:
    minutes, secs = divmod(round(float(seconds)), 60)
    return f"{minutes}:{secs:02d}"
