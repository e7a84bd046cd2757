"""``--language`` and ``--asr-model``: the values allowed, checked before anything loads."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from speech2image.asr.languages import WHISPER_LANGUAGES, check_language
from speech2image.asr.options import TranscriberOptions
from speech2image.config import from_env


def test_the_codes_are_whispers() -> None:
    from faster_whisper.tokenizer import _LANGUAGE_CODES

    # yue is large-v3's alone; tiny and base know the other 99.
    assert set(WHISPER_LANGUAGES) == set(_LANGUAGE_CODES) - {"yue"}
    assert len(WHISPER_LANGUAGES) == 99


def test_languages_are_checked() -> None:
    check_language("auto", multilingual=True)
    check_language("es", multilingual=True)
    check_language("en", multilingual=False)
    with pytest.raises(ValueError, match="language='klingon' is not a language Whisper knows"):
        check_language("klingon", multilingual=True)
    with pytest.raises(ValueError, match=r"tiny\.en knows English only; use --asr-model base"):
        check_language("de", multilingual=False)
    with pytest.raises(ValueError, match="needs a multilingual model"):
        check_language("auto", multilingual=False)


def test_options_check_model_and_language() -> None:
    assert TranscriberOptions(asr_model="base", language="fr").translates
    assert not TranscriberOptions().translates
    with pytest.raises(ValueError, match="asr_model='large'"):
        TranscriberOptions(asr_model="large")
    with pytest.raises(ValueError, match="language='es'"):
        TranscriberOptions(asr_model="tiny.en", language="es")


def test_environment_names(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("S2I_ASR_MODEL", "base")
    monkeypatch.setenv("S2I_LANGUAGE", "auto")
    options = from_env(TranscriberOptions)
    assert (options.asr_model, options.language) == ("base", "auto")


@pytest.mark.parametrize(
    ("flags", "expected"),
    [
        (["--asr-model", "huge"], "asr_model='huge' is not a speech model"),
        (["--language", "xx"], "language='xx' is not a language Whisper knows"),
        (["--asr-model", "tiny.en", "--language", "es"], "tiny.en knows English only"),
    ],
)
@pytest.mark.slow  # the CLI in subprocesses
@pytest.mark.parametrize("command", ["transcribe", "run"])
def test_bad_values_are_one_line_and_exit_2(
    command: str, flags: list[str], expected: str, three_sentences: Path
) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "speech2image", command, str(three_sentences), *flags],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert expected in lines[0]


def test_a_bad_environment_value_is_one_line(three_sentences: Path) -> None:
    import os

    env = {**os.environ, "S2I_ASR_MODEL": "medium"}
    result = subprocess.run(
        [sys.executable, "-m", "speech2image", "transcribe", str(three_sentences)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env=env,
    )
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        "speech2image transcribe: asr_model='medium' is not a speech model; "
        "choose one of ('tiny.en', 'base')"
    ]
