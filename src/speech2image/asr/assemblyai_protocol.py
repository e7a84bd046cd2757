"""AssemblyAI Universal-Streaming (v3) wire format: URLs, messages and close codes.

Pure functions and small records, shared by the client in
:mod:`speech2image.asr.assemblyai` and the fake server in
:mod:`speech2image.testing.fake_assemblyai`, so both speak one description of the protocol.

What the protocol looks like (AssemblyAI's v3 streaming reference and the official
``assemblyai`` Python SDK 1.8, ``assemblyai/streaming/v3``):

* The client opens ``wss://streaming.assemblyai.com/v3/ws?sample_rate=16000&encoding=
  pcm_s16le&format_turns=true&speech_model=...`` with the API key as the raw value of the
  ``Authorization`` header (no ``Bearer`` prefix).
* The server sends ``Begin`` (``id``, ``expires_at``), then ``Turn`` messages
  (``turn_order``, ``turn_is_formatted``, ``end_of_turn``, ``transcript``,
  ``end_of_turn_confidence``, ``words``: ``start``/``end`` in milliseconds of the audio
  sent on this connection, ``text``, ``confidence``, ``word_is_final``), and ``Termination``
  (``audio_duration_seconds``, ``session_duration_seconds``) after the client's
  ``{"type": "Terminate"}``.
* The client sends binary PCM frames of 50 to 1000 ms, ``{"type": "ForceEndpoint"}`` to end
  the current turn now, and ``{"type": "Terminate"}``.
* On an error the server sends ``{"type": "Error", "error_code": N, "error": "..."}`` and
  then closes with close code ``N``.

Close codes changed over the service's life, so :func:`classify_close` reads both tables:
the 2025 v3 table (1008 "Unauthorized Connection: ..." for a bad key, the concurrency
limit and account problems; 3005 for session expiry, input violations and server errors)
and the current one (3005 server error, 3006 invalid message, 3007 input duration or rate
violation, 3008 session expired, 3009 too many concurrent sessions), plus the 4xxx codes of
the v2 real-time API that the SDK still maps (4001 not authorised, 4002 insufficient
funds, ...). Whether v3 still sends any 4xxx code is not documented; they are handled in
case it does.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from typing import Any, Literal
from urllib.parse import urlencode, urlsplit, urlunsplit

DEFAULT_STREAMING_URL = "wss://streaming.assemblyai.com/v3/ws"
API_KEY_ENV = "ASSEMBLYAI_API_KEY"
STREAMING_URL_ENV = "ASSEMBLYAI_STREAMING_URL"

TERMINATE = json.dumps({"type": "Terminate"})
FORCE_ENDPOINT = json.dumps({"type": "ForceEndpoint"})

ErrorKind = Literal["auth", "quota", "session", "protocol", "network", "timeout"]
"""Why a cloud session failed: ``auth`` (the key), ``quota`` (the account's balance or
limits), ``session`` (the service ended the session), ``protocol`` (the service rejected
what this client sent), ``network`` (no connection could be kept) or ``timeout`` (the service
did not keep up or did not answer in time). Only ``network`` closes are retried."""


@dataclass(frozen=True, slots=True)
class TurnWord:
    """One word of a ``Turn``; times in milliseconds of the audio sent on the connection."""

    text: str
    start_ms: int
    end_ms: int
    confidence: float = 1.0
    word_is_final: bool = True


@dataclass(frozen=True, slots=True)
class TurnMessage:
    """A ``Turn`` message: the transcript so far of one turn of speech."""

    turn_order: int
    transcript: str
    end_of_turn: bool
    turn_is_formatted: bool
    end_of_turn_confidence: float = 0.0
    words: tuple[TurnWord, ...] = ()

    def to_json(self) -> str:
        """The message as the server sends it."""
        return json.dumps(
            {
                "type": "Turn",
                "turn_order": self.turn_order,
                "turn_is_formatted": self.turn_is_formatted,
                "end_of_turn": self.end_of_turn,
                "transcript": self.transcript,
                "end_of_turn_confidence": self.end_of_turn_confidence,
                "words": [
                    {
                        "start": w.start_ms,
                        "end": w.end_ms,
                        "text": w.text,
                        "confidence": w.confidence,
                        "word_is_final": w.word_is_final,
                    }
                    for w in self.words
                ],
            }
        )


@dataclass(frozen=True, slots=True)
class BeginMessage:
    """``Begin``: the session is open; ``expires_at`` is a Unix time in seconds."""

    session_id: str
    expires_at: float


@dataclass(frozen=True, slots=True)
class TerminationMessage:
    """``Termination``: the session ended after the client's ``Terminate``."""

    audio_duration_seconds: float | None = None
    session_duration_seconds: float | None = None


