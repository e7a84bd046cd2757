"""Speculative finals against the voice-activity gate (pure: window probabilities, no model)."""

from __future__ import annotations

from speech2image.asr.endpoint import PausePolicy
from speech2image.asr.options import VadOptions
from speech2image.asr.policy import Word
from speech2image.asr.speculation import Speculation
from speech2image.asr.vad import SpeechGate

WINDOW = 512
POLICY = PausePolicy(complete_ms=250, default_ms=500, unfinished_ms=1000, recheck_ms=200)


def gate_after(silent_windows: int) -> SpeechGate:
    """A gate that heard 20 windows of speech, then ``silent_windows`` of silence."""
    gate = SpeechGate(VadOptions(min_silence_duration_ms=1000), sample_rate=16_000)
    gate.push([0.9] * 20 + [0.1] * silent_windows, window=WINDOW)
    return gate


def sentence(last_probability: float) -> list[Word]:
    return [
        Word(" The", 0.0, 0.1),
        Word(" dog", 0.1, 0.3),
        Word(" shook", 0.3, 0.5),
        Word(" its", 0.5, 0.6),
        Word(" coat.", 0.6, 0.64, last_probability),
    ]


def test_words_heard_early_in_a_pause_are_final_once_the_pause_lasts() -> None:
    early = gate_after(3)  # 96 ms into the pause
    speculation = Speculation.heard(sentence(0.9), [None], early, POLICY, end=early.position)
    assert not speculation.doubtful
    assert not speculation.due(early)
    assert speculation.due(gate_after(8))  # 256 ms: a complete sentence's pause


def test_a_doubted_last_word_heard_early_is_never_final_as_it_is() -> None:
    early = gate_after(3)
    speculation = Speculation.heard(sentence(0.22), [None], early, POLICY, end=early.position)
    assert speculation.doubtful
    assert not speculation.due(gate_after(20))
    # Heard later in the pause (past recheck_ms), the same doubt no longer holds it back.
    later = gate_after(7)
    again = Speculation.heard(sentence(0.22), [None], later, POLICY, end=later.position)
    assert not again.doubtful and again.due(gate_after(8))


def test_speech_that_resumes_ends_the_speculation() -> None:
    gate = gate_after(3)
    speculation = Speculation.heard(sentence(0.9), [None], gate, POLICY, end=gate.position)
    gate.push([0.9] * 2, window=WINDOW)
    assert speculation.resumed(gate)
