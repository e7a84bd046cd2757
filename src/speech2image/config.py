"""Options for each stage: documented dataclasses with units in the names.

Defaults suit the embedded engines on a 2-core laptop. Every option can be overridden from
the environment (``S2I_<FIELD>`` in upper case, e.g. ``S2I_MIN_SILENCE_DURATION_MS=400``) with
:func:`from_env`, and the CLI overrides those in turn. Nested options are read the same way
and with the same prefix (``TranscriberOptions.vad`` from ``S2I_MIN_SILENCE_DURATION_MS``,
``S2I_THRESHOLD``, …); a value that does not parse as the field's type (``S2I_KEEP_AUDIO=flase``)
is a ``ValueError`` naming the variable.

One mechanism reads every variable: pydantic-settings, with a settings model made from each
option dataclass (the variable names are the field names, so the README's names hold). The
options stay frozen dataclasses: the settings model only reads and checks the environment.
:class:`Secret` is the one type for a key or a token.
"""

from __future__ import annotations

import dataclasses
import functools
import os
import secrets
import types
import typing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any, TypeVar

from pydantic import AfterValidator, BeforeValidator, Field, ValidationError, create_model
from pydantic_settings import BaseSettings, SettingsConfigDict

SAMPLE_RATE = 16_000
"""Every stage after the audio source works on 16 kHz mono float32 samples."""


def default_data_dir() -> Path:
    """Where sessions and installed assets live: ``$S2I_DATA_DIR`` or the XDG data folder."""
    env = _env_folder("S2I_DATA_DIR")
    if env is not None:
        return env
    xdg = os.environ.get("XDG_DATA_HOME")
    base = Path(xdg).expanduser() if xdg else Path.home() / ".local" / "share"
    return base / "speech2image"


def default_assets_dir() -> Path:
    """Where ``speech2image assets install`` puts clip-art packs: ``$S2I_ASSETS_DIR`` or
    ``assets/`` beside the XDG data folder (not the session data folder, so a test or a
    user with ``--data-dir`` still finds the installed packs)."""
    env = _env_folder("S2I_ASSETS_DIR")
    if env is not None:
        return env
    xdg = os.environ.get("XDG_DATA_HOME")
    base = Path(xdg).expanduser() if xdg else Path.home() / ".local" / "share"
    return base / "speech2image" / "assets"


@dataclass(frozen=True, kw_only=True)
class VadOptions:
    """Voice activity detection: the Silero VAD that ships inside faster-whisper's wheel."""

    threshold: float = 0.5
    """Speech probability above which a 32 ms window counts as speech."""
    neg_threshold: float = 0.35
    """Probability below which speech is taken to have stopped (hysteresis)."""
    min_speech_duration_ms: int = 200
    """Shorter bursts are dropped as clicks and noise."""
    min_silence_duration_ms: int = 500
    """A pause this long ends an utterance and finalises its last sentence."""
    speech_pad_ms: int = 200
    """Audio kept either side of detected speech so first and last phonemes survive."""


