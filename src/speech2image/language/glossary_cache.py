"""The glossaries of every language, kept once read, so that a warm-up reads them in 0.2 s.

Reading CLDR's annotations into glossaries (:func:`speech2image.language.glossary.
load_language`) takes some 40-90 ms a language, 3.4-8.4 s for the 91 installed (measured
here under load); unpickling what that gives takes 0.2 s (6.6 MB). So the first warm-up
after the glossary is installed reads every language in the background and keeps the
result next to the annotations; later warm-ups read the kept file. It is ours alone (never
fetched), and stands only while its key holds: the installed annotations' record and the
code that reads them.
"""

from __future__ import annotations

import hashlib
import logging
import pickle
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from speech2image.language.glossary import LanguageGlossary

logger = logging.getLogger(__name__)

CACHE_FILE = "glossaries.pickle"
"""The kept glossaries, in the glossary's folder."""
_READERS = ("glossary.py", "cldr_things.py", "word_forms.py", "glossary_cache.py")
"""The modules whose rules make the glossaries: a change to one of them stales the file."""


def cache_key(folder: Path, meta: str) -> str:
    """What the kept file must have been made from: the installer's record ``meta`` in
    ``folder``, the reading code, and spaCy's version (its stop words)."""
    import spacy

    digest = hashlib.sha256((folder / meta).read_bytes())
    here = Path(__file__).parent
    for name in _READERS:  # a build without its sources keys on nothing of its code
        source = here / name
        digest.update(source.read_bytes() if source.is_file() else name.encode())
    digest.update(spacy.__version__.encode())
    return digest.hexdigest()


def read_cache(folder: Path, key: str) -> dict[str, LanguageGlossary | None] | None:
    """The kept glossaries by language, or ``None`` when none are kept or they are stale."""
    path = folder / CACHE_FILE
    try:
        with path.open("rb") as file:
            kept: dict[str, Any] = pickle.load(file)  # our own file: written by write_cache
    except FileNotFoundError:
        return None
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError) as e:
        logger.info("the kept glossaries in %s are unreadable (%s); reading CLDR again", path, e)
        return None
    if not isinstance(kept, dict) or kept.get("key") != key:
        return None
    languages: dict[str, LanguageGlossary | None] = kept["languages"]
    return languages


def write_cache(folder: Path, key: str, languages: dict[str, LanguageGlossary | None]) -> None:
    """Keep ``languages`` for the next warm-up; a folder that cannot be written is logged
    and left as it is."""
    path = folder / CACHE_FILE
    partial = path.with_suffix(".partial")
    try:
        with partial.open("wb") as file:
            pickle.dump({"key": key, "languages": languages}, file, pickle.HIGHEST_PROTOCOL)
        partial.replace(path)
    except OSError as e:
        logger.info("could not keep the glossaries in %s (%s)", path, e)
