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


# Holds the page's sockets: each connection opens, but the page hears of it only when the
# test says so, as over a slow network. Text messages sent are kept for the test to read.
HOLD_SOCKETS = """
(() => {
  const Real = window.WebSocket;
  window.heldSockets = [];
  window.allSockets = [];
  window.sentText = [];
  window.WebSocket = class extends Real {
    set onopen(handler) {
      this.heldOpen = handler;
      window.heldSockets.push(this);
      window.allSockets.push(this);
    }
    get onopen() { return this.heldOpen; }
    send(data) {
      if (typeof data === "string") window.sentText.push(JSON.parse(data));
      super.send(data);
    }
  };
  window.releaseSockets = () => {
    for (const ws of window.heldSockets.splice(0)) ws.heldOpen();
  };
})();
"""


def test_the_page_waits_for_the_socket_keeps_the_audio_and_takes_the_servers_limit(
    microphone_wav: Path, tmp_path: Path
) -> None:
    from playwright.sync_api import expect, sync_playwright

    from speech2image.store import SessionStore

    data = tmp_path / "data"
    options = ServerOptions(data_dir=data, max_text_chars=40)
    with running_server(options) as url, sync_playwright() as p:
        browser = launch(p, microphone_wav)
        page = browser.new_page()
        page.add_init_script(HOLD_SOCKETS)
        page.goto(url)
        # 1. The typed-text limit is the one /api/config sends.
        expect(page.get_by_test_id("text-input")).to_have_attribute("maxlength", "40")
        # 2. The microphone runs but no session is open yet: the page must not claim to
        # listen. It keeps the audio instead (4 s of it).
        page.get_by_test_id("start-button").click()
        status = page.locator("#status-text")
        page.wait_for_function("() => window.heldSockets.length === 1")
        expect(status).to_have_text("Connecting…")
        page.wait_for_timeout(4000)
        expect(status).to_have_text("Connecting…")
        page.evaluate("() => window.releaseSockets()")
        expect(status).to_have_text("Listening", timeout=15_000)
        # 3. The socket drops; the page reconnects (held 2 s more), resumes the session
        # and sends what it heard meanwhile.
        page.evaluate("() => window.allSockets.at(-1).close()")
        expect(status).to_have_text("Reconnecting…")
        page.wait_for_function("() => window.heldSockets.length === 1")
        page.wait_for_timeout(2000)
        page.evaluate("() => window.releaseSockets()")
        expect(status).to_have_text("Listening", timeout=15_000)
        page.get_by_test_id("stop-button").click()
        expect(status).to_have_text("Saved", timeout=60_000)
        starts = page.evaluate("() => window.sentText.filter((m) => m.type === 'start')")
        device_rate = page.evaluate("() => new AudioContext().sampleRate")
        browser.close()
    # 4. The session declared the device's own rate (no forced 16 kHz context), and resumed.
    assert [start["sample_rate"] for start in starts] == [device_rate, device_rate]
    assert "session" not in starts[0] and starts[1]["session"]
    # 5. Everything from the moment the microphone started reached the server, the 6.5 s
    # the sockets were held included (without the backlog, a second or so would).
    (session,) = SessionStore(data).list()
    assert session.duration_s >= 6.0
