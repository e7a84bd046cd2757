"""The options of the speech stage: voice activity detection and the streaming transcriber.

Read from the environment like every option (:func:`speech2image.config.from_env`:
``S2I_ASR_MODEL``, ``S2I_BEAM_SIZE``, ``S2I_MIN_SILENCE_DURATION_MS``, …).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from speech2image.asr.languages import check_language
from speech2image.asr.models import MULTILINGUAL_MODELS, check_model_name
from speech2image.asr.prompts import OPENING_PROMPT


@dataclass(frozen=True, kw_only=True)
class VadOptions:
    """Voice activity detection: the Silero VAD that ships inside faster-whisper's wheel."""

    threshold: float = 0.5
    """Speech probability above which a 32 ms window counts as speech."""
    neg_threshold: float = 0.35
    """Probability below which speech is taken to have stopped (hysteresis)."""
    min_speech_duration_ms: int = 200
    """Shorter bursts are dropped as clicks and noise."""
    min_silence_duration_ms: int = 500
    """A pause this long ends an utterance and finalises its last sentence."""
    speech_pad_ms: int = 200
    """Audio kept either side of detected speech so first and last phonemes survive."""


@dataclass(frozen=True, kw_only=True)
class TranscriberOptions:
    """The streaming transcriber over faster-whisper."""

    asr_model: str = "tiny.en"
    """Local Whisper model: ``tiny.en`` (English only, fastest) or ``base`` (multilingual:
    other languages, translated into English for the pictures). See
    :mod:`speech2image.asr.models`."""
    model_path: str | None = None
    """A CTranslate2 Whisper folder to use instead of ``asr_model``'s."""
    compute_type: str = "int8"
    """CTranslate2 compute type; int8 is the fastest on CPUs."""
    cpu_threads: int = 2
    """Threads for one model; the default fits a 2-core machine."""
    beam_size: int = 5
    """Beam size for final passes; partial passes always use greedy decoding."""
    language: str = "en"
    """What the speaker speaks: a Whisper language code (``en``, ``es``, ``de``, ``fr``, …)
    or ``auto`` (detected on each final pass). Other languages than English need a
    multilingual ``asr_model``; their transcript stays in the speaker's language and the
    pictures are drawn from Whisper's English translation."""
    partial_window_s: float | None = 10.0
    """Partial passes encode the audio plus ``window_margin_s``, and at least this many
    seconds, instead of Whisper's fixed 30 s window: about a third of the cost of a pass.
    ``None`` keeps the 30 s window."""
    final_window_s: float | None = 10.0
    """The same for passes whose words become final. On 30 read sentences (138 s) the
    streaming WER was the same with the 10 s and the full 30 s window, and finals came
    twice as fast (docs/benchmarks.md)."""
    window_margin_s: float = 1.0
    prompt_with_recent: bool = True
    """Final passes get the last sentences as Whisper's prompt, for context across
    sentences. Partial passes never do: on 30 read sentences the prompt on every pass
    doubled the recogniser's busy time for 2 points of WER, and on final passes alone it
    keeps most of that gain at little cost (docs/benchmarks.md)."""
    opening_prompt: str | None = OPENING_PROMPT
    """Whisper's prompt for a beam pass that has no recent sentences to give it (a
    session's first words, a file's short clips): a few short spoken captions, so that a
    short phrase naming a thing is heard as one ("a big elephant", not "I'll be a gal
    infant"). English passes only; never greedy partial passes (on them it made a live
    session's finals wait: p95 2.9 s against 0.6 s). ``None`` or empty turns it off
    (speech2image.asr.prompts; docs/benchmarks.md)."""
    partial_interval_s: float = 0.4
    """How often (seconds of audio) a partial pass runs while speech goes on; 0 turns
    partials off, which a file transcribed as fast as possible uses."""
    busy_partial_interval_s: float = 1.0
    """While other sessions wait for the recogniser, partial passes come this often instead
    of every ``partial_interval_s``, so that everyone's finals go first."""
    sentence_pause_ms: int = 250
    """A pause this long after a complete sentence (closing punctuation on a word that can
    end one) finalises it, without waiting for the end of the utterance."""
    speculative_pause_ms: int = 200
    """A pause this long starts the pass whose words become final if the pause goes on
    long enough (``sentence_pause_ms``, the VAD's ``min_silence_duration_ms`` or
    ``unfinished_pause_ms``, by how finished the words look); speech that resumes first
    drops it. The pass and the picture then run during the pause instead of after it.
    Shorter (64 ms, two VAD windows) hides the pass inside a complete sentence's pause:
    replayed with quiet-machine pass costs, finals came 0.1 s sooner on the sample story
    (0.33 against 0.43 s) at the same WER, but in live runs on a loaded machine the
    pictures came later, so it is not the default (docs/benchmarks.md). While the
    recogniser is behind, other sessions wait, or the words plainly go on, the pass waits
    ``busy_speculative_pause_ms`` whatever this says."""
    busy_speculative_pause_ms: int = 200
    """``speculative_pause_ms`` while other sessions wait for the recogniser, while it is
    behind, and after unfinished words: a pass at every short pause between words would
    then delay everyone's finals. An early pass whose last word Whisper doubts is heard
    again at this pause (:attr:`~speech2image.asr.speculation.Speculation.doubtful`)."""
    first_partial_s: float = 0.0
    """Speech this long after its onset gets its first partial pass, and until a pass has
    heard words of it passes come this often instead of every ``partial_interval_s``; 0
    keeps the interval (a pass at the onset, which hears nothing, then one an interval
    later). 0.3 brought the first draft from 0.83 to 0.79 s in one live run, too little to
    tell from the run-to-run spread, so it is off."""
    unfinished_pause_ms: int = 1000
    """The pause that ends words which plainly go on ("a cat sitting on the") and one- or
    two-word fragments; shorter pauses inside them do not split the sentence."""
    max_clause_s: float = 7.0
    """A sentence spoken for longer than this without a pause is finalised up to its last
    clause boundary (a comma, or before "and", "because", …) on which two passes agree, so
    a picture comes every few seconds of a run-on sentence. 0 turns it off."""
    pause_beam_size: int = 5
    """Beam size of the pass that finalises a sentence at a pause. Greedy (1) saves about
    0.1 s a sentence but misheard a whole clause of the test recordings (WER 0.36 against
    0.0), so it is not the default."""
    max_sentence_words: int = 25
    """Run-on speech is split at a clause boundary before a sentence passes this length."""
    max_utterance_s: float = 20.0
    """Speech without a pause is cut here so a pass stays bounded (Whisper's window is 30 s)."""
    no_speech_threshold: float = 0.6
    """Whisper's no-speech probability above which a segment is dropped as non-speech."""
    log_prob_threshold: float = -1.0
    """Average log-probability below which a segment is dropped as unreliable."""
    # -- picturable-vocabulary bias (speech2image.asr.bias; figures in docs/benchmarks.md)
    picturable_correction: bool = False
    """Final passes replace unsure words with a picturable near homophone ("I dare" ->
    "a deer") when Whisper scores the corrected text on the same audio within
    ``picturable_margin_nats`` of what it heard. Partial passes are never corrected. Off:
    on the test recordings it fixed one word in 179 and changed no prose, too little to
    tell from its risk."""
    picturable_margin_nats: float = 2.0
    """How much lower (natural-log probability of the whole pass) a picturable correction
    may score than what was heard and still be preferred."""
    picturable_hotwords: bool = False
    """Pass picturable nouns to Whisper as ``hotwords`` on every pass. Off: streaming WER
    of prose went from 6% to 36% and passes became slower than real time."""
    vad: VadOptions = field(default_factory=VadOptions)

    def __post_init__(self) -> None:
        check_model_name(self.asr_model)
        multilingual = self.asr_model in MULTILINGUAL_MODELS or self.model_path is not None
        check_language(self.language, multilingual=multilingual)

    @property
    def translates(self) -> bool:
        """Finals carry Whisper's English translation (the speaker may not speak English)."""
        return self.language != "en"
