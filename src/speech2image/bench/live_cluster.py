"""``speech2image bench live --ray [ADDRESS]``: the single process against the Ray Serve
deployment, in one run, with the same recording and the same clients.

Configurations, one after the other, each a fresh ``speech2image serve`` subprocess on a free
loopback port, waited on at ``/healthz`` and stopped after: the single process, then
``serve --ray ADDRESS`` with each ``--replicas`` count for every engine (recognition, scene
building, drawing). Without ADDRESS the run starts a loopback cluster of ``--nodes`` nodes of
its own (:mod:`.cluster_loopback`) and stops it at the end.

Per configuration: end of sentence → final picture p50 / p95 / max and first draft p50 over
every client's sentences, errors, the memory and CPU time of each node and of the ingress
(:mod:`.cluster_processes`), the CPU time per second of speech streamed (the figure the
sizing in docs/scaling.md is derived from), clients per replica, and what ``/api/cluster``
said of the replicas at the end (calls each answered).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import tempfile
import time
import urllib.request
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from speech2image.bench import percentile
from speech2image.bench.cluster_processes import ClusterSampler, GroupFigures
from speech2image.bench.live import (
    ClientFigures,
    ServerProcess,
    load_recording,
    stream_client,
)
from speech2image.config import SAMPLE_RATE

TARGET_P95_S = 1.5
"""The issue's target: clients served at p95 <= 1.5 s from end of sentence to picture."""
SAMPLE_EVERY_S = 2.0
"""Seconds between two readings of every process's memory."""
DEPLOY_TIMEOUT_S = 600
"""How long ``serve --ray`` may take to load every replica's model (two cores shared by
every replica load slowly)."""
ENGINE_FLAGS = ("--asr-replicas", "--language-replicas", "--image-replicas")


def add_cluster_arguments(parser: argparse.ArgumentParser) -> None:
    """``--ray`` and the flags of the cluster comparison."""
    group = parser.add_argument_group(
        "cluster comparison (--ray)",
        "Measure the single process and then the Ray Serve deployment, in one run.",
    )
    group.add_argument(
        "--ray",
        nargs="?",
        const="",
        default=None,
        metavar="ADDRESS",
        help="also measure `serve --ray ADDRESS`; without ADDRESS on a loopback cluster this "
        "run starts and stops (the deployments stay on a cluster given by ADDRESS)",
    )
    group.add_argument(
        "--replicas",
        default="1,2",
        metavar="N,N",
        help="replicas per engine of each Ray configuration (default 1,2)",
    )
    group.add_argument(
        "--nodes", type=int, default=2, help="nodes of the loopback cluster (default 2)"
    )
    group.add_argument(
        "--cpus-per-node",
        type=int,
        default=4,
        help="logical CPUs each loopback node declares, so the replicas fit (default 4; "
        "Ray places by these, the machine's cores are shared by all)",
    )
    group.add_argument(
        "--single",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="measure the single process first (default: yes)",
    )


@dataclass
class ConfigurationFigures:
    """What one configuration measured."""

    name: str
    replicas_per_engine: int | None
    """``None`` for the single process."""
    clients: int
    sentences: int = 0
    pictures: int = 0
    drafts: int = 0
    pictures_per_stream_s: float | None = None
    """Pictures drawn (finals and drafts) per second of speech streamed: what an image
    engine must draw for each speaker."""
    final_latency_p50_s: float | None = None
    final_latency_p95_s: float | None = None
    final_latency_max_s: float | None = None
    first_draft_p50_s: float | None = None
    target_met: bool = False
    """Every sentence drawn, no error, and p95 <= :data:`TARGET_P95_S`."""
    errors: list[str] = field(default_factory=list)
    clients_per_replica: float | None = None
    processes: list[GroupFigures] = field(default_factory=list)
    """The ingress, each node, the head's services."""
    cpu_s: float = 0.0
    """CPU time of every process counted, over the clients' run."""
    cpu_s_per_stream_s: float | None = None
    """``cpu_s`` per second of speech streamed (all clients): cores one speaker keeps busy."""
    replica_calls: dict[str, dict[str, int]] = field(default_factory=dict)
    """Calls each replica answered, per deployment (from ``/api/cluster``)."""
    call_timings: dict[str, Any] = field(default_factory=dict)
    """Per deployment, the ingress's recent calls: seconds waiting in the ingress for a
    free replica, on the replica, and in the router and in transit (``/api/cluster``)."""
    cluster: Any = None
    """``/api/cluster`` at the end, as the ingress said it."""
    wall_s: float = 0.0


def parse_replicas(text: str, error: type[Exception]) -> list[int]:
    """``"1,2"`` as ``[1, 2]``: whole numbers from 1 to 16, or ``error`` naming the flag."""
    try:
        counts = [int(part) for part in text.split(",") if part.strip()]
    except ValueError:
        raise error(f"--replicas {text!r}: a comma-separated list of numbers, e.g. 1,2") from None
    if not counts or not all(1 <= n <= 16 for n in counts):
        raise error(f"--replicas {text!r}: each count must be between 1 and 16")
    return counts


