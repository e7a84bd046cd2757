"""``speech2image listen``: live transcription from the local microphone."""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from typing import Any

from speech2image.cli import CommandError
from speech2image.cli.common import (
    add_asr_argument,
    live_transcriber_options,
    load_workers_for,
    recognition_failure,
    run_until_recognition_fails,
)
from speech2image.events import Event, FinalTranscript, PartialTranscript


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "listen",
        help="transcribe the microphone live, printing partial and final text",
        description="Listen to the microphone and print the words as they are recognised: "
        "the tentative tail on a live line, each finished sentence on its own line. "
        "Ctrl-C stops.",
    )
    parser.add_argument("--device", default=None, help="input device index or name")
    parser.add_argument("--devices", action="store_true", help="list input devices and exit")
    parser.add_argument("--json", action="store_true", help="JSON lines for partials and finals")
    add_asr_argument(parser)
    parser.set_defaults(handler=listen)


def listen(args: argparse.Namespace) -> int:
    from speech2image.audio.microphone import MicrophoneError, MicrophoneSource, input_devices

    transcriber = live_transcriber_options(args)  # a bad option fails before the microphone

    try:
        if args.devices:
            for entry in input_devices():
                print(f"{entry['index']:3d}  {entry['name']}  ({entry['sample_rate']} Hz)")
            return 0
        device = int(args.device) if args.device and args.device.isdigit() else args.device
        source = MicrophoneSource(device=device)
    except MicrophoneError as e:
        raise CommandError(str(e)) from e

    from speech2image.factory import PipelineOptions
    from speech2image.session import Session, SessionOptions

    workers = load_workers_for(
        PipelineOptions(asr=args.asr, transcriber=transcriber, pictures=False)
    )
    live_line = sys.stdout.isatty() and not args.json
    print(f"Listening to {source.name}. Ctrl-C stops.", file=sys.stderr)

    def show(event: Event) -> None:
        if isinstance(event, PartialTranscript):
            if args.json:
                print(json.dumps(event.to_wire(), ensure_ascii=False), flush=True)
            elif live_line:
                print(f"\r\x1b[2K\x1b[2m{event.text}\x1b[0m", end="", flush=True)
        elif isinstance(event, FinalTranscript):
            if args.json:
                print(json.dumps(event.to_wire(), ensure_ascii=False), flush=True)
            else:
                print(("\r\x1b[2K" if live_line else "") + _shown(event), flush=True)

    session = Session(workers, options=SessionOptions(pictures=False))
    session.subscribe(show)
    try:
        summary = asyncio.run(run_until_recognition_fails(session, source))
    except KeyboardInterrupt:
        print(file=sys.stderr)
        return 0
    finally:
        workers.close()
    failure = recognition_failure(summary.errors)
    if failure is not None:
        raise failure
    return 0


def _shown(event: FinalTranscript) -> str:
    """The sentence as said, and its English where it was translated."""
    return f"{event.text}  [{event.english}]" if event.english else event.text
