"""Which recognition pass an open utterance needs now: a pure policy over stream positions.

The streaming transcriber asks it after every batch of audio (and a session sharing the
recogniser asks it before queuing a step there, see
:meth:`~speech2image.asr.streaming.StreamingTranscriber.due_pass`). Positions are stream
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
VAD_WINDOW_SAMPLES = 512
"""The gate scores 32 ms windows, so up to a window of the audio received is not scored
yet (:attr:`StreamState.unscored`)."""
MIN_PAUSE_PASS_SAMPLES = SAMPLE_RATE // 4
"""Less speech than this since the committed point is not worth a pause pass."""
SLOW_PASS_S = 0.2
"""A beam pass slower than this cannot end inside a complete sentence's pause (250 ms)
even when it starts early; early passes at short pauses between words would then only take
the loaded machine's time from the passes that count."""
BEHIND_SAMPLES = 3 * SAMPLE_RATE // 10
"""A batch of audio longer than this (the page sends 100 ms frames) came in while a pass
ran: the recogniser is behind, and an early pause pass at every short pause between words
would only put it further behind."""


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
    heard: bool = True
    """A pass already heard words of the open speech that are not final yet; until one has,
    partial passes come every ``first_partial_s`` (the first draft needs a word or two)."""
    unscored: int = 0
    """Samples received after the last whole VAD window (fewer than one window): a pause
    pass counts them into the pause, so a pause is not seen a 100 ms chunk late for the
    want of a few samples."""
    behind: bool = False
    """The recogniser is not keeping up with this stream: audio arrived in a batch longer
    than ``BEHIND_SAMPLES`` while the last pass ran, or the last beam pass took longer than
    ``SLOW_PASS_S`` (the machine is loaded)."""
    unfinished: bool = False
    """The words heard so far plainly go on (:func:`.endpoint.is_unfinished`): their pause
    has to last ``unfinished_pause_ms`` anyway, so their pause pass is in no hurry."""


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
    """The speaker stopped long enough for a speculative pass (``speculative_pause_ms``;
    ``busy_speculative_pause_ms`` while others wait, while the recogniser is behind, or
    after words that plainly go on), and no pass saw the pause yet."""
    if options.partial_interval_s <= 0:
        return False  # nobody watches partials: the utterance's end finalises it
    if state.trailing_silence == 0:
        return False
    silence = state.trailing_silence + min(state.unscored, VAD_WINDOW_SAMPLES - 1)
    wait = state.others_waiting or state.behind or state.unfinished
    pause_ms = options.busy_speculative_pause_ms if wait else options.speculative_pause_ms
    pause = pause_ms * SAMPLE_RATE // 1000
    return silence >= pause and state.last_pass_at < state.received - silence + pause


def due_for_partial(state: StreamState, options: TranscriberOptions) -> bool:
    """Time for a partial pass: every ``partial_interval_s`` of speech (every
    ``busy_partial_interval_s`` while others wait; every ``first_partial_s`` from the
    speech's onset until a pass hears words), never once a pause has begun."""
    interval = options.partial_interval_s * SAMPLE_RATE
    if interval <= 0 or state.trailing_silence >= PARTIAL_QUIET_SAMPLES:
        return False
    since = state.received - state.last_pass_at
    if state.others_waiting:
        return since >= options.busy_partial_interval_s * SAMPLE_RATE
    if not state.heard and options.first_partial_s > 0 and not state.behind:
        first = options.first_partial_s * SAMPLE_RATE
        pad = options.vad.speech_pad_ms * SAMPLE_RATE // 1000
        return since >= first and state.received - state.start >= pad + first
    return since >= interval
