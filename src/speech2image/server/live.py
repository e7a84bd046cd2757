"""Live sessions of the web app: a pipeline per speaker that outlives a dropped connection.

A :class:`LiveSession` owns the pipeline run, the audio it is fed and an outbox of wire
messages. A WebSocket connection attaches to it, feeds it and drains its outbox; when the
connection drops without a ``stop``, the session waits ``resume_grace_s`` for the page to
reconnect before it finishes on its own. Pictures travel by URL: the latest pictures are
kept in memory here, the finals also go to the session store.

Two faults end or degrade a session here rather than in the connection: a client that stops
reading fills the bounded outbox, and the session then finishes and saves what it heard at
once (it does not wait for the connection to notice); a store that fails (disk full,
folder turned read-only) is reported to the client once, and the session goes on unsaved.
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import logging
import time
from collections import OrderedDict
from collections.abc import Callable
from typing import Any, Protocol

import numpy as np

from speech2image.audio.resample import StreamResampler
from speech2image.audio.sources import PushSource
from speech2image.events import (
    ErrorCode,
    Event,
    FinalTranscript,
    ImageReady,
    PartialTranscript,
    SessionEnded,
    StageFailed,
)
from speech2image.server.options import ServerOptions
from speech2image.session import Session, SessionOptions, Workers

logger = logging.getLogger(__name__)

_OUTBOX_SIZE = 512
_KEPT_PICTURES = 16


class ProtocolViolation(Exception):
    """The client broke the protocol or a limit; an ``error`` with ``code`` and the message
    is sent before closing the connection with ``close_code``."""

    def __init__(self, code: ErrorCode, message: str, *, close_code: int = 1008) -> None:
        super().__init__(message)
        self.code = code
        self.close_code = close_code

    def event(self) -> StageFailed:
        """The ``error`` event the client is sent."""
        return StageFailed("connection", str(self), code=self.code)


class Recorder(Protocol):
    """What a live session needs of the store's recorder
    (:class:`~speech2image.store.recorder.SessionRecorder`): a blocking subscriber that
    also keeps the audio, and says when saving stopped."""

    @property
    def failure(self) -> Exception | None:
        """Why the session is no longer being saved, once it is not."""

    @property
    def audio_failure(self) -> Exception | None:
        """Why the session's audio is no longer being saved, once it is not."""

    def __call__(self, event: Event) -> None: ...

    def append_audio(self, samples: np.ndarray) -> None: ...

    def close(self) -> None: ...


