"""The opening prompt: given to English passes that have no prompt of their own, never to
other languages, and never said back as if heard (real Whisper tiny.en and base)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from speech2image.asr.options import TranscriberOptions
from speech2image.asr.prompts import OPENING_PROMPT, echoes_prompt, opening_prompt
from speech2image.config import SAMPLE_RATE
from tests.asr.speech import speak


def test_the_prompt_said_back_is_an_echo() -> None:
    assert echoes_prompt(" Pictures of things: a house, a monkey, eight spoons.", OPENING_PROMPT)
    assert echoes_prompt("a monkey, eight spoons", OPENING_PROMPT)


def test_a_few_words_that_the_prompt_also_holds_may_have_been_said() -> None:
    assert not echoes_prompt(" A house.", OPENING_PROMPT)
    assert not echoes_prompt(" Eight spoons.", OPENING_PROMPT)
    assert not echoes_prompt(" A monkey eats eight spoons of rice.", OPENING_PROMPT)


def test_no_prompt_no_echo() -> None:
    assert not echoes_prompt(" Pictures of things.", None)
    assert not echoes_prompt(" Pictures of things.", "")
    assert not echoes_prompt("", OPENING_PROMPT)


class PromptSpy:
    """Records the ``initial_prompt`` of each call of a real model's ``transcribe``."""

    def __init__(self, model) -> None:
        self.model = model
        self.original = model.transcribe
        self.prompts: list[str | None] = []
        model.transcribe = self

    def __call__(self, *args, **kwargs):
        self.prompts.append(kwargs.get("initial_prompt"))
        return self.original(*args, **kwargs)

    def restore(self) -> None:
        self.model.transcribe = self.original


def speech_like(seconds: float) -> np.ndarray:
    """A voiced buzz (not silence), enough for the model to decode something."""
    t = np.arange(int(seconds * SAMPLE_RATE)) / SAMPLE_RATE
    return (0.1 * np.sin(2 * np.pi * 140 * t) * (1 + np.sin(2 * np.pi * 3 * t))).astype(np.float32)


@pytest.mark.slow
def test_english_beam_passes_without_a_prompt_get_the_opening_prompt(whisper) -> None:
    spy = PromptSpy(whisper._model)
    try:
        whisper.recognize(speech_like(1.0), beam_size=5, window_s=10.0)
        whisper.recognize(speech_like(1.0), prompt="The cat sat down.", beam_size=5, window_s=10.0)
        whisper.recognize(speech_like(1.0), beam_size=1, window_s=10.0)  # a partial pass
    finally:
        spy.restore()
    assert spy.prompts == [OPENING_PROMPT, "The cat sat down.", None]


@pytest.mark.slow
def test_the_opening_prompt_can_be_turned_off() -> None:
    from speech2image.asr.whisper import WhisperRecognizer

    recognizer = WhisperRecognizer(TranscriberOptions(opening_prompt=None))
    spy = PromptSpy(recognizer._model)
    try:
        recognizer.recognize(speech_like(1.0), beam_size=5, window_s=10.0)
    finally:
        spy.restore()
    assert spy.prompts == [None]


@pytest.mark.slow
def test_silence_with_the_opening_prompt_is_heard_as_nothing(whisper) -> None:
    from speech2image.asr.passes import heard_words

    quiet = np.random.default_rng(3).normal(0, 0.002, 2 * SAMPLE_RATE).astype(np.float32)
    for audio in (np.zeros(2 * SAMPLE_RATE, dtype=np.float32), quiet):
        segments = whisper.recognize(audio, beam_size=5, window_s=10.0)
        heard = heard_words(segments, offset_s=0.0, options=whisper.options)
        assert heard.words == ()


@pytest.fixture(scope="module")
def whisper_base_es():
    from speech2image.asr.whisper import WhisperRecognizer

    return WhisperRecognizer(TranscriberOptions(asr_model="base", language="es"))


@pytest.mark.slow
def test_other_languages_get_no_english_prompt(whisper_base_es) -> None:
    recognizer = whisper_base_es
    spy = PromptSpy(recognizer._model)
    try:
        recognizer.recognize(speech_like(1.0), beam_size=5, window_s=10.0)
        recognizer.recognize(speech_like(1.0), beam_size=5, window_s=10.0, language="auto")
        recognizer.recognize(speech_like(1.0), beam_size=5, window_s=10.0, language="en")
    finally:
        spy.restore()
    assert spy.prompts == [None, None, OPENING_PROMPT]


def test_the_opening_prompt_is_for_english_passes_only() -> None:
    assert opening_prompt(OPENING_PROMPT, "en") == OPENING_PROMPT
    assert opening_prompt(OPENING_PROMPT, "es") is None
    assert opening_prompt(OPENING_PROMPT, None) is None
    assert opening_prompt("", "en") is None
    assert opening_prompt(None, "en") is None


@pytest.mark.slow
def test_a_translation_does_not_loop(whisper_base_es, tmp_path: Path) -> None:
    """Portuguese that Whisper base hears badly in espeak-ng's voice, which it translated
    as "You are the one who is the one who is ..." until its 448 tokens ran out: no three
    words twice now, and no more than speech of that length could say."""
    pause = np.zeros(SAMPLE_RATE * 3 // 10, dtype=np.float32)
    said = speak(tmp_path, "pt", "Um grande barco navega no mar.", voice="pt")
    audio = np.concatenate([pause, said, pause])
    english = whisper_base_es.translate(audio, language="pt", window_s=10.0)
    words = [w.strip(",.!?") for w in english.lower().split()]
    runs = [tuple(words[i : i + 3]) for i in range(len(words) - 2)]
    assert words
    assert len(runs) == len(set(runs)), english
    assert len(words) <= 16 + 12 * len(audio) / SAMPLE_RATE
