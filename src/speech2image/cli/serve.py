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
            help=f"{what} (default {_number(default)}; S2I_{name.upper()})",
        )
    add_asr_argument(parser)
    add_engine_arguments(parser)
    _add_cluster_arguments(parser)
    parser.set_defaults(handler=serve)


def _add_cluster_arguments(parser: argparse.ArgumentParser) -> None:
    """``--ray`` and the replicas of each engine (docs/scaling.md)."""
    from speech2image.cli.cluster import add_replica_arguments

    group = add_replica_arguments(parser)
    group.title = "cluster"
    group.description = (
        "Run recognition, scene building and drawing as Ray Serve deployments (needs "
        "pip install 'speech2image[cluster]'); the page, /ws, REST, the store and each "
        "session's streaming policy stay in this process. A replica reserves num_cpus "
        "(recognition 0.5, scene building 0.25, drawing 0.25; one GPU for diffusers). "
        "See docs/scaling.md."
    )
    group.add_argument(
        "--ray",
        nargs="?",
        const="",
        default=None,
        metavar="ADDRESS",
        help="run the engines on the Ray cluster at ADDRESS (HOST:PORT of its head, "
        "ray://HOST:PORT, auto); without ADDRESS start a local cluster",
    )
    group.add_argument(
        "--deploy-timeout-s",
        type=float,
        default=300.0,
        metavar="S",
        help="how long to wait for every replica to load its model (default 300)",
    )
    group.add_argument(
        "--attach",
        action="store_true",
        help="use the engines already deployed on the cluster (serve deploy serve.yaml, "
        "from speech2image cluster config) instead of deploying them",
    )


def cluster_options(args: argparse.Namespace) -> Any:
    """:class:`~speech2image.cluster.options.ClusterOptions` of ``--ray`` and the replica
    flags, or ``None`` without ``--ray``."""
    from speech2image.cli.cluster import REPLICA_FLAGS
    from speech2image.cli.cluster import cluster_options as replica_options

    if args.ray is None:
        for flag, _ in REPLICA_FLAGS:
            if getattr(args, flag.removeprefix("--").replace("-", "_")) != "1":
                raise ValueError(f"{flag} needs --ray: replicas run on a Ray cluster")
        return None

    return replica_options(
        args,
        address=args.ray or None,
        deploy_timeout_s=args.deploy_timeout_s,
        attach=args.attach,
    )


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


def _number(value: float) -> str:
    """``4``, ``0.5`` or ``1048576``: a default as a person writes it."""
    return f"{value:g}" if isinstance(value, float) else str(value)


def _limit_names() -> list[str]:
    """The :class:`ServerOptions` field of each of :data:`_LIMIT_FLAGS` (its flag's words)."""
    return [flag.removeprefix("--").replace("-", "_") for flag, *_ in _LIMIT_FLAGS]


def serve(args: argparse.Namespace) -> int:
    import uvicorn

    from speech2image.factory import PipelineOptions, check_options, load_server
    from speech2image.server.app import create_app

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
            cluster=cluster_options(args),
        )
        check_options(pipeline)
    except ValueError as e:
        raise CommandError(str(e)) from e
    if pipeline.cluster is not None:
        _prepare_cluster(args)
    address = (
        f"http://{'localhost' if options.host in ('127.0.0.1', '::1') else options.host}"
        f":{options.port}/"
    )
    if options.token is not None:
        address += "?token=" + options.token.reveal()
    print("speech2image is loading its models…", flush=True)
    # Load before uvicorn starts, so a bad option is one clear line, not a lifespan traceback.
    try:
        loaded = load_server(options, pipeline)
    except (ValueError, RuntimeError, OSError) as e:
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


def _prepare_cluster(args: argparse.Namespace) -> None:
    """Before any model loads: Ray Serve is installed (else one line naming the extra), and
    its per-call INFO lines stay out of the console unless -vv asks for them."""
    import logging

    from speech2image.cluster.deploy import require_ray

    try:
        require_ray()
    except RuntimeError as e:
        raise CommandError(str(e)) from e
    if args.verbose < 2:
        logging.getLogger("ray").setLevel(logging.WARNING)
        logging.getLogger("ray.serve").setLevel(logging.WARNING)
