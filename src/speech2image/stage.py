"""A model's own thread, with a time-out that survives a call that never returns.

Each model runs in one thread of its own, so it is never entered by two threads at once and
nothing blocking runs on the event loop. A Python thread cannot be killed, so one call that
hangs (a stuck network read in a cloud recogniser, a deadlock in a native library) would
otherwise block that thread, and every session queued behind it, for good.

A :class:`StageThread` therefore watches the call it is running. Time spent queued behind
other sessions' calls does not count: under load the queue is long, and a healthy stage must
not be declared hung because it is busy. Past ``timeout_s`` the caller gets
:class:`StageTimeout`, the calls queued behind it move to a fresh thread, and the hung
thread is left to finish or not (a daemon thread, so it never holds up the process's exit;
whatever it returns is dropped). A stage that keeps hanging is not replaced forever: after
``max_abandoned_threads`` abandoned threads its calls fail at once with :class:`StageBroken`,
so a broken model cannot leak one thread per call.

The price of abandoning a thread: if the hung call does come back, it may run inside the
model while the fresh thread does too. The time-outs are therefore generous, far above any
call the models make when they work (see :class:`StageTimeouts`).
"""

from __future__ import annotations

import asyncio
import itertools
import logging
import queue
import sys
import threading
import time
import traceback
from collections.abc import Callable
from concurrent.futures import Future, InvalidStateError, ThreadPoolExecutor
from dataclasses import dataclass
from functools import partial
from typing import Any, TypeVar

logger = logging.getLogger(__name__)

T = TypeVar("T")


@dataclass(frozen=True, kw_only=True)
class StageTimeouts:
    """How long one call of each stage may run before the session gives up on it.

    Read from ``S2I_*`` variables by :func:`speech2image.config.from_env` (for example
    ``S2I_IMAGE_TIMEOUT_S=600`` for diffusion on a slow CPU).
    """

    asr_timeout_s: float = 120.0
    """One recognition pass (or starting a per-session recogniser, or closing it). A pass over
    the longest audio a pass takes (about 20 s) costs a few seconds with Whisper on a 2-core
    CPU; a cloud recogniser that stops answering is what this catches."""
    language_timeout_s: float = 30.0
    """Parsing one sentence into a scene (milliseconds when it works)."""
    image_timeout_s: float = 300.0
    """Drawing one picture: clip art takes well under a second, diffusion on a CPU a minute
    or two."""
    max_abandoned_threads: int = 2
    """Hung threads a stage abandons before it is declared broken and fails every call."""

    def __post_init__(self) -> None:
        for name in ("asr_timeout_s", "language_timeout_s", "image_timeout_s"):
            value = getattr(self, name)
            if not value > 0:
                raise ValueError(f"{name} must be more than 0 seconds, got {value}")
        if self.max_abandoned_threads < 0:
            raise ValueError(
                f"max_abandoned_threads must be 0 or more, got {self.max_abandoned_threads}"
            )


class StageTimeout(Exception):
    """A call of a stage ran past its time-out; the stage goes on in a fresh thread."""


class StageBroken(Exception):
    """A stage hung too often and no longer takes calls."""


class _Job:
    """One call waiting for, or running in, a stage's thread."""

    __slots__ = ("fn", "future", "started_at", "urgent")

    def __init__(self, fn: Callable[[], Any], *, urgent: bool = False) -> None:
        self.fn = fn
        self.future: Future[Any] = Future()
        self.started_at: float | None = None
        self.urgent = urgent


_URGENT, _ORDINARY, _STOP = 0, 1, 2
"""Queue ranks: urgent calls first, then ordinary ones, each in order; the stop mark last."""


class _Thread:
    """One daemon thread running jobs, urgent ones first and otherwise in order; it can hand
    its queue over to a successor."""

    def __init__(self, name: str) -> None:
        self._queue: queue.PriorityQueue[tuple[int, int, _Job | None]] = queue.PriorityQueue()
        self._order = itertools.count()
        self._successor: _Thread | None = None
        self.current: _Job | None = None
        self.thread = threading.Thread(target=self._run, name=name, daemon=True)
        self.thread.start()

    def submit(self, job: _Job) -> None:
        self._queue.put((_URGENT if job.urgent else _ORDINARY, next(self._order), job))

    def idle_queue(self) -> bool:
        return self._queue.empty()

    def hand_over(self, successor: _Thread | None) -> list[_Job]:
        """Give the queued jobs to ``successor`` (or return them when there is none) and make
        this thread exit if its hung call ever returns."""
        self._successor = successor
        orphans: list[_Job] = []
        while True:
            try:
                _, _, job = self._queue.get_nowait()
            except queue.Empty:
                break
            if job is None:
                continue
            if successor is not None:
                successor.submit(job)
            else:
                orphans.append(job)
        self.stop()
        return orphans

    def stop(self) -> None:
        self._queue.put((_STOP, next(self._order), None))

    def _run(self) -> None:
        while (job := self._queue.get()[2]) is not None:
            if self._successor is not None:
                # Handed over while this thread was hung: its queue belongs to the successor.
                self._successor.submit(job)
                continue
            if not job.future.set_running_or_notify_cancel():
                continue  # its caller gave up before it started
            job.started_at = time.monotonic()
            self.current = job
            try:
                _call(job)
            finally:
                self.current = None
                del job  # the result belongs to the caller now, not to this frame


