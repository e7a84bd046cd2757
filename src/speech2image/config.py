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
