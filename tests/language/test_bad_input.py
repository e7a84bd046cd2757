"""Bad input never crashes and never makes an unbounded scene."""

from __future__ import annotations

import json

import pytest

from speech2image.language.parse import MAX_OBJECTS, MAX_SKIPPED
from speech2image.scene import DEPICTIONS, SETTINGS, SKIP_REASONS, Scene
from tests.language.scenes import builder

pytestmark = pytest.mark.slow

_THINGS = ["apple", "chair", "dog", "lamp", "boat", "kite", "drum", "shoe", "cup", "tree"]


@pytest.mark.parametrize(
    "text",
    [
        "blorf snazzle wibbity grompf a quuxle on the flibber",
        " ".join(["the", "old", "man", "walked", "slowly", "to", "the", "river", "and",
                  "then", "a", "bird", "sang"] * 24)[:1900],
        "I saw " + ", ".join(f"a {_THINGS[k % 10]}" for k in range(200)) + ".",
        "🐶🐱🐭🐹🐰🦊🐻🐼 " * 10,
        "一只猫坐在桌子上。 Кошка сидит на столе. قطة على الطاولة",
        "<div><p>a <b>red</b> car</p><script>alert(1)</script></div> &amp; &#9731;",
        "[link](http://example.com) **bold** `code` # heading",
        "?!?!... ,,, ;;; ---",
        "a\u200b cat\ufeff on a\u202e mat",
        "\ud800 broken surrogate cat",
        "Once upon a time once upon a time once upon a time",
    ],
)  # fmt: skip
def test_bad_input_gives_a_bounded_valid_scene(text: str) -> None:
    scene = builder().build(text)
    assert scene.text
    assert len(scene.objects) <= MAX_OBJECTS
    assert len(scene.skipped) <= MAX_SKIPPED
    assert scene.depiction in DEPICTIONS
    assert scene.setting is None or scene.setting in SETTINGS
    assert all(s.reason in SKIP_REASONS for s in scene.skipped)
    data = json.loads(json.dumps(scene.to_json()))
    assert Scene.from_json(data).to_json() == data


def test_a_list_of_200_things_is_capped_and_says_so() -> None:
    text = "I saw " + ", ".join(f"a {_THINGS[k % 10]}" for k in range(200)) + "."
    scene = builder().build(text)
    assert len(scene.objects) == MAX_OBJECTS
    assert any(s.reason == "too many things" for s in scene.skipped)


def test_nonsense_words_are_not_concepts() -> None:
    scene = builder().build("blorf snazzle wibbity grompf")
    assert not any(o.concept for o in scene.objects)
