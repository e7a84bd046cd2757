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
import time
from collections.abc import Callable
from typing import Any

import numpy as np
from PIL import Image
from ray import exceptions as ray_exceptions
from ray.serve.handle import DeploymentHandle

from speech2image.asr.backend import RecognizedSegment
from speech2image.cluster.ledger import (
    BACKGROUND,
    URGENT,
    CallGate,
    CallLedger,
    CallTiming,
    GateTimeout,
    Served,
)
from speech2image.imaging.engine import Picture
from speech2image.language.builder import SourceText
from speech2image.scene import Scene

logger = logging.getLogger(__name__)

_REPLICA_DIED = (ray_exceptions.RayActorError, ray_exceptions.ActorDiedError)


class ReplicaFailed(RuntimeError):
    """A replica did not answer within the stage's time-out, or failed to."""


class RemoteDeployment:
    """One deployment's handle, with a time-out per call, a :class:`~.ledger.CallGate` that
    keeps calls waiting for a free replica in the ingress (urgent ones first), and a ledger
    of its answers."""

    def __init__(
        self, name: str, handle: DeploymentHandle, *, timeout_s: float, replicas: int = 1
    ) -> None:
        self.name = name
        self.handle = handle
        self.timeout_s = timeout_s
        self.gate = CallGate(replicas)
        self.ledger = CallLedger()

    @property
    def replicas(self) -> int:
        """Replicas that take calls (the most an autoscaled deployment may have): the calls
        this ingress sends at once."""
        return self.gate.slots

    @replicas.setter
    def replicas(self, count: int) -> None:
        self.gate.resize(count)

    def saturated(self) -> bool:
        """Calls wait in the ingress for a replica (each replica takes one at a time)."""
        return self.gate.waiting > 0

    def report(self) -> dict[str, Any]:
        """The ledger's snapshot, with the calls waiting in the ingress now."""
        return self.ledger.snapshot(waiting=self.gate.waiting)

    def call(self, method: str, *args: Any, priority: int = URGENT) -> Any:
        """``method(*args)`` on some replica, within ``timeout_s`` of now (time waiting for
        a free replica included); returns its answer less what the replica says of itself
        (every replica method answers a tuple that ends with it)."""
        deadline = time.monotonic() + self.timeout_s
        entered = time.monotonic()
        try:
            self.gate.acquire(priority, self.timeout_s)
        except GateTimeout as e:
            with self.ledger._lock:
                self.ledger.failed += 1
            raise ReplicaFailed(
                f"the {self.name} deployment did not answer within {self.timeout_s:g} s"
            ) from e
        sent = time.monotonic()
        with self.ledger._lock:
            self.ledger.in_flight += 1
        try:
            try:
                answer = self._once(method, args, deadline)
            except _REPLICA_DIED as e:
                logger.warning("a %s replica died during a call (%s); retrying", self.name, e)
                with self.ledger._lock:
                    self.ledger.retried += 1
                answer = self._once(method, args, deadline)
        except Exception:
            with self.ledger._lock:
                self.ledger.failed += 1
            raise
        finally:
            with self.ledger._lock:
                self.ledger.in_flight -= 1
            self.gate.release()
        *result, served = answer
        self._account(method, priority, served, waited_s=sent - entered, sent_at=sent)
        return result[0] if len(result) == 1 else tuple(result)

    def _account(
        self, method: str, priority: int, served: object, *, waited_s: float, sent_at: float
    ) -> None:
        """Count the answer for its replica and keep the call's timings (``serve -vv`` logs
        each: where a sentence's time goes, in the ingress, the router or the replica)."""
        replica, compute_s = (
            (served.replica, served.compute_s) if isinstance(served, Served) else (served, None)
        )
        timing = CallTiming(
            waited_s=waited_s, sent_s=time.monotonic() - sent_at, compute_s=compute_s
        )
        self.ledger.record(timing)
        logger.debug(
            "%s.%s (priority %d): %.0f ms waiting in the ingress, %.0f ms sent (%s ms on "
            "replica %s)",
            self.name,
            method,
            priority,
            timing.waited_s * 1000,
            timing.sent_s * 1000,
            "?" if compute_s is None else f"{compute_s * 1000:.0f}",
            replica,
        )
        with self.ledger._lock:
            self.ledger.answered_by[str(replica)] += 1

    def _once(self, method: str, args: tuple[Any, ...], deadline: float) -> tuple[Any, ...]:
        response = getattr(self.handle, method).remote(*args)
        try:
            return tuple(response.result(timeout_s=max(0.01, deadline - time.monotonic())))
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
        """One pass on a replica. A greedy pass with no prompt (``beam_size`` 1) is the
        streaming transcriber's partial pass: it waits behind the final passes of other
        sessions (where finals are greedy too, all passes share one priority)."""
        partial = options.get("beam_size") == 1 and not options.get("prompt")
        segments: list[RecognizedSegment] = self.deployment.call(
            "recognize",
            np.ascontiguousarray(audio, dtype=np.float32),
            options,
            priority=BACKGROUND if partial else URGENT,
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
        scene, after = self.deployment.call(
            "build", text, state, final, source, priority=URGENT if final else BACKGROUND
        )
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
        png, drawn = self.deployment.call(
            "draw", scene, draft, previous_png, seed, priority=BACKGROUND if draft else URGENT
        )
        return RemotePicture(png, drawn)


def _png(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", compress_level=1)
    return buffer.getvalue()
