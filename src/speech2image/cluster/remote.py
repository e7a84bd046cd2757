"""The ingress side of the deployments: engines that call replicas through handles.

:class:`RemoteRecognizer`, :class:`RemoteSceneBuilder` and :class:`RemoteEngine` implement
the same protocols as the local models (``SpeechRecognizer``, ``SceneBuilder``,
``ImageEngine``), so a session cannot tell them apart: the factory hands them to
:class:`~speech2image.workers.Workers` in place of the loaded models, and each session keeps
its own streaming policy, scene context and last picture here, in the ingress.

Each call is blocking (it runs in the stage's worker thread, never on the event loop) and
bounded by the stage's time-out: past it the request is cancelled and
:class:`ReplicaFailed` raised, which the session reports as an error event for that
sentence. A replica that dies with a call in flight (killed, out of memory) is retried once
on another replica: every call is stateless, so running it again is safe.
"""

from __future__ import annotations

import io
import logging
import threading
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from PIL import Image
from ray import exceptions as ray_exceptions
from ray.serve.handle import DeploymentHandle

from speech2image.asr.backend import RecognizedSegment
from speech2image.imaging.engine import Picture
from speech2image.language.builder import SourceText
from speech2image.scene import Scene

logger = logging.getLogger(__name__)

_REPLICA_DIED = (ray_exceptions.RayActorError, ray_exceptions.ActorDiedError)


class ReplicaFailed(RuntimeError):
    """A replica did not answer within the stage's time-out, or failed to."""


@dataclass
class CallLedger:
    """What this ingress asked of one deployment: calls in flight, answers per replica."""

    in_flight: int = 0
    answered_by: Counter[str] = field(default_factory=Counter)
    failed: int = 0
    retried: int = 0
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def snapshot(self) -> dict[str, Any]:
        with self._lock:
            return {
                "in_flight": self.in_flight,
                "answered_by_replica": dict(self.answered_by),
                "failed": self.failed,
                "retried": self.retried,
            }


class RemoteDeployment:
    """One deployment's handle, with a time-out per call and a ledger of its answers."""

    def __init__(
        self, name: str, handle: DeploymentHandle, *, timeout_s: float, replicas: int = 1
    ) -> None:
        self.name = name
        self.handle = handle
        self.timeout_s = timeout_s
        self.replicas = replicas
        """Replicas that take calls (the most an autoscaled deployment may have)."""
        self.ledger = CallLedger()

    def saturated(self) -> bool:
        """More calls in flight than replicas: some wait in the router's queue (each replica
        takes one at a time)."""
        return self.ledger.in_flight > self.replicas

    def call(self, method: str, *args: Any) -> Any:
        """``method(*args)`` on some replica; returns its answer less the replica id (every
        replica method answers a tuple that ends with its replica's id)."""
        with self.ledger._lock:
            self.ledger.in_flight += 1
        try:
            try:
                answer = self._once(method, args)
            except _REPLICA_DIED as e:
                logger.warning("a %s replica died during a call (%s); retrying", self.name, e)
                with self.ledger._lock:
                    self.ledger.retried += 1
                answer = self._once(method, args)
        except Exception:
            with self.ledger._lock:
                self.ledger.failed += 1
            raise
        finally:
            with self.ledger._lock:
                self.ledger.in_flight -= 1
        *result, replica = answer
        with self.ledger._lock:
            self.ledger.answered_by[replica] += 1
        return result[0] if len(result) == 1 else tuple(result)

    def _once(self, method: str, args: tuple[Any, ...]) -> tuple[Any, ...]:
        response = getattr(self.handle, method).remote(*args)
        try:
            return tuple(response.result(timeout_s=self.timeout_s))
        except TimeoutError as e:
            response.cancel()
            raise ReplicaFailed(
                f"the {self.name} deployment did not answer within {self.timeout_s:g} s"
            ) from e
        except _REPLICA_DIED:
            raise
        except ray_exceptions.RayTaskError as e:
            raise ReplicaFailed(f"the {self.name} replica failed: {e.cause or e}") from e


