"""The last draft picture of a session, kept so a final with the same things reuses it.

The transcriber shows the words it will finalise as partial text as soon as the speaker
pauses, so their picture is drawn during the pause; when the final's scene has the same
things, publishing that picture at once saves drawing it again.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

from PIL import Image

from speech2image.scene import Scene


@dataclass(frozen=True, slots=True)
class DrawnDraft:
    """A draft picture and the scene it was drawn from."""

    index: int
    """The sentence it drew (the number its final will have)."""
    scene: Scene
    """The scene handed to the engine (before the engine's own changes)."""
    picture_scene: Scene
    """The scene the engine returned: which asset drew each thing, and where."""
    png: bytes
    image: Image.Image

    def serves(self, index: int, scene: Scene) -> bool:
        """This draft is the picture of final ``index`` with ``scene``: the same sentence,
        the same things (everything but the words themselves)."""
        if index != self.index:
            return False
        return dataclasses.replace(self.scene, text="") == dataclasses.replace(scene, text="")


def same_words(a: str | None, b: str | None) -> bool:
    """The same words but for case and punctuation ("the cat sleeps" and "The cat sleeps.")."""
    if a is None or b is None:
        return False
    return re.findall(r"[\w']+", a.lower()) == re.findall(r"[\w']+", b.lower())