def configurations(
    replicas: list[int], address: str, *, single: bool
) -> list[tuple[str, int | None, list[str]]]:
    """(name, replicas per engine, ``serve`` arguments) of each configuration, in order."""
    found: list[tuple[str, int | None, list[str]]] = []
    if single:
        found.append(("single process", None, []))
    for count in replicas:
        flags = [part for flag in ENGINE_FLAGS for part in (flag, str(count))]
        serve_args = ["--ray", address, *flags, "--deploy-timeout-s", str(DEPLOY_TIMEOUT_S)]
        found.append((f"Ray Serve, {count} per engine", count, serve_args))
    return found


def compare(args: argparse.Namespace) -> int:
    """Measure each configuration in turn; print the table (or JSON)."""
    from speech2image.bench.cluster_loopback import ENVIRONMENT, LoopbackCluster
    from speech2image.errors import CommandError

    if args.url:
        raise CommandError("--ray starts its own servers: leave out --url")
    if not 1 <= args.nodes <= 8 or not 1 <= args.cpus_per_node <= 256:
        raise CommandError("--nodes must be 1 to 8 and --cpus-per-node 1 to 256")
    replicas = parse_replicas(args.replicas, CommandError)
    pcm, repeats = load_recording(args.audio, args.minutes, CommandError)
    logs = Path(tempfile.mkdtemp(prefix="s2i-bench-logs-"))
    results: list[ConfigurationFigures] = []
    cluster = None
    with contextlib.ExitStack() as stack:
        if args.ray == "":
            loopback = LoopbackCluster(nodes=args.nodes, cpus_per_node=args.cpus_per_node)
            try:
                cluster = stack.enter_context(loopback)
            except RuntimeError as e:
                raise CommandError(str(e)) from e
            # Callbacks run last in, first out: the logs are copied before the cluster goes.
            stack.callback(cluster.keep_logs, logs / "ray")
        address = cluster.address if cluster is not None else args.ray
        for name, count, serve_args in configurations(replicas, address, single=args.single):
            log = logs / f"serve-{count or 'single'}.log"
            env = ENVIRONMENT if cluster is not None and count is not None else {}
            results.append(
                measure(name, count, serve_args, address, (pcm, repeats), args, log, env)
            )
    audio_s = round(len(pcm) * repeats / SAMPLE_RATE, 1)
    report = {
        "clients": args.clients,
        "audio_s_per_client": audio_s,
        "cluster": "loopback" if cluster is not None else address,
        "nodes": args.nodes if cluster is not None else None,
        "server_logs": str(logs),
        "configurations": [asdict(r) for r in results],
    }
    print(json.dumps(report, indent=2) if args.json else render(report))
    return 0 if all(r.pictures == r.sentences and not r.errors for r in results) else 1


def measure(
    name: str,
    replicas: int | None,
    serve_args: list[str],
    address: str,
    recording: tuple[np.ndarray, int],
    args: argparse.Namespace,
    log: Path,
    env: dict[str, str],
) -> ConfigurationFigures:
    """One configuration: start its server, stream every client, sample its processes."""
    pcm, repeats = recording
    figures = ConfigurationFigures(name=name, replicas_per_engine=replicas, clients=args.clients)
    started = time.monotonic()
    server = ServerProcess(
        serve_args=serve_args, start_timeout_s=DEPLOY_TIMEOUT_S + 120, log=log, env=env
    )
    try:
        server.__enter__()
    except RuntimeError as e:  # it exited or did not answer: the next configuration runs
        figures.errors.append(f"did not start: {e}")
        return figures
    try:
        assert server.pid is not None
        sampler = ClusterSampler(server.pid, cluster=replicas is not None, address=address)
        clients = asyncio.run(_sampled_clients(server.url, pcm, repeats, args, sampler))
        figures.cluster = _get_json(server.url + "/api/cluster") if replicas else None
    finally:
        server.__exit__()
    figures.wall_s = round(time.monotonic() - started, 1)
    _fill(figures, clients, sampler, stream_s=args.clients * len(pcm) * repeats / SAMPLE_RATE)
    return figures


async def _sampled_clients(
    url: str, pcm: np.ndarray, repeats: int, args: argparse.Namespace, sampler: ClusterSampler
) -> list[ClientFigures | BaseException]:
    await asyncio.to_thread(sampler.sample)
    tasks = [
        asyncio.create_task(stream_client(n, url, pcm, repeats, delay_s=n * args.stagger_s))
        for n in range(args.clients)
    ]
    everything = asyncio.gather(*tasks, return_exceptions=True)
    while not everything.done():
        await asyncio.wait([everything], timeout=SAMPLE_EVERY_S)
        await asyncio.to_thread(sampler.sample)
    return list(everything.result())


