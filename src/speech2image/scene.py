"""The scene: what a sentence says, in a form an image engine can draw.

The scene is the contract between the language stage (which decides *what* is drawn) and
an image engine (which decides *how*). The JSON form (``Scene.to_json``) is kept with every
picture and in session manifests::

    {"text", "depiction", "setting", "setting_things", "time", "lighting", "weather",
     "style", "width", "height",
     "objects": [{"id", "noun", "entity", "name", "count_in_group", "color", "material",
                  "pattern", "finish", "age", "size", "action", "concept",
                  "asset", "asset_name", "pack", "match_score", "fallback", "bbox"}],
     "relations": [{"subject", "relation", "object", "kind"}],
     "skipped": [{"words", "reason"}]}

A scene builder fills in what the words say; an image engine fills in how it was drawn
(asset, pack, match score, bounding box) and returns the completed scene with the picture.
The vocabularies below are the names both sides agree on; a builder emits only these, an
engine draws each of them visibly.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

SPATIAL_RELATIONS = (
    "on", "under", "below", "above", "beside", "near", "left of", "right of", "behind",
    "in front of", "in", "between", "around",
)  # fmt: skip
"""Canonical spatial relations. Every other relation is an action (a verb frame)."""

ACTION_RELATIONS = (
    "riding", "driving", "rowing", "sitting in", "sitting on", "lying on", "standing on",
    "holding", "carrying", "eating", "drinking", "reading", "throwing", "kicking", "playing",
    "playing with", "chasing", "following", "jumping over", "flying over", "swimming in",
    "walking", "pushing", "pulling", "looking at", "watching", "talking to", "hugging",
    "feeding", "catching", "climbing", "sleeping in", "cooking", "painting", "writing",
    "wearing", "fighting",
)  # fmt: skip
"""Verb frames between two things, as kept in the scene JSON (``"relation": "riding"``).

