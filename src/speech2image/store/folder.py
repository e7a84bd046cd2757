"""A session written to a folder: ``manifest.json``, one PNG per sentence, ``storyboard.html``.

Files are first written into a hidden staging folder beside the output and moved into place
when the session ends, so an interrupted run leaves nothing half-written in the output.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from pathlib import Path
from typing import Any, ClassVar

from speech2image.events import Event, FinalTranscript, ImageReady, SessionEnded

ATTRIBUTION_HTML = (
    'Pictures composed from <a href="https://openmoji.org/">OpenMoji</a> emoji, the open-source '
    "emoji and icon project, licensed under "
    '<a href="https://creativecommons.org/licenses/by-sa/4.0/">CC BY-SA 4.0</a>.'
)
"""Attribution required by the default asset pack's licence, for a session whose pictures
do not say which packs drew them (see :func:`attribution_of`)."""
DEFAULT_PACK = "openmoji"


def packs_used(manifest: dict[str, Any]) -> tuple[str, ...]:
    """The clip-art packs that drew a session's pictures: each picture's pack (its
    backdrop's things come from it) and the pack of each object's ``asset`` (``pack:id``)."""
    packs: dict[str, None] = {}
    for sentence in manifest.get("sentences", []):
        scene = sentence.get("scene") or {}
        if isinstance(scene.get("pack"), str):
            packs[scene["pack"]] = None
        for obj in scene.get("objects", []):
            asset = obj.get("asset")
            if isinstance(asset, str) and ":" in asset:
                packs[asset.partition(":")[0]] = None
    return tuple(packs)


def attribution_of(manifest: dict[str, Any], *, text: bool = False) -> str:
    """The attribution the licences of the packs used ask for (HTML, or plain ``text``);
    the default pack's when the pictures do not say (older sessions)."""
    from speech2image.imaging.compose.assets import attribution_html, attribution_text

    packs = packs_used(manifest) or (DEFAULT_PACK,)
    credit = attribution_text(packs) if text else attribution_html(packs)
    if not credit:  # only the project's own drawings were used
        return ""
    return f"Pictures composed from clip art. {credit}"


def image_name(index: int) -> str:
    return f"{index:04d}.png"


class FolderWriter:
    """Subscribes to a session and writes its final sentences and pictures to ``folder``."""

    blocking: ClassVar[bool] = True
    """It writes PNG and JSON files: the session runs it off the event loop, in order."""

    def __init__(self, folder: str | Path, *, source: str, attribution_html: str | None = None):
        self.folder = Path(folder)
        if self.folder.exists() and not self.folder.is_dir():
            raise ValueError(f"output {self.folder} exists and is not a folder")
        self.source = source
        self.attribution_html = attribution_html
        self._sentences: dict[int, dict[str, Any]] = {}
        self._staging: Path | None = None

    def __call__(self, event: Event) -> None:
        if isinstance(event, FinalTranscript):
            self._sentences[event.index] = {
                "index": event.index,
                "start": round(event.start_s, 3),
                "end": round(event.end_s, 3),
                "text": event.text,
                "image": None,
                "scene": None,
            }
        elif isinstance(event, ImageReady) and event.final:
            entry = self._sentences.get(event.index)
            if entry is None:
                return
            name = image_name(event.index)
            (self._staging_dir() / name).write_bytes(event.png)
            entry["image"] = name
            entry["scene"] = event.scene.to_json()
        elif isinstance(event, SessionEnded):
            self.finish()

    def manifest(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "sentences": [self._sentences[i] for i in sorted(self._sentences)],
        }

    def finish(self) -> Path:
        """Write the manifest and storyboard, and move everything into the output folder."""
        staging = self._staging_dir()
        manifest = self.manifest()
        (staging / "manifest.json").write_text(
            json.dumps(manifest, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
        )
        # The storyboard's module reads this one's attribution: imported here, not above.
        from speech2image.store.export.storyboard import render_storyboard

        (staging / "storyboard.html").write_text(
            render_storyboard(manifest, self.attribution_html), encoding="utf-8"
        )
        self.folder.mkdir(parents=True, exist_ok=True)
        for old in self.folder.glob("[0-9][0-9][0-9][0-9].png"):
            old.unlink()  # pictures of an earlier run into the same folder
        for item in staging.iterdir():
            item.replace(self.folder / item.name)
        shutil.rmtree(staging, ignore_errors=True)
        self._staging = None
        return self.folder

    def discard(self) -> None:
        """Remove the staging folder of a run that did not finish."""
        if self._staging is not None:
            shutil.rmtree(self._staging, ignore_errors=True)
            self._staging = None

    def _staging_dir(self) -> Path:
        if self._staging is None:
            parent = self.folder.resolve().parent
            parent.mkdir(parents=True, exist_ok=True)
            self._staging = Path(tempfile.mkdtemp(prefix=f".{self.folder.name}.", dir=parent))
        return self._staging
