"""Connect to a Ray cluster (or start a local one), deploy the engines, report their health.

Everything a user can get wrong fails here, before the port opens, with one line that names
what to change (``serve`` turns it into exit code 2): Ray not installed, an address nobody
answers on, more replicas than the cluster has CPUs or GPUs for, replicas that do not come
up within ``deploy_timeout_s``.
"""

from __future__ import annotations

import logging
import socket
import time
from dataclasses import dataclass
from typing import Any

from speech2image.cluster.options import DEPLOYMENTS, ClusterOptions
from speech2image.factory import PipelineOptions
from speech2image.stage import StageTimeouts

logger = logging.getLogger(__name__)

INSTALL_HINT = "pip install 'speech2image[cluster]'"
_REACH_TIMEOUT_S = 5.0
_REPLICA_FLAGS = {
    "s2i-asr": "--asr-replicas",
    "s2i-language": "--language-replicas",
    "s2i-image": "--image-replicas",
}


def _state(value: object) -> str:
    """A Serve status enum's name (``RUNNING``), not its ``str`` (``Status.RUNNING``)."""
    return str(getattr(value, "value", value))


def require_ray() -> None:
    """Raise ``RuntimeError`` naming the extra when Ray Serve is not installed."""
    try:
        import ray  # noqa: F401
        from ray import serve  # noqa: F401
    except ImportError as e:
        raise RuntimeError(f"--ray needs Ray Serve, which is not installed: {INSTALL_HINT}") from e


def check_reachable(address: str) -> None:
    """A ``HOST:PORT`` (or ``ray://HOST:PORT``) nobody answers on fails in seconds rather
    than after Ray's own minute of retries."""
    if address == "auto":
        return
    hostport = address.removeprefix("ray://")
    host, _, port = hostport.rpartition(":")
    if not host or not port.isdigit():
        raise ValueError(
            f"--ray {address!r} is not a cluster address: give HOST:PORT of the head node "
            "(ray start --head prints it), ray://HOST:PORT, or no address for a local cluster"
        )
    try:
        with socket.create_connection((host, int(port)), timeout=_REACH_TIMEOUT_S):
            pass
    except OSError as e:
        raise RuntimeError(
            f"no Ray cluster answers at {address} ({e.strerror or e}); check --ray, start one "
            "with `ray start --head`, or drop the address to start a local cluster"
        ) from e


@dataclass
class Cluster:
    """The connection to the cluster and the handles of the deployed engines."""

    options: ClusterOptions
    handles: dict[str, Any]
    started_locally: bool
    owns_connection: bool = True
    """This process joined the cluster itself (and leaves it on :meth:`close`)."""

    def status(self) -> dict[str, Any]:
        """Per deployment: its status and replicas by state, from the Serve controller."""
        from ray import serve

        applications = serve.status().applications
        report: dict[str, Any] = {}
        for app, name in DEPLOYMENTS.items():
            status = applications.get(app)
            deployment = status.deployments.get(name) if status is not None else None
            if deployment is None:
                report[name] = {"status": "MISSING", "replicas": {}, "healthy": False}
                continue
            replicas = {_state(k): int(v) for k, v in deployment.replica_states.items()}
            report[name] = {
                "status": _state(deployment.status),
                "replicas": replicas,
                "healthy": _state(deployment.status) in ("HEALTHY", "UPSCALING", "DOWNSCALING")
                and replicas.get("RUNNING", 0) > 0,
                "message": deployment.message,
            }
        return report

    def report(self) -> dict[str, Any]:
        """:meth:`status` with, per deployment, this ingress's calls in flight (its queue:
        each replica takes one call at a time) and the answers each replica gave."""
        deployments = self.status()
        for app, name in DEPLOYMENTS.items():
            deployments[name].update(self.handles[app].report())
            deployments[name]["application"] = app
        return {
            "address": self.options.address or "local",
            "deployments": deployments,
        }

    def close(self) -> None:
        """Disconnect; a cluster this process started goes with it."""
        import ray

        # A local cluster goes with this process's ray.shutdown (replicas included; an
        # explicit serve.shutdown only adds the controller's noise); a shared cluster keeps
        # its deployments for the next ingress (``--attach``) or ``serve shutdown``.
        if self.owns_connection:
            ray.shutdown()


def connect(options: ClusterOptions) -> tuple[bool, bool]:
    """Join the cluster at ``options.address``, or start a local one. Returns whether it is
    local and whether this call connected (an embedding program may have joined already)."""
    require_ray()
    import ray

    if options.address is not None:
        check_reachable(options.address)
    if ray.is_initialized():
        return False, False
    if options.address is not None:
        ray.init(address=options.address, logging_level=logging.WARNING, log_to_driver=False)
        return False, True
    ray.init(include_dashboard=False, logging_level=logging.WARNING, log_to_driver=False)
    return True, True


