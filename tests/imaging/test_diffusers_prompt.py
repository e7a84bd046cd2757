"""The prompt a diffusion model draws from (pure: runs without the diffusers extra)."""

from __future__ import annotations

from speech2image.imaging.diffusers_prompt import (
    MAX_CAST_MEMBERS,
    STYLES,
    build_prompt,
    cast_words,
    estimate_tokens,
    normalize_style,
)
from speech2image.scene import Scene, SceneObject


def test_sentence_context_and_style_in_weight_order() -> None:
    scene = Scene(
        text="The fox  jumps over the log.",
        setting="forest",
        time="night",
        weather="rain",
        style="watercolor",
        extras={"cast": [{"name": "Rusty", "description": "a red fox"}]},
    )
    prompt = build_prompt(scene)
    assert prompt.positive == (
        "watercolor painting, The fox jumps over the log, forest, night, rain, "
        "Rusty (a red fox), soft washes, bleeding edges, paper texture"
    )
    assert prompt.negative.startswith("photo, photorealistic")
    assert "watermark" in prompt.negative


def test_every_required_style_has_words_and_a_negative_prompt() -> None:
    for style in ("flat", "watercolor", "sketch", "crayon", "pixel art", "poster", "photo"):
        words = STYLES[style]
        assert words.lead and words.finish and words.negative
    assert "comic" in STYLES


def test_style_names_are_normalised() -> None:
    assert normalize_style("Pixel-Art") == "pixel art"
    assert normalize_style("pixel_art") == "pixel art"
    assert build_prompt(Scene(text="a cat", style="Pixel_Art")).positive.startswith("pixel art,")


def test_a_style_outside_the_presets_is_used_as_words() -> None:
    prompt = build_prompt(Scene(text="a cat", style="oil painting"))
    assert prompt.positive == "oil painting, a cat"
    assert prompt.negative.startswith("text, letters")


def test_the_style_argument_overrides_the_scene_style() -> None:
    prompt = build_prompt(Scene(text="a cat", style="flat"), style="photo")
    assert prompt.positive.startswith("photograph, a cat")


def test_cast_shapes() -> None:
    assert cast_words(None) == []
    assert cast_words("a girl") == ["a girl"]
    assert cast_words(["Ann", "Bob"]) == ["Ann", "Bob"]
    assert cast_words({"Ann": "a girl", "Rex": "a dog"}) == ["Ann (a girl)", "Rex (a dog)"]
    assert cast_words([{"noun": "dog"}, {"name": "Max", "noun": "max"}]) == ["dog", "Max"]
    assert len(cast_words([f"c{i}" for i in range(10)])) == MAX_CAST_MEMBERS


def test_an_empty_scene_gives_the_style_alone() -> None:
    assert build_prompt(Scene(text="", style="sketch")).positive == (
        "pencil sketch, graphite lines, hatching, white paper, monochrome"
    )


def test_things_drawn_but_not_named_by_the_sentence_are_added() -> None:
    scene = Scene(
        text="It jumps over the log.",
        objects=(
            SceneObject(id="o1", noun="fox", color="red"),
            SceneObject(id="o2", noun="log"),
            SceneObject(id="o3", noun="fox", color="red"),
        ),
        style="flat",
        extras={"season": "autumn"},
    )
    assert build_prompt(scene).positive == (
        "flat vector illustration, It jumps over the log, red fox, autumn, "
        "simple shapes, clean outlines, solid colors"
    )


def test_a_long_sentence_is_trimmed_to_the_encoder_and_keeps_the_style_words() -> None:
    sentence = (
        "Well, so then my grandmother and I walked all the way down to the old harbour "
        "where the fishing boats were coming in, and there was a big grey seal lying on "
        "the rocks next to a lighthouse, and the gulls were screaming over the nets"
    )
    scene = Scene(text=sentence, setting="beach", time="sunset", weather="wind",
                  extras={"season": "autumn", "cast": ["Rusty (a red fox)"]})  # fmt: skip
    words = STYLES["watercolor"]
    for budget in (77, 40, 30):
        prompt = build_prompt(scene, style="watercolor", max_tokens=budget).positive
        assert estimate_tokens(prompt) <= budget
        assert prompt.startswith(words.lead + ", ")
        assert prompt.endswith(words.finish)
    # Context goes before the sentence's own words: with room for some, the setting stays
    # and the cast (the least important) is the first to go.
    roomy = build_prompt(scene, style="watercolor", max_tokens=77).positive
    assert "Rusty" not in roomy
    assert "seal" in roomy


def test_a_short_prompt_is_left_whole() -> None:
    scene = Scene(text="A red fox.", setting="forest", style="flat")
    assert build_prompt(scene).positive == (
        "flat vector illustration, A red fox, forest, simple shapes, clean outlines, solid colors"
    )


def test_the_engine_counts_with_its_own_tokenizer() -> None:
    # A character tokenizer (as the tests' tiny pipelines use) counts every character.
    scene = Scene(
        text="A cat sits on a mat and looks at the moon over the roofs of the town",
        style="sketch",
        objects=(SceneObject("o1", "cat"), SceneObject("o2", "moon"), SceneObject("o3", "roof")),
    )
    prompt = build_prompt(scene, count_tokens=lambda text: len(text) + 2, max_tokens=77)
    assert len(prompt.positive) + 2 <= 77
    assert prompt.positive.startswith("pencil sketch, cat")
    assert "moon" in prompt.positive
    assert prompt.positive.endswith(STYLES["sketch"].finish)
