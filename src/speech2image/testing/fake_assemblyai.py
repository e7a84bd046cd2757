"""A fake AssemblyAI Universal-Streaming (v3) server on loopback, for tests and demos.

It is a real WebSocket server (``websockets.asyncio.server``) that speaks the v3 protocol
as :mod:`speech2image.asr.assemblyai_protocol` describes it, so the real client code runs
unchanged against it through ``ASSEMBLYAI_STREAMING_URL``::

    with FakeAssemblyAI(["A red ball.", "Two cats sleep."]).serve_in_thread() as fake:
        monkeypatch.setenv("ASSEMBLYAI_STREAMING_URL", fake.url)
        monkeypatch.setenv("ASSEMBLYAI_API_KEY", fake.api_key)

How it "recognises" speech: it is given the transcripts in advance, and the audio says
which one is spoken. :meth:`FakeAssemblyAI.utterance` gives the audio of transcript ``k``:
a constant sample value ``(k + 1) * 1000`` for ``word_ms`` per word, then silence (zeros).
Any other sample value counts as silence. A word is revealed (in a partial ``Turn``) once
its audio has arrived; the turn ends (an unformatted ``end_of_turn`` Turn, then the
formatted one when the client asked for ``format_turns``) after ``end_silence_ms`` of
silence, when another transcript's audio starts, or at once on ``ForceEndpoint`` or
``Terminate``. Partial turns carry lower-case words without punctuation, like the service.
Because what is heard depends only on the audio, a client that reconnects and re-sends
audio hears the same words again, as it would from the real service.

Faults (:class:`FakeFaults`) imitate what the real service and the network do: a wrong
key closes with 1008 after an ``Error`` frame, a handshake can be refused at the HTTP
layer, a connection can be dropped without a close frame, closed with any code, or read
slowly. Frames shorter than 50 ms or longer than 1000 ms are refused with close code 3007,
as the service does.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import logging
import threading
import time
import uuid
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from http import HTTPStatus
from typing import Any
from urllib.parse import parse_qs, urlsplit

import numpy as np

from speech2image.asr.assemblyai_protocol import RedactingLogger, TurnMessage, TurnWord

logger = logging.getLogger(__name__)

_MIN_FRAME_MS = 50
_MAX_FRAME_MS = 1000
MARKER_STEP = 1000
"""Transcript ``k`` is spoken as the constant sample value ``(k + 1) * MARKER_STEP``."""


@dataclass(frozen=True, kw_only=True)
class FakeFaults:
    """Faults the fake injects; the defaults inject none."""

    reject_http_status: int | None = None
    """Refuse the handshake with this HTTP status (e.g. 401) instead of opening."""
    drop_after_bytes: int | None = None
    """Abort the TCP connection (no close frame) after this many audio bytes on it."""
    drops: int = 1
    """How many connections ``drop_after_bytes`` applies to (the first ones)."""
    close_after_bytes: int | None = None
    """Send an ``Error`` frame and close with ``close_code`` after this many audio bytes."""
    close_code: int = 3008
    """Close code for ``close_after_bytes``."""
    close_reason: str = "Session Expired: Maximum session duration exceeded"
    """Error text and close reason for ``close_after_bytes``."""
    read_delay_s: float = 0.0
    """Sleep after each audio frame: a slow service."""
    stop_reading_after_bytes: int | None = None
    """Stop reading altogether after this many audio bytes: a stalled service."""
    strict_frames: bool = True
    """Refuse frames outside 50 to 1000 ms with close code 3007, as the service does."""


@dataclass(kw_only=True)
class ConnectionRecord:
    """What one connection sent, for tests to check."""

    path: str
    query: dict[str, str]
    authorized: bool
    audio_bytes: int = 0
    frames: int = 0
    controls: list[str] = field(default_factory=list)
    """``type`` of every JSON message received, in order."""


class FakeAssemblyAI:
    """A scriptable fake of the v3 streaming endpoint; see the module docstring."""

    def __init__(
        self,
        transcripts: Sequence[str],
        *,
        api_key: str = "fake-assemblyai-key",
        word_ms: int = 300,
        end_silence_ms: int = 400,
        faults: FakeFaults | None = None,
    ) -> None:
        if word_ms <= 0 or end_silence_ms < 0:
            raise ValueError(f"word_ms={word_ms} must be > 0, end_silence_ms >= 0")
        self.transcripts = list(transcripts)
        self.api_key = api_key
        self.word_ms = word_ms
        self.end_silence_ms = end_silence_ms
        self.faults = faults or FakeFaults()
        self.connections: list[ConnectionRecord] = []
        self.terminated = 0
        """How many sessions ended with ``Terminate`` and got ``Termination``."""
        self._turns_finished = 0
        self._dropped = 0
        self._server: Any = None
        self._stopping: asyncio.Event | None = None
        self._port = 0

    @property
    def url(self) -> str:
        """The ``ws://`` URL to put in ``ASSEMBLYAI_STREAMING_URL``."""
        if not self._port:
            raise RuntimeError("the fake server is not running")
        return f"ws://127.0.0.1:{self._port}/v3/ws"

    @property
    def turns_finished(self) -> int:
        """How many turns have ended, over all connections."""
        return self._turns_finished

    def utterance(self, index: int, *, silence_ms: int | None = None) -> np.ndarray:
        """16 kHz int16 audio that this fake hears as ``transcripts[index]``: its words,
        then ``silence_ms`` (default ``end_silence_ms``) of silence, which ends the turn."""
        if not 0 <= index < len(self.transcripts):
            raise ValueError(
                f"index={index} is not a transcript (0 to {len(self.transcripts) - 1})"
            )
        words = len(self.transcripts[index].split())
        silence_ms = self.end_silence_ms if silence_ms is None else silence_ms
        speech = np.full(words * self.word_ms * 16, (index + 1) * MARKER_STEP, dtype=np.int16)
        return np.concatenate([speech, np.zeros(silence_ms * 16, dtype=np.int16)])

    # -- running ---------------------------------------------------------------------------

    async def start(self) -> None:
        """Listen on 127.0.0.1, on a free port, in the running event loop."""
        from websockets.asyncio.server import serve

        self._stopping = asyncio.Event()
        self._server = await serve(
            self._handle,
            "127.0.0.1",
            0,
            process_request=self._process_request,
            compression=None,
            # Keep keys, right or wrong, out of the log, as the client does.
            logger=RedactingLogger(logging.getLogger(f"{__name__}.server"), self.api_key),
        )
        self._port = next(iter(self._server.sockets)).getsockname()[1]
        logger.debug("fake AssemblyAI listening on %s", self.url)

    async def stop(self) -> None:
        """Close every connection and stop listening."""
        if self._stopping is not None:
            self._stopping.set()
        if self._server is not None:
            self._server.close()
            await self._server.wait_closed()
            self._server = None

    async def __aenter__(self) -> FakeAssemblyAI:
        await self.start()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.stop()

    @contextlib.contextmanager
    def serve_in_thread(self, *, timeout_s: float = 5.0) -> Iterator[FakeAssemblyAI]:
        """Run the server in its own thread and event loop for the ``with`` block."""
        loop = asyncio.new_event_loop()
        thread = threading.Thread(target=loop.run_forever, name="fake-assemblyai", daemon=True)
        thread.start()
        try:
            asyncio.run_coroutine_threadsafe(self.start(), loop).result(timeout_s)
            yield self
        finally:
            with contextlib.suppress(Exception):
                asyncio.run_coroutine_threadsafe(self.stop(), loop).result(timeout_s)
            loop.call_soon_threadsafe(loop.stop)
            thread.join(timeout_s)
            loop.close()

    # -- protocol --------------------------------------------------------------------------

    def _process_request(self, connection: Any, request: Any) -> Any:
        status = self.faults.reject_http_status
        if status is not None:
            return connection.respond(HTTPStatus(status), f"{HTTPStatus(status).phrase}\n")
        return None

    async def _handle(self, ws: Any) -> None:
        from websockets.exceptions import ConnectionClosed

        parts = urlsplit(ws.request.path)
        query = {k: v[-1] for k, v in parse_qs(parts.query).items()}
        key = ws.request.headers.get("Authorization")
        record = ConnectionRecord(path=parts.path, query=query, authorized=key == self.api_key)
        self.connections.append(record)
        if not record.authorized:
            reason = (
                "Unauthorized Connection: Missing Authorization header"
                if not key
                else "Unauthorized Connection: Invalid API key"
            )
            await self._fail(ws, 1008, reason)
            return
        await ws.send(
            json.dumps(
                {"type": "Begin", "id": str(uuid.uuid4()), "expires_at": int(time.time()) + 3600}
            )
        )
        turn = _TurnState(sample_rate=int(query.get("sample_rate", "16000")))
        format_turns = query.get("format_turns", "false") == "true"
        try:
            async for message in ws:
                if isinstance(message, bytes):
                    if not await self._on_audio(ws, record, turn, message, format_turns):
                        return
                    continue
                kind = json.loads(message).get("type", "")
                record.controls.append(kind)
                if kind in ("ForceEndpoint", "Terminate"):
                    await self._end_turn(ws, turn, format_turns)
                if kind == "Terminate":
                    await ws.send(
                        json.dumps(
                            {
                                "type": "Termination",
                                "audio_duration_seconds": round(turn.received_ms / 1000),
                                "session_duration_seconds": round(turn.received_ms / 1000),
                            }
                        )
                    )
                    self.terminated += 1
                    await ws.close(1000)
                    return
        except ConnectionClosed:
            logger.debug("fake AssemblyAI: client went away")

    async def _on_audio(
        self,
        ws: Any,
        record: ConnectionRecord,
        turn: _TurnState,
        frame: bytes,
        format_turns: bool,
    ) -> bool:
        """Take one audio frame; ``False`` when the connection is over."""
        faults = self.faults
        frame_ms = len(frame) / 2 / turn.sample_rate * 1000
        if faults.strict_frames and not _MIN_FRAME_MS <= frame_ms <= _MAX_FRAME_MS:
            reason = (
                f"Input duration violation: {frame_ms:.0f} ms. Expected between "
                f"{_MIN_FRAME_MS} and {_MAX_FRAME_MS} ms"
            )
            await self._fail(ws, 3007, reason)
            return False
        record.audio_bytes += len(frame)
        record.frames += 1
        if (
            faults.drop_after_bytes is not None
            and record.audio_bytes >= faults.drop_after_bytes
            and self._dropped < faults.drops
        ):
            self._dropped += 1
            ws.transport.abort()
            return False
        if faults.close_after_bytes is not None and record.audio_bytes >= faults.close_after_bytes:
            await self._fail(ws, faults.close_code, faults.close_reason)
            return False
        await self._hear(ws, turn, frame, format_turns)
        if faults.read_delay_s:
            await asyncio.sleep(faults.read_delay_s)
        if (
            faults.stop_reading_after_bytes is not None
            and record.audio_bytes >= faults.stop_reading_after_bytes
        ):
            assert self._stopping is not None
            await self._stopping.wait()  # stalled until the server stops
        return True

    async def _hear(self, ws: Any, turn: _TurnState, frame: bytes, format_turns: bool) -> None:
        """Follow the audio run by run: reveal words, end turns after silence."""
        samples = np.frombuffer(frame, dtype="<i2")
        markers = np.where(samples % MARKER_STEP == 0, samples // MARKER_STEP, 0)
        markers = np.where((markers >= 1) & (markers <= len(self.transcripts)), markers, 0)
        cuts = [0, *(np.flatnonzero(np.diff(markers)) + 1).tolist(), len(markers)]
        for begin, end in itertools.pairwise(cuts):
            marker = int(markers[begin])
            run_ms = (end - begin) / turn.sample_rate * 1000
            if marker and marker - 1 != turn.index:
                await self._end_turn(ws, turn, format_turns)
                turn.index, turn.start_ms, turn.heard_ms = marker - 1, turn.received_ms, 0.0
            turn.received_ms += run_ms
            if marker:
                turn.heard_ms += run_ms
                turn.silence_ms = 0.0
                await self._reveal(ws, turn)
            elif turn.index is not None:
                turn.silence_ms += run_ms
                if turn.silence_ms >= self.end_silence_ms:
                    await self._end_turn(ws, turn, format_turns)

    async def _reveal(self, ws: Any, turn: _TurnState) -> None:
        assert turn.index is not None
        tokens = self.transcripts[turn.index].split()
        revealed = min(len(tokens), int(turn.heard_ms // self.word_ms))
        if revealed > turn.revealed:
            turn.revealed = revealed
            await ws.send(self._turn(turn, tokens[:revealed], end=False, formatted=False))

    async def _end_turn(self, ws: Any, turn: _TurnState, format_turns: bool) -> None:
        if turn.index is not None and turn.revealed:
            heard = self.transcripts[turn.index].split()[: turn.revealed]
            await ws.send(self._turn(turn, heard, end=True, formatted=False))
            if format_turns:
                await ws.send(self._turn(turn, heard, end=True, formatted=True))
            self._turns_finished += 1
            turn.order += 1
        turn.index, turn.revealed, turn.heard_ms, turn.silence_ms = None, 0, 0.0, 0.0

    def _turn(self, turn: _TurnState, tokens: list[str], *, end: bool, formatted: bool) -> str:
        texts = tokens if formatted else [_unformatted(t) for t in tokens]
        words = tuple(
            TurnWord(
                text=text,
                start_ms=int(turn.start_ms + i * self.word_ms),
                end_ms=int(turn.start_ms + (i + 1) * self.word_ms - 50),
                confidence=0.9,
                # The service keeps the word still being heard open in a partial turn.
                word_is_final=end or i < len(texts) - 1,
            )
            for i, text in enumerate(texts)
        )
        return TurnMessage(
            turn_order=turn.order,
            transcript=" ".join(texts),
            end_of_turn=end,
            turn_is_formatted=formatted,
            end_of_turn_confidence=0.9 if end else 0.1,
            words=words,
        ).to_json()

    async def _fail(self, ws: Any, code: int, reason: str) -> None:
        from websockets.exceptions import ConnectionClosed

        await ws.send(json.dumps({"type": "Error", "error_code": code, "error": reason}))
        # A close reason is limited to 123 bytes; the service then says to read the Error.
        close_reason = reason if len(reason.encode()) <= 123 else "See Error message for details"
        closing = asyncio.create_task(ws.close(code, close_reason))
        # Drain what the client still sends, or its close frame waits behind unread audio.
        with contextlib.suppress(ConnectionClosed):
            async for _ in ws:
                pass
        await closing


@dataclass
class _TurnState:
    """Where one connection stands: audio heard and the turn in progress."""

    sample_rate: int
    received_ms: float = 0.0
    """Audio received on this connection; word times are on this clock."""
    index: int | None = None
    """The transcript being heard, if any."""
    start_ms: float = 0.0
    heard_ms: float = 0.0
    silence_ms: float = 0.0
    revealed: int = 0
    order: int = 0
    """``turn_order`` of the turn in progress; each connection counts from 0."""


def _unformatted(token: str) -> str:
    return "".join(c for c in token.lower() if c.isalnum() or c == "'")
