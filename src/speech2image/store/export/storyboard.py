"""The storyboard page: each picture above its sentence, one standalone HTML file.

The page is ``storyboard.html`` beside this module (a :class:`string.Template`) with
``storyboard.css`` inlined, so an export opens anywhere with nothing else. The folder
writer (``run``) and the HTML and zip exports all write it.
"""

from __future__ import annotations

import functools
import html
from collections.abc import Callable
from importlib import resources
from pathlib import Path
from string import Template
from typing import Any

from speech2image.store.folder import attribution_of


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
    frames = [
        _frame(sentence, image_src(sentence) if image_src is not None else sentence.get("image"))
        for sentence in manifest["sentences"]
    ]
    title = str(manifest.get("title") or Path(str(manifest.get("source") or "session")).name)
    return _template().substitute(
        title=html.escape(title),
        count=len(manifest["sentences"]),
        style=_stylesheet(),
        frames="\n".join(frames)
        or '<p class="empty">No sentences were heard in this recording.</p>',
        attribution=attribution_html,
    )


def _frame(sentence: dict[str, Any], src: str | None) -> str:
    """One ``<figure>``: the picture (or a placeholder), the time and the sentence."""
    text = html.escape(sentence["text"])
    picture = (
        f'<img src="{html.escape(src)}" alt="{text}">'
        if src
        else '<div class="missing">no picture</div>'
    )
    time = f"{_clock(sentence['start'])}–{_clock(sentence['end'])}"
    return (
        f'<figure id="s{sentence["index"]}">{picture}'
        f'<figcaption><span class="time">{time}</span> {text}</figcaption></figure>'
    )


def _clock(seconds: float) -> str:
    minutes, secs = divmod(max(0.0, float(seconds)), 60)
    return f"{int(minutes)}:{secs:04.1f}"


@functools.cache
def _template() -> Template:
    return Template(_read("storyboard.html"))


@functools.cache
def _stylesheet() -> str:
    return _read("storyboard.css")


def _read(name: str) -> str:
    return (resources.files("speech2image.store.export") / name).read_text(encoding="utf-8")
