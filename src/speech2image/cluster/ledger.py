"""What the ingress sends to one deployment, in which order, and how long each call took.

Ray Serve's router is FIFO and learns that a replica is free by probing it: with every
replica busy (each takes one call at a time) a request waits in the router, which retries
with back-off (up to 0.5 s) and probes replicas whose event loop a CPU-bound call slows
("Failed to get queue length ... within 0.1s"). A final sentence then waits there behind
every session's partial passes and drafts, in arrival order, plus the back-off.

:class:`CallGate` keeps that queue in the ingress instead: at most as many calls as the
deployment has replicas go to the router (so a free replica is known to be free: the router
counts its own requests in flight and takes the next call at once), and the calls waiting
for a slot leave in priority order, urgent first (final passes, final sentences' scenes and
pictures), then the rest (partial passes, drafts), first come first served within each.
This is what the local stage thread gives for free (one queue; partial passes and drafts
give way while others wait, :mod:`speech2image.asr.schedule`, :mod:`speech2image.session`).

No Ray here: the gate and the ledger are plain threading, tested without a cluster.
"""

from __future__ import annotations

import heapq
import itertools
import threading
from collections import Counter, deque
from dataclasses import dataclass, field
from typing import Any

URGENT = 0
"""Priority of a call a final result waits on."""
BACKGROUND = 1
"""Priority of a call only a partial result or a draft waits on."""
_RECENT_CALLS = 200
"""Calls whose timings the ledger keeps for its percentiles."""


class GateTimeout(TimeoutError):
    """No slot freed up before the call's deadline."""


@dataclass(frozen=True, slots=True)
class Served:
    """What a replica says of the call it answered: who it is and how long the call ran
    there (so the ingress can tell time on the replica from time queued or in transit)."""

    replica: str
    compute_s: float


@dataclass(frozen=True, slots=True)
class CallTiming:
    """One call as the ingress saw it, in seconds."""

    waited_s: float
    """In the ingress, for a slot (every replica busy with this ingress's calls)."""
    sent_s: float
    """From handing it to the router until its answer came back."""
    compute_s: float | None
    """On the replica (``None``: the replica did not say)."""


class CallGate:
    """At most ``slots`` calls at once; waiting calls leave urgent first, then in order."""

    def __init__(self, slots: int) -> None:
        if slots < 1:
            raise ValueError(f"slots must be at least 1, got {slots}")
        self.slots = slots
        self._busy = 0
        self._waiting: list[tuple[int, int, threading.Event]] = []
        self._order = itertools.count()
        self._lock = threading.Lock()

    @property
    def waiting(self) -> int:
        """Calls waiting for a slot now."""
        return len(self._waiting)

    def resize(self, slots: int) -> None:
        """Change the number of slots (the replicas running), waking whoever now fits."""
        with self._lock:
            self.slots = max(1, slots)
            self._wake_locked()

    def acquire(self, priority: int, timeout_s: float) -> None:
        """Wait for a slot, at most ``timeout_s``; raise :class:`GateTimeout` past it."""
        ticket = threading.Event()
        with self._lock:
            if self._busy < self.slots and not self._waiting:
                self._busy += 1
                return
            entry = (priority, next(self._order), ticket)
            heapq.heappush(self._waiting, entry)
        if ticket.wait(timeout_s):
            return
        with self._lock:
            if ticket.is_set():  # a slot came at the last moment: it is ours
                return
            self._waiting.remove(entry)
            heapq.heapify(self._waiting)
        raise GateTimeout(f"no replica was free within {timeout_s:g} s")

    def release(self) -> None:
        """Give a slot back; the most urgent waiting call takes it."""
        with self._lock:
            self._busy -= 1
            self._wake_locked()

    def _wake_locked(self) -> None:
        while self._waiting and self._busy < self.slots:
            _, _, ticket = heapq.heappop(self._waiting)
            self._busy += 1
            ticket.set()


@dataclass
class CallLedger:
    """What this ingress asked of one deployment: calls in flight and waiting, answers per
    replica, and recent calls' timings."""

    in_flight: int = 0
    answered_by: Counter[str] = field(default_factory=Counter)
    failed: int = 0
    retried: int = 0
    recent: deque[CallTiming] = field(default_factory=lambda: deque(maxlen=_RECENT_CALLS))
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def record(self, timing: CallTiming) -> None:
        with self._lock:
            self.recent.append(timing)

    def snapshot(self, waiting: int = 0) -> dict[str, Any]:
        with self._lock:
            recent = list(self.recent)
            report: dict[str, Any] = {
                "in_flight": self.in_flight,
                "waiting_in_ingress": waiting,
                "answered_by_replica": dict(self.answered_by),
                "failed": self.failed,
                "retried": self.retried,
            }
        computed = [t.compute_s for t in recent if t.compute_s is not None]
        report["recent_calls"] = {
            "calls": len(recent),
            "waited_in_ingress_s": _spread([t.waited_s for t in recent]),
            "sent_to_answer_s": _spread([t.sent_s for t in recent]),
            "on_replica_s": _spread(computed),
            "router_and_transit_s": _spread(
                [t.sent_s - t.compute_s for t in recent if t.compute_s is not None]
            ),
        }
        return report


def _spread(values: list[float]) -> dict[str, float] | None:
    """p50, p95 and max of ``values`` (rounded to ms), ``None`` when there are none."""
    if not values:
        return None
    ordered = sorted(values)

    def at(share: float) -> float:
        return round(ordered[min(len(ordered) - 1, int(share * len(ordered)))], 3)

    return {"p50": at(0.5), "p95": at(0.95), "max": round(ordered[-1], 3)}