class LiveSession:
    """One speaker's pipeline, fed by WebSocket connections."""

    def __init__(
        self,
        workers: Workers,
        options: ServerOptions,
        *,
        session_id: str | None = None,
        sample_rate: int,
        session_options: SessionOptions,
        recorder: Recorder | None = None,
    ) -> None:
        self.options = options
        self.session = Session(workers, options=session_options, session_id=session_id)
        self.id = self.session.id
        self.source = PushSource()
        self.resampler = StreamResampler(sample_rate)
        self.outbox: asyncio.Queue[Event] = asyncio.Queue(_OUTBOX_SIZE)
        """The events the client is sent, as :meth:`Event.to_wire`."""
        self.pictures: OrderedDict[tuple[int, bool], bytes] = OrderedDict()
        self.draft_version = 0
        self.audio_s = 0.0
        self.started_at = time.monotonic()
        self.connected = True
        self.stopping = False
        self.overflowed = False
        """The client stopped reading: the outbox filled up and the session was stopped."""
        self._reported_failures: set[str] = set()
        self._expiry: asyncio.TimerHandle | None = None
        self._recorder = recorder
        if recorder is not None:
            self.session.subscribe(recorder)  # stored first, so picture URLs resolve
        self.session.subscribe(self._on_event)
        self.task = asyncio.create_task(self.session.run(self.source), name=f"s2i-live-{self.id}")
        self.task.add_done_callback(self._finished)

    def _finished(self, task: asyncio.Task[Any]) -> None:
        if self._recorder is not None:
            self._recorder.close()
        if not task.cancelled() and task.exception() is not None:
            logger.error("session %s failed", self.id, exc_info=task.exception())
            message = "the session failed; it was saved"
            self._send(StageFailed("session", message, code=ErrorCode.SESSION_FAILED))

    # -- input ----------------------------------------------------------------------------

    async def push_audio(self, frame: bytes) -> None:
        """Little-endian PCM16 mono at the session's sample rate."""
        self._check_reading()
        if self.stopping:
            raise ProtocolViolation(ErrorCode.BAD_AUDIO, "audio after stop")
        if len(frame) % 2:
            raise ProtocolViolation(
                ErrorCode.BAD_AUDIO, "audio frames must hold whole 16-bit samples (even length)"
            )
        samples = np.frombuffer(frame, dtype="<i2")
        self.audio_s += samples.size / self.resampler.sample_rate
        elapsed = time.monotonic() - self.started_at
        # A second of slack covers a burst when the page sends what it buffered.
        if self.audio_s > self.options.max_audio_speed * elapsed + 1.0:
            raise ProtocolViolation(
                ErrorCode.AUDIO_TOO_FAST,
                f"audio is arriving faster than {self.options.max_audio_speed:g}x real time; "
                "send it as it is recorded",
            )
        if self.audio_s > self.options.max_session_s:
            raise ProtocolViolation(
                ErrorCode.AUDIO_TOO_LONG,
                f"the session reached its limit of {self.options.max_session_s / 60:.0f} minutes",
            )
        resampled = self.resampler.process(samples)
        if self._recorder is not None and resampled.size:
            self._recorder.append_audio(resampled)
            self._report_storage_failures()
        await self.source.push(resampled)

    async def push_text(self, text: object) -> None:
        self._check_reading()
        if not isinstance(text, str) or not text.strip():
            raise ProtocolViolation(ErrorCode.BAD_TEXT, '"text" must be a non-empty string')
        if len(text) > self.options.max_text_chars:
            raise ProtocolViolation(
                ErrorCode.TEXT_TOO_LONG,
                f"typed text is limited to {self.options.max_text_chars} characters",
            )
        await self.session.submit_text(text)

    async def stop(self) -> None:
        """No more input: finish what was heard; the outbox ends with ``done``."""
        if self.stopping:
            return
        self.stopping = True
        self.cancel_expiry()
        tail = self.resampler.flush()
        if tail.size:
            await self.source.push(tail)
        await self.source.close()

    # -- connection -----------------------------------------------------------------------

    def detach(self, on_expire: Callable[[LiveSession], None]) -> None:
        """The connection dropped: wait for a reconnect, then finish."""
        self.connected = False
        loop = asyncio.get_running_loop()
        self._expiry = loop.call_later(self.options.resume_grace_s, on_expire, self)

    def attach(self) -> None:
        self.cancel_expiry()
        self.connected = True

    def cancel_expiry(self) -> None:
        if self._expiry is not None:
            self._expiry.cancel()
            self._expiry = None

    # -- output ---------------------------------------------------------------------------

    def picture(self, index: int, *, final: bool) -> bytes | None:
        return self.pictures.get((index, final))

    def _keep_picture(self, index: int, final: bool, png: bytes) -> None:
        self.pictures[(index, final)] = png
        self.pictures.move_to_end((index, final))
        while len(self.pictures) > _KEPT_PICTURES:
            self.pictures.popitem(last=False)

    def _check_reading(self) -> None:
        if self.overflowed:
            raise ProtocolViolation(ErrorCode.NOT_READING, "the client is not reading its messages")

    def _report_storage_failures(self) -> None:
        """Tell the client once when its session stops being saved (the recorder logs it)."""
        if self._recorder is None:
            return
        messages = {
            "failure": (
                self._recorder.failure,
                ErrorCode.SAVING_STOPPED,
                "this session is no longer being saved ({}); it goes on, and what was "
                "saved before is kept",
            ),
            "audio_failure": (
                self._recorder.audio_failure,
                ErrorCode.AUDIO_SAVING_STOPPED,
                "the audio of this session is no longer being saved ({}); its "
                "sentences and pictures still are",
            ),
        }
        for name, (failure, code, message) in messages.items():
            if failure is not None and name not in self._reported_failures:
                self._reported_failures.add(name)
                self._send(StageFailed("store", message.format(failure), code=code))

    def _on_event(self, event: Event) -> None:
        self._report_storage_failures()  # the recorder saw this event first
        if isinstance(event, PartialTranscript):
            self._send(event, droppable=True)
        elif isinstance(event, ImageReady):
            self._keep_picture(event.index, event.final, event.png)
            self._send(self._served(event), droppable=not event.final)
        elif isinstance(event, FinalTranscript | StageFailed | SessionEnded):
            self._send(event)

    def _served(self, event: ImageReady) -> ImageReady:
        """The picture with the URL this server serves it at (drafts versioned, so a newer
        draft of one sentence is a new URL to the browser's cache)."""
        if event.final:
            url = f"/api/sessions/{self.id}/images/{event.index}.png"
        else:
            self.draft_version += 1
            url = f"/api/sessions/{self.id}/drafts/{event.index}.png?v={self.draft_version}"
        return dataclasses.replace(event, url=url, png=b"")  # the outbox keeps no pictures

    def _send(self, event: Event, *, droppable: bool = False) -> None:
        if self.overflowed:
            return  # nobody reads them
        try:
            self.outbox.put_nowait(event)
        except asyncio.QueueFull:
            if not droppable:
                self._overflow()

    def _overflow(self) -> None:
        """The client stopped reading: the session ends and is saved now, rather than grow
        without bound or wait for a connection that may be stuck sending (a peer that does
        not read keeps the socket's buffers full, so even a close frame cannot get out)."""
        self.overflowed = True
        logger.warning("session %s: the client is not reading its messages; finishing", self.id)
        while not self.outbox.empty():
            self.outbox.get_nowait()  # the unread messages are the memory to give back
            self.outbox.task_done()  # dropped counts as handled, so outbox.join() holds
        notice = "the client is not reading its messages; the session was stopped and saved"
        self.outbox.put_nowait(StageFailed("connection", notice, code=ErrorCode.NOT_READING))
        task = asyncio.ensure_future(self.stop())
        task.add_done_callback(_log_failure)


