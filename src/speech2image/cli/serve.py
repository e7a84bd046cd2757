"""``speech2image serve``: the live web app."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from speech2image.cli import CommandError
from speech2image.cli.common import (
    add_asr_argument,
    add_engine_arguments,
    diffusers_options,
    live_transcriber_options,
)
from speech2image.server.options import Secret, ServerOptions, server_options_from_env


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "serve",
        help="start the live web app (speak in the browser, watch the picture build)",
        description="Serve the live page, the /ws protocol and the REST API. Models load "
        "once at start-up. Open the printed address in a browser.",
    )
    parser.add_argument(
        "--host", default=None, help="address to bind (default 127.0.0.1; S2I_HOST)"
    )
    parser.add_argument("--port", type=int, default=None, help="port (default 8000; S2I_PORT)")
    parser.add_argument(
        "--token",
        default=None,
        help="access token, required with a non-loopback --host (or set S2I_TOKEN)",
    )
    parser.add_argument("--data-dir", type=Path, default=None, help="where sessions are kept")
    parser.add_argument(
        "--no-keep-audio",
        action="store_const",
        const=False,
        default=None,
        dest="keep_audio",
        help="do not store the audio of sessions (S2I_KEEP_AUDIO=0)",
    )
    limits = parser.add_argument_group(
        "limits",
        "What one client may do before its connection is closed with a message saying why "
        "(docs/protocol.md). Each is also read from the S2I_* variable named in its help.",
    )
    for (flag, kind, unit, what), name in zip(_LIMIT_FLAGS, _limit_names(), strict=True):
        default = getattr(ServerOptions, name)
        limits.add_argument(
            flag,
            type=kind,
            default=None,
            metavar=unit,
            help=f"{what} (default {default:g}; S2I_{name.upper()})",
        )
    add_asr_argument(parser)
    add_engine_arguments(parser)
    parser.set_defaults(handler=serve)


_LIMIT_FLAGS: tuple[tuple[str, type, str, str], ...] = (
    ("--max-sessions", int, "N", "live sessions at once; more are told the server is busy"),
    ("--max-frame-bytes", int, "BYTES", "largest WebSocket message"),
    ("--max-audio-speed", float, "X", "audio faster than this multiple of real time is refused"),
    ("--max-session-s", float, "S", "most seconds of audio one session may stream"),
    ("--max-text-chars", int, "N", "longest typed sentence"),
    ("--max-texts-per-min", int, "N", "typed sentences one connection may send a minute"),
    ("--max-messages-per-s", float, "N", "messages one connection may send a second"),
    ("--idle-timeout-s", float, "S", "close a connection that sends nothing this long"),
    ("--max-body-bytes", int, "BYTES", "largest HTTP request body"),
    ("--resume-grace-s", float, "S", "how long a dropped session waits for a reconnect"),
)
"""The ``serve`` flags of :class:`ServerOptions`' limits: flag, type, metavar, help."""


def _limit_names() -> list[str]:
    """The :class:`ServerOptions` field of each of :data:`_LIMIT_FLAGS` (its flag's words)."""
    return [flag.removeprefix("--").replace("-", "_") for flag, *_ in _LIMIT_FLAGS]


def serve(args: argparse.Namespace) -> int:
    import uvicorn

    from speech2image.factory import PipelineOptions, check_options
    from speech2image.server.app import create_app, load_default

    try:
        options = server_options_from_env(
            host=args.host,
            port=args.port,
            token=Secret(args.token) if args.token else None,
            data_dir=args.data_dir,
            keep_audio=args.keep_audio,
            **{name: getattr(args, name) for name in _limit_names()},
        )
        pipeline = PipelineOptions(
            asr=args.asr,
            transcriber=live_transcriber_options(args),
            engine=args.engine,
            diffusers=diffusers_options(args),
        )
        check_options(pipeline)
    except ValueError as e:
        raise CommandError(str(e)) from e
    address = (
        f"http://{'localhost' if options.host in ('127.0.0.1', '::1') else options.host}"
        f":{options.port}/"
    )
    if options.token is not None:
        address += "?token=" + options.token.reveal()
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
