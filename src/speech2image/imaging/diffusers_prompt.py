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
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from speech2image.scene import Scene

logger = logging.getLogger(__name__)

MAX_CAST_MEMBERS = 4
"""Characters named in one prompt; more would push the style past CLIP's 77 tokens."""

MAX_EXTRA_OBJECTS = 4
"""Things drawn but not named by the sentence, named in one prompt."""

MAX_PROMPT_TOKENS = 77
"""CLIP's context, start and end tokens included: words past it are cut off unseen."""

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


TokenCounter = Callable[[str], int]
"""Tokens a text encoder's tokenizer makes of a prompt, start and end tokens included."""

_FILLER = frozenset(
    {"a", "an", "the", "is", "are", "was", "were", "and", "then", "of", "very", "really",
     "just", "so", "there", "that", "which", "who", "um", "uh", "like", "well"}
)  # fmt: skip
"""Words the sentence can lose first when the prompt is too long for the text encoder."""


def estimate_tokens(text: str) -> int:
    """A CLIP-like token count without a tokenizer: one token per punctuation mark and per
    short word, more for long words (BPE splits them), plus the start and end tokens."""
    pieces = re.findall(r"[^\W\d_]+|\d|[^\w\s]", text)
    return 2 + sum(1 if not p.isalpha() else max(1, -(-len(p) // 7)) for p in pieces)


def _join(parts: list[str]) -> str:
    return ", ".join(p.strip() for p in parts if p and p.strip())


def _shorten_sentence(
    words: list[str], keep: frozenset[str], *, filler_only: bool = False
) -> list[str]:
    """``words`` less one: the last filler word, else (unless ``filler_only``) the last
    word that names nothing drawn, else the last word."""
    bare = [w.lower().strip(",;:!?") for w in words]
    for k in range(len(words) - 1, -1, -1):
        if bare[k] in _FILLER:
            return words[:k] + words[k + 1 :]
    if filler_only:
        return words
    for k in range(len(words) - 1, -1, -1):
        if bare[k] not in keep:
            return words[:k] + words[k + 1 :]
    return words[:-1]


def fit_prompt(
    lead: str,
    sentence: str,
    context: list[str],
    finish: str,
    *,
    count_tokens: TokenCounter,
    max_tokens: int,
    keep: frozenset[str] = frozenset(),
    major: int = 0,
) -> str:
    """The prompt ``lead, sentence, context..., finish`` trimmed to ``max_tokens``.

    Trimmed by importance: first the minor context (everything after the first ``major``
    items: the time, weather, season and cast), then the sentence's filler words, then the
    major context (things the sentence did not name, the setting) from its end, then the
    sentence's last words that name nothing in ``keep`` (the nouns drawn), then the rest.
    The style's lead and finishing words are always kept, so a long sentence never loses
    the style.
    """
    context = list(context)
    words = sentence.split()

    def prompt() -> str:
        return _join([lead, " ".join(words), *context, finish])

    def fits() -> bool:
        return count_tokens(prompt()) <= max_tokens

    while not fits() and len(context) > major:
        context.pop()
    while not fits() and any(w.lower().strip(",;:!?") in _FILLER for w in words):
        words = _shorten_sentence(words, keep, filler_only=True)
    while not fits() and context:
        context.pop()
    while not fits() and words:
        words = _shorten_sentence(words, keep)
    return prompt()


def build_prompt(
    scene: Scene,
    *,
    style: str | None = None,
    count_tokens: TokenCounter | None = None,
    max_tokens: int = MAX_PROMPT_TOKENS,
) -> Prompt:
    """The prompt for ``scene`` in ``style`` (default: the scene's own style), fitted to
    ``max_tokens`` of the text encoder as ``count_tokens`` counts them (default: an
    estimate of CLIP's tokenizer)."""
    words = style_words(style if style is not None else scene.style)
    sentence = " ".join(scene.text.split()).rstrip(" .")
    major = [*unnamed_objects(scene), scene.setting]
    minor = [scene.time, scene.weather, scene.extras.get("season")]
    minor += cast_words(scene.extras.get("cast"))
    major_words = [str(c) for c in major if c]
    positive = fit_prompt(
        words.lead,
        sentence,
        major_words + [str(c) for c in minor if c],
        words.finish,
        count_tokens=count_tokens or estimate_tokens,
        max_tokens=max_tokens,
        keep=frozenset(w for o in scene.objects for w in o.noun.lower().split()),
        major=len(major_words),
    )
    negative = ", ".join(p for p in (words.negative, COMMON_NEGATIVE) if p)
    return Prompt(positive=positive, negative=negative)
