"""How the engines are deployed on a Ray cluster: replicas and resources (no Ray needed).

Read by :mod:`.deploy` to deploy from ``serve --ray`` and by :mod:`.config` to write the
same deployments as a Ray Serve config file, so the two never disagree.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

ASR_APP = "s2i-asr"
LANGUAGE_APP = "s2i-language"
IMAGE_APP = "s2i-image"
DEPLOYMENTS = {ASR_APP: "Recognizer", LANGUAGE_APP: "SceneBuilding", IMAGE_APP: "Drawing"}
"""One Serve application per engine (each deployable and scalable on its own), and the
name of its one deployment."""


@dataclass(frozen=True, kw_only=True)
class Replicas:
    """A fixed number of replicas, or Serve's autoscaling between ``min`` and ``max``."""

    count: int | None = 1
    """Replicas to run; ``None`` autoscales between ``min_replicas`` and ``max_replicas``."""
    min_replicas: int = 1
    max_replicas: int = 4
    target_ongoing_requests: float = 1.0
    """Autoscaling adds replicas when a replica holds more requests than this on average
    (one: a model serves one call at a time)."""

    def __post_init__(self) -> None:
        if self.count is not None and self.count < 1:
            raise ValueError(f"replicas must be at least 1, got {self.count}")
        if not 0 <= self.min_replicas <= self.max_replicas or self.max_replicas < 1:
            raise ValueError(
                f"autoscaling needs 0 <= min ({self.min_replicas}) <= max "
                f"({self.max_replicas}) and max >= 1"
            )

    @property
    def fewest(self) -> int:
        """The replicas that must fit on the cluster at start."""
        return self.count if self.count is not None else max(self.min_replicas, 1)

    def serve_options(self) -> dict[str, Any]:
        """``num_replicas`` or ``autoscaling_config`` for ``serve.deployment`` and the config
        file."""
        if self.count is not None:
            return {"num_replicas": self.count}
        return {
            "autoscaling_config": {
                "min_replicas": self.min_replicas,
                "initial_replicas": max(self.min_replicas, 1),
                "max_replicas": self.max_replicas,
                "target_ongoing_requests": self.target_ongoing_requests,
            }
        }


def parse_replicas(value: str, *, flag: str, min_replicas: int, max_replicas: int) -> Replicas:
    """``"2"`` or ``"auto"`` (with the min/max flags) as :class:`Replicas`; the error names
    ``flag``."""
    if value == "auto":
        try:
            return Replicas(count=None, min_replicas=min_replicas, max_replicas=max_replicas)
        except ValueError as e:
            raise ValueError(f"{flag} auto: {e} (--min-replicas, --max-replicas)") from e
    try:
        count = int(value)
    except ValueError:
        raise ValueError(f"{flag}={value!r} must be a number of replicas or 'auto'") from None
    if count < 1:
        raise ValueError(f"{flag}={value!r} must be at least 1 (or 'auto')")
    return Replicas(count=count)


@dataclass(frozen=True, kw_only=True)
class ClusterOptions:
    """Where the engines run and how many replicas of each."""

    address: str | None = None
    """A running cluster (``HOST:PORT`` of its head, ``ray://HOST:10001``, ``auto``), or
    ``None`` to start a local one inside ``serve``."""
    asr_replicas: Replicas = field(default_factory=Replicas)
    language_replicas: Replicas = field(default_factory=Replicas)
    image_replicas: Replicas = field(default_factory=Replicas)
    asr_num_cpus: float = 0.5
    """CPUs a recognition replica reserves. Ray's reservations are logical (they place
    replicas, they do not pin cores): two of each engine fit a 2-core machine's 2 CPUs; on
    real nodes raise them (1 or more per Whisper replica) in the config file."""
    language_num_cpus: float = 0.25
    """CPUs a scene-building replica reserves (spaCy, milliseconds a sentence)."""
    image_num_cpus: float = 0.25
    """CPUs a drawing replica reserves (the composer; a diffusers replica takes a GPU too)."""
    image_num_gpus: float = 0.0
    """GPUs a drawing replica reserves (1 for diffusers on CUDA)."""
    deploy_timeout_s: float = 300.0
    """How long ``serve --ray`` waits for every replica to load its model and warm up."""
    attach: bool = False
    """Use the applications already deployed (``serve deploy serve.yaml``) instead of
    deploying them."""

    def __post_init__(self) -> None:
        for name in ("asr_num_cpus", "language_num_cpus", "image_num_cpus", "image_num_gpus"):
            if getattr(self, name) < 0:
                raise ValueError(f"{name} must be 0 or more, got {getattr(self, name)}")
        if not self.deploy_timeout_s > 0:
            raise ValueError(f"deploy_timeout_s must be more than 0, got {self.deploy_timeout_s}")

    def replicas(self, app: str) -> Replicas:
        return {
            ASR_APP: self.asr_replicas,
            LANGUAGE_APP: self.language_replicas,
            IMAGE_APP: self.image_replicas,
        }[app]

    def actor_options(self, app: str) -> dict[str, float]:
        """``ray_actor_options`` of ``app``'s replicas."""
        if app == ASR_APP:
            return {"num_cpus": self.asr_num_cpus}
        if app == LANGUAGE_APP:
            return {"num_cpus": self.language_num_cpus}
        options = {"num_cpus": self.image_num_cpus}
        if self.image_num_gpus:
            options["num_gpus"] = self.image_num_gpus
        return options

    def needed(self) -> dict[str, float]:
        """CPUs and GPUs the fewest replicas of every engine reserve together."""
        total = {"CPU": 0.0, "GPU": 0.0}
        for app in DEPLOYMENTS:
            fewest = self.replicas(app).fewest
            actor = self.actor_options(app)
            total["CPU"] += fewest * actor["num_cpus"]
            total["GPU"] += fewest * actor.get("num_gpus", 0.0)
        return total
