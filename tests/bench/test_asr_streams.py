"""``bench asr --streams``: concurrent streams through one recogniser thread, real model."""

from __future__ import annotations

from pathlib import Path

import pytest

from speech2image.asr.options import TranscriberOptions
from speech2image.audio.decode import decode_file
from speech2image.bench.asr_streams import measure_streams

pytestmark = pytest.mark.slow


def test_two_streams_each_get_every_sentence(whisper, three_sentences: Path) -> None:
    reference = (three_sentences.with_suffix(".txt")).read_text(encoding="utf-8")
    results = measure_streams(
        whisper,
        decode_file(three_sentences),
        TranscriberOptions(),
        name=str(three_sentences),
        streams=2,
        reference=reference,
        chunk_ms=100,
    )
    assert [r.stream for r in results] == [0, 1]
    for r in results:
        # Where passes fall depends on timing: a busy machine may split a sentence in two.
        assert r.sentences >= 3
        assert r.wer is not None and r.wer < 0.5
        assert r.kept_real_time is not None
        assert 0 < r.worker_busy <= 1


def test_streams_must_be_positive(whisper) -> None:
    with pytest.raises(ValueError, match="streams"):
        measure_streams(
            whisper, None, TranscriberOptions(), name="x", streams=0, reference=None, chunk_ms=100
        )
