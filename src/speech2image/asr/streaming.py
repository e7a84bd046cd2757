"""Streaming transcription over an offline recognizer.

The interface is whisper_streaming's: :meth:`StreamingTranscriber.insert_audio_chunk`,
:meth:`~StreamingTranscriber.process_iter` and :meth:`~StreamingTranscriber.finish`.
The policy combines three signals:

1. Voice activity: an utterance that ends with a pause of ``min_silence_duration_ms`` is
   recognised once more with beam search and all of it becomes final at once.
2. Local agreement (Macháček et al. 2023): while speech goes on, a greedy pass runs every
   ``partial_interval_s`` of audio; sentences two consecutive passes agree on become final
   early, the rest is the partial text; a run-on is cut at an agreed clause boundary.
2b. Speculative finals (:mod:`.speculation`): a pause of ``speculative_pause_ms`` runs a
   beam pass, shown as partial text; its words are final with no other pass once the pause
   is as long as they need (:mod:`.endpoint`), dropped if speech resumes first.
3. A bound: speech past ``max_utterance_s`` without a pause has its complete sentences
   committed. Which pass runs when is :mod:`.schedule`'s pure policy.

Other languages' finals carry Whisper's English (:mod:`.translation`); committed audio goes.
"""

from __future__ import annotations

import logging
import time
from collections import deque
from collections.abc import Callable
from typing import Literal

import numpy as np

from speech2image.asr.backend import SpeechRecognizer, TranscriptEvent
from speech2image.asr.bias import picturable_corrector
from speech2image.asr.chunks import as_mono_float32 as as_mono_float32
from speech2image.asr.endpoint import clause_cut, is_unfinished
from speech2image.asr.languages import AUTO
from speech2image.asr.options import TranscriberOptions
from speech2image.asr.passes import by_utterance, complete_before, heard_words, said_once
from speech2image.asr.policy import (
    Sentence,
    Word,
    agreed_prefix,
    committable_sentences,
    join_words,
    split_sentences,
)
from speech2image.asr.schedule import BEHIND_SAMPLES, SLOW_PASS_S, PassKind, StreamState, open_pass
from speech2image.asr.speculation import Speculation, pass_start, pause_policy, silent_since
from speech2image.asr.translation import translate_sentences
from speech2image.asr.vad import SileroDetector
from speech2image.config import SAMPLE_RATE
from speech2image.events import FinalTranscript, PartialTranscript

logger = logging.getLogger(__name__)

_PROMPT_CHARS = 200


