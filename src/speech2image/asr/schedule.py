"""Which recognition pass an open utterance needs now: a pure policy over stream positions.

The streaming transcriber asks it after every batch of audio (and a session sharing the
recogniser asks it before queuing a step there, see
:meth:`~speech2image.asr.streaming.StreamingTranscriber.wants_pass`). Positions are stream
samples; nothing here touches a model or a clock.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from speech2image.asr.options import TranscriberOptions
from speech2image.config import SAMPLE_RATE

PassKind = Literal["long", "pause", "partial"]

PARTIAL_QUIET_SAMPLES = 2 * 512
"""Two VAD windows (64 ms) of silence: no partial pass starts in a pause, since the pause
pass comes within ``speculative_pause_ms`` and shows the same words; a partial pass then
would only delay it (the final waited for the partial pass's end)."""
MIN_PAUSE_PASS_SAMPLES = SAMPLE_RATE // 4
"""Less speech than this since the committed point is not worth a pause pass."""


@dataclass(frozen=True, slots=True)
class StreamState:
    """What the policy reads: positions in stream samples and two flags."""

    received: int
    """Samples received so far."""
    start: int
    """Where a pass over the open utterance would begin."""
    trailing_silence: int
    """Samples of silence since the open utterance's speech paused (0 while speaking)."""
    last_pass_at: int
    """``received`` when the last pass over open speech ran."""
    speculating: bool
    """A speculative pass already heard this pause."""
    silent_since_final: bool
    """Nothing spoken since the last final: a pass would only hallucinate."""
    others_waiting: bool
    """Other sessions' passes are queued on the shared recogniser."""


def open_pass(state: StreamState, options: TranscriberOptions) -> PassKind | None:
    """The pass the open utterance needs now: ``long`` (bound it), ``pause`` (speculate),
    ``partial`` (refresh the partial text) or none."""
    if state.received - state.start > options.max_utterance_s * SAMPLE_RATE:
        return "long"
    if state.speculating or state.silent_since_final:
        return None
    if paused(state, options) and state.received - state.start > MIN_PAUSE_PASS_SAMPLES:
        return "pause"
    if due_for_partial(state, options):
        return "partial"
    return None


def paused(state: StreamState, options: TranscriberOptions) -> bool:
    """The speaker stopped long enough for a sentence end, and no pass saw the pause yet."""
    if options.partial_interval_s <= 0:
        return False  # nobody watches partials: the utterance's end finalises it
    silence = state.trailing_silence
    pause = options.speculative_pause_ms * SAMPLE_RATE // 1000
    return silence >= pause and state.last_pass_at < state.received - silence + pause


def due_for_partial(state: StreamState, options: TranscriberOptions) -> bool:
    """Time for a partial pass: every ``partial_interval_s`` of speech (every
    ``busy_partial_interval_s`` while others wait), never once a pause has begun."""
    interval = options.partial_interval_s * SAMPLE_RATE
    since = state.received - state.last_pass_at
    if interval <= 0 or since < interval:
        return False
    if state.trailing_silence >= PARTIAL_QUIET_SAMPLES:
        return False
    if state.others_waiting:
        return since >= options.busy_partial_interval_s * SAMPLE_RATE
    return True
