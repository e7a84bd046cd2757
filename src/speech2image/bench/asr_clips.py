"""``speech2image bench asr-clips``: short recordings, each transcribed whole, against its text.

For every clip (``NAME.flac`` with its transcript in ``NAME.txt`` beside it) the streaming
transcriber runs as ``transcribe`` runs a file (no partial passes), and the bench reports the
words it heard, the WER, whether the clip was *heard right* (the same words but for articles,
once numbers are spelled out: "10 of clubs" is "ten of clubs", "yellow door" is "The yellow
door.") and the recogniser's time. The summary gives the
share of short phrases (clips named ``phrase-*`` or under six words) heard right, the WER of
the rest (prose) over all its words, and the real-time factor, for ``--asr-model`` and
``--language`` as given. ``--english`` compares each clip's English translation instead.
"""

from __future__ import annotations

import argparse
import json
import re
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from speech2image.asr.options import TranscriberOptions
from speech2image.bench.metrics import normalize_text, word_error_rate
from speech2image.config import SAMPLE_RATE, from_env
from speech2image.events import FinalTranscript

_NUMBERS = (
    *("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"),
    *("eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen"),
    *("eighteen", "nineteen", "twenty"),
)
_PHRASE_WORDS = 6
"""A clip with fewer reference words than this counts as a short phrase."""


@dataclass
class ClipFigures:
    file: str
    audio_s: float
    reference: str
    heard: str
    english: str | None
    wer: float
    heard_right: bool
    phrase: bool
    busy_s: float


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "asr-clips",
        help="short recordings transcribed whole: phrases heard right, prose WER, time",
        description=__doc__,
    )
    parser.add_argument("audio", nargs="+", type=Path, metavar="AUDIO")
    parser.add_argument("--asr-model", default=None, metavar="NAME", help="tiny.en or base")
    parser.add_argument("--language", default=None, metavar="CODE", help="auto, en, es, …")
    parser.add_argument(
        "--english", action="store_true", help="score the English translation, not the text"
    )
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    parser.set_defaults(handler=main)


_SPELLED = {"mr": "mister", "mrs": "missus", "dr": "doctor", "ok": "okay"}


def spelled_numbers(text: str) -> list[str]:
    """Normalised words with 0-20 and a few abbreviations (Mr.) written out."""
    return [
        _NUMBERS[int(w)]
        if re.fullmatch(r"\d+", w) and int(w) < len(_NUMBERS)
        else _SPELLED.get(w, w)
        for w in normalize_text(text)
    ]


def main(args: argparse.Namespace) -> int:
    from speech2image.asr.whisper import WhisperRecognizer
    from speech2image.audio.decode import AudioDecodeError, decode_file
    from speech2image.errors import CommandError

    try:
        options = from_env(
            TranscriberOptions,
            asr_model=args.asr_model,
            language=args.language,
            partial_interval_s=0.0,
        )
        clips = [(p, decode_file(p), p.with_suffix(".txt").read_text("utf-8")) for p in args.audio]
    except (ValueError, AudioDecodeError, OSError) as e:
        raise CommandError(str(e)) from e
    lexicon = None
    if options.picturable_correction or options.picturable_hotwords:
        from speech2image.factory import PipelineOptions, load_picturable_lexicon

        lexicon = load_picturable_lexicon(PipelineOptions(transcriber=options))
    recognizer = WhisperRecognizer(options, lexicon=lexicon)
    rows = [
        measure_clip(recognizer, options, p, a, ref, english=args.english) for p, a, ref in clips
    ]
    summary = summarize(rows, options)
    if args.json:
        print(json.dumps({"summary": summary, "clips": [asdict(r) for r in rows]}, indent=2))
    else:
        _print(rows, summary)
    return 0


def measure_clip(
    recognizer: Any,
    options: TranscriberOptions,
    path: Path,
    audio: Any,
    reference: str,
    *,
    english: bool,
) -> ClipFigures:
    """Transcribe one clip whole and score it against ``reference``."""
    from speech2image.asr.streaming import StreamingTranscriber

    transcriber = StreamingTranscriber(recognizer, options=options)
    started = time.monotonic()
    transcriber.insert_audio_chunk(audio)
    events = transcriber.process_iter() + transcriber.finish()
    busy_s = time.monotonic() - started
    finals = [e for e in events if isinstance(e, FinalTranscript)]
    heard = " ".join(e.text for e in finals)
    translated = " ".join(e.scene_text for e in finals) if options.translates else None
    scored = translated if english and translated is not None else heard
    ref_words, hyp_words = spelled_numbers(reference), spelled_numbers(scored)
    wer = word_error_rate(" ".join(ref_words), " ".join(hyp_words)) if ref_words else 0.0
    return ClipFigures(
        file=str(path),
        audio_s=round(len(audio) / SAMPLE_RATE, 2),
        reference=reference.strip(),
        heard=heard,
        english=translated,
        wer=round(wer, 4),
        heard_right=_content(ref_words) == _content(hyp_words),
        phrase=path.name.startswith("phrase-") or len(ref_words) < _PHRASE_WORDS,
        busy_s=round(busy_s, 3),
    )


def _content(words: list[str]) -> list[str]:
    return [w for w in words if w not in ("a", "an", "the")]


def summarize(rows: list[ClipFigures], options: TranscriberOptions) -> dict[str, Any]:
    """Phrases heard right, prose WER over all its words, the recogniser's real-time factor."""
    phrases = [r for r in rows if r.phrase]
    prose = [r for r in rows if not r.phrase]
    prose_words = sum(len(spelled_numbers(r.reference)) for r in prose)
    errors = sum(r.wer * len(spelled_numbers(r.reference)) for r in prose)
    audio_s = sum(r.audio_s for r in rows)
    busy_s = sum(r.busy_s for r in rows)
    return {
        "asr_model": options.asr_model,
        "language": options.language,
        "phrases": len(phrases),
        "phrases_heard_right": sum(r.heard_right for r in phrases),
        "prose_clips": len(prose),
        "prose_wer": round(errors / prose_words, 4) if prose_words else None,
        "audio_s": round(audio_s, 2),
        "busy_s": round(busy_s, 2),
        "real_time_factor": round(busy_s / audio_s, 3) if audio_s else None,
        "pass_p50_s": _median([r.busy_s for r in rows]),
    }


def _median(values: list[float]) -> float | None:
    from speech2image.bench import percentile

    return percentile(values, 50)


def _print(rows: list[ClipFigures], summary: dict[str, Any]) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"Clips, Whisper {summary['asr_model']} ({summary['language']})")
    for column in ("file", "s", "reference", "heard", "WER", "right", "busy s"):
        table.add_column(column)
    for r in rows:
        heard = r.heard if r.english is None else f"{r.heard} [{r.english}]"
        table.add_row(
            Path(r.file).name,
            f"{r.audio_s:.1f}",
            r.reference,
            heard,
            f"{r.wer:.2f}",
            "yes" if r.heard_right else "no",
            f"{r.busy_s:.2f}",
        )
    console = Console()
    console.print(table)
    console.print(
        f"phrases heard right: {summary['phrases_heard_right']} of {summary['phrases']}; "
        f"prose WER {summary['prose_wer']}; RTF {summary['real_time_factor']}; "
        f"pass p50 {summary['pass_p50_s']} s"
    )
