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

import logging
import queue
import threading
import time

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
    TerminationMessage,
    streaming_url,
)
from speech2image.asr.assemblyai_replay import BYTES_PER_SAMPLE
from speech2image.asr.assemblyai_stream import AssemblyAIStream
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
        self._frame_bytes = options.frame_ms * SAMPLE_RATE // 1000 * BYTES_PER_SAMPLE
        self._carry = bytearray()
        self._mapper = TurnMapper(
            format_turns=options.format_turns, max_sentence_words=options.max_sentence_words
        )
        self._notices: list[str] = []
        self._notices_lock = threading.Lock()
        self._finished = False
        # 2. The loop thread, connecting at once.
        url = streaming_url(
            options.streaming_url,
            sample_rate=SAMPLE_RATE,
            format_turns=options.format_turns,
            speech_model=options.speech_model,
        )
        self._stream = AssemblyAIStream(
            options, key=key, url=url, frame_bytes=self._frame_bytes, notice=self._notice
        )
        self._stream.start()

    @property
    def termination(self) -> TerminationMessage | None:
        """The service's ``Termination``, once :meth:`finish` received it."""
        return self._stream.termination

    @property
    def session_ids(self) -> list[str]:
        """The ``Begin`` id of every connection, for support requests."""
        return self._stream.session_ids

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
        if not self._stream.done.wait(self.options.finish_timeout_s):
            self.close()
            self._stream.failure = CloudTranscriberError(
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
            if self._stream.connected.wait(min(0.05, deadline.left())):
                return True
            if self._stream.done.is_set():
                break
        self._raise_failure()
        return self._stream.connected.is_set()

    def close(self) -> None:
        """Stop at once without ending the session gracefully (cancellation)."""
        self._stream.stop()

    # -- caller-thread helpers ---------------------------------------------------------------

    def _drain(self) -> list[TranscriptEvent]:
        events: list[TranscriptEvent] = []
        while True:
            try:
                received = self._stream.turns.get_nowait()
            except queue.Empty:
                return events
            events.extend(self._mapper.map(received))

    def _raise_failure(self, events: list[TranscriptEvent] | None = None) -> None:
        failure = self._stream.failure
        if failure is None and self._stream.done.is_set() and not self._finished:
            failure = CloudTranscriberError(
                "the AssemblyAI session ended unexpectedly", kind="session"
            )
            self._stream.failure = failure
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
                if self._stream.done.is_set():
                    self._raise_failure()
                    raise CloudTranscriberError("the AssemblyAI session is over", kind="session")
                try:
                    self._stream.outbox.put(item, timeout=min(0.1, max(deadline.left(), 0.001)))
                    break
                except queue.Full:
                    if deadline.passed():
                        self._give_up_blocked()
            self._stream.wake()

    def _give_up_blocked(self) -> None:
        queued_s = self._stream.outbox.qsize() * self.options.frame_ms / 1000
        self._stream.failure = CloudTranscriberError(
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


class _Deadline:
    def __init__(self, seconds: float) -> None:
        self._end = time.monotonic() + seconds

    def left(self) -> float:
        return self._end - time.monotonic()

    def passed(self) -> bool:
        return self.left() <= 0