def _log_failure(task: asyncio.Future[Any]) -> None:
    if not task.cancelled() and task.exception() is not None:
        logger.error("stopping a session failed", exc_info=task.exception())


class LiveRegistry:
    """The live sessions of one server."""

    def __init__(self, options: ServerOptions) -> None:
        self.options = options
        self.sessions: dict[str, LiveSession] = {}

    def __len__(self) -> int:
        return len(self.sessions)

    def get(self, session_id: str) -> LiveSession | None:
        return self.sessions.get(session_id)

    def add(self, live: LiveSession) -> None:
        self.sessions[live.id] = live
        live.task.add_done_callback(lambda _: self._finished(live))

    def expire(self, live: LiveSession) -> None:
        """Grace period over without a reconnect: finish the session (it stays stored)."""
        logger.info("session %s: no reconnect within grace period; finishing", live.id)
        task = asyncio.ensure_future(live.stop())
        task.add_done_callback(lambda t: t.exception())

    def _finished(self, live: LiveSession) -> None:
        # Keep the pictures reachable a little longer for a page still loading them.
        loop = asyncio.get_event_loop()
        loop.call_later(60.0, lambda: self.sessions.pop(live.id, None))

    async def close(self) -> None:
        for live in list(self.sessions.values()):
            await live.stop()
        for live in list(self.sessions.values()):
            with contextlib.suppress(Exception):
                await asyncio.wait_for(live.task, timeout=30)

    def busy(self) -> bool:
        active = [s for s in self.sessions.values() if not s.task.done()]
        return len(active) >= self.options.max_sessions
