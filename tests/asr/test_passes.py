"""One pass's sentences made final: hallucinations and echoes dropped, each against the one
kept before it."""

from __future__ import annotations

from speech2image.asr.passes import said_once
from speech2image.asr.policy import Sentence, Word


def sentence(text: str, start_s: float) -> Sentence:
    words = text.split()
    return Sentence(
        tuple(Word(" " + w, start_s + 0.3 * i, start_s + 0.3 * (i + 1), 0.9)
              for i, w in enumerate(words))
    )  # fmt: skip


def test_a_sentence_said_twice_in_one_pass_is_final_once() -> None:
    # A short phrase after the last final, heard twice by one pass ("Three words." twice).
    last = sentence("Two cups of tea.", 0.0)
    heard = [sentence("Three words.", 2.5), sentence("Three words.", 3.2)]
    assert said_once(heard, last) == [0]


def test_an_echo_of_the_last_final_is_dropped_and_new_words_kept() -> None:
    last = sentence("Two cups of tea.", 0.0)
    heard = [sentence("Two cups of tea.", 1.4), sentence("A green bus.", 2.6)]
    assert said_once(heard, last) == [1]


def test_different_sentences_are_all_kept() -> None:
    heard = [sentence("A green bus.", 0.0), sentence("Three birds.", 1.5)]
    assert said_once(heard, None) == [0, 1]
