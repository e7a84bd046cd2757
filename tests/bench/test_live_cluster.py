"""``bench live --ray``: its arguments, its configurations, how it groups the processes of a
cluster per node (on real processes shaped like a Ray node's), and a real loopback cluster
started and stopped by the benchmark.

The full comparison against ``serve --ray`` is a benchmark run, not a test (minutes on two
cores); the commands are in docs/scaling.md.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from speech2image.bench.cluster_processes import (
    ClusterSampler,
    descendants,
    find_session,
    groups,
    role,
    scan,
)
from speech2image.bench.live import ClientFigures
from speech2image.bench.live_cluster import (
    ConfigurationFigures,
    _fill,
    configurations,
    parse_replicas,
    render,
    replica_calls,
)

SESSION = "session_2026-12-01_00-00-00_000000_4242"


def test_replicas_are_a_list_of_counts() -> None:
    assert parse_replicas("1,2", ValueError) == [1, 2]
    assert parse_replicas("3", ValueError) == [3]
    for bad in ("", "0", "1,x", "17"):
        with pytest.raises(ValueError, match="--replicas"):
            parse_replicas(bad, ValueError)


def test_the_single_process_comes_first_then_each_replica_count_for_every_engine() -> None:
    found = configurations([1, 2], "127.0.0.1:1", single=True)
    assert [(name, count) for name, count, _ in found] == [
        ("single process", None),
        ("Ray Serve, 1 per engine", 1),
        ("Ray Serve, 2 per engine", 2),
    ]
    assert found[0][2] == []
    two = found[2][2]
    assert two[:2] == ["--ray", "127.0.0.1:1"]
    for flag in ("--asr-replicas", "--language-replicas", "--image-replicas"):
        assert two[two.index(flag) + 1] == "2"
    assert [name for name, _, _ in configurations([1], "", single=False)] == [
        "Ray Serve, 1 per engine"
    ]


def test_roles_name_replicas_and_ray_services() -> None:
    assert role("ray::ServeReplica:s2i-asr:Recognizer") == "replica s2i-asr"
    assert role("ray::ServeController") == "ServeController"
    assert role("ray::ServeController.listen_for_change") == "ServeController"
    assert role("ray::IDLE") == "idle worker"
    assert role("/venv/lib/ray/core/src/ray/raylet/raylet --node_id=1") == "raylet"
    assert role("/venv/bin/python -u /venv/lib/ray/dashboard/agent.py --x") == "agent"
    assert role("/venv/bin/python3.11 -m speech2image serve --port 1") == "speech2image"


def test_calls_per_replica_are_found_under_their_deployment() -> None:
    cluster = {
        "deployments": {
            "Recognizer": {"replicas": {"RUNNING": 2}, "answered_by_replica": {"a": 5, "b": 7}},
            "Drawing": {"calls": {"answered_by_replica": {"c": 3}}},
        }
    }
    assert replica_calls(cluster) == {"Recognizer": {"a": 5, "b": 7}, "calls": {"c": 3}}
    assert replica_calls(None) == {}
    assert replica_calls({"unreadable": "HTTPError"}) == {}


def test_figures_pool_every_clients_sentences_and_count_failed_clients() -> None:
    figures = ConfigurationFigures(name="Ray Serve, 2 per engine", replicas_per_engine=2, clients=3)
    clients: list[ClientFigures | BaseException] = [
        ClientFigures(
            client=0,
            sentences=2,
            pictures=2,
            final_latencies_s=[0.5, 0.7],
            first_draft_latencies_s=[0.9],
        ),
        ClientFigures(
            client=1,
            sentences=2,
            pictures=2,
            final_latencies_s=[0.6, 1.9],
            first_draft_latencies_s=[1.1],
        ),
        ConnectionRefusedError("refused"),
    ]
    sampler = ClusterSampler(os.getpid(), cluster=False)
    sampler.sample()
    _fill(figures, clients, sampler, stream_s=30.0)
    assert (figures.sentences, figures.pictures) == (4, 4)
    assert figures.final_latency_max_s == 1.9
    assert figures.final_latency_p50_s == 0.65
    assert figures.first_draft_p50_s == 1.0
    assert figures.errors == ["client 2: ConnectionRefusedError: refused"]
    assert figures.target_met is False  # a client failed
    assert figures.clients_per_replica == 1.5
    assert [g.name for g in figures.processes] == ["ingress"]
    from dataclasses import asdict

    text = render({"clients": 3, "audio_s_per_client": 10.0, "cluster": "loopback",
                   "server_logs": "/tmp/x", "configurations": [asdict(figures)]})  # fmt: skip
    assert "p95 <= 1.5 s not met" in text
    assert "1 errors" in text


@pytest.fixture
def fake_node(tmp_path: Path) -> Iterator[dict[str, int]]:
    """Real processes shaped like a Ray node beside an ingress: a ``raylet`` (by its argv[0])
    with a replica and an idle worker below it, a GCS naming the session in its logs folder,
    an ingress with a child, and a raylet of another session."""
    node = tmp_path / "node.sh"
    node.write_text(
        '(exec -a "ray::ServeReplica:s2i-asr:Recognizer" sleep 60) &\n'
        '(exec -a "ray::IDLE" sleep 60) &\nwait\n'
    )

    def start(script: str) -> subprocess.Popen[bytes]:
        return subprocess.Popen(["bash", "-c", script], start_new_session=True)

    raylet = f"{tmp_path}/raylet bash {node}"
    raylet_args = "--node_ip_address=127.0.0.1 --node_manager_port=4321 --gcs-address=127.0.0.1:1"
    started = {
        "raylet": start(f"exec -a {raylet} {raylet_args} --session-name={SESSION}"),
        "gcs": start(f'exec -a "{tmp_path}/gcs_server --log_dir=/tmp/ray/{SESSION}/logs" sleep 60'),
        "ingress": start("sleep 60 & wait"),
        "other": start(f"exec -a {raylet} --session-name=session_other"),
    }  # fmt: skip
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        table = scan()
        below = descendants(table, started["raylet"].pid)
        if len(below) >= 3 and len(descendants(table, started["ingress"].pid)) >= 2:
            break
        time.sleep(0.05)
    yield {name: process.pid for name, process in started.items()}
    for process in started.values():
        os.killpg(process.pid, 9)
        process.wait()


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc (Linux)")
def test_a_node_is_its_raylet_and_everything_below_it(fake_node: dict[str, int]) -> None:
    table = scan()
    assert find_session(table, fake_node["ingress"], "127.0.0.1:1") == SESSION
    assert find_session(table, fake_node["ingress"], None) is None  # two sessions here
    found = {g.name: g.pids for g in groups(table, fake_node["ingress"], SESSION)}
    assert set(found) == {"ingress", "node 127.0.0.1:4321", "head services"}
    node = found["node 127.0.0.1:4321"]
    assert fake_node["raylet"] in node and len(node) == 3
    assert sorted(role(table[pid].command) for pid in node) == [
        "idle worker", "raylet", "replica s2i-asr"]  # fmt: skip
    assert found["head services"] == {fake_node["gcs"]}
    assert fake_node["ingress"] in found["ingress"] and len(found["ingress"]) == 2
    assert not found["ingress"] & (node | found["head services"])
    assert fake_node["other"] not in set().union(*found.values())


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc (Linux)")
def test_the_sampler_reports_peaks_and_processes_per_group(fake_node: dict[str, int]) -> None:
    sampler = ClusterSampler(fake_node["ingress"], cluster=True, address="127.0.0.1:1")
    sampler.sample()
    sampler.sample()
    by_name = {g.name: g for g in sampler.figures()}
    node = by_name["node 127.0.0.1:4321"]
    assert node.processes == 3
    assert node.roles == {"idle worker": 1, "raylet": 1, "replica s2i-asr": 1}
    assert node.peak_rss_mb > 0 and 0 < node.peak_pss_mb <= node.peak_rss_mb + 0.1
    assert node.cpu_s >= 0
    assert by_name["ingress"].processes == 2


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("ray", path=str(Path(sys.executable).parent)) is None,
                    reason="needs the cluster extra")  # fmt: skip
def test_a_loopback_cluster_of_two_nodes_starts_and_stops_only_its_own_processes() -> None:
    from speech2image.bench.cluster_loopback import LoopbackCluster

    bystander = subprocess.Popen(["sleep", "60"])
    try:
        with LoopbackCluster(nodes=2, cpus_per_node=2) as cluster:
            assert cluster.address.startswith("127.0.0.1:")
            table = scan()
            session = find_session(table, os.getpid(), cluster.address)
            assert session is not None
            nodes = [g for g in groups(table, os.getpid(), session) if g.name.startswith("node")]
            assert len(nodes) == 2
            own = cluster.own_pids()
            assert own and {pid for g in nodes for pid in g.pids} <= own
        assert not own & set(scan())
        assert bystander.poll() is None
    finally:
        bystander.kill()
        bystander.wait()


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("ray", path=str(Path(sys.executable).parent)) is None,
                    reason="needs the cluster extra")  # fmt: skip
def test_the_comparison_measures_serve_ray_on_its_own_loopback_cluster() -> None:
    """The whole ``--ray`` path once: the loopback cluster, ``serve --ray`` with the replica
    flags, the clients, a node holding one replica of each engine, calls per replica."""
    import json

    data = Path(__file__).parent.parent / "data"
    done = subprocess.run(
        [sys.executable, "-m", "speech2image", "bench", "live", str(data / "one_sentence.flac"),
         "--ray", "--replicas", "1", "--nodes", "1", "--no-single", "--json"],
        capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    report = json.loads(done.stdout)
    (ray,) = report["configurations"]
    assert ray["replicas_per_engine"] == 1 and ray["errors"] == []
    assert ray["sentences"] >= 1 and ray["pictures"] == ray["sentences"]
    nodes = [g for g in ray["processes"] if g["name"].startswith("node ")]
    assert len(nodes) == 1
    for engine in ("s2i-asr", "s2i-language", "s2i-image"):
        assert nodes[0]["roles"][f"replica {engine}"] == 1
    assert ray["processes"][0]["name"] == "ingress"
    assert set(ray["replica_calls"]) == {"Recognizer", "SceneBuilding", "Drawing"}
    assert all(sum(calls.values()) > 0 for calls in ray["replica_calls"].values())