@dataclass(frozen=True, slots=True)
class ErrorMessage:
    """``Error``: sent just before the server closes with ``error_code`` as close code."""

    error_code: int | None
    error: str


ServerMessage = BeginMessage | TurnMessage | TerminationMessage | ErrorMessage


def streaming_url(
    base_url: str,
    *,
    sample_rate: int,
    format_turns: bool,
    speech_model: str | None,
    extra: dict[str, str] | None = None,
) -> str:
    """``base_url`` with the v3 connection parameters added to its query.

    Parameters already in ``base_url`` are kept (a proxy may need its own); ours follow.
    """
    parts = urlsplit(base_url)
    if parts.scheme not in ("ws", "wss"):
        raise ValueError(f"streaming_url={base_url!r} must start with ws:// or wss://")
    params: dict[str, str] = {
        "sample_rate": str(sample_rate),
        "encoding": "pcm_s16le",
        "format_turns": "true" if format_turns else "false",
    }
    if speech_model:
        params["speech_model"] = speech_model
    params.update(extra or {})
    query = "&".join(q for q in (parts.query, urlencode(params)) if q)
    return urlunsplit((parts.scheme, parts.netloc, parts.path or "/", query, ""))


def parse_server_message(text: str | bytes) -> ServerMessage | None:
    """Parse one text frame from the server; ``None`` for types this client ignores.

    Raises ``ValueError`` for a frame that is not a JSON object or misses a required field.
    """
    try:
        data: Any = json.loads(text)
    except json.JSONDecodeError as e:
        raise ValueError(f"AssemblyAI sent a frame that is not JSON: {e}") from e
    if not isinstance(data, dict):
        raise ValueError(f"AssemblyAI sent JSON that is not an object: {type(data).__name__}")
    kind = data.get("type")
    try:
        if kind == "Turn":
            return TurnMessage(
                turn_order=int(data["turn_order"]),
                transcript=str(data.get("transcript", "")),
                end_of_turn=bool(data["end_of_turn"]),
                turn_is_formatted=bool(data.get("turn_is_formatted", False)),
                end_of_turn_confidence=float(data.get("end_of_turn_confidence", 0.0)),
                words=tuple(
                    TurnWord(
                        text=str(w["text"]),
                        start_ms=int(w["start"]),
                        end_ms=int(w["end"]),
                        confidence=float(w.get("confidence", 1.0)),
                        word_is_final=bool(w.get("word_is_final", True)),
                    )
                    for w in data.get("words") or ()
                ),
            )
        if kind == "Begin":
            return BeginMessage(session_id=str(data["id"]), expires_at=_unix_time(data))
        if kind == "Termination":
            return TerminationMessage(
                audio_duration_seconds=_optional_float(data.get("audio_duration_seconds")),
                session_duration_seconds=_optional_float(data.get("session_duration_seconds")),
            )
        if kind == "Error" or (kind is None and "error" in data):
            code = data.get("error_code")
            return ErrorMessage(
                error_code=int(code) if code is not None else None, error=str(data["error"])
            )
    except (KeyError, TypeError, ValueError) as e:
        raise ValueError(f"AssemblyAI sent a malformed {kind} message: {e!r}") from e
    return None


def _optional_float(value: Any) -> float | None:
    return None if value is None else float(value)


def _unix_time(data: dict[str, Any]) -> float:
    # The reference shows an integer Unix time; the SDK parses it as a datetime, which
    # also accepts ISO strings. Keep whatever number is there and 0 for anything else.
    value = data.get("expires_at")
    return float(value) if isinstance(value, int | float) else 0.0


@dataclass(frozen=True, slots=True)
class CloseVerdict:
    """What a close code means for this client."""

    kind: ErrorKind
    message: str

    @property
    def retry(self) -> bool:
        """Only a network-type close is worth a reconnect; the others would repeat."""
        return self.kind == "network"


_HINT_KEY = "check ASSEMBLYAI_API_KEY"
_HINT_ACCOUNT = "check the account's balance and limits at https://www.assemblyai.com/app"

