"""``--asr assemblyai,local``: the fallback to the local engine when the cloud one fails."""

from __future__ import annotations

import contextlib
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

from speech2image.asr.assemblyai import (
    AssemblyAIOptions,
    AssemblyAITranscriber,
    CloudTranscriberError,
)
from speech2image.asr.backend import TranscriptEvent
from speech2image.asr.fallback import FallbackTranscriber
from speech2image.asr.streaming import as_mono_float32
from speech2image.events import FinalTranscript, PartialTranscript
from speech2image.testing.fake_assemblyai import FakeAssemblyAI, FakeFaults

KEY = "aai-fallback-key-77aa"
RATE = 16_000


class CountingTranscriber:
    """A stand-in local engine: one final per whole second of audio it was given.

    Its times are seconds of its own input, as the local engine's are; it records every
    sample so a test can check what the fallback replayed into it.
    """

    def __init__(self) -> None:
        self.audio = np.zeros(0, dtype=np.float32)
        self._done_s = 0
        self._index = 0

    def insert_audio_chunk(self, chunk: np.ndarray) -> None:
        self.audio = np.concatenate([self.audio, as_mono_float32(chunk)])

    def process_iter(self) -> list[TranscriptEvent]:
        events: list[TranscriptEvent] = []
        while (self._done_s + 1) * RATE <= self.audio.size:
            events.append(self._final(self._done_s, self._done_s + 1))
            self._done_s += 1
        return events

    def finish(self) -> list[TranscriptEvent]:
        events = self.process_iter()
        rest_s = self.audio.size / RATE
        if rest_s > self._done_s:
            events.append(self._final(self._done_s, rest_s))
        return events

    def _final(self, start_s: float, end_s: float) -> FinalTranscript:
        event = FinalTranscript(self._index, f"Local {self._index}.", start_s, end_s)
        self._index += 1
        return event


class ScriptedPrimary:
    """A primary that returns scripted events, then fails with ``error``."""

    def __init__(self, events: list[TranscriptEvent], error: CloudTranscriberError) -> None:
        self._events = events
        self._error = error
        self.calls = 0
        self.closed = False

    def insert_audio_chunk(self, chunk: np.ndarray) -> None:
        as_mono_float32(chunk)

    def process_iter(self) -> list[TranscriptEvent]:
        self.calls += 1
        if self.calls == 1:
            return list(self._events)
        raise self._error

    def finish(self) -> list[TranscriptEvent]:
        raise self._error

    def pop_notices(self) -> list[str]:
        return ["reconnected once"]

    def close(self) -> None:
        self.closed = True


def finals(events: list[TranscriptEvent]) -> list[FinalTranscript]:
    return [e for e in events if isinstance(e, FinalTranscript)]


def test_the_switch_keeps_numbering_and_times_and_replays_since_the_last_final() -> None:
    heard = [
        PartialTranscript("a red", 0.0),
        FinalTranscript(0, "A red ball.", 0.0, 1.5),
        PartialTranscript("two", 2.0),
    ]
    late = (FinalTranscript(1, "Two cats.", 2.0, 2.5),)
    error = CloudTranscriberError("AssemblyAI session expired", kind="session", events=late)
    primary = ScriptedPrimary(heard, error)
    local = CountingTranscriber()
    wrapper = FallbackTranscriber(primary, lambda: local)

    wrapper.insert_audio_chunk(np.zeros(3 * RATE, dtype=np.float32))
    assert wrapper.process_iter() == heard
    assert not wrapper.switched
    # The second call fails: the late final passes on, the partial is cleared, and the
    # local engine hears everything after 2.5 s.
    events = wrapper.process_iter()
    assert events == [FinalTranscript(1, "Two cats.", 2.0, 2.5), PartialTranscript("", 2.5)]
    assert wrapper.switched and primary.closed
    assert local.audio.size == round(0.5 * RATE)
    notices = wrapper.pop_notices()
    assert notices == [
        "reconnected once",
        "AssemblyAI session expired; switched to the local engine",
    ]
    assert wrapper.pop_notices() == []
    # From now on the local engine's events, on the session clock and numbered on.
    wrapper.insert_audio_chunk(np.zeros(RATE, dtype=np.float32))
    assert wrapper.process_iter() == [FinalTranscript(2, "Local 0.", 2.5, 3.5)]
    assert wrapper.finish() == [FinalTranscript(3, "Local 1.", 3.5, 4.0)]


def test_bad_chunks_are_never_a_reason_to_switch() -> None:
    error = CloudTranscriberError("x", kind="auth")
    wrapper = FallbackTranscriber(ScriptedPrimary([], error), CountingTranscriber)
    with pytest.raises(ValueError, match="1-D"):
        wrapper.insert_audio_chunk(np.zeros((2, 2), dtype=np.float32))
    assert not wrapper.switched
    with pytest.raises(ValueError, match="switch_on"):
        FallbackTranscriber(ScriptedPrimary([], error), CountingTranscriber, switch_on=(Exception,))


