"""What the app holds for its lifetime: the models, the store and the live sessions."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from speech2image.events import ErrorCode
from speech2image.server.live import LiveRegistry, LiveSession, ProtocolViolation
from speech2image.server.options import ServerOptions
from speech2image.session import SessionOptions, Workers

if TYPE_CHECKING:
    from speech2image.store import SessionStore


def short_repr(value: object, limit: int = 60) -> str:
    """``repr(value)`` cut to ``limit`` characters, for echoing a client's value in an error
    message without sending a megabyte back."""
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


@dataclass(frozen=True)
class Loaded:
    """What the app runs on, loaded once before it serves: the models, the session store
    (``None``: sessions are not kept) and what the page's pickers may offer."""

    workers: Workers
    store: SessionStore | None = None
    choices: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    """Allowed values of the page's pickers, e.g. ``{"style": (...), "pack": (...)}``."""


class AppState:
    """Shared by every request; built once by the app's lifespan."""

    def __init__(
        self,
        options: ServerOptions,
        workers: Workers,
        store: SessionStore | None,
        *,
        choices: Mapping[str, tuple[str, ...]],
        engines: Mapping[str, Any] | None = None,
    ) -> None:
        self.options = options
        self.workers = workers
        self.store = store
        self.choices = dict(choices)
        """Allowed values of the page's pickers, e.g. ``{"style": (...), "pack": (...)}``."""
        self.engines = dict(engines or {})
        self.live = LiveRegistry(options)

    def authorized(self, token: str | None, headers: Mapping[str, str]) -> bool:
        """No token configured (loopback), or the right one in the query or the headers."""
        if self.options.token is None:
            return True
        bearer = headers.get("authorization", "")
        if bearer.lower().startswith("bearer "):
            token = token or bearer[7:].strip()
        return self.options.token.matches(token or headers.get("x-s2i-token"))

    def check_choice(self, name: str, value: object) -> None:
        if value is None or value == "":
            return
        allowed = self.choices.get(name, ())
        if not isinstance(value, str) or value not in allowed:
            raise ProtocolViolation(
                ErrorCode.BAD_OPTION,
                f"{name}={short_repr(value)} is not available; choose one of {allowed}",
            )

    def open_live_session(
        self, *, sample_rate: int, session_options: SessionOptions
    ) -> LiveSession:
        session_id = uuid.uuid4().hex[:12]
        recorder = None
        if self.store is not None:
            recorder = self.store.create(
                session_id=session_id,
                settings={
                    "style": session_options.style,
                    "pack": session_options.pack,
                    "sample_rate": sample_rate,
                },
                source="microphone",
            )
        return LiveSession(
            self.workers,
            self.options,
            session_id=session_id,
            sample_rate=sample_rate,
            session_options=session_options,
            recorder=recorder,
        )
