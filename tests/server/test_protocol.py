"""The /ws protocol and the REST API through the app's test client (fake stages)."""

from __future__ import annotations

import time

import numpy as np
import pytest
from fastapi.testclient import TestClient

from speech2image.server.app import create_app
from speech2image.server.options import Secret, ServerOptions
from speech2image.server.state import Loaded
from speech2image.session import Workers
from speech2image.testing import (
    ScriptedTranscriber,
    SolidColorEngine,
    WordSceneBuilder,
    sentence_script,
)

SENTENCES = ["A red car waits.", "The cat sleeps."]
CHOICES = {"style": ("flat", "sketch"), "pack": ("openmoji",)}
SILENCE_100MS = np.zeros(1600, dtype=np.int16).tobytes()


def make_client(**options) -> TestClient:
    def load():
        workers = Workers(
            make_transcriber=lambda: ScriptedTranscriber(
                sentence_script(SENTENCES, seconds_each=0.5)
            ),
            builder=WordSceneBuilder(),
            engine=SolidColorEngine(),
        )
        return Loaded(workers, choices=CHOICES)

    return TestClient(create_app(ServerOptions(**options), load=load))


@pytest.fixture
def client():
    with make_client() as c:
        yield c


def speak(ws, seconds: float) -> None:
    for _ in range(int(seconds * 10)):
        ws.send_bytes(SILENCE_100MS)
        time.sleep(0.1)


def until_done(ws) -> list[dict]:
    messages = []
    while True:
        messages.append(ws.receive_json())
        if messages[-1]["type"] in ("done", "error"):
            return messages


def test_a_whole_session(client: TestClient) -> None:
    with client.websocket_connect("/ws") as ws:
        ws.send_json({"type": "start", "sample_rate": 16000, "style": "sketch", "pack": "openmoji"})
        session = ws.receive_json()
        assert session["type"] == "session" and len(session["id"]) == 12
        speak(ws, 1.2)
        ws.send_json({"type": "text", "text": "A <script>blue</script> whale."})
        ws.send_json({"type": "stop"})
        messages = until_done(ws)
    kinds = [m["type"] for m in messages]
    assert kinds[-1] == "done" and "error" not in kinds
    finals = [m for m in messages if m["type"] == "final"]
    assert [(f["index"], f["text"]) for f in finals][:2] == [(0, SENTENCES[0]), (1, SENTENCES[1])]
    assert finals[2]["text"] == "A <script>blue</script> whale."
    assert set(finals[0]) == {"type", "index", "text", "start", "end"}
    assert "partial" in kinds
    pictures = [m for m in messages if m["type"] == "image" and m["final"]]
    assert sorted(p["index"] for p in pictures) == [0, 1, 2]
    assert pictures[0]["scene"]["style"] == "sketch"
    for picture in pictures:
        response = client.get(picture["url"])
        assert response.status_code == 200 and response.headers["content-type"] == "image/png"
        assert "base64" not in str(picture)
    drafts = [m for m in messages if m["type"] == "image" and not m["final"]]
    assert drafts and client.get(drafts[-1]["url"]).status_code == 200


@pytest.mark.parametrize(
    ("send", "code", "message"),
    [
        (lambda ws: ws.send_bytes(SILENCE_100MS), "not_started", 'audio before "start"'),
        (lambda ws: ws.send_text("{not json"), "bad_message", "malformed JSON"),
        (lambda ws: ws.send_text("[1, 2]"), "bad_message", "JSON object"),
        (lambda ws: ws.send_json({"type": "dance"}), "not_started", "first message must be"),
        (
            lambda ws: ws.send_json({"type": "start", "sample_rate": 1_000_000}),
            "bad_option",
            "between 8000",
        ),
        (
            lambda ws: ws.send_json({"type": "start", "sample_rate": "fast"}),
            "bad_option",
            "integer",
        ),
        (lambda ws: ws.send_json({"type": "start", "style": "<b>"}), "bad_option", "not available"),
    ],
)
def test_bad_openings_get_an_error_and_close(
    client: TestClient, send, code: str, message: str
) -> None:
    with client.websocket_connect("/ws") as ws:
        send(ws)
        reply = ws.receive_json()
    assert reply["type"] == "error" and message in reply["message"]
    assert reply["code"] == code and reply["stage"] == "connection"


