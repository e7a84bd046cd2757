"""The opening prompt: what Whisper is told was said before, when nothing was.

Whisper decodes a pass after its prompt as if the prompt were the text just before the
audio. A final pass gets the session's recent sentences (``prompt_with_recent``); a pass
with none (a session's first words, a partial pass) decodes from nothing, and a short
phrase then comes out as whatever short English sentence sounds closest: "A big elephant."
as "I'll be a gal infant.", "An old chair." as "I don't care.". Two or three short
spoken captions before it tell the model that what follows is likely a phrase naming
things, as the project's speakers say them. The words of the prompt name no thing of the
evaluation phrases (scripts/make-phrase-audio.sh) and no colour or count of them, so that
the prompt primes a style, not an answer. Measured with ``bench asr-clips`` on the
development phrases (docs/benchmarks.md, *Short phrases*): Whisper base 28 -> 40 of 51
heard right, tiny.en 18 -> 23, and the 16 prose sentences of scripts/make-bias-audio.sh said
one a clip (no recent text) went from 5.9% to 4.1% WER (base) and 8.2% to 5.9% (tiny.en).

A prompt can be said back on audio that holds little speech; :func:`echoes_prompt` finds
such a segment so the recogniser drops it.
"""

from __future__ import annotations

import re

OPENING_PROMPT = "Pictures of things: a house, a monkey, eight spoons."
"""The default ``TranscriberOptions.opening_prompt``."""


def opening_prompt(english: str | None, language: str | None) -> str | None:
    """The opening prompt of a pass in ``language`` (``None``: detected in the pass, so
    unknown before it), when the English one is ``english`` (``None`` or empty: off).

    English passes only. The same prompt said in Spanish, German, French, Italian and
    Portuguese changed nothing on the development sentences of ``bench languages`` (18 of
    100 things translated with and without it) and once came out as the transcript itself
    ("Uma macaco" for a cow), so no other language gets one.
    """
    return (english or None) if language == "en" else None


_MIN_ECHO_WORDS = 3
"""A segment this long that is all a stretch of the prompt is its echo; shorter ones ("a
house.") may well have been said."""


def _words(text: str) -> list[str]:
    return re.findall(r"[\w']+", text.lower())


def echoes_prompt(text: str, prompt: str | None) -> bool:
    """Whether ``text`` (one segment) is the prompt, or a stretch of three or more of its
    words, said back rather than heard."""
    if not prompt:
        return False
    said, primed = _words(text), _words(prompt)
    if not said:
        return False
    if said == primed:
        return True
    if len(said) < _MIN_ECHO_WORDS:
        return False
    n = len(said)
    return any(primed[i : i + n] == said for i in range(len(primed) - n + 1))
