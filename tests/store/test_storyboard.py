"""The storyboard page from its template file and stylesheet."""

from __future__ import annotations

import re

from speech2image.store.export.storyboard import render_storyboard


def _manifest(*texts: str, title: str | None = None) -> dict:
    sentences = [
        {"index": n, "text": t, "start": 2.0 * n, "end": 2.0 * n + 1.5, "image": f"{n:04d}.png"}
        for n, t in enumerate(texts)
    ]
    return {"source": "/recordings/walk.wav", "title": title, "sentences": sentences}


def test_every_placeholder_is_filled_and_the_stylesheet_inlined() -> None:
    page = render_storyboard(_manifest("A red car.", "Two cats sleep."))
    assert not re.search(r"\$[a-z{]", page)
    assert "<style>" in page and ".board figure" in page and "--panel" in page
    assert page.count("<figure") == 2 and 'src="0001.png"' in page
    assert "0:02.0–0:03.5" in page and "walk.wav · 2 sentences" in page


def test_text_is_escaped_and_a_dollar_is_kept() -> None:
    page = render_storyboard(_manifest("<b>$5</b> & more", title="$title <i>"))
    assert "&lt;b&gt;$5&lt;/b&gt; &amp; more" in page
    assert "<title>Storyboard · $title &lt;i&gt;</title>" in page


def test_no_sentences_and_missing_pictures() -> None:
    assert "No sentences were heard" in render_storyboard(_manifest())
    page = render_storyboard(_manifest("A tree."), image_src=lambda sentence: None)
    assert '<div class="missing">no picture</div>' in page and "<img" not in page
