"""``speech2image bench languages``: pictures of speech in other languages than English.

espeak-ng's voices say everyday sentences in Spanish, German, French, Italian and
Portuguese (:mod:`.language_sentences`, a third of each held out). Each recording is
transcribed whole with the multilingual model (``--asr-model base``) and the language given
(or detected, ``--detect``), as ``transcribe --language`` does; the scene is built from
Whisper's English translation and drawn by the clip-art composer, as a live session draws
it, with the things of the sentence as said that the CLDR glossary finds
(``--without-glossary``: the translation alone). For each language the bench prints the
WER of the transcript against the sentence said (in its own language), the share of the
sentence's things that the English translation names, the share that the picture draws,
and how many things the glossary added that the sentence does not name (``wrong``), the
development and held-out sentences apart (``--split`` measures one). ``--written`` needs
no speech: it scores the glossary alone on the sentences as written, its ceiling were
recognition perfect and the translation lost every thing.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import tempfile
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import numpy as np

from speech2image.asr.options import TranscriberOptions
from speech2image.bench.language_sentences import SENTENCES, VOICES, SpokenSentence
from speech2image.bench.metrics import words_error_rate
from speech2image.config import SAMPLE_RATE, from_env
from speech2image.events import FinalTranscript
from speech2image.language.builder import SourceText
from speech2image.language.cldr_things import english_singular

IRREGULAR_PLURALS = {"children": "child", "men": "man", "women": "woman", "people": "person"}
PAD_S = 0.3
"""Silence before and after each recording, as a speaker's pause would be."""


@dataclass(frozen=True)
class SentenceFigures:
    """One sentence said, heard, translated and drawn."""

    language: str
    held_out: bool
    said: str
    heard: str
    english: str
    detected: str | None
    wer: float
    things: tuple[str, ...]
    translated: tuple[str, ...]
    """The things the English translation names."""
    drawn: tuple[str, ...]
    """The things the picture shows."""
    busy_s: float
    wrong: tuple[str, ...] = ()
    """What the glossary added that the sentence does not name (the pound of "livre")."""


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "languages",
        help="other languages: things drawn from espeak-ng speech, transcript WER",
        description=__doc__,
    )
    parser.add_argument(
        "--languages",
        default=",".join(VOICES),
        metavar="CODES",
        help=f"comma-separated, from {', '.join(VOICES)} (default all)",
    )
    parser.add_argument("--asr-model", default="base", metavar="NAME", help="default base")
    parser.add_argument(
        "--detect", action="store_true", help="let Whisper detect the language (auto)"
    )
    parser.add_argument("--speed", type=int, default=135, help="espeak-ng words a minute")
    parser.add_argument(
        "--without-glossary",
        action="store_true",
        help="draw from the translation alone, without the things of the sentence as said",
    )
    parser.add_argument(
        "--split",
        choices=("all", "development", "held-out"),
        default="all",
        help="which sentences (default all; tune on development only)",
    )
    parser.add_argument(
        "--written",
        action="store_true",
        help="no speech: the glossary alone on the sentences as written (its ceiling)",
    )
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    parser.set_defaults(handler=main)


def singular(word: str) -> str:
    """A plain English singular, enough to compare nouns ("apples" and "bird's" are
    "apple" and "bird")."""
    word = word.lower().removesuffix("'s").removesuffix("'")
    return IRREGULAR_PLURALS.get(word) or english_singular(word)


def found(thing: str, words: Sequence[str]) -> bool:
    """``thing`` (``word|other``) is among ``words`` (nouns or words of a text, any case,
    any number; a compound's last word counts: "coffee cup" is a cup)."""
    wanted = {singular(w) for w in thing.split("|")}
    have = {singular(w) for word in words for w in (word, word.split()[-1] if word else "")}
    return bool(wanted & have)


def words_of(text: str) -> list[str]:
    """Lower-case words of any script, without punctuation."""
    return re.findall(r"[^\W_]+(?:'[^\W_]+)?", text.lower())


def word_error_rate(reference: str, hypothesis: str) -> float:
    """WER over words of any script (accents kept: "pequeña" is one word)."""
    return words_error_rate(words_of(reference), words_of(hypothesis))


