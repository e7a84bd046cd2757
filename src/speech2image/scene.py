"""The scene: what a sentence says, in a form an image engine can draw.

The JSON form (``Scene.to_json``) is kept with every picture and in session manifests::

    {"text", "setting", "time", "weather", "style", "width", "height",
     "objects": [{"id", "noun", "asset", "asset_name", "match_score", "fallback",
                  "color", "bbox"}],
     "relations": [{"subject", "relation", "object"}]}

A scene builder fills in what the words say (nouns, counts, colours, relations, setting);
an image engine fills in how it was drawn (asset, match score, bounding box) and returns
the completed scene with the picture.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any


@dataclass(frozen=True, slots=True)
class SceneObject:
    """One drawn instance of a thing the sentence named.

    Three apples are three objects with the same ``noun``.
    """

    id: str
    noun: str
    """The words of the sentence that named it, e.g. ``dining table``."""
    color: str | None = None
    size: str | None = None
    """``"big"``, ``"small"`` or ``None``."""
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
            "asset": self.asset,
            "asset_name": self.asset_name,
            "match_score": None if self.match_score is None else round(self.match_score, 4),
            "fallback": self.fallback,
            "color": self.color,
            "size": self.size,
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
            asset=data.get("asset"),
            asset_name=data.get("asset_name"),
            match_score=data.get("match_score"),
            fallback=bool(data.get("fallback", False)),
            bbox=None if bbox is None else (int(bbox[0]), int(bbox[1]), int(bbox[2]), int(bbox[3])),
        )


@dataclass(frozen=True, slots=True)
class Relation:
    """A spatial relation between two objects, e.g. ``o1 left of o2``."""

    subject: str
    relation: str
    object: str

    def to_json(self) -> dict[str, Any]:
        return {"subject": self.subject, "relation": self.relation, "object": self.object}


@dataclass(frozen=True, slots=True)
class Scene:
    """Everything an image engine needs to draw one sentence."""

    text: str
    objects: tuple[SceneObject, ...] = ()
    relations: tuple[Relation, ...] = ()
    setting: str | None = None
    time: str | None = None
    weather: str | None = None
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
            "setting": self.setting,
            "time": self.time,
            "weather": self.weather,
            "style": self.style,
            "width": self.width,
            "height": self.height,
            "objects": [o.to_json() for o in self.objects],
            "relations": [r.to_json() for r in self.relations],
        }
        data.update(self.extras)
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Scene:
        known = {"text", "setting", "time", "weather", "style", "width", "height"}
        known |= {"objects", "relations"}
        return cls(
            text=str(data.get("text", "")),
            objects=tuple(SceneObject.from_json(o) for o in data.get("objects", [])),
            relations=tuple(
                Relation(str(r["subject"]), str(r["relation"]), str(r["object"]))
                for r in data.get("relations", [])
            ),
            setting=data.get("setting"),
            time=data.get("time"),
            weather=data.get("weather"),
            style=str(data.get("style", "flat")),
            width=int(data.get("width", 512)),
            height=int(data.get("height", 512)),
            extras={k: v for k, v in data.items() if k not in known},
        )
