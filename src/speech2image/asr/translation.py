"""English for final sentences spoken in another language (Whisper's translate task)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np

from speech2image.asr.backend import SpeechTranslator
from speech2image.asr.options import TranscriberOptions
from speech2image.asr.policy import Sentence
from speech2image.config import SAMPLE_RATE

_PAD_S = 0.15
"""Audio kept either side of a sentence's words when it is translated on its own."""


def translate_sentences(
    recognizer: object,
    options: TranscriberOptions,
    sentences: Sequence[Sentence],
    *,
    language: str | None,
    audio: Callable[[int, int], np.ndarray],
    pass_span: tuple[int, int] | None,
) -> list[str | None]:
    """Whisper's English for each sentence, or ``None`` where the speech is English.

    ``audio(begin, end)`` gives stream samples. With ``pass_span`` (the samples of the pass
    that heard a single sentence) the whole pass is translated, so the recogniser reuses
    its encoding of that audio; otherwise each sentence is translated over its words' times,
    so each final keeps its own English.
    """
    if (
        not sentences
        or not options.translates
        or language in (None, "en")
        or not isinstance(recognizer, SpeechTranslator)
    ):
        return [None] * len(sentences)
    assert language is not None
    if len(sentences) == 1 and pass_span is not None:
        spans = [pass_span]
    else:
        spans = [
            (int((s.start_s - _PAD_S) * SAMPLE_RATE), int((s.end_s + _PAD_S) * SAMPLE_RATE))
            for s in sentences
        ]
    english: list[str | None] = []
    for begin, end in spans:
        text = recognizer.translate(
            audio(begin, end),
            language=language,
            beam_size=options.beam_size,
            window_s=options.final_window_s,
        )
        english.append(text.strip() or None)
    return english
