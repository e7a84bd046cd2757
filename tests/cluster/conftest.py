"""A real Ray cluster on loopback: a head and a second node, each started by ``ray start``.

Both run in process groups of their own, started here; teardown ends those groups only
(``ray stop`` would stop every Ray process on the machine, other people's included).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

RAY = str(Path(sys.executable).with_name("ray"))
NODE_CPUS = 2
"""Logical CPUs of each node: two replicas of every engine (2 × 1.25 CPUs) need both."""


_ENVIRONMENT = {"RAY_AUTH_MODE": "disabled"}
"""A cluster of its own on loopback, with no token: the token Ray keeps in the home folder
belongs to whatever other cluster this machine runs."""


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Ray's own modules raise deprecation warnings of their dependencies (pydantic) when
    imported and used; the suite turns warnings into errors, which is for our code."""
    here = Path(__file__).parent
    for item in items:
        if here in Path(item.path).parents:
            item.add_marker(pytest.mark.filterwarnings("ignore::DeprecationWarning"))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _node_ports() -> list[str]:
    """Free ports for every server a node opens, so two nodes (and anyone else's cluster
    on this machine) never collide."""
    flags = (
        "--node-manager-port",
        "--object-manager-port",
        "--runtime-env-agent-port",
        "--dashboard-agent-grpc-port",
        "--dashboard-agent-listen-port",
        "--metrics-export-port",
    )
    ports: list[str] = []
    for flag in flags:
        ports += [flag, str(free_port())]
    return ports


def _start_node(args: list[str], temp_dir: str, log: Path) -> subprocess.Popen[bytes]:
    command = [RAY, "start", "--block", "--disable-usage-stats", *args, *_node_ports()]
    with log.open("ab") as out:
        return subprocess.Popen(
            command,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group: teardown ends it and no other
            env={**os.environ, **_ENVIRONMENT},
        )


def _wait_for_port(port: int, process: subprocess.Popen[bytes], deadline_s: float) -> None:
    deadline = time.monotonic() + deadline_s
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"ray start exited with {process.returncode}")
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 1):
            return
        time.sleep(0.2)
    raise RuntimeError(f"the Ray head did not open port {port} within {deadline_s:g} s")


def _stop(process: subprocess.Popen[bytes]) -> None:
    """End the process group this fixture started: SIGTERM, then SIGKILL."""
    for sig, wait_s in ((signal.SIGTERM, 5.0), (signal.SIGKILL, 5.0)):
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, sig)
        try:
            process.wait(timeout=wait_s)
            break
        except subprocess.TimeoutExpired:
            continue
    # Workers of the group that outlived ``ray start`` (they share its group id).
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)


@pytest.fixture(scope="session")
def ray_cluster() -> Iterator[str]:
    """``127.0.0.1:PORT`` of a head with a second node joined to it; this process is
    connected to it as a driver (the tests kill replicas through it)."""
    ray = pytest.importorskip("ray", reason="the cluster tests need pip install '.[cluster]'")
    # A short path: Ray's socket paths must fit in 107 bytes.
    temp_dir = tempfile.mkdtemp(prefix="s2i-rc-", dir="/tmp")
    log = Path(temp_dir) / "ray-start.log"
    port = free_port()
    common = ["--num-cpus", str(NODE_CPUS), "--temp-dir", temp_dir]
    started: list[subprocess.Popen[bytes]] = []
    saved = {name: os.environ.get(name) for name in _ENVIRONMENT}
    os.environ.update(_ENVIRONMENT)  # this process joins it too (the tests, the ingress)
    try:
        head_args = ["--head", "--node-ip-address", "127.0.0.1", "--port", str(port)]
        head_args += ["--include-dashboard", "false", "--ray-client-server-port"]
        head_args += [str(free_port()), *common]
        started.append(_start_node(head_args, temp_dir, log))
        _wait_for_port(port, started[0], 60.0)
        node_args = ["--address", f"127.0.0.1:{port}", "--node-ip-address", "127.0.0.1"]
        started.append(_start_node([*node_args, *common], temp_dir, log))
        address = f"127.0.0.1:{port}"
        _wait_for_nodes(address, 2, 60.0)
        yield address
    finally:
        if ray.is_initialized():
            ray.shutdown()
        for process in reversed(started):
            _stop(process)
        shutil.rmtree(temp_dir, ignore_errors=True)
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def _wait_for_nodes(address: str, count: int, deadline_s: float) -> None:
    """Join as a driver and wait until ``count`` nodes are alive (the ingress joins the
    same cluster later; this connection is kept for the tests' own calls)."""
    import ray

    ray.init(address=address, logging_level="WARNING", log_to_driver=False)
    deadline = time.monotonic() + deadline_s
    while time.monotonic() < deadline:
        if sum(1 for node in ray.nodes() if node["Alive"]) >= count:
            return
        time.sleep(0.5)
    raise RuntimeError(f"{count} Ray nodes did not come up within {deadline_s:g} s")
