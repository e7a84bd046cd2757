"""Clip-art packs: installing them, indexing their annotations, loading one asset.

A pack is a folder under the assets directory with an ``index.json`` that lists every
asset as ``{"id", "name", "tags", "group", "path"}``. OpenMoji (the default, one
consistent style) comes from the npm package ``openmoji``; Tux Paint stamps and Open Clip
Art come from Debian packages and are indexed where they are installed under /usr/share.
"""

from __future__ import annotations

import json
import logging
import re
import shutil
import subprocess
import tarfile
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

logger = logging.getLogger(__name__)

OPENMOJI_VERSION = "17.0.0"
PACKS = ("openmoji", "tuxpaint", "openclipart")
"""Pack names, default first."""
TUXPAINT_DIR = Path("/usr/share/tuxpaint/stamps")
"""Where Debian's ``tuxpaint-stamps-default`` puts its stamps."""
OPENCLIPART_DIR = Path("/usr/share/openclipart")
"""Where Debian's ``openclipart-svg`` puts its drawings."""
INDEX_FILE = "index.json"

# OpenMoji groups that are not things one can stand in a scene.
_SKIPPED_OPENMOJI_GROUPS = frozenset({"component", "flags"})


class AssetsMissingError(RuntimeError):
    """A pack is not installed; the message says which command installs it."""


@dataclass(frozen=True, slots=True)
class AssetEntry:
    """One drawable asset of a pack."""

    pack: str
    id: str
    name: str
    """The asset's own name, e.g. ``dog face``."""
    tags: tuple[str, ...]
    group: str
    path: Path
    """An SVG or PNG file."""
    svg: str | None = None
    """SVG source for drawings kept in code (:mod:`speech2image.imaging.compose.extras`)."""

    @property
    def key(self) -> str:
        """``pack:id`` as kept in the scene JSON."""
        return f"{self.pack}:{self.id}"


def pack_dir(assets_dir: Path, pack: str) -> Path:
    """The folder of ``pack`` under ``assets_dir``."""
    return assets_dir / pack


def is_installed(assets_dir: Path, pack: str) -> bool:
    """True when ``pack`` has an index under ``assets_dir``."""
    return (pack_dir(assets_dir, pack) / INDEX_FILE).is_file()


def load_index(assets_dir: Path, pack: str) -> tuple[AssetEntry, ...]:
    """The assets of an installed pack, in index order.

    Raises :class:`AssetsMissingError` with the install command when it is absent.
    """
    if pack not in PACKS:
        raise ValueError(f"pack={pack!r} is not known; choose one of {', '.join(PACKS)}")
    folder = pack_dir(assets_dir, pack)
    index = folder / INDEX_FILE
    if not index.is_file():
        raise AssetsMissingError(
            f"the {pack} clip-art pack is not installed in {assets_dir}: "
            f"run `speech2image assets install --pack {pack}`"
        )
    rows = json.loads(index.read_text(encoding="utf-8"))
    return _extras() + tuple(
        AssetEntry(
            pack=pack,
            id=str(r["id"]),
            name=str(r["name"]),
            tags=tuple(r["tags"]),
            group=str(r["group"]),
            path=(folder / r["path"]) if not Path(r["path"]).is_absolute() else Path(r["path"]),
        )
        for r in rows
    )


def _extras() -> tuple[AssetEntry, ...]:
    """The project's own drawings, offered in every pack."""
    from speech2image.imaging.compose.extras import EXTRAS

    return tuple(
        AssetEntry(
            pack="extra",
            id=key,
            name=name,
            tags=tags,
            group="extra",
            path=Path(f"{key}.svg"),
            svg=svg,
        )
        for key, (name, tags, svg) in EXTRAS.items()
    )


def _write_index(folder: Path, entries: list[dict[str, Any]]) -> None:
    tmp = folder / (INDEX_FILE + ".tmp")
    tmp.write_text(json.dumps(entries, ensure_ascii=False), encoding="utf-8")
    tmp.replace(folder / INDEX_FILE)


def install_openmoji(assets_dir: Path) -> Path:
    """Fetch OpenMoji's colour SVGs and annotations with npm, and index them.

    A quick no-op when the pack is already there. Returns the pack folder.
    """
    folder = pack_dir(assets_dir, "openmoji")
    if is_installed(assets_dir, "openmoji"):
        logger.info("OpenMoji already installed in %s", folder)
        return folder
    npm = shutil.which("npm")
    if npm is None:
        raise AssetsMissingError("npm is needed to fetch OpenMoji: apt-get install npm")
    folder.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        logger.info("fetching openmoji@%s with npm", OPENMOJI_VERSION)
        done = subprocess.run(
            [npm, "pack", f"openmoji@{OPENMOJI_VERSION}", "--silent"],
            cwd=tmp,
            capture_output=True,
            text=True,
            check=False,
        )
        tarballs = list(Path(tmp).glob("openmoji-*.tgz"))
        if done.returncode != 0 or not tarballs:
            raise AssetsMissingError(
                f"npm pack openmoji@{OPENMOJI_VERSION} failed: {done.stderr.strip()[-300:]}"
            )
        _extract_openmoji(tarballs[0], folder)
    annotations = json.loads((folder / "openmoji.json").read_text(encoding="utf-8"))
    entries = []
    for row in annotations:
        if row.get("skintone") or row["group"] in _SKIPPED_OPENMOJI_GROUPS:
            continue
        svg = folder / "svg" / f"{row['hexcode']}.svg"
        if not svg.is_file():
            continue
        tags = [t.strip() for t in (row["tags"] + "," + row["openmoji_tags"]).split(",")]
        entries.append(
            {
                "id": row["hexcode"],
                "name": row["annotation"],
                "tags": [t for t in tags if t],
                "group": f"{row['group']}/{row['subgroups']}",
                "path": f"svg/{row['hexcode']}.svg",
            }
        )
    _write_index(folder, entries)
    logger.info("indexed %d OpenMoji assets in %s", len(entries), folder)
    return folder


