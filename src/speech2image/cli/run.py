"""``speech2image run AUDIO -o DIR``: one picture per sentence of a recording."""

from __future__ import annotations

import argparse
import asyncio
import time
from pathlib import Path
from typing import Any

from speech2image.cli import CommandError
from speech2image.cli.common import (
    ProgressSource,
    add_audio_arguments,
    add_engine_arguments,
    audio_progress,
    diffusers_options,
    load_workers_for,
    open_audio,
    recognition_failure,
    stderr,
    transcriber_options,
)
from speech2image.cli.sessions import add_data_dir_argument, open_store
from speech2image.config import SAMPLE_RATE, ComposerOptions, from_env
from speech2image.factory import PipelineOptions
from speech2image.session import Session, SessionOptions
from speech2image.store import StoreError
from speech2image.store.audio import RecordingSource
from speech2image.store.folder import FolderWriter


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "run",
        help="turn a recording into a storyboard: one picture per sentence",
        description="Transcribe a recording sentence by sentence and draw a picture of each. "
        "Writes DIR/manifest.json, DIR/NNNN.png and DIR/storyboard.html.",
    )
    add_audio_arguments(parser)
    parser.add_argument(
        "-o",
        "--out",
        type=Path,
        default=None,
        metavar="DIR",
        help="output folder (default: AUDIO's name + '.storyboard' in the current folder)",
    )
    add_picture_arguments(parser)
    add_engine_arguments(parser)
    add_data_dir_argument(parser)
    parser.add_argument(
        "--no-keep-audio", action="store_true", help="store the session without its audio"
    )
    parser.set_defaults(handler=run)


def add_picture_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--style", default=None, help="picture style preset (default flat)")
    parser.add_argument("--pack", default=None, help="clip-art pack (default openmoji)")
    parser.add_argument(
        "--size", type=int, default=None, metavar="PX", help="picture size (default 512)"
    )
    parser.add_argument("--seed", type=int, default=0, help="seed; another seed gives variations")


def composer_options(args: argparse.Namespace) -> ComposerOptions:
    if args.size is not None and not 64 <= args.size <= 2048:
        raise CommandError(f"--size must be between 64 and 2048 pixels, got {args.size}")
    return from_env(
        ComposerOptions, size_px=args.size, style=args.style, pack=args.pack, seed=args.seed
    )


def session_options(args: argparse.Namespace) -> SessionOptions:
    """A live replay draws drafts as a session would; as fast as possible, it takes the
    audio in steps of up to 20 s so utterances that closed together share one pass."""
    if args.realtime:
        return SessionOptions(seed=args.seed)
    return SessionOptions(seed=args.seed, drafts=False, max_batch_samples=20 * SAMPLE_RATE)


def run(args: argparse.Namespace) -> int:
    out: Path = args.out or Path.cwd() / f"{args.audio.stem}.storyboard"
    if out.exists() and not out.is_dir():
        raise CommandError(f"{out} exists and is not a folder")
    options = PipelineOptions(
        asr=args.asr,
        transcriber=transcriber_options(args),
        engine=args.engine,
        composer=composer_options(args),
        diffusers=diffusers_options(args),
        # The parser and the image engine warm up while the first sentence is recognised.
        warm_up_in_background=True,
    )
    # 1. Read the audio and open the session store first: a bad file costs nothing else.
    source = open_audio(args)
    store = open_store(args, keep_audio=not args.no_keep_audio)
    started = time.monotonic()
    # 2. Load the models once (the drawing ones finish loading in parallel with recognition).
    workers = load_workers_for(options)
    # 3. Run the session into the output folder.
    writer = FolderWriter(out, source=str(args.audio))
    session = Session(workers, options=session_options(args))
    settings = {"style": options.composer.style, "pack": options.composer.pack, "seed": args.seed}
    try:
        recorder = store.create(
            session_id=session.id, title=args.audio.stem, source=str(args.audio), settings=settings
        )
    except StoreError as e:
        workers.close()
        raise CommandError(str(e)) from e
    session.subscribe(writer)
    session.subscribe(recorder)
    try:
        with audio_progress() as progress:
            heard = RecordingSource(
                ProgressSource(source, progress, label="Drawing"), recorder.append_audio
            )
            summary = asyncio.run(session.run(heard))
    except BaseException:
        writer.discard()
        raise
    finally:
        recorder.close()
        workers.close()
    elapsed = time.monotonic() - started
    for error in summary.errors:
        if error.stage != "asr":  # a recognition failure is the exit line below
            stderr.print(f"[yellow]warning:[/] {error.message}")
    if recorder.failure is not None:
        stderr.print(f"[yellow]warning:[/] session not fully stored: {recorder.failure}")
    print(
        f"{len(summary.sentences)} sentences, {summary.pictures} pictures from "
        f"{source.duration_s:.1f} s of audio in {elapsed:.1f} s → {out / 'storyboard.html'}; "
        f"stored as session {session.id}"
    )
    failure = recognition_failure(summary.errors)
    if failure is not None:
        raise failure
    return 0
