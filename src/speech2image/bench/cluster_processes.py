"""The processes of a server and of its Ray cluster on this machine, grouped per node, with
their memory and CPU time read from /proc (Linux).

A Ray node is its ``raylet`` and everything the raylet started: the workers (Serve
replicas, the Serve controller and proxy, idle workers) and the node's agents. The head's
cluster-wide services (GCS, dashboard, monitor) are a group of their own. A cluster is told
apart from any other on the machine by its session name (``--session-name=`` on every
raylet's and service's command line). The ingress is the ``speech2image serve`` process
itself; a local cluster it started is counted as that cluster's nodes, not as the ingress.

Memory is summed two ways: RSS (as ``ps`` shows it; pages shared between processes, such as
the object store and libraries, are counted in each) and PSS (each shared page split between
the processes that map it, so the sum is what the group really holds).
"""

from __future__ import annotations

import os
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

_CLOCK_TICKS_PER_S = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100
_SESSION = re.compile(r"--session[-_]name=(\S+)")
_NODE_PORT = re.compile(r"--node_manager_port=(\d+)")
_NODE_IP = re.compile(r"--node_ip_address=(\S+)")
_GCS = re.compile(r"--gcs[-_]address=(\S+)")


@dataclass(frozen=True, slots=True)
class ProcessInfo:
    """One process as /proc shows it."""

    pid: int
    ppid: int
    command: str
    """The command line (a Ray worker's is its process title, ``ray::ServeReplica:...``)."""
    rss_kb: int
    cpu_s: float
    """User and system CPU time so far."""


def scan(proc: Path = Path("/proc")) -> dict[int, ProcessInfo]:
    """Every live process this user can read, by pid (zombies left out)."""
    table = {}
    for entry in proc.iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            command = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue
        # The second field is "(name)" and may hold spaces: split after its closing bracket.
        fields = stat[stat.rindex(")") + 2 :].split()
        if fields[0] == "Z":  # a zombie holds no memory and waits only to be reaped
            continue
        ticks = int(fields[11]) + int(fields[12])
        rss_kb = int(fields[21]) * os.sysconf("SC_PAGE_SIZE") // 1024
        table[int(entry.name)] = ProcessInfo(
            pid=int(entry.name),
            ppid=int(fields[1]),
            command=command.strip(),
            rss_kb=rss_kb,
            cpu_s=ticks / _CLOCK_TICKS_PER_S,
        )
    return table


