"""A session wires the stages for one speaker and publishes their events.

::

    audio source -> streaming transcriber -> scene builder -> image engine -> subscribers

Models are loaded once into :class:`Workers` and shared by every session; each model runs in
its own thread (:class:`~speech2image.stage.StageThread`), so nothing blocking runs on the
event loop and a model is never entered by two threads. A call that hangs times out: the
session reports it (``StageFailed``) and goes on, and the stage's other calls move to a
fresh thread, so other sessions are not held up. A session owns only its per-speaker state:
its transcriber, its scene context, its last picture and its tasks.

Scheduling: final sentences are queued and every one gets its picture; drafts (pictures of
partial text) go into a one-slot mailbox where the latest wins, and are skipped when the
text barely changed. A final whose scene has the same things as the last draft of its
sentence is given that draft's picture (:mod:`speech2image.drafts`).
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import logging
import time
import uuid
from collections.abc import Awaitable
from concurrent.futures import ThreadPoolExecutor
from difflib import SequenceMatcher
from functools import partial
from typing import Any

import numpy as np
from PIL import Image

from speech2image.asr.backend import Transcriber, TranscriberFailed, TranscriptEvent
from speech2image.audio.sources import AudioSource
from speech2image.drafts import DrawnDraft, same_words
from speech2image.events import (
    ErrorCode,
    Event,
    FinalTranscript,
    ImageReady,
    PartialTranscript,
    SessionEnded,
    SessionStarted,
    StageFailed,
)
from speech2image.fragments import picture_text
from speech2image.imaging.engine import DrawingCancelled
from speech2image.session_jobs import Job, SessionSummary, source_of, styled
from speech2image.session_options import SessionOptions
from speech2image.stage import StageBroken, StageTimeout, caller
from speech2image.subscribers import Subscriber, Subscribers
from speech2image.workers import Workers

logger = logging.getLogger(__name__)


class Session:
    """One speaker's pipeline run over shared :class:`Workers`."""

    def __init__(
        self,
        workers: Workers,
        *,
        options: SessionOptions | None = None,
        session_id: str | None = None,
    ) -> None:
        self.workers = workers
        self.options = options or SessionOptions()
        self.id = session_id or uuid.uuid4().hex[:12]
        self._subscribers = Subscribers()
        self._finals: asyncio.Queue[Job | None] = asyncio.Queue()
        self._draft: Job | None = None
        self._wake = asyncio.Event()
        self._last_draft_text = ""
        self._last_image: Image.Image | None = None
        self._last_draft: DrawnDraft | None = None
        self._queued_final_text: str | None = None
        """The text of the final queued last: a draft of the same words is worth finishing."""
        self._asr_failed = False
        self._feeder: ThreadPoolExecutor | None = None
        """The session's own thread for voice activity, when its transcriber has one
        (local recognition); the recogniser's thread then runs only passes."""
        self._context: object | None = None
        self._cast: dict[str, Any] = {}
        """What the engine said each entity is drawn as (``extras["cast"]`` of its final
        pictures), handed back with every scene so a character keeps its drawing."""
        self.summary = SessionSummary(self.id)

    def subscribe(self, subscriber: Subscriber, *, blocking: bool | None = None) -> None:
        """Call ``subscriber`` (sync or async) with every event, in order; a ``blocking``
        one (I/O: the store's recorder) in a worker thread, off the event loop (see
        :mod:`speech2image.subscribers`)."""
        self._subscribers.add(subscriber, blocking=blocking)

    async def run(self, source: AudioSource) -> SessionSummary:
        """Run the whole pipeline over ``source`` and return what it produced."""
        started = time.monotonic()
        # 1. Per-session state, built on the workers' threads (model code is not free).
        make = self.workers.make_transcriber
        if self.options.language:
            make = partial(make, self.options.asr, language=self.options.language)
        elif self.options.asr:
            make = partial(make, self.options.asr)
        transcriber = await self.workers.asr.call(make)
        if hasattr(transcriber, "others_waiting"):
            # Local recognition shares one model thread between sessions: partial passes
            # give way to other sessions' passes when a queue forms.
            transcriber.others_waiting = self.workers.asr.has_waiting
        if hasattr(transcriber, "poll") and hasattr(transcriber, "due_pass"):
            self._feeder = ThreadPoolExecutor(1, thread_name_prefix=f"s2i-vad-{self.id}")
        if self.workers.builder is not None:
            self._context = self.workers.builder.new_context()
        await self._publish(SessionStarted(self.id))
        # 2. Pictures are drawn by their own task while audio keeps flowing.
        drawing = asyncio.create_task(self._draw_loop(), name=f"s2i-draw-{self.id}")
        try:
            # 3. Audio in, transcript events out; 4. at the end, everything heard is final.
            await self._listen(source, transcriber)
        finally:
            await self._close(transcriber)
            if self._feeder is not None:
                self._feeder.shutdown(wait=False)  # a call cut off by cancelling ends alone
            # 5. Every final sentence gets its picture before the session ends.
            await self._finals.put(None)
            self._wake.set()
            await drawing
        self.summary.elapsed_s = time.monotonic() - started
        await self._publish(SessionEnded(self.id, len(self.summary.sentences)))
        return self.summary

    async def submit_text(self, text: str) -> None:
        """A typed sentence: becomes a final sentence of its own, with its picture."""
        text = text.strip()
        if not text:
            raise ValueError("text is empty: type a sentence to draw")
        at_s = self.summary.sentences[-1].end_s if self.summary.sentences else 0.0
        final = FinalTranscript(index=0, text=text, start_s=at_s, end_s=at_s)
        await self._on_transcript(final, typed=True)

    # -- transcription --------------------------------------------------------------------

    async def _listen(self, source: AudioSource, transcriber: Transcriber) -> None:
        """Feed the transcriber everything that arrived while its last pass ran.

        One pass per batch, not per chunk: when passes are slower than speech, batches grow
        and the lag stays bounded instead of piling up behind a queue of chunks.
        """
        arrived: asyncio.Queue[np.ndarray | None] = asyncio.Queue()

        async def read() -> None:
            try:
                async for chunk in source.chunks():
                    await arrived.put(chunk)
            finally:
                await arrived.put(None)

        reader = asyncio.create_task(read(), name=f"s2i-read-{self.id}")
        try:
            ended = False
            while not ended:
                batch = [await arrived.get()]
                samples = len(batch[0]) if batch[0] is not None else 0
                while not arrived.empty() and samples < self.options.max_batch_samples:
                    chunk = arrived.get_nowait()
                    batch.append(chunk)
                    samples += len(chunk) if chunk is not None else 0
                ended = batch[-1] is None
                await self._transcribe(transcriber, [c for c in batch if c is not None], ended)
        finally:
            reader.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await reader

    async def _transcribe(
        self, transcriber: Transcriber, chunks: list[np.ndarray], ended: bool
    ) -> None:
        if self._asr_failed:
            return  # the engine gave up; typed sentences still work
        rejected: list[str] = []
        submitted = time.monotonic()

        def insert() -> None:
            for chunk in chunks:
                try:
                    transcriber.insert_audio_chunk(chunk)
                except ValueError as e:
                    rejected.append(str(e))  # a bad chunk costs that chunk only

        def step() -> tuple[list[TranscriptEvent], list[str]]:
            queued_s = time.monotonic() - submitted
            if queued_s > 0.05:
                logger.debug("session %s: asr step queued %.0f ms", self.id, queued_s * 1000)
            insert()
            events = transcriber.finish() if ended else transcriber.process_iter()
            return events, transcriber.pop_notices()

        def feed() -> tuple[list[TranscriptEvent], list[str]]:
            insert()
            return transcriber.poll(), []  # type: ignore[attr-defined]

        def recognize() -> tuple[list[TranscriptEvent], list[str]]:
            return transcriber.process_iter(), transcriber.pop_notices()

        if self._feeder is None or ended:
            await self._asr_call(self.workers.asr.call(step), rejected)
            return
        # Voice activity on the session's own thread, and what it settles alone (a
        # speculative final whose pause lasted) published at once; the shared recogniser's
        # queue only for a step that runs a pass (see StreamingTranscriber.poll), a final's
        # pass (the pause's, an ended utterance's) ahead of others' partial passes.
        loop = asyncio.get_running_loop()
        await self._asr_call(loop.run_in_executor(self._feeder, feed), rejected)
        kind = transcriber.due_pass()  # type: ignore[attr-defined]
        if kind is not None and not self._asr_failed:
            call = caller(self.workers.asr, urgent=kind != "partial")
            await self._asr_call(call(recognize), [])

    async def _asr_call(
        self, call: Awaitable[tuple[list[TranscriptEvent], list[str]]], rejected: list[str]
    ) -> None:
        """Await a step of the transcriber, then publish what it reported and heard."""
        events: list[TranscriptEvent] = []
        notices: list[str] = []
        try:
            events, notices = await call
        except TranscriberFailed as e:
            self._asr_failed = True
            events = list(e.events)
            notices = [f"speech recognition stopped: {e}"]
        except (StageTimeout, StageBroken) as e:
            # The hung pass may still be running inside this transcriber: it cannot be fed
            # again. Other sessions' passes go on in the stage's fresh thread.
            self._asr_failed = True
            hung = f"speech recognition stopped: {e}; typed sentences still work"
            await self._fail("asr", hung, code=ErrorCode.STAGE_TIMEOUT)
        except Exception as e:
            logger.exception("transcription failed in session %s", self.id)
            rejected.append(f"transcription failed: {e}")
        for message in rejected + notices:
            await self._fail("asr", message)
        for event in events:
            await self._on_transcript(event)

    async def _on_transcript(self, event: TranscriptEvent, *, typed: bool = False) -> None:
        if isinstance(event, FinalTranscript):
            # The session numbers finals itself: typed sentences share the count.
            event = dataclasses.replace(event, index=len(self.summary.sentences))
            self.summary.sentences.append(event)
            await self._publish(event)
            if self.options.pictures:
                self._draft = None
                # A sentence in another language is drawn from its English translation.
                job = Job(
                    event.index,
                    self._picture_text(event, typed),
                    True,
                    event.end_s,
                    source_of(event),
                )
                self._queued_final_text = job.text
                await self._finals.put(job)
                self._wake.set()
        elif isinstance(event, PartialTranscript):
            await self._publish(event)
            english = event.language in (None, "en")  # the scene parser reads English
            if self.options.pictures and self.options.drafts and event.text and english:
                self._draft = Job(len(self.summary.sentences), event.text, False)
                self._wake.set()

    def _picture_text(self, final: FinalTranscript, typed: bool) -> str:
        """What ``final``'s picture is drawn from (a spoken fragment: with its sentence)."""
        sentences = self.summary.sentences
        if typed or len(sentences) < 2:
            return final.scene_text
        return picture_text(final, sentences[-2], gap_s=self.options.fragment_gap_s)

    # -- drawing --------------------------------------------------------------------------

    async def _draw_loop(self) -> None:
        while True:
            job = await self._next_job()
            if job is None:
                return
            await self._draw(job)

    async def _next_job(self) -> Job | None:
        while True:
            if not self._finals.empty():
                return self._finals.get_nowait()
            if self._draft is not None:
                job, self._draft = self._draft, None
                if self.workers.imaging.has_waiting():
                    continue  # other sessions' pictures are queued: a draft gives way to them
                if not self._similar(job.text, self._last_draft_text):
                    self._last_draft_text = job.text
                    return job
                continue
            self._wake.clear()
            await self._wake.wait()

    def _draft_superseded(self, job: Job) -> bool:
        """A newer draft or another final is waiting: the draft being drawn is worth nothing
        now, and a final must not wait behind it. A final of the same words will reuse the
        draft's picture, so that draft goes on."""
        if self._draft is not None:
            return True
        return not self._finals.empty() and not same_words(self._queued_final_text, job.text)

    def _similar(self, a: str, b: str) -> bool:
        return SequenceMatcher(None, a.lower(), b.lower()).ratio() >= self.options.draft_similarity

    async def _draw(self, job: Job) -> None:
        builder, engine = self.workers.builder, self.workers.engine
        if builder is None or engine is None:
            return
        started = time.monotonic()
        try:
            # The sentence as said, only when there is one: other builders need not know it.
            said = {"source": job.source} if job.source is not None else {}
            # A final goes before other sessions' drafts in each stage's queue.
            imaging = caller(self.workers.imaging, urgent=job.final)
            build = caller(self.workers.language, urgent=job.final)
            scene = await build(
                builder.build, job.text, context=self._context, final=job.final, **said
            )
            scene = styled(scene, self.options, self._cast)
            parsed = time.monotonic()
            drawn = self._last_draft  # the pause's draft of the same things: no second draw
            reused = job.final and drawn is not None and drawn.serves(job.index, scene)
            if drawn is None or not reused:
                picture = await imaging(
                    engine.draw,
                    scene,
                    draft=not job.final,
                    previous=self._last_image,
                    seed=self.options.seed + job.index,
                    should_stop=None if job.final else partial(self._draft_superseded, job),
                )
                png = await imaging(picture.to_png)
                drawn = DrawnDraft(job.index, scene, picture.scene, png, picture.image)
        except DrawingCancelled:
            return
        except (StageTimeout, StageBroken) as e:
            message = f"could not draw sentence {job.index}: {e}"
            await self._fail("image", message, job.index, code=ErrorCode.STAGE_TIMEOUT)
            return
        except Exception as e:
            logger.exception("drawing sentence %d failed in session %s", job.index, self.id)
            await self._fail("image", f"could not draw sentence {job.index}: {e}", job.index)
            return
        self._last_image = drawn.image
        self._last_draft = None if job.final else drawn
        if job.final:
            self.summary.pictures += 1
            cast = drawn.picture_scene.extras.get("cast")
            self._cast.update(cast if isinstance(cast, dict) else {})
        elapsed_ms = (time.monotonic() - started) * 1000
        logger.debug(
            "session %s: %s %d parsed in %.0f ms, %s in %.0f ms",
            self.id,
            "final" if job.final else "draft",
            job.index,
            (parsed - started) * 1000,
            "reused the draft" if reused else "drawn",
            elapsed_ms - (parsed - started) * 1000,
        )
        await self._publish(
            ImageReady(job.index, job.final, drawn.picture_scene, drawn.png, elapsed_ms=elapsed_ms)
        )

    async def _close(self, transcriber: Transcriber) -> None:
        """Release the transcriber; a failure here is reported, and the session still ends."""
        try:
            await self.workers.asr.call(transcriber.close)
        except Exception as e:
            logger.exception("closing the transcriber failed in session %s", self.id)
            await self._fail("asr", f"closing speech recognition failed: {e}")

    # -- publishing -----------------------------------------------------------------------

    async def _fail(
        self, stage: str, message: str, index: int | None = None, *, code: ErrorCode | None = None
    ) -> None:
        event = StageFailed(stage, message, index, code)
        self.summary.errors.append(event)
        await self._publish(event)

    async def _publish(self, event: Event) -> None:
        await self._subscribers.publish(event)
