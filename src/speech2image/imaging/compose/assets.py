"""Clip-art packs: installing them, indexing their annotations, loading one asset.

A pack is a folder under the assets directory with an ``index.json`` that lists every
asset as ``{"id", "name", "tags", "group", "path"}``, plus ``"variants"`` (skin tone to
``{"id", "path"}``) for people and hands drawn in several skin tones. OpenMoji (the
default, one consistent style) comes from the npm package ``openmoji``; Microsoft's Fluent
Emoji (``fluent``, soft gradients, and ``fluent-flat``) from the npm package
``fluentui-emoji`` (:mod:`speech2image.imaging.compose.fluent`); Tux Paint stamps and Open
Clip Art come from Debian packages and are indexed where they are installed under /usr/share.
"""

from __future__ import annotations

import html
import json
import logging
import re
import shutil
import subprocess
import tarfile
import tempfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

logger = logging.getLogger(__name__)

OPENMOJI_VERSION = "17.0.0"
PACKS = ("openmoji", "fluent", "fluent-flat", "tuxpaint", "openclipart")
"""Pack names, default first."""
SKIN_TONES = ("light", "medium-light", "medium", "medium-dark", "dark")
"""Skin-tone variants, in Unicode's order (the Fitzpatrick modifiers U+1F3FB to U+1F3FF)."""
ATTRIBUTIONS_HTML = {
    "openmoji": 'Emoji by <a href="https://openmoji.org/">OpenMoji</a>, the open-source emoji '
    "and icon project, licensed under "
    '<a href="https://creativecommons.org/licenses/by-sa/4.0/">CC BY-SA 4.0</a>.',
    "fluent": '<a href="https://github.com/microsoft/fluentui-emoji">Fluent Emoji</a> '
    "&copy; Microsoft Corporation, MIT licence (npm package fluentui-emoji).",
    "tuxpaint": '<a href="https://tuxpaint.org/">Tux Paint</a> stamps, GNU GPL 2 or later.',
    "openclipart": '<a href="https://openclipart.org/">Open Clip Art</a>, public domain.',
}
"""What each pack's licence asks exports to say (``fluent-flat`` is ``fluent``)."""
TUXPAINT_DIR = Path("/usr/share/tuxpaint/stamps")
"""Where Debian's ``tuxpaint-stamps-default`` puts its stamps."""
OPENCLIPART_DIR = Path("/usr/share/openclipart")
"""Where Debian's ``openclipart-svg`` puts its drawings."""
INDEX_FILE = "index.json"
PACK_FILE = "pack.json"
INDEX_FORMAT = 2
"""2: rows may have skin-tone ``variants``."""

# OpenMoji groups that are not things one can stand in a scene.
_SKIPPED_OPENMOJI_GROUPS = frozenset({"component", "flags"})


class AssetsMissingError(RuntimeError):
    """A pack is not installed; the message says which command installs it."""


@dataclass(frozen=True, slots=True)
class AssetVariant:
    """Another look of the same thing: the same person in another skin tone."""

    tone: str
    """One of :data:`SKIN_TONES`."""
    id: str
    path: Path


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
    variants: tuple[AssetVariant, ...] = ()
    """The other skin tones of a person or a hand; empty for everything else."""
    tone: str | None = None
    """The skin tone this entry is drawn in, ``None`` for the pack's default look."""

    @property
    def key(self) -> str:
        """``pack:id`` as kept in the scene JSON."""
        return f"{self.pack}:{self.id}"

    def in_tone(self, tone: str) -> AssetEntry:
        """This thing in skin tone ``tone``; itself when it has no such variant."""
        for variant in self.variants:
            if variant.tone == tone:
                return replace(self, id=variant.id, path=variant.path, tone=tone)
        return self


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
            path=folder / r["path"],
            variants=tuple(
                AssetVariant(tone, str(v["id"]), folder / v["path"])
                for tone, v in r.get("variants", {}).items()
            ),
        )
        for r in rows
    )


def attribution_html(packs: Iterable[str]) -> str:
    """The attribution the licences of ``packs`` ask for, one sentence per pack, in
    :data:`PACKS` order; the project's own drawings (``extra``) need none."""
    wanted = {"fluent" if p == "fluent-flat" else p for p in packs}
    return " ".join(ATTRIBUTIONS_HTML[p] for p in ATTRIBUTIONS_HTML if p in wanted)


def attribution_text(packs: Iterable[str]) -> str:
    """:func:`attribution_html` as plain text (for GIF comments and video metadata)."""
    return html.unescape(re.sub(r"<[^>]+>", "", attribution_html(packs)))


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


def index_format(assets_dir: Path, pack: str) -> int:
    """The format of an installed pack's index: 2 with skin-tone variants, 1 before."""
    meta = pack_dir(assets_dir, pack) / PACK_FILE
    if not meta.is_file():
        return 1
    return int(json.loads(meta.read_text(encoding="utf-8")).get("format", 1))


def write_index(folder: Path, entries: list[dict[str, Any]], *, source: str) -> None:
    """Write ``index.json`` (atomically) and ``pack.json`` (format and source)."""
    tmp = folder / (INDEX_FILE + ".tmp")
    tmp.write_text(json.dumps(entries, ensure_ascii=False), encoding="utf-8")
    tmp.replace(folder / INDEX_FILE)
    meta = {"format": INDEX_FORMAT, "source": source}
    (folder / PACK_FILE).write_text(json.dumps(meta), encoding="utf-8")


