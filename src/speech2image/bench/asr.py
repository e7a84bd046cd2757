"""``speech2image bench asr``: the streaming transcriber replayed at real-time pace.

For each recording it reports final-sentence latency (the wall time at which a final is
emitted minus the wall time at which the sentence's last word had been played), the cadence
of partials while speech goes on, WER (against ``--ref`` or an offline transcription of the
whole file by the same model), the real-time factor of the recogniser and the peak RSS.

``--snr DB`` mixes background noise into each recording first (``--noise`` pink, brown or
babble made from the recording itself); ``--streams N`` replays each recording on N
concurrent streams through one shared recogniser thread, as the web server runs them.
Recordings longer than two minutes also get a per-minute latency and memory breakdown.
"""

from __future__ import annotations

import argparse
import json
from dataclasses import asdict
from pathlib import Path
from typing import Any

import numpy as np

from speech2image.asr.options import TranscriberOptions
from speech2image.bench.asr_replay import AsrFigures, measure
from speech2image.bench.noise import NOISES, mix_at_snr
from speech2image.config import from_env


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "asr",
        help="replay recordings at real-time pace through the streaming transcriber",
        description=__doc__,
    )
    parser.add_argument("audio", nargs="+", type=Path, metavar="AUDIO")
    parser.add_argument(
        "--ref",
        nargs="*",
        type=Path,
        default=[],
        metavar="TEXT_FILE",
        help="reference transcripts, one per AUDIO, in the same order",
    )
    parser.add_argument("--chunk-ms", type=int, default=100, help="chunk size (default 100)")
    parser.add_argument(
        "--fast", action="store_true", help="replay as fast as possible instead of real time"
    )
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    parser.add_argument(
        "--snr",
        type=float,
        metavar="DB",
        help="mix background noise into each recording at this SNR (dB below the speech)",
    )
    parser.add_argument(
        "--noise",
        choices=NOISES,
        default="pink",
        help="the noise --snr mixes in: pink, brown, or babble made from the recording "
        "itself, reversed (default pink)",
    )
    parser.add_argument(
        "--streams",
        type=int,
        default=0,
        metavar="N",
        help="replay each recording on N concurrent streams through one recogniser thread",
    )
    parser.add_argument("--asr-model", default=None, metavar="NAME", help="tiny.en or base")
    parser.add_argument("--language", default=None, metavar="CODE", help="auto, en, es, …")
    parser.set_defaults(handler=main)
    from speech2image.bench import asr_clips, languages

    asr_clips.register(subparsers)
    languages.register(subparsers)


def main(args: argparse.Namespace) -> int:
    from speech2image.audio.decode import AudioDecodeError, decode_file
    from speech2image.errors import CommandError

    if args.ref and len(args.ref) != len(args.audio):
        raise CommandError(f"give one --ref per AUDIO ({len(args.audio)}), got {len(args.ref)}")
    if args.streams < 0:
        raise CommandError(f"--streams must be at least 1, got {args.streams}")
    try:
        recordings = [decode_file(path) for path in args.audio]
        references = [path.read_text(encoding="utf-8") for path in args.ref]
    except (AudioDecodeError, OSError) as e:
        raise CommandError(str(e)) from e
    if args.snr is not None:
        recordings = [mix_at_snr(audio, args.noise, args.snr) for audio in recordings]

    from speech2image.asr.whisper import WhisperRecognizer

    try:
        options = from_env(TranscriberOptions, asr_model=args.asr_model, language=args.language)
    except ValueError as e:
        raise CommandError(str(e)) from e
    lexicon = None
    if options.picturable_correction or options.picturable_hotwords:
        from speech2image.factory import PipelineOptions, load_picturable_lexicon

        lexicon = load_picturable_lexicon(PipelineOptions(transcriber=options))
    recognizer = WhisperRecognizer(options, lexicon=lexicon)
    if args.streams:
        return _main_streams(args, recognizer, options, recordings, references)
    results = []
    for i, (path, audio) in enumerate(zip(args.audio, recordings, strict=True)):
        reference = references[i] if references else None
        results.append(
            measure(
                recognizer,
                audio,
                options,
                name=str(path),
                reference=reference,
                chunk_ms=args.chunk_ms,
                realtime=not args.fast,
            )
        )
    for result in results:
        result.noise = args.noise if args.snr is not None else None
        result.snr_db = args.snr
    if args.json:
        print(json.dumps([asdict(r) for r in results], indent=2))
    else:
        print_table(results)
    return 0


def _main_streams(
    args: argparse.Namespace,
    recognizer: Any,
    options: TranscriberOptions,
    recordings: list[np.ndarray],
    references: list[str],
) -> int:
    """``--streams N``: every recording on N concurrent streams, one after another."""
    from speech2image.bench.asr_streams import measure_streams

    results = []
    for i, (path, audio) in enumerate(zip(args.audio, recordings, strict=True)):
        results += measure_streams(
            recognizer,
            audio,
            options,
            name=str(path),
            streams=args.streams,
            reference=references[i] if references else None,
            chunk_ms=args.chunk_ms,
        )
    if args.json:
        print(json.dumps([asdict(r) for r in results], indent=2))
    else:
        _print_rows(f"{args.streams} concurrent streams, one recogniser thread", results)
    return 0


def print_table(results: list[AsrFigures]) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title="Streaming ASR (Whisper, int8)")
    for column in (
        "file",
        "audio s",
        "sentences",
        "final p50 s",
        "final p95 s",
        "partial p50 s",
        "partial p95 s",
        "WER stream",
        "WER offline",
        "words",
        "RTF",
        "RSS MB",
    ):
        table.add_column(column, justify="right" if column != "file" else "left")
    for r in results:
        table.add_row(
            Path(r.file).name,
            f"{r.audio_s:.1f}",
            str(r.sentences),
            *(
                _fmt(v)
                for v in (
                    r.final_latency_p50_s,
                    r.final_latency_p95_s,
                    r.partial_interval_p50_s,
                    r.partial_interval_p95_s,
                    r.wer_streaming,
                    r.wer_offline,
                )
            ),
            str(r.words),
            f"{r.real_time_factor:.2f}",
            f"{r.peak_rss_mb:.0f}",
        )
    Console().print(table)
    if any(r.wer_against != "reference" for r in results):
        Console().print("WER without --ref is measured against an offline transcription.")
    for r in results:
        if r.noise is not None:
            Console().print(f"{Path(r.file).name}: {r.noise} noise at {r.snr_db:g} dB SNR")
        if r.by_minute:
            _print_rows(f"{Path(r.file).name} per minute", r.by_minute)


def _print_rows(title: str, rows: list[Any]) -> None:
    """Any list of figure dataclasses as a table, one column per field."""
    from rich.console import Console
    from rich.table import Table

    table = Table(title=title)
    names = list(asdict(rows[0])) if rows else []
    for name in names:
        table.add_column(name.replace("_", " "), justify="right")
    for row in rows:
        values = asdict(row).values()
        table.add_row(*(_fmt(v) if isinstance(v, float) else str(v) for v in values))
    Console().print(table)


def _fmt(value: float | None) -> str:
    return "–" if value is None else f"{value:.3f}"
