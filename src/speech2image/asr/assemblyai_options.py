"""Options, the API key and the error type of the AssemblyAI engine.

The key comes from ``ASSEMBLYAI_API_KEY`` only and lives in a :class:`Secret`, which never
shows itself; the endpoint comes from ``ASSEMBLYAI_STREAMING_URL``. See docs/assemblyai.md.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any

from speech2image.asr.assemblyai_protocol import (
    API_KEY_ENV,
    DEFAULT_STREAMING_URL,
    STREAMING_URL_ENV,
    ErrorKind,
    streaming_url,
)
from speech2image.asr.backend import TranscriberFailed, TranscriptEvent
from speech2image.config import SAMPLE_RATE, Secret


def assemblyai_configured() -> bool:
    """Whether ``ASSEMBLYAI_API_KEY`` is set, so the web app may offer the engine."""
    return Secret.from_env(API_KEY_ENV) is not None


class CloudTranscriberError(TranscriberFailed):
    """A cloud speech engine failed for good: the key, the account, the session or the network.

    ``kind`` says which (see :data:`~speech2image.asr.assemblyai_protocol.ErrorKind`),
    ``code`` is the close code or HTTP status when there was one, and ``events`` holds the
    transcript events that arrived before the failure and were not returned yet, so a
    fallback loses nothing. The message never contains the API key.
    """

    def __init__(
        self,
        message: str,
        *,
        kind: ErrorKind,
        code: int | None = None,
        events: tuple[TranscriptEvent, ...] = (),
    ) -> None:
        super().__init__(message, events=events)
        self.kind = kind
        self.code = code


@dataclass(frozen=True, kw_only=True)
class AssemblyAIOptions:
    """The AssemblyAI engine. :meth:`from_env` reads the two environment variables."""

    api_key: Secret | None = None
    """From ``ASSEMBLYAI_API_KEY`` only (never a command-line flag); ``None`` reads the
    variable when the transcriber is built."""
    streaming_url: str = DEFAULT_STREAMING_URL
    """The v3 endpoint (``ASSEMBLYAI_STREAMING_URL``); ``ws://`` is allowed for tests and
    proxies. The connection parameters are added to its query."""
    speech_model: str | None = "universal-streaming-english"
    """Sent as ``speech_model``. Recent API references list it as required; ``None``
    leaves it out for endpoints that reject it."""
    format_turns: bool = True
    """Ask for punctuated, cased turns; a turn becomes final when its formatted version
    arrives. Without it, the unformatted end of turn is final."""
    frame_ms: int = 50
    """Audio per binary frame; the service accepts 50 to 1000 ms and suggests 50."""
    max_queued_audio_s: float = 5.0
    """Audio waiting to be sent before :meth:`~AssemblyAITranscriber.insert_audio_chunk`
    blocks (the backpressure bound; it also rides out a short reconnect)."""
    max_blocked_s: float = 10.0
    """How long an insert may block on a full queue before the engine gives up with a
    ``timeout`` :class:`CloudTranscriberError`."""
    pace_lead_s: float | None = 2.0
    """Send at most this far ahead of real time on a connection. The service closes a
    session that receives audio faster than real time (3007, "Audio Transmission Rate
    Exceeded"); its exact tolerance is not documented. ``None`` sends as fast as the
    network takes it (tests against the fake)."""
    max_replay_s: float = 30.0
    """Audio kept since the last final turn, re-sent after a reconnect; older audio in a
    longer turn is let go (and the loss reported)."""
    max_reconnects: int = 5
    """Consecutive failed connection attempts before the engine gives up."""
    reconnect_delay_s: float = 0.5
    """Wait before the first reconnect; doubled after each failure, up to 4 s."""
    connect_timeout_s: float = 10.0
    """Limit for the handshake and the ``Begin`` message."""
    finish_timeout_s: float = 15.0
    """Limit for :meth:`~AssemblyAITranscriber.finish`: send the queued audio, end the
    turn and receive ``Termination``."""
    send_buffer_bytes: int = 64 * 1024
    """The socket's send buffer (about 2 s of audio). Left to the kernel it grows to
    megabytes, minutes of audio queued unseen behind a slow network; kept small, a slow
    service blocks the insert within seconds instead."""
    max_sentence_words: int = 25
    """A turn is split into sentences; run-ons longer than this are cut at a clause."""

    def __post_init__(self) -> None:
        checks: list[tuple[str, Any, bool, str]] = [
            ("frame_ms", self.frame_ms, 50 <= self.frame_ms <= 500, "50 to 500"),
            ("max_queued_audio_s", self.max_queued_audio_s, self.max_queued_audio_s > 0, "> 0"),
            ("max_blocked_s", self.max_blocked_s, self.max_blocked_s > 0, "> 0"),
            (
                "pace_lead_s",
                self.pace_lead_s,
                self.pace_lead_s is None or self.pace_lead_s >= 0,
                ">= 0 or None",
            ),
            ("max_replay_s", self.max_replay_s, self.max_replay_s >= 0, ">= 0"),
            ("max_reconnects", self.max_reconnects, self.max_reconnects >= 0, ">= 0"),
            ("reconnect_delay_s", self.reconnect_delay_s, self.reconnect_delay_s >= 0, ">= 0"),
            ("connect_timeout_s", self.connect_timeout_s, self.connect_timeout_s > 0, "> 0"),
            ("finish_timeout_s", self.finish_timeout_s, self.finish_timeout_s > 0, "> 0"),
            (
                "send_buffer_bytes",
                self.send_buffer_bytes,
                self.send_buffer_bytes >= 4096,
                ">= 4096",
            ),
            ("max_sentence_words", self.max_sentence_words, self.max_sentence_words >= 2, ">= 2"),
        ]
        for name, value, ok, allowed in checks:
            if not ok:
                raise ValueError(f"{name}={value!r} is not allowed: it must be {allowed}")
        # Raises ValueError naming streaming_url for a scheme other than ws:// or wss://.
        streaming_url(
            self.streaming_url, sample_rate=SAMPLE_RATE, format_turns=True, speech_model=None
        )

    @classmethod
    def from_env(cls, **overrides: Any) -> AssemblyAIOptions:
        """Options with the key from ``ASSEMBLYAI_API_KEY`` and the endpoint from
        ``ASSEMBLYAI_STREAMING_URL`` (when set); ``overrides`` replace other fields, ``None``
        included (``pace_lead_s=None`` turns pacing off), so pass only the options given."""
        if "api_key" in overrides:
            raise ValueError("api_key comes from ASSEMBLYAI_API_KEY only")
        url = os.environ.get(STREAMING_URL_ENV, "").strip() or DEFAULT_STREAMING_URL
        values: dict[str, Any] = {"api_key": Secret.from_env(API_KEY_ENV), "streaming_url": url}
        values.update(overrides)
        return cls(**values)