@dataclass(frozen=True, kw_only=True)
class TranscriberOptions:
    """The streaming transcriber over faster-whisper."""

    asr_model: str = "tiny.en"
    """Local Whisper model: ``tiny.en`` (English only, fastest) or ``base`` (multilingual:
    other languages, translated into English for the pictures). See
    :mod:`speech2image.asr.models`."""
    model_path: str | None = None
    """A CTranslate2 Whisper folder to use instead of ``asr_model``'s."""
    compute_type: str = "int8"
    """CTranslate2 compute type; int8 is the fastest on CPUs."""
    cpu_threads: int = 2
    """Threads for one model; the default fits a 2-core machine."""
    beam_size: int = 5
    """Beam size for final passes; partial passes always use greedy decoding."""
    language: str = "en"
    """What the speaker speaks: a Whisper language code (``en``, ``es``, ``de``, ``fr``, …)
    or ``auto`` (detected on each final pass). Other languages than English need a
    multilingual ``asr_model``; their transcript stays in the speaker's language and the
    pictures are drawn from Whisper's English translation."""
    partial_window_s: float | None = 10.0
    """Partial passes encode the audio plus ``window_margin_s``, and at least this many
    seconds, instead of Whisper's fixed 30 s window: about a third of the cost of a pass.
    ``None`` keeps the 30 s window."""
    final_window_s: float | None = 10.0
    """The same for passes whose words become final. On 30 read sentences (138 s) the
    streaming WER was the same with the 10 s and the full 30 s window, and finals came
    twice as fast (docs/benchmarks.md)."""
    window_margin_s: float = 1.0
    prompt_with_recent: bool = True
    """Final passes get the last sentences as Whisper's prompt, for context across
    sentences. Partial passes never do: on 30 read sentences the prompt on every pass
    doubled the recogniser's busy time for 2 points of WER, and on final passes alone it
    keeps most of that gain at little cost (docs/benchmarks.md)."""
    partial_interval_s: float = 0.4
    """How often (seconds of audio) a partial pass runs while speech goes on; 0 turns
    partials off, which a file transcribed as fast as possible uses."""
    busy_partial_interval_s: float = 1.0
    """While other sessions wait for the recogniser, partial passes come this often instead
    of every ``partial_interval_s``, so that everyone's finals go first."""
    sentence_pause_ms: int = 250
    """A pause this long after a complete sentence (closing punctuation on a word that can
    end one) finalises it, without waiting for the end of the utterance."""
    speculative_pause_ms: int = 200
    """A pause this long starts the pass whose words become final if the pause goes on
    long enough (``sentence_pause_ms``, the VAD's ``min_silence_duration_ms`` or
    ``unfinished_pause_ms``, by how finished the words look); speech that resumes first
    drops it. The pass and the picture then run during the pause instead of after it. At
    100 ms the pass ran at every short pause between words (a third more recogniser time)
    and heard the last word worse, with so little of the pause after it."""
    unfinished_pause_ms: int = 1000
    """The pause that ends words which plainly go on ("a cat sitting on the") and one- or
    two-word fragments; shorter pauses inside them do not split the sentence."""
    max_clause_s: float = 7.0
    """A sentence spoken for longer than this without a pause is finalised up to its last
    clause boundary (a comma, or before "and", "because", …) on which two passes agree, so
    a picture comes every few seconds of a run-on sentence. 0 turns it off."""
    pause_beam_size: int = 5
    """Beam size of the pass that finalises a sentence at a pause. Greedy (1) saves about
    0.1 s a sentence but misheard a whole clause of the test recordings (WER 0.36 against
    0.0), so it is not the default."""
    max_sentence_words: int = 25
    """Run-on speech is split at a clause boundary before a sentence passes this length."""
    max_utterance_s: float = 20.0
    """Speech without a pause is cut here so a pass stays bounded (Whisper's window is 30 s)."""
    no_speech_threshold: float = 0.6
    """Whisper's no-speech probability above which a segment is dropped as non-speech."""
    log_prob_threshold: float = -1.0
    """Average log-probability below which a segment is dropped as unreliable."""
    # -- picturable-vocabulary bias (speech2image.asr.bias; figures in docs/benchmarks.md)
    picturable_correction: bool = False
    """Final passes replace unsure words with a picturable near homophone ("I dare" ->
    "a deer") when Whisper scores the corrected text on the same audio within
    ``picturable_margin_nats`` of what it heard. Partial passes are never corrected. Off:
    on the test recordings it fixed one word in 179 and changed no prose, too little to
    tell from its risk."""
    picturable_margin_nats: float = 2.0
    """How much lower (natural-log probability of the whole pass) a picturable correction
    may score than what was heard and still be preferred."""
    picturable_hotwords: bool = False
    """Pass picturable nouns to Whisper as ``hotwords`` on every pass. Off: streaming WER
    of prose went from 6% to 36% and passes became slower than real time."""
    vad: VadOptions = field(default_factory=VadOptions)

    def __post_init__(self) -> None:
        from speech2image.asr.languages import check_language
        from speech2image.asr.models import MULTILINGUAL_MODELS, check_model_name

        check_model_name(self.asr_model)
        multilingual = self.asr_model in MULTILINGUAL_MODELS or self.model_path is not None
        check_language(self.language, multilingual=multilingual)

    @property
    def translates(self) -> bool:
        """Finals carry Whisper's English translation (the speaker may not speak English)."""
        return self.language != "en"


