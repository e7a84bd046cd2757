"""The stored-sessions REST API, through FastAPI's TestClient over a real store."""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from io import BytesIO
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from fastapi.testclient import TestClient

from speech2image.server.sessions_api import sessions_router
from speech2image.store import SessionStore
from tests.store.conftest import STORY, record, story_events

STATIC = Path(__file__).parents[2] / "src" / "speech2image" / "server" / "static"


def sessions_app(store: SessionStore) -> FastAPI:
    """A small app with the router and the static folder, as the main app serves them."""
    app = FastAPI()
    app.include_router(sessions_router(lambda: store))
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    return app


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    store = SessionStore(tmp_path_factory.mktemp("api") / "data")
    events = story_events()
    record(store, events, "older")
    record(store, events, "newer")
    with TestClient(sessions_app(store)) as client:
        yield client


def test_list_newest_first_with_thumbnail_urls(client: TestClient) -> None:
    listed = client.get("/api/sessions").json()
    assert [s["id"] for s in listed[:2]] == ["newer", "older"]
    first = listed[0]
    assert set(first) >= {"id", "title", "created", "sentences", "duration_s", "thumbnail_url"}
    assert first["sentences"] == len(STORY)
    assert first["thumbnail_url"] == "/api/sessions/newer/images/0.png"
    assert client.get(first["thumbnail_url"]).headers["content-type"] == "image/png"
    assert len(client.get("/api/sessions?limit=1").json()) == 1


def test_manifest_has_a_url_per_picture(client: TestClient) -> None:
    manifest = client.get("/api/sessions/older").json()
    assert [s["text"] for s in manifest["sentences"]] == STORY
    url = manifest["sentences"][2]["url"]
    assert url == "/api/sessions/older/images/2.png"
    picture = client.get(url)
    assert picture.status_code == 200 and picture.content.startswith(b"\x89PNG")
    assert manifest["exports"]["mp4"] == "/api/sessions/older/export?format=mp4"


@pytest.mark.parametrize(
    "path",
    [
        "/api/sessions/nosuch",
        "/api/sessions/nosuch/images/0.png",
        "/api/sessions/older/images/99.png",
        "/api/sessions/older/images/..%2F..%2Fsessions.sqlite3",
        "/api/sessions/older/images/0.jpg",
        "/api/sessions/..%2F..%2Fetc/images/0.png",
        "/api/sessions/a.b/images/0.png",
        "/api/sessions/%2E%2E/export?format=html",
    ],
)
def test_unknown_malformed_or_traversing_paths_are_404(client: TestClient, path: str) -> None:
    assert client.get(path).status_code == 404


def test_export_downloads_each_format(client: TestClient) -> None:
    page = client.get("/api/sessions/older/export?format=html")
    assert page.status_code == 200
    assert page.headers["content-type"].startswith("text/html")
    assert 'attachment; filename="the-story.html"' in page.headers["content-disposition"]
    assert "data:image/png;base64," in page.text
    archive = client.get("/api/sessions/older/export?format=zip")
    assert "manifest.json" in zipfile.ZipFile(BytesIO(archive.content)).namelist()
    assert client.get("/api/sessions/older/export?format=vtt").text.startswith("WEBVTT")
    video = client.get("/api/sessions/older/export?format=mp4")
    assert video.headers["content-type"] == "video/mp4" and len(video.content) > 10_000
    assert client.get("/api/sessions/older/export?format=avi").status_code == 422


def test_rename_and_delete(client: TestClient) -> None:
    renamed = client.patch("/api/sessions/newer", json={"title": "A walk in the park"})
    assert renamed.status_code == 200 and renamed.json()["title"] == "A walk in the park"
    assert client.patch("/api/sessions/newer", json={"title": ""}).status_code == 422
    assert client.patch("/api/sessions/nosuch", json={"title": "x"}).status_code == 404
    assert client.delete("/api/sessions/newer").status_code == 204
    assert client.get("/api/sessions/newer").status_code == 404
    assert client.delete("/api/sessions/newer").status_code == 404
    assert [s["id"] for s in client.get("/api/sessions").json()] == ["older"]
