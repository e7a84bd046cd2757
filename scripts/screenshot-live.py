"""Screenshots of the live page while a picture builds and once it settles.

Starts ``speech2image serve`` on a free loopback port, opens the page in Debian's
Chromium (Playwright, no browser download) with a recording as the microphone, presses
Start, and writes two screenshots: one while a draft picture of the words so far is shown,
one after the first sentence's final picture. Used for docs/images/.

    .venv/bin/python scripts/screenshot-live.py samples/story.flac docs/images/live
"""

from __future__ import annotations

import argparse
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _wait_ready(url: str, server: subprocess.Popen[bytes], timeout_s: float = 180) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit("the server stopped before it was ready")
        try:
            with urllib.request.urlopen(f"{url}/healthz", timeout=2):
                return
        except OSError:
            time.sleep(0.5)
    raise SystemExit(f"the server at {url} was not ready within {timeout_s:.0f} s")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("audio", type=Path, help="recording played as the microphone")
    parser.add_argument("prefix", type=Path, help="writes PREFIX-drawing.png, PREFIX-final.png")
    args = parser.parse_args()
    from playwright.sync_api import expect, sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        wav = Path(tmp) / "mic.wav"
        subprocess.run(["sox", str(args.audio), "-r", "48000", "-b", "16", "-c", "1", str(wav),
                        "pad", "0.5", "3"], check=True)  # fmt: skip
        port = _free_port()
        url = f"http://127.0.0.1:{port}"
        server = subprocess.Popen(
            [sys.executable, "-m", "speech2image", "serve", "--port", str(port),
             "--data-dir", str(Path(tmp) / "data")]  # fmt: skip
        )
        try:
            _wait_ready(url, server)
            with sync_playwright() as p:
                browser = p.chromium.launch(
                    executable_path=CHROMIUM,
                    headless=True,
                    args=["--no-sandbox", "--disable-gpu", "--use-fake-ui-for-media-stream",
                          "--use-fake-device-for-media-stream",
                          f"--use-file-for-fake-audio-capture={wav}"],  # fmt: skip
                )
                page = browser.new_page(viewport={"width": 1280, "height": 860})
                page.goto(url)
                page.get_by_test_id("start-button").click()
                image = page.get_by_test_id("current-image")
                expect(image).to_have_attribute("data-final", "false", timeout=60_000)
                # The first draft may be of a word or two; wait for a later draft that
                # still is one, so the shot shows a picture of the words so far.
                first = image.get_attribute("src")
                for _ in range(40):
                    page.wait_for_timeout(100)
                    if image.get_attribute("data-final") == "true":
                        break
                    if image.get_attribute("src") != first:
                        page.wait_for_timeout(150)
                        break
                args.prefix.parent.mkdir(parents=True, exist_ok=True)
                page.screenshot(path=f"{args.prefix}-drawing.png")
                expect(image).to_have_attribute("data-final", "true", timeout=60_000)
                page.wait_for_timeout(300)
                page.screenshot(path=f"{args.prefix}-final.png")
                page.get_by_test_id("stop-button").click()
                browser.close()
        finally:
            server.terminate()
            server.wait(timeout=30)
    print(f"wrote {args.prefix}-drawing.png and {args.prefix}-final.png")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
