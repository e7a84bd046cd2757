"""One recording replayed through a fresh streaming transcriber, and what it heard.

The figures of :mod:`speech2image.bench.asr`: final-sentence latency, the cadence of partials,
WER, the real-time factor and memory, with a per-minute breakdown for long recordings.
"""

from __future__ import annotations

import resource
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from speech2image.asr.options import TranscriberOptions
from speech2image.bench import percentile
from speech2image.bench.metrics import word_error_rate
from speech2image.config import SAMPLE_RATE
from speech2image.events import FinalTranscript, PartialTranscript


@dataclass
class AsrFigures:
    file: str
    audio_s: float
    sentences: int
    final_latency_p50_s: float | None
    final_latency_p95_s: float | None
    partial_interval_p50_s: float | None
    partial_interval_p95_s: float | None
    wer_streaming: float | None
    wer_offline: float | None
    wer_against: str
    real_time_factor: float
    peak_rss_mb: float
    finals: list[str]
    """The final sentences, in order (JSON output only)."""
    words: int = 0
    """Words in all finals: on silence or noise alone, anything above 0 is invented."""
    noise: str | None = None
    """The background noise mixed in (``--noise``), or ``None``."""
    snr_db: float | None = None
    """Its level below the active speech level (``--snr``)."""
    picturable_correction: bool = False
    """Whether the picturable-vocabulary bias was on (``S2I_PICTURABLE_CORRECTION``)."""
    by_minute: list[MinuteFigures] = field(default_factory=list)
    """Final latency and resident memory per minute of audio (recordings over 2 minutes)."""


@dataclass
class MinuteFigures:
    """One minute of a long recording: does latency or memory grow?"""

    minute: int
    sentences: int
    final_latency_p50_s: float | None
    final_latency_p95_s: float | None
    rss_mb: float
    """Resident memory when the minute's audio had been played."""


def measure(
    recognizer: Any,
    audio: np.ndarray,
    options: TranscriberOptions,
    *,
    name: str,
    reference: str | None,
    chunk_ms: int,
    realtime: bool,
) -> AsrFigures:
    """Replay ``audio`` through a fresh streaming transcriber and collect the figures."""
    from speech2image.asr.streaming import StreamingTranscriber

    transcriber = StreamingTranscriber(recognizer, options=options)
    heard = _Heard(started=time.monotonic())
    busy_s, minute_rss = _replay(transcriber, audio, SAMPLE_RATE * chunk_ms // 1000, realtime,
                                 heard)  # fmt: skip
    finals = heard.finals
    latencies = [now - event.end_s for event, now in finals] if realtime else []
    streaming_text = " ".join(event.text for event, _ in finals)
    offline_text = " ".join(
        s.text for s in recognizer.recognize(audio, beam_size=options.beam_size)
    )
    against = reference if reference is not None else offline_text
    return AsrFigures(
        file=name,
        audio_s=round(len(audio) / SAMPLE_RATE, 2),
        sentences=len(finals),
        final_latency_p50_s=percentile(latencies, 50),
        final_latency_p95_s=percentile(latencies, 95),
        partial_interval_p50_s=percentile(heard.intervals, 50),
        partial_interval_p95_s=percentile(heard.intervals, 95),
        wer_streaming=_wer(against, streaming_text),
        wer_offline=_wer(reference, offline_text) if reference is not None else None,
        wer_against="reference" if reference is not None else "offline transcription",
        real_time_factor=round(busy_s / (len(audio) / SAMPLE_RATE), 3),
        peak_rss_mb=round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        finals=[event.text for event, _ in finals],
        words=len(streaming_text.split()),
        picturable_correction=options.picturable_correction,
        by_minute=_by_minute(finals, minute_rss) if len(audio) > 120 * SAMPLE_RATE else [],
    )


@dataclass
class _Heard:
    """The finals of a replay with the second each came, and the cadence of partials."""

    started: float
    finals: list[tuple[FinalTranscript, float]] = field(default_factory=list)
    intervals: list[float] = field(default_factory=list)
    """Time between consecutive partials of one sentence: the cadence while speech goes on
    (the gap from a final to the next sentence's first partial is the listener's pause)."""
    _partials: list[float] = field(default_factory=list)

    def collect(self, events: list[Any]) -> None:
        now = time.monotonic() - self.started
        for event in events:
            if isinstance(event, FinalTranscript):
                self.finals.append((event, now))
                self._partials.clear()
            elif isinstance(event, PartialTranscript) and event.text:
                if self._partials:
                    self.intervals.append(now - self._partials[-1])
                self._partials.append(now)
            elif isinstance(event, PartialTranscript):
                self._partials.clear()


def _replay(
    transcriber: Any, audio: np.ndarray, step: int, realtime: bool, heard: _Heard
) -> tuple[float, list[float]]:
    """Feed ``audio`` in ``step``-sample chunks (at real-time pace when ``realtime``), one
    pass after each batch; the recogniser's busy seconds and the RSS at each minute's end."""
    busy_s = 0.0
    position = 0
    minute_rss: list[float] = []
    while position < len(audio):
        # Everything that "was spoken" by now arrives at once, as the live session batches it.
        elapsed = time.monotonic() - heard.started
        played = len(audio) if not realtime else int(elapsed * SAMPLE_RATE)
        target = min(len(audio), max(position + step, played))
        if realtime and target > played:
            time.sleep((target - played) / SAMPLE_RATE)
        for offset in range(position, target, step):
            transcriber.insert_audio_chunk(audio[offset : min(offset + step, target)])
        position = target
        while position >= (len(minute_rss) + 1) * 60 * SAMPLE_RATE:
            minute_rss.append(_current_rss_mb())
        t0 = time.monotonic()
        events = transcriber.process_iter()
        busy_s += time.monotonic() - t0
        heard.collect(events)
    t0 = time.monotonic()
    heard.collect(transcriber.finish())
    return busy_s + time.monotonic() - t0, minute_rss


def _by_minute(
    finals: list[tuple[FinalTranscript, float]], minute_rss: list[float]
) -> list[MinuteFigures]:
    """Latency of the finals whose speech ended in each minute, and memory at its end."""
    rows = []
    for minute, rss in enumerate(minute_rss):
        latencies = [
            now - e.end_s for e, now in finals if minute * 60 <= e.end_s < minute * 60 + 60
        ]
        rows.append(
            MinuteFigures(
                minute=minute + 1,
                sentences=len(latencies),
                final_latency_p50_s=percentile(latencies, 50),
                final_latency_p95_s=percentile(latencies, 95),
                rss_mb=rss,
            )
        )
    return rows


def _current_rss_mb() -> float:
    """Resident memory now (Linux ``/proc``; the peak where that is missing)."""
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[1])
    except (OSError, IndexError, ValueError):
        return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    return round(pages * resource.getpagesize() / 2**20, 1)


def _wer(reference: str | None, hypothesis: str) -> float | None:
    if reference is None or not reference.strip():
        return None
    return round(word_error_rate(reference, hypothesis), 4)
