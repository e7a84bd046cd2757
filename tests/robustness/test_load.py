"""Load: several clients at once on one server, and the ``bench soak`` command itself.

No figure is asserted against a time (the machine is shared); what must hold under load is
that every sentence gets its picture, no client gets an error, and the soak's own arithmetic
and limits are right. ``docs/benchmarks.md`` records the figures.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from websockets.sync.client import connect

from speech2image.bench.soak import MemorySample, SoakResult, _check_args, _summarise_memory
from speech2image.store import SessionStore
from speech2image.testing import ScriptedTranscriber, sentence_script
from tests.robustness.conftest import SILENCE_100MS, fake_workers, serve_app

SENTENCES = [f"Client sentence {n} has a blue bird." for n in range(6)]


def _client(url: str, results: list[list[dict]]) -> None:
    with connect(url.replace("http", "ws", 1) + "/ws", max_size=None) as ws:
        ws.send(json.dumps({"type": "start", "sample_rate": 16000}))
        messages = [json.loads(ws.recv(timeout=10))]
        for _ in range(round(len(SENTENCES) * 0.5 * 10) + 3):
            ws.send(SILENCE_100MS)
            time.sleep(0.05)  # twice real time
        ws.send(json.dumps({"type": "stop"}))
        while messages[-1]["type"] != "done":
            messages.append(json.loads(ws.recv(timeout=60)))
    results.append(messages)


def test_eight_clients_at_once_each_get_every_picture(tmp_path: Path) -> None:
    store = SessionStore(tmp_path / "data")
    workers = fake_workers(
        transcribers=lambda: ScriptedTranscriber(sentence_script(SENTENCES, seconds_each=0.5))
    )
    results: list[list[dict]] = []
    with serve_app(workers, store, max_sessions=8) as (url, _):
        threads = [threading.Thread(target=_client, args=(url, results)) for _ in range(8)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=120)
    assert len(results) == 8
    for messages in results:
        assert not [m for m in messages if m["type"] == "error"]
        finals = [m["index"] for m in messages if m["type"] == "final"]
        pictures = [m["index"] for m in messages if m["type"] == "image" and m["final"]]
        assert finals == sorted(pictures) == list(range(len(SENTENCES)))
        stored = store.manifest(messages[0]["id"])
        assert [s["text"] for s in stored["sentences"]] == SENTENCES
        assert stored["ended"] is not None


def test_memory_growth_counts_from_the_end_of_the_warm_up() -> None:
    result = SoakResult(clients=[], audio_s_per_client=600.0, warmup_s=60.0)
    # 900 MB while warming up, then a steady 2 MB a minute from 1000 MB.
    result.memory = [MemorySample(0.0, 500.0), MemorySample(30.0, 900.0)] + [
        MemorySample(60.0 + 30 * n, 1000.0 + n) for n in range(19)
    ]
    _summarise_memory(result)
    assert result.rss_after_warmup_mb == 1000.0
    assert result.rss_end_mb == 1018.0
    assert result.rss_growth_after_warmup_mb == 18.0
    assert result.rss_slope_mb_per_min == pytest.approx(2.0)


@pytest.mark.parametrize(
    ("flag", "value", "message"),
    [
        ("clients", 0, "--clients must be between 1 and 32"),
        ("minutes", 0.0, "--minutes must be more than 0"),
        ("minutes", 1e6, "at most 1440"),
        ("warmup_minutes", 10.0, "less than --minutes"),
        ("sample_s", 0.0, "--sample-s must be between"),
        ("grace_minutes", 0.0, "--grace-minutes must be more than 0"),
        ("stagger_s", -1.0, "--stagger-s must be between 0 and 600"),
    ],
)
def test_soak_refuses_unbounded_or_meaningless_runs(flag: str, value: float, message: str) -> None:
    args = argparse.Namespace(
        clients=4, minutes=10.0, warmup_minutes=1.0, sample_s=5.0, grace_minutes=3.0, stagger_s=0.0
    )
    setattr(args, flag, value)
    with pytest.raises(ValueError, match=message):
        _check_args(args, ValueError)


@pytest.mark.slow
def test_a_short_soak_against_the_real_server(one_sentence: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "speech2image", "bench", "soak", str(one_sentence),
         "--clients", "2", "--minutes", "0.2", "--warmup-minutes", "0.1", "--sample-s", "1",
         "--json"],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    result = json.loads(done.stdout)
    assert result["errors"] == []
    assert len(result["clients"]) == 2
    for client in result["clients"]:
        # The sentence, looped: about three times in 12 s.
        assert client["sentences"] >= 2 and client["pictures"] == client["sentences"]
        assert client["final_latency_p95_s"] is not None
    assert len(result["memory"]) >= 6
    assert result["rss_after_warmup_mb"] > 100  # the models are loaded
    assert result["rss_growth_after_warmup_mb"] is not None
    assert result["server_peak_rss_mb"] >= result["rss_end_mb"]
