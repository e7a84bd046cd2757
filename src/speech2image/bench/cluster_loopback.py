"""A Ray cluster on the loopback interface for one benchmark run: a head and worker nodes,
each a ``ray start`` of its own, in a temporary folder of their own, stopped after.

Every port is chosen free (GCS, client server, node manager, object manager, agents,
metrics), so the cluster can run beside another one on the same machine (a test's, or a
user's). It is stopped by ending only its own processes: those whose command line names its
temporary folder, and everything below them (``ray stop`` would stop every Ray process on
the machine). Needs the cluster extra (``pip install 'speech2image[cluster]'``), whose
``ray`` command sits beside this Python.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from speech2image.bench.cluster_processes import descendants, scan
from speech2image.bench.live import free_port

OBJECT_STORE_BYTES = 256 * 1024 * 1024
"""Each node's object store: the calls carry audio chunks and PNGs, megabytes at most
(Ray's default takes 30% of the machine's memory per node)."""
ENVIRONMENT = {"RAY_AUTH_MODE": "disabled", "RAY_USAGE_STATS_ENABLED": "0"}
"""For every process of the cluster and its clients. Token authentication off: the cluster
listens on 127.0.0.1 only and lives for one run; and explicit, because Ray 2.60 decides the
mode differently for a head (token, once any ``~/.ray/auth_token`` exists) and for a node
joining it (off unless set), which then cannot join."""


class LoopbackCluster:
    """``nodes`` Ray nodes on 127.0.0.1, each declaring ``cpus_per_node`` logical CPUs;
    :attr:`address` is the head's GCS address once entered. A context manager."""

    def __init__(self, *, nodes: int, cpus_per_node: int, start_timeout_s: float = 180.0):
        if nodes < 1 or cpus_per_node < 1:
            raise ValueError(f"nodes={nodes} and cpus_per_node={cpus_per_node} must be >= 1")
        self.nodes = nodes
        self.cpus_per_node = cpus_per_node
        self.address = ""
        self._timeout_s = start_timeout_s
        self._folder: str | None = None

    def __enter__(self) -> LoopbackCluster:
        ray = Path(sys.executable).with_name("ray")
        if not ray.is_file():
            raise RuntimeError(
                f"no `ray` command beside {sys.executable}: pip install 'speech2image[cluster]'"
            )
        # Unix socket paths are limited to about 100 bytes: a short folder under /tmp.
        self._folder = tempfile.mkdtemp(prefix="s2i-ray-", dir="/tmp")
        port = free_port()
        self.address = f"127.0.0.1:{port}"
        try:
            self._start(ray, "--head", "--port", str(port), "--include-dashboard", "false",
                        "--ray-client-server-port", str(free_port()))  # fmt: skip
            for _ in range(self.nodes - 1):
                self._start(ray, "--address", self.address)
        except BaseException:
            self.__exit__()
            raise
        return self

    def _start(self, ray: Path, *role: str) -> None:
        assert self._folder is not None
        command = [str(ray), "start", *role, "--node-ip-address", "127.0.0.1",
                   "--num-cpus", str(self.cpus_per_node), "--num-gpus", "0",
                   "--object-store-memory", str(OBJECT_STORE_BYTES),
                   "--temp-dir", self._folder, "--disable-usage-stats",
                   "--node-manager-port", str(free_port()),
                   "--object-manager-port", str(free_port()),
                   "--dashboard-agent-listen-port", str(free_port()),
                   "--dashboard-agent-grpc-port", str(free_port()),
                   "--runtime-env-agent-port", str(free_port()),
                   "--metrics-export-port", str(free_port())]  # fmt: skip
        env = {**os.environ, **ENVIRONMENT}
        done = subprocess.run(
            command, capture_output=True, text=True, timeout=self._timeout_s, env=env
        )
        if done.returncode != 0:
            raise RuntimeError(
                f"`ray start {' '.join(role)}` failed ({done.returncode}): "
                f"{(done.stderr or done.stdout).strip()[-800:]}"
            )

    def own_pids(self) -> set[int]:
        """This cluster's processes: those naming its folder, and everything below them."""
        if self._folder is None:
            return set()
        table = scan()
        found: set[int] = set()
        for info in table.values():
            if self._folder in info.command and info.pid != os.getpid():
                found |= descendants(table, info.pid)
        return found

    def keep_logs(self, folder: Path) -> None:
        """Copy the cluster's logs (the replicas', the Serve controller's) to ``folder``."""
        if self._folder is None:
            return
        logs = Path(self._folder) / "session_latest" / "logs"
        if logs.is_dir():
            shutil.copytree(logs, folder, dirs_exist_ok=True, ignore_dangling_symlinks=True)

    def __exit__(self, *exc: object) -> None:
        if self._folder is None:
            return
        pids = self.own_pids()
        for which, wait_s in ((signal.SIGTERM, 15.0), (signal.SIGKILL, 10.0)):
            _signal(pids, which)
            deadline = time.monotonic() + wait_s
            while (pids := pids & set(scan())) and time.monotonic() < deadline:
                time.sleep(0.2)
        shutil.rmtree(self._folder, ignore_errors=True)
        self._folder = None


def _signal(pids: set[int], which: signal.Signals) -> None:
    for pid in pids:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.kill(pid, which)