def pss_kb(pid: int, proc: Path = Path("/proc")) -> int | None:
    """The proportional set size of ``pid`` (``Pss:`` of smaps_rollup), ``None`` if unread."""
    try:
        for line in (proc / str(pid) / "smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1])
    except (OSError, ValueError):
        return None
    return None


def role(command: str) -> str:
    """What a process is, in a word or two: ``replica s2i-asr``, ``raylet``, ``gcs_server``."""
    if command.startswith("ray::"):
        # An actor's title is ray::Class, or ray::Class.method while a method runs.
        title = command.removeprefix("ray::").split()[0].split(".")[0]
        if title.startswith("ServeReplica:"):
            return "replica " + title.split(":")[1]
        return "idle worker" if title == "IDLE" else title
    first = Path(command.split()[0]).name if command else "?"
    if first.startswith("python"):
        for part in command.split()[1:]:
            if part.endswith(".py"):
                return Path(part).stem
            if not part.startswith("-"):
                return Path(part).name
    return first


def descendants(table: dict[int, ProcessInfo], root: int) -> set[int]:
    """``root`` and every process below it."""
    children: dict[int, list[int]] = {}
    for info in table.values():
        children.setdefault(info.ppid, []).append(info.pid)
    found, stack = set(), [root]
    while stack:
        pid = stack.pop()
        if pid in found or (pid != root and pid not in table):
            continue
        found.add(pid)
        stack.extend(children.get(pid, []))
    return found & set(table)


def _is_raylet(info: ProcessInfo) -> bool:
    return bool(info.command) and Path(info.command.split()[0]).name == "raylet"


def find_session(table: dict[int, ProcessInfo], ingress: int, address: str | None) -> str | None:
    """The session name of the cluster the ingress uses: the one it started (a raylet
    below it), else the one whose raylets' GCS port is ``address``'s (host:port), else the
    only one on the machine; ``None`` when none can be told."""
    raylets = [info for info in table.values() if _is_raylet(info)]
    below = descendants(table, ingress)
    for info in raylets:
        if info.pid in below and (match := _SESSION.search(info.command)):
            return match.group(1)
    sessions = {m.group(1) for info in raylets if (m := _SESSION.search(info.command))}
    if address:
        # By port alone: the processes are this machine's, where one port is one GCS, and
        # Ray may write the machine's address for the 127.0.0.1 it was given.
        port = address.removeprefix("ray://").rstrip("/").rpartition(":")[2]
        for info in raylets:
            gcs, session = _GCS.search(info.command), _SESSION.search(info.command)
            if gcs and session and gcs.group(1).rpartition(":")[2] == port:
                return session.group(1)
    return next(iter(sessions)) if len(sessions) == 1 else None


@dataclass(frozen=True, slots=True)
class ProcessGroup:
    """A node, the head's services, or the ingress: the pids it holds now."""

    name: str
    pids: frozenset[int]


def groups(table: dict[int, ProcessInfo], ingress: int, session: str | None) -> list[ProcessGroup]:
    """The ingress, each node of ``session`` (``node IP:PORT``) and the head's services
    (every other process whose command line names the session, its logs folder say)."""
    result: list[ProcessGroup] = []
    counted: set[int] = set()
    if session is not None:
        tag = session
        raylets = sorted(
            (i for i in table.values() if _is_raylet(i) and tag in i.command),
            key=lambda i: i.pid,
        )
        for info in raylets:
            ip, port = _NODE_IP.search(info.command), _NODE_PORT.search(info.command)
            pids = descendants(table, info.pid)
            counted |= pids
            where = f"{ip.group(1) if ip else '?'}:{port.group(1) if port else '?'}"
            result.append(ProcessGroup(f"node {where}", frozenset(pids)))
        services: set[int] = set()
        for info in table.values():
            if info.pid not in counted and tag in info.command:
                services |= descendants(table, info.pid)
        services -= counted
        counted |= services
        if services:
            result.append(ProcessGroup("head services", frozenset(services)))
    ingress_pids = descendants(table, ingress) - counted
    return [ProcessGroup("ingress", frozenset(ingress_pids)), *result]


@dataclass
class GroupFigures:
    """What one group held and used over a run."""

    name: str
    processes: int = 0
    roles: dict[str, int] = field(default_factory=dict)
    """How many processes of each role (``replica s2i-asr``: 2, ``raylet``: 1, ...)."""
    peak_rss_mb: float = 0.0
    """The largest sum of its processes' RSS at one sample."""
    peak_pss_mb: float = 0.0
    """The largest sum of their PSS at one sample."""
    cpu_s: float = 0.0
    """CPU time its processes used between the first sample and the last."""
    cpu_s_by_role: dict[str, float] = field(default_factory=dict)


class ClusterSampler:
    """Samples the groups of an ingress and its cluster: call :meth:`sample` now and then,
    :meth:`figures` at the end."""

    def __init__(self, ingress: int, *, cluster: bool, address: str | None = None) -> None:
        self._ingress = ingress
        self._cluster = cluster
        self._address = address
        self._first_cpu_s: dict[int, float] = {}
        self._last: dict[int, ProcessInfo] = {}
        self._figures: dict[str, GroupFigures] = {}
        self._last_groups: list[ProcessGroup] = []
        self.session: str | None = None
        """The cluster's session name, once found."""

    def sample(self) -> None:
        """Read every process once; add the groups' memory to the peaks."""
        table = scan()
        if self._cluster and self.session is None:
            self.session = find_session(table, self._ingress, self._address)
        self._last_groups = groups(table, self._ingress, self.session)
        for group in self._last_groups:
            figures = self._figures.setdefault(group.name, GroupFigures(group.name))
            infos = [table[pid] for pid in group.pids]
            rss_mb = sum(i.rss_kb for i in infos) / 1024
            pss_mb = sum(pss_kb(i.pid) or i.rss_kb for i in infos) / 1024
            figures.peak_rss_mb = round(max(figures.peak_rss_mb, rss_mb), 1)
            figures.peak_pss_mb = round(max(figures.peak_pss_mb, pss_mb), 1)
            for info in infos:
                self._first_cpu_s.setdefault(info.pid, info.cpu_s)
                self._last[info.pid] = info

    def figures(self) -> list[GroupFigures]:
        """Each group as the last sample found it, with its peaks and its CPU time."""
        result = []
        for group in self._last_groups:
            figures = self._figures[group.name]
            infos = [self._last[pid] for pid in group.pids if pid in self._last]
            roles = Counter(role(i.command) for i in infos)
            cpu_by_role: dict[str, float] = {}
            for info in infos:
                used_s = info.cpu_s - self._first_cpu_s[info.pid]
                cpu_by_role[role(info.command)] = cpu_by_role.get(role(info.command), 0.0) + used_s
            figures.processes = len(infos)
            figures.roles = dict(sorted(roles.items()))
            figures.cpu_s = round(sum(cpu_by_role.values()), 1)
            figures.cpu_s_by_role = {k: round(v, 1) for k, v in sorted(cpu_by_role.items())}
            result.append(figures)
        return result
