"""Microsoft's Fluent Emoji as a clip-art pack, from the npm package ``fluentui-emoji``.

The package (1.3.0, MIT) holds about 1,600 emoji in three styles, each an SVG named by
the emoji's CLDR name: ``icons/modern/`` (colour with soft gradients; pack ``fluent``),
``icons/flat/`` (pack ``fluent-flat``) and ``icons/high-contrast/`` (not used). People and
hands come in six files, ``horse-racing-default.svg`` (the yellow emoji look) and one per
skin tone (``-light``, ``-medium-light``, ``-medium``, ``-medium-dark``, ``-dark``); they
are indexed as one entry with variants.

The package has no annotations, so each name is joined with OpenMoji's (``openmoji.json``,
which carries the CLDR names): an SVG named ``dog-face`` gets the name ``dog face``, the
tags and the group of OpenMoji's "dog face". A few dozen names that CLDR has since renamed
are looked up by their current name (:data:`RENAMED`).
"""

from __future__ import annotations

import json
import logging
import re
import tempfile
import unicodedata
from pathlib import Path
from typing import Any

from speech2image.imaging.compose.assets import (
    SKIN_TONES,
    AssetsMissingError,
    extract_files,
    index_format,
    install_openmoji,
    is_installed,
    npm_pack,
    pack_dir,
    write_index,
)

logger = logging.getLogger(__name__)

FLUENT_VERSION = "1.3.0"
STYLE_FOLDERS = {"fluent": "modern", "fluent-flat": "flat"}
"""The package's folder of each pack's style."""
DEFAULT_SUFFIX = "-default"
"""The yellow look of a person or hand that also comes in skin tones."""

RENAMED = {
    "hugging-face": "smiling face with open hands",
    "knocked-out-face": "face with crossed-out eyes",
    "pouting-face": "enraged face",
    "red-triangle": "red triangle pointed up",
    "keycap-asterisk": "keycap: *",
    "keycap-hashtag": "keycap: #",
    "blackbird": "black bird",
    "phoenix-bird": "phoenix",
    "stuffedbread": "stuffed flatbread",
    "person-elf": "elf",
    "person-fairy": "fairy",
    "person-genie": "genie",
    "person-mage": "mage",
    "person-merpeople": "merperson",
    "man-merpeople": "merman",
    "woman-merpeople": "mermaid",
    "person-superhero": "superhero",
    "person-supervillain": "supervillain",
    "person-vampire": "vampire",
    "person-zombie": "zombie",
    "person-wrestling": "people wrestling",
    "man-wrestling": "men wrestling",
    "woman-wrestling": "women wrestling",
    "person-with-bunny-ears": "people with bunny ears",
    "man-with-bunny-ears": "men with bunny ears",
    "woman-with-bunny-ears": "women with bunny ears",
    "person-blonde-hair": "person: blond hair",
    "man-blonde-hair": "man: blond hair",
    "woman-blonde-hair": "woman: blond hair",
    "person-deaf": "deaf person",
    "man-deaf": "deaf man",
    "woman-deaf": "deaf woman",
}
"""File names whose CLDR name has changed since the package was drawn: the current name."""

_SKIPPED_GROUPS = frozenset({"component"})
"""Skin-tone swatches and hair styles alone are not things one can stand in a scene."""


