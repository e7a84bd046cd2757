"""The web app: the live page, the ``/ws`` protocol and the REST API.

``create_app`` is an app factory: every route is registered when the app is built, its
lifespan calls ``load`` once for the models and the store (``speech2image.factory.load_server``
for the real engines, or what a test built) and finishes every live session on shutdown.
"""

from __future__ import annotations

import asyncio
import logging
import re
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from importlib import resources
from pathlib import Path
from typing import Any

from fastapi import Depends, FastAPI, HTTPException, Request, WebSocket
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.concurrency import run_in_threadpool

from speech2image.server.options import ServerOptions
from speech2image.server.sessions_api import sessions_router
from speech2image.server.state import AppState, Loaded
from speech2image.server.ws import live_endpoint

logger = logging.getLogger(__name__)

STATIC_DIR = Path(str(resources.files("speech2image.server") / "static"))
_PICTURE_NAME = re.compile(r"^(\d{1,6})\.png$")
_PUBLIC_PATHS = ("/healthz", "/static/", "/favicon.ico")
_CLUSTER_ANSWER_S = 5.0


def create_app(options: ServerOptions | None = None, *, load: Callable[[], Loaded]) -> FastAPI:
    """Build the app; ``load`` runs once at start-up and gives the models and the store."""
    options = options or ServerOptions()
    # 1. The app, with a lifespan that loads the workers once.
    app = FastAPI(
        title="speech2image",
        lifespan=_lifespan(options, load),
        docs_url="/api/docs",
        redoc_url=None,
        # The API takes small JSON bodies only; a bigger one gets 413 before it is read whole.
        max_body_size=options.max_body_bytes,
    )
    # 2. Errors and the token check; 3. the page, health and the live routes; 4. files.
    app.add_exception_handler(RequestValidationError, _invalid_request)
    app.middleware("http")(_require_token)
    _include_live_routes(app)
    _include_health_routes(app)
    _include_store_routes(app)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    return app


def _lifespan(options: ServerOptions, load: Callable[[], Loaded]) -> Callable[[FastAPI], Any]:
    """Load the workers and the store once; on shutdown finish every live session."""

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        loaded = load()
        state = AppState(options, loaded.workers, loaded.store, choices=loaded.choices)
        app.state.s2i = state
        try:
            yield
        finally:
            await state.live.close()
            loaded.workers.close()

    return lifespan


async def _require_token(request: Request, call_next: Callable[..., Any]) -> Response:
    """``/api/`` needs the token when one is set; every answer gets its caching headers."""
    state: AppState | None = getattr(request.app.state, "s2i", None)
    path = request.url.path
    if (
        state is not None
        and path.startswith("/api/")
        and not state.authorized(request.query_params.get("token"), request.headers)
    ):
        return JSONResponse({"detail": "a valid token is required"}, status_code=401)
    response: Response = await call_next(request)
    if not path.startswith(_PUBLIC_PATHS):
        response.headers.setdefault("Cache-Control", "no-store")
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    return response


def _include_live_routes(app: FastAPI) -> None:
    """The page, what its pickers offer, draft pictures and the ``/ws`` protocol."""

    @app.get("/", include_in_schema=False)
    async def page() -> FileResponse:
        return FileResponse(STATIC_DIR / "index.html")

    @app.get("/api/config")
    async def config(request: Request) -> dict[str, Any]:
        """What the page's pickers offer."""
        state: AppState = request.app.state.s2i
        return {
            "styles": list(state.choices.get("style", ())),
            "packs": list(state.choices.get("pack", ())),
            "asr": list(state.choices.get("asr", ("local",))),
            "languages": list(state.choices.get("language", ("en",))),
            "max_text_chars": state.options.max_text_chars,
            "history": state.store is not None,
        }

    @app.get("/api/sessions/{session_id}/drafts/{name}")
    async def draft_picture(request: Request, session_id: str, name: str) -> Response:
        return _live_picture(request.app.state.s2i, session_id, name, final=False)

    @app.websocket("/ws")
    async def ws(websocket: WebSocket) -> None:
        await live_endpoint(websocket, websocket.app.state.s2i)


