"""The replay buffer of the AssemblyAI engine: what a reconnect re-sends (pure)."""

from __future__ import annotations

import pytest

from speech2image.asr.assemblyai_replay import BYTES_PER_SAMPLE, ReplayBuffer

FRAME_BYTES = 1600 * BYTES_PER_SAMPLE  # 100 ms at 16 kHz


def _audio(seconds: float) -> bytes:
    return bytes(round(seconds * 16_000) * BYTES_PER_SAMPLE)


def test_an_acknowledged_turn_is_not_sent_again() -> None:
    replay = ReplayBuffer(max_replay_s=30)
    for _ in range(10):
        replay.keep(_audio(0.1))
    replay.acknowledge(0.6)
    frames = replay.frames(FRAME_BYTES)
    assert replay.start_s == pytest.approx(0.6)
    assert sum(len(f) for f in frames) == len(_audio(0.4)) and len(frames) == 4


def test_a_short_tail_joins_the_frame_before_or_is_let_go() -> None:
    replay = ReplayBuffer(max_replay_s=30)
    replay.keep(_audio(0.12))
    assert [len(f) for f in replay.frames(FRAME_BYTES)] == [len(_audio(0.12))]
    alone = ReplayBuffer(max_replay_s=30)
    alone.keep(_audio(0.03))  # under the 50 ms the service accepts
    assert alone.frames(FRAME_BYTES) == []
    assert alone.start_s == pytest.approx(0.03) and alone.frames(FRAME_BYTES) == []


def test_a_turn_longer_than_the_bound_loses_its_start_and_says_how_much() -> None:
    replay = ReplayBuffer(max_replay_s=1.0)
    for _ in range(15):
        replay.keep(_audio(0.1))
    assert sum(len(f) for f in replay.frames(FRAME_BYTES)) == len(_audio(1.0))
    assert replay.start_s == pytest.approx(0.5)
    assert replay.take_lost_s() == pytest.approx(0.5) and replay.take_lost_s() == 0.0


def test_acknowledging_beyond_what_is_kept_empties_it() -> None:
    replay = ReplayBuffer(max_replay_s=30)
    replay.keep(_audio(0.2))
    replay.acknowledge(5.0)
    assert replay.frames(FRAME_BYTES) == [] and replay.start_s == pytest.approx(0.2)
