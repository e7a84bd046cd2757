"""Per-connection rate limits of the ``/ws`` protocol: a pure policy with an injected clock.

Audio is limited by its own clock (seconds of audio against seconds of wall time, in
``live.py``); these limits cover what costs the server work without carrying audio: typed
sentences (each one costs a final picture, and final pictures are never dropped) and
messages of any kind (a flood of empty frames costs a resampler call each).
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable


class RateWindow:
    """At most ``count`` events in any ``window_s`` seconds (a sliding window).

    A sliding window rather than a token bucket, so the limit reads exactly as documented
    ("30 typed sentences in any minute") and a burst right after a quiet spell is allowed up
    to the count and no further.
    """

    def __init__(
        self, *, count: int, window_s: float, clock: Callable[[], float] = time.monotonic
    ) -> None:
        if count < 1:
            raise ValueError(f"count must be at least 1, got {count}")
        if window_s <= 0:
            raise ValueError(f"window_s must be positive, got {window_s}")
        self.count = count
        self.window_s = window_s
        self._clock = clock
        self._times: deque[float] = deque()

    def allow(self) -> bool:
        """Record one event now; ``False`` when it would pass the limit (it is not counted)."""
        now = self._clock()
        while self._times and now - self._times[0] >= self.window_s:
            self._times.popleft()
        if len(self._times) >= self.count:
            return False
        self._times.append(now)
        return True


MESSAGE_BURST_S = 10.0
"""The message limit is an average over this many seconds: a page that buffered audio
through a stall of a few seconds sends it all at once and must get through."""


def message_window(max_messages_per_s: float) -> RateWindow:
    """The limit on messages of any kind for one connection."""
    return RateWindow(
        count=max(1, round(max_messages_per_s * MESSAGE_BURST_S)), window_s=MESSAGE_BURST_S
    )


def text_window(max_texts_per_min: int) -> RateWindow:
    """The limit on typed sentences for one connection."""
    return RateWindow(count=max_texts_per_min, window_s=60.0)
