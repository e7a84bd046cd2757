"""The ingress's gate in front of a deployment: a slot per replica, urgent calls first, and
the ledger of call timings. Plain threads, no cluster (milliseconds)."""

from __future__ import annotations

import threading
import time

import numpy as np
import pytest

from speech2image.cluster.ledger import (
    BACKGROUND,
    URGENT,
    CallGate,
    CallLedger,
    CallTiming,
    GateTimeout,
)


def _queue_behind(gate: CallGate, calls: list[tuple[str, int]], order: list[str]) -> None:
    """Start a thread per call, each waiting for a slot of ``gate`` in the order given."""
    for queued, (name, priority) in enumerate(calls, start=1):

        def wait(name: str = name, priority: int = priority) -> None:
            gate.acquire(priority, timeout_s=10.0)
            order.append(name)
            gate.release()

        threading.Thread(target=wait, daemon=True).start()
        deadline = time.monotonic() + 5.0
        while gate.waiting < queued and time.monotonic() < deadline:
            time.sleep(0.001)  # each one queued before the next arrives


def test_waiting_calls_leave_urgent_first_then_in_order() -> None:
    gate = CallGate(1)
    gate.acquire(URGENT, timeout_s=1.0)  # the one replica is busy
    order: list[str] = []
    calls = [("partial a", BACKGROUND), ("final b", URGENT), ("partial c", BACKGROUND)]
    calls.append(("final d", URGENT))
    _queue_behind(gate, calls, order)
    assert gate.waiting == 4
    gate.release()
    deadline = time.monotonic() + 5.0
    while len(order) < 4 and time.monotonic() < deadline:
        time.sleep(0.001)
    assert order == ["final b", "final d", "partial a", "partial c"]
    assert gate.waiting == 0


def test_a_call_takes_a_free_slot_at_once_and_waits_only_when_all_are_taken() -> None:
    gate = CallGate(2)
    gate.acquire(BACKGROUND, timeout_s=0.0)
    gate.acquire(BACKGROUND, timeout_s=0.0)
    with pytest.raises(GateTimeout):
        gate.acquire(URGENT, timeout_s=0.05)
    assert gate.waiting == 0  # a call that gave up no longer waits
    gate.resize(3)  # a replica more: a slot more
    gate.acquire(URGENT, timeout_s=0.0)


def test_the_ledger_tells_time_on_the_replica_from_time_waiting() -> None:
    ledger = CallLedger()
    for waited_s in (0.0, 0.2, 0.4):
        ledger.record(CallTiming(waited_s=waited_s, sent_s=0.5, compute_s=0.3))
    ledger.record(CallTiming(waited_s=0.0, sent_s=0.1, compute_s=None))
    recent = ledger.snapshot(waiting=2)["recent_calls"]
    assert ledger.snapshot(waiting=2)["waiting_in_ingress"] == 2
    assert recent["calls"] == 4
    assert recent["waited_in_ingress_s"]["max"] == 0.4
    assert recent["on_replica_s"] == {"p50": 0.3, "p95": 0.3, "max": 0.3}
    assert recent["router_and_transit_s"]["max"] == 0.2
    with pytest.raises(ValueError, match="slots"):
        CallGate(0)


class _RecordingDeployment:
    """Stands in for a deployment's handle: records each call's method and priority."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, int]] = []

    def call(self, method: str, *args: object, priority: int = URGENT) -> object:
        self.calls.append((method, priority))
        if method == "describe":
            return {"multilingual": False, "default_language": "en"}
        return []


def test_partial_passes_wait_behind_final_and_pause_passes() -> None:
    from speech2image.cluster.remote import RemoteRecognizer

    deployment = _RecordingDeployment()
    recognizer = RemoteRecognizer(deployment)  # type: ignore[arg-type]
    audio = np.zeros(1600, dtype=np.float32)
    # As the streaming transcriber asks: a partial pass is greedy with no prompt.
    recognizer.recognize(audio, prompt=None, beam_size=1, window_s=10.0)
    recognizer.recognize(audio, prompt="A cat.", beam_size=5, window_s=10.0)  # a final
    recognizer.recognize(audio, prompt=None, beam_size=5, window_s=10.0)  # a pause pass
    assert deployment.calls[1:] == [
        ("recognize", BACKGROUND),
        ("recognize", URGENT),
        ("recognize", URGENT),
    ]