class StageThread:
    """A model's thread: calls run one at a time, in order (urgent ones first), each with a
    time-out."""

    def __init__(self, name: str, *, timeout_s: float, max_abandoned_threads: int = 2) -> None:
        self.name = name
        self.timeout_s = timeout_s
        self.max_abandoned_threads = max_abandoned_threads
        self.abandoned = 0
        """Threads abandoned so far because a call in them hung."""
        self._lock = threading.Lock()
        self._thread: _Thread | None = _Thread(self._thread_name())
        self._closed = False

    async def call(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """Run ``fn(*args, **kwargs)`` in the stage's thread and return its result.

        Raises :class:`StageTimeout` when it ran more than ``timeout_s`` (the stage moves on
        to a fresh thread) and :class:`StageBroken` when the stage hung too often.
        """
        return await self._await(_Job(partial(fn, *args, **kwargs)))

    async def call_urgent(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """:meth:`call`, queued ahead of every ordinary call: a sentence's final (its pause
        pass, its scene, its picture) does not wait behind other sessions' partial passes
        and drafts."""
        return await self._await(_Job(partial(fn, *args, **kwargs), urgent=True))

    async def _await(self, job: _Job) -> Any:
        self._live_thread().submit(job)
        waiter = asyncio.wrap_future(job.future)
        try:
            while True:
                done, _ = await asyncio.wait({waiter}, timeout=self._time_left())
                if done:
                    return waiter.result()
                # Whichever caller notices first abandons the hung call (its own caller may
                # be gone); the hung call's future gets the StageTimeout.
                overdue = self._overdue()
                if overdue is not None:
                    self._abandon(overdue)
        except asyncio.CancelledError:
            job.future.cancel()  # never starts if still queued; a running call finishes
            raise

    def has_waiting(self) -> bool:
        """Calls are queued behind the running one (other sessions wait for this model)."""
        with self._lock:
            thread = self._thread
        return thread is not None and not thread.idle_queue()

    def close(self) -> None:
        """Cancel the queued calls and wait (up to the time-out) for the running one."""
        with self._lock:
            self._closed = True
            thread, self._thread = self._thread, None
        if thread is None:
            return
        for job in thread.hand_over(None):
            job.future.cancel()
        thread.thread.join(timeout=self.timeout_s)

    # -- watching -------------------------------------------------------------------------

    def _live_thread(self) -> _Thread:
        with self._lock:
            if self._closed:
                raise StageBroken(f"the {self.name} stage is closed")
            if self._thread is None:
                raise StageBroken(
                    f"the {self.name} stage stopped answering {self.abandoned} times and was "
                    "switched off; restart the server"
                )
            return self._thread

    def _time_left(self) -> float:
        """Seconds until the running call (whichever session's it is) is overdue."""
        thread = self._thread
        running = thread.current if thread is not None else None
        started = running.started_at if running is not None else None
        if started is None:
            return self.timeout_s
        return max(0.01, started + self.timeout_s - time.monotonic())

    def _overdue(self) -> _Job | None:
        thread = self._thread
        running = thread.current if thread is not None else None
        if running is None or running.started_at is None:
            return None
        return running if time.monotonic() - running.started_at >= self.timeout_s else None

    def _abandon(self, job: _Job) -> None:
        """Leave the thread running ``job`` behind; its queue moves to a fresh thread."""
        with self._lock:
            old = self._thread
            if old is None or old.current is not job:
                return  # it finished meanwhile, or another caller already did this
            self.abandoned += 1
            broken = self.abandoned > self.max_abandoned_threads
            logger.error(
                "the %s stage ran one call for over %g s; %s. The hung thread is at:\n%s",
                self.name,
                self.timeout_s,
                "too many hung calls, switching the stage off"
                if broken
                else f"abandoning its thread ({self.abandoned} of "
                f"{self.max_abandoned_threads} allowed) and starting a fresh one",
                _stack_of(old.thread),
            )
            self._thread = None if broken else _Thread(self._thread_name())
            orphans = old.hand_over(self._thread)
        _settle(
            job.future,
            error=StageTimeout(f"the {self.name} stage did not answer within {self.timeout_s:g} s"),
        )
        for orphan in orphans:
            if orphan.future.set_running_or_notify_cancel():
                orphan.future.set_exception(
                    StageBroken(f"the {self.name} stage stopped answering and was switched off")
                )

    def _thread_name(self) -> str:
        return f"s2i-{self.name}-{self.abandoned}"


class ConcurrentStage:
    """A stage whose calls run side by side, up to ``max_calls`` at once, each with a
    time-out: for engines on remote replicas (:mod:`speech2image.cluster`), where a call
    waits on the network while a replica's own model serves it. One thread for every
    session would serialise calls that several replicas could answer at once.

    A call's ``timeout_s`` counts from when it starts; past it the caller gets
    :class:`StageTimeout`. A remote engine bounds the call itself by the same time-out (it
    cancels its request), so a hung replica never holds a thread of this pool for good.
    """

    def __init__(self, name: str, *, timeout_s: float, max_calls: int) -> None:
        if max_calls < 1:
            raise ValueError(f"max_calls must be at least 1, got {max_calls}")
        self.name = name
        self.timeout_s = timeout_s
        self._pool = ThreadPoolExecutor(max_workers=max_calls, thread_name_prefix=f"s2i-{name}")
        self._lock = threading.Lock()
        self._queued = 0
        self._closed = False
        self.waiting_beyond: Callable[[], bool] | None = None
        """Set by whoever sees the queue past this stage (the cluster's replicas): calls
        wait there when every replica is busy, which :meth:`has_waiting` reports too."""

    async def call_urgent(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """:meth:`call`: calls here run side by side, and the replicas' queue
        (:mod:`speech2image.cluster.ledger`) puts finals first itself."""
        return await self.call(fn, *args, **kwargs)

    async def call(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """Run ``fn(*args, **kwargs)`` in one of the stage's threads and return its result."""
        job = _Job(partial(fn, *args, **kwargs))
        with self._lock:
            if self._closed:
                raise StageBroken(f"the {self.name} stage is closed")
            self._queued += 1
        self._pool.submit(self._run, job)
        waiter = asyncio.wrap_future(job.future)
        try:
            while True:
                started = job.started_at
                left = self.timeout_s if started is None else started + self.timeout_s
                left -= 0 if started is None else time.monotonic()
                done, _ = await asyncio.wait({waiter}, timeout=max(0.01, left))
                if done:
                    return waiter.result()
                if started is None and self._closed:
                    job.future.cancel()
                    raise StageBroken(f"the {self.name} stage is closed")
                if started is not None and time.monotonic() - started >= self.timeout_s:
                    message = f"the {self.name} stage did not answer within {self.timeout_s:g} s"
                    _settle(job.future, error=StageTimeout(message))  # a late result is dropped
                    raise StageTimeout(message)
        except asyncio.CancelledError:
            job.future.cancel()  # never starts if still queued; a running call finishes
            raise

    def has_waiting(self) -> bool:
        """Calls wait for a free thread, or past this stage for a free replica."""
        with self._lock:
            if self._queued > 0:
                return True
        return self.waiting_beyond is not None and self.waiting_beyond()

    def close(self) -> None:
        """Cancel the queued calls; running ones end within their own time-out."""
        with self._lock:
            self._closed = True
        self._pool.shutdown(wait=False, cancel_futures=True)

    def _run(self, job: _Job) -> None:
        with self._lock:
            self._queued -= 1
        if not job.future.set_running_or_notify_cancel():
            return
        job.started_at = time.monotonic()
        _call(job)


def caller(stage: StageThread | ConcurrentStage, *, urgent: bool) -> Callable[..., Any]:
    """``stage``'s :meth:`~StageThread.call_urgent` when ``urgent`` (a sentence's final:
    its pass, its scene, its picture), else its ordinary ``call``."""
    return stage.call_urgent if urgent else stage.call


def _call(job: _Job) -> None:
    """Run ``job`` and settle its future with what it returned or raised."""
    try:
        result = job.fn()
    except BaseException as e:
        _settle(job.future, error=e)
    else:
        _settle(job.future, result=result)


def _settle(future: Future[Any], *, result: Any = None, error: BaseException | None = None) -> None:
    """Complete ``future`` unless it already is: a hung call that returns after its time-out
    finds its future already failed with :class:`StageTimeout`, and its result is dropped."""
    try:
        if error is not None:
            future.set_exception(error)
        else:
            future.set_result(result)
    except InvalidStateError:
        logger.info("a call returned after its time-out; its result is dropped")


def _stack_of(thread: threading.Thread) -> str:
    frame = sys._current_frames().get(thread.ident or -1)
    return "".join(traceback.format_stack(frame)) if frame is not None else "(no stack)"
