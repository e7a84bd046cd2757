"""The page's language picker: offered by /api/config, checked on start, given to the session."""

from __future__ import annotations

from fastapi.testclient import TestClient

from speech2image.server.app import create_app
from speech2image.server.options import ServerOptions
from speech2image.server.state import Loaded
from speech2image.session import Workers
from speech2image.testing import (
    ScriptedTranscriber,
    SolidColorEngine,
    WordSceneBuilder,
    sentence_script,
)

CHOICES = {"style": ("flat",), "pack": ("openmoji",), "language": ("en", "auto", "es", "de")}


def make_client(asked: list) -> TestClient:
    def make_transcriber(asr=None, *, language=None):
        asked.append(language)
        return ScriptedTranscriber(sentence_script(["Un gato duerme."], seconds_each=0.3))

    def load():
        workers = Workers(
            make_transcriber=make_transcriber, builder=WordSceneBuilder(), engine=SolidColorEngine()
        )
        return Loaded(workers, choices=CHOICES)

    return TestClient(create_app(ServerOptions(), load=load))


def test_config_offers_the_languages() -> None:
    with make_client([]) as client:
        assert client.get("/api/config").json()["languages"] == ["en", "auto", "es", "de"]


def test_the_chosen_language_reaches_the_transcriber() -> None:
    asked: list = []
    with make_client(asked) as client, client.websocket_connect("/ws") as ws:
        ws.send_json({"type": "start", "sample_rate": 16000, "language": "es"})
        assert ws.receive_json()["type"] == "session"
        ws.send_json({"type": "stop"})
        while ws.receive_json()["type"] not in ("done", "error"):
            pass
    assert asked == ["es"]


def test_an_unknown_language_is_refused() -> None:
    with make_client([]) as client, client.websocket_connect("/ws") as ws:
        ws.send_json({"type": "start", "sample_rate": 16000, "language": "xx"})
        message = ws.receive_json()
        assert message["type"] == "error"
        assert "language='xx' is not available" in message["message"]
