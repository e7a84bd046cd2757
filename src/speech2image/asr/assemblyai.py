"""AssemblyAI Universal-Streaming (v3) as a :class:`~speech2image.asr.backend.Transcriber`.

The cloud engine behind ``--asr assemblyai``. It streams 16-bit PCM to AssemblyAI's v3
WebSocket and maps its ``Turn`` messages to the same :class:`PartialTranscript` and
:class:`FinalTranscript` events as the local engine, so nothing downstream can tell which
engine heard the words. The wire format lives in
:mod:`speech2image.asr.assemblyai_protocol`; docs/assemblyai.md describes the behaviour.

Why a small client over ``websockets`` rather than the official ``assemblyai`` SDK (read
at version 1.8.2, ``assemblyai/streaming/v3``):

1. The SDK takes a *host*, not a URL: it always builds ``wss://{host}/v3/ws`` (or
   ``{host}/v3/ws`` for a host given with a scheme), so ``ASSEMBLYAI_STREAMING_URL`` could
   only be honoured for URLs that end in ``/v3/ws`` with no path or query of their own.
2. Its ``stream()`` puts audio on an unbounded queue and becomes a silent no-op after a
   connection drop: there is no backpressure and no reconnect with replay, the two
   behaviours this engine must have.
3. It brings pydantic and httpx; this engine needs only ``websockets`` (the ``assemblyai``
   extra of the project).

Threads: the :class:`Transcriber` protocol is blocking and the session calls it from a
worker thread, so :class:`AssemblyAITranscriber` owns one background thread running an
asyncio loop with the WebSocket. Audio crosses over through a bounded queue (the
backpressure), turns come back through a thread-safe queue that :meth:`process_iter`
drains. The API key never leaves :class:`Secret` except into the ``Authorization``
header, and the header is redacted from ``websockets``' debug log.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import math
import os
import queue
import socket
import threading
import time
from dataclasses import dataclass
from typing import Any

import numpy as np

from speech2image.asr.assemblyai_protocol import (
    API_KEY_ENV,
    DEFAULT_STREAMING_URL,
    FORCE_ENDPOINT,
    STREAMING_URL_ENV,
    TERMINATE,
    BeginMessage,
    CloseVerdict,
    ErrorKind,
    ErrorMessage,
    RedactingLogger,
    TerminationMessage,
    TurnMessage,
    classify_close,
    classify_http_status,
    parse_server_message,
    streaming_url,
)
from speech2image.asr.backend import TranscriptEvent
from speech2image.asr.policy import Word, split_sentences
from speech2image.asr.streaming import as_mono_float32
from speech2image.config import SAMPLE_RATE
from speech2image.events import FinalTranscript, PartialTranscript

logger = logging.getLogger(__name__)

_BYTES_PER_SAMPLE = 2
_MAX_RECONNECT_DELAY_S = 4.0
_PROGRESS_S = 5.0
"""A connection that streamed this long counts as working even without a turn (silence)."""


class Secret:
    """A string that does not show itself: ``repr`` and ``str`` are masked.

    Only :meth:`reveal` gives the value, and only the ``Authorization`` header calls it.
    """

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

    def __repr__(self) -> str:
        return "Secret('**********')"

    __str__ = __repr__

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Secret) and other._value == self._value

    def __hash__(self) -> int:
        return hash(self._value)

    def __reduce__(self) -> Any:
        raise TypeError("a Secret is not pickled, so it cannot end up on disk")


def assemblyai_configured() -> bool:
    """Whether ``ASSEMBLYAI_API_KEY`` is set, so the web app may offer the engine."""
    return Secret.from_env(API_KEY_ENV) is not None


class CloudTranscriberError(RuntimeError):
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
        super().__init__(message)
        self.kind = kind
        self.code = code
        self.events = events


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


@dataclass(frozen=True, slots=True)
class ReceivedTurn:
    """A ``Turn`` and the session time (seconds) at which its connection's clock starts."""

    offset_s: float
    turn: TurnMessage


