"""Real stand-ins for each stage, and a harness that runs a whole session.

Each fake implements its protocol for real (no mocks), so pipeline tests exercise the
session's scheduling, numbering and error paths without loading models. Tests of the real
stages use the real models. The stand-ins for what cannot run here live beside this module:
:mod:`speech2image.testing.fake_assemblyai` (a loopback AssemblyAI v3 server) and
:mod:`speech2image.testing.diffusers_random` (diffusers pipelines with random weights).
Nothing in a stage imports this package; tests, ``bench`` and the composition roots do.
"""

from __future__ import annotations

import asyncio
import hashlib
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
from PIL import Image

from speech2image.asr.backend import TranscriptEvent
from speech2image.asr.streaming import as_mono_float32
from speech2image.audio.sources import ArraySource, AudioSource
from speech2image.config import SAMPLE_RATE
from speech2image.events import Event, FinalTranscript, PartialTranscript
from speech2image.imaging.engine import DrawingCancelled, Picture
from speech2image.scene import Scene, SceneObject
from speech2image.session import Session, SessionOptions, Workers


@dataclass(frozen=True, slots=True)
class Cue:
    """A transcript event the :class:`ScriptedTranscriber` emits once ``at_s`` of audio arrived."""

    at_s: float
    event: TranscriptEvent


class ScriptedTranscriber:
    """A :class:`~speech2image.asr.backend.Transcriber` that plays back a script of events.

    ``fail_at_s`` makes its passes raise once that much audio arrived, and ``hang_at_s`` makes
    them block until :attr:`released` is set, to test how sessions survive a broken recogniser.
    """

    def __init__(
        self,
        cues: Sequence[Cue],
        *,
        fail_at_s: float | None = None,
        hang_at_s: float | None = None,
    ) -> None:
        self._cues = sorted(cues, key=lambda c: c.at_s)
        self._received = 0
        self.fail_at_s = fail_at_s
        self.hang_at_s = hang_at_s
        self.released = threading.Event()
        """Set it to let a hung pass return (tests set it when they are done)."""
        self.hanging = threading.Event()
        """Set once a pass hangs, for tests to wait on rather than sleep."""

    def insert_audio_chunk(self, chunk: np.ndarray) -> None:
        self._received += as_mono_float32(chunk).size

    def process_iter(self) -> list[TranscriptEvent]:
        now = self._received / SAMPLE_RATE
        if self.fail_at_s is not None and now >= self.fail_at_s:
            raise RuntimeError(f"scripted recogniser failure at {now:.1f} s")
        if self.hang_at_s is not None and now >= self.hang_at_s:
            self.hanging.set()
            self.released.wait()
        due = [c.event for c in self._cues if c.at_s <= now]
        self._cues = [c for c in self._cues if c.at_s > now]
        return due

    def finish(self) -> list[TranscriptEvent]:
        rest = [c.event for c in self._cues]
        self._cues = []
        return rest

    def pop_notices(self) -> list[str]:
        return []

    def close(self) -> None:
        pass


def sentence_script(sentences: Sequence[str], *, seconds_each: float = 2.0) -> list[Cue]:
    """Cues that speak each sentence word by word as partials, then as a final."""
    cues: list[Cue] = []
    for i, text in enumerate(sentences):
        start = i * seconds_each
        words = text.split()
        for n in range(1, len(words)):
            at = start + seconds_each * n / len(words)
            cues.append(Cue(at, PartialTranscript(" ".join(words[:n]), start)))
        cues.append(
            Cue(start + seconds_each, FinalTranscript(i, text, start, start + seconds_each))
        )
    return cues


class WordSceneBuilder:
    """A :class:`~speech2image.language.builder.SceneBuilder` that makes every word an object."""

    def new_context(self) -> object:
        return []

    def build(self, text: str, *, context: object | None = None, final: bool = True) -> Scene:
        words = [w.strip(".,!?").lower() for w in text.split() if w.strip(".,!?")]
        if final and isinstance(context, list):
            context.append(text)
        return Scene(
            text=text,
            objects=tuple(SceneObject(id=f"o{i + 1}", noun=w) for i, w in enumerate(words)),
        )


class SolidColorEngine:
    """An :class:`~speech2image.imaging.engine.ImageEngine` painting a colour hashed from the text.

    ``fail_on`` makes it raise for texts containing that word, to test error paths;
    ``hang_on`` makes it block on such texts until :attr:`released` is set, to test time-outs;
    ``delay_s`` makes each picture take time, to test scheduling.
    """

    name = "solid"

    def __init__(
        self,
        *,
        size_px: int = 64,
        fail_on: str | None = None,
        delay_s: float = 0.0,
        hang_on: str | None = None,
    ):
        self.size_px = size_px
        self.fail_on = fail_on
        self.delay_s = delay_s
        self.hang_on = hang_on
        self.released = threading.Event()
        """Set it to let a hung drawing return (tests set it when they are done)."""
        self.hanging = threading.Event()
        """Set once a drawing hangs, for tests to wait on rather than sleep."""
        self.drawn: list[tuple[str, bool]] = []

    def draw(
        self,
        scene: Scene,
        *,
        draft: bool = False,
        previous: Image.Image | None = None,
        seed: int = 0,
        should_stop: Callable[[], bool] | None = None,
    ) -> Picture:
        if self.fail_on and self.fail_on in scene.text:
            raise RuntimeError(f"cannot draw {self.fail_on!r}")
        if self.hang_on and self.hang_on in scene.text:
            self.hanging.set()
            self.released.wait()
        if self.delay_s:
            import time

            time.sleep(self.delay_s)
        if should_stop is not None and should_stop():
            raise DrawingCancelled
        digest = hashlib.sha256(f"{scene.text}|{seed}".encode()).digest()
        image = Image.new("RGB", (self.size_px, self.size_px), tuple(digest[:3]))
        self.drawn.append((scene.text, draft))
        done = scene.with_drawing(
            scene.objects, width=self.size_px, height=self.size_px, style=scene.style
        )
        return Picture(image=image, scene=done)


def run_session(
    workers: Workers,
    source: AudioSource | None = None,
    *,
    options: SessionOptions | None = None,
    seconds: float = 10.0,
) -> list[Event]:
    """Run one session to the end (on its own event loop) and return every event it emitted.

    Without ``source``, ``seconds`` of silence are played as fast as possible.
    """
    events: list[Event] = []
    audio = source or ArraySource(np.zeros(int(seconds * SAMPLE_RATE), dtype=np.float32))

    async def main() -> None:
        session = Session(workers, options=options)
        session.subscribe(events.append)
        await session.run(audio)

    asyncio.run(main())
    return events