A builder may emit another verb in the same ``-ing`` form; an engine that has no pose for
it places the two things side by side, facing each other."""

OBJECT_ACTIONS = (
    "running", "walking", "jumping", "flying", "swimming", "sleeping", "sitting", "standing",
    "dancing", "singing", "crying", "laughing", "smiling", "waving", "cooking", "reading",
    "writing", "fishing", "sailing", "surfing", "skiing", "skating", "cycling", "rowing",
    "climbing", "playing", "eating", "drinking", "thinking", "falling", "floating",
)  # fmt: skip
"""Intransitive actions of one thing (``"action": "running"``): "the girl runs"."""

MATERIALS = ("metal", "glass", "stone", "wood", "plastic", "gold", "silver", "paper", "ice")
"""Canonical materials: "a wooden chair" has ``material="wood"``."""
PATTERNS = ("striped", "spotted", "checkered", "dotted")
"""Canonical surface patterns."""
FINISHES = ("sparkling", "shiny", "glowing")
"""Canonical finishes."""
AGES = ("baby", "young", "old")
"""Canonical ages of people and animals: "an old woman" has ``age="old"``."""
SIZES = ("big", "small")

SETTINGS = (
    "forest", "jungle", "park", "garden", "field", "farm", "zoo", "playground",
    "beach", "sea", "lake", "river", "island", "underwater", "mountains", "desert",
    "snow", "cave", "city", "village", "road", "station", "airport", "stadium",
    "swimming pool", "room", "kitchen", "bedroom", "bathroom", "classroom", "office",
    "library", "restaurant", "shop", "hospital", "greenhouse", "castle", "stage",
    "space", "moon", "mars", "sky",
)  # fmt: skip
"""Canonical settings (the place a scene is in), each drawn as its own backdrop."""
TIMES = ("day", "dawn", "sunset", "dusk", "night")
WEATHERS = ("rain", "snow", "fog", "storm", "sunny", "cloudy", "wind")
LIGHTINGS = ("dark", "bright")
"""Lighting words ("a dark forest") shade the picture without changing the time of day."""

CONCEPTS = (
    "growth", "decline", "money", "time", "date", "agreement", "disagreement", "question",
    "idea", "thinking", "love", "happiness", "sadness", "anger", "fear", "surprise",
    "music", "work", "meeting", "school", "learning", "travel", "success", "failure",
    "problem", "greeting", "farewell", "thanks", "sleep", "danger", "celebration",
    "health", "illness", "communication", "home", "food", "sport", "peace", "war",
    "death", "birth", "hope", "luck", "science", "technology", "art", "nature", "secret",
    "justice", "friendship", "family", "wisdom", "history", "news", "game", "weather",
    "speed", "power", "beauty", "magic", "world", "waiting", "yes", "no", "goal",
)  # fmt: skip
"""Ideas a sentence with nothing depictable can still be drawn as (growth -> a rising
chart); the pack decides which symbol draws each."""

DEPICTIONS = ("objects", "concept", "previous", "empty")
"""What a scene's picture shows: the things named; a symbol for the sentence's idea; the
previous picture kept (nothing depictable and no clear idea); nothing (no previous one)."""

SKIP_REASONS = (
    "time phrase", "idiom", "measure", "abstract", "name", "weekday", "not depictable",
    "no confident match", "too many things",
)  # fmt: skip
"""Why a noun phrase of the sentence was not drawn."""


@dataclass(frozen=True, slots=True)
class SceneObject:
    """One drawn instance of a thing the sentence named.

    Three apples are three objects with the same ``noun`` (and ``group``).
    """

    id: str
    noun: str
    """The singular words that name the thing, e.g. ``dining table``, ``old woman`` is
    ``noun="woman", age="old"``."""
    color: str | None = None
    size: str | None = None
    """One of :data:`SIZES` or ``None``."""
    material: str | None = None
    """One of :data:`MATERIALS` or ``None``."""
    pattern: str | None = None
    """One of :data:`PATTERNS` or ``None``."""
    finish: str | None = None
    """One of :data:`FINISHES` or ``None``."""
    age: str | None = None
    """One of :data:`AGES` or ``None``."""
    action: str | None = None
    """What this thing does on its own, one of :data:`OBJECT_ACTIONS` or another ``-ing``."""
    name: str | None = None
    """A proper name given to it ("a dog called Rex": ``noun="dog", name="Rex"``)."""
    entity: str | None = None
    """The same thing across a session's sentences: the girl of the first sentence and
    "she" of the fifth share an entity id, so an engine draws the same girl."""
    group: int = 0
    """Instances of one noun phrase share a group (three apples: one group)."""
    concept: bool = False
    """True when the object is a symbol for an idea (``noun`` is one of :data:`CONCEPTS`)."""
    asset: str | None = None
    """``pack:asset-id`` of the clip art drawn, once an engine has chosen it."""
    asset_name: str | None = None
    match_score: float | None = None
    """Cosine or lexical similarity of ``noun`` to the chosen asset, 0 to 1."""
    fallback: bool = False
    """True when no asset matched well and a more general one was drawn."""
    bbox: tuple[int, int, int, int] | None = None
    """``(x0, y0, x1, y1)`` in pixels of the output image."""

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "noun": self.noun,
            "entity": self.entity,
            "name": self.name,
            "group": self.group,
            "color": self.color,
            "material": self.material,
            "pattern": self.pattern,
            "finish": self.finish,
            "age": self.age,
            "size": self.size,
            "action": self.action,
            "concept": self.concept,
            "asset": self.asset,
            "asset_name": self.asset_name,
            "match_score": None if self.match_score is None else round(self.match_score, 4),
            "fallback": self.fallback,
            "bbox": None if self.bbox is None else list(self.bbox),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> SceneObject:
        bbox = data.get("bbox")
        return cls(
            id=str(data["id"]),
            noun=str(data["noun"]),
            color=data.get("color"),
            size=data.get("size"),
            material=data.get("material"),
            pattern=data.get("pattern"),
            finish=data.get("finish"),
            age=data.get("age"),
            action=data.get("action"),
            name=data.get("name"),
            entity=data.get("entity"),
            group=int(data.get("group", 0) or 0),
            concept=bool(data.get("concept", False)),
            asset=data.get("asset"),
            asset_name=data.get("asset_name"),
            match_score=data.get("match_score"),
            fallback=bool(data.get("fallback", False)),
            bbox=None if bbox is None else (int(bbox[0]), int(bbox[1]), int(bbox[2]), int(bbox[3])),
        )


@dataclass(frozen=True, slots=True)
class Relation:
    """A relation between two objects: spatial (``o1 left of o2``) or an action
    (``o1 riding o2``)."""

    subject: str
    relation: str
    object: str

    @property
    def kind(self) -> str:
        """``"spatial"`` for one of :data:`SPATIAL_RELATIONS`, else ``"action"``."""
        return "spatial" if self.relation in SPATIAL_RELATIONS else "action"

    def to_json(self) -> dict[str, Any]:
        return {
            "subject": self.subject,
            "relation": self.relation,
            "object": self.object,
            "kind": self.kind,
        }


@dataclass(frozen=True, slots=True)
class Skipped:
    """Words of the sentence that were deliberately not drawn, and why."""

    words: str
    reason: str
    """One of :data:`SKIP_REASONS`."""

    def to_json(self) -> dict[str, Any]:
        return {"words": self.words, "reason": self.reason}


@dataclass(frozen=True, slots=True)
class Scene:
    """Everything an image engine needs to draw one sentence."""

    text: str
    objects: tuple[SceneObject, ...] = ()
    relations: tuple[Relation, ...] = ()
    setting: str | None = None
    """One of :data:`SETTINGS` or ``None`` (no place named: a plain studio backdrop)."""
    setting_things: tuple[str, ...] = ()
    """Things that belong to the setting and are drawn as part of it (a forest's trees),
    not as objects of the sentence."""
    time: str | None = None
    lighting: str | None = None
    weather: str | None = None
    depiction: str = "objects"
    """One of :data:`DEPICTIONS`."""
    skipped: tuple[Skipped, ...] = ()
    style: str = "flat"
    width: int = 512
    height: int = 512
    extras: dict[str, Any] = field(default_factory=dict, compare=False)
    """Engine-specific notes (e.g. the prompt a neural engine used); kept in the JSON."""

    def with_drawing(
        self, objects: tuple[SceneObject, ...], *, width: int, height: int, style: str
    ) -> Scene:
        """The same scene with the engine's choices filled in."""
        return replace(self, objects=objects, width=width, height=height, style=style)

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "text": self.text,
            "depiction": self.depiction,
            "setting": self.setting,
            "setting_things": list(self.setting_things),
            "time": self.time,
            "lighting": self.lighting,
            "weather": self.weather,
            "style": self.style,
            "width": self.width,
            "height": self.height,
            "objects": [o.to_json() for o in self.objects],
            "relations": [r.to_json() for r in self.relations],
            "skipped": [s.to_json() for s in self.skipped],
        }
        data.update(self.extras)
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Scene:
        known = {"text", "setting", "time", "weather", "style", "width", "height", "depiction"}
        known |= {"objects", "relations", "skipped", "setting_things", "lighting"}
        return cls(
            text=str(data.get("text", "")),
            objects=tuple(SceneObject.from_json(o) for o in data.get("objects", [])),
            relations=tuple(
                Relation(str(r["subject"]), str(r["relation"]), str(r["object"]))
                for r in data.get("relations", [])
            ),
            setting=data.get("setting"),
            setting_things=tuple(str(t) for t in data.get("setting_things", [])),
            time=data.get("time"),
            lighting=data.get("lighting"),
            weather=data.get("weather"),
            depiction=str(data.get("depiction", "objects")),
            skipped=tuple(
                Skipped(str(s["words"]), str(s["reason"])) for s in data.get("skipped", [])
            ),
            style=str(data.get("style", "flat")),
            width=int(data.get("width", 512)),
            height=int(data.get("height", 512)),
            extras={k: v for k, v in data.items() if k not in known},
        )