class TurnMapper:
    """Maps ``Turn`` messages to partial and final events (pure; no I/O, no clock).

    A turn that ended (formatted, when formatting was asked for) becomes one final event
    per sentence, numbered from 0 and never revised; any other turn replaces the partial.
    """

    def __init__(self, *, format_turns: bool = True, max_sentence_words: int = 25) -> None:
        self._format_turns = format_turns
        self._max_sentence_words = max_sentence_words
        self._next_index = 0
        self._last_end_s = 0.0
        self._partial_text = ""
        self._open: ReceivedTurn | None = None

    @property
    def last_end_s(self) -> float:
        """End of the last final sentence, in session seconds."""
        return self._last_end_s

    def map(self, received: ReceivedTurn) -> list[TranscriptEvent]:
        """The events one turn message gives (maybe none)."""
        turn = received.turn
        if turn.end_of_turn and (turn.turn_is_formatted or not self._format_turns):
            self._open = None
            return self._finals(turn.transcript, turn, received.offset_s) + self._clear_partial()
        self._open = received
        # The word still being heard (word_is_final false) is in ``words``; whether the
        # service also puts it in a partial ``transcript`` is not documented, so build the
        # partial text from the words when there are any.
        text = " ".join(w.text for w in turn.words) if turn.words else turn.transcript
        if text == self._partial_text:
            return []
        self._partial_text = text
        start_s = received.offset_s + turn.words[0].start_ms / 1000 if turn.words else 0.0
        return [PartialTranscript(text=text, start_s=max(start_s, self._last_end_s))]

    def flush(self) -> list[TranscriptEvent]:
        """End of audio: a turn that never ended becomes final as last heard."""
        events: list[TranscriptEvent] = []
        if self._open is not None:
            turn = self._open.turn
            text = " ".join(w.text for w in turn.words) if turn.words else turn.transcript
            events = self._finals(text, turn, self._open.offset_s)
            self._open = None
        return events + self._clear_partial()

    def _finals(self, text: str, turn: TurnMessage, offset_s: float) -> list[TranscriptEvent]:
        tokens = text.split()
        if not tokens:
            return []
        words = turn.words
        if len(words) == len(tokens):
            records = [
                Word(
                    " " + token,
                    offset_s + w.start_ms / 1000,
                    offset_s + w.end_ms / 1000,
                    w.confidence,
                )
                for token, w in zip(tokens, words, strict=True)
            ]
            sentences = [
                (s.text, s.start_s, s.end_s)
                for s in split_sentences(records, max_words=self._max_sentence_words)
            ]
        else:
            # Formatting can merge words ("twenty five" -> "25"), so the text no longer lines
            # up with the words: keep the turn whole, with the times of its first and last word.
            start_s = offset_s + words[0].start_ms / 1000 if words else self._last_end_s
            end_s = offset_s + words[-1].end_ms / 1000 if words else self._last_end_s
            sentences = [(" ".join(tokens), start_s, end_s)]
        events: list[TranscriptEvent] = []
        for sentence_text, start_s, end_s in sentences:
            start_s = max(start_s, self._last_end_s)
            end_s = max(end_s, start_s)
            events.append(
                FinalTranscript(
                    index=self._next_index, text=sentence_text, start_s=start_s, end_s=end_s
                )
            )
            self._next_index += 1
            self._last_end_s = end_s
        return events

    def _clear_partial(self) -> list[TranscriptEvent]:
        if not self._partial_text:
            return []
        self._partial_text = ""
        return [PartialTranscript(text="", start_s=self._last_end_s)]


def to_pcm16(samples: np.ndarray) -> bytes:
    """Float samples in [-1, 1] as little-endian 16-bit PCM (int16 input round-trips)."""
    scaled = np.clip(np.round(samples * 32768.0), -32768, 32767)
    return scaled.astype("<i2").tobytes()


class _ServiceError(Exception):
    """The service sent an ``Error`` message: the session is over."""

    def __init__(self, message: ErrorMessage) -> None:
        super().__init__(message.error)
        self.message = message


class _Retry(Exception):
    """A connection ended in a way worth a reconnect."""

    def __init__(self, message: str, *, progressed: bool) -> None:
        super().__init__(message)
        self.progressed = progressed
        """Whether the connection got anywhere (a turn, or a while of streaming) before it
        ended: only then does the count of failed attempts start again."""


