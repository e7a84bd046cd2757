"""The picturable-vocabulary bias: near-homophone search, the rescoring decision, and the
real Whisper tiny.en on committed recordings (scripts/make-bias-audio.sh)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest

from speech2image.asr.bias import PicturableCorrector, picturable_corrector
from speech2image.asr.options import TranscriberOptions
from speech2image.asr.picturable import PicturableLexicon
from speech2image.asr.policy import Word, join_words
from speech2image.asr.streaming import StreamingTranscriber
from speech2image.audio.decode import decode_file
from speech2image.events import FinalTranscript
from speech2image.factory import PipelineOptions, load_picturable_lexicon

DATA = Path(__file__).parent.parent / "data"


def words_of(text: str, probability: float = 0.5) -> list[Word]:
    """Whisper-like words (leading spaces), 0.3 s each."""
    return [Word(f" {w}", i * 0.3, (i + 1) * 0.3, probability) for i, w in enumerate(text.split())]


class TableScorer:
    """Scores texts from a table (missing texts score very low), as Whisper would for the
    audio of the last pass; records what it was asked."""

    def __init__(self, scores: dict[str, float]) -> None:
        self.scores = scores
        self.asked: list[str] = []

    def score_texts(self, texts: Sequence[str]) -> list[float] | None:
        self.asked += texts
        return [self.scores.get(t, -100.0) for t in texts]


@pytest.fixture(scope="module")
def lexicon() -> PicturableLexicon:
    """The lexicon the factory hands the recogniser: the composer's drawable nouns and the
    parser's scene words."""
    return load_picturable_lexicon(PipelineOptions())


def corrector(
    scorer: TableScorer, lexicon: PicturableLexicon, **options: float
) -> PicturableCorrector:
    return PicturableCorrector(scorer=scorer, lexicon=lexicon, **options)  # type: ignore[arg-type]


# -- the vocabulary and the near-homophone search -------------------------------------------


def test_picturable_nouns_come_from_the_composer(lexicon: PicturableLexicon) -> None:
    from speech2image.imaging.compose import ClipArtComposer
    from speech2image.language.vocabulary import NOT_OBJECTS

    drawable = ClipArtComposer().drawable_nouns()
    assert lexicon.nouns == drawable - NOT_OBJECTS
    assert {"deer", "horse", "whale", "kite", "snail", "owl", "cow", "grandfather"} <= lexicon.nouns
    assert {"forest", "kitchen"} <= lexicon.nouns  # settings are painted
    assert "way" not in lexicon.nouns  # the parser's NOT_OBJECTS are never drawn
    assert "edge" not in lexicon.nouns  # a logo's name is not a thing


def test_a_lexicon_takes_any_nouns() -> None:
    own = PicturableLexicon({"deer", "teddy bear"}, scene_words={"big"})
    assert own.is_picturable("Deer.") and "teddy bears" in own.words
    assert own.is_kept("big") and not own.is_kept("horse")
    assert own.hotword_text() == "deer, teddy bear"


def test_hotwords_are_the_picturable_nouns(lexicon: PicturableLexicon) -> None:
    text = lexicon.hotword_text()
    assert set(text.split(", ")) == set(lexicon.nouns)
    assert len(text.split(", ")[0]) <= 3  # short, common nouns first (Whisper keeps 223 tokens)


