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
import queue
import socket
import threading
import time
from typing import Any

import numpy as np

from speech2image.asr.assemblyai_options import (
    AssemblyAIOptions,
    CloudTranscriberError,
    Secret,
    assemblyai_configured,
)
from speech2image.asr.assemblyai_protocol import (
    API_KEY_ENV,
    FORCE_ENDPOINT,
    TERMINATE,
    BeginMessage,
    CloseVerdict,
    ErrorMessage,
    RedactingLogger,
    TerminationMessage,
    TurnMessage,
    classify_close,
    classify_http_status,
    parse_server_message,
    streaming_url,
)
from speech2image.asr.assemblyai_turns import ReceivedTurn, TurnMapper, to_pcm16
from speech2image.asr.backend import TranscriptEvent
from speech2image.asr.streaming import as_mono_float32
from speech2image.config import SAMPLE_RATE

__all__ = [
    "AssemblyAIOptions",
    "AssemblyAITranscriber",
    "CloudTranscriberError",
    "ReceivedTurn",
    "Secret",
    "TurnMapper",
    "assemblyai_configured",
    "to_pcm16",
]

logger = logging.getLogger(__name__)

_BYTES_PER_SAMPLE = 2
_MAX_RECONNECT_DELAY_S = 4.0
_PROGRESS_S = 5.0
"""A connection that streamed this long counts as working even without a turn (silence)."""


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
            # Raised to the caller from its next call, which reports it (a session publishes
            # it, a command exits with it): logged here at info so it is said once.
            logger.info("AssemblyAI client stopped: %s", e)
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
