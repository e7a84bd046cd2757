"""``speech2image cluster config``: the Ray Serve config of the engines (docs/scaling.md).

The replica flags live here and ``serve --ray`` shares them, so a config file written by
``cluster config`` deploys what ``serve --ray`` with the same flags would.
"""

from __future__ import annotations

import argparse
from typing import Any

from speech2image.cli.common import add_asr_argument, add_engine_arguments
from speech2image.errors import CommandError

REPLICA_FLAGS = (
    ("--asr-replicas", "recognition"),
    ("--image-replicas", "drawing"),
    ("--language-replicas", "scene-building"),
)


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "cluster",
        help="Ray Serve deployment files for running the engines on a cluster",
        description="Write what a Ray cluster needs to run the engines (docs/scaling.md).",
    )
    inner = parser.add_subparsers(dest="cluster_command", metavar="WHAT", required=True)
    config = inner.add_parser(
        "config",
        help="print a Ray Serve config file (speech2image cluster config > serve.yaml)",
        description="Print a Ray Serve config for `serve deploy serve.yaml`: one application "
        "per engine (recognition, scene building, drawing) with its replicas and "
        "ray_actor_options. Then run the page with `speech2image serve --ray ADDRESS "
        "--attach`. Each application's import_path also works with `serve run`.",
    )
    add_replica_arguments(config)
    add_asr_argument(config)
    add_engine_arguments(config)
    config.set_defaults(handler=write_config)


def add_replica_arguments(parser: argparse.ArgumentParser) -> argparse._ArgumentGroup:
    """The replicas of each engine: a number or ``auto`` between the min and max flags."""
    group = parser.add_argument_group(
        "replicas",
        "How many replicas of each engine run on the cluster. A replica reserves num_cpus "
        "(recognition 0.5, scene building 0.25, drawing 0.25, and one GPU for diffusers).",
    )
    for flag, what in REPLICA_FLAGS:
        group.add_argument(
            flag,
            default="1",
            metavar="N|auto",
            help=f"{what} replicas: a number, or auto to scale between --min-replicas and "
            "--max-replicas with the load (default 1)",
        )
    group.add_argument(
        "--min-replicas", type=int, default=1, help="fewest replicas with auto (default 1)"
    )
    group.add_argument(
        "--max-replicas", type=int, default=4, help="most replicas with auto (default 4)"
    )
    return group


def cluster_options(args: argparse.Namespace, **fields: Any) -> Any:
    """:class:`~speech2image.cluster.options.ClusterOptions` of the replica flags (and
    ``fields``); a bad value is one line naming its flag (exit 2)."""
    from speech2image.cluster.options import ClusterOptions, parse_replicas

    def replicas(flag: str) -> Any:
        value = getattr(args, flag.removeprefix("--").replace("-", "_"))
        return parse_replicas(
            value, flag=flag, min_replicas=args.min_replicas, max_replicas=args.max_replicas
        )

    gpu = args.engine == "diffusers" and getattr(args, "device", None) not in ("cpu", "mps")
    try:
        return ClusterOptions(
            asr_replicas=replicas("--asr-replicas"),
            language_replicas=replicas("--language-replicas"),
            image_replicas=replicas("--image-replicas"),
            image_num_gpus=1.0 if gpu else 0.0,
            **fields,
        )
    except ValueError as e:
        raise CommandError(str(e)) from e


def write_config(args: argparse.Namespace) -> int:
    from speech2image.cluster.config import serve_config, to_yaml

    options = cluster_options(args)
    engine_args = {"engine": args.engine}
    engine_args |= {k: getattr(args, k) for k in ("model", "device") if getattr(args, k)}
    if args.engine == "diffusers" and "model" not in engine_args:
        raise CommandError("--engine diffusers needs --model (see docs/diffusers.md)")
    env = {"S2I_ASR_MODEL": args.asr_model, "S2I_LANGUAGE": args.language}
    config = serve_config(options, engine_args=engine_args, env={k: v for k, v in env.items() if v})
    print("# Ray Serve config of speech2image's engines: serve deploy serve.yaml, then")
    print("# speech2image serve --ray ADDRESS --attach (docs/scaling.md).")
    print(to_yaml(config))
    return 0