def _fill(
    figures: ConfigurationFigures,
    clients: list[ClientFigures | BaseException],
    sampler: ClusterSampler,
    *,
    stream_s: float,
) -> None:
    finals: list[float] = []
    drafts: list[float] = []
    for number, client in enumerate(clients):
        if isinstance(client, BaseException):
            figures.errors.append(f"client {number}: {type(client).__name__}: {client}")
            continue
        figures.sentences += client.sentences
        figures.pictures += client.pictures
        figures.drafts += client.drafts
        finals += client.final_latencies_s
        drafts += client.first_draft_latencies_s
        figures.errors += [f"client {number}: {message}" for message in client.errors]
    figures.final_latency_p50_s = percentile(finals, 50)
    figures.final_latency_p95_s = percentile(finals, 95)
    figures.final_latency_max_s = round(max(finals), 3) if finals else None
    figures.first_draft_p50_s = percentile(drafts, 50)
    figures.target_met = bool(
        finals
        and not figures.errors
        and figures.pictures == figures.sentences
        and (figures.final_latency_p95_s or 0) <= TARGET_P95_S
    )
    if figures.replicas_per_engine:
        figures.clients_per_replica = round(figures.clients / figures.replicas_per_engine, 2)
    figures.processes = sampler.figures()
    figures.cpu_s = round(sum(g.cpu_s for g in figures.processes), 1)
    if stream_s:
        figures.cpu_s_per_stream_s = round(figures.cpu_s / stream_s, 3)
        figures.pictures_per_stream_s = round((figures.pictures + figures.drafts) / stream_s, 3)
    figures.replica_calls = replica_calls(figures.cluster)
    figures.call_timings = call_timings(figures.cluster)


def call_timings(cluster: Any) -> dict[str, Any]:
    """``recent_calls`` of each deployment in an ``/api/cluster`` answer."""
    deployments = (cluster or {}).get("cluster", cluster or {})
    deployments = deployments.get("deployments", {}) if isinstance(deployments, dict) else {}
    return {
        name: d["recent_calls"]
        for name, d in deployments.items()
        if isinstance(d, dict) and isinstance(d.get("recent_calls"), dict)
    }


def replica_calls(cluster: Any) -> dict[str, dict[str, int]]:
    """Calls answered per replica, per deployment, wherever ``/api/cluster`` holds an
    ``answered_by_replica`` mapping (under the deployment's name)."""
    found: dict[str, dict[str, int]] = {}

    def walk(node: Any, name: str) -> None:
        if isinstance(node, dict):
            answered = node.get("answered_by_replica")
            if isinstance(answered, dict):
                found[name] = {str(k): int(v) for k, v in answered.items()}
            for key, value in node.items():
                walk(value, str(key) if isinstance(value, dict) else name)
        elif isinstance(node, list):
            for value in node:
                walk(value, name)

    walk(cluster, "cluster")
    return found


def _get_json(url: str) -> Any:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return json.loads(response.read())
    except (OSError, ValueError) as e:
        return {"unreadable": f"{type(e).__name__}: {e}"}


def render(report: dict[str, Any]) -> str:
    """The comparison as text: a line per configuration, then its processes."""
    lines = [
        f"{report['clients']} client(s), {report['audio_s_per_client']} s of audio each; "
        f"cluster: {report['cluster']}; servers' output in {report['server_logs']}"
    ]
    for c in report["configurations"]:
        met = "met" if c["target_met"] else "not met"
        lines.append(
            f"{c['name']}: {c['pictures']} of {c['sentences']} pictures (and {c['drafts']} "
            f"drafts: {c['pictures_per_stream_s']} per s of speech), end of sentence → "
            f"final picture p50 {c['final_latency_p50_s']} s p95 {c['final_latency_p95_s']} s "
            f"max {c['final_latency_max_s']} s (p95 <= {TARGET_P95_S:g} s {met}); first draft "
            f"p50 {c['first_draft_p50_s']} s; {len(c['errors'])} errors; CPU "
            f"{c['cpu_s']} s = {c['cpu_s_per_stream_s']} s per s of speech"
            + (
                f"; {c['clients_per_replica']} clients per replica"
                if c["clients_per_replica"] is not None
                else ""
            )
        )
        lines += [f"    error: {message}" for message in c["errors"][:5]]
        for g in c["processes"]:
            roles = ", ".join(f"{n} {r}" for r, n in g["roles"].items())
            lines.append(
                f"    {g['name']}: RSS {g['peak_rss_mb']:.0f} MB (PSS {g['peak_pss_mb']:.0f} MB), "
                f"CPU {g['cpu_s']} s; {roles}"
            )
        for deployment, calls in c["replica_calls"].items():
            lines.append(f"    {deployment} calls per replica: {sorted(calls.values())}")
        for deployment, recent in c.get("call_timings", {}).items():
            spans = ", ".join(
                f"{key.removesuffix('_s').replace('_', ' ')} p50/p95/max "
                f"{value['p50']}/{value['p95']}/{value['max']} s"
                for key, value in recent.items()
                if isinstance(value, dict)
            )
            lines.append(f"    {deployment} last {recent['calls']} calls: {spans}")
    return "\n".join(lines)
