"""Audio sources: where a session's 16 kHz mono samples come from.

Every source is an async iterable of float32 chunks. A file can be replayed at real-time
pace (as a live session would hear it) or as fast as the pipeline takes it; the web server
pushes chunks as they arrive from the browser.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Protocol

import numpy as np

from speech2image.audio.decode import decode_file
from speech2image.config import SAMPLE_RATE


class AudioSource(Protocol):
    """Yields chunks of 16 kHz mono float32 samples until the audio ends."""

    def chunks(self) -> AsyncIterator[np.ndarray]:
        """The chunks, in order."""
        ...


class ArraySource:
    """Samples already in memory, cut into ``chunk_ms`` chunks.

    With ``realtime`` the chunks are paced by the wall clock, as a microphone would deliver
    them; otherwise they are yielded as fast as the consumer takes them.
    """

    def __init__(self, samples: np.ndarray, *, chunk_ms: int = 100, realtime: bool = False) -> None:
        if not 10 <= chunk_ms <= 1000:
            raise ValueError(f"chunk_ms must be between 10 and 1000, got {chunk_ms}")
        self.samples = samples
        self.chunk_ms = chunk_ms
        self.realtime = realtime

    @property
    def duration_s(self) -> float:
        return len(self.samples) / SAMPLE_RATE

    async def chunks(self) -> AsyncIterator[np.ndarray]:
        step = SAMPLE_RATE * self.chunk_ms // 1000
        started = time.monotonic()
        for offset in range(0, len(self.samples), step):
            if self.realtime:
                # Deliver each chunk when its last sample would have been spoken.
                due = started + (offset + step) / SAMPLE_RATE
                await asyncio.sleep(max(0.0, due - time.monotonic()))
            else:
                await asyncio.sleep(0)  # let the other stages run between chunks
            yield self.samples[offset : offset + step]


class FileSource(ArraySource):
    """An audio file of any format PyAV reads, decoded up front (so bad files fail early)."""

    def __init__(self, path: str | Path, *, chunk_ms: int = 100, realtime: bool = False) -> None:
        self.path = Path(path)
        super().__init__(decode_file(self.path), chunk_ms=chunk_ms, realtime=realtime)


class PushSource:
    """Chunks pushed by another task (the web server), ended by :meth:`close`."""

    def __init__(self, *, max_chunks: int = 256) -> None:
        self._queue: asyncio.Queue[np.ndarray | None] = asyncio.Queue(maxsize=max_chunks)

    async def push(self, chunk: np.ndarray) -> None:
        """Add a chunk; waits while ``max_chunks`` are queued (backpressure)."""
        await self._queue.put(chunk)

    async def close(self) -> None:
        """No more audio: the session finishes what it has heard."""
        await self._queue.put(None)

    async def chunks(self) -> AsyncIterator[np.ndarray]:
        while (chunk := await self._queue.get()) is not None:
            yield chunk
