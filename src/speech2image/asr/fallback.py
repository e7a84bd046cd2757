"""A transcriber that falls back to another when the first fails for good.

``--asr assemblyai,local`` is a :class:`FallbackTranscriber` over the AssemblyAI engine
with the local engine as the fallback. While the primary works, its events pass through
unchanged. When it raises one of ``switch_on`` (by default
:class:`~speech2image.asr.assemblyai.CloudTranscriberError`: a bad key, an exhausted
quota, a closed session, a network that will not come back, a service that does not keep
up), the wrapper:

1. passes on the events the primary received before failing (the error carries them);
2. records a notice for the session to show (:meth:`FallbackTranscriber.pop_notices`);
3. builds the fallback and replays into it the audio since the end of the last final
   sentence, so nothing said after it is lost;
4. carries on with the fallback, shifting its times onto the session's clock and
   continuing the sentence numbering, so finals stay numbered from 0 without gaps.

Bad chunks still raise ``ValueError`` and are never a reason to switch.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable

import numpy as np

from speech2image.asr.assemblyai import CloudTranscriberError
from speech2image.asr.backend import Transcriber, TranscriptEvent
from speech2image.asr.streaming import as_mono_float32
from speech2image.config import SAMPLE_RATE
from speech2image.events import FinalTranscript, PartialTranscript

logger = logging.getLogger(__name__)


class FallbackTranscriber:
    """Runs ``primary`` and, if it fails for good, ``make_fallback()`` from then on.

    ``make_fallback`` is called once, at the switch (the local engine loads its model only
    if it is needed). ``max_replay_s`` bounds the audio kept for the replay: the audio since
    the last final sentence, which a cloud engine normally closes every few seconds.
    """

    def __init__(
        self,
        primary: Transcriber,
        make_fallback: Callable[[], Transcriber],
        *,
        switch_on: tuple[type[Exception], ...] = (CloudTranscriberError,),
        fallback_name: str = "the local engine",
        max_replay_s: float = 60.0,
    ) -> None:
        if max_replay_s <= 0:
            raise ValueError(f"max_replay_s={max_replay_s!r} is not allowed: it must be > 0")
        if not switch_on or any(issubclass(ValueError, t) for t in switch_on):
            raise ValueError(
                f"switch_on={switch_on!r} is not allowed: it must name the errors of a failed "
                "engine, never ValueError (a bad chunk is the caller's mistake)"
            )
        self._primary = primary
        self._make_fallback = make_fallback
        self._switch_on = switch_on
        self._fallback_name = fallback_name
        self._max_replay = int(max_replay_s * SAMPLE_RATE)
        self._fallback: Transcriber | None = None
        self._offset_s = 0.0
        """Session time at which the fallback's audio starts."""
        self._replay = np.zeros(0, dtype=np.float32)
        self._replay_start = 0
        """Session sample position of ``_replay[0]``."""
        self._next_index = 0
        self._partial_text = ""
        self._pending: list[TranscriptEvent] = []
        self._notices: list[str] = []

    @property
    def switched(self) -> bool:
        """Whether the fallback has taken over."""
        return self._fallback is not None

    def insert_audio_chunk(self, chunk: np.ndarray) -> None:
        """Keep the samples for a replay and give them to the engine in charge."""
        samples = as_mono_float32(chunk)
        if samples.size == 0:
            return
        if self._fallback is not None:
            self._fallback.insert_audio_chunk(samples)
            return
        self._keep(samples)
        try:
            self._primary.insert_audio_chunk(samples)
        except self._switch_on as e:
            self._switch(e)

    def process_iter(self) -> list[TranscriptEvent]:
        """The events of the engine in charge, plus any left over from a switch."""
        return self._call("process_iter")

    def finish(self) -> list[TranscriptEvent]:
        """End of audio for the engine in charge (the fallback, if the primary fails here)."""
        return self._call("finish")

    def pop_notices(self) -> list[str]:
        """Messages for the user since the last call: the switch, and the primary's own
        notices (a reconnect). The session shows each as ``StageFailed(stage="asr", ...)``."""
        if self._fallback is None:
            pop = getattr(self._primary, "pop_notices", None)
            if pop is not None:
                self._notices.extend(pop())
        notices, self._notices = self._notices, []
        return notices

    def close(self) -> None:
        """Stop the engine in charge without finishing (cancellation)."""
        engine = self._fallback or self._primary
        close = getattr(engine, "close", None)
        if close is not None:
            close()

    # -- internals ---------------------------------------------------------------------------

    def _call(self, method: str) -> list[TranscriptEvent]:
        events, self._pending = self._pending, []
        if self._fallback is None:
            try:
                raw = getattr(self._primary, method)()
                return events + self._track(raw, shift_s=0.0)
            except self._switch_on as e:
                self._switch(e)
                events, self._pending = events + self._pending, []
        assert self._fallback is not None
        raw = getattr(self._fallback, method)()
        return events + self._track(raw, shift_s=self._offset_s)

    def _switch(self, error: Exception) -> None:
        """Take the primary's last events, tell the user, replay the audio into the fallback."""
        # 1. What the primary heard before failing.
        self._pending.extend(self._track(list(getattr(error, "events", ())), shift_s=0.0))
        # 2. The notice, with any notices the primary still held.
        pop = getattr(self._primary, "pop_notices", None)
        if pop is not None:
            self._notices.extend(pop())
        message = f"{error}; switched to {self._fallback_name}"
        logger.warning("%s", message)
        self._notices.append(message)
        close = getattr(self._primary, "close", None)
        if close is not None:
            close()
        # 3. The fallback, fed the audio since the last final sentence.
        self._fallback = self._make_fallback()
        self._offset_s = self._replay_start / SAMPLE_RATE
        if self._partial_text:
            self._partial_text = ""
            self._pending.append(PartialTranscript(text="", start_s=self._offset_s))
        replay, self._replay = self._replay, np.zeros(0, dtype=np.float32)
        if replay.size:
            logger.info(
                "replaying %.1f s of audio into %s", replay.size / SAMPLE_RATE, self._fallback_name
            )
            self._fallback.insert_audio_chunk(replay)

    def _track(self, events: list[TranscriptEvent], *, shift_s: float) -> list[TranscriptEvent]:
        """Renumber finals, shift times onto the session clock, trim the replay buffer."""
        out: list[TranscriptEvent] = []
        for event in events:
            if isinstance(event, FinalTranscript):
                event = dataclasses.replace(
                    event,
                    index=self._next_index,
                    start_s=event.start_s + shift_s,
                    end_s=event.end_s + shift_s,
                )
                self._next_index += 1
                if self._fallback is None:
                    self._acknowledge(event.end_s)
            elif isinstance(event, PartialTranscript):
                event = dataclasses.replace(event, start_s=event.start_s + shift_s)
                self._partial_text = event.text
            out.append(event)
        return out

    def _keep(self, samples: np.ndarray) -> None:
        self._replay = np.concatenate([self._replay, samples])
        excess = self._replay.size - self._max_replay
        if excess > 0:
            self._replay = self._replay[excess:]
            self._replay_start += excess

    def _acknowledge(self, end_s: float) -> None:
        """Audio before a final sentence's end never needs replaying."""
        cut = min(round(end_s * SAMPLE_RATE) - self._replay_start, self._replay.size)
        if cut > 0:
            self._replay = self._replay[cut:]
            self._replay_start += cut
