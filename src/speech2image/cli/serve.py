"""``speech2image serve``: the live web app."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from speech2image.cli import CommandError
from speech2image.cli.common import add_asr_argument, add_engine_arguments, diffusers_options
from speech2image.server.options import Secret, ServerOptions, token_from_env


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "serve",
        help="start the live web app (speak in the browser, watch the picture build)",
        description="Serve the live page, the /ws protocol and the REST API. Models load "
        "once at start-up. Open the printed address in a browser.",
    )
    parser.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    parser.add_argument(
        "--token",
        default=None,
        help="access token, required with a non-loopback --host (or set S2I_TOKEN)",
    )
    parser.add_argument("--data-dir", type=Path, default=None, help="where sessions are kept")
    parser.add_argument(
        "--no-keep-audio", action="store_true", help="do not store the audio of sessions"
    )
    parser.add_argument(
        "--max-sessions", type=int, default=8, help="live sessions at once (default 8)"
    )
    add_asr_argument(parser)
    add_engine_arguments(parser)
    parser.set_defaults(handler=serve)


def serve(args: argparse.Namespace) -> int:
    import uvicorn

    from speech2image.config import TranscriberOptions, from_env
    from speech2image.factory import PipelineOptions, check_options
    from speech2image.server.app import create_app, load_default

    token = Secret(args.token) if args.token else token_from_env()
    try:
        options = ServerOptions(
            host=args.host,
            port=args.port,
            token=token,
            data_dir=args.data_dir,
            keep_audio=not args.no_keep_audio,
            max_sessions=args.max_sessions,
        )
        pipeline = PipelineOptions(
            asr=args.asr,
            transcriber=from_env(TranscriberOptions),
            engine=args.engine,
            diffusers=diffusers_options(args),
        )
        check_options(pipeline)
    except ValueError as e:
        raise CommandError(str(e)) from e
    address = (
        f"http://{'localhost' if args.host in ('127.0.0.1', '::1') else args.host}:{args.port}/"
    )
    if token is not None:
        address += "?token=" + token.reveal()
    print("speech2image is loading its models…", flush=True)
    # Load before uvicorn starts, so a bad option is one clear line, not a lifespan traceback.
    try:
        loaded = load_default(options, pipeline)
    except (ValueError, RuntimeError, FileNotFoundError) as e:
        raise CommandError(str(e)) from e
    print(f"Ready: open {address}", flush=True)
    uvicorn.run(
        create_app(options, load=lambda: loaded),
        host=options.host,
        port=options.port,
        log_level="warning",
        # Frames over the app's own limit still reach it, so it can say why it closes.
        ws_max_size=4 * options.max_frame_bytes,
    )
    return 0
