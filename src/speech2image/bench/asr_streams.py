"""``bench asr --streams N``: N live streams through one shared recogniser.

The web server loads one Whisper model and runs every session's recognition on one worker
thread (``Workers`` in :mod:`speech2image.session`). This replays that arrangement: N
feeder threads play the recording at real-time pace, each with its own
:class:`~speech2image.asr.streaming.StreamingTranscriber`, and every ``insert_audio_chunk``
and ``process_iter`` runs on one single-thread executor, each stream handing over
everything that arrived while its previous turn ran. A stream keeps real time when the lag
of its finals (emitted minus spoken) does not grow over the recording.
"""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

import numpy as np

from speech2image.asr.options import TranscriberOptions
from speech2image.bench import percentile
from speech2image.bench.metrics import word_error_rate
from speech2image.config import SAMPLE_RATE
from speech2image.events import FinalTranscript

MAX_LAG_GROWTH_S = 1.0
"""A stream whose last third of finals lags this much more than its first third (median)
did not keep real time: its backlog grew."""


@dataclass
class StreamFigures:
    """One of N concurrent streams."""

    stream: int
    file: str
    audio_s: float
    sentences: int
    lag_p50_s: float | None
    lag_p95_s: float | None
    lag_first_third_p50_s: float | None
    lag_last_third_p50_s: float | None
    kept_real_time: bool | None
    """The last third's median lag is under the first third's plus ``MAX_LAG_GROWTH_S``;
    ``None`` without finals."""
    wer: float | None
    """Against ``--ref`` when given."""
    worker_busy: float
    """Fraction of the wall time the shared worker thread spent recognising (all streams)."""


def measure_streams(
    recognizer: Any,
    audio: np.ndarray,
    options: TranscriberOptions,
    *,
    name: str,
    streams: int,
    reference: str | None,
    chunk_ms: int,
) -> list[StreamFigures]:
    """Replay ``audio`` on ``streams`` concurrent streams sharing ``recognizer``'s thread."""
    if streams < 1:
        raise ValueError(f"streams must be at least 1, got {streams}")
    from speech2image.asr.streaming import StreamingTranscriber

    worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="asr")
    busy = [0.0]
    lock = threading.Lock()
    results: list[list[tuple[FinalTranscript, float]]] = [[] for _ in range(streams)]
    started = time.monotonic()

    def turn(transcriber: StreamingTranscriber, chunks: list[np.ndarray], last: bool) -> list:
        t0 = time.monotonic()
        for chunk in chunks:
            transcriber.insert_audio_chunk(chunk)
        events = transcriber.finish() if last else transcriber.process_iter()
        with lock:
            busy[0] += time.monotonic() - t0
        return events

    def feed(index: int) -> None:
        transcriber = StreamingTranscriber(recognizer, options=options)
        step = SAMPLE_RATE * chunk_ms // 1000
        position = 0
        while position < len(audio):
            played = int((time.monotonic() - started) * SAMPLE_RATE)
            target = min(len(audio), max(position + step, played))
            if target > played:
                time.sleep((target - played) / SAMPLE_RATE)
            chunks = [audio[o : min(o + step, target)] for o in range(position, target, step)]
            position = target
            events = worker.submit(turn, transcriber, chunks, False).result()
            now = time.monotonic() - started
            results[index] += [(e, now) for e in events if isinstance(e, FinalTranscript)]
        events = worker.submit(turn, transcriber, [], True).result()
        now = time.monotonic() - started
        results[index] += [(e, now) for e in events if isinstance(e, FinalTranscript)]

    feeders = [threading.Thread(target=feed, args=(i,)) for i in range(streams)]
    for feeder in feeders:
        feeder.start()
    for feeder in feeders:
        feeder.join()
    worker.shutdown()
    wall_s = time.monotonic() - started
    return [
        _figures(i, finals, name=name, audio=audio, reference=reference, busy=busy[0] / wall_s)
        for i, finals in enumerate(results)
    ]


def _figures(
    index: int,
    finals: list[tuple[FinalTranscript, float]],
    *,
    name: str,
    audio: np.ndarray,
    reference: str | None,
    busy: float,
) -> StreamFigures:
    lags = [now - event.end_s for event, now in finals]
    third = max(1, len(lags) // 3)
    first = percentile(lags[:third], 50)
    last = percentile(lags[-third:], 50)
    text = " ".join(event.text for event, _ in finals)
    return StreamFigures(
        stream=index,
        file=name,
        audio_s=round(len(audio) / SAMPLE_RATE, 2),
        sentences=len(finals),
        lag_p50_s=percentile(lags, 50),
        lag_p95_s=percentile(lags, 95),
        lag_first_third_p50_s=first,
        lag_last_third_p50_s=last,
        kept_real_time=None if first is None or last is None else last < first + MAX_LAG_GROWTH_S,
        wer=round(word_error_rate(reference, text), 4) if reference else None,
        worker_busy=round(busy, 3),
    )
