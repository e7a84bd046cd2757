"""Server options: where it listens, who may use it, and the limits that protect it."""

from __future__ import annotations

import ipaddress
import os
import secrets
from dataclasses import dataclass, field
from pathlib import Path


class Secret:
    """A string that never shows itself in reprs, logs or tracebacks (Starlette's idea)."""

    def __init__(self, value: str) -> None:
        self._value = value

    def reveal(self) -> str:
        return self._value

    def matches(self, candidate: str | None) -> bool:
        """Constant-time comparison."""
        return candidate is not None and secrets.compare_digest(
            candidate.encode(), self._value.encode()
        )

    def __repr__(self) -> str:
        return "Secret('**********')"

    __str__ = __repr__


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@dataclass(frozen=True, kw_only=True)
class ServerOptions:
    """How ``speech2image serve`` runs."""

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
    """Live sessions at once; more get a "server is busy" message."""
    max_frame_bytes: int = 1 << 20
    """Largest WebSocket message accepted (1 MiB)."""
    max_audio_speed: float = 4.0
    """Audio arriving faster than this multiple of real time ends the session."""
    max_session_s: float = 3 * 3600
    """Longest audio one session may stream, in seconds."""
    max_text_chars: int = 2_000
    """Longest typed sentence."""
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
        if self.max_sessions < 1:
            raise ValueError(f"max_sessions must be at least 1, got {self.max_sessions}")


def token_from_env() -> Secret | None:
    value = os.environ.get("S2I_TOKEN")
    return Secret(value) if value else None
