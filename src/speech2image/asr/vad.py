"""Voice activity detection that runs as audio arrives.

:class:`SpeechGate` is the pure hysteresis policy of Silero VAD's ``get_speech_timestamps``
(threshold, negative threshold, minimum silence and speech), rewritten to consume one
window probability at a time so a stream never reprocesses its past.
:class:`SileroDetector` feeds it from the Silero VAD model that ships inside faster-whisper's
wheel, keeping the recurrent state between calls.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np

from speech2image.asr.options import VadOptions
from speech2image.config import SAMPLE_RATE

WINDOW_SAMPLES = 512
"""Silero VAD scores 32 ms windows at 16 kHz."""
_CONTEXT_SAMPLES = 64


@dataclass(frozen=True, slots=True)
class SpeechRegion:
    """Speech between two sample positions of the stream; ``end`` is None while it goes on."""

    start: int
    end: int | None


class SpeechGate:
    """Turns window speech probabilities into speech regions (pure; no model, no clock)."""

    def __init__(self, options: VadOptions, *, sample_rate: int = SAMPLE_RATE) -> None:
        self._options = options
        self._min_silence = options.min_silence_duration_ms * sample_rate // 1000
        self._min_speech = options.min_speech_duration_ms * sample_rate // 1000
        self._position = 0
        self._start: int | None = None
        self._silence_since: int | None = None
        self._closed: list[SpeechRegion] = []
        self._resumes: list[int] = []
        """Where speech began after silence inside the open region, in order (its start
        first): where a sentence after a pause begins."""
        self._pause_starts: list[int | None] = []
        """Where the silence before each of ``_resumes`` began (None before the start)."""

    @property
    def position(self) -> int:
        """Samples scored so far."""
        return self._position

    def push(self, probabilities: Iterable[float], *, window: int = WINDOW_SAMPLES) -> None:
        """Score the next windows, in order."""
        for p in probabilities:
            start, self._position = self._position, self._position + window
            if p >= self._options.threshold:
                if self._start is None or self._silence_since is not None:
                    self._resumes.append(start)
                    started = self._start is not None
                    self._pause_starts.append(self._silence_since if started else None)
                self._silence_since = None
                if self._start is None:
                    self._start = start
            elif self._start is not None and p < self._options.neg_threshold:
                if self._silence_since is None:
                    self._silence_since = start
                if self._position - self._silence_since >= self._min_silence:
                    self._close(self._silence_since)

    def _close(self, end: int) -> None:
        assert self._start is not None
        if end - self._start >= self._min_speech:
            self._closed.append(SpeechRegion(self._start, end))
        self._start = None
        self._silence_since = None
        self._resumes = []
        self._pause_starts = []

    def pop_closed(self) -> list[SpeechRegion]:
        """Regions that ended since the last call, oldest first."""
        closed, self._closed = self._closed, []
        return closed

    @property
    def trailing_silence(self) -> int:
        """Samples of silence since the speech of the open region paused (0 while speaking)."""
        if self._start is None or self._silence_since is None:
            return 0
        return self._position - self._silence_since

    def speech_start_after(self, position: int) -> int | None:
        """Where speech of the open region began again after the silence that ``position``
        lies in (or at ``position``, where speech began there); ``None`` when ``position``
        lies in speech, or in a silence still going on: nothing after it is to be skipped."""
        for resume, pause_start in zip(self._resumes, self._pause_starts, strict=True):
            if resume >= position:
                in_pause = pause_start is None or pause_start <= position
                return resume if in_pause or resume == position else None
        return None

    @property
    def open_region(self) -> SpeechRegion | None:
        """The region being spoken now, if any."""
        return None if self._start is None else SpeechRegion(self._start, None)

    def flush(self) -> list[SpeechRegion]:
        """End of stream: close any open region at the last scored sample."""
        if self._start is not None:
            end = self._silence_since if self._silence_since is not None else self._position
            self._close(end)
        return self.pop_closed()


class SileroDetector:
    """Silero VAD (ONNX, from faster-whisper's wheel) scoring audio incrementally."""

    def __init__(self, options: VadOptions) -> None:
        from faster_whisper.vad import get_vad_model

        self._model = get_vad_model()  # cached by faster-whisper: one ONNX session
        self.gate = SpeechGate(options)
        self._pending = np.zeros(0, dtype=np.float32)
        self._context = np.zeros(_CONTEXT_SAMPLES, dtype=np.float32)
        self._h = np.zeros((1, 1, 128), dtype=np.float32)
        self._c = np.zeros((1, 1, 128), dtype=np.float32)

    def feed(self, samples: np.ndarray) -> None:
        """Score every complete window of ``samples`` (16 kHz mono float32)."""
        audio = np.concatenate([self._pending, samples]) if self._pending.size else samples
        usable = len(audio) - len(audio) % WINDOW_SAMPLES
        self._pending = audio[usable:].copy()
        if usable == 0:
            return
        windows = audio[:usable].reshape(-1, WINDOW_SAMPLES)
        contexts = np.vstack([self._context[None, :], windows[:-1, -_CONTEXT_SAMPLES:]])
        self._context = windows[-1, -_CONTEXT_SAMPLES:].copy()
        batch = np.concatenate([contexts, windows], axis=1).astype(np.float32)
        output, self._h, self._c = self._model.session.run(
            None, {"input": batch, "h": self._h, "c": self._c}
        )
        self.gate.push(np.asarray(output).reshape(-1).tolist())
