"""The project's own drawings: each renders, keeps OpenMoji's style, is found by its name
and every alias in every pack, brings its size, and a sentence naming it draws it."""

from __future__ import annotations

import functools
import io

import numpy as np
import pytest
from PIL import Image

from speech2image.config import default_assets_dir
from speech2image.imaging.compose.assets import is_installed, load_index
from speech2image.imaging.compose.extras import DRAWINGS, EXTRA_NOUNS, EXTRA_SIZES, EXTRAS
from speech2image.imaging.compose.extras_svg import SIZES, Extra, svg
from speech2image.imaging.compose.matching import AssetMatcher
from speech2image.imaging.compose.sizes import size_class

NEW = {key: e for key, e in DRAWINGS.items() if e.aliases}
"""The everyday things (the COCO drawings have tags, no aliases)."""


def _render(source: str, px: int = 128) -> np.ndarray:
    import resvg_py

    png = resvg_py.svg_to_bytes(svg_string=source, width=px, height=px)
    return np.asarray(Image.open(io.BytesIO(bytes(png))).convert("RGBA"))


@functools.cache
def _matcher(pack: str) -> AssetMatcher:
    if not is_installed(default_assets_dir(), pack):
        pytest.skip(f"the {pack} pack is not installed (speech2image assets install)")
    return AssetMatcher(default_assets_dir(), pack)


# -- drawing -------------------------------------------------------------------------------


@pytest.mark.parametrize("key", sorted(DRAWINGS))
def test_each_drawing_renders_in_openmoji_style(key: str) -> None:
    pixels = _render(DRAWINGS[key].svg)
    opaque = pixels[..., 3] > 64
    assert 0.03 < opaque.mean() < 0.9, "a drawing fills a fair part of its square"
    rows, cols = np.nonzero(opaque)
    assert rows.max() - rows.min() > 20 and cols.max() - cols.min() > 20
    # OpenMoji's black outline: near-black pixels make part of every drawing.
    dark = (pixels[..., :3].max(axis=2) < 40) & opaque
    assert dark.sum() > 0.02 * opaque.sum()
    # The outline is drawn once, by the shared stroke, never in another colour.
    assert DRAWINGS[key].svg.count('stroke="#000"') == 1


def test_drawings_keep_to_the_grid() -> None:
    """Nothing is cut off at the 72-unit square's edge: drawn on a wider view, no pixel
    lies outside it (a stroke's half-width aside)."""
    for key, extra in DRAWINGS.items():
        wide = extra.svg.replace('viewBox="0 0 72 72"', 'viewBox="-8 -8 88 88"')
        opaque = _render(wide, 88)[..., 3] > 64
        inside = np.zeros_like(opaque)
        inside[7:81, 7:81] = True
        assert not (opaque & ~inside).any(), key


def test_unknown_size_is_refused() -> None:
    with pytest.raises(ValueError, match="size='enormous'"):
        Extra("tower", (), "enormous", svg(""))


# -- naming --------------------------------------------------------------------------------


def test_every_noun_names_one_drawing() -> None:
    seen: dict[str, str] = {}
    for key, extra in DRAWINGS.items():
        assert extra.size in SIZES
        for noun in (extra.name, *extra.aliases):
            assert noun == noun.lower().strip(), noun
            assert seen.setdefault(noun, key) == key, f"{noun!r} names {seen[noun]} and {key}"
    assert len(EXTRA_NOUNS) == len(seen)
    assert set(EXTRAS) == set(DRAWINGS)
    assert len(NEW) >= 50


OVERRIDDEN = {"stairway"}
"""Pack asset names the drawings take over on purpose: OpenMoji's stairway is a sign (an
arrow over steps), not stairs one climbs in a picture."""


def test_a_pack_keeps_the_things_it_draws_itself() -> None:
    for pack in ("openmoji", "fluent"):
        if not is_installed(default_assets_dir(), pack):
            continue
        names = {e.name.lower() for e in load_index(default_assets_dir(), pack) if e.pack == pack}
        assert (set(EXTRA_NOUNS) & names) - OVERRIDDEN == set(), pack