def npm_pack(package: str, version: str, folder: Path) -> Path:
    """Download the npm tarball of ``package@version`` into ``folder``; its path.

    Raises :class:`AssetsMissingError` when npm is missing or the package cannot be fetched.
    """
    npm = shutil.which("npm")
    if npm is None:
        raise AssetsMissingError(f"npm is needed to fetch {package}: apt-get install npm")
    logger.info("fetching %s@%s with npm", package, version)
    done = subprocess.run(
        [npm, "pack", f"{package}@{version}", "--silent"],
        cwd=folder,
        capture_output=True,
        text=True,
        check=False,
    )
    tarballs = list(folder.glob(f"{package}-*.tgz"))
    if done.returncode != 0 or not tarballs:
        raise AssetsMissingError(
            f"npm pack {package}@{version} failed: {done.stderr.strip()[-300:]}"
        )
    return tarballs[0]


def install_openmoji(assets_dir: Path) -> Path:
    """Fetch OpenMoji's colour SVGs and annotations with npm, and index them.

    A quick no-op when the pack is already there (an index of an older format is rebuilt
    from the files already fetched). Returns the pack folder.
    """
    folder = pack_dir(assets_dir, "openmoji")
    annotations_file = folder / "openmoji.json"
    if is_installed(assets_dir, "openmoji") and index_format(assets_dir, "openmoji") >= 2:
        logger.info("OpenMoji already installed in %s", folder)
        return folder
    if not annotations_file.is_file():
        with tempfile.TemporaryDirectory() as tmp:
            tarball = npm_pack("openmoji", OPENMOJI_VERSION, Path(tmp))
            folder.mkdir(parents=True, exist_ok=True)
            _extract_openmoji(tarball, folder)
    annotations = json.loads(annotations_file.read_text(encoding="utf-8"))
    entries = _openmoji_rows(annotations, folder)
    write_index(folder, entries, source=f"npm openmoji@{OPENMOJI_VERSION}")
    logger.info("indexed %d OpenMoji assets in %s", len(entries), folder)
    return folder


def _openmoji_rows(annotations: list[dict[str, Any]], folder: Path) -> list[dict[str, Any]]:
    """Index rows of OpenMoji's annotations; one-person skin tones become variants."""
    tones: dict[str, dict[str, dict[str, str]]] = {}
    for row in annotations:
        if row.get("skintone") and row.get("skintone_combination") == "single":
            tone = SKIN_TONES[int(row["skintone"]) - 1]
            variant = {"id": row["hexcode"], "path": f"svg/{row['hexcode']}.svg"}
            tones.setdefault(row["skintone_base_hexcode"], {})[tone] = variant
    entries = []
    for row in annotations:
        if row.get("skintone") or row["group"] in _SKIPPED_OPENMOJI_GROUPS:
            continue
        if not (folder / "svg" / f"{row['hexcode']}.svg").is_file():
            continue
        tags = [t.strip() for t in (row["tags"] + "," + row["openmoji_tags"]).split(",")]
        entry = {
            "id": row["hexcode"],
            "name": row["annotation"],
            "tags": [t for t in tags if t],
            "group": f"{row['group']}/{row['subgroups']}",
            "path": f"svg/{row['hexcode']}.svg",
        }
        variants = {
            tone: v
            for tone, v in tones.get(row["hexcode"], {}).items()
            if (folder / v["path"]).is_file()
        }
        if variants:
            entry["variants"] = variants
        entries.append(entry)
    return entries


def extract_files(tarball: Path, target_of: Callable[[str], Path | None]) -> list[Path]:
    """Extract the regular files of an npm tarball that ``target_of`` places (it maps a
    member's name to where it goes, or ``None`` to skip it); the files written."""
    written = []
    with tarfile.open(tarball, "r:gz") as archive:
        for member in archive:
            target = target_of(member.name) if member.isfile() else None
            source = archive.extractfile(member) if target is not None else None
            if target is not None and source is not None:
                target.write_bytes(source.read())
                written.append(target)
    return written


def _extract_openmoji(tarball: Path, folder: Path) -> None:
    """Extract the colour SVGs, the annotations and the licence from the npm tarball."""
    svg_dir = folder / "svg"
    svg_dir.mkdir(exist_ok=True)

    def target_of(name: str) -> Path | None:
        if name.startswith("package/color/svg/") and name.endswith(".svg"):
            return svg_dir / Path(name).name
        kept = {"package/data/openmoji.json": "openmoji.json", "package/LICENSE.txt": "LICENSE.txt"}
        return folder / kept[name] if name in kept else None

    extract_files(tarball, target_of)


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
    write_index(folder, entries, source=str(TUXPAINT_DIR))
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
    write_index(folder, entries, source=str(OPENCLIPART_DIR))
    logger.info("indexed %d Open Clip Art drawings", len(entries))
    return folder


def install_fluent(assets_dir: Path) -> Path:
    """Fluent Emoji's colour style (:func:`speech2image.imaging.compose.fluent.install`)."""
    from speech2image.imaging.compose.fluent import install

    return install(assets_dir, "fluent")


def install_fluent_flat(assets_dir: Path) -> Path:
    """Fluent Emoji's flat style (:func:`speech2image.imaging.compose.fluent.install`)."""
    from speech2image.imaging.compose.fluent import install

    return install(assets_dir, "fluent-flat")


INSTALLERS = {
    "openmoji": install_openmoji,
    "fluent": install_fluent,
    "fluent-flat": install_fluent_flat,
    "tuxpaint": install_tuxpaint,
    "openclipart": install_openclipart,
}


def iter_installed(assets_dir: Path) -> Iterator[tuple[str, int]]:
    """``(pack, number of assets)`` for each installed pack."""
    for pack in PACKS:
        if is_installed(assets_dir, pack):
            yield pack, len(load_index(assets_dir, pack))
