"""``speech2image bench diffusers``: latency and pictures per second of the diffusers engine.

With ``--random-weights`` it builds the real SD-Turbo or SDXL-Turbo architecture from the
configurations in :mod:`speech2image.imaging.diffusers_random` (no download: the speed of a
network does not depend on its weights' values); with ``--model`` it loads the user's weights.
Either way it times the engine's own ``draw`` (prompt, denoising, decoding, PIL picture), a
final picture from text and a draft evolving from the previous picture, after warm-up runs.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from speech2image.imaging.diffusers_random import ARCHITECTURES

SCENE_TEXT = "A red fox jumps over a fallen log by the river."


def register(subparsers: Any) -> None:
    """Add the ``diffusers`` benchmark to ``speech2image bench``."""
    parser = subparsers.add_parser(
        "diffusers",
        help="latency and pictures/s of the diffusers engine (random weights or yours)",
        description="Times the diffusers engine's draw() at 1 step. --random-weights builds "
        "the real architecture with random weights (no download); --model loads yours.",
    )
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument(
        "--random-weights",
        action="store_true",
        help="build --arch with random weights instead of loading a model",
    )
    source.add_argument("--model", help="a diffusers folder, .safetensors file or hub id")
    parser.add_argument("--arch", choices=ARCHITECTURES, default="sd-turbo")
    parser.add_argument("--size", type=int, default=512, help="width and height in pixels")
    parser.add_argument("--runs", type=int, default=5, help="timed pictures per mode")
    parser.add_argument("--warmup", type=int, default=1, help="untimed pictures first")
    parser.add_argument("--steps", type=int, default=1, help="denoising steps")
    parser.add_argument("--device", default="auto", help="auto, cpu, cuda, cuda:N or mps")
    parser.add_argument("--dtype", default="auto", help="auto, float32, float16, bfloat16")
    parser.add_argument("--tiny-autoencoder", help="a TAESD folder to decode with")
    parser.add_argument("--compile", action="store_true", help="torch.compile the UNet")
    parser.add_argument(
        "--no-channels-last", action="store_true", help="keep the default memory layout"
    )
    parser.add_argument(
        "--no-draft", action="store_true", help="time final pictures only (no img2img drafts)"
    )
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.set_defaults(handler=run)


def _summary(latencies_s: list[float]) -> dict[str, float]:
    return {
        "p50_ms": round(statistics.median(latencies_s) * 1000, 1),
        "min_ms": round(min(latencies_s) * 1000, 1),
        "mean_ms": round(statistics.fmean(latencies_s) * 1000, 1),
        "pictures_per_s": round(len(latencies_s) / sum(latencies_s), 3),
    }


def run(args: argparse.Namespace) -> int:
    """Build or load the pipeline, warm up, time ``--runs`` pictures per mode, report."""
    from speech2image.cli import CommandError
    from speech2image.imaging.diffusers import DiffusersEngine, DiffusersOptions
    from speech2image.imaging.diffusers_random import build_random_pipeline
    from speech2image.scene import Scene

    if args.size < 64 or args.size % 8:
        raise CommandError(f"--size {args.size}: must be a multiple of 8, at least 64")
    if args.runs < 1 or args.warmup < 0:
        raise CommandError("--runs must be at least 1 and --warmup at least 0")
    # 1. Build (random weights) or load (the user's), and place on the device.
    started = time.perf_counter()
    try:
        options = DiffusersOptions(
            model=args.model or f"random:{args.arch}",
            device=args.device,
            dtype=args.dtype,
            steps=args.steps,
            draft_steps=args.steps,
            tiny_autoencoder=args.tiny_autoencoder,
            compile_unet=args.compile,
            channels_last=not args.no_channels_last,
        )
        pipeline = None
        if args.random_weights:
            with tempfile.TemporaryDirectory(prefix="s2i-bench-") as scratch:
                pipeline = build_random_pipeline(args.arch, tokenizer_dir=Path(scratch))
        engine = DiffusersEngine(options, pipeline=pipeline)
    except (RuntimeError, ValueError, FileNotFoundError) as e:
        raise CommandError(str(e)) from e
    load_s = time.perf_counter() - started
    scene = Scene(text=SCENE_TEXT, setting="forest", width=args.size, height=args.size)
    # 2. Warm up: the first pictures pay for kernel selection and torch.compile.
    previous = None
    for index in range(args.warmup):
        previous = engine.draw(scene, seed=index).image
    # 3. Time final pictures from text, then drafts evolving from the previous picture.
    modes = {"text-to-image": False} if args.no_draft else {"text-to-image": False, "draft": True}
    results: dict[str, dict[str, float]] = {}
    for mode, draft in modes.items():
        latencies_s = []
        for index in range(args.runs):
            started = time.perf_counter()
            picture = engine.draw(scene, draft=draft, previous=previous, seed=100 + index)
            latencies_s.append(time.perf_counter() - started)
            previous = picture.image
        results[mode] = _summary(latencies_s)
    # 4. Report.
    report = {
        "benchmark": "diffusers",
        "model": args.model or f"{args.arch} (random weights)",
        "size": args.size,
        "steps": args.steps,
        "draft_strength": engine.options.draft_strength,
        "device": engine.device,
        "dtype": str(engine.dtype).removeprefix("torch."),
        "torch_threads": _torch_threads(),
        "tiny_autoencoder": bool(args.tiny_autoencoder),
        "compile": args.compile,
        "channels_last": not args.no_channels_last,
        "runs": args.runs,
        "load_s": round(load_s, 1),
        "peak_rss_mb": round(_peak_rss_mb()),
        "results": results,
    }
    if args.json:
        print(json.dumps(report, indent=2))
        return 0
    print(
        f"diffusers: {report['model']}, {args.size}x{args.size}, {args.steps} step(s), "
        f"{report['device']} {report['dtype']} ({report['torch_threads']} threads), "
        f"built/loaded in {report['load_s']} s, peak memory {report['peak_rss_mb']} MB"
    )
    for mode, figures in results.items():
        print(
            f"  {mode:<14} p50 {figures['p50_ms']:>9.1f} ms   min {figures['min_ms']:>9.1f} ms"
            f"   {figures['pictures_per_s']:.3f} pictures/s   ({args.runs} runs)"
        )
    return 0


def _torch_threads() -> int:
    import torch

    return int(torch.get_num_threads())


def _peak_rss_mb() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    # Linux reports kilobytes, macOS bytes.
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024
