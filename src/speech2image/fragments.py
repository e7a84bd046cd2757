"""A spoken fragment ("us.") is drawn with the sentence it ends.

A speaker who pauses before a sentence's last words ("The wolf chased ... us.") gets two
finals: the sentence was final once the pause looked long enough, and a final is never
revised. The transcript keeps both as heard; the fragment's picture is drawn from the
sentence with the fragment, so the picture shows what was said rather than the previous
picture again (a fragment alone names nothing to draw).
"""

from __future__ import annotations

from speech2image.asr.policy import Word, is_fragment
from speech2image.events import FinalTranscript


def picture_text(final: FinalTranscript, before: FinalTranscript, *, gap_s: float) -> str:
    """The text ``final``'s picture is drawn from: its scene text, or when it is a fragment
    (at most :data:`FRAGMENT_WORDS` words, the first in lower case: Whisper wrote it as
    going on) starting within ``gap_s`` of the end of ``before``, the sentence before with
    the fragment after it."""
    words = [Word(w, 0.0, 0.0) for w in final.scene_text.split()]
    if is_fragment(words) and 0 <= final.start_s - before.end_s <= gap_s:
        return f"{before.scene_text.rstrip(' .!?')} {final.scene_text}"
    return final.scene_text