@pytest.mark.parametrize(
    ("send", "code", "message"),
    [
        (lambda ws: ws.send_json({"type": "dance"}), "unknown_type", "unknown message type"),
        (lambda ws: ws.send_bytes(b"\0" * ((1 << 20) + 2)), "message_too_big", "byte limit"),
        (lambda ws: ws.send_bytes(b"\0\0\0"), "bad_audio", "whole 16-bit samples"),
        (lambda ws: ws.send_json({"type": "text", "text": ""}), "bad_text", "non-empty"),
        (
            lambda ws: ws.send_json({"type": "text", "text": "x" * 2001}),
            "text_too_long",
            "2000 characters",
        ),
        (lambda ws: ws.send_json({"type": "start"}), "already_started", "already started"),
        (
            lambda ws: [ws.send_bytes(np.zeros(32_000, np.int16).tobytes()) for _ in range(6)],
            "audio_too_fast",
            "faster than 4x",
        ),
    ],
)
def test_violations_mid_session_close_only_that_session(
    client: TestClient, send, code: str, message: str
) -> None:
    with client.websocket_connect("/ws") as other:
        other.send_json({"type": "start"})
        assert other.receive_json()["type"] == "session"
        with client.websocket_connect("/ws") as ws:
            ws.send_json({"type": "start"})
            ws.receive_json()
            send(ws)
            replies = until_done(ws)
        assert replies[-1]["type"] == "error" and message in replies[-1]["message"]
        assert replies[-1]["code"] == code
        # The other session is unaffected.
        speak(other, 0.7)
        other.send_json({"type": "stop"})
        assert [m for m in until_done(other) if m["type"] == "final"]


def test_busy_server_says_so() -> None:
    with make_client(max_sessions=1) as client, client.websocket_connect("/ws") as first:
        first.send_json({"type": "start"})
        first.receive_json()
        with client.websocket_connect("/ws") as second:
            second.send_json({"type": "start"})
            reply = second.receive_json()
        assert reply["type"] == "error" and "busy" in reply["message"]
        assert reply["code"] == "server_busy"


def test_reconnect_resumes_the_session(client: TestClient) -> None:
    with client.websocket_connect("/ws") as ws:
        ws.send_json({"type": "start"})
        session_id = ws.receive_json()["id"]
        speak(ws, 0.6)
    # The connection dropped without "stop": the page reconnects with the id.
    with client.websocket_connect("/ws") as ws:
        ws.send_json({"type": "start", "session": session_id})
        resumed = ws.receive_json()
        assert resumed == {"type": "session", "id": session_id, "sentences": resumed["sentences"]}
        speak(ws, 0.6)
        ws.send_json({"type": "stop"})
        messages = until_done(ws)
    assert messages[-1]["type"] == "done" and messages[-1]["sentences"] == 2


def test_unknown_session_cannot_be_resumed(client: TestClient) -> None:
    with client.websocket_connect("/ws") as ws:
        ws.send_json({"type": "start", "session": "feedfeedfeed"})
        reply = ws.receive_json()
        assert reply["code"] == "session_not_found" and "no longer be resumed" in reply["message"]


@pytest.mark.parametrize(
    "path",
    [
        "/api/sessions/abc/images/..%2F..%2Fetc%2Fpasswd",
        "/api/sessions/..%2F..%2Fetc/images/0.png",
        "/api/sessions/abc/drafts/0.png",
        "/api/sessions/abc/images/0.png.png",
    ],
)
def test_picture_urls_never_leave_their_place(client: TestClient, path: str) -> None:
    assert client.get(path).status_code == 404


def test_health_and_config(client: TestClient) -> None:
    assert client.get("/healthz").json()["status"] == "ok"
    config = client.get("/api/config").json()
    assert config["styles"] == ["flat", "sketch"]
    page = client.get("/")
    assert page.status_code == 200 and 'data-testid="start-button"' in page.text


def test_token_required_off_loopback() -> None:
    with pytest.raises(ValueError, match="token"):
        ServerOptions(host="0.0.0.0")
    with make_client(host="0.0.0.0", token=Secret("s3cret")) as client:
        assert client.get("/api/config").status_code == 401
        assert client.get("/api/config?token=wrong").status_code == 401
        assert client.get("/api/config?token=s3cret").status_code == 200
        assert (
            client.get("/api/config", headers={"Authorization": "Bearer s3cret"}).status_code == 200
        )
        with client.websocket_connect("/ws?token=s3cret") as ws:
            ws.send_json({"type": "start"})
            assert ws.receive_json()["type"] == "session"
        with pytest.raises(Exception), client.websocket_connect("/ws") as ws:  # noqa: B017
            ws.receive_json()
    assert "s3cret" not in repr(Secret("s3cret"))