@dataclass(frozen=True, kw_only=True)
class ComposerOptions:
    """The embedded clip-art composer."""

    size_px: int = 512
    """Width and height of each picture."""
    style: str = "flat"
    pack: str = "openmoji"
    seed: int = 0
    assets_dir: Path = field(default_factory=default_assets_dir)


T = TypeVar("T")

_TRUE_WORDS = frozenset({"1", "true", "yes", "on"})
_FALSE_WORDS = frozenset({"0", "false", "no", "off"})


def parse_bool(raw: str) -> bool:
    """``1/true/yes/on`` or ``0/false/no/off`` (any case); anything else is a ``ValueError``
    (a typo such as ``flase`` must not quietly mean false)."""
    word = raw.strip().lower()
    if word in _TRUE_WORDS:
        return True
    if word in _FALSE_WORDS:
        return False
    raise ValueError(f"{raw!r} is not a yes/no value (use 1/0, true/false, yes/no, on/off)")


class Secret:
    """A key or a token that never shows itself: ``repr`` and ``str`` are masked, it cannot
    be pickled (so it cannot end up on disk), and only :meth:`reveal` gives the value."""

    __slots__ = ("_value",)

    def __init__(self, value: str) -> None:
        if not value or not value.strip():
            raise ValueError("a secret must not be empty")
        self._value = value.strip()

    @classmethod
    def from_env(cls, name: str) -> Secret | None:
        """The variable ``name`` as a secret, or ``None`` when it is unset or blank."""
        value = os.environ.get(name, "")
        return cls(value) if value.strip() else None

    def reveal(self) -> str:
        """The value itself; never log or display it."""
        return self._value

    def matches(self, candidate: str | None) -> bool:
        """Whether ``candidate`` is the value, compared in constant time."""
        return candidate is not None and secrets.compare_digest(
            candidate.encode(), self._value.encode()
        )

    def __repr__(self) -> str:
        return "Secret('**********')"

    __str__ = __repr__

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Secret) and secrets.compare_digest(other._value, self._value)

    def __hash__(self) -> int:
        return hash(self._value)

    def __reduce__(self) -> Any:
        raise TypeError("a Secret is not pickled, so it cannot end up on disk")


def _stripped(raw: object) -> object:
    return raw.strip() if isinstance(raw, str) else raw


def _bool_word(raw: object) -> object:
    return parse_bool(raw) if isinstance(raw, str) else raw


def _none_word(raw: object) -> object:
    """An empty value or ``none`` means "no value" for an optional field."""
    return None if isinstance(raw, str) and raw.strip().lower() in ("", "none") else raw


_ENV_TYPES: dict[Any, Any] = {
    int: Annotated[int, BeforeValidator(_stripped)],
    float: Annotated[float, BeforeValidator(_stripped)],
    str: str,
    bool: Annotated[bool, BeforeValidator(_bool_word)],
    Path: Annotated[Path, AfterValidator(Path.expanduser)],
}
"""How a variable of each field type is read; a field of another type (a secret, a dict)
is not read from the environment."""


def _env_type(hint: Any) -> Any | None:
    """The type a field's variable is read as (``T`` or ``T | None``), or ``None``."""
    if hint in _ENV_TYPES:
        return _ENV_TYPES[hint]
    if typing.get_origin(hint) in (typing.Union, types.UnionType):
        members = [a for a in typing.get_args(hint) if a is not type(None)]
        if len(members) == 1 and members[0] in _ENV_TYPES and len(typing.get_args(hint)) == 2:
            return Annotated[_ENV_TYPES[members[0]] | None, BeforeValidator(_none_word)]
    return None