def say(text: str, voice: str, folder: Path, *, speed: int) -> np.ndarray:
    """``text`` said by espeak-ng's ``voice``: 16 kHz mono float32 with a pause each side."""
    from speech2image.audio.decode import decode_file

    wav = folder / "said.wav"
    subprocess.run(
        ["espeak-ng", "-v", voice, "-s", str(speed), "-w", str(wav), text],
        check=True, capture_output=True,
    )  # fmt: skip
    pad = np.zeros(int(PAD_S * SAMPLE_RATE), dtype=np.float32)
    return np.concatenate([pad, decode_file(wav), pad])


class LanguageBench:
    """Says, transcribes, translates and draws sentences with one recogniser, one scene
    builder and one composer."""

    def __init__(
        self,
        recognizer: Any,
        builder: Any,
        composer: Any,
        *,
        asr_model: str,
        detect: bool,
        glossary: bool = True,
    ) -> None:
        self.recognizer = recognizer
        self.glossary = glossary
        self.asr_model = asr_model
        self.builder = builder
        self.composer = composer
        self.detect = detect

    def measure(self, sentence: SpokenSentence, audio: np.ndarray) -> SentenceFigures:
        """Transcribe ``audio`` of ``sentence`` whole, draw its English, score both."""
        from speech2image.asr.streaming import StreamingTranscriber

        options = from_env(
            TranscriberOptions,
            asr_model=self.asr_model,
            language="auto" if self.detect else sentence.language,
            partial_interval_s=0.0,
        )
        started = time.monotonic()
        transcriber = StreamingTranscriber(self.recognizer, options=options)
        transcriber.insert_audio_chunk(audio)
        events = transcriber.process_iter() + transcriber.finish()
        busy_s = time.monotonic() - started
        finals = [e for e in events if isinstance(e, FinalTranscript)]
        heard = " ".join(f.text for f in finals)
        english = " ".join(f.scene_text for f in finals)
        drawn: list[str] = []
        language = finals[0].language if finals else None
        # As a session draws it: the translation, and the things of the sentence as said.
        said = (
            {"source": SourceText(language, heard)}
            if self.glossary and language not in (None, "en") and english != heard
            else {}
        )
        wrong: list[str] = []
        if english.strip():
            scene = self.builder.build(english, context=self.builder.new_context(), **said)
            drawn = [o.noun for o in self.composer.draw(scene).scene.objects]
            plain = self.builder.build(english, context=self.builder.new_context())
            added = {o.noun for o in scene.objects} - {o.noun for o in plain.objects}
            wrong = sorted(n for n in added if not any(found(t, [n]) for t in sentence.things))
        translated_words = words_of(english)
        return SentenceFigures(
            language=sentence.language,
            held_out=sentence.held_out,
            said=sentence.text,
            heard=heard,
            english=english,
            detected=finals[0].language if finals else None,
            wer=round(word_error_rate(sentence.text, heard), 4),
            things=sentence.things,
            translated=tuple(t for t in sentence.things if found(t, translated_words)),
            drawn=tuple(t for t in sentence.things if found(t, drawn)),
            busy_s=round(busy_s, 3),
            wrong=tuple(wrong),
        )


def measure_written(sentence: SpokenSentence, glossary: Any) -> SentenceFigures:
    """The things the glossary finds in ``sentence`` as written: what it could add were
    recognition perfect and the translation lost every thing (its ceiling)."""
    from speech2image.language.source_things import find_source_things

    words = glossary.language(sentence.language)
    nouns = [t.thing.noun for t in find_source_things(words, sentence.text)] if words else []
    return SentenceFigures(
        language=sentence.language,
        held_out=sentence.held_out,
        said=sentence.text,
        heard=sentence.text,
        english="",
        detected=sentence.language,
        wer=0.0,
        things=sentence.things,
        translated=(),
        drawn=tuple(t for t in sentence.things if found(t, nouns)),
        busy_s=0.0,
        wrong=tuple(n for n in nouns if not any(found(t, [n]) for t in sentence.things)),
    )


