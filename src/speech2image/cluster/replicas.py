"""The engines as Ray Serve deployments: recognition passes, scene building, drawing.

Each deployment holds one model, loaded once in the replica's constructor and warmed up
there (no cold path: Serve routes no request to a replica before its constructor returned),
and answers stateless calls: everything per session (the streaming policy, the scene
context between calls, the last picture) stays with the session in the ingress and travels
with each call. Every answer ends with the id of the replica that computed it (a
:class:`~.ledger.Served`, with the call's seconds on the replica, for the work itself), so
the ingress can count what each replica did and tell time on a replica from time queued
(``/api/cluster``).

The builder functions (:func:`recognizer_app`, :func:`scene_app`, :func:`drawing_app`) are
the import paths of the Serve config file (:mod:`.config`) and of ``serve run``; their
arguments are plain JSON.
"""

from __future__ import annotations

import logging
import time
from typing import Any

import numpy as np
from ray import serve
from ray.serve import Application, Deployment

from speech2image.asr.backend import RecognizedSegment
from speech2image.asr.options import TranscriberOptions
from speech2image.cluster.ledger import Served
from speech2image.cluster.options import (
    ASR_APP,
    DEPLOYMENTS,
    IMAGE_APP,
    LANGUAGE_APP,
    ClusterOptions,
)
from speech2image.cluster.watch import HUNG_AFTER_TIMEOUTS, HangWatch
from speech2image.config import SAMPLE_RATE, from_env
from speech2image.factory import PipelineOptions
from speech2image.imaging.diffusers import DiffusersOptions
from speech2image.language.builder import SourceText
from speech2image.scene import Relation, Scene, SceneObject
from speech2image.stage import StageTimeouts

logger = logging.getLogger(__name__)

_WARM_UP_SCENE = Scene(
    text="A cat sits on a chair.",
    objects=(SceneObject(id="o1", noun="cat"), SceneObject(id="o2", noun="chair")),
    relations=(Relation("o1", "on", "o2"),),
)
"""What a drawing replica draws before it takes requests (the factory's warm-up sentence,
already parsed: a drawing replica holds no parser)."""


def replica_id() -> str:
    """This replica's id (unique in its deployment)."""
    return str(serve.get_replica_context().replica_id.unique_id)


def served_since(started: float) -> Served:
    """This replica, and the seconds since ``started`` (``time.perf_counter``)."""
    return Served(replica_id(), round(time.perf_counter() - started, 4))


class Recognizer:
    """One Whisper model; :meth:`recognize` and :meth:`translate` are single passes."""

    def __init__(self, pipeline: PipelineOptions, hung_after_s: float) -> None:
        self._watch = HangWatch(hung_after_s=hung_after_s)
        from speech2image.asr.whisper import WhisperRecognizer
        from speech2image.factory import load_picturable_lexicon

        transcriber = pipeline.transcriber
        lexicon = None
        if transcriber.picturable_hotwords:  # the recogniser's own prompt bias
            lexicon = load_picturable_lexicon(pipeline)
        self._recognizer = WhisperRecognizer(transcriber, lexicon=lexicon)
        # 1 s of silence through the whole model: the first pass allocates its buffers.
        self._recognizer.recognize(np.zeros(SAMPLE_RATE, dtype=np.float32), beam_size=1)
        logger.info("recognition replica %s is warm", replica_id())

    def describe(self) -> tuple[dict[str, Any], str]:
        """What the ingress' transcribers ask of their recogniser's model."""
        facts = {
            "multilingual": self._recognizer.multilingual,
            "default_language": self._recognizer.default_language,
        }
        return facts, replica_id()

    def recognize(
        self, audio: np.ndarray, options: dict[str, Any]
    ) -> tuple[list[RecognizedSegment], Served]:
        """One recognition pass over ``audio`` (``options``: the pass's keyword arguments)."""
        started = time.perf_counter()
        segments = self._watch.run(lambda: self._recognizer.recognize(audio, **options))
        return segments, served_since(started)

    def translate(self, audio: np.ndarray, options: dict[str, Any]) -> tuple[str, Served]:
        """Whisper's English for ``audio`` (``options``: ``language``, ``beam_size``, …)."""
        started = time.perf_counter()
        text = self._watch.run(lambda: self._recognizer.translate(audio, **options))
        return text, served_since(started)

    def check_health(self) -> None:
        self._watch.check()


class SceneBuilding:
    """The spaCy scene builder; the session's context travels with every call."""

    def __init__(self, hung_after_s: float) -> None:
        from speech2image.language import SpacySceneBuilder

        self._watch = HangWatch(hung_after_s=hung_after_s)
        self._builder = SpacySceneBuilder()
        self._builder.build("A cat sits on a chair.", context=self._builder.new_context())
        logger.info("scene-building replica %s is warm", replica_id())

    def new_context(self) -> tuple[object, str]:
        return self._builder.new_context(), replica_id()

    def build(
        self, text: str, context: object | None, final: bool, source: SourceText | None = None
    ) -> tuple[Scene, object | None, Served]:
        """The scene of ``text`` (with the things of ``source``, the sentence as said), and
        the context as the sentence left it (``None`` for a draft, which only reads it)."""
        started = time.perf_counter()
        scene = self._watch.run(
            lambda: self._builder.build(text, context=context, final=final, source=source)
        )
        return scene, context if final else None, served_since(started)

    def check_health(self) -> None:
        self._watch.check()


