"""Builds the stages a command or the web app asked for, loading each model once.

This is the one place that knows every engine by name, so commands and the server stay thin
and engines never import each other.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from speech2image.asr.backend import Transcriber
from speech2image.config import ComposerOptions, TranscriberOptions
from speech2image.imaging.diffusers import DiffusersOptions
from speech2image.imaging.engine import ImageEngine
from speech2image.language.builder import SceneBuilder
from speech2image.session import Workers

logger = logging.getLogger(__name__)

ASR_ENGINES = ("local", "assemblyai", "assemblyai,local")
IMAGE_ENGINES = ("composer", "diffusers")


@dataclass(frozen=True, kw_only=True)
class PipelineOptions:
    """Which engines to load, and their options."""

    asr: str = "local"
    """Speech engine: ``local`` (faster-whisper, offline), ``assemblyai`` (the cloud, with
    ``ASSEMBLYAI_API_KEY``) or ``assemblyai,local`` (the cloud, falling back to local)."""
    engine: str = "composer"
    """Image engine: ``composer`` (the embedded clip-art composer) or ``diffusers`` (a
    text-to-image model the user has, see docs/diffusers.md)."""
    transcriber: TranscriberOptions = field(default_factory=TranscriberOptions)
    composer: ComposerOptions = field(default_factory=ComposerOptions)
    diffusers: DiffusersOptions = field(default_factory=DiffusersOptions)
    pictures: bool = True
    """Load the language and image stages at all (``transcribe`` does not need them)."""


def check_options(options: PipelineOptions) -> None:
    """Reject unknown engine names up front, naming what is allowed."""
    if options.asr not in ASR_ENGINES:
        raise ValueError(f"asr={options.asr!r} is not a speech engine; choose one of {ASR_ENGINES}")
    if options.asr != "local":
        from speech2image.asr.assemblyai import assemblyai_configured

        if not assemblyai_configured():
            raise ValueError(
                f"asr={options.asr!r} needs an AssemblyAI key in the ASSEMBLYAI_API_KEY "
                "environment variable; without one use the local engine (--asr local)"
            )
    if options.engine not in IMAGE_ENGINES:
        raise ValueError(
            f"engine={options.engine!r} is not an image engine; choose one of {IMAGE_ENGINES}"
        )
    if options.engine == "diffusers" and not options.diffusers.model:
        raise ValueError(
            "the diffusers engine needs weights: pass --model with a diffusers folder, a "
            ".safetensors checkpoint or a hub id (see docs/diffusers.md)"
        )


class TranscriberFactory:
    """Makes a fresh per-session transcriber of any available engine.

    The local model is loaded once, here, and shared; cloud engines open one connection
    per session.
    """

    def __init__(self, options: PipelineOptions) -> None:
        from speech2image.asr.whisper import WhisperRecognizer

        self.options = options
        self._recognizer = WhisperRecognizer(options.transcriber)

    def available(self) -> tuple[str, ...]:
        """The engines a session may choose: the cloud ones only with a key configured."""
        from speech2image.asr.assemblyai import assemblyai_configured

        return ASR_ENGINES if assemblyai_configured() else ("local",)

    def __call__(self, asr: str | None = None) -> Transcriber:
        asr = asr or self.options.asr
        if asr == "local":
            return self._local()
        from speech2image.asr.assemblyai import AssemblyAIOptions, AssemblyAITranscriber

        cloud = AssemblyAITranscriber(options=AssemblyAIOptions.from_env())
        if asr == "assemblyai":
            return cloud
        from speech2image.asr.fallback import FallbackTranscriber

        return FallbackTranscriber(cloud, self._local)

    def _local(self) -> Transcriber:
        from speech2image.asr.streaming import StreamingTranscriber

        return StreamingTranscriber(self._recognizer, options=self.options.transcriber)


def load_transcriber_factory(options: PipelineOptions) -> TranscriberFactory:
    """Load the speech model once; the factory makes per-session transcribers."""
    return TranscriberFactory(options)


def load_scene_builder() -> SceneBuilder:
    from speech2image.language import SpacySceneBuilder

    return SpacySceneBuilder()


def load_image_engine(options: PipelineOptions) -> ImageEngine:
    if options.engine == "diffusers":
        from speech2image.imaging.diffusers import DiffusersEngine

        return DiffusersEngine(options.diffusers)
    from speech2image.imaging.compose import ClipArtComposer

    return ClipArtComposer(options.composer)


def load_workers(options: PipelineOptions) -> Workers:
    """Check the options, then load every model the pipeline needs."""
    check_options(options)
    make_transcriber = load_transcriber_factory(options)
    builder = load_scene_builder() if options.pictures else None
    engine = load_image_engine(options) if options.pictures else None
    if builder is not None and engine is not None:
        warm_up(builder, engine)
    return Workers(make_transcriber=make_transcriber, builder=builder, engine=engine)


def warm_up(builder: SceneBuilder, engine: ImageEngine) -> None:
    """Draw one picture now, so lazily loaded models (the parser, the embedder, the asset
    index) are ready before the first sentence instead of delaying its picture."""
    scene = builder.build("A cat sits on a chair.", context=builder.new_context())
    engine.draw(scene)
