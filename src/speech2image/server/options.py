"""Server options: where it listens, who may use it, and the limits that protect it."""

from __future__ import annotations

import ipaddress
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from speech2image.config import Secret, from_env


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@dataclass(frozen=True, kw_only=True)
class ServerOptions:
    """How ``speech2image serve`` runs, and the limits that keep one client from hurting the
    others. Each field is also read from ``S2I_<FIELD>`` (see :func:`server_options_from_env`)
    and from the ``serve`` flag of the same name; docs/protocol.md lists what each limit does
    to a client that passes it."""

    host: str = "127.0.0.1"
    """Address to bind; anything but loopback requires a token."""
    port: int = 8000
    token: Secret | None = None
    """Access token (``--token`` or ``S2I_TOKEN``), checked by the page, the WebSocket and
    the API."""
    data_dir: Path | None = None
    """Session store folder; ``None`` is the default data folder."""
    keep_audio: bool = True
    """Store each session's audio as it arrives."""
    max_sessions: int = 8
    """Live sessions at once; more get a "server is busy" message. Each live session holds
    a transcriber, so this bounds memory and CPU."""
    max_frame_bytes: int = 1 << 20
    """Largest WebSocket message accepted (1 MiB; the page sends about 3 KiB a frame)."""
    max_audio_speed: float = 4.0
    """Audio arriving faster than this multiple of real time ends the session."""
    max_session_s: float = 3 * 3600
    """Longest audio one session may stream, in seconds."""
    max_text_chars: int = 2_000
    """Longest typed sentence."""
    max_texts_per_min: int = 30
    """Typed sentences one connection may send in any minute; each one costs a final
    picture, and final pictures are never dropped, so a flood would queue without bound."""
    max_messages_per_s: float = 100.0
    """Messages of any kind one connection may send per second on average (the page sends
    10 audio frames a second); bursts of ten seconds' worth pass, so a page that buffered
    audio through a stall can catch up."""
    idle_timeout_s: float = 600.0
    """A connection that sends nothing for this long is closed (its session is saved), so a
    stalled client cannot hold one of the ``max_sessions`` places for ever."""
    max_body_bytes: int = 64 * 1024
    """Largest HTTP request body; the API takes only small JSON bodies (a new title)."""
    resume_grace_s: float = 30.0
    """How long a session whose connection dropped waits for the page to reconnect."""
    extra: dict[str, object] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not is_loopback(self.host) and self.token is None:
            raise ValueError(
                f"host={self.host!r} is reachable from other machines: set a token with "
                "--token or S2I_TOKEN (anyone with it can use the app)"
            )
        if not 0 < self.port < 65536:
            raise ValueError(f"port must be between 1 and 65535, got {self.port}")
        for name, low, high in LIMIT_RANGES:
            _check_range(name, getattr(self, name), low, high)


LIMIT_RANGES: tuple[tuple[str, float, float], ...] = (
    ("max_sessions", 1, 10_000),
    ("max_frame_bytes", 1024, 64 << 20),
    ("max_audio_speed", 1.0, 1000.0),
    ("max_session_s", 1.0, 7 * 24 * 3600),
    ("max_text_chars", 1, 1_000_000),
    ("max_texts_per_min", 1, 100_000),
    ("max_messages_per_s", 1.0, 1_000_000.0),
    ("idle_timeout_s", 1.0, 7 * 24 * 3600),
    ("max_body_bytes", 1024, 1 << 30),
    ("resume_grace_s", 0.0, 24 * 3600),
)
"""Each limit's name and its allowed range. Below the low end the app cannot work (a frame
must hold 30 ms of audio, audio must be allowed at real time); the high end only catches a
typo or a unit slip (minutes for seconds, bytes for KiB) before it disarms a limit."""


def _check_range(name: str, value: object, low: float, high: float) -> None:
    """Raise ``ValueError`` naming the option, its flag and variable, and what is allowed."""
    in_range = (
        isinstance(value, int | float)
        and not isinstance(value, bool)
        and math.isfinite(value)
        and low <= value <= high
    )
    if not in_range:
        flag = "--" + name.replace("_", "-")
        raise ValueError(
            f"{name} ({flag}, S2I_{name.upper()}) must be a number from {low:g} to {high:g}, "
            f"got {value!r}"
        )


def server_options_from_env(**overrides: Any) -> ServerOptions:
    """``ServerOptions`` from its defaults, then ``S2I_*`` variables, then ``overrides``
    (the ``serve`` flags; ``None`` means not given). The token comes from ``S2I_TOKEN``
    unless one is given."""
    overrides.setdefault("token", None)
    if overrides["token"] is None:
        overrides["token"] = token_from_env()
    return from_env(ServerOptions, **overrides)


def token_from_env() -> Secret | None:
    """The access token from ``S2I_TOKEN``, or ``None`` when it is unset or blank."""
    return Secret.from_env("S2I_TOKEN")
