"""The pure streaming policies, on plain lists."""

from __future__ import annotations

import pytest

from speech2image.asr.policy import (
    Word,
    agreed_prefix,
    committable_sentences,
    is_hallucination,
    split_sentences,
)


def words(text: str, *, start: float = 0.0) -> list[Word]:
    return [
        Word(f" {w}", start + i * 0.3, start + i * 0.3 + 0.25) for i, w in enumerate(text.split())
    ]


def test_split_at_sentence_punctuation() -> None:
    sentences = split_sentences(words("The dog runs. Is it fast? It is fast! And then"))
    assert [s.text for s in sentences] == [
        "The dog runs.",
        "Is it fast?",
        "It is fast!",
        "And then",
    ]
    assert sentences[1].start_s == pytest.approx(0.9)
    assert sentences[1].end_s == pytest.approx(1.75)


def test_a_closed_fragment_joins_the_sentence_before_it() -> None:
    # Whisper ended the sentence at the speaker's pause before its last word.
    sentences = split_sentences(words("The wolf chased. us. Then it ran away."))
    assert [s.text for s in sentences] == ["The wolf chased. us.", "Then it ran away."]
    # A fragment with no sentence before it, or still open, stays as it is.
    assert [s.text for s in split_sentences(words("us. The owl hooted."))] == [
        "us.",
        "The owl hooted.",
    ]
    assert [s.text for s in split_sentences(words("The owl hooted. And then"))] == [
        "The owl hooted.",
        "And then",
    ]


def test_run_on_split_at_clause_boundary() -> None:
    text = " ".join(["word"] * 14 + ["and"] + ["more"] * 14) + "."
    sentences = split_sentences(words(text), max_words=25)
    assert len(sentences) == 2
    assert sentences[1].words[0].key == "and"
    assert all(len(s.words) <= 25 for s in sentences)


def test_run_on_without_boundaries_split_in_middle() -> None:
    sentences = split_sentences(words(" ".join(["blah"] * 60)), max_words=25)
    assert all(len(s.words) <= 25 for s in sentences)
    assert sum(len(s.words) for s in sentences) == 60


def test_split_rejects_tiny_limit() -> None:
    with pytest.raises(ValueError, match="max_words"):
        split_sentences(words("a b"), max_words=1)


def test_agreement_ignores_case_and_punctuation() -> None:
    a = words("The dog, runs home")
    b = words("the dog runs. Home again")
    assert agreed_prefix(a, b) == 4
    assert agreed_prefix(a, words("A dog")) == 0
    assert agreed_prefix([], b) == 0


def test_commit_needs_agreement_beyond_the_full_stop() -> None:
    current = words("The dog runs. The cat")
    # Agreement stops right at the full stop: the stop may be a guess, commit nothing.
    assert committable_sentences(current, agreed_prefix(words("The dog runs."), current)) == []
    # Agreement on a word after it: the first sentence is final.
    done = committable_sentences(current, agreed_prefix(words("The dog runs. The"), current))
    assert [s.text for s in done] == ["The dog runs."]


@pytest.mark.parametrize(
    "text",
    [" Thanks for watching!", "[Music]", "(applause)", "♪♪", " ...", " Please subscribe."],
)
def test_known_hallucinations_dropped(text: str) -> None:
    assert is_hallucination(text)


def test_doubtful_words_need_doubt() -> None:
    assert is_hallucination(" Thank you.", no_speech_prob=0.5)
    assert not is_hallucination(" Thank you.", no_speech_prob=0.01)


@pytest.mark.parametrize("text", [" A dog.", " Thanks for the apple.", " You are here."])
def test_real_sentences_kept(text: str) -> None:
    assert not is_hallucination(text)
