"""A replica's watch on its own calls: a call that never returns makes the replica unhealthy.

The ingress gives up on a call at the stage's time-out, but a Python thread cannot be
killed, so a replica stuck in a native call (a deadlock in a library, a wedged GPU) would
hold its one slot for good while answering Serve's health checks. :class:`HangWatch`
records when the running call started; the replica's ``check_health`` raises once it has
run for ``hung_after_s``, and Serve replaces the replica with a fresh one.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")

HUNG_AFTER_TIMEOUTS = 2.0
"""A replica is declared hung after this many of its stage's time-outs: the ingress has
given up on the call by then, and a slow call that does finish is not cut short."""


class HangWatch:
    """When the replica's running call began (its calls run one at a time)."""

    def __init__(self, *, hung_after_s: float, clock: Callable[[], float] = time.monotonic) -> None:
        if not hung_after_s > 0:
            raise ValueError(f"hung_after_s must be more than 0, got {hung_after_s}")
        self.hung_after_s = hung_after_s
        self._clock = clock
        self._lock = threading.Lock()
        self._started: dict[int, float] = {}

    def run(self, fn: Callable[[], T]) -> T:
        """Run ``fn`` under the watch."""
        key = threading.get_ident()
        with self._lock:
            self._started[key] = self._clock()
        try:
            return fn()
        finally:
            with self._lock:
                self._started.pop(key, None)

    def check(self) -> None:
        """Raise ``RuntimeError`` when a call has run for ``hung_after_s`` or longer."""
        with self._lock:
            oldest = min(self._started.values(), default=None)
        if oldest is None:
            return
        running_s = self._clock() - oldest
        if running_s >= self.hung_after_s:
            raise RuntimeError(
                f"a call has run for {running_s:.0f} s (hung after {self.hung_after_s:g} s); "
                "this replica is replaced"
            )
