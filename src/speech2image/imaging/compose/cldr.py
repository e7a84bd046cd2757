"""Installing the emoji glossary: Unicode CLDR's annotations in every language Whisper knows.

CLDR names every emoji, and gives it keywords, in each of its locales (npm package
``cldr-annotations-full``, Unicode licence). The language stage reads them as a glossary
from another language's words to the English names the clip art is known by
(:mod:`speech2image.language.glossary`); only the annotation files of the languages Whisper
can hear (and English) are kept, about 400 kB each.
"""

from __future__ import annotations

import json
import logging
import tempfile
from pathlib import Path

from speech2image.asr.languages import WHISPER_LANGUAGES
from speech2image.imaging.compose.assets import extract_files, npm_pack
from speech2image.language.glossary import CLDR_LOCALES, GLOSSARY_FOLDER, GLOSSARY_META

logger = logging.getLogger(__name__)

CLDR_PACKAGE = "cldr-annotations-full"
CLDR_VERSION = "48.2.0"


def glossary_dir(assets_dir: Path) -> Path:
    """Where the CLDR annotations are kept under ``assets_dir``."""
    return assets_dir / GLOSSARY_FOLDER


def install_cldr(assets_dir: Path) -> Path:
    """Fetch CLDR's annotations with npm and keep those of Whisper's languages.

    A quick no-op when they are there already. Returns the folder. Raises
    :class:`~speech2image.imaging.compose.assets.AssetsMissingError` when npm cannot fetch
    the package.
    """
    folder = glossary_dir(assets_dir)
    if (folder / GLOSSARY_META).is_file():
        logger.info("CLDR annotations already installed in %s", folder)
        return folder
    wanted = {f"package/annotations/{CLDR_LOCALES.get(c, c)}/annotations.json": c for c in
              ("en", *WHISPER_LANGUAGES)}  # fmt: skip
    folder.mkdir(parents=True, exist_ok=True)

    def target_of(name: str) -> Path | None:
        if name == "package/LICENSE":
            return folder / "LICENSE.txt"
        return folder / f"{wanted[name]}.json" if name in wanted else None

    with tempfile.TemporaryDirectory() as tmp:
        tarball = npm_pack(CLDR_PACKAGE, CLDR_VERSION, Path(tmp))
        written = extract_files(tarball, target_of)
    languages = sorted(p.stem for p in written if p.suffix == ".json")
    meta = {"source": f"npm {CLDR_PACKAGE}@{CLDR_VERSION}", "languages": languages}
    (folder / GLOSSARY_META).write_text(json.dumps(meta), encoding="utf-8")
    logger.info("kept CLDR annotations of %d languages in %s", len(languages), folder)
    return folder