def test_the_index_offers_every_drawing_in_every_pack() -> None:
    for pack in ("openmoji", "fluent"):
        if not is_installed(default_assets_dir(), pack):
            continue
        extra = {e.id: e for e in load_index(default_assets_dir(), pack) if e.pack == "extra"}
        assert set(extra) == set(DRAWINGS)
        assert extra["pram"].svg == DRAWINGS["pram"].svg
        assert "stroller" in extra["pram"].tags


@pytest.mark.parametrize("pack", ["openmoji", "fluent"])
def test_each_name_and_alias_matches_its_drawing(pack: str) -> None:
    matcher = _matcher(pack)
    wrong = {}
    for key, extra in NEW.items():
        for noun in (extra.name, *extra.aliases):
            found = matcher.match(noun)
            if found.entry.key != f"extra:{key}" or not found.confident:
                wrong[noun] = found.entry.key
    assert wrong == {}


def test_the_drawing_wins_over_a_stand_in() -> None:
    matcher = _matcher("openmoji")
    # Before these drawings: a light bulb, a pile of books, a sprig of herb, a wave.
    assert matcher.match("lamp").entry.key == "extra:lamp"
    assert matcher.match("bookshelf").entry.key == "extra:bookshelf"
    assert matcher.match("hedge").entry.key == "extra:hedge"
    assert matcher.match("pond").entry.key == "extra:pond"
    # What the packs draw well stays theirs.
    assert matcher.match("ladder").entry.pack == "openmoji"
    assert matcher.match("chair").entry.pack == "openmoji"


def test_drawable_nouns_include_every_alias() -> None:
    nouns = _matcher("openmoji").drawable_nouns()
    assert {"pushchair", "bookcase", "swimming pool", "icicle"} <= nouns


def test_sizes_come_with_the_drawings() -> None:
    entries = {e.id: e for e in load_index(default_assets_dir(), "openmoji") if e.pack == "extra"}
    assert size_class("cliff", entries["cliff"]) == "huge"
    assert size_class("pool", entries["swimming pool"]) == "large"
    assert size_class("bookcase", entries["bookshelf"]) == "large"
    assert size_class("puddle", entries["puddle"]) == "tiny"
    assert EXTRA_SIZES["pram"] == "small"


# -- a sentence naming it draws it ---------------------------------------------------------

SENTENCES = {
    "A jar of sweets is on the shelf above the sink.": {"shelf", "sink"},
    "The cat is asleep on the rug in front of the fireplace.": {"rug", "fireplace"},
    "A baby is sleeping in a pushchair.": {"pram"},
    "The children played on the seesaw next to the climbing frame.": {"seesaw",
                                                                      "climbing frame"},
    "A dog sat next to its kennel.": {"kennel"},
    "A goat stood at the edge of a cliff.": {"cliff"},
    "She put the books back on the bookcase.": {"bookshelf"},
    "A scarecrow stood next to a haystack.": {"scarecrow", "haystack"},
    "A parrot sat in a cage.": {"birdcage"},
    "We sent a postcard with a stamp.": {"postcard", "stamp"},
    "Icicles hung above the igloo.": {"icicle", "igloo"},
    "He threw the javelin over the hurdle.": {"javelin", "hurdle"},
    "The coffee machine in the office is broken again.": {"coffee maker"},
    "A fox hid behind the hedge next to the lamp.": {"hedge", "lamp"},
    "We stayed in a caravan next to a big yellow digger.": {"caravan", "digger"},
    "Smoke came out of the chimney above the tunnel.": {"chimney", "tunnel"},
    "Grandpa was asleep in the hammock with his binoculars.": {"hammock", "binoculars"},
    "Drain the pasta in a colander.": {"sieve"},
}  # fmt: skip


@pytest.mark.slow
@pytest.mark.parametrize("sentence", sorted(SENTENCES))
def test_a_sentence_naming_it_draws_it(builder, composer, sentence: str) -> None:
    picture = composer.draw(builder.build(sentence))
    drawn = {o.asset.split(":", 1)[1] for o in picture.scene.objects
             if o.asset and o.asset.startswith("extra:") and o.bbox}  # fmt: skip
    assert SENTENCES[sentence] <= drawn, picture.scene.to_json()
