"""Who hears a session's events, and how each is called.

Subscribers are called with every event, in order. A plain subscriber runs inline on the
event loop and must not block (the page's outbox, a list in a test). A *blocking* one (a
plain function that does I/O: the store's recorder, whose SQLite transactions may wait out
another writer's lock and which writes PNG files) runs in a worker thread and is awaited
before the next subscriber is called: the loop serves other sessions and sockets meanwhile,
and the subscribers after it (the page) see what it stored.
"""

from __future__ import annotations

import asyncio
import inspect
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from speech2image.events import Event

Subscriber = Callable[[Event], Awaitable[None] | None]


@dataclass(frozen=True, slots=True)
class _Subscription:
    call: Subscriber
    turn: asyncio.Lock | None
    """Held while a blocking subscriber runs in its thread; ``None`` runs it inline."""


class Subscribers:
    """The subscribers of one session, called in the order they subscribed."""

    def __init__(self) -> None:
        self._subscriptions: list[_Subscription] = []

    def add(self, subscriber: Subscriber, *, blocking: bool | None = None) -> None:
        """Add ``subscriber``; ``blocking=None`` reads its ``blocking`` attribute (the
        recorder's class sets it)."""
        if blocking is None:
            blocking = bool(getattr(subscriber, "blocking", False))
        if blocking and inspect.iscoroutinefunction(subscriber):
            raise ValueError("a blocking subscriber must be a plain function, not async")
        self._subscriptions.append(_Subscription(subscriber, asyncio.Lock() if blocking else None))

    async def publish(self, event: Event) -> None:
        """Call every subscriber with ``event``, one after another."""
        for subscription in self._subscriptions:
            if subscription.turn is not None:
                # The lock keeps this subscriber's events in order when the transcript and
                # the drawing tasks publish at once (asyncio.Lock wakes waiters in order).
                async with subscription.turn:
                    await asyncio.to_thread(subscription.call, event)
                continue
            result = subscription.call(event)
            if inspect.isawaitable(result):
                await result
