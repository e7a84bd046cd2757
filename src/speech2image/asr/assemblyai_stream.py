"""The loop thread of the AssemblyAI engine: one WebSocket at a time, reconnecting with replay.

:class:`~speech2image.asr.assemblyai.AssemblyAITranscriber` is called from the session's
worker thread; this :class:`AssemblyAIStream` runs an asyncio loop in a thread of its own
that holds the connection. Audio frames and control messages come in through ``outbox``
(bounded: the backpressure), turns go out through ``turns``. A connection that drops is
opened again and the audio since the last final turn is re-sent (bounded by
``max_replay_s``); a failure no reconnect can mend lands in ``failure`` and ends the loop.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import math
import queue
import socket
import threading
from collections.abc import Callable
from typing import Any

from speech2image.asr.assemblyai_options import AssemblyAIOptions, CloudTranscriberError, Secret
from speech2image.asr.assemblyai_protocol import (
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
)
from speech2image.asr.assemblyai_replay import BYTES_PER_SAMPLE, Pace, ReplayBuffer
from speech2image.asr.assemblyai_turns import ReceivedTurn
from speech2image.config import SAMPLE_RATE

logger = logging.getLogger("speech2image.asr.assemblyai")

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


class AssemblyAIStream:
    """The asyncio side of one AssemblyAI session, in a thread of its own.

    Every attribute without an underscore is shared with the caller's thread: the queues
    and events are thread-safe, ``failure`` is written here and read there.
    """

    def __init__(
        self,
        options: AssemblyAIOptions,
        *,
        key: Secret,
        url: str,
        frame_bytes: int,
        notice: Callable[[str], None],
    ) -> None:
        self.options = options
        self._key = key
        self._url = url
        self._frame_bytes = frame_bytes
        self._notice = notice
        self.turns: queue.SimpleQueue[ReceivedTurn] = queue.SimpleQueue()
        self.outbox: queue.Queue[bytes | str] = queue.Queue(
            maxsize=max(1, math.ceil(options.max_queued_audio_s * 1000 / options.frame_ms))
        )
        """Frames and control messages for the loop; bounded, so a full one blocks the insert."""
        self.failure: CloudTranscriberError | None = None
        self.termination: TerminationMessage | None = None
        """The service's ``Termination``, once the session ended gracefully."""
        self.session_ids: list[str] = []
        """The ``Begin`` id of every connection, for support requests."""
        self.connected = threading.Event()
        self.ready = threading.Event()
        self.done = threading.Event()
        # Only the loop thread touches these after start.
        self._replay = ReplayBuffer(max_replay_s=options.max_replay_s)
        self._terminating = False
        self._drop_reason = ""
        self._progressed = False
        self._loop: asyncio.AbstractEventLoop | None = None
        self._main_task: asyncio.Task[None] | None = None
        self._wakeup: asyncio.Event | None = None
        self._thread = threading.Thread(target=self._run, name="assemblyai", daemon=True)

    def start(self) -> None:
        """Start the loop thread, which connects at once."""
        self._thread.start()
        if not self.ready.wait(self.options.connect_timeout_s):
            raise RuntimeError("the AssemblyAI loop thread did not start")

    def wake(self) -> None:
        """Tell the loop that the outbox has something (from the caller's thread)."""
        loop, wakeup = self._loop, self._wakeup
        if loop is None or wakeup is None:
            return
        with contextlib.suppress(RuntimeError):  # the loop already closed: nothing to wake
            loop.call_soon_threadsafe(wakeup.set)

    def stop(self) -> None:
        """Cancel the loop without ending the session gracefully, and wait for the thread."""
        loop, task = self._loop, self._main_task
        if loop is not None and task is not None and not self.done.is_set():
            with contextlib.suppress(RuntimeError):  # the loop closed meanwhile
                loop.call_soon_threadsafe(task.cancel)
        self._thread.join(self.options.connect_timeout_s)

    def _run(self) -> None:
        try:
            asyncio.run(self._main())
        except Exception as e:
            logger.exception("the AssemblyAI loop failed")
            if self.failure is None:
                self.failure = CloudTranscriberError(
                    f"the AssemblyAI client failed: {e!r}", kind="network"
                )
        finally:
            self.ready.set()
            self.done.set()

    async def _main(self) -> None:
        self._loop = asyncio.get_running_loop()
        self._main_task = asyncio.current_task()
        self._wakeup = asyncio.Event()
        self.ready.set()
        try:
            await self._connect_with_retries()
        except CloudTranscriberError as e:
            # Raised to the caller from its next call, which reports it (a session publishes
            # it, a command exits with it): logged here at info so it is said once.
            logger.info("AssemblyAI client stopped: %s", e)
            self.failure = e
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
        from websockets.exceptions import ConnectionClosed

        self._progressed = False
        ws = await self._open()
        opened_at = asyncio.get_running_loop().time()
        try:
            await self._stream(ws)
        except ConnectionClosed as e:
            code = e.rcvd.code if e.rcvd is not None else 1006
            reason = e.rcvd.reason if e.rcvd is not None else ""
            if code == 1000 and self._terminating:
                # Closed normally after Terminate without a Termination: nothing more comes.
                return
            progressed = self._progressed or self._lasted(opened_at) >= _PROGRESS_S
            self._raise_verdict(classify_close(code, reason), code, progressed=progressed)
        except _ServiceError as e:
            # The service closes with the same code right after an Error; acting on the Error
            # does not wait on a close that a broken connection may never deliver.
            error_code = e.message.error_code
            progressed = self._progressed or self._lasted(opened_at) >= _PROGRESS_S
            self._raise_verdict(
                classify_close(error_code, e.message.error), error_code, progressed=progressed
            )
        except TimeoutError as e:
            raise _Retry("AssemblyAI sent no Begin message in time", progressed=False) from e
        finally:
            await _close(ws, graceful=self.termination is not None)

    @staticmethod
    def _lasted(opened_at: float) -> float:
        return asyncio.get_running_loop().time() - opened_at

    async def _open(self) -> Any:
        """Open the WebSocket; a refusal raises its verdict (retry or give up)."""
        from websockets.asyncio.client import connect
        from websockets.exceptions import InvalidHandshake, InvalidStatus

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
        return ws

    async def _stream(self, ws: Any) -> None:
        """Wait for ``Begin``, replay, then send and receive until ``Termination``."""
        from websockets.exceptions import ConnectionClosed

        await self._await_begin(ws)
        replay = self._replay.frames(self._frame_bytes)
        base_s = self._replay.start_s
        self.connected.set()
        if len(self.session_ids) > 1:
            self._report_reconnect(sum(len(f) for f in replay))
        sender = asyncio.create_task(self._send(ws, replay))
        receiver = asyncio.create_task(self._receive(ws, base_s))
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

    def _report_reconnect(self, replay_bytes: int) -> None:
        replay_s = replay_bytes / BYTES_PER_SAMPLE / SAMPLE_RATE
        message = (
            f"{self._drop_reason or 'the connection to AssemblyAI dropped'}; "
            f"reconnected and re-sent {replay_s:.1f} s of audio"
        )
        lost_s = self._replay.take_lost_s()
        if lost_s > 0:
            message += f"; {lost_s:.1f} s of audio from a long turn could not be re-sent"
        self._drop_reason = ""
        self._notice(message)

    async def _send(self, ws: Any, replay: list[bytes]) -> None:
        """Replay the unacknowledged audio, then send what the caller queues."""
        clock = asyncio.get_running_loop().time
        pace = Pace(self.options.pace_lead_s, start_s=clock())
        # 1. Replay: audio since the last final turn.
        for frame in replay:
            await _sleep(pace.delay_s(len(frame), now_s=clock()))
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
            self._replay.keep(item)
            await _sleep(pace.delay_s(len(item), now_s=clock()))
            await ws.send(item)

    async def _next_item(self) -> bytes | str:
        """The next item of the outbox, waiting for the caller's wake-up when it is empty."""
        assert self._wakeup is not None
        while True:
            with contextlib.suppress(queue.Empty):
                return self.outbox.get_nowait()
            self._wakeup.clear()
            # Look again after clearing, or a put between the two would never wake us.
            with contextlib.suppress(queue.Empty):
                return self.outbox.get_nowait()
            await self._wakeup.wait()

    async def _receive(self, ws: Any, offset_s: float) -> None:
        """Pass turns to the caller until ``Termination``; a close raises ``ConnectionClosed``."""
        while True:
            message = self._parse(await ws.recv())
            if isinstance(message, TurnMessage):
                self._progressed = True
                self.turns.put(ReceivedTurn(offset_s, message))
                if (
                    message.end_of_turn
                    and message.words
                    and (message.turn_is_formatted or not self.options.format_turns)
                ):
                    self._replay.acknowledge(offset_s + message.words[-1].end_ms / 1000)
            elif isinstance(message, ErrorMessage):
                raise _ServiceError(message)
            elif isinstance(message, TerminationMessage):
                logger.info(
                    "AssemblyAI session ended: %s s of audio", message.audio_duration_seconds
                )
                self.termination = message
                return


async def _sleep(delay_s: float) -> None:
    if delay_s > 0:
        await asyncio.sleep(delay_s)


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
