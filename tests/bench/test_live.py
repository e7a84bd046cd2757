"""``speech2image bench live``: the clients shared with ``bench soak`` and the cluster
comparison, against a real ``speech2image serve`` subprocess (no timing asserted)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from speech2image.bench.live import check_client_arguments, load_recording
from speech2image.config import SAMPLE_RATE

DATA = Path(__file__).parent.parent / "data"


def test_a_recording_gets_a_second_of_silence_and_enough_loops() -> None:
    pcm, repeats = load_recording(DATA / "one_sentence.flac", 0.0, ValueError)
    assert pcm.dtype == np.dtype("<i2")
    assert not pcm[-SAMPLE_RATE:].any()
    assert repeats == 1
    _, repeats = load_recording(DATA / "one_sentence.flac", 1.0, ValueError)
    assert repeats * len(pcm) >= 60 * SAMPLE_RATE > (repeats - 1) * len(pcm)


def test_an_unreadable_recording_is_one_error(tmp_path: Path) -> None:
    (tmp_path / "noise.flac").write_bytes(b"not audio")
    with pytest.raises(ValueError):
        load_recording(tmp_path / "noise.flac", 0.0, ValueError)


@pytest.mark.parametrize(
    ("clients", "stagger_s", "message"),
    [(0, 0.0, "--clients must be between 1 and 32"), (2, 601.0, "--stagger-s")],
)
def test_client_arguments_are_bounded(clients: int, stagger_s: float, message: str) -> None:
    import argparse

    with pytest.raises(ValueError, match=message):
        check_client_arguments(argparse.Namespace(clients=clients, stagger_s=stagger_s), ValueError)


@pytest.mark.slow
def test_two_clients_get_every_picture_from_a_real_server() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "speech2image", "bench", "live", str(DATA / "three_sentences.flac"),
         "--clients", "2", "--json"],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    result = json.loads(done.stdout)
    assert result["server_peak_rss_mb"] > 100  # the models are loaded
    assert len(result["clients"]) == 2
    for client in result["clients"]:
        assert client["errors"] == []
        assert client["sentences"] == 3 and client["pictures"] == 3
        assert len(client["final_latencies_s"]) == 3
        assert client["final_latency_p50_s"] == pytest.approx(
            float(np.percentile(client["final_latencies_s"], 50)), abs=1e-3
        )


@pytest.mark.slow
def test_the_comparison_refuses_a_url_and_bad_replicas() -> None:
    for extra, message in (
        (["--ray", "--url", "http://127.0.0.1:1"], "leave out --url"),
        (["--ray", "--replicas", "0"], "--replicas"),
    ):
        done = subprocess.run(
            [sys.executable, "-m", "speech2image", "bench", "live",
             str(DATA / "one_sentence.flac"), *extra],
            capture_output=True, text=True, timeout=120,
        )  # fmt: skip
        assert done.returncode == 2
        assert message in done.stderr
