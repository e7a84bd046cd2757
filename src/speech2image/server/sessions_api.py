"""The REST API of stored sessions: list, read, rename, delete, pictures and exports.

Every endpoint reads the :class:`~speech2image.store.SessionStore` given by ``get_store``.
SQLite calls are short but blocking, so the plain endpoints are sync functions (FastAPI runs
them in its thread pool); exports run there too through ``run_in_threadpool``.
"""

from __future__ import annotations

import logging
import re
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from fastapi import APIRouter, HTTPException, Query, Response
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import FileResponse
from pydantic import BaseModel, Field
from starlette.background import BackgroundTask

from speech2image.store import (
    EXPORT_FORMATS,
    ExportError,
    SessionStore,
    StoreError,
    export_session,
)
from speech2image.store.export import MEDIA_TYPES

logger = logging.getLogger(__name__)

_PICTURE_NAME = re.compile(r"^(\d{1,6})\.png$")


MAX_LIST_OFFSET = 1 << 31
"""Far past any real store; a bigger offset overflowed SQLite's integer (a 500, not a 422)."""


class Rename(BaseModel):
    """The body of ``PATCH /api/sessions/{id}``."""

    title: str = Field(min_length=1, max_length=200)


def picture_url(session_id: str, index: int) -> str:
    return f"/api/sessions/{session_id}/images/{index}.png"


def sessions_router(get_store: Callable[[], SessionStore]) -> APIRouter:
    """The ``/api/sessions`` routes over the store that ``get_store`` returns."""
    router = APIRouter(prefix="/api/sessions", tags=["sessions"])
    _add_reading_routes(router, get_store)
    _add_changing_routes(router, get_store)
    _add_export_route(router, get_store)
    return router


def _add_reading_routes(router: APIRouter, get_store: Callable[[], SessionStore]) -> None:
    """The list, a manifest and a picture."""

    @router.get("")
    def list_sessions(
        limit: int | None = Query(None, ge=0, le=10_000),
        offset: int = Query(0, ge=0, le=MAX_LIST_OFFSET),
    ) -> list[dict[str, Any]]:
        """Stored sessions, newest first."""
        sessions = _guard(lambda: get_store().list(limit=limit, offset=offset))
        return [
            {
                **info.to_json(),
                "thumbnail_url": (
                    None if info.thumbnail is None else picture_url(info.id, info.thumbnail)
                ),
            }
            for info in sessions
        ]

    @router.get("/{session_id}")
    def get_session(session_id: str) -> dict[str, Any]:
        """A session's manifest; each sentence has the ``url`` of its picture."""
        manifest = _guard(lambda: get_store().manifest(session_id))
        for sentence in manifest["sentences"]:
            has_picture = sentence["image"] is not None
            sentence["url"] = picture_url(session_id, sentence["index"]) if has_picture else None
        manifest["exports"] = {
            fmt: f"/api/sessions/{session_id}/export?format={fmt}" for fmt in EXPORT_FORMATS
        }
        return manifest

    @router.get("/{session_id}/images/{name}")
    def get_picture(session_id: str, name: str) -> FileResponse:
        """A final picture, ``N.png``."""
        match = _PICTURE_NAME.match(name)
        if match is None:
            raise HTTPException(404, "no such picture")
        path = _guard(lambda: get_store().image_path(session_id, int(match.group(1))))
        return FileResponse(path, media_type="image/png")


def _add_changing_routes(router: APIRouter, get_store: Callable[[], SessionStore]) -> None:
    """Rename and delete."""

    @router.patch("/{session_id}")
    def rename_session(session_id: str, body: Rename) -> dict[str, Any]:
        """Give a session a new title."""
        store = get_store()
        _guard(lambda: store.rename(session_id, body.title))
        return _guard(lambda: store.get(session_id)).to_json()

    @router.delete("/{session_id}", status_code=204)
    def delete_session(session_id: str) -> Response:
        """Delete a session, its pictures and its audio."""
        _guard(lambda: get_store().delete(session_id))
        return Response(status_code=204)


def _add_export_route(router: APIRouter, get_store: Callable[[], SessionStore]) -> None:
    """A session as a download, in any of :data:`EXPORT_FORMATS`."""

    @router.get("/{session_id}/export")
    async def export(
        session_id: str, fmt: str = Query("html", alias="format", pattern="^[a-z0-9]{1,8}$")
    ) -> FileResponse:
        """The session exported as ``format``, as a download."""
        if fmt not in EXPORT_FORMATS:
            raise HTTPException(422, f"format must be one of {', '.join(EXPORT_FORMATS)}")
        store = get_store()
        info = await run_in_threadpool(_guard, lambda: store.get(session_id))
        folder = Path(tempfile.mkdtemp(prefix="s2i-export-"))
        out = folder / f"{_slug(info.title) or info.id}.{fmt}"
        try:
            await run_in_threadpool(_guard, lambda: export_session(store, info.id, fmt, out))
        except BaseException:
            shutil.rmtree(folder, ignore_errors=True)
            raise
        return FileResponse(
            out,
            media_type=MEDIA_TYPES[fmt],
            filename=out.name,
            background=BackgroundTask(shutil.rmtree, folder, ignore_errors=True),
        )


def _guard(action: Callable[[], Any]) -> Any:
    """Run a store call, turning its errors into HTTP errors with the store's message."""
    try:
        return action()
    except KeyError as e:  # SessionNotFound, PictureNotFound
        raise HTTPException(404, str(e)) from e
    except ExportError as e:
        raise HTTPException(409, str(e)) from e
    except StoreError as e:
        logger.error("session store: %s", e)
        raise HTTPException(503, str(e)) from e
    except ValueError as e:
        raise HTTPException(422, str(e)) from e


def _slug(title: str) -> str:
    return re.sub(r"[^A-Za-z0-9]+", "-", title).strip("-").lower()[:60]


__all__ = ["sessions_router"]
