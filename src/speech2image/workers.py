"""The loaded models a pipeline runs on, each with its own stage thread and time-out.

Loaded once (by :mod:`speech2image.factory`) and shared by every session.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from speech2image.asr.backend import Transcriber
from speech2image.config import from_env
from speech2image.imaging.engine import ImageEngine
from speech2image.language.builder import SceneBuilder
from speech2image.stage import ConcurrentStage, StageThread, StageTimeouts


class Workers:
    """The loaded models, each with its own thread and time-out; shared by sessions.

    ``timeouts`` defaults to :class:`~speech2image.stage.StageTimeouts` read from the
    ``S2I_*`` environment (``S2I_ASR_TIMEOUT_S``, ``S2I_IMAGE_TIMEOUT_S``, …).
    """

    def __init__(
        self,
        *,
        make_transcriber: Callable[..., Transcriber],
        builder: SceneBuilder | None,
        engine: ImageEngine | None,
        timeouts: StageTimeouts | None = None,
        warming: threading.Thread | None = None,
        remote_calls: int | None = None,
        cluster: object | None = None,
    ) -> None:
        self.make_transcriber = make_transcriber
        self.builder = builder
        self.engine = engine
        self.warming = warming
        """The warm-up still running beside the first sentences (``run``), if any."""
        self.timeouts = timeouts or from_env(StageTimeouts)
        self.cluster = cluster
        """The Ray Serve deployments behind remote engines (:mod:`speech2image.cluster`)."""
        most = self.timeouts.max_abandoned_threads
        self.asr: StageThread | ConcurrentStage
        self.language: StageThread | ConcurrentStage
        self.imaging: StageThread | ConcurrentStage
        if remote_calls is not None:
            # Engines on replicas: up to ``remote_calls`` calls of each stage at once, so
            # sessions are not serialised behind one thread while replicas sit idle. The
            # remote call times out first, at the stage's time-out (an error for that
            # sentence, and the session goes on); the stage's bound is a backstop.
            self.asr, self.language, self.imaging = (
                ConcurrentStage(name, timeout_s=timeout_s + 5.0, max_calls=remote_calls)
                for name, timeout_s in (
                    ("asr", self.timeouts.asr_timeout_s),
                    ("language", self.timeouts.language_timeout_s),
                    ("image", self.timeouts.image_timeout_s),
                )
            )
            return
        self.asr = StageThread(
            "asr", timeout_s=self.timeouts.asr_timeout_s, max_abandoned_threads=most
        )
        self.language = StageThread(
            "language", timeout_s=self.timeouts.language_timeout_s, max_abandoned_threads=most
        )
        self.imaging = StageThread(
            "image", timeout_s=self.timeouts.image_timeout_s, max_abandoned_threads=most
        )

    def close(self) -> None:
        # A warm-up still loading models must finish first: left running into interpreter
        # shutdown, it fails inside the libraries ("cannot schedule new futures").
        if self.warming is not None:
            self.warming.join()
        for stage in (self.asr, self.language, self.imaging):
            stage.close()
        close_cluster = getattr(self.cluster, "close", None)
        if callable(close_cluster):
            close_cluster()