_V2_CODES: dict[int, tuple[ErrorKind, str]] = {
    4000: ("protocol", "sample rate must be a positive integer"),
    4001: ("auth", "not authorised"),
    4002: ("quota", "insufficient funds"),
    4003: ("quota", "the feature needs a paid account"),
    4004: ("session", "session not found"),
    4008: ("session", "session expired"),
    4010: ("session", "session previously closed"),
    4029: ("protocol", "client sent audio too fast"),
    4030: ("session", "session is handled by another websocket"),
    4031: ("session", "session idle for too long"),
    4032: ("protocol", "audio duration is too short"),
    4033: ("protocol", "audio duration is too long"),
    4034: ("protocol", "audio too small to transcode"),
    4100: ("protocol", "invalid JSON"),
    4101: ("protocol", "invalid message schema"),
    4102: ("quota", "the account has exceeded the number of allowed streams"),
    4103: ("session", "the session was reconnected elsewhere"),
}


def classify_close(code: int | None, reason: str) -> CloseVerdict:
    """Turn a close code and its reason (or the ``Error`` text before it) into a verdict."""
    said = reason.strip() or "no reason given"
    lowered = said.lower()
    where = f"close code {code}: {said}"
    if code in (None, 1000):
        return CloseVerdict("session", f"AssemblyAI ended the session ({where})")
    if code == 1008 or code == 3009:
        if "concurren" in lowered or "too many" in lowered or code == 3009:
            return CloseVerdict(
                "quota", f"AssemblyAI refused the session: too many sessions ({where})"
            )
        if any(w in lowered for w in ("balance", "fund", "credit", "quota", "billing", "paid")):
            return CloseVerdict(
                "quota",
                f"AssemblyAI refused the session for the account ({where}): {_HINT_ACCOUNT}",
            )
        return CloseVerdict("auth", f"AssemblyAI rejected the API key ({where}): {_HINT_KEY}")
    if code == 3008 or (code == 3005 and "expired" in lowered):
        return CloseVerdict("session", f"AssemblyAI session expired ({where})")
    if code in (3006, 3007) or (code == 3005 and ("violation" in lowered or "invalid" in lowered)):
        return CloseVerdict("protocol", f"AssemblyAI rejected the audio or a message ({where})")
    if code is not None and code in _V2_CODES:
        kind, meaning = _V2_CODES[code]
        hint = {"auth": f": {_HINT_KEY}", "quota": f": {_HINT_ACCOUNT}"}.get(kind, "")
        return CloseVerdict(kind, f"AssemblyAI closed the session, {meaning} ({where}){hint}")
    if code is not None and 4000 <= code < 5000:
        return CloseVerdict("session", f"AssemblyAI closed the session ({where})")
    # 1001 going away, 1006 abnormal closure, 1011 internal error, 1012 service restart,
    # 1013 try again later, 3005 "Session Cancelled: An error occurred": worth a reconnect.
    return CloseVerdict("network", f"the connection to AssemblyAI closed ({where})")


def classify_http_status(status: int) -> CloseVerdict:
    """A handshake refused at the HTTP layer (the SDK handles this case too)."""
    where = f"HTTP {status} on connect"
    if status in (401, 403):
        return CloseVerdict("auth", f"AssemblyAI rejected the API key ({where}): {_HINT_KEY}")
    if status in (402, 429):
        return CloseVerdict(
            "quota", f"AssemblyAI refused the session for the account ({where}): {_HINT_ACCOUNT}"
        )
    if status >= 500:
        return CloseVerdict("network", f"AssemblyAI is unavailable ({where})")
    return CloseVerdict("protocol", f"AssemblyAI refused the connection ({where})")


class RedactingLogger(logging.LoggerAdapter[logging.Logger]):
    """A logger for ``websockets`` that keeps credentials out of the log.

    ``websockets`` logs every HTTP header at DEBUG (``"> %s: %s"``), the
    ``Authorization`` header with the API key among them. This adapter replaces the value
    of that header, and ``secret`` wherever else it appears.
    """

    def __init__(self, logger: logging.Logger, secret: str | None = None) -> None:
        super().__init__(logger, {})
        self._secret = secret

    def log(self, level: int, msg: object, *args: object, **kwargs: Any) -> None:
        """Log with credentials replaced in the message and its arguments."""
        safe = list(args)
        if len(safe) >= 2 and str(safe[0]).lower() == "authorization":
            safe[1] = "<redacted>"
        text = str(msg)
        if self._secret:
            secret = self._secret
            safe = [
                a.replace(secret, "<redacted>") if isinstance(a, str) and secret in a else a
                for a in safe
            ]
            text = text.replace(secret, "<redacted>")
        super().log(level, text, *safe, **kwargs)