def _nested_options(hint: Any) -> type | None:
    """The option dataclass a field holds (``vad: VadOptions``), else ``None``."""
    return hint if isinstance(hint, type) and dataclasses.is_dataclass(hint) else None


class _Environment(BaseSettings):
    """Reads only the variables its fields name (each field's alias), exactly as spelt."""

    model_config = SettingsConfigDict(case_sensitive=True, extra="ignore", validate_default=False)


@functools.cache
def _settings_model(fields: tuple[tuple[str, str, Any], ...]) -> type[BaseSettings]:
    """A settings model reading variable ``name`` as ``hint``, for each ``(field, name,
    hint)``; its own fields are numbered (``v0``, ...), so that no option's name can clash
    with a pydantic attribute."""
    definitions: dict[str, Any] = {
        f"v{number}": (_env_type(hint), Field(default=None, validation_alias=name))
        for number, (_, name, hint) in enumerate(fields)
    }
    return create_model("Environment", __base__=_Environment, **definitions)


def _read_environment(fields: tuple[tuple[str, str, Any], ...]) -> dict[str, Any]:
    """The values of the variables that are set, by field; a ``ValueError`` names the
    first variable whose value does not parse."""
    try:
        settings = _settings_model(fields)()
    except ValidationError as e:
        error = e.errors()[0]
        location = str(error["loc"][0]) if error["loc"] else ""
        by_field = {f"v{number}": (name, hint) for number, (_, name, hint) in enumerate(fields)}
        by_name = {name: (name, hint) for _, name, hint in fields}
        name, hint = by_field.get(location) or by_name.get(location) or (location, str)
        raw = os.environ.get(name)
        reason = str(error["msg"]).removeprefix("Value error, ")
        raise ValueError(f"{name}={raw!r} is not a valid {_type_name(hint)}: {reason}") from None
    given = settings.model_fields_set
    return {
        field_name: getattr(settings, f"v{number}")
        for number, (field_name, _, _) in enumerate(fields)
        if f"v{number}" in given
    }


def _env_folder(name: str) -> Path | None:
    """A folder named by variable ``name`` (``~`` expanded), or ``None`` when unset."""
    return _read_environment((("folder", name, Path | None),)).get("folder")


def from_env(cls: type[T], prefix: str = "S2I_", **overrides: Any) -> T:
    """Build ``cls`` from its defaults, then ``S2I_*`` variables, then ``overrides``.

    Fields are read by their real type (int, float, str, bool, Path and those or ``None``;
    bools strictly, see :func:`parse_bool`); a field that holds another option dataclass
    (``TranscriberOptions.vad``) is built the same way, from the same prefix, unless it is
    given in ``overrides``. An override of ``None`` means "not given". Raises ``ValueError``
    naming the variable and the value when a value does not parse.
    """
    hints = typing.get_type_hints(cls)
    values: dict[str, Any] = {}
    readable: list[tuple[str, str, Any]] = []
    for f in dataclasses.fields(cls):  # type: ignore[arg-type]
        if not f.init or overrides.get(f.name) is not None:
            continue
        nested = _nested_options(hints[f.name])
        if nested is not None:
            values[f.name] = from_env(nested, prefix)
        elif _env_type(hints[f.name]) is not None:
            readable.append((f.name, f"{prefix}{f.name.upper()}", hints[f.name]))
    values.update(_read_environment(tuple(readable)))
    values.update({k: v for k, v in overrides.items() if v is not None})
    return cls(**values)


def _type_name(hint: Any) -> str:
    """``int``, ``float | None``: the type as a reader would write it."""
    return getattr(hint, "__name__", None) or str(hint).replace("pathlib.", "")