def summarize(rows: Sequence[SentenceFigures]) -> dict[str, Any]:
    """Per language and split: sentences, WER over all words, things translated and drawn."""

    def figures(part: Sequence[SentenceFigures]) -> dict[str, Any]:
        things = sum(len(r.things) for r in part)
        said_words = sum(len(words_of(r.said)) for r in part)
        errors = sum(r.wer * len(words_of(r.said)) for r in part)
        return {
            "sentences": len(part),
            "wer": round(errors / said_words, 4) if said_words else None,
            "things": things,
            "translated": round(sum(len(r.translated) for r in part) / things, 4)
            if things
            else None,
            "drawn": round(sum(len(r.drawn) for r in part) / things, 4) if things else None,
            "wrong": sum(len(r.wrong) for r in part),
        }

    summary: dict[str, Any] = {}
    for language in dict.fromkeys(r.language for r in rows):
        mine = [r for r in rows if r.language == language]
        summary[language] = {
            "development": figures([r for r in mine if not r.held_out]),
            "held_out": figures([r for r in mine if r.held_out]),
        }
    summary["all"] = {
        "development": figures([r for r in rows if not r.held_out]),
        "held_out": figures([r for r in rows if r.held_out]),
    }
    return summary


def main(args: argparse.Namespace) -> int:
    from speech2image.errors import CommandError

    sentences = chosen_sentences(args.languages, args.split)
    if not sentences:
        raise CommandError(f"--languages {args.languages!r}: choose from {', '.join(VOICES)}")
    if args.written:
        from speech2image.language.glossary import Glossary

        glossary = Glossary.installed()
        rows = [measure_written(s, glossary) for s in sentences]
    else:
        rows = _measure_spoken(sentences, args)
    summary = summarize(rows)
    if args.json:
        print(json.dumps({"summary": summary, "sentences": [asdict(r) for r in rows]}, indent=2))
    else:
        _print(summary, args)
    return 0


def chosen_sentences(languages: str, split: str) -> list[SpokenSentence]:
    """The sentences of ``languages`` (comma-separated codes) in ``split`` (``all``,
    ``development``, ``held-out``); none when a code is unknown."""
    codes = [code.strip() for code in languages.split(",") if code.strip()]
    if not codes or any(code not in VOICES for code in codes):
        return []
    wanted = {"all": (False, True), "development": (False,), "held-out": (True,)}[split]
    return [s for s in SENTENCES if s.language in codes and s.held_out in wanted]


def _measure_spoken(
    sentences: Sequence[SpokenSentence], args: argparse.Namespace
) -> list[SentenceFigures]:
    """Each sentence said by espeak-ng, recognised, translated and drawn."""
    from speech2image.asr.whisper import WhisperRecognizer
    from speech2image.config import ComposerOptions
    from speech2image.errors import CommandError
    from speech2image.imaging.compose import ClipArtComposer
    from speech2image.language import SpacySceneBuilder

    if shutil.which("espeak-ng") is None:
        raise CommandError("espeak-ng is needed: apt-get install espeak-ng")
    try:
        options = from_env(TranscriberOptions, asr_model=args.asr_model, language="auto")
        recognizer = WhisperRecognizer(options)
        composer = ClipArtComposer(from_env(ComposerOptions))
    except ValueError as e:
        raise CommandError(str(e)) from e
    composer.warm_up()
    bench = LanguageBench(
        recognizer,
        SpacySceneBuilder(),
        composer,
        asr_model=args.asr_model,
        detect=args.detect,
        glossary=not args.without_glossary,
    )
    with tempfile.TemporaryDirectory(prefix="s2i-languages-") as folder:
        return [
            bench.measure(s, say(s.text, VOICES[s.language], Path(folder), speed=args.speed))
            for s in sentences
        ]


def _print(summary: dict[str, Any], args: argparse.Namespace) -> None:
    mode = "detected" if args.detect else "given"
    drawn = "translation alone" if args.without_glossary else "translation and CLDR glossary"
    if args.written:
        print("the sentences as written, the CLDR glossary alone (no speech, no translation)")
    else:
        print(
            f"{args.asr_model}, language {mode}; espeak-ng voices at {args.speed} words a "
            f"minute; drawn from the {drawn}"
        )
    print("language  split       sentences  WER     things translated  things drawn  wrong")
    for language, splits in summary.items():
        for split, f in splits.items():
            if not f["sentences"]:
                continue
            print(
                f"{language:9s} {split:11s} {f['sentences']:9d}  {_pct(f['wer']):6s}  "
                f"{_pct(f['translated']):17s}  {_pct(f['drawn']):12s}  {f['wrong']}"
            )


def _pct(value: float | None) -> str:
    return "-" if value is None else f"{value:.1%}"
