"""The streaming transcriber with the real Whisper tiny.en on real speech."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from speech2image.asr.options import TranscriberOptions
from speech2image.asr.streaming import StreamingTranscriber
from speech2image.audio.decode import decode_file
from speech2image.events import FinalTranscript, PartialTranscript

pytestmark = pytest.mark.slow


def stream(transcriber: StreamingTranscriber, audio: np.ndarray, chunk: int) -> list:
    events = []
    for offset in range(0, len(audio), chunk):
        transcriber.insert_audio_chunk(audio[offset : offset + chunk])
        events += transcriber.process_iter()
    return events + transcriber.finish()


def finals(events: list) -> list[FinalTranscript]:
    return [e for e in events if isinstance(e, FinalTranscript)]


def test_file_speed_finals(whisper, three_sentences: Path) -> None:
    options = TranscriberOptions(partial_interval_s=0)
    events = stream(
        StreamingTranscriber(whisper, options=options), decode_file(three_sentences), 16_000
    )
    sentences = finals(events)
    assert [s.index for s in sentences] == [0, 1, 2]
    text = " ".join(s.text.lower() for s in sentences)
    for word in ("car", "tree", "cat", "sofa", "birds", "house"):
        assert word in text
    assert not [e for e in events if isinstance(e, PartialTranscript) and e.text]
    starts = [s.start_s for s in sentences]
    assert starts == sorted(starts)
    assert all(s.start_s < s.end_s <= 9.3 for s in sentences)


def test_live_pace_partials_then_finals(whisper, three_sentences: Path) -> None:
    options = TranscriberOptions(partial_interval_s=0.5)
    events = stream(
        StreamingTranscriber(whisper, options=options), decode_file(three_sentences), 1_600
    )
    partials = [e for e in events if isinstance(e, PartialTranscript) and e.text]
    assert len(partials) >= 3
    sentences = finals(events)
    assert len(sentences) == 3
    assert "cat" in sentences[1].text.lower()
    # A final is never revised: indices are unique and in order.
    assert [s.index for s in sentences] == list(range(len(sentences)))


@pytest.mark.parametrize("kind", ["silence", "white noise", "room tone"])
def test_no_words_without_speech(whisper, kind: str) -> None:
    rng = np.random.default_rng(1)
    n = 16_000 * 20
    audio = {
        "silence": np.zeros(n),
        "white noise": rng.standard_normal(n) * 0.1,
        # Low rumble with a little hiss, like an empty room.
        "room tone": np.convolve(rng.standard_normal(n), np.ones(200) / 200, "same") * 0.3
        + rng.standard_normal(n) * 0.003,
    }[kind].astype(np.float32)
    events = stream(StreamingTranscriber(whisper), audio, 8_000)
    assert [e for e in events if getattr(e, "text", "")] == []


def test_buffer_stays_bounded(whisper, three_sentences: Path) -> None:
    speech = decode_file(three_sentences)
    transcriber = StreamingTranscriber(whisper, options=TranscriberOptions(partial_interval_s=0))
    longest = 0.0
    for _ in range(4):
        for offset in range(0, len(speech), 16_000):
            transcriber.insert_audio_chunk(speech[offset : offset + 16_000])
            transcriber.process_iter()
            longest = max(longest, transcriber.buffered_s)
    assert transcriber.received_s > 25
    assert longest < 10


@pytest.mark.parametrize(
    ("chunk", "message"),
    [
        (np.zeros((2, 100), dtype=np.float32), "1-D"),
        (np.array([0.0, np.nan], dtype=np.float32), "NaN"),
        (np.array([np.inf], dtype=np.float64), "NaN or infinite"),
        (np.zeros(10, dtype=np.int32), "dtype"),
    ],
)
def test_bad_chunks_rejected_and_stream_goes_on(
    whisper, one_sentence: Path, chunk, message
) -> None:
    transcriber = StreamingTranscriber(whisper, options=TranscriberOptions(partial_interval_s=0))
    with pytest.raises(ValueError, match=message):
        transcriber.insert_audio_chunk(chunk)
    transcriber.insert_audio_chunk(np.zeros(0, dtype=np.float32))
    speech = (decode_file(one_sentence) * 32767).astype(np.int16)
    events = stream(transcriber, speech, 4_000)
    assert "dog" in " ".join(s.text.lower() for s in finals(events))


class SameSentenceRecognizer:
    """Hears one sentence in any audio, spread over it: what an echo of the prompt is."""

    def __init__(self, text: str) -> None:
        self.words = text.split()

    def recognize(self, audio, *, prompt=None, beam_size=5, window_s=None):
        from speech2image.asr.backend import RecognizedSegment
        from speech2image.asr.policy import Word

        step = len(audio) / 16_000 / len(self.words)
        words = tuple(
            Word(" " + w, i * step, (i + 1) * step, 0.9) for i, w in enumerate(self.words)
        )
        return [RecognizedSegment(" ".join(self.words), 0.0, len(audio) / 16_000, words)]


def test_a_sentence_heard_again_at_once_is_dropped_as_an_echo(three_sentences: Path) -> None:
    # Three utterances 0.7 s apart, each "heard" as the same sentence: only the first stays.
    recognizer = SameSentenceRecognizer("The cat sleeps on the sofa.")
    options = TranscriberOptions(partial_interval_s=0)
    events = stream(
        StreamingTranscriber(recognizer, options=options), decode_file(three_sentences), 16_000
    )
    assert [s.text for s in finals(events)] == ["The cat sleeps on the sofa."]


def test_a_sentence_said_again_later_is_kept(one_sentence: Path) -> None:
    speech = decode_file(one_sentence)
    audio = np.concatenate([speech, np.zeros(16_000 * 4, dtype=np.float32), speech])
    recognizer = SameSentenceRecognizer("The cat sleeps on the sofa.")
    options = TranscriberOptions(partial_interval_s=0)
    events = stream(StreamingTranscriber(recognizer, options=options), audio, 16_000)
    assert len(finals(events)) == 2


class CountingRecognizer:
    """The real recognizer, counting the greedy (partial) passes it is asked for."""

    def __init__(self, inner) -> None:
        self.inner = inner
        self.partial_passes = 0

    def recognize(self, audio, **kwargs):
        self.partial_passes += kwargs.get("beam_size") == 1
        return self.inner.recognize(audio, **kwargs)


@pytest.mark.parametrize("others_waiting", [False, True])
def test_partial_passes_give_way_when_others_wait(
    whisper, three_sentences: Path, others_waiting: bool
) -> None:
    recognizer = CountingRecognizer(whisper)
    options = TranscriberOptions(partial_interval_s=0.4, busy_partial_interval_s=1.2)
    transcriber = StreamingTranscriber(recognizer, options=options)
    transcriber.others_waiting = lambda: others_waiting
    events = stream(transcriber, decode_file(three_sentences), 1_600)
    assert len(finals(events)) == 3  # finals never give way
    # 9.2 s of audio, about 7 s of it speech: a pass every 0.4 s, or every 1.2 s when busy.
    if others_waiting:
        assert 2 <= recognizer.partial_passes <= 8
    else:
        assert recognizer.partial_passes >= 12