class StreamingTranscriber:
    """Turns a stream of audio chunks into partial and final transcript events."""

    def __init__(
        self,
        recognizer: SpeechRecognizer,
        *,
        options: TranscriberOptions | None = None,
        detector: SileroDetector | None = None,
    ) -> None:
        self.options = options or TranscriberOptions()
        self._recognizer = recognizer
        self._pauses, vad = pause_policy(self.options)
        self._detector = detector or SileroDetector(vad)
        self._speculation: Speculation | None = None
        self._before_pause: tuple[list[Word], int, int] = ([], 0, 0)  # _settle_speculation
        self._pad = self.options.vad.speech_pad_ms * SAMPLE_RATE // 1000
        self._buffer = np.zeros(0, dtype=np.float32)
        self._buffer_start = 0  # stream position (samples) of _buffer[0]
        self._received = 0
        self._unsettled = self._batch = 0  # samples inserted since the last poll; its batch
        self._beam_pass_s = 0.0  # how long the last beam pass took
        self._committed_until = 0  # audio before it is final, never recognised again
        self._hypothesis: list[Word] = []
        self._last_pass_at = 0
        self._partial_text = ""
        self._pending = deque[tuple[int, int]]()
        self._recent = deque[str](maxlen=4)
        self._last_final: Sentence | None = None
        self.others_waiting: Callable[[], bool] | None = None
        """Set by whoever shares the recognizer between streams (the server's sessions): while
        others wait, partial passes come every ``busy_partial_interval_s``."""
        self._next_index = 0
        self._pass_span = (0, 0)  # stream samples [begin, end) of the last pass
        self._pass_language: str | None = None  # what it heard (None before any speech)
        # A session in another language than the shared recogniser's says so each pass.
        own, said = getattr(recognizer, "default_language", None), self.options.language
        self._language_arg = {"language": said} if own not in (None, said) else {}
        self._corrector = picturable_corrector(recognizer, self.options)  # finals only

    @property
    def received_s(self) -> float:
        """Seconds of audio received so far."""
        return self._received / SAMPLE_RATE

    @property
    def buffered_s(self) -> float:
        """Seconds of audio held for recognition; bounded by ``max_utterance_s``."""
        return len(self._buffer) / SAMPLE_RATE

    def insert_audio_chunk(self, chunk: np.ndarray) -> None:
        """Add 16 kHz mono samples (int16 or float). Zero-length chunks are ignored."""
        samples = as_mono_float32(chunk)
        if samples.size == 0:
            return
        self._buffer = np.concatenate([self._buffer, samples])
        self._received += samples.size
        self._unsettled += samples.size
        self._detector.feed(samples)
        self._pending.extend((r.start, r.end) for r in self._detector.gate.pop_closed() if r.end)

    def process_iter(self) -> list[TranscriptEvent]:
        """Recognise what the audio so far allows; returns the new events (maybe none)."""
        # 0. A speculative final whose pause is long enough is final now (before the
        #    utterance's own end, which would recognise it again); resumed speech drops it.
        events = self._settle_speculation()
        # 1. Utterances that ended with a pause become final whole; several that closed at
        #    once (a file read faster than real time) share one pass of up to max_utterance_s.
        limit = int(self.options.max_utterance_s * SAMPLE_RATE)
        while self._pending:
            group = [self._pending.popleft()]
            while self._pending and self._pending[0][1] - group[0][0] <= limit:
                group.append(self._pending.popleft())
            events.extend(self._finalize(group))
        # 2. Speech going on: bound it, or refresh the partial text.
        start, kind = self._open_pass()
        if kind == "long":
            events.extend(self._commit_long(start))
        elif kind == "pause":
            events.extend(self._pause_pass(start))
        elif kind == "partial":
            events.extend(self._partial_pass(start))
        # 3. Drop audio no future pass needs.
        self._trim()
        return events

    def poll(self) -> list[TranscriptEvent]:
        """What the audio fed so far settles with no pass (a speculative final committed or
        dropped). A session sharing the recogniser calls this on its own thread and queues
        :meth:`process_iter` there only for a :meth:`due_pass`, so a commit never waits."""
        events = self._settle_speculation()
        self._trim()
        return events

    def due_pass(self) -> PassKind | Literal["final"] | None:
        """The pass :meth:`process_iter` would run now (pure; no model): ``final`` for
        utterances that ended, else the open utterance's (:func:`.schedule.open_pass`). A
        session sharing the recogniser queues every pass but ``partial`` ahead of others'."""
        return "final" if self._pending else self._open_pass()[1]

    def _settle_speculation(self) -> list[TranscriptEvent]:
        if self._unsettled:
            self._batch, self._unsettled = self._unsettled, 0
        gate = self._detector.gate
        if self._speculation is not None and self._speculation.resumed(gate):
            early, self._speculation = self._speculation.early, None
            # Speech went on: an early pass leaves no trace (no half of a local agreement).
            hypothesis, last_pass_at, committed = self._before_pause
            if early and committed == self._committed_until:
                self._hypothesis, self._last_pass_at = hypothesis, last_pass_at
        if self._speculation is not None and self._pending and self._speculation.doubtful:
            self._speculation = None  # the utterance's own pass hears it again
        if self._speculation is not None and (self._pending or self._speculation.due(gate)):
            return self._commit_speculation()
        return []

    def _open_pass(self) -> tuple[int, PassKind | None]:
        """Where a pass over the open region would begin, and the pass it needs now
        (:mod:`.schedule`; none without an open region)."""
        gate = self._detector.gate
        region = gate.open_region
        if region is None:
            return 0, None
        start = pass_start(gate, region, pad=self._pad, committed=self._committed_until)
        state = StreamState(
            received=self._received,
            start=start,
            trailing_silence=gate.trailing_silence,
            last_pass_at=self._last_pass_at,
            speculating=self._speculation is not None and not self._speculation.doubtful,
            silent_since_final=silent_since(gate, self._committed_until),
            others_waiting=self.others_waiting is not None and self.others_waiting(),
            heard=bool(self._hypothesis),
            unscored=self._received - gate.position,
            behind=self._batch > BEHIND_SAMPLES or self._beam_pass_s > SLOW_PASS_S,
            # A doubted speculation is heard again at the longer pause.
            unfinished=is_unfinished(self._hypothesis) or self._speculation is not None,
        )
        return start, open_pass(state, self.options)

    def finish(self) -> list[TranscriptEvent]:
        """End of stream: everything still heard becomes final."""
        events = self.process_iter()
        for region in self._detector.gate.flush():
            end = region.end if region.end is not None else self._received
            events.extend(self._finalize([(region.start, end)]))
        return events

    def pop_notices(self) -> list[str]:
        """The local engine has nothing to report beyond its events."""
        return []

    def close(self) -> None:
        """Nothing to release: the recognizer belongs to the workers."""

    # -- passes ---------------------------------------------------------------------------

    def _finalize(self, utterances: list[tuple[int, int]]) -> list[TranscriptEvent]:
        """Recognise finished utterances with beam search and commit all of them.

        Each utterance's words become its own sentences, so a pause still ends a sentence
        when several utterances share the pass.
        """
        begin = max(utterances[0][0] - self._pad, self._committed_until)
        stop = min(utterances[-1][1] + self._pad, self._received)
        if stop - begin < SAMPLE_RATE // 10 or begin >= utterances[-1][1]:
            return self._clear_partial()
        words = self._recognize(begin, stop, beam_size=self.options.beam_size, kind="final")
        sentences = [
            sentence
            for group in by_utterance(words, utterances)
            for sentence in split_sentences(group, max_words=self.options.max_sentence_words)
        ]
        self._committed_until = stop
        self._hypothesis = []
        return self._commit(sentences) + self._clear_partial()

    def _partial_pass(self, begin: int) -> list[TranscriptEvent]:
        """A greedy pass over speech in progress: commit agreed sentences, show the rest."""
        words = self._recognize(begin, self._received, beam_size=1, kind="partial")
        return self._partial_from(words, agreed_with=self._hypothesis)

    def _partial_from(self, words: list[Word], *, agreed_with: list[Word]) -> list[TranscriptEvent]:
        """Commit the sentences two passes agree on; the rest becomes the partial text."""
        self._last_pass_at = self._received
        agreed = agreed_prefix(agreed_with, words)
        sentences = committable_sentences(words, agreed, max_words=self.options.max_sentence_words)
        if not sentences and self.options.max_clause_s > 0:
            # A run-on: finalise the agreed clauses so its picture does not wait for the end.
            cut = clause_cut(words[:agreed], max_span_s=self.options.max_clause_s)
            sentences = [Sentence(tuple(words[:cut]))] if cut else []
        events = self._commit_through(sentences, words)
        remaining = words[sum(len(s.words) for s in sentences) :]
        self._hypothesis = remaining
        text = join_words(remaining)
        if text != self._partial_text:
            self._partial_text = text
            start_s = remaining[0].start_s if remaining else self._committed_until / SAMPLE_RATE
            language = self._pass_language if self.options.translates else None
            events.append(PartialTranscript(text=text, start_s=start_s, language=language))
        return events

    def _pause_pass(self, begin: int) -> list[TranscriptEvent]:
        """The speaker paused: recognise what was said as the final it will be if the pause
        lasts long enough; show it as partial text meanwhile (the session draws it)."""
        beam = self.options.pause_beam_size
        words = self._recognize(begin, self._received, beam_size=beam, kind="pause")
        self._before_pause = (self._hypothesis, self._last_pass_at, self._committed_until)
        events = self._partial_from(words, agreed_with=self._hypothesis)
        rest = self._hypothesis
        if not rest:
            return events
        sentences = split_sentences(rest, max_words=self.options.max_sentence_words)
        english = self._translations(sentences, whole_pass=len(rest) == len(words))
        gate = self._detector.gate
        self._speculation = Speculation.heard(rest, english, gate, self._pauses, end=self._received)
        if self._speculation.due(self._detector.gate):
            events.extend(self._commit_speculation())
        return events

    def _commit_speculation(self) -> list[TranscriptEvent]:
        """The pause lasted: the speculative pass's words are final, with no new pass."""
        speculation, self._speculation = self._speculation, None
        assert speculation is not None
        words, english = list(speculation.words), list(speculation.english)
        sentences = split_sentences(words, max_words=self.options.max_sentence_words)
        self._committed_until = max(self._committed_until, speculation.end)
        self._hypothesis = []
        return self._commit(sentences, english=english) + self._clear_partial()

    def _commit_long(self, begin: int) -> list[TranscriptEvent]:
        """Speech past ``max_utterance_s`` without a pause: commit its complete sentences."""
        self._last_pass_at = self._received
        words = self._recognize(
            begin, self._received, beam_size=self.options.beam_size, kind="long"
        )
        sentences = split_sentences(words, max_words=self.options.max_sentence_words)
        complete = complete_before(sentences, words, horizon_s=self._received / SAMPLE_RATE - 1)
        if not complete:
            # Nothing recognisable in this stretch: let it go rather than grow the buffer.
            self._committed_until = self._received - SAMPLE_RATE
            return []
        events = self._commit_through(complete, words)
        self._hypothesis = words[sum(len(s.words) for s in complete) :]
        return events

    def _commit_through(
        self, sentences: list[Sentence], words: list[Word]
    ) -> list[TranscriptEvent]:
        """Commit ``sentences`` (a prefix of ``words``) and move the committed point past them."""
        if not sentences:
            return []
        n = sum(len(s.words) for s in sentences)
        cut_s = words[n - 1].end_s
        if n < len(words):
            # Midway into the gap before the next word, so its onset is not clipped.
            cut_s = (cut_s + words[n].start_s) / 2
        self._committed_until = max(self._committed_until, int(cut_s * SAMPLE_RATE))
        return self._commit(sentences)

    def _commit(
        self, sentences: list[Sentence], *, english: list[str | None] | None = None
    ) -> list[TranscriptEvent]:
        """Final events for ``sentences``; ``english`` gives their translations when known."""
        events: list[TranscriptEvent] = []
        if english is None or len(english) != len(sentences):
            english = self._translations(sentences)
        pairs = [(sentences[i], english[i]) for i in said_once(sentences, self._last_final)]
        language = self._pass_language if self.options.translates else None
        for sentence, english_text in pairs:
            text, start_s, end_s = sentence.text, sentence.start_s, sentence.end_s
            final = FinalTranscript(self._next_index, text, start_s, end_s, language, english_text)
            events.append(final)
            self._next_index += 1
            self._recent.append(text)
            self._last_final = sentence
        return events

    def _translations(
        self, sentences: list[Sentence], *, whole_pass: bool = True
    ) -> list[str | None]:
        """English for each sentence where the speaker's language is not English."""
        return translate_sentences(
            self._recognizer,
            self.options,
            sentences,
            language=self._pass_language,
            audio=self._audio,
            pass_span=self._pass_span if whole_pass else None,
        )

    def _audio(self, begin: int, end: int) -> np.ndarray:
        """Stream samples ``[begin, end)`` still in the buffer."""
        begin = max(begin, self._buffer_start)
        return self._buffer[begin - self._buffer_start : end - self._buffer_start]

    def _clear_partial(self) -> list[TranscriptEvent]:
        cleared, self._partial_text = self._partial_text, ""
        return [PartialTranscript("", self._committed_until / SAMPLE_RATE)] if cleared else []

    def _recognize(self, begin: int, end: int, *, beam_size: int, kind: str) -> list[Word]:
        """Run the recognizer on stream samples ``[begin, end)``; words in stream seconds.
        ``kind`` names the pass in the debug log (``serve -vv``: where recognition time goes)."""
        partial = kind == "partial"
        started = time.perf_counter()
        audio = self._buffer[begin - self._buffer_start : end - self._buffer_start]
        prompt = None
        if self.options.prompt_with_recent and not partial:
            prompt = " ".join(self._recent)[-_PROMPT_CHARS:] or None
        window_s = self.options.partial_window_s if partial else self.options.final_window_s
        segments = self._recognizer.recognize(
            audio, prompt=prompt, beam_size=beam_size, window_s=window_s, **self._language_arg
        )
        self._pass_span = (begin, end)
        took_ms = (time.perf_counter() - started) * 1000
        self._beam_pass_s = self._beam_pass_s if partial else took_ms / 1000
        logger.debug("%s pass: %.2f s of audio in %.0f ms", kind, len(audio) / SAMPLE_RATE, took_ms)
        heard = heard_words(segments, offset_s=begin / SAMPLE_RATE, options=self.options)
        if self.options.language != AUTO:
            self._pass_language = self.options.language
        elif heard.language:
            self._pass_language = heard.language
        words = list(heard.words)
        if self._corrector is not None and not partial:  # picturable bias: finals only
            words = self._corrector.correct(words)
        return words

    def _trim(self) -> None:
        gate = self._detector.gate
        needed = [gate.position - self._pad]
        needed += [start - self._pad for start, _ in self._pending]
        if gate.open_region is not None:
            needed.append(gate.open_region.start - self._pad)
        keep_from = max(self._committed_until, min(needed))
        drop = keep_from - self._buffer_start
        if drop > 0:
            self._buffer = self._buffer[drop:]
            self._buffer_start = keep_from