def _include_health_routes(app: FastAPI) -> None:
    """``/healthz`` (with the replicas' health when the engines run on a Ray cluster) and
    ``/api/cluster`` (``{"cluster": null}`` when they run in this process)."""

    @app.get("/healthz")
    async def healthz(request: Request) -> dict[str, Any]:
        state: AppState = request.app.state.s2i
        health: dict[str, Any] = {"status": "ok", "live_sessions": len(state.live)}
        if state.workers.cluster is not None:
            report = await _cluster_report(state)
            if report is None:
                return {**health, "status": "degraded", "replicas": None}
            deployments = report["deployments"]
            health["replicas"] = {
                name: {"healthy": d["healthy"], "running": d["replicas"].get("RUNNING", 0)}
                for name, d in deployments.items()
            }
            if not all(d["healthy"] for d in deployments.values()):
                health["status"] = "degraded"
        return health

    @app.get("/api/cluster")
    async def cluster(request: Request) -> Response:
        """Replicas per deployment (by state), this ingress's calls in flight to each, and
        the answers each replica gave; ``null`` when the engines run in this process."""
        state: AppState = request.app.state.s2i
        if state.workers.cluster is None:
            return JSONResponse({"cluster": None})
        report = await _cluster_report(state)
        if report is None:
            return JSONResponse(
                {"detail": f"the cluster did not answer within {_CLUSTER_ANSWER_S:g} s"},
                status_code=503,
            )
        return JSONResponse({"cluster": report})


async def _cluster_report(state: AppState) -> dict[str, Any] | None:
    """The cluster's report, or ``None`` when its controller does not answer in time (a
    lost head node must not hang the health check)."""
    report = state.workers.cluster.report  # type: ignore[attr-defined]
    try:
        result: dict[str, Any] = await asyncio.wait_for(
            run_in_threadpool(report), timeout=_CLUSTER_ANSWER_S
        )
    except TimeoutError:
        logger.warning("the Ray cluster did not answer a status request")
        return None
    return result


def _include_store_routes(app: FastAPI) -> None:
    """Final pictures (the live session's memory first, then the store), and the stored
    sessions' API and page, which answer 404 when the app keeps no sessions."""

    @app.get("/api/sessions/{session_id}/images/{name}")
    async def final_picture(request: Request, session_id: str, name: str) -> Response:
        state: AppState = request.app.state.s2i
        live = _live_picture(state, session_id, name, final=True)
        if live.status_code == 200 or state.store is None:
            return live
        return _stored_picture(state, session_id, name)

    app.include_router(sessions_router(lambda: _store(app)), dependencies=[Depends(_kept(app))])

    @app.get("/sessions", include_in_schema=False)
    async def sessions_page(request: Request) -> Response:
        if request.app.state.s2i.store is None:
            return JSONResponse({"detail": "this server keeps no sessions"}, status_code=404)
        return FileResponse(STATIC_DIR / "sessions.html")


def _store(app: FastAPI) -> Any:
    return app.state.s2i.store


def _kept(app: FastAPI) -> Callable[[], None]:
    """A dependency of the stored sessions' routes: 404 when the app keeps no sessions."""

    def check() -> None:
        if app.state.s2i.store is None:
            raise HTTPException(status_code=404, detail="this server keeps no sessions")

    return check


async def _invalid_request(request: Request, exc: Exception) -> JSONResponse:
    """422 with where and what, but not the client's input: FastAPI's own handler echoes it,
    and an input holding a lone surrogate (``"\\ud800"`` in JSON) cannot be encoded, which
    turned a bad request into a 500."""
    errors = exc.errors() if isinstance(exc, RequestValidationError) else []
    detail = [
        {"loc": list(e.get("loc", ())), "msg": e.get("msg", ""), "type": e.get("type", "")}
        for e in errors
    ]
    return JSONResponse({"detail": detail}, status_code=422)


def _live_picture(state: AppState, session_id: str, name: str, *, final: bool) -> Response:
    match = _PICTURE_NAME.match(name)
    live = state.live.get(session_id)
    png = live.picture(int(match.group(1)), final=final) if match and live else None
    if png is None:
        return JSONResponse({"detail": "no such picture"}, status_code=404)
    return Response(png, media_type="image/png")


def _stored_picture(state: AppState, session_id: str, name: str) -> Response:
    match = _PICTURE_NAME.match(name)
    if match is None or state.store is None:
        return JSONResponse({"detail": "no such picture"}, status_code=404)
    try:
        path = state.store.image_path(session_id, int(match.group(1)))
    except (KeyError, FileNotFoundError, ValueError):
        return JSONResponse({"detail": "no such picture"}, status_code=404)
    return FileResponse(path, media_type="image/png")
