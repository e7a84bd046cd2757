"""The clip-art composer: the embedded default image engine.

It draws what the sentence said, faithfully: the things named (matched to clip art), how
many, their colours and sizes, and where they stand relative to each other, on a
background for the setting, time and weather, in a chosen style, in milliseconds on a CPU.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from PIL import Image

from speech2image.config import ComposerOptions
from speech2image.imaging.compose.assets import PACKS
from speech2image.imaging.compose.backdrop_shapes import pack_sprites
from speech2image.imaging.compose.bodies import item_kind
from speech2image.imaging.compose.cast import (
    cast_extras,
    cast_objects,
    incoming_cast,
    keep_tones,
    picture_pack,
    stand_in_pack,
)
from speech2image.imaging.compose.framing import BACKDROP_FILL_HEIGHT_FRACTION, FILL_HEIGHT_FRACTION
from speech2image.imaging.compose.implied_setting import (
    implied_setting,
    shore_backdrop,
    time_backdrop,
    vehicle_setting,
)
from speech2image.imaging.compose.layout import LayoutItem, Placement, compute_layout
from speech2image.imaging.compose.matching import (
    AssetMatch,
    AssetMatcher,
    TextEmbedder,
    drop_unmatched,
)
from speech2image.imaging.compose.materials import glow, sparkles
from speech2image.imaging.compose.poses import (
    FIGURE_SCALE,
    Posing,
    draw_motion_lines,
    is_figure,
    is_person,
    pose_matches,
)
from speech2image.imaging.compose.raster import AssetRasterizer
from speech2image.imaging.compose.scenery import background, weather_overlay
from speech2image.imaging.compose.shadows import casts_shadows, draw_shadow
from speech2image.imaging.compose.sizes import (
    SIZE_CLASSES,
    SIZE_WORD_SCALE,
    is_flying,
    is_open_container,
    is_raised,
    rim_fraction,
    size_class,
    surface_fraction,
)
from speech2image.imaging.compose.styles import STYLES, apply_style
from speech2image.imaging.engine import DrawingCancelled, Picture
from speech2image.language import kinds
from speech2image.scene import SETTINGS, Scene, SceneObject

logger = logging.getLogger(__name__)

RENDER_CHECKED_PACKS = frozenset({"tuxpaint", "openclipart"})
"""Packs with drawings resvg may fail on (Debian's stamps and Open Clip Art): a match there
must render; the emoji packs and the project's own drawings always do."""

MIN_SIZE_PX = 64
MAX_SIZE_PX = 4096


class ClipArtComposer:
    """Draws scenes with clip art (blocking; one call at a time per instance is fastest,
    but calls from several threads are safe)."""

    name = "composer"

    def __init__(self, options: ComposerOptions | None = None) -> None:
        options = options or ComposerOptions()
        if not MIN_SIZE_PX <= options.size_px <= MAX_SIZE_PX:
            raise ValueError(
                f"size_px={options.size_px} is out of range; use {MIN_SIZE_PX} to {MAX_SIZE_PX}"
            )
        if options.pack not in PACKS:
            raise ValueError(
                f"pack={options.pack!r} is not known; choose one of {', '.join(PACKS)}"
            )
        apply_style(Image.new("RGB", (8, 8)), options.style)  # raises for an unknown style
        self.options = options
        self._embedder = TextEmbedder()
        self._matchers: dict[str, AssetMatcher] = {}
        self._rasterizer = AssetRasterizer()
        self._names: dict[str, frozenset[str]] = {}
        self._shapes: dict[str, tuple[float, bool, float]] = {}
        self._lock = threading.Lock()

    def matcher(self, pack: str | None = None) -> AssetMatcher:
        """The asset matcher of ``pack`` (default: the options' pack), loaded once."""
        pack = pack or self.options.pack
        with self._lock:
            if pack not in self._matchers:
                # Only the optional packs hold drawings that may not render; checking the
                # default packs' candidates rendered up to eight of them for each new noun.
                usable = self._rasterizer.renders if pack in RENDER_CHECKED_PACKS else None
                self._matchers[pack] = AssetMatcher(
                    self.options.assets_dir, pack, self._embedder, usable
                )
            return self._matchers[pack]

    def warm_up(self) -> None:
        """Load the pack index, the embeddings and the embedding model now rather than on
        the first picture (no cold path: an unseen noun then costs one forward pass)."""
        kinds.load()  # WordNet, for the kinds of rare nouns (a heron drawn as a bird)
        self.matcher()
        self.stand_in(self.options.pack)
        self._embedder.load()
        self._embedder.embed(["warm up"])  # the first forward pass allocates its buffers

    @property
    def embedder(self) -> TextEmbedder:
        """The text embedder every pack's matcher shares."""
        return self._embedder

    def drawable_nouns(self) -> frozenset[str]:
        """What the picture can show by name: the pack's assets, aliases and category words
        (of its stand-in too) and the settings painted as backdrops; the recogniser's
        picturable vocabulary (handed over by :mod:`speech2image.factory`)."""
        stand_in = self.stand_in(self.options.pack)
        nouns = self.matcher().drawable_nouns()
        if stand_in is not None:
            nouns |= stand_in.drawable_nouns()
        return nouns | frozenset(SETTINGS)

    def stand_in(self, pack: str) -> AssetMatcher | None:
        """The matcher of the pack that draws what ``pack`` lacks, when it is installed."""
        other = stand_in_pack(self.options.assets_dir, pack)
        return None if other is None else self.matcher(other)

    def draw(
        self,
        scene: Scene,
        *,
        draft: bool = False,
        previous: Image.Image | None = None,
        seed: int = 0,
        should_stop: Callable[[], bool] | None = None,
    ) -> Picture:
        """Draw ``scene``; the returned scene says which asset drew each object and where."""
        start = time.perf_counter()
        size = self.options.size_px
        seed = seed + self.options.seed
        style = scene.style if scene.style != "flat" else self.options.style
        pack = picture_pack(scene, self.options.pack)
        # 1. Match every noun to an asset.
        # (From the picture's pack, else its stand-in; an entity keeps its asset and tone.)
        casting = cast_objects(
            scene.objects, self.matcher(pack), self.stand_in(pack),
            cast=incoming_cast(scene), seed=self.options.seed,
        )  # fmt: skip
        matches = list(casting.matches)
        # (No junk: a thing without a confident match is left out, recorded as skipped.)
        scene, matches = drop_unmatched(scene, matches, has_previous=previous is not None)
        if scene.depiction == "previous" and previous is not None and not scene.objects:
            return Picture(image=previous.copy(), scene=scene)
        # (Where the sentence names no place, the one its things imply: cows on a farm.)
        scene = _with_implied_setting(scene, matches)
        # (Actions: composite drawings, full-body figures; posing.py.)
        posing = pose_matches(scene.objects, scene.relations, matches, self._named(pack))
        matches = keep_tones(scene.objects, matches, posing.matches, posing.merged)
        # 2. Lay the instances out (a thing drawn by another's composite is not laid out).
        items = self._layout_items(scene.objects, matches, posing.merged, size)
        # (Filling the frame; a little less where a setting's backdrop is shown too.)
        place = None if _only_ideas(scene) else scene.setting
        fill = BACKDROP_FILL_HEIGHT_FRACTION if place else FILL_HEIGHT_FRACTION
        placements = compute_layout(items, list(posing.relations), width=size, height=size,
                                    seed=seed, fill=fill)  # fmt: skip
        _stop_if_asked(should_stop)
        # 3. Background, clip art, weather, style.
        canvas = self._backdrop(scene, matches, pack)
        by_id = {o.id: (o, m) for o, m in zip(scene.objects, matches, strict=True)}
        self._draw_things(canvas, by_id, placements, shadows=casts_shadows(place))
        _stop_if_asked(should_stop)
        canvas = weather_overlay(canvas, scene.weather, self.options.seed)
        canvas = apply_style(canvas, style, seed)
        # 4. The scene completed with how each object was drawn.
        completed = _completed(scene, matches, placements, posing, size=size, style=style,
                               extras=cast_extras(pack, casting))  # fmt: skip
        logger.debug("composed %d objects in %.1f ms", len(completed.objects),
                     (time.perf_counter() - start) * 1000)  # fmt: skip
        return Picture(image=canvas, scene=completed)

    def _backdrop(self, scene: Scene, matches: list[AssetMatch], pack: str) -> Image.Image:
        """A fresh copy of the scene's background: setting, time, weather, season and the
        setting's own things, drawn from ``pack`` (avoiding the drawings its objects use)."""
        size, seed = self.options.size_px, self.options.seed
        if _only_ideas(scene):
            # (An idea is drawn on a plain backdrop: "any questions?" asked in a story set in
            # Leeds is a thinking face, not one standing in a street.)
            return background(None, None, None, None, size, seed, pack=pack).copy()
        season = scene.extras.get("season")
        season = season if isinstance(season, str) else None
        # (A setting thing the sentence names is drawn as its object, not again behind it.)
        nouns = {o.noun.lower() for o in scene.objects}
        things = tuple(t for t in scene.setting_things if t.lower() not in nouns)
        sprites = pack_sprites(self._named(pack), self.matcher(pack).match, self._rasterizer,
                               things)  # fmt: skip
        # (The backdrop's seed is the composer's, not the picture's: a story's forest keeps
        # its trees from sentence to sentence, and the finished backdrop is reused.)
        # (At sea, things none of which are in the water stand on the shore; at night with
        # no place, indoor things are in a room, the night in its window.)
        entries = [m.entry for m in matches]
        shown = (
            shore_backdrop(scene.setting, scene.objects, entries, scene.relations)
            or scene.setting
            or time_backdrop(scene.time, scene.weather, season, scene.objects, entries)
        )
        return background(shown, scene.time, scene.weather, season, size, seed,
                          lighting=scene.lighting,
                          things=things, sprite=sprites, pack=pack,
                          avoid=frozenset(m.entry.name for m in matches)).copy()  # fmt: skip

    def _named(self, pack: str) -> Callable[[str], AssetMatch | None]:
        """The drawing of an exact name in ``pack``, or ``None`` where the pack lacks it."""
        matcher = self.matcher(pack)
        with self._lock:
            names = self._names.get(pack)
            if names is None:
                names = self._names[pack] = frozenset(e.name.lower() for e in matcher.entries)

        def named(name: str) -> AssetMatch | None:
            return matcher.match(name) if name.lower() in names else None

        return named

    def _shape(self, match: AssetMatch) -> tuple[float, bool, float]:
        """Where the drawing's top surface lies, whether it stands raised and where its rim
        lies, were it a container (memoised)."""
        key = match.entry.key
        with self._lock:
            shape = self._shapes.get(key)
        if shape is None:
            base = self._rasterizer.base(match.entry)
            shape = (surface_fraction(base), is_raised(base), rim_fraction(base))
            with self._lock:
                self._shapes[key] = shape
        return shape

    def _draw_things(
        self, canvas: Image.Image, by_id: dict[str, tuple[SceneObject, AssetMatch]],
        placements: list[Placement], *, shadows: bool,
    ) -> None:  # fmt: skip
        """Every thing far to near, each over its contact shadow; a thing inside another
        is partly hidden by that one's front (its lower part drawn again over it)."""
        drawn: dict[str, tuple[Image.Image, tuple[int, int, int, int]]] = {}
        for placement in placements:
            obj, match = by_id[placement.id]
            if shadows and placement.grounded:
                draw_shadow(canvas, placement.box)
            if placement.motion:
                draw_motion_lines(canvas, placement.box, placement.mirror)
            drawn[placement.id] = (self._paste(canvas, obj, match, placement), placement.box)
            if placement.front_of in drawn:
                image, box = drawn[placement.front_of]
                line = round(image.height * placement.front_line)
                front = image.crop((0, line, image.width, image.height))
                canvas.paste(front, (box[0], box[1] + line), front)

    def _layout_items(
        self, objects: tuple[SceneObject, ...], all_matches: list[AssetMatch],
        merged: dict[str, str], size: int,
    ) -> list[LayoutItem]:  # fmt: skip
        """What the layout places: every object but those drawn by another's composite."""
        shown_by = {o.id: [x.noun for x in objects if merged.get(x.id) == o.id] for o in objects}
        laid_out = [(o, m) for o, m in zip(objects, all_matches, strict=True) if o.id not in merged]
        items = []
        group = -1
        previous_key: tuple[int, str, str | None, str | None] | None = None
        for obj, match in laid_out:
            # Instances of one phrase share a group (the scene's own, else the noun's).
            key = (obj.group, obj.noun, obj.color, obj.size)
            if key != previous_key:
                group += 1
                previous_key = key
            # A composite is as big as the bigger of its things (a rider's horse).
            nouns = [obj.noun, *shown_by.get(obj.id, [])]
            height = max(SIZE_CLASSES[size_class(n, match.entry)] for n in nouns) * size
            height *= SIZE_WORD_SCALE.get(obj.size or "", 1.0)
            height *= FIGURE_SCALE if is_figure(match.entry.name) else 1.0
            items.append(
                LayoutItem(
                    id=obj.id,
                    group=group,
                    aspect=self._rasterizer.aspect(match.entry),
                    height_px=height,
                    flying=is_flying(obj.noun, match.entry),
                    surface=self._shape(match)[0],
                    raised=self._shape(match)[1],
                    rim=self._shape(match)[2] if is_open_container(match.entry) else None,
                    kind=item_kind(
                        obj.noun, match.entry.name, match.entry.group, person=is_person(obj.noun)
                    ),
                )
            )
        return items

    def _paste(
        self, canvas: Image.Image, obj: SceneObject, match: AssetMatch, placement: Placement
    ) -> Image.Image:
        """Draw ``obj`` at its placement; the drawing pasted."""
        x0, y0, x1, y1 = placement.box
        image = self._rasterizer.sized(
            match.entry,
            width=max(1, x1 - x0),
            height=max(1, y1 - y0),
            color=obj.color,
            mirror=placement.mirror,
            material=obj.material,
            pattern=obj.pattern,
            finish=obj.finish,
        )
        if obj.finish == "glowing":
            glow(canvas, placement.box, image, obj.color)
        canvas.paste(image, (x0, y0), image)
        if obj.finish == "sparkling":
            sparkles(canvas, placement.box, seed=x0 * 7 + y0)
        return image


def _completed(
    scene: Scene, matches: list[AssetMatch], placements: list[Placement],
    posing: Posing[AssetMatch], *, size: int, style: str, extras: dict[str, Any],
) -> Scene:  # fmt: skip
    """``scene`` with each object's asset and box, the draw order and the composites (a
    thing drawn by another's composite gets that one's box and asset)."""
    boxes = {p.id: p.box for p in placements}
    boxes.update({merged: boxes[drawn] for merged, drawn in posing.merged.items()})
    objects = tuple(
        replace(o, asset=m.entry.key, asset_name=m.entry.name, match_score=m.score,
                fallback=m.fallback, bbox=boxes[o.id])
        for o, m in zip(scene.objects, matches, strict=True)
    )  # fmt: skip
    composites = [
        {"subject": c.subject_id, "object": c.object_id, "asset_name": c.asset_name}
        for c in posing.composites
    ]
    return replace(
        scene.with_drawing(objects, width=size, height=size, style=style),
        extras={**scene.extras, "draw_order": [p.id for p in placements],
                "composites": composites, **extras},
    )  # fmt: skip


def _with_implied_setting(scene: Scene, matches: list[AssetMatch]) -> Scene:
    """``scene`` in the place its drawn things imply when it names none, or outdoors when
    a room would hold a bus (:mod:`~speech2image.imaging.compose.implied_setting`); the
    extras say it was implied."""
    if scene.depiction != "objects" or not scene.objects:
        return scene
    entries = [m.entry for m in matches]
    if scene.setting is not None:
        sizes = [size_class(o.noun, e) for o, e in zip(scene.objects, entries, strict=True)]
        setting = vehicle_setting(scene.setting, scene.objects, entries, sizes)
    else:
        setting = implied_setting(scene.objects, entries, scene.relations)
    if setting is None:
        return scene
    extras = {**scene.extras, "implied_setting": True}
    return replace(scene, setting=setting, setting_things=(), extras=extras)


def _only_ideas(scene: Scene) -> bool:
    """True for a picture of ideas only (concepts), drawn on a plain backdrop."""
    return bool(scene.objects) and all(o.concept for o in scene.objects)


def _stop_if_asked(should_stop: Callable[[], bool] | None) -> None:
    if should_stop is not None and should_stop():
        raise DrawingCancelled("a newer request superseded this picture")


__all__ = ["STYLES", "ClipArtComposer"]