class RemoteRecognizer:
    """A ``SpeechRecognizer`` (and ``SpeechTranslator``) whose passes run on replicas."""

    def __init__(self, deployment: RemoteDeployment) -> None:
        self.deployment = deployment
        facts = deployment.call("describe")
        self._multilingual = bool(facts["multilingual"])
        self._default_language = str(facts["default_language"])

    @property
    def multilingual(self) -> bool:
        return self._multilingual

    @property
    def default_language(self) -> str:
        return self._default_language

    def recognize(self, audio: np.ndarray, **options: Any) -> list[RecognizedSegment]:
        segments: list[RecognizedSegment] = self.deployment.call(
            "recognize", np.ascontiguousarray(audio, dtype=np.float32), options
        )
        return segments

    def translate(self, audio: np.ndarray, **options: Any) -> str:
        return str(
            self.deployment.call(
                "translate", np.ascontiguousarray(audio, dtype=np.float32), options
            )
        )


class TravellingContext:
    """A session's scene context, kept in the ingress and sent with every build: any
    replica can build any sentence, and a replica that dies loses nothing of the session."""

    def __init__(self, state: object) -> None:
        self.state = state


class RemoteSceneBuilder:
    """A ``SceneBuilder`` whose parses run on replicas."""

    def __init__(self, deployment: RemoteDeployment) -> None:
        self.deployment = deployment
        self._fresh = deployment.call("new_context")

    def new_context(self) -> TravellingContext:
        import copy

        return TravellingContext(copy.deepcopy(self._fresh))

    def build(
        self,
        text: str,
        *,
        context: object | None = None,
        final: bool = True,
        source: SourceText | None = None,
    ) -> Scene:
        if context is not None and not isinstance(context, TravellingContext):
            raise TypeError("context must come from RemoteSceneBuilder.new_context()")
        state = context.state if context is not None else None
        scene: Scene
        scene, after = self.deployment.call("build", text, state, final, source)
        if context is not None and after is not None:
            context.state = after  # only a final sentence changes the session's context
        return scene


class RemotePicture(Picture):
    """A picture drawn by a replica: its PNG as it came, the image decoded when asked."""

    __slots__ = ("png",)
    png: bytes

    def __init__(self, png: bytes, scene: Scene) -> None:
        object.__setattr__(self, "png", png)
        object.__setattr__(self, "scene", scene)

    @property
    def image(self) -> Image.Image:  # the session keeps it as the next draw's ``previous``
        image = Image.open(io.BytesIO(self.png))
        image.load()
        image.info["s2i_png"] = self.png
        return image

    def to_png(self) -> bytes:
        return self.png


class RemoteEngine:
    """An ``ImageEngine`` whose pictures are drawn on replicas."""

    def __init__(self, deployment: RemoteDeployment) -> None:
        self.deployment = deployment
        self.name = str(deployment.call("describe")["name"])

    def draw(
        self,
        scene: Scene,
        *,
        draft: bool = False,
        previous: Image.Image | None = None,
        seed: int = 0,
        should_stop: Callable[[], bool] | None = None,
    ) -> Picture:
        """Draw on a replica. ``should_stop`` is not sent (a replica cannot poll the
        session); a superseded draft is drawn to the end and then dropped by the session."""
        previous_png = None
        if previous is not None and (scene.depiction == "previous" or self.name != "composer"):
            # The composer reads the last picture only to show it again; diffusers evolves
            # from it. A picture that came from a replica still holds its PNG.
            previous_png = previous.info.get("s2i_png") or _png(previous)
        png, drawn = self.deployment.call("draw", scene, draft, previous_png, seed)
        return RemotePicture(png, drawn)


def _png(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", compress_level=1)
    return buffer.getvalue()
