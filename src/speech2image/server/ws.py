"""The ``/ws`` WebSocket protocol (docs/protocol.md).

Each connection runs a reader task (client messages into the live session) and a writer
task (the session's outbox to the client). A protocol violation sends one ``error`` message
and closes that connection and its session; other sessions never notice.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import unicodedata
from asyncio import FIRST_COMPLETED
from typing import Any

from starlette.websockets import WebSocket, WebSocketDisconnect, WebSocketState

from speech2image.audio.resample import check_sample_rate
from speech2image.events import ErrorCode, SessionEnded, SessionStarted
from speech2image.server.limits import message_window, text_window
from speech2image.server.live import LiveRegistry, LiveSession, ProtocolViolation
from speech2image.server.options import ServerOptions
from speech2image.server.state import AppState, short_repr
from speech2image.session import SessionOptions
from speech2image.store.db import StoreError

logger = logging.getLogger(__name__)

CLOSE_NORMAL = 1000
CLOSE_TOO_BIG = 1009
CLOSE_INTERNAL = 1011
CLOSE_TRY_LATER = 1013
CLOSE_REASON_BYTES = 123
FINISH_TIMEOUT_S = 120.0
"""How long a stopped session may take to send its last pictures."""

Message = dict[str, Any]
"""An ASGI WebSocket message: ``{"type": ..., "bytes": ...}`` or ``{"type": ..., "text": ...}``."""


async def live_endpoint(websocket: WebSocket, state: AppState) -> None:
    """Serve one connection from accept to close."""
    if not state.authorized(websocket.query_params.get("token"), websocket.headers):
        await websocket.close(code=1008, reason="a valid token is required")
        return
    await websocket.accept()
    live: LiveSession | None = None
    writer: asyncio.Task[None] | None = None
    limits = _ConnectionLimits(state.options)
    try:
        # 1. The first message starts (or resumes) a session.
        start = _parse(await _receive_text_first(websocket, limits))
        live = await _start(start, state)
        started = SessionStarted(live.id, sentences=len(live.session.summary.sentences))
        await websocket.send_json(started.to_wire())
        writer = asyncio.create_task(_write(websocket, live), name=f"s2i-writer-{live.id}")
        # 2. Audio and typed text until stop or disconnect.
        await _read(websocket, live, limits)
        # 3. Stopped: the writer sends the last pictures, then "done" (or the failure).
        await live.stop()
        await _finish(websocket, live, writer)
    except ProtocolViolation as e:
        await _refuse(websocket, e)
        if live is not None:
            await live.stop()
    except WebSocketDisconnect:
        if live is not None and not live.stopping:
            live.detach(state.live.expire)
    except TimeoutError:
        timeout = "timed out sending the last pictures"
        await _refuse(
            websocket,
            ProtocolViolation(ErrorCode.FINISH_TIMEOUT, timeout, close_code=CLOSE_INTERNAL),
        )
    except Exception:
        # The connection's boundary: a bug here must not leave a session holding one of the
        # max_sessions places, nor reach the client as a traceback.
        logger.exception("connection failed")
        failed = "the server failed on that message; the session was saved"
        await _refuse(
            websocket,
            ProtocolViolation(ErrorCode.SERVER_FAILED, failed, close_code=CLOSE_INTERNAL),
        )
        if live is not None:
            await live.stop()
    finally:
        if writer is not None:
            await _release(writer)


async def _read(websocket: WebSocket, live: LiveSession, limits: _ConnectionLimits) -> None:
    """Feed the session the client's audio and typed text until ``stop``, or until the
    session ends by itself (before ``stop``, only a failure ends it)."""
    while True:
        message = await _receive(websocket, limits)
        if message.get("bytes") is not None:
            await live.push_audio(message["bytes"])
        elif message.get("text") is not None:
            request = _parse(message["text"])
            if request["type"] == "text":
                limits.check_text(request.get("text"))
                await live.push_text(request.get("text"))
            elif request["type"] == "stop":
                await live.stop()
                return
            elif request["type"] == "start":
                raise ProtocolViolation(
                    ErrorCode.ALREADY_STARTED, "the session has already started"
                )
            else:
                raise ProtocolViolation(
                    ErrorCode.UNKNOWN_TYPE,
                    f"unknown message type {short_repr(request['type'])}",
                )
        if live.overflowed:
            raise ProtocolViolation(ErrorCode.NOT_READING, "the client is not reading its messages")
        if live.task.done():  # before "stop", only a failure ends a session
            return


async def _release(writer: asyncio.Task[None]) -> None:
    """Awaited even when done: a writer that met the client's disconnect holds that
    exception, which asyncio would otherwise print as never retrieved."""
    if not writer.done():
        writer.cancel()
    with contextlib.suppress(asyncio.CancelledError, Exception):
        await writer


class _ConnectionLimits:
    """What one connection may send: message size, message rate, typed-text rate, idleness."""

    def __init__(self, options: ServerOptions) -> None:
        self.options = options
        self.messages = message_window(options.max_messages_per_s)
        self.texts = text_window(options.max_texts_per_min)

    def check_message(self, message: Message) -> None:
        """Size in bytes (text counted as UTF-8: 1 MiB of emoji is 4 MiB) and rate."""
        if message.get("bytes") is not None:
            size = len(message["bytes"])
        else:
            size = len(message.get("text", "").encode("utf-8", "surrogatepass"))
        if size > self.options.max_frame_bytes:
            raise ProtocolViolation(
                ErrorCode.MESSAGE_TOO_BIG,
                f"message of {size} bytes is over the {self.options.max_frame_bytes} byte limit",
                close_code=CLOSE_TOO_BIG,
            )
        if not self.messages.allow():
            raise ProtocolViolation(
                ErrorCode.RATE_LIMITED,
                f"more than {self.options.max_messages_per_s:g} messages a second; "
                "send audio as it is recorded",
            )

    def check_text(self, text: object) -> None:
        """Typed sentences: whole Unicode (a JSON escape can smuggle in a lone surrogate,
        which no file, database or reply can hold) and at most so many a minute."""
        if isinstance(text, str) and any("\ud800" <= c <= "\udfff" for c in text):
            raise ProtocolViolation(
                ErrorCode.BAD_TEXT, '"text" must be valid Unicode (it holds a lone surrogate)'
            )
        if isinstance(text, str) and text.strip() and not _has_visible(text):
            # NUL and other control characters are not whitespace to str.strip, yet a
            # sentence of only them is empty to the scene builder.
            raise ProtocolViolation(
                ErrorCode.BAD_TEXT,
                '"text" must be a non-empty string (it holds only control characters)',
            )
        if not self.texts.allow():
            raise ProtocolViolation(
                ErrorCode.RATE_LIMITED,
                f"typed sentences are limited to {self.options.max_texts_per_min} a minute",
            )


async def _start(request: dict[str, Any], state: AppState) -> LiveSession:
    if request["type"] != "start":
        raise ProtocolViolation(
            ErrorCode.NOT_STARTED,
            f'the first message must be "start", got {short_repr(request["type"])}',
        )
    resume = request.get("session")
    if resume is not None:
        live = state.live.get(str(resume))
        if live is None or live.stopping or live.connected:
            raise ProtocolViolation(
                ErrorCode.SESSION_NOT_FOUND,
                "that session can no longer be resumed; start a new one",
            )
        live.attach()
        return live
    if state.live.busy():
        raise ProtocolViolation(
            ErrorCode.SERVER_BUSY,
            f"the server is busy ({state.options.max_sessions} live sessions); try again soon",
            close_code=CLOSE_TRY_LATER,
        )
    try:
        sample_rate = check_sample_rate(request.get("sample_rate", 16_000))
    except ValueError as e:
        raise ProtocolViolation(ErrorCode.BAD_OPTION, str(e)) from e
    style, pack, asr = request.get("style"), request.get("pack"), request.get("asr")
    language = request.get("language")
    state.check_choice("style", style)
    state.check_choice("pack", pack)
    state.check_choice("asr", asr)
    state.check_choice("language", language)
    options = SessionOptions(
        style=style or None, pack=pack or None, asr=asr or None, language=language or None
    )
    try:
        live = state.open_live_session(sample_rate=sample_rate, session_options=options)
    except StoreError as e:  # a full or read-only data folder: say so, not "the server failed"
        raise ProtocolViolation(
            ErrorCode.STORE_UNAVAILABLE,
            f"the session cannot be saved: {e}",
            close_code=CLOSE_TRY_LATER,
        ) from e
    state.live.add(live)
    return live


async def _write(websocket: WebSocket, live: LiveSession) -> None:
    while True:
        event = await live.outbox.get()
        try:
            await websocket.send_json(event.to_wire())
        finally:
            live.outbox.task_done()
        if isinstance(event, SessionEnded):
            return


async def _finish(websocket: WebSocket, live: LiveSession, writer: asyncio.Task[None]) -> None:
    """Close once the writer has sent ``done``; or, when the session failed (it then never
    sends ``done``), once the writer has sent the error the session queued. Before this
    waited for ``done`` alone, and a failed session held its client for two minutes."""
    await asyncio.wait({writer, live.task}, timeout=FINISH_TIMEOUT_S, return_when=FIRST_COMPLETED)
    if live.overflowed:  # its outbox was emptied unread: nothing more to wait for
        raise ProtocolViolation(ErrorCode.NOT_READING, "the client is not reading its messages")
    if not writer.done():
        if not live.task.done():
            raise TimeoutError
        # The session is over: everything it will ever say is in the outbox already.
        await asyncio.wait_for(live.outbox.join(), timeout=FINISH_TIMEOUT_S)
    failed = live.task.done() and (live.task.cancelled() or live.task.exception() is not None)
    if failed:
        await websocket.close(CLOSE_INTERNAL, reason="the session failed; it was saved")
    else:
        await websocket.close(CLOSE_NORMAL)


def _has_visible(text: str) -> bool:
    """Whether ``text`` holds anything but control, format and separator characters."""
    return any(unicodedata.category(c)[0] not in "CZ" for c in text)


async def _next_message(websocket: WebSocket) -> Message:
    """``websocket.receive()`` as a coroutine of :data:`Message`, for ``wait_for``."""
    return dict(await websocket.receive())


async def _receive(websocket: WebSocket, limits: _ConnectionLimits) -> Message:
    """The next message, checked against the limits; a disconnect raises."""
    idle_s = limits.options.idle_timeout_s
    try:
        message = await asyncio.wait_for(_next_message(websocket), timeout=idle_s)
    except TimeoutError:
        raise ProtocolViolation(
            ErrorCode.IDLE_TIMEOUT, f"nothing received for {idle_s:g} s; closing"
        ) from None
    if message["type"] == "websocket.disconnect":
        raise WebSocketDisconnect(message.get("code", 1000))
    limits.check_message(message)
    return message


async def _receive_text_first(websocket: WebSocket, limits: _ConnectionLimits) -> str:
    message = await _receive(websocket, limits)
    if message.get("text") is None:
        raise ProtocolViolation(
            ErrorCode.NOT_STARTED, 'audio before "start": send {"type": "start", ...} first'
        )
    return str(message["text"])


def _parse(text: str) -> dict[str, Any]:
    try:
        request = json.loads(text)
    except json.JSONDecodeError as e:
        raise ProtocolViolation(
            ErrorCode.BAD_MESSAGE, f"malformed JSON ({e.msg} at character {e.pos})"
        ) from e
    except RecursionError as e:  # "[[[[..." a few thousand deep, well under the size limit
        raise ProtocolViolation(ErrorCode.BAD_MESSAGE, "malformed JSON (nested too deeply)") from e
    if not isinstance(request, dict) or not isinstance(request.get("type"), str):
        raise ProtocolViolation(
            ErrorCode.BAD_MESSAGE, 'each text message must be a JSON object with a "type"'
        )
    return request


_REFUSE_TIMEOUT_S = 5.0
"""How long a refusal waits to reach the client before the handler lets go of it."""


async def _refuse(websocket: WebSocket, violation: ProtocolViolation) -> None:
    message = str(violation)
    logger.info("closing a connection: %s", message)
    if websocket.application_state != WebSocketState.CONNECTED:
        return

    async def tell_and_close() -> None:
        await websocket.send_json(violation.event().to_wire())
        await websocket.close(code=violation.close_code, reason=_close_reason(message))

    # A peer that does not read keeps the socket's buffers full: neither the message nor
    # the close frame may ever get out, and the handler must not wait for them for good.
    with contextlib.suppress(Exception):
        await asyncio.wait_for(tell_and_close(), _REFUSE_TIMEOUT_S)


def _close_reason(message: str) -> str:
    """``message`` cut to the 123 bytes of UTF-8 a close frame can carry; a longer reason
    makes the close itself fail, and the client sees the connection drop (1006)."""
    return message.encode("utf-8")[:CLOSE_REASON_BYTES].decode("utf-8", "ignore")


__all__ = ["LiveRegistry", "live_endpoint"]
