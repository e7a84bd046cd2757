"""Builds the stages a command or the web app asked for, loading each model once.

This is the one place that knows every engine by name, so commands and the server stay thin
and engines never import each other.
"""

from __future__ import annotations

import dataclasses
import logging
import threading
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from speech2image.asr.backend import Transcriber
from speech2image.asr.options import TranscriberOptions
from speech2image.config import ComposerOptions, from_env
from speech2image.imaging.diffusers import DiffusersOptions
from speech2image.imaging.engine import ImageEngine
from speech2image.language.builder import SceneBuilder
from speech2image.session import Workers

if TYPE_CHECKING:
    from speech2image.asr.backend import SpeechRecognizer
    from speech2image.asr.picturable import PicturableLexicon
    from speech2image.cluster.options import ClusterOptions
    from speech2image.server.options import ServerOptions
    from speech2image.server.state import Loaded

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
    warm_up_in_background: bool = False
    """Warm the language stage and the clip-art composer up in a thread while the session
    starts (``run``: in parallel with decoding and recognition) instead of before
    :func:`load_workers` returns (``serve``: before the port opens; and any other engine).
    Either way no request loads a model: the first picture waits for the warm-up's locks."""
    cluster: ClusterOptions | None = None
    """Run the engines as Ray Serve deployments on this cluster (``serve --ray``) instead of
    in this process; the sessions, their streaming policy and the store stay here."""


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

    def __init__(
        self,
        options: PipelineOptions,
        *,
        lexicon: PicturableLexicon | None = None,
        recognizer: SpeechRecognizer | None = None,
    ) -> None:
        self.options = options
        if recognizer is None:
            from speech2image.asr.whisper import WhisperRecognizer

            recognizer = WhisperRecognizer(options.transcriber, lexicon=lexicon)
        # Whisper's, or a RemoteRecognizer (speech2image.cluster): both say ``multilingual``.
        self._recognizer: Any = recognizer

    def available(self) -> tuple[str, ...]:
        """The engines a session may choose: the cloud ones only with a key configured."""
        from speech2image.asr.assemblyai import assemblyai_configured

        return ASR_ENGINES if assemblyai_configured() else ("local",)

    def languages(self) -> tuple[str, ...]:
        """The languages a session may choose, the configured one first: any with a
        multilingual model, else English only."""
        from speech2image.asr.languages import AUTO, WHISPER_LANGUAGES

        if not self._recognizer.multilingual:
            return ("en",)
        default = self.options.transcriber.language
        return (default, *(code for code in (AUTO, *WHISPER_LANGUAGES) if code != default))

    def __call__(self, asr: str | None = None, *, language: str | None = None) -> Transcriber:
        asr = asr or self.options.asr
        if asr == "local":
            return self._local(language)
        from speech2image.asr.assemblyai import AssemblyAIOptions, AssemblyAITranscriber

        cloud = AssemblyAITranscriber(options=AssemblyAIOptions.from_env())
        if asr == "assemblyai":
            return cloud
        from speech2image.asr.fallback import FallbackTranscriber

        return FallbackTranscriber(cloud, self._local)

    def _local(self, language: str | None = None) -> Transcriber:
        from speech2image.asr.streaming import StreamingTranscriber

        options = self.options.transcriber
        if language is not None:  # a session's own language (the page's picker)
            options = dataclasses.replace(options, language=language)
        return StreamingTranscriber(self._recognizer, options=options)


def load_transcriber_factory(
    options: PipelineOptions, *, lexicon: PicturableLexicon | None = None
) -> TranscriberFactory:
    """Load the speech model once; the factory makes per-session transcribers."""
    return TranscriberFactory(options, lexicon=lexicon)


def load_scene_builder() -> SceneBuilder:
    from speech2image.language import SpacySceneBuilder

    return SpacySceneBuilder()


def load_image_engine(options: PipelineOptions) -> ImageEngine:
    if options.engine == "diffusers":
        from speech2image.imaging.diffusers import DiffusersEngine

        return DiffusersEngine(options.diffusers)
    from speech2image.imaging.compose import ClipArtComposer

    return ClipArtComposer(options.composer)


def scene_words() -> frozenset[str]:
    """Words other than nouns that the scene parser reads into a picture: counts, colours,
    shades, sizes, relations, times, weather, seasons and people (never replaced by a
    picturable noun: "a big elephant" must not become "a beer elephant")."""
    from speech2image.language import vocabulary as v

    phrases = [
        *v.NUMBER_WORDS, *v.COLORS, *v.SHADE_WORDS, *v.SIZE_WORDS, *v.TIMES, *v.WEATHER,
        *v.SEASONS, *v.PERSON_WORDS, *(" ".join(words) for words, _ in v.RELATION_PHRASES),
    ]  # fmt: skip
    return frozenset(word for phrase in phrases for word in phrase.lower().split())


def drawable_nouns(options: PipelineOptions, engine: ImageEngine | None = None) -> frozenset[str]:
    """The nouns a picture can show: the image engine's (its pack's names and aliases), less
    the words the parser never draws. An engine without a fixed vocabulary (diffusers)
    draws at least what the clip-art composer of ``options`` draws."""
    from speech2image.language.vocabulary import NOT_OBJECTS

    nouns = getattr(engine, "drawable_nouns", None)
    if not callable(nouns):
        from speech2image.imaging.compose import ClipArtComposer

        nouns = ClipArtComposer(options.composer).drawable_nouns
    return frozenset(n for n in nouns() if n not in NOT_OBJECTS)