def _require_websockets() -> None:
    try:
        import websockets.asyncio.client  # noqa: F401
    except ImportError as e:
        raise RuntimeError(
            "The AssemblyAI engine needs the websockets package: install it with "
            "`pip install 'speech2image[assemblyai]'`."
        ) from e


class AssemblyAITranscriber:
    """Streams audio to AssemblyAI and returns its turns as partial and final events.

    Built with options from :meth:`AssemblyAIOptions.from_env`; it connects at once in
    a background thread. Calls are blocking and belong to one thread (the session's ASR
    worker). A failure that no reconnect can mend raises :class:`CloudTranscriberError`
    from the next call; :meth:`pop_notices` returns what the user should be told about
    problems that were mended (a reconnect).
    """

    def __init__(self, *, options: AssemblyAIOptions | None = None) -> None:
        # 1. Options and key, checked up front.
        options = options or AssemblyAIOptions.from_env()
        key = options.api_key or Secret.from_env(API_KEY_ENV)
        if key is None:
            raise ValueError(
                f"{API_KEY_ENV} is not set: the AssemblyAI engine needs an API key in the "
                "environment (https://www.assemblyai.com/app/api-keys)"
            )
        _require_websockets()
        self.options = options
        self._key = key
        self._url = streaming_url(
            options.streaming_url,
            sample_rate=SAMPLE_RATE,
            format_turns=options.format_turns,
            speech_model=options.speech_model,
        )
        self._frame_bytes = options.frame_ms * SAMPLE_RATE // 1000 * _BYTES_PER_SAMPLE
        self._carry = bytearray()
        self._mapper = TurnMapper(
            format_turns=options.format_turns, max_sentence_words=options.max_sentence_words
        )
        self._turns: queue.SimpleQueue[ReceivedTurn] = queue.SimpleQueue()
        self._notices: list[str] = []
        self._notices_lock = threading.Lock()
        self._failure: CloudTranscriberError | None = None
        self._finished = False
        # State of the asyncio side; only the loop thread touches it after start.
        self._unacked = bytearray()
        self._unacked_start = 0
        """Session sample position of ``_unacked[0]``: audio since the last final turn."""
        self._terminating = False
        self._drop_reason = ""
        self._progressed = False
        self._lost_s = 0.0
        """Audio let go from the replay buffer since the last reconnect notice."""
        self.termination: TerminationMessage | None = None
        """The service's ``Termination``, once :meth:`finish` received it."""
        self.session_ids: list[str] = []
        """The ``Begin`` id of every connection, for support requests."""
        # 2. The loop thread, connecting at once.
        self._loop: asyncio.AbstractEventLoop | None = None
        self._main_task: asyncio.Task[None] | None = None
        self._outbox: queue.Queue[bytes | str] = queue.Queue(
            maxsize=max(1, math.ceil(options.max_queued_audio_s * 1000 / options.frame_ms))
        )
        """Frames and control messages for the loop; bounded, so a full one blocks the insert."""
        self._wakeup: asyncio.Event | None = None
        self._connected = threading.Event()
        self._ready = threading.Event()
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._run, name="assemblyai", daemon=True)
        self._thread.start()
        if not self._ready.wait(self.options.connect_timeout_s):
            raise RuntimeError("the AssemblyAI loop thread did not start")

    def __repr__(self) -> str:
        return f"AssemblyAITranscriber(url={self.options.streaming_url!r}, api_key={self._key!r})"

    # -- the Transcriber protocol ------------------------------------------------------------

    def insert_audio_chunk(self, chunk: np.ndarray) -> None:
        """Queue 16 kHz mono samples for sending, in frames of ``frame_ms``.

        Blocks while ``max_queued_audio_s`` of audio waits (the service or the network is
        slow), and raises :class:`CloudTranscriberError` after ``max_blocked_s``.
        """
        samples = as_mono_float32(chunk)
        if self._finished:
            raise RuntimeError("insert_audio_chunk after finish")
        self._raise_failure()
        self._carry += to_pcm16(samples)
        whole = len(self._carry) // self._frame_bytes * self._frame_bytes
        if whole:
            step = self._frame_bytes
            self._put(*(bytes(self._carry[i : i + step]) for i in range(0, whole, step)))
            del self._carry[:whole]

    def process_iter(self) -> list[TranscriptEvent]:
        """The events of the turns received so far (never blocks)."""
        events = self._drain()
        self._raise_failure(events)
        return events

    def finish(self) -> list[TranscriptEvent]:
        """Send the rest of the audio, end the turn, ``Terminate`` and wait for ``Termination``."""
        if self._finished:
            return []
        self._finished = True
        events = self._drain()
        self._raise_failure(events)
        try:
            # 1. The last partial frame, padded with silence: the service refuses < 50 ms.
            if self._carry:
                self._carry += bytes(self._frame_bytes - len(self._carry))
                self._put(bytes(self._carry))
                self._carry.clear()
            # 2. End the turn now rather than after the service's silence timeout.
            self._put(FORCE_ENDPOINT, TERMINATE)
        except CloudTranscriberError as e:
            e.events = tuple(events) + e.events
            raise
        # 3. Wait (bounded) for the final turns and Termination.
        if not self._done.wait(self.options.finish_timeout_s):
            self.close()
            self._failure = CloudTranscriberError(
                f"AssemblyAI did not confirm the end of the session within "
                f"{self.options.finish_timeout_s:g} s",
                kind="timeout",
            )
        events += self._drain()
        self._raise_failure(events)
        return events + self._mapper.flush()

    # -- beyond the protocol -----------------------------------------------------------------

    def pop_notices(self) -> list[str]:
        """Messages about mended problems since the last call, for the session to show
        (as ``StageFailed(stage="asr", ...)``); they never contain the key."""
        with self._notices_lock:
            notices, self._notices = self._notices, []
        return notices

    def wait_connected(self, timeout_s: float | None = None) -> bool:
        """Block until the first ``Begin`` (``True``) or ``timeout_s``; raises
        :class:`CloudTranscriberError` when the connection failed for good."""
        limit = self.options.connect_timeout_s if timeout_s is None else timeout_s
        deadline = _Deadline(limit)
        while not deadline.passed():
            if self._connected.wait(min(0.05, deadline.left())):
                return True
            if self._done.is_set():
                break
        self._raise_failure()
        return self._connected.is_set()

    def close(self) -> None:
        """Stop at once without ending the session gracefully (cancellation)."""
        loop, task = self._loop, self._main_task
        if loop is not None and task is not None and not self._done.is_set():
            with contextlib.suppress(RuntimeError):  # the loop closed meanwhile
                loop.call_soon_threadsafe(task.cancel)
        self._thread.join(self.options.connect_timeout_s)

    # -- caller-thread helpers ---------------------------------------------------------------

    def _drain(self) -> list[TranscriptEvent]:
        events: list[TranscriptEvent] = []
        while True:
            try:
                received = self._turns.get_nowait()
            except queue.Empty:
                return events
            events.extend(self._mapper.map(received))

    def _raise_failure(self, events: list[TranscriptEvent] | None = None) -> None:
        failure = self._failure
        if failure is None and self._done.is_set() and not self._finished:
            failure = CloudTranscriberError(
                "the AssemblyAI session ended unexpectedly", kind="session"
            )
            self._failure = failure
        if failure is None:
            return
        # Hand over every turn that arrived before the failure, so a fallback loses nothing.
        heard = tuple(events or ()) + tuple(self._drain())
        error = CloudTranscriberError(
            str(failure), kind=failure.kind, code=failure.code, events=heard
        )
        raise error from failure

    def _put(self, *items: bytes | str) -> None:
        """Hand frames or control messages to the loop, blocking while the outbox is full.

        Gives up after ``max_blocked_s`` without progress: the service or the network is
        not keeping up, and blocking longer would only hold up the session.
        """
        for item in items:
            deadline = _Deadline(self.options.max_blocked_s)
            while True:
                if self._done.is_set():
                    self._raise_failure()
                    raise CloudTranscriberError("the AssemblyAI session is over", kind="session")
                try:
                    self._outbox.put(item, timeout=min(0.1, max(deadline.left(), 0.001)))
                    break
                except queue.Full:
                    if deadline.passed():
                        self._give_up_blocked()
            self._wake()

    def _wake(self) -> None:
        loop, wakeup = self._loop, self._wakeup
        if loop is None or wakeup is None:
            return
        with contextlib.suppress(RuntimeError):  # the loop already closed: nothing to wake
            loop.call_soon_threadsafe(wakeup.set)

    def _give_up_blocked(self) -> None:
        queued_s = self._outbox.qsize() * self.options.frame_ms / 1000
        self._failure = CloudTranscriberError(
            f"AssemblyAI is not keeping up: {queued_s:.1f} s of audio waited more than "
            f"{self.options.max_blocked_s:g} s to be sent",
            kind="timeout",
        )
        self.close()
        self._raise_failure()

    def _notice(self, message: str) -> None:
        logger.warning("%s", message)
        with self._notices_lock:
            self._notices.append(message)

    # -- the loop thread ---------------------------------------------------------------------

    def _run(self) -> None:
        try:
            asyncio.run(self._main())
        except Exception as e:
            logger.exception("the AssemblyAI loop failed")
            if self._failure is None:
                self._failure = CloudTranscriberError(
                    f"the AssemblyAI client failed: {e!r}", kind="network"
                )
        finally:
            self._ready.set()
            self._done.set()

    async def _main(self) -> None:
        self._loop = asyncio.get_running_loop()
        self._main_task = asyncio.current_task()
        self._wakeup = asyncio.Event()
        self._ready.set()
        try:
            await self._connect_with_retries()
        except CloudTranscriberError as e:
            logger.error("%s", e)
            self._failure = e
        except asyncio.CancelledError:
            logger.debug("AssemblyAI client cancelled")

    async def _connect_with_retries(self) -> None:
        failures = 0
        delay_s = self.options.reconnect_delay_s
        while True:
            try:
                await self._connection()
                return
            except _Retry as retry:
                if retry.progressed:
                    failures, delay_s = 0, self.options.reconnect_delay_s
                failures += 1
                if failures > self.options.max_reconnects:
                    raise CloudTranscriberError(
                        f"lost the connection to AssemblyAI and could not reconnect "
                        f"({self.options.max_reconnects} attempts): {retry}",
                        kind="network",
                    ) from retry
                self._drop_reason = self._drop_reason or str(retry)
                logger.info("reconnecting to AssemblyAI in %.1f s: %s", delay_s, retry)
                await asyncio.sleep(delay_s)
                delay_s = min(max(delay_s * 2, 0.1), _MAX_RECONNECT_DELAY_S)

    async def _connection(self) -> None:
        """One connection: open, replay, stream until ``Termination``; raises to retry."""
        from websockets.asyncio.client import connect
        from websockets.exceptions import ConnectionClosed, InvalidHandshake, InvalidStatus

        self._progressed = False
        try:
            ws = await connect(
                self._url,
                additional_headers={"Authorization": self._key.reveal()},
                open_timeout=self.options.connect_timeout_s,
                logger=RedactingLogger(
                    logging.getLogger(f"{__name__}.websocket"), self._key.reveal()
                ),
                # The service streams replies only when audio flows; pings notice a dead
                # network in 20 s instead of the kernel's minutes.
                ping_interval=10,
                ping_timeout=10,
                # Closing waits for the service's close frame at most this long (a stalled
                # service would otherwise hold up finish and close for the default 10 s).
                close_timeout=1,
                # PCM does not compress enough to pay for deflate on a 2-core machine.
                compression=None,
            )
        except InvalidStatus as e:
            verdict = classify_http_status(e.response.status_code)
            self._raise_verdict(verdict, e.response.status_code, progressed=False)
        except (InvalidHandshake, OSError, TimeoutError) as e:
            raise _Retry(f"could not connect to AssemblyAI: {e!r}", progressed=False) from e
        sock = ws.transport.get_extra_info("socket")
        if sock is not None:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, self.options.send_buffer_bytes)
        opened_at = asyncio.get_running_loop().time()
        try:
            await self._await_begin(ws)
            replay = self._replay_frames()
            base = self._unacked_start
            self._connected.set()
            if len(self.session_ids) > 1:
                self._report_reconnect(sum(len(f) for f in replay))
            sender = asyncio.create_task(self._send(ws, replay))
            receiver = asyncio.create_task(self._receive(ws, base / SAMPLE_RATE))
            try:
                await asyncio.wait({sender, receiver}, return_when=asyncio.FIRST_EXCEPTION)
                if sender.done() and not sender.cancelled():
                    error = sender.exception()
                    if error is not None and not isinstance(error, ConnectionClosed):
                        raise error
                await receiver
            finally:
                sender.cancel()
                receiver.cancel()
        except ConnectionClosed as e:
            code = e.rcvd.code if e.rcvd is not None else 1006
            reason = e.rcvd.reason if e.rcvd is not None else ""
            if code == 1000 and self._terminating:
                # Closed normally after Terminate without a Termination: nothing more comes.
                return
            lasted_s = asyncio.get_running_loop().time() - opened_at
            progressed = self._progressed or lasted_s >= _PROGRESS_S
            self._raise_verdict(classify_close(code, reason), code, progressed=progressed)
        except _ServiceError as e:
            # The service closes with the same code right after an Error; acting on the Error
            # does not wait on a close that a broken connection may never deliver.
            error_code = e.message.error_code
            lasted_s = asyncio.get_running_loop().time() - opened_at
            progressed = self._progressed or lasted_s >= _PROGRESS_S
            self._raise_verdict(
                classify_close(error_code, e.message.error), error_code, progressed=progressed
            )
        except TimeoutError as e:
            raise _Retry("AssemblyAI sent no Begin message in time", progressed=False) from e
        finally:
            await _close(ws, graceful=self.termination is not None)

    def _raise_verdict(self, verdict: CloseVerdict, code: int | None, *, progressed: bool) -> None:
        if verdict.retry:
            raise _Retry(verdict.message, progressed=progressed)
        raise CloudTranscriberError(verdict.message, kind=verdict.kind, code=code)

    async def _await_begin(self, ws: Any) -> None:
        async with asyncio.timeout(self.options.connect_timeout_s):
            while True:
                message = self._parse(await ws.recv())
                if isinstance(message, BeginMessage):
                    self.session_ids.append(message.session_id)
                    logger.info("AssemblyAI session %s began", message.session_id)
                    return
                if isinstance(message, ErrorMessage):
                    raise _ServiceError(message)

    def _parse(self, raw: str | bytes) -> Any:
        try:
            return parse_server_message(raw)
        except ValueError as e:
            logger.warning("%s", e)
            return None

    def _replay_frames(self) -> list[bytes]:
        """The audio since the last final turn, cut into frames the service accepts."""
        replay = bytes(self._unacked)
        step = self._frame_bytes
        frames = [replay[i : i + step] for i in range(0, len(replay), step)]
        min_bytes = 50 * SAMPLE_RATE // 1000 * _BYTES_PER_SAMPLE
        if frames and len(frames[-1]) < min_bytes:
            tail = frames.pop()
            if frames:
                frames[-1] += tail  # at most frame_ms + 50 ms, within the 1000 ms allowed
            else:
                # Under 50 ms after the last final word: too short to send; let it go.
                self._unacked.clear()
                self._unacked_start += len(tail) // _BYTES_PER_SAMPLE
        return frames

    def _report_reconnect(self, replay_bytes: int) -> None:
        replay_s = replay_bytes / _BYTES_PER_SAMPLE / SAMPLE_RATE
        message = (
            f"{self._drop_reason or 'the connection to AssemblyAI dropped'}; "
            f"reconnected and re-sent {replay_s:.1f} s of audio"
        )
        if self._lost_s > 0:
            message += f"; {self._lost_s:.1f} s of audio from a long turn could not be re-sent"
        self._drop_reason, self._lost_s = "", 0.0
        self._notice(message)

    async def _send(self, ws: Any, replay: list[bytes]) -> None:
        """Replay the unacknowledged audio, then send what the caller queues."""
        pace = _Pace(self.options.pace_lead_s)
        # 1. Replay: audio since the last final turn.
        for frame in replay:
            await pace.wait(len(frame))
            await ws.send(frame)
        if self._terminating:
            await ws.send(FORCE_ENDPOINT)
            await ws.send(TERMINATE)
            return
        # 2. Live audio and control messages.
        while True:
            item = await self._next_item()
            if isinstance(item, str):
                if item == TERMINATE:
                    self._terminating = True
                await ws.send(item)
                if item == TERMINATE:
                    return
                continue
            self._keep(item)
            await pace.wait(len(item))
            await ws.send(item)

    async def _next_item(self) -> bytes | str:
        """The next item of the outbox, waiting for the caller's wake-up when it is empty."""
        assert self._wakeup is not None
        while True:
            with contextlib.suppress(queue.Empty):
                return self._outbox.get_nowait()
            self._wakeup.clear()
            # Look again after clearing, or a put between the two would never wake us.
            with contextlib.suppress(queue.Empty):
                return self._outbox.get_nowait()
            await self._wakeup.wait()

    def _keep(self, frame: bytes) -> None:
        """Remember a frame until a final turn covers it; bounded by ``max_replay_s``."""
        self._unacked += frame
        limit = int(self.options.max_replay_s * SAMPLE_RATE) * _BYTES_PER_SAMPLE
        excess = len(self._unacked) - limit
        if excess > 0:
            del self._unacked[:excess]
            self._unacked_start += excess // _BYTES_PER_SAMPLE
            self._lost_s += excess / _BYTES_PER_SAMPLE / SAMPLE_RATE

    async def _receive(self, ws: Any, offset_s: float) -> None:
        """Pass turns to the caller until ``Termination``; a close raises ``ConnectionClosed``."""
        while True:
            message = self._parse(await ws.recv())
            if isinstance(message, TurnMessage):
                self._progressed = True
                self._turns.put(ReceivedTurn(offset_s, message))
                if (
                    message.end_of_turn
                    and message.words
                    and (message.turn_is_formatted or not self.options.format_turns)
                ):
                    self._acknowledge(offset_s + message.words[-1].end_ms / 1000)
            elif isinstance(message, ErrorMessage):
                raise _ServiceError(message)
            elif isinstance(message, TerminationMessage):
                logger.info(
                    "AssemblyAI session ended: %s s of audio", message.audio_duration_seconds
                )
                self.termination = message
                return

    def _acknowledge(self, end_s: float) -> None:
        """A final turn ended at ``end_s``: audio before it never needs re-sending."""
        cut = min(round(end_s * SAMPLE_RATE) - self._unacked_start, len(self._unacked) // 2)
        if cut > 0:
            del self._unacked[: cut * _BYTES_PER_SAMPLE]
            self._unacked_start += cut


async def _close(ws: Any, *, graceful: bool) -> None:
    """Close ``ws``: a closing handshake after ``Termination``, else (a drop, a stalled
    service, cancellation) abort the TCP connection rather than wait on a peer that may
    never answer."""
    if graceful:
        try:
            async with asyncio.timeout(1.0):
                await ws.close()
            return
        except TimeoutError:
            logger.debug("AssemblyAI did not finish the closing handshake; aborting")
    ws.transport.abort()


class _Pace:
    """Keeps a connection's audio at most ``lead_s`` ahead of real time."""

    def __init__(self, lead_s: float | None) -> None:
        self._lead_s = lead_s
        self._sent_s = 0.0
        self._t0 = asyncio.get_running_loop().time()

    async def wait(self, frame_bytes: int) -> None:
        if self._lead_s is not None:
            elapsed_s = asyncio.get_running_loop().time() - self._t0
            ahead_s = self._sent_s - elapsed_s
            if ahead_s > self._lead_s:
                await asyncio.sleep(ahead_s - self._lead_s)
        self._sent_s += frame_bytes / _BYTES_PER_SAMPLE / SAMPLE_RATE


class _Deadline:
    def __init__(self, seconds: float) -> None:
        self._end = time.monotonic() + seconds

    def left(self) -> float:
        return self._end - time.monotonic()

    def passed(self) -> bool:
        return self.left() <= 0
