from __future__ import annotations

from pathlib import Path

import numpy as np

from speech2image.asr.options import VadOptions
from speech2image.asr.vad import WINDOW_SAMPLES, SileroDetector, SpeechGate, SpeechRegion
from speech2image.audio.decode import decode_file

OPTIONS = VadOptions(min_silence_duration_ms=96, min_speech_duration_ms=64)  # 3 and 2 windows


def test_gate_opens_and_closes_with_hysteresis() -> None:
    gate = SpeechGate(OPTIONS)
    gate.push([0.1, 0.9, 0.8, 0.4, 0.9, 0.1])  # 0.4 is between the thresholds: still speech
    assert gate.open_region == SpeechRegion(WINDOW_SAMPLES, None)
    gate.push([0.1, 0.1])
    assert gate.pop_closed() == [SpeechRegion(WINDOW_SAMPLES, 5 * WINDOW_SAMPLES)]
    assert gate.open_region is None


def test_gate_drops_clicks() -> None:
    gate = SpeechGate(OPTIONS)
    gate.push([0.9, 0.1, 0.1, 0.1, 0.1])
    assert gate.pop_closed() == []


def test_gate_flush_closes_open_speech() -> None:
    gate = SpeechGate(OPTIONS)
    gate.push([0.9, 0.9, 0.9])
    assert gate.flush() == [SpeechRegion(0, 3 * WINDOW_SAMPLES)]


def test_detector_finds_the_sentences(three_sentences: Path) -> None:
    audio = decode_file(three_sentences)
    detector = SileroDetector(VadOptions(min_silence_duration_ms=250))
    for offset in range(0, len(audio), 3_000):  # chunk size unrelated to the window
        detector.feed(audio[offset : offset + 3_000])
    regions = detector.gate.pop_closed() + detector.gate.flush()
    assert len(regions) == 3
    assert regions[0].start < 0.3 * 16_000


def test_detector_hears_nothing_in_silence_and_noise() -> None:
    rng = np.random.default_rng(0)
    detector = SileroDetector(VadOptions())
    detector.feed(np.zeros(16_000 * 5, dtype=np.float32))
    detector.feed((rng.standard_normal(16_000 * 5) * 0.05).astype(np.float32))
    assert detector.gate.pop_closed() + detector.gate.flush() == []


def test_speech_start_after_a_pause_inside_the_region() -> None:
    from speech2image.asr.options import VadOptions
    from speech2image.asr.vad import SpeechGate

    gate = SpeechGate(VadOptions(min_silence_duration_ms=1000), sample_rate=16_000)
    window = 512
    # speech 10 windows, silence 10 (320 ms, under the 1 s that closes it), speech 10
    gate.push([0.9] * 10 + [0.1] * 10 + [0.9] * 10, window=window)
    assert gate.open_region is not None and gate.open_region.start == 0
    assert gate.speech_start_after(0) == 0
    # From inside the pause, the speech after it; from inside speech, nothing to skip.
    assert gate.speech_start_after(12 * window) == 20 * window
    assert gate.speech_start_after(1) is None
    assert gate.speech_start_after(21 * window) is None
    gate.push([0.1] * 40, window=window)  # the region closes and forgets its restarts
    assert gate.pop_closed() and gate.speech_start_after(0) is None
