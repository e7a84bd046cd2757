"""The pure end-of-sentence policies, on plain lists."""

from __future__ import annotations

import pytest

from speech2image.asr.endpoint import PausePolicy, clause_cut, is_unfinished
from speech2image.asr.policy import Word, ends_sentence, split_sentences


def words(text: str, *, step_s: float = 0.3) -> list[Word]:
    return [Word(f" {w}", i * step_s, i * step_s + 0.25) for i, w in enumerate(text.split())]


POLICY = PausePolicy(complete_ms=250, default_ms=500, unfinished_ms=1000)


@pytest.mark.parametrize(
    ("text", "pause_ms"),
    [
        ("The cat sleeps on the sofa.", 250),
        ("Is it raining outside?", 250),
        ("A cat sitting on the.", 1000),  # Whisper closes whatever it hears with a stop
        ("A cat sitting on the", 1000),
        ("We went to the park and", 1000),
        ("My sister is", 1000),
        ("The road was long,", 1000),
        ("us.", 1000),  # a fragment waits for what comes next
        ("Yes okay.", 1000),
        ("The cat sleeps on the sofa", 500),  # no closing punctuation, nothing pending
        ("", 500),
    ],
)
def test_pause_needed(text: str, pause_ms: int) -> None:
    assert POLICY.pause_ms(words(text)) == pause_ms


def test_policy_order_is_checked() -> None:
    with pytest.raises(ValueError, match="complete_ms <= default_ms <= unfinished_ms"):
        PausePolicy(complete_ms=600, default_ms=500, unfinished_ms=1000)


def test_unfinished() -> None:
    assert is_unfinished(words("I put it under the"))
    assert is_unfinished(words("and then she said -"))
    assert not is_unfinished(words("The dog is happy."))
    assert not is_unfinished([])


def test_abbreviations_do_not_end_sentences() -> None:
    sentences = split_sentences(words("Mr. Dashwood had a dog. It ran."))
    assert [s.text for s in sentences] == ["Mr. Dashwood had a dog.", "It ran."]
    assert not ends_sentence(Word(" Dr.", 0, 0.1))
    assert ends_sentence(Word(" dog.", 0, 0.1))


def test_run_on_cut_at_the_last_clause_boundary() -> None:
    text = (
        "we walked along the river for a while, then we crossed the old bridge "
        "and we climbed up the hill behind the village"
    )
    spoken = words(text)
    cut = clause_cut(spoken, max_span_s=4.0)
    assert spoken[cut].key == "and"
    assert spoken[cut - 1].key == "bridge"


def test_no_cut_when_short_or_without_boundary() -> None:
    assert clause_cut(words("we walked along the river, then home"), max_span_s=4.0) == 0
    long_plain = words(" ".join(["blah"] * 30))
    assert clause_cut(long_plain, max_span_s=4.0) == 0


def test_no_cut_after_an_unfinished_word() -> None:
    # "and" after "the" would leave "… on the" as a sentence of its own.
    spoken = words("the cups and plates were all put away on the and the rest of it stayed there")
    cut = clause_cut(spoken, max_span_s=2.0)
    assert cut == 0 or spoken[cut - 1].key != "the"


def test_a_complete_sentence_inside_is_left_to_local_agreement() -> None:
    spoken = words("the dog barked. and then the cat ran up the tall tree in the garden")
    assert clause_cut(spoken, max_span_s=2.0) == 0
