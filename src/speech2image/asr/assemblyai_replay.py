"""What the AssemblyAI engine sends, and when: the replay buffer and the pace (pure).

A connection that drops loses the turn it was hearing; the engine keeps the audio that no
final turn covers yet and sends it again on the next connection, so no word is lost. The
buffer is bounded (``max_replay_s``): a turn longer than that loses its start, and the
seconds lost are reported with the reconnect. Audio that queued up (a replay, a burst) is
sent at most ``pace_lead_s`` ahead of real time.
"""

from __future__ import annotations

from speech2image.config import SAMPLE_RATE

BYTES_PER_SAMPLE = 2
"""The engine sends 16-bit PCM."""
_MIN_FRAME_MS = 50
"""The service refuses frames shorter than this."""


class ReplayBuffer:
    """16-bit PCM since the last final turn, at most ``max_replay_s`` of it."""

    def __init__(self, *, max_replay_s: float) -> None:
        self._audio = bytearray()
        self._limit_bytes = int(max_replay_s * SAMPLE_RATE) * BYTES_PER_SAMPLE
        self.start = 0
        """Session sample position of the first sample kept."""
        self.lost_s = 0.0
        """Audio let go since :meth:`take_lost_s` was last called (the bound was reached)."""

    @property
    def start_s(self) -> float:
        """Session time of the first sample kept, in seconds."""
        return self.start / SAMPLE_RATE

    def keep(self, frame: bytes) -> None:
        """Remember a sent frame until a final turn covers it."""
        self._audio += frame
        excess = len(self._audio) - self._limit_bytes
        if excess > 0:
            del self._audio[:excess]
            self.start += excess // BYTES_PER_SAMPLE
            self.lost_s += excess / BYTES_PER_SAMPLE / SAMPLE_RATE

    def acknowledge(self, end_s: float) -> None:
        """A final turn ended at ``end_s`` (session time): audio before it never needs
        re-sending."""
        cut = min(round(end_s * SAMPLE_RATE) - self.start, len(self._audio) // BYTES_PER_SAMPLE)
        if cut > 0:
            del self._audio[: cut * BYTES_PER_SAMPLE]
            self.start += cut

    def frames(self, frame_bytes: int) -> list[bytes]:
        """What is kept, cut into frames of ``frame_bytes`` that the service accepts: a
        tail under 50 ms joins the frame before it, or, alone, is let go."""
        replay = bytes(self._audio)
        frames = [replay[i : i + frame_bytes] for i in range(0, len(replay), frame_bytes)]
        min_bytes = _MIN_FRAME_MS * SAMPLE_RATE // 1000 * BYTES_PER_SAMPLE
        if frames and len(frames[-1]) < min_bytes:
            tail = frames.pop()
            if frames:
                frames[-1] += tail  # at most frame_ms + 50 ms, within the 1000 ms allowed
            else:
                # Under 50 ms after the last final word: too short to send; let it go.
                self._audio.clear()
                self.start += len(tail) // BYTES_PER_SAMPLE
        return frames

    def take_lost_s(self) -> float:
        """The seconds let go since the last call, and start counting again."""
        lost_s, self.lost_s = self.lost_s, 0.0
        return lost_s


class Pace:
    """Keeps a connection's audio at most ``lead_s`` ahead of real time (``None``: no
    pacing). Pure: the caller says what time it is."""

    def __init__(self, lead_s: float | None, *, start_s: float) -> None:
        self._lead_s = lead_s
        self._sent_s = 0.0
        self._start_s = start_s

    def delay_s(self, frame_bytes: int, *, now_s: float) -> float:
        """How long to wait before sending the next frame of ``frame_bytes``, at ``now_s``
        (the clock ``start_s`` was read from); the frame then counts as sent."""
        delay_s = 0.0
        if self._lead_s is not None:
            ahead_s = self._sent_s - (now_s - self._start_s)
            delay_s = max(0.0, ahead_s - self._lead_s)
        self._sent_s += frame_bytes / BYTES_PER_SAMPLE / SAMPLE_RATE
        return delay_s
