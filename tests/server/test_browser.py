"""The live page in Debian's Chromium, with a recording as its microphone."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from speech2image.server.options import ServerOptions
from tests.server.conftest import running_server

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed"),
]


@pytest.fixture(scope="module")
def microphone_wav(tmp_path_factory: pytest.TempPathFactory, one_sentence: Path) -> Path:
    """The sentence, then silence, as the 16-bit WAV Chromium's fake microphone plays."""
    wav = tmp_path_factory.mktemp("mic") / "mic.wav"
    subprocess.run(
        ["sox", str(one_sentence), "-r", "48000", "-b", "16", str(wav), "pad", "0.5", "6"],
        check=True,
    )
    return wav


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> str:
    options = ServerOptions(data_dir=tmp_path_factory.mktemp("data"))
    with running_server(options) as url:
        yield url


def launch(playwright, wav: Path | None):
    args = [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--use-fake-ui-for-media-stream",
    ]
    if wav is not None:
        args += ["--use-fake-device-for-media-stream", f"--use-file-for-fake-audio-capture={wav}"]
    return playwright.chromium.launch(executable_path=CHROMIUM, args=args, headless=True)


def test_speaking_into_the_page_shows_words_and_picture(
    server: str, microphone_wav: Path, tmp_path: Path
) -> None:
    from playwright.sync_api import expect, sync_playwright

    with sync_playwright() as p:
        browser = launch(p, microphone_wav)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto(server)
        expect(page.get_by_test_id("style-select")).not_to_have_count(0)
        page.get_by_test_id("start-button").click()
        transcript = page.get_by_test_id("transcript")
        expect(transcript.locator(".final").first).to_contain_text(
            "dog", timeout=60_000, ignore_case=True
        )
        image = page.get_by_test_id("current-image")
        expect(image).to_have_attribute("data-final", "true", timeout=30_000)
        assert (
            page.evaluate(
                "() => document.querySelector('[data-testid=current-image]').naturalWidth"
            )
            == 512
        )
        storyboard = page.get_by_test_id("storyboard")
        expect(storyboard.locator("img").first).to_be_visible()
        page.screenshot(path=str(tmp_path / "live.png"))
        page.get_by_test_id("stop-button").click()
        expect(page.locator("#status-text")).to_have_text("Saved", timeout=60_000)
        browser.close()


def test_typing_a_sentence_draws_it_as_text_not_html(server: str) -> None:
    from playwright.sync_api import expect, sync_playwright

    with sync_playwright() as p:
        browser = launch(p, None)
        page = browser.new_page()
        page.goto(server)
        box = page.get_by_test_id("text-input")
        box.fill("Three <b>red</b> apples on a table.")
        box.press("Enter")
        final = page.get_by_test_id("transcript").locator(".final").first
        expect(final).to_have_text("Three <b>red</b> apples on a table. ", timeout=30_000)
        assert page.locator("[data-testid=transcript] b").count() == 0
        expect(page.get_by_test_id("storyboard").locator("img")).to_have_count(1, timeout=30_000)
        browser.close()


def test_a_missing_microphone_is_explained(server: str) -> None:
    from playwright.sync_api import expect, sync_playwright

    with sync_playwright() as p:
        browser = launch(p, None)  # no fake device: the page finds no microphone
        page = browser.new_page()
        page.goto(server)
        page.get_by_test_id("start-button").click()
        expect(page.locator("#banner")).to_contain_text("microphone", timeout=15_000)
        expect(page.get_by_test_id("start-button")).to_be_enabled()
        browser.close()