def _extract_openmoji(tarball: Path, folder: Path) -> None:
    """Extract the colour SVGs, the annotations and the licence from the npm tarball."""
    svg_dir = folder / "svg"
    svg_dir.mkdir(exist_ok=True)
    with tarfile.open(tarball, "r:gz") as archive:
        for member in archive:
            name = member.name
            if not member.isfile():
                continue
            if name.startswith("package/color/svg/") and name.endswith(".svg"):
                target = svg_dir / Path(name).name
            elif name == "package/data/openmoji.json":
                target = folder / "openmoji.json"
            elif name == "package/LICENSE.txt":
                target = folder / "LICENSE.txt"
            else:
                continue
            source = archive.extractfile(member)
            if source is not None:
                target.write_bytes(source.read())


def install_tuxpaint(assets_dir: Path) -> Path:
    """Index Debian's Tux Paint stamps (PNG or SVG, each with an English ``.txt``)."""
    if not TUXPAINT_DIR.is_dir():
        raise AssetsMissingError(
            "Tux Paint stamps are not installed: apt-get install tuxpaint-stamps-default"
        )
    folder = pack_dir(assets_dir, "tuxpaint")
    folder.mkdir(parents=True, exist_ok=True)
    entries = []
    for image in sorted(TUXPAINT_DIR.rglob("*")):
        if image.suffix.lower() not in (".png", ".svg") or image.stem.endswith("_mirror"):
            continue
        name = _tuxpaint_description(image)
        relative = image.relative_to(TUXPAINT_DIR)
        entries.append(
            {
                "id": str(relative.with_suffix("")),
                "name": name,
                "tags": [p.replace("_", " ") for p in relative.parts[:-1]],
                "group": relative.parts[0] if len(relative.parts) > 1 else "",
                "path": str(image),
            }
        )
    _write_index(folder, entries)
    logger.info("indexed %d Tux Paint stamps", len(entries))
    return folder


def _tuxpaint_description(image: Path) -> str:
    """The stamp's English description (first line of its .txt), else its file name."""
    text_file = image.with_suffix(".txt")
    if text_file.is_file():
        for line in text_file.read_text(encoding="utf-8", errors="replace").splitlines():
            line = line.strip()
            if line and "=" not in line.split()[0]:
                return line.rstrip(".").lower()
    return image.stem.replace("_", " ").replace("-", " ").lower()


_SVG_TITLE = re.compile(r"<dc:title>\s*(?:<rdf:Alt>\s*<rdf:li[^>]*>)?([^<]{1,120})<", re.S)
_SVG_SUBJECT = re.compile(r"<dc:subject>(.*?)</dc:subject>", re.S)
_RDF_LI = re.compile(r"<rdf:li[^>]*>([^<]{1,60})</rdf:li>")


def install_openclipart(assets_dir: Path) -> Path:
    """Index Debian's Open Clip Art SVGs by their titles and keywords."""
    if not OPENCLIPART_DIR.is_dir():
        raise AssetsMissingError("Open Clip Art is not installed: apt-get install openclipart-svg")
    folder = pack_dir(assets_dir, "openclipart")
    folder.mkdir(parents=True, exist_ok=True)
    entries = []
    for svg in sorted(OPENCLIPART_DIR.rglob("*.svg")):
        head = svg.read_text(encoding="utf-8", errors="replace")[:20_000]
        title = _SVG_TITLE.search(head)
        subject = _SVG_SUBJECT.search(head)
        name = (title.group(1) if title else svg.stem).strip().replace("_", " ").lower()
        tags = _RDF_LI.findall(subject.group(1)) if subject else []
        relative = svg.relative_to(OPENCLIPART_DIR)
        entries.append(
            {
                "id": str(relative.with_suffix("")),
                "name": name,
                "tags": [t.strip().lower() for t in tags if t.strip()],
                "group": relative.parts[0] if len(relative.parts) > 1 else "",
                "path": str(svg),
            }
        )
    _write_index(folder, entries)
    logger.info("indexed %d Open Clip Art drawings", len(entries))
    return folder


INSTALLERS = {
    "openmoji": install_openmoji,
    "tuxpaint": install_tuxpaint,
    "openclipart": install_openclipart,
}


def iter_installed(assets_dir: Path) -> Iterator[tuple[str, int]]:
    """``(pack, number of assets)`` for each installed pack."""
    for pack in PACKS:
        if is_installed(assets_dir, pack):
            yield pack, len(load_index(assets_dir, pack))
