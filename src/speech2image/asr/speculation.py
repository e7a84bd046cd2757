"""Speculative finals: the words heard as a pause began, final if the pause lasts.

A pure record and its checks against the voice-activity gate; the streaming transcriber
runs the pass and commits the words.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from speech2image.asr.endpoint import PausePolicy
from speech2image.asr.options import TranscriberOptions, VadOptions
from speech2image.asr.policy import Word
from speech2image.asr.vad import SpeechGate, SpeechRegion
from speech2image.config import SAMPLE_RATE

DOUBTED_WORD_PROBABILITY = 0.5
"""An early pause pass whose last word has less than this probability is heard again
later in the pause (:attr:`Speculation.doubtful`): on three espeak-ng readings of a
paragraph no tuning saw, the misheard last words ("skirt" for "coat", "hit" for "basket")
had 0.22-0.41, the words heard right mostly over 0.75."""


def pause_policy(options: TranscriberOptions) -> tuple[PausePolicy, VadOptions]:
    """The pauses that end sentences, and the voice-activity options to detect them with.

    Live (partial passes on), the pause policy decides when a sentence ends, so an utterance
    only closes after the longest pause a sentence may wait for; a file transcribed as fast
    as possible keeps the VAD's own pause.
    """
    vad = options.vad
    pauses = PausePolicy(
        complete_ms=min(options.sentence_pause_ms, vad.min_silence_duration_ms),
        default_ms=vad.min_silence_duration_ms,
        unfinished_ms=max(options.unfinished_pause_ms, vad.min_silence_duration_ms),
        recheck_ms=options.busy_speculative_pause_ms,
    )
    if options.partial_interval_s > 0:
        vad = dataclasses.replace(vad, min_silence_duration_ms=pauses.unfinished_ms)
    return pauses, vad


@dataclass(frozen=True, slots=True)
class Speculation:
    """A pass run as a pause began: final if the pause lasts ``pause`` samples."""

    words: tuple[Word, ...]
    english: tuple[str | None, ...]
    """English of each of ``split_sentences(words)`` when the transcriber translates."""
    end: int
    """Stream position the pass heard up to."""
    pause_start: int
    """Stream position where the pause began."""
    pause: int
    """Samples of silence that make ``words`` final."""
    early: bool = False
    """Heard before the pause lasted ``PausePolicy.recheck_ms``."""
    doubtful: bool = False
    """Heard early in the pause, with a last word Whisper doubts: a word's final stop
    ("coat", "basket") is silence and then a burst, which a pass this early may not have
    heard yet. Never final as it is: a pass later in the pause hears it again."""

    @classmethod
    def heard(
        cls,
        words: list[Word],
        english: list[str | None],
        gate: SpeechGate,
        pauses: PausePolicy,
        *,
        end: int,
    ) -> Speculation:
        """The speculation of a pass over the stream up to ``end``; one heard before the
        pause lasted ``pauses.recheck_ms``, ending on a word Whisper gave less than
        ``DOUBTED_WORD_PROBABILITY``, is :attr:`doubtful`."""
        pause_start = gate.position - gate.trailing_silence
        early = end - pause_start < pauses.recheck_ms * SAMPLE_RATE // 1000
        return cls(
            words=tuple(words),
            english=tuple(english),
            end=end,
            pause_start=pause_start,
            pause=pauses.pause_ms(words) * SAMPLE_RATE // 1000,
            early=early,
            doubtful=early and bool(words) and words[-1].probability < DOUBTED_WORD_PROBABILITY,
        )

    def resumed(self, gate: SpeechGate) -> bool:
        """Speech came back after this pause began: the words are no longer the final."""
        pause_start = gate.position - gate.trailing_silence
        return gate.open_region is not None and pause_start > self.pause_start

    def due(self, gate: SpeechGate) -> bool:
        """The pause has lasted long enough for these words (and they are not doubted)."""
        return not self.doubtful and gate.trailing_silence >= self.pause


def silent_since(gate: SpeechGate, position: int) -> bool:
    """Nothing spoken after stream ``position``: the pause after a final, before the
    utterance closes, which a pass would only hallucinate over."""
    return gate.trailing_silence > 0 and gate.position - gate.trailing_silence <= position


def pass_start(gate: SpeechGate, region: SpeechRegion, *, pad: int, committed: int) -> int:
    """Where the next pass over the open region begins: its speech (with ``pad`` before it)
    after the committed point, skipping the pause after the last final, which the utterance
    now spans (it stays open up to ``unfinished_pause_ms``). Beginning at the committed
    point instead, mid-pause, changed four sentences of the 45 s sample story, most for the
    worse (WER 0.13 against 0.10)."""
    start = max(region.start - pad, committed)
    resumed = gate.speech_start_after(committed)
    return start if resumed is None else max(start, resumed - pad)