@pytest.fixture
def fake(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeAssemblyAI]:
    faults = FakeFaults(
        close_after_bytes=round(2.0 * RATE) * 2,
        close_code=1008,
        close_reason="Unauthorized Connection: insufficient account balance",
    )
    with FakeAssemblyAI(
        ["A red ball.", "Two cats sleep."], api_key=KEY, faults=faults
    ).serve_in_thread() as server:
        monkeypatch.setenv("ASSEMBLYAI_STREAMING_URL", server.url)
        monkeypatch.setenv("ASSEMBLYAI_API_KEY", KEY)
        yield server


def cloud() -> AssemblyAITranscriber:
    return AssemblyAITranscriber(
        options=AssemblyAIOptions.from_env(
            pace_lead_s=None, connect_timeout_s=5.0, finish_timeout_s=5.0
        )
    )


def run(wrapper: FallbackTranscriber, audio: np.ndarray) -> list[TranscriptEvent]:
    events: list[TranscriptEvent] = []
    for start in range(0, audio.size, 1600):
        wrapper.insert_audio_chunk(audio[start : start + 1600])
        events += wrapper.process_iter()
    return events + wrapper.finish()


def test_an_exhausted_quota_mid_session_carries_on_locally(fake: FakeAssemblyAI) -> None:
    local = CountingTranscriber()
    wrapper = FallbackTranscriber(cloud(), lambda: local)
    # "A red ball." ends its turn at 1.3 s (last word at 0.85 s); the account runs dry at 2 s.
    audio = np.concatenate([fake.utterance(0), fake.utterance(1), np.zeros(RATE, np.int16)])
    events = run(wrapper, audio)

    texts = [f.text for f in finals(events)]
    assert texts[0] == "A red ball."
    assert texts[1:] == [f"Local {i}." for i in range(len(texts) - 1)]
    assert [f.index for f in finals(events)] == list(range(len(texts)))
    ends = [f.end_s for f in finals(events)]
    assert ends == sorted(ends)
    assert finals(events)[1].start_s == pytest.approx(0.85)
    # Nothing lost: the local engine got every sample after the cloud's last final.
    assert local.audio.size == audio.size - round(0.85 * RATE)
    assert ends[-1] == pytest.approx(audio.size / RATE)
    (notice,) = wrapper.pop_notices()
    assert (
        "1008" in notice and "balance" in notice and notice.endswith("switched to the local engine")
    )
    assert KEY not in notice


def test_a_bad_key_sends_everything_to_the_local_engine(
    fake: FakeAssemblyAI, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ASSEMBLYAI_API_KEY", "aai-not-the-key-1234")
    local = CountingTranscriber()
    wrapper = FallbackTranscriber(cloud(), lambda: local)
    audio = np.zeros(round(2.5 * RATE), dtype=np.float32)
    events = run(wrapper, audio)
    assert [f.text for f in finals(events)] == ["Local 0.", "Local 1.", "Local 2."]
    assert local.audio.size == audio.size
    (notice,) = wrapper.pop_notices()
    assert "rejected the API key" in notice and "ASSEMBLYAI_API_KEY" in notice


@pytest.fixture(scope="module")
def spoken_wav(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not shutil.which("espeak-ng") or not shutil.which("sox"):
        pytest.skip("espeak-ng and sox make the test speech")
    folder = tmp_path_factory.mktemp("speech")
    raw, wav = folder / "raw.wav", folder / "speech.wav"
    subprocess.run(
        ["espeak-ng", "-s", "150", "-w", str(raw), "A red ball is on the table."], check=True
    )
    subprocess.run(["sox", str(raw), "-r", "16000", "-c", "1", "-b", "16", str(wav)], check=True)
    return wav


@pytest.mark.slow
def test_the_real_local_engine_takes_over_after_a_bad_key(
    fake: FakeAssemblyAI, monkeypatch: pytest.MonkeyPatch, spoken_wav: Path
) -> None:
    from speech2image.asr.streaming import StreamingTranscriber
    from speech2image.asr.whisper import WhisperRecognizer

    monkeypatch.setenv("ASSEMBLYAI_API_KEY", "aai-not-the-key-1234")
    with contextlib.closing(__import__("wave").open(str(spoken_wav))) as w:
        speech = np.frombuffer(w.readframes(w.getnframes()), dtype="<i2")
    audio = np.concatenate([np.zeros(RATE // 2, np.int16), speech, np.zeros(RATE, np.int16)])
    wrapper = FallbackTranscriber(cloud(), lambda: StreamingTranscriber(WhisperRecognizer()))
    events = run(wrapper, audio)
    text = " ".join(f.text for f in finals(events)).lower()
    # espeak-ng's "red ball" comes out as "red wall" or "rent wall"; the rest is stable.
    assert "on the table" in text
    assert [f.index for f in finals(events)] == list(range(len(finals(events))))
    assert any("switched to the local engine" in n for n in wrapper.pop_notices())