def test_asr_imports_nothing_from_later_stages() -> None:
    """The recogniser's package never imports language, imaging, store or server code:
    the picturable vocabulary reaches it as an argument (STYLE.md, habit 16)."""
    import ast

    later = ("speech2image.language", "speech2image.imaging", "speech2image.store",
             "speech2image.server", "speech2image.factory", "speech2image.session")  # fmt: skip
    folder = Path(__file__).parents[2] / "src" / "speech2image" / "asr"
    offenders = []
    for path in sorted(folder.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else []
            if isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            offenders += [f"{path.name}: {n}" for n in names if n.startswith(later)]
    assert offenders == []


def test_plurals_are_picturable(lexicon: PicturableLexicon) -> None:
    assert lexicon.is_picturable("Cows.")
    assert lexicon.is_picturable("mice")
    assert not lexicon.is_picturable("dare")


def test_near_homophones_of_a_misheard_noun(lexicon: PicturableLexicon) -> None:
    heard = ["I", "dare", "jump", "over", "the", "fence."]
    eligible = [not lexicon.is_picturable(w) for w in heard]
    found = {(c.start, c.stop, c.text) for c in lexicon.candidates(heard, eligible)}
    assert (1, 2, "deer") in found
    # "I" may have been the noun's article.
    assert (0, 2, "a deer") in found
    assert (0, 2, "the deer") in found


def test_function_words_alone_are_never_replaced(lexicon: PicturableLexicon) -> None:
    heard = ["to", "be", "or", "not", "to", "be"]
    assert lexicon.candidates(heard, [True] * len(heard)) == []


def test_ineligible_words_are_never_replaced(lexicon: PicturableLexicon) -> None:
    heard = ["oh", "my", "dear"]
    assert lexicon.candidates(heard, [True, True, False]) == []
    assert any(c.text == "deer" for c in lexicon.candidates(heard, [True, True, True]))


def test_words_the_picture_uses_are_kept(lexicon: PicturableLexicon) -> None:
    for word in ("big", "Red", "three", "behind", "night", "Deer."):
        assert lexicon.is_kept(word)
    assert not lexicon.is_kept("dare")
    scorer = TableScorer({"a big elephant": 0.0, "a beer elephant": 0.0})
    words = words_of("a big elephant")
    assert corrector(scorer, lexicon).correct(words) == words
    assert scorer.asked == []


def test_no_plural_after_a_or_an(lexicon: PicturableLexicon) -> None:
    heard = ["and", "carry", "my", "leave."]
    texts = {c.text for c in lexicon.candidates(heard, [True] * 4)}
    assert "the leaves" in texts
    assert "a leaves" not in texts
    assert "a leaf" in texts


# -- the decision ----------------------------------------------------------------------------


def test_close_score_prefers_the_picturable_word(lexicon: PicturableLexicon) -> None:
    words = words_of("and carry my leave.")
    scorer = TableScorer({"and carry my leave.": -10.0, "and carry my leaf.": -11.0})
    corrected = corrector(scorer, lexicon, margin_nats=2.0).correct(words)
    assert join_words(corrected) == "and carry my leaf."
    assert corrected[-1].start_s == words[-1].start_s
    assert corrected[-1].end_s == words[-1].end_s


def test_distant_score_keeps_what_was_heard(lexicon: PicturableLexicon) -> None:
    words = words_of("Of course, it depends.")
    scorer = TableScorer({"Of course, it depends.": -5.0, "Of horse, it depends.": -9.0})
    fixer = corrector(scorer, lexicon, margin_nats=2.0)
    assert fixer.correct(words) == words
    assert "Of horse, it depends." in scorer.asked  # it was a candidate, and was rejected
    assert fixer.corrections == []


def test_capital_and_punctuation_are_kept_and_the_article_taken(lexicon: PicturableLexicon) -> None:
    words = words_of("I dare jump over the fence.")
    scorer = TableScorer({"I dare jump over the fence.": -4.7, "A deer jump over the fence.": -6.5})
    fixer = corrector(scorer, lexicon, margin_nats=2.0)
    assert join_words(fixer.correct(words)) == "A deer jump over the fence."
    assert [c.corrected for c in fixer.corrections] == ["A deer jump over the fence."]


def test_two_corrections_must_hold_together(lexicon: PicturableLexicon) -> None:
    heard = "a green pair and my leave."
    scorer = TableScorer(
        {heard: -10.0, "a green pear and my leave.": -10.5, "a green pair and my leaf.": -10.5}
    )
    # Each alone is within the margin, but together (not in the table) they score -100.
    corrected = corrector(scorer, lexicon, margin_nats=2.0).correct(words_of(heard))
    assert join_words(corrected) in {"a green pear and my leave.", "a green pair and my leaf."}


def test_confident_words_are_not_questioned(lexicon: PicturableLexicon) -> None:
    scorer = TableScorer({"and carry my leaf.": 0.0})
    fixer = corrector(scorer, lexicon, max_word_probability=0.9)
    words = words_of("and carry my leave.", probability=0.95)
    assert fixer.correct(words) == words
    assert scorer.asked == []


def test_options_are_checked(lexicon: PicturableLexicon) -> None:
    scorer = TableScorer({})
    with pytest.raises(ValueError, match="margin_nats"):
        corrector(scorer, lexicon, margin_nats=-1)
    with pytest.raises(ValueError, match="max_word_probability"):
        corrector(scorer, lexicon, max_word_probability=0)


def test_corrector_only_where_asked_and_possible(lexicon: PicturableLexicon) -> None:
    on = TranscriberOptions(picturable_correction=True)
    holder = TableScorer({})
    holder.picturable_lexicon = lexicon  # type: ignore[attr-defined]
    assert picturable_corrector(holder, TranscriberOptions()) is None
    assert picturable_corrector(object(), on) is None  # cannot score texts
    assert picturable_corrector(TableScorer({}), on) is None  # no lexicon handed over
    made = picturable_corrector(holder, on)
    assert isinstance(made, PicturableCorrector) and made.lexicon is lexicon


# -- the real model on real audio ------------------------------------------------------------


@pytest.fixture(scope="module")
def whisper_with_lexicon(lexicon: PicturableLexicon):
    """The real Whisper tiny.en, handed the picturable lexicon as the factory does."""
    from speech2image.asr.whisper import WhisperRecognizer

    return WhisperRecognizer(lexicon=lexicon)


def final_text(whisper, path: Path, *, correction: bool) -> str:
    options = TranscriberOptions(partial_interval_s=0, picturable_correction=correction)
    transcriber = StreamingTranscriber(whisper, options=options)
    transcriber.insert_audio_chunk(decode_file(path))
    events = transcriber.process_iter() + transcriber.finish()
    return " ".join(e.text for e in events if isinstance(e, FinalTranscript))


@pytest.mark.slow
def test_whisper_scores_what_was_said_above_what_was_not(whisper) -> None:
    whisper.recognize(decode_file(DATA / "picturable_leaf.flac"), beam_size=1)
    said, unsaid = whisper.score_texts(["An ant carries a leaf.", "The price of fuel went up."])
    assert said > unsaid + 5


@pytest.mark.slow
def test_whisper_cannot_score_without_a_pass(whisper) -> None:
    whisper.recognize(np.zeros(0, dtype=np.float32), beam_size=1)
    assert whisper.score_texts(["anything"]) is None


@pytest.mark.slow
def test_misheard_picturable_noun_is_corrected(whisper_with_lexicon) -> None:
    """espeak-ng reading "An ant carries a leaf.": tiny.en hears "leave"."""
    recording = DATA / "picturable_leaf.flac"
    assert "leave" in final_text(whisper_with_lexicon, recording, correction=False)
    assert "leaf" in final_text(whisper_with_lexicon, recording, correction=True)


@pytest.mark.slow
def test_prose_that_sounds_picturable_is_unchanged(whisper_with_lexicon, lexicon) -> None:
    """espeak-ng reading "Most of the questions were about the schedule and the cost.":
    "cost" sounds like "coast", a picturable noun; the rescoring must keep "cost"."""
    recording = DATA / "prose_cost.flac"
    heard = final_text(whisper_with_lexicon, recording, correction=False)
    tokens = heard.split()
    assert lexicon.candidates(tokens, [not lexicon.is_picturable(t) for t in tokens])
    assert final_text(whisper_with_lexicon, recording, correction=True) == heard
