"""Pieces shared by the commands: options that several take, and progress over audio."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
from collections.abc import AsyncIterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

from speech2image.asr.models import ASR_MODELS
from speech2image.asr.options import TranscriberOptions, VadOptions
from speech2image.audio.decode import AudioDecodeError
from speech2image.audio.sources import FileSource
from speech2image.cli import CommandError
from speech2image.config import SAMPLE_RATE, from_env
from speech2image.events import Event, StageFailed
from speech2image.imaging.diffusers import DiffusersOptions

if TYPE_CHECKING:
    from speech2image.audio.sources import AudioSource
    from speech2image.factory import PipelineOptions
    from speech2image.session import Session, SessionSummary, Workers

stderr = Console(stderr=True)


def add_audio_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "audio", type=Path, metavar="AUDIO", help="wav, flac, ogg, mp3, m4a or webm"
    )
    parser.add_argument(
        "--realtime",
        action="store_true",
        help="replay the file at speaking pace, with partial text, exactly as a live session",
    )
    add_asr_argument(parser)
    parser.add_argument(
        "--min-silence-ms",
        type=int,
        default=None,
        metavar="MS",
        help="a pause this long ends a sentence (default 500)",
    )


def add_asr_argument(parser: argparse.ArgumentParser) -> None:
    """``--asr``, ``--asr-model`` and ``--language``: the speech engine and what it hears."""
    from speech2image.factory import ASR_ENGINES

    parser.add_argument(
        "--asr",
        choices=ASR_ENGINES,
        default="local",
        help="speech engine: local (offline, default), assemblyai (needs ASSEMBLYAI_API_KEY), "
        "or assemblyai,local (the cloud, falling back to local)",
    )
    parser.add_argument(
        "--asr-model",
        default=None,
        metavar="NAME",
        help=f"local Whisper model: {' or '.join(ASR_MODELS)} (multilingual; default "
        f"{TranscriberOptions.asr_model}; S2I_ASR_MODEL)",
    )
    parser.add_argument(
        "--language",
        default=None,
        metavar="CODE",
        help="what the speaker speaks: auto, en, es, de, fr, … (Whisper's codes; default en; "
        "S2I_LANGUAGE). Other languages need --asr-model base: the transcript stays in the "
        "speaker's language and the pictures follow Whisper's English translation",
    )


def live_transcriber_options(args: argparse.Namespace, **overrides: Any) -> TranscriberOptions:
    """:class:`TranscriberOptions` from the environment, then ``--asr-model`` and
    ``--language``, then ``overrides``; a bad value is one clear line (exit 2)."""
    try:
        return from_env(
            TranscriberOptions,
            asr_model=args.asr_model,
            language=args.language,
            **overrides,
        )
    except ValueError as e:
        raise CommandError(str(e)) from e


def add_engine_arguments(parser: argparse.ArgumentParser) -> None:
    """``--engine`` and the neural engine's options (see docs/diffusers.md)."""
    from speech2image.factory import IMAGE_ENGINES

    group = parser.add_argument_group("image engine")
    group.add_argument(
        "--engine",
        choices=IMAGE_ENGINES,
        default="composer",
        help="composer (built in, CPU) or diffusers (your own text-to-image weights)",
    )
    group.add_argument(
        "--model",
        default=None,
        metavar="PATH_OR_ID",
        help="diffusers weights: a folder, a .safetensors file, or a hub id you have cached",
    )
    group.add_argument(
        "--model-config",
        default=None,
        metavar="PATH_OR_ID",
        help="config folder or hub id to go with a single-file checkpoint",
    )
    group.add_argument("--steps", type=int, default=None, help="denoising steps (default 1)")
    group.add_argument(
        "--device", default=None, help="cuda, mps or cpu (default: the best one present)"
    )


def diffusers_options(args: argparse.Namespace) -> DiffusersOptions:
    from speech2image.imaging.diffusers import DiffusersOptions

    values = {
        "model": args.model,
        "single_file_config": args.model_config,
        "device": args.device,
        "steps": args.steps,
        "draft_steps": args.steps,
    }
    try:
        return DiffusersOptions(**{k: v for k, v in values.items() if v is not None})
    except ValueError as e:
        raise CommandError(str(e)) from e


def transcriber_options(args: argparse.Namespace) -> TranscriberOptions:
    """Options from the environment (S2I_*) overridden by the command line."""
    vad = from_env(VadOptions, min_silence_duration_ms=args.min_silence_ms)
    if vad.min_silence_duration_ms < 100:
        raise CommandError("--min-silence-ms must be at least 100")
    # As fast as possible, nobody sees partial text: skip those passes.
    interval = None if args.realtime else 0.0
    return live_transcriber_options(args, vad=vad, partial_interval_s=interval)


def load_workers_for(options: PipelineOptions) -> Workers:
    """Load the models ``options`` name, with a spinner on a terminal; any load failure
    (a missing extra, missing weights, a missing key) is one clear line for the user."""
    from speech2image.factory import load_workers

    status = stderr.status("Loading models…", spinner="dots") if stderr.is_terminal else None
    with status or contextlib.nullcontext():
        try:
            return load_workers(options)
        except (ValueError, RuntimeError, FileNotFoundError) as e:
            raise CommandError(str(e)) from e


def open_audio(args: argparse.Namespace) -> FileSource:
    """Decode the file up front so a bad file fails before any model loads."""
    try:
        return FileSource(args.audio, realtime=args.realtime)
    except AudioDecodeError as e:
        raise CommandError(str(e)) from e


class ProgressSource:
    """Wraps a file source and advances a progress bar over its audio."""

    def __init__(self, source: FileSource, progress: Progress, *, label: str) -> None:
        self.source = source
        self.progress = progress
        self.task = progress.add_task(label, total=round(source.duration_s, 1))

    async def chunks(self) -> AsyncIterator[np.ndarray]:
        heard = 0
        async for chunk in self.source.chunks():
            yield chunk
            heard += len(chunk)
            self.progress.update(self.task, completed=round(heard / SAMPLE_RATE, 1))


def audio_progress(console: Console = stderr) -> Progress:
    """A progress bar over seconds of audio; hidden when stderr is not a terminal."""
    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        TextColumn("{task.completed:.0f}/{task.total:.0f} s of audio"),
        TimeElapsedColumn(),
        console=console,
        transient=True,
        disable=not console.is_terminal,
    )


def recognition_failure(errors: Sequence[StageFailed]) -> CommandError | None:
    """The error a command exits with (code 2) when speech recognition failed, else
    ``None``: a transcript with a hole in it, or none at all (a rejected AssemblyAI key),
    must not look like a finished one to a script."""
    failed = [error for error in errors if error.stage == "asr"]
    if not failed:
        return None
    more = f" (and {len(failed) - 1} more recognition errors)" if len(failed) > 1 else ""
    return CommandError(failed[0].message + more)


async def run_until_recognition_fails(session: Session, source: AudioSource) -> SessionSummary:
    """Run ``session`` over ``source`` (a microphone that never ends by itself) and stop it
    as soon as speech recognition fails, since nothing more would be heard."""
    failed = asyncio.Event()

    def watch(event: Event) -> None:
        if isinstance(event, StageFailed) and event.stage == "asr":
            failed.set()

    session.subscribe(watch)
    running = asyncio.create_task(session.run(source), name=f"s2i-cli-{session.id}")
    waiting = asyncio.create_task(failed.wait())
    await asyncio.wait({running, waiting}, return_when=asyncio.FIRST_COMPLETED)
    waiting.cancel()
    if running.done():
        return running.result()
    running.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await running
    return session.summary
