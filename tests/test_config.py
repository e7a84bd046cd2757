"""Options from the environment: one mechanism, by real type, into nested options."""

from __future__ import annotations

from pathlib import Path

import pytest

from speech2image.asr.options import TranscriberOptions, VadOptions
from speech2image.cli import CommandError, build_parser
from speech2image.cli.common import live_transcriber_options, transcriber_options
from speech2image.config import ComposerOptions, from_env, parse_bool
from speech2image.server.options import server_options_from_env
from speech2image.stage import StageTimeouts


@pytest.mark.parametrize("command", ["serve", "listen"])
def test_vad_variable_reaches_live_commands(monkeypatch: pytest.MonkeyPatch, command: str) -> None:
    monkeypatch.setenv("S2I_MIN_SILENCE_DURATION_MS", "400")
    monkeypatch.setenv("S2I_THRESHOLD", "0.6")
    args = build_parser().parse_args([command])
    options = live_transcriber_options(args)
    assert options.vad.min_silence_duration_ms == 400
    assert options.vad.threshold == 0.6


def test_transcribe_flag_beats_the_vad_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("S2I_MIN_SILENCE_DURATION_MS", "400")
    monkeypatch.setenv("S2I_SPEECH_PAD_MS", "120")
    given = build_parser().parse_args(["transcribe", "x.wav", "--min-silence-ms", "700"])
    assert transcriber_options(given).vad.min_silence_duration_ms == 700
    assert transcriber_options(given).vad.speech_pad_ms == 120
    plain = build_parser().parse_args(["transcribe", "x.wav"])
    assert transcriber_options(plain).vad.min_silence_duration_ms == 400


def test_nested_override_is_kept_whole(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("S2I_MIN_SILENCE_DURATION_MS", "400")
    vad = VadOptions(min_silence_duration_ms=900)
    assert from_env(TranscriberOptions, vad=vad).vad is vad


@pytest.mark.parametrize(
    ("raw", "value"),
    [
        *[("1", True), ("TRUE", True), ("yes", True), (" on ", True)],
        *[("0", False), ("False", False), ("no", False), ("off", False)],
    ],
)
def test_bools_parse_strictly(monkeypatch: pytest.MonkeyPatch, raw: str, value: bool) -> None:
    assert parse_bool(raw) is value
    monkeypatch.setenv("S2I_PICTURABLE_HOTWORDS", raw)
    assert from_env(TranscriberOptions).picturable_hotwords is value


@pytest.mark.parametrize("raw", ["flase", "", "2", "y es"])
def test_a_misspelt_bool_names_the_variable(monkeypatch: pytest.MonkeyPatch, raw: str) -> None:
    monkeypatch.setenv("S2I_KEEP_AUDIO", raw)
    with pytest.raises(ValueError, match=r"S2I_KEEP_AUDIO=.* is not a valid bool"):
        server_options_from_env()


def test_bad_numbers_name_the_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("S2I_MIN_SILENCE_DURATION_MS", "half a second")
    with pytest.raises(ValueError, match="S2I_MIN_SILENCE_DURATION_MS='half a second'"):
        from_env(TranscriberOptions)
    monkeypatch.setenv("S2I_MIN_SILENCE_DURATION_MS", "400.5")
    with pytest.raises(ValueError, match="is not a valid int"):
        from_env(VadOptions)
    monkeypatch.setenv("S2I_IMAGE_TIMEOUT_S", "ten")
    with pytest.raises(ValueError, match="S2I_IMAGE_TIMEOUT_S"):
        from_env(StageTimeouts)


def test_the_cli_turns_a_bad_variable_into_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("S2I_NEG_THRESHOLD", "low")
    with pytest.raises(CommandError, match="S2I_NEG_THRESHOLD='low'"):
        live_transcriber_options(build_parser().parse_args(["listen"]))


def test_optional_and_path_fields(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("S2I_PARTIAL_WINDOW_S", "none")
    monkeypatch.setenv("S2I_FINAL_WINDOW_S", "12.5")
    monkeypatch.setenv("S2I_ASSETS_DIR", str(tmp_path))
    options = from_env(TranscriberOptions)
    assert options.partial_window_s is None
    assert options.final_window_s == 12.5
    assert from_env(ComposerOptions).assets_dir == tmp_path


def test_overrides_beat_the_environment_and_none_means_not_given(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("S2I_BEAM_SIZE", "3")
    assert from_env(TranscriberOptions).beam_size == 3
    assert from_env(TranscriberOptions, beam_size=1).beam_size == 1
    assert from_env(TranscriberOptions, beam_size=None).beam_size == 3


def test_one_secret_for_keys_and_tokens() -> None:
    from speech2image.asr.assemblyai_options import Secret as KeySecret
    from speech2image.config import Secret
    from speech2image.server.options import Secret as TokenSecret

    assert KeySecret is Secret and TokenSecret is Secret
    token = Secret(" s3cret ")
    assert token.matches("s3cret") and not token.matches("s3cre") and not token.matches(None)
    assert "s3cret" not in repr(token) + str(token)
    with pytest.raises(ValueError, match="empty"):
        Secret("  ")


def test_variables_are_read_as_spelt_and_folders_expand_the_home(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from speech2image.config import default_data_dir

    monkeypatch.setenv("s2i_beam_size", "3")  # not the variable's name
    assert from_env(TranscriberOptions).beam_size == TranscriberOptions().beam_size
    monkeypatch.setenv("S2I_DATA_DIR", "~/s2i-data")
    assert default_data_dir() == Path.home() / "s2i-data"


def test_a_dataclass_field_named_like_a_pydantic_attribute_is_read(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from dataclasses import dataclass

    @dataclass(frozen=True, kw_only=True)
    class Odd:
        model_config: int = 0
        copy: bool = False

    monkeypatch.setenv("S2I_MODEL_CONFIG", "7")
    monkeypatch.setenv("S2I_COPY", "yes")
    assert from_env(Odd) == Odd(model_config=7, copy=True)