def slug(name: str) -> str:
    """A CLDR name as the package spells its file names: ``four o’clock`` -> ``four-oclock``."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    ascii_name = ascii_name.lower().replace("'", "")
    return re.sub(r"[^a-z0-9]+", "-", ascii_name).strip("-")


def install(assets_dir: Path, pack: str = "fluent") -> Path:
    """Fetch one Fluent Emoji style with npm and index it; returns the pack folder.

    A quick no-op when the pack is already there. OpenMoji's annotations are needed for the
    join, so OpenMoji is installed first when it is missing (it is the other pack anyway).
    """
    if pack not in STYLE_FOLDERS:
        raise ValueError(
            f"pack={pack!r} is not a Fluent pack; choose one of {tuple(STYLE_FOLDERS)}"
        )
    folder = pack_dir(assets_dir, pack)
    if is_installed(assets_dir, pack) and index_format(assets_dir, pack) >= 2:
        logger.info("%s already installed in %s", pack, folder)
        return folder
    annotations_file = pack_dir(assets_dir, "openmoji") / "openmoji.json"
    if not annotations_file.is_file():
        logger.info("installing OpenMoji first: its annotations name Fluent's emoji")
        install_openmoji(assets_dir)
    with tempfile.TemporaryDirectory() as tmp:
        tarball = npm_pack("fluentui-emoji", FLUENT_VERSION, Path(tmp))
        folder.mkdir(parents=True, exist_ok=True)
        stems = _extract(tarball, folder, STYLE_FOLDERS[pack])
    if not stems:
        raise AssetsMissingError(
            f"fluentui-emoji@{FLUENT_VERSION} has no icons/{STYLE_FOLDERS[pack]}/ SVGs"
        )
    annotations = json.loads(annotations_file.read_text(encoding="utf-8"))
    entries = index_rows(stems, annotations)
    write_index(folder, entries, source=f"npm fluentui-emoji@{FLUENT_VERSION}")
    logger.info("indexed %d %s assets in %s", len(entries), pack, folder)
    return folder


def _extract(tarball: Path, folder: Path, style: str) -> list[str]:
    """Extract one style's SVGs (into ``svg/``) and the licence; the SVGs' file stems."""
    svg_dir = folder / "svg"
    svg_dir.mkdir(exist_ok=True)
    prefix = f"package/icons/{style}/"

    def target_of(name: str) -> Path | None:
        if name.startswith(prefix) and name.endswith(".svg") and "/" not in name[len(prefix) :]:
            return svg_dir / Path(name).name
        return folder / "LICENSE.txt" if name == "package/LICENSE" else None

    written = extract_files(tarball, target_of)
    return sorted(path.stem for path in written if path.suffix == ".svg")


def index_rows(stems: list[str], annotations: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Index rows for the SVG file stems of one style, named and tagged by OpenMoji's
    annotations; ``x-default`` with its ``x-<tone>`` siblings is one row with variants."""
    known = set(stems)
    by_slug: dict[str, dict[str, Any]] = {}
    by_name: dict[str, dict[str, Any]] = {}
    for row in annotations:
        if not row.get("skintone"):
            by_slug.setdefault(slug(row["annotation"]), row)
            by_name.setdefault(row["annotation"], row)
    toned = set()
    for stem in stems:
        if stem.endswith(DEFAULT_SUFFIX):
            base = stem[: -len(DEFAULT_SUFFIX)]
            toned |= {f"{base}-{tone}" for tone in SKIN_TONES if f"{base}-{tone}" in known}
    entries = []
    for stem in stems:
        if stem in toned:
            continue
        base = stem[: -len(DEFAULT_SUFFIX)] if stem.endswith(DEFAULT_SUFFIX) else stem
        joined = by_name.get(RENAMED[base]) if base in RENAMED else by_slug.get(base)
        if joined is not None and joined["group"] in _SKIPPED_GROUPS:
            continue
        entry = _row(base, stem, joined)
        variants = {
            tone: {"id": f"{base}-{tone}", "path": f"svg/{base}-{tone}.svg"}
            for tone in SKIN_TONES
            if stem != base and f"{base}-{tone}" in known
        }
        if variants:
            entry["variants"] = variants
        entries.append(entry)
    return entries


def _row(base: str, stem: str, annotation: dict[str, Any] | None) -> dict[str, Any]:
    """One index row: OpenMoji's name, tags and group when the name joins, else the file's."""
    if annotation is None:
        name, tags, group = base.replace("-", " "), [], ""
    else:
        name = str(annotation["annotation"])
        words = f"{annotation['tags']},{annotation['openmoji_tags']}".split(",")
        tags = list(dict.fromkeys(t.strip() for t in words if t.strip()))
        group = f"{annotation['group']}/{annotation['subgroups']}"
    return {"id": base, "name": name, "tags": tags, "group": group, "path": f"svg/{stem}.svg"}