def load_picturable_lexicon(
    options: PipelineOptions, engine: ImageEngine | None = None
) -> PicturableLexicon:
    """The recogniser's picturable vocabulary: the engine's drawable nouns and the parser's
    scene words, indexed by pronunciation (about a second)."""
    from speech2image.asr.picturable import PicturableLexicon

    return PicturableLexicon(drawable_nouns(options, engine), scene_words=scene_words())


def load_workers(options: PipelineOptions) -> Workers:
    """Check the options, then load every model the pipeline needs, and warm them up (now,
    or in a thread with ``options.warm_up_in_background``). With ``options.cluster`` the
    models load on the cluster's replicas instead, and the workers call them there."""
    check_options(options)
    if options.cluster is not None:
        return _load_remote_workers(options)
    builder = load_scene_builder() if options.pictures else None
    engine = load_image_engine(options) if options.pictures else None
    wants_lexicon = options.transcriber.picturable_correction or (
        options.transcriber.picturable_hotwords
    )
    lexicon = load_picturable_lexicon(options, engine) if wants_lexicon else None
    make_transcriber = load_transcriber_factory(options, lexicon=lexicon)
    warming = None
    if builder is not None and engine is not None:
        # Only the composer may warm up beside a session: its draws are thread-safe, while a
        # diffusers pipeline's scheduler is not. Workers.close() waits for the thread, so a
        # short run never leaves it loading models into interpreter shutdown.
        if options.warm_up_in_background and engine.name == "composer":
            warming = threading.Thread(
                target=_warm_up_logged, args=(builder, engine), name="warm-up"
            )
            warming.start()
        else:
            warm_up(builder, engine)
    return Workers(
        make_transcriber=make_transcriber, builder=builder, engine=engine, warming=warming
    )


REMOTE_CALLS = 32
"""Calls of one stage that may wait on replicas at once (each holds a thread of the
ingress while its replica works)."""


def _load_remote_workers(options: PipelineOptions) -> Workers:
    """Deploy the engines on the cluster (each replica loads and warms its model) and build
    workers whose stages call them through Serve handles."""
    from speech2image.cluster import deploy
    from speech2image.cluster.options import ASR_APP, IMAGE_APP, LANGUAGE_APP
    from speech2image.cluster.remote import RemoteEngine, RemoteRecognizer, RemoteSceneBuilder
    from speech2image.stage import ConcurrentStage, StageTimeouts

    assert options.cluster is not None
    if options.transcriber.picturable_correction:
        logger.warning("picturable correction rescores on the pass's own replica: off with --ray")
    timeouts = from_env(StageTimeouts)
    cluster = deploy.start(options, options.cluster, timeouts)
    try:
        recognizer = RemoteRecognizer(cluster.handles[ASR_APP])
        builder = RemoteSceneBuilder(cluster.handles[LANGUAGE_APP]) if options.pictures else None
        engine = RemoteEngine(cluster.handles[IMAGE_APP]) if options.pictures else None
    except BaseException:
        cluster.close()
        raise
    workers = Workers(
        make_transcriber=TranscriberFactory(options, recognizer=recognizer),
        builder=builder,
        engine=engine,
        timeouts=timeouts,
        remote_calls=REMOTE_CALLS,
        cluster=cluster,
    )
    # Partial passes and drafts give way when calls wait for a replica of their engine, as
    # they do locally when other sessions queue for the one model thread.
    for stage, app in ((workers.asr, ASR_APP), (workers.imaging, IMAGE_APP)):
        assert isinstance(stage, ConcurrentStage)
        stage.waiting_beyond = cluster.handles[app].saturated
    return workers


def _warm_up_logged(builder: SceneBuilder, engine: ImageEngine) -> None:
    """:func:`warm_up` on its own thread: a failure is logged (the first picture then meets
    it again and reports it as a stage error)."""
    try:
        warm_up(builder, engine)
    except Exception:
        logger.exception("warming up the parser and the image engine failed")


def warm_up(builder: SceneBuilder, engine: ImageEngine) -> None:
    """Load every model a picture may need (the parser, the embedder, the asset index)
    and draw one picture, so that no sentence waits on a load: the first unseen noun then
    costs one embedding pass, like the hundredth."""
    engine_warm_up = getattr(engine, "warm_up", None)
    if callable(engine_warm_up):
        engine_warm_up()
    scene = builder.build("A cat sits on a chair.", context=builder.new_context())
    engine.draw(scene)
    logger.info("warmed up: the parser and the image engine are loaded")


def load_server(options: ServerOptions, pipeline: PipelineOptions | None = None) -> Loaded:
    """What ``serve`` runs on: the engines ``pipeline`` names (by default the embedded ones),
    the session store of ``options.data_dir`` and the choices the page may offer."""
    from speech2image.imaging.compose import STYLES
    from speech2image.imaging.compose.assets import PACKS, is_installed
    from speech2image.server.state import Loaded
    from speech2image.store import SessionStore

    pipeline = pipeline or PipelineOptions(transcriber=from_env(TranscriberOptions))
    store = SessionStore(options.data_dir, keep_audio=options.keep_audio)
    workers = load_workers(pipeline)
    if pipeline.engine == "diffusers":
        from speech2image.imaging.diffusers_prompt import STYLES as DIFFUSION_STYLES

        styles: tuple[str, ...] = tuple(DIFFUSION_STYLES)
        packs: tuple[str, ...] = ()
    else:
        styles = tuple(STYLES)
        packs = tuple(p for p in PACKS if is_installed(pipeline.composer.assets_dir, p))
    transcribers = workers.make_transcriber
    assert isinstance(transcribers, TranscriberFactory)
    choices = {
        "style": styles,
        "pack": packs,
        "asr": transcribers.available(),
        "language": transcribers.languages(),
    }
    return Loaded(workers, store, choices)
