"""``speech2image transcribe AUDIO``: finished sentences, one per line."""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from typing import Any

from speech2image.cli.common import (
    ProgressSource,
    add_audio_arguments,
    audio_progress,
    load_workers_for,
    open_audio,
    recognition_failure,
    transcriber_options,
)
from speech2image.config import SAMPLE_RATE
from speech2image.events import Event, FinalTranscript
from speech2image.factory import PipelineOptions
from speech2image.session import Session, SessionOptions


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "transcribe",
        help="print the sentences of a recording, one per line",
        description="Transcribe a recording through the same streaming path as a live "
        "session and print each finished sentence as soon as it is final.",
    )
    add_audio_arguments(parser)
    parser.add_argument(
        "--json",
        action="store_true",
        help='JSON lines: {"start": s, "end": s, "text": "..."}, with "language" and '
        '"english" when the speech is translated',
    )
    parser.set_defaults(handler=transcribe)


def transcribe(args: argparse.Namespace) -> int:
    options = PipelineOptions(asr=args.asr, transcriber=transcriber_options(args), pictures=False)
    source = open_audio(args)
    workers = load_workers_for(options)

    def show(event: Event) -> None:
        if not isinstance(event, FinalTranscript):
            return
        if args.json:
            record = {
                "start": round(event.start_s, 2),
                "end": round(event.end_s, 2),
                "text": event.text,
            }
            if event.language is not None:
                record["language"] = event.language
            if event.english is not None:
                record["english"] = event.english
            line = json.dumps(record, ensure_ascii=False)
        else:
            line = f"{event.text}\t{event.english}" if event.english else event.text
        print(line, flush=True)

    batch = SAMPLE_RATE * (2 if args.realtime else 20)  # see run.session_options
    session = Session(workers, options=SessionOptions(pictures=False, max_batch_samples=batch))
    session.subscribe(show)
    try:
        with audio_progress() as progress:
            summary = asyncio.run(session.run(ProgressSource(source, progress, label="Listening")))
    finally:
        workers.close()
    sys.stdout.flush()
    failure = recognition_failure(summary.errors)
    if failure is not None:
        raise failure
    return 0
