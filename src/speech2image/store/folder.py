"""A session written to a folder: ``manifest.json``, one PNG per sentence, ``storyboard.html``.

Files are first written into a hidden staging folder beside the output and moved into place
when the session ends, so an interrupted run leaves nothing half-written in the output.
"""

from __future__ import annotations

import html
import json
import shutil
import tempfile
from collections.abc import Callable
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


def render_storyboard(
    manifest: dict[str, Any],
    attribution_html: str | None = None,
    *,
    image_src: Callable[[dict[str, Any]], str | None] | None = None,
) -> str:
    """A standalone page: each picture above its sentence. All text is escaped.

    ``image_src`` gives each sentence's ``src`` (e.g. a ``data:`` URI to embed the picture;
    ``None`` for no picture); by default it is the manifest's relative file name. The page's
    title is the manifest's ``title`` when it has one, else its source file's name. The
    footer carries ``attribution_html``, by default that of the packs the pictures used.
    """
    if attribution_html is None:
        attribution_html = attribution_of(manifest)
    frames = []
    for sentence in manifest["sentences"]:
        start, end = sentence["start"], sentence["end"]
        src = image_src(sentence) if image_src is not None else sentence.get("image")
        picture = (
            f'<img src="{html.escape(src)}" alt="{html.escape(sentence["text"])}">'
            if src
            else '<div class="missing">no picture</div>'
        )
        frames.append(
            f'<figure id="s{sentence["index"]}">{picture}'
            f'<figcaption><span class="time">{_clock(start)}–{_clock(end)}</span> '
            f"{html.escape(sentence['text'])}</figcaption></figure>"
        )
    body = "\n".join(frames) or '<p class="empty">No sentences were heard in this recording.</p>'
    title = html.escape(
        str(manifest.get("title") or Path(str(manifest.get("source") or "session")).name)
    )
    return f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Storyboard · {title}</title>
<style>
  :root {{ color-scheme: light; font-family: system-ui, sans-serif; }}
  body {{ margin: 0; background: #f4f1ea; color: #222; }}
  header {{ padding: 24px 32px 8px; }}
  h1 {{ margin: 0; font-size: 1.5rem; }}
  header p {{ margin: 4px 0 0; color: #666; }}
  main {{ display: grid; gap: 24px; padding: 24px 32px;
          grid-template-columns: repeat(auto-fill, minmax(260px, 1fr)); }}
  figure {{ margin: 0; background: #fff; border-radius: 12px; overflow: hidden;
            box-shadow: 0 1px 4px rgb(0 0 0 / 12%); }}
  figure img, .missing {{ display: block; width: 100%; aspect-ratio: 1; object-fit: cover; }}
  .missing {{ display: grid; place-items: center; color: #999; background: #eee; }}
  figcaption {{ padding: 12px 14px 16px; line-height: 1.4; }}
  .time {{ display: block; font-size: .8rem; color: #888; font-variant-numeric: tabular-nums; }}
  .empty {{ grid-column: 1 / -1; color: #666; }}
  footer {{ padding: 8px 32px 32px; font-size: .8rem; color: #666; }}
</style>
</head>
<body>
<header><h1>Storyboard</h1><p>{title} · {len(manifest["sentences"])} sentences</p></header>
<main>
{body}
</main>
<footer>Made with speech2image. {attribution_html}</footer>
</body>
</html>
"""


def _clock(seconds: float) -> str:
    minutes, secs = divmod(max(0.0, float(seconds)), 60)
    return f"{int(minutes)}:{secs:04.1f}"
