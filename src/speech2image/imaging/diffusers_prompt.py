"""The text prompt a diffusion model draws from: scene, session context and style.

Pure and light (no torch), so it is tested and reused without the diffusers extra. A prompt
is a comma-separated list, the form text-to-image models were trained on, ordered by weight:
CLIP reads 77 tokens at most and earlier words count more, so the style's lead words and the
sentence come first, then the things drawn that the sentence does not name (a pronoun the
scene builder resolved: "it" is the fox), the setting, time, weather and season, the cast
carried across the session, then the style's finishing words.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from speech2image.scene import Scene

logger = logging.getLogger(__name__)

MAX_CAST_MEMBERS = 4
"""Characters named in one prompt; more would push the style past CLIP's 77 tokens."""

MAX_EXTRA_OBJECTS = 4
"""Things drawn but not named by the sentence, named in one prompt."""

COMMON_NEGATIVE = "text, letters, watermark, signature, lowres, deformed, extra limbs"
"""Negative words every style shares."""


@dataclass(frozen=True, slots=True)
class StyleWords:
    """How one style preset reads in a prompt."""

    lead: str
    """Words before the sentence, e.g. ``watercolor painting``."""
    finish: str
    """Words after the scene, e.g. ``soft washes, paper texture``."""
    negative: str
    """What the style must not look like (only used when guidance is above 1)."""


STYLES: Mapping[str, StyleWords] = {
    "flat": StyleWords(
        "flat vector illustration",
        "simple shapes, clean outlines, solid colors",
        "photo, photorealistic, 3d render, gradients, noise, clutter",
    ),
    "watercolor": StyleWords(
        "watercolor painting",
        "soft washes, bleeding edges, paper texture",
        "photo, photorealistic, 3d render, hard outlines, digital art",
    ),
    "sketch": StyleWords(
        "pencil sketch",
        "graphite lines, hatching, white paper, monochrome",
        "color, photo, 3d render, painting, saturated",
    ),
    "crayon": StyleWords(
        "crayon drawing by a child",
        "waxy strokes, bright colors, naive, paper",
        "photo, photorealistic, 3d render, smooth gradients, detailed",
    ),
    "pixel art": StyleWords(
        "pixel art",
        "16-bit game sprite, crisp pixels, limited palette",
        "photo, blurry, smooth shading, anti-aliasing, 3d render",
    ),
    "poster": StyleWords(
        "bold poster",
        "graphic design, strong shapes, high contrast, screen print",
        "photo, blurry, low contrast, muddy colors",
    ),
    "photo": StyleWords(
        "photograph",
        "natural light, sharp focus, detailed, 35mm",
        "drawing, painting, cartoon, illustration, 3d render, blurry",
    ),
    "comic": StyleWords(
        "comic book panel",
        "ink outlines, cel shading, halftone dots",
        "photo, photorealistic, blurry, 3d render",
    ),
}
"""Style presets: the composer's styles and a few that only a neural engine can draw."""


@dataclass(frozen=True, slots=True)
class Prompt:
    """A positive and a negative prompt for one picture."""

    positive: str
    negative: str


def normalize_style(style: str) -> str:
    """``"Pixel-Art"`` and ``"pixel_art"`` name the preset ``"pixel art"``."""
    return " ".join(style.replace("-", " ").replace("_", " ").lower().split())


def style_words(style: str) -> StyleWords:
    """The words of a style preset.

    A style that is not a preset is used as the lead words as they are (``"oil painting"``
    is a fine prompt), with only the common negative words; this is logged, not an error,
    because a session's style comes from the user and the composer may know styles that
    this table does not.
    """
    key = normalize_style(style)
    if key in STYLES:
        return STYLES[key]
    logger.info("style %r is not a preset of the diffusers engine; using its name as words", style)
    return StyleWords(lead=key, finish="", negative="")


def _cast_member(member: Any) -> str:
    """One character as words: ``"Tom (a grey cat)"`` from a name and a description."""
    if isinstance(member, Mapping):
        name = str(member.get("name") or "").strip()
        description = str(
            member.get("description") or member.get("noun") or member.get("what") or ""
        ).strip()
        if name and description and description.lower() != name.lower():
            return f"{name} ({description})"
        return name or description
    return str(member).strip()


def cast_words(cast: Any) -> list[str]:
    """The characters of ``scene.extras["cast"]`` as short phrases, at most
    :data:`MAX_CAST_MEMBERS`.

    Accepts the shapes a context builder may keep: one string, a list of strings, a list of
    ``{"name", "description"}`` records, or a mapping of name to description.
    """
    if cast is None:
        return []
    if isinstance(cast, str):
        members: list[Any] = [cast]
    elif isinstance(cast, Mapping):
        members = [{"name": k, "description": v} for k, v in cast.items()]
    else:
        members = list(cast)
    phrases = [p for p in (_cast_member(m) for m in members) if p]
    return phrases[:MAX_CAST_MEMBERS]


def unnamed_objects(scene: Scene) -> list[str]:
    """Things in ``scene.objects`` whose noun the sentence does not contain (resolved
    pronouns, a cast carried over), as ``"red fox"`` phrases, without repeats."""
    text = scene.text.lower()
    phrases: list[str] = []
    for thing in scene.objects:
        if thing.noun.lower() in text:
            continue
        phrase = " ".join(w for w in (thing.color, thing.noun) if w)
        if phrase not in phrases:
            phrases.append(phrase)
    return phrases[:MAX_EXTRA_OBJECTS]


def build_prompt(scene: Scene, *, style: str | None = None) -> Prompt:
    """The prompt for ``scene`` in ``style`` (default: the scene's own style)."""
    words = style_words(style if style is not None else scene.style)
    sentence = " ".join(scene.text.split()).rstrip(" .")
    parts = [
        words.lead,
        sentence,
        *unnamed_objects(scene),
        scene.setting,
        scene.time,
        scene.weather,
        scene.extras.get("season"),
        *cast_words(scene.extras.get("cast")),
        words.finish,
    ]
    positive = ", ".join(str(p).strip() for p in parts if p and str(p).strip())
    negative = ", ".join(p for p in (words.negative, COMMON_NEGATIVE) if p)
    return Prompt(positive=positive, negative=negative)
