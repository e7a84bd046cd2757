"""``bench languages``: the sentence sets, the scoring, and one sentence end to end."""

from __future__ import annotations

import shutil
from collections import Counter
from pathlib import Path

import pytest

from speech2image.bench.language_sentences import SENTENCES, VOICES, SpokenSentence
from speech2image.bench.languages import (
    SentenceFigures,
    chosen_sentences,
    found,
    measure_written,
    singular,
    summarize,
    word_error_rate,
)


def test_every_language_has_fifteen_sentences_a_third_held_out() -> None:
    per_language = Counter(s.language for s in SENTENCES)
    assert set(per_language) == set(VOICES) >= {"es", "de", "fr", "it", "pt"}
    for language, count in per_language.items():
        held = [s for s in SENTENCES if s.language == language and s.held_out]
        assert count >= 15 and len(held) == count // 3, language
    assert all(s.things for s in SENTENCES)


def test_things_are_found_in_any_number_and_by_their_alternatives() -> None:
    assert singular("apples") == "apple" and singular("children") == "child"
    assert singular("glass") == "glass" and singular("boxes") == "box"
    assert found("apple", ["three", "apples"]) and found("bird", ["a", "bird's", "nest"])
    assert found("boat|ship", ["ship"])
    assert found("cup", ["coffee cup"])
    assert not found("dog", ["cat", "table"])


def test_wer_keeps_accented_words_whole() -> None:
    assert word_error_rate("Una casa pequeña.", "una casa pequeña") == 0.0
    assert word_error_rate("Una casa pequeña.", "una casa pequena") == pytest.approx(1 / 3)


def figures(
    language: str, held_out: bool, wer: float, drawn: tuple[str, ...], wrong: tuple[str, ...] = ()
) -> SentenceFigures:
    return SentenceFigures(
        language=language, held_out=held_out, said="uno dos tres cuatro", heard="",
        english="", detected=language, wer=wer, things=("dog", "cat"), translated=drawn,
        drawn=drawn, busy_s=0.1, wrong=wrong,
    )  # fmt: skip


def test_the_summary_keeps_held_out_sentences_apart() -> None:
    rows = [
        figures("es", False, 0.5, ("dog",), wrong=("pound",)),
        figures("es", False, 0.0, ("dog", "cat")),
        figures("es", True, 1.0, ()),
    ]
    summary = summarize(rows)
    assert summary["es"]["development"] == {
        "sentences": 2, "wer": 0.25, "things": 4, "translated": 0.75, "drawn": 0.75,
        "wrong": 1,
    }  # fmt: skip
    assert summary["es"]["held_out"]["drawn"] == 0.0
    assert summary["all"]["held_out"]["sentences"] == 1


def test_a_split_chooses_the_sentences_and_an_unknown_language_none() -> None:
    development = chosen_sentences("es,de", "development")
    held_out = chosen_sentences("es,de", "held-out")
    assert development and held_out
    assert not any(s.held_out for s in development) and all(s.held_out for s in held_out)
    assert {s.language for s in development} == {"es", "de"}
    assert len(chosen_sentences("es,de", "all")) == len(development) + len(held_out)
    assert chosen_sentences("es,xx", "all") == [] and chosen_sentences(" ", "all") == []


def test_the_written_sentences_score_the_glossary_alone() -> None:
    from speech2image.language.glossary import GLOSSARY_META, Glossary

    glossary = Glossary.installed()
    if not (glossary.folder / GLOSSARY_META).is_file():
        pytest.skip("the CLDR glossary is not installed")
    sentence = SpokenSentence("fr", "Le chien dort sous un arbre.", ("dog", "tree"), False)
    row = measure_written(sentence, glossary)
    assert row.drawn == ("dog", "tree") and row.wrong == () and row.wer == 0.0
    wrong = measure_written(SpokenSentence("fr", "Un chien et un chat.", ("dog",), False), glossary)
    assert wrong.drawn == ("dog",) and wrong.wrong == ("cat",)


@pytest.mark.slow
def test_one_spanish_sentence_is_heard_translated_and_drawn(tmp_path: Path) -> None:
    if shutil.which("espeak-ng") is None:
        pytest.skip("needs espeak-ng")
    from speech2image.asr.options import TranscriberOptions
    from speech2image.asr.whisper import WhisperRecognizer
    from speech2image.bench.languages import LanguageBench, say
    from speech2image.config import ComposerOptions
    from speech2image.imaging.compose import ClipArtComposer
    from speech2image.language import SpacySceneBuilder

    sentence = next(s for s in SENTENCES if s.language == "es" and "bread" in s.things)
    recognizer = WhisperRecognizer(TranscriberOptions(asr_model="base", language="auto"))
    composer = ClipArtComposer(ComposerOptions())
    composer.warm_up()
    bench = LanguageBench(recognizer, SpacySceneBuilder(), composer, asr_model="base", detect=False)
    row = bench.measure(sentence, say(sentence.text, VOICES["es"], tmp_path, speed=135))
    assert row.detected == "es" and row.heard and row.english
    assert 0.0 <= row.wer <= 2.0
    assert set(row.drawn) <= set(row.things)