class Drawing:
    """One image engine (the composer or diffusers): scene in, PNG and drawn scene out."""

    def __init__(self, pipeline: PipelineOptions, hung_after_s: float) -> None:
        from speech2image.factory import load_image_engine

        self._watch = HangWatch(hung_after_s=hung_after_s)
        self._engine = load_image_engine(pipeline)
        engine_warm_up = getattr(self._engine, "warm_up", None)
        if callable(engine_warm_up):
            engine_warm_up()
        self._engine.draw(_WARM_UP_SCENE)
        logger.info("drawing replica %s (%s) is warm", replica_id(), self._engine.name)

    def describe(self) -> tuple[dict[str, Any], str]:
        return {"name": self._engine.name}, replica_id()

    def draw(
        self, scene: Scene, draft: bool, previous_png: bytes | None, seed: int
    ) -> tuple[bytes, Scene, Served]:
        """The picture of ``scene`` as PNG, and the scene as drawn (assets, boxes)."""
        started = time.perf_counter()
        previous = None
        if previous_png is not None:
            import io

            from PIL import Image

            previous = Image.open(io.BytesIO(previous_png))
            previous.load()
        picture = self._watch.run(
            lambda: self._engine.draw(scene, draft=draft, previous=previous, seed=seed)
        )
        return picture.to_png(), picture.scene, served_since(started)

    def check_health(self) -> None:
        self._watch.check()


def _deployment(cls: type, app: str, **options: Any) -> Deployment:
    """``cls`` as the deployment of ``app``, with what every engine's replicas share."""
    return serve.deployment(
        name=DEPLOYMENTS[app],
        # One call at a time per replica, as a model's stage thread runs them locally. The
        # ingress sends no more calls than there are replicas (.ledger.CallGate): the
        # router's own queue, FIFO and polled with back-off, held finals for seconds.
        max_ongoing_requests=1,
        health_check_period_s=10.0,
        health_check_timeout_s=30.0,
        **options,
    )(cls)


def build_applications(
    pipeline: PipelineOptions, cluster: ClusterOptions, timeouts: StageTimeouts
) -> dict[str, Application]:
    """The three applications, by name, with the replicas and resources of ``cluster``."""
    apps: dict[str, Application] = {}
    for app, cls in zip(DEPLOYMENTS, (Recognizer, SceneBuilding, Drawing), strict=True):
        deployment = _deployment(
            cls,
            app,
            ray_actor_options=cluster.actor_options(app),
            **cluster.replicas(app).serve_options(),
        )
        hung_after_s = _hung_after_s(app, timeouts)
        apps[app] = (
            deployment.bind(hung_after_s)
            if cls is SceneBuilding
            else deployment.bind(pipeline, hung_after_s)
        )
    return apps


def _hung_after_s(app: str, timeouts: StageTimeouts) -> float:
    """When a replica of ``app`` whose call has not returned is declared hung."""
    timeout_s = {
        ASR_APP: timeouts.asr_timeout_s,
        LANGUAGE_APP: timeouts.language_timeout_s,
        IMAGE_APP: timeouts.image_timeout_s,
    }[app]
    return HUNG_AFTER_TIMEOUTS * timeout_s


def _pipeline(args: dict[str, Any]) -> PipelineOptions:
    """Pipeline options from a config file's ``args``: the engine and its model; the
    recogniser's options from the replica's ``S2I_*`` environment."""
    diffusers = DiffusersOptions(
        **{k: args[k] for k in ("model", "device") if args.get(k) is not None}
    )
    return PipelineOptions(
        engine=str(args.get("engine", "composer")),
        transcriber=from_env(TranscriberOptions),
        diffusers=diffusers,
    )


def recognizer_app(args: dict[str, Any]) -> Application:
    """``speech2image.cluster.replicas:recognizer_app`` for ``serve run`` and config files
    (replicas and resources come from the config's ``deployments``)."""
    hung_after_s = _hung_after_s(ASR_APP, from_env(StageTimeouts))
    return _deployment(Recognizer, ASR_APP).bind(_pipeline(args), hung_after_s)


def scene_app(args: dict[str, Any]) -> Application:
    """``speech2image.cluster.replicas:scene_app``."""
    return _deployment(SceneBuilding, LANGUAGE_APP).bind(
        _hung_after_s(LANGUAGE_APP, from_env(StageTimeouts))
    )


def drawing_app(args: dict[str, Any]) -> Application:
    """``speech2image.cluster.replicas:drawing_app`` (``args``: ``engine``, ``model``,
    ``device``)."""
    hung_after_s = _hung_after_s(IMAGE_APP, from_env(StageTimeouts))
    return _deployment(Drawing, IMAGE_APP).bind(_pipeline(args), hung_after_s)