def check_resources(options: ClusterOptions) -> None:
    """More replicas than the cluster can place would wait for resources for ever."""
    import ray

    have = ray.cluster_resources()
    need = options.needed()
    asked = ", ".join(
        f"{flag} {options.replicas(app).fewest}" for app, flag in _REPLICA_FLAGS.items()
    )
    lower = f"lower {' / '.join(_REPLICA_FLAGS.values())} (or --min-replicas with auto)"
    if need["CPU"] > have.get("CPU", 0.0) + 1e-9:
        raise ValueError(
            f"the replicas asked for ({asked}) reserve {need['CPU']:g} CPUs (num_cpus per "
            f"replica) and the cluster has {have.get('CPU', 0.0):g}: {lower}, or add nodes"
        )
    if need["GPU"] > have.get("GPU", 0.0) + 1e-9:
        raise ValueError(
            f"{options.replicas('s2i-image').fewest} diffusers replicas (--image-replicas) "
            f"take one GPU each and the cluster has {have.get('GPU', 0.0):g}: {lower}, add "
            "GPU nodes, or draw on CPUs with --device cpu"
        )


def deploy(pipeline: PipelineOptions, options: ClusterOptions, timeouts: StageTimeouts) -> None:
    """Deploy the three applications and wait, at most ``deploy_timeout_s``, until every
    replica has loaded and warmed its model."""
    from ray import serve

    from speech2image.cluster.replicas import build_applications

    # The ingress is this process's own web server: Serve needs no HTTP proxy of its own.
    serve.start(proxy_location="Disabled")
    for app, application in build_applications(pipeline, options, timeouts).items():
        # serve._run without blocking: serve.run waits with no bound for replicas that
        # may never fit; the wait below is bounded and says which flag to change.
        serve._run(application, _blocking=False, name=app, route_prefix=None)
    wait_running(options)


def wait_running(options: ClusterOptions) -> None:
    """Return once every application runs; raise naming the flag when one fails or the
    deadline passes."""
    from ray import serve

    deadline = time.monotonic() + options.deploy_timeout_s
    while True:
        applications = serve.status().applications
        states = {app: applications.get(app) for app in DEPLOYMENTS}
        failed = [a for a, s in states.items() if s is not None and "FAILED" in _state(s.status)]
        if failed:
            app = failed[0]
            raise RuntimeError(
                f"the {app} application failed to deploy: {states[app].message}"  # type: ignore[union-attr]
            )
        if all(s is not None and _state(s.status) == "RUNNING" for s in states.values()):
            return
        if time.monotonic() > deadline:
            waiting = [a for a, s in states.items() if s is None or _state(s.status) != "RUNNING"]
            raise RuntimeError(
                f"{', '.join(waiting)} did not start within {options.deploy_timeout_s:g} s "
                "(replicas still loading, or waiting for CPUs/GPUs no node has): lower "
                "--asr-replicas / --image-replicas, add nodes, or raise --deploy-timeout-s"
            )
        time.sleep(0.5)


def handles(options: ClusterOptions, timeouts: StageTimeouts) -> dict[str, Any]:
    """A :class:`~.remote.RemoteDeployment` per application, with its stage's time-out."""
    from ray import serve

    from speech2image.cluster.remote import RemoteDeployment

    timeout_of = {
        "s2i-asr": timeouts.asr_timeout_s,
        "s2i-language": timeouts.language_timeout_s,
        "s2i-image": timeouts.image_timeout_s,
    }
    return {
        app: RemoteDeployment(
            name,
            serve.get_deployment_handle(name, app_name=app),
            timeout_s=timeout_of[app],
            replicas=options.replicas(app).count or options.replicas(app).max_replicas,
        )
        for app, name in DEPLOYMENTS.items()
    }


def start(pipeline: PipelineOptions, options: ClusterOptions, timeouts: StageTimeouts) -> Cluster:
    """Connect, check the resources, deploy (unless attaching) and get the handles."""
    local, connected = connect(options)
    try:
        if options.attach:
            wait_running(options)
        else:
            check_resources(options)
            deploy(pipeline, options, timeouts)
        cluster = Cluster(
            options=options,
            handles=handles(options, timeouts),
            started_locally=local,
            owns_connection=connected,
        )
        if options.attach:  # the replicas are what the config file deployed, not the flags
            status = cluster.status()
            for app, name in DEPLOYMENTS.items():
                running = status[name]["replicas"].get("RUNNING", 0)
                cluster.handles[app].replicas = max(running, 1)
        return cluster
    except BaseException:
        import ray

        if connected:
            ray.shutdown()
        raise
