"""Adaptive end of sentence and speculative finals, with the real Whisper tiny.en."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from speech2image.asr.options import TranscriberOptions
from speech2image.asr.streaming import StreamingTranscriber
from speech2image.events import FinalTranscript, PartialTranscript
from tests.asr.speech import speak

pytestmark = pytest.mark.slow


class CountingRecognizer:
    """The real recogniser, counting its passes."""

    def __init__(self, inner) -> None:
        self.inner = inner
        self.passes = 0

    def recognize(self, audio, **kwargs):
        self.passes += 1
        return self.inner.recognize(audio, **kwargs)


def live(transcriber: StreamingTranscriber, audio: np.ndarray) -> list:
    """100 ms chunks, one step each, as the web page sends them."""
    events = []
    for offset in range(0, len(audio), 1_600):
        transcriber.insert_audio_chunk(audio[offset : offset + 1_600])
        events += transcriber.process_iter()
    return events + transcriber.finish()


def finals(events: list) -> list[FinalTranscript]:
    return [e for e in events if isinstance(e, FinalTranscript)]


def test_a_pause_inside_an_unfinished_sentence_does_not_split_it(whisper, tmp_path: Path) -> None:
    audio = speak(
        tmp_path,
        "unfinished",
        'A little cat is sitting on the<break time="650ms"/>soft blue mat.'
        '<break time="900ms"/>The dog sleeps.<break time="900ms"/>',
    )
    events = live(StreamingTranscriber(whisper, options=TranscriberOptions()), audio)
    texts = [e.text.lower() for e in finals(events)]
    assert len(texts) == 2, texts
    assert "on the" in texts[0] and "mat" in texts[0]


def test_the_speculative_pass_becomes_the_final_without_another(
    whisper, three_sentences: Path
) -> None:
    from speech2image.audio.decode import decode_file

    recognizer = CountingRecognizer(whisper)
    # Partial passes out of the way, the first one of each sentence too.
    options = TranscriberOptions(partial_interval_s=30.0, first_partial_s=0)
    events = live(StreamingTranscriber(recognizer, options=options), decode_file(three_sentences))
    sentences = finals(events)
    assert len(sentences) == 3
    # Each final was shown first as the partial text of its pause's pass, word for word.
    shown = [e.text for e in events if isinstance(e, PartialTranscript) and e.text]
    for sentence in sentences:
        assert sentence.text in shown
    # One pass per sentence: the pause's own. Nothing was recognised twice.
    assert recognizer.passes == 3


def test_speech_that_resumes_drops_the_speculation(whisper, tmp_path: Path) -> None:
    # A 200 ms pause after a complete-looking clause: the speculative pass runs, the
    # sentence goes on before the 250 ms a complete sentence needs, so nothing is final yet.
    audio = speak(
        tmp_path,
        "resumes",
        'The red bus stops<break time="200ms"/>next to the school.<break time="900ms"/>',
    )
    events = live(StreamingTranscriber(whisper, options=TranscriberOptions()), audio)
    texts = [e.text.lower() for e in finals(events)]
    assert len(texts) == 1, texts
    assert "red" in texts[0] and "school" in texts[0]


def test_a_run_on_sentence_gives_finals_every_few_seconds(whisper, tmp_path: Path) -> None:
    clauses = [
        "we walked along the river for a long time in the morning",
        "and then we crossed the old stone bridge near the mill",
        "and after that we climbed up the steep hill behind the village",
        "and at the top we ate our bread and cheese in the sun",
    ]
    audio = speak(tmp_path, "run-on", " ".join(clauses) + ".", speed=160)
    assert len(audio) / 16_000 > 12
    options = TranscriberOptions(max_clause_s=4.0)
    sentences = finals(live(StreamingTranscriber(whisper, options=options), audio))
    assert len(sentences) >= 2, [s.text for s in sentences]
    text = " ".join(s.text.lower() for s in sentences)
    for word in ("river", "bridge", "hill", "cheese"):
        assert word in text


def test_polling_between_passes_gives_the_same_finals_with_steps_that_run_no_pass(
    whisper, three_sentences: Path
) -> None:
    """A shared recogniser's session feeds audio and polls on its own thread, and queues
    a step on the recogniser only when a pass is due: the same finals come out, and the
    steps that commit a speculative final run no pass."""
    from speech2image.audio.decode import decode_file

    audio = decode_file(three_sentences)
    plain = finals(live(StreamingTranscriber(whisper, options=TranscriberOptions()), audio))
    recognizer = CountingRecognizer(whisper)
    transcriber = StreamingTranscriber(recognizer, options=TranscriberOptions())
    events, steps, committed_by_poll = [], 0, 0
    for offset in range(0, len(audio), 1_600):
        transcriber.insert_audio_chunk(audio[offset : offset + 1_600])
        polled = transcriber.poll()
        committed_by_poll += len(finals(polled))
        events += polled
        if transcriber.due_pass() is not None:
            steps += 1
            passes = recognizer.passes
            events += transcriber.process_iter()
            assert recognizer.passes <= passes + 1
    events += transcriber.finish()
    assert [e.text for e in finals(events)] == [e.text for e in plain]
    assert committed_by_poll >= 1  # speculative finals settled without a recogniser step
    assert steps <= recognizer.passes + 1  # a step was queued only for a pass
