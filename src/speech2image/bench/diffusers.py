"""``speech2image bench diffusers``: latency and pictures per second of the diffusers engine.

``--model sd-turbo`` (or ``sdxl-turbo``, or ``tiny`` for tests) builds the real architecture
with random weights from configurations written in the code (no download: the speed of a
network does not depend on its weights' values); any other ``--model`` loads the user's
weights. Either way it times the engine's own ``draw`` (prompt, text encoders, denoising,
decoding, PIL picture) for final pictures from text and for drafts evolving from the previous
picture, after ``--warmup`` untimed pictures of each, and reports p50 / p95 milliseconds per
picture, pictures per second, the device's name, the peak memory of the drawing (GPU memory
on CUDA) and whether ``torch.compile`` was on. ``scripts/gpu-bench.sh`` runs it on a CUDA
machine for both turbo models with and without ``--compile``.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from dataclasses import asdict
from pathlib import Path
from typing import Any

import numpy as np

from speech2image.bench.diffusers_models import (
    RANDOM_MODELS,
    PeakMemory,
    build_random,
    device_facts,
    is_random_model,
    parameter_counts_m,
)

SCENE_TEXT = "A red fox jumps over a fallen log by the river."


def register(subparsers: Any) -> None:
    """Add the ``diffusers`` benchmark to ``speech2image bench``."""
    parser = subparsers.add_parser(
        "diffusers",
        help="latency and pictures/s of the diffusers engine (random weights or yours)",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--model",
        help=f"{', '.join(RANDOM_MODELS)} (that architecture with random weights), or your "
        "weights: a diffusers folder, .safetensors file or hub id (./NAME for a folder "
        "named like an architecture)",
    )
    parser.add_argument(
        "--random-weights", action="store_true", help="older spelling: --model ARCH"
    )
    parser.add_argument("--arch", choices=RANDOM_MODELS, help="with --random-weights")
    parser.add_argument("--size", type=int, default=512, help="width and height in pixels")
    parser.add_argument("--runs", type=int, default=5, help="timed pictures per mode")
    parser.add_argument("--warmup", type=int, default=1, help="untimed pictures per mode first")
    parser.add_argument("--steps", type=int, default=1, help="denoising steps")
    parser.add_argument("--device", default="auto", help="auto, cpu, cuda, cuda:N or mps")
    parser.add_argument("--dtype", default="auto", help="auto (float16 on GPUs), float32, ...")
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


def chosen_model(args: argparse.Namespace, error: type[Exception]) -> str:
    """The model the arguments name, checked with the other figures of the run."""
    if args.random_weights and args.model:
        raise error("--random-weights --arch A is the older spelling of --model A: pass one")
    if args.random_weights:
        model = args.arch or "sd-turbo"
    elif args.arch:
        raise error(f"--arch needs --random-weights; or pass --model {args.arch}")
    elif not args.model:
        raise error(f"pass --model: {', '.join(RANDOM_MODELS)} or your weights")
    else:
        model = args.model
    if args.size < 64 or args.size % 8:
        raise error(f"--size {args.size}: must be a multiple of 8, at least 64")
    if args.runs < 1 or args.warmup < 0:
        raise error(f"--runs must be at least 1 (got {args.runs}), --warmup at least 0 "
                    f"(got {args.warmup})")  # fmt: skip
    return str(model)


def run(args: argparse.Namespace) -> int:
    """Build or load the pipeline, warm up, time ``--runs`` pictures per mode, report."""
    from speech2image.errors import CommandError

    model = chosen_model(args, CommandError)
    # 1. Build (random weights) or load (the user's), and place on the device.
    started = time.perf_counter()
    try:
        engine, parameters = _engine(args, model)
    except (RuntimeError, ValueError, FileNotFoundError) as e:
        raise CommandError(str(e)) from e
    build_s = time.perf_counter() - started
    import torch

    facts = device_facts(torch, engine.device)
    memory = PeakMemory(torch, engine.device)
    memory.reset()
    # 2. Warm up and time each mode: final pictures from text, drafts from the previous one.
    results = _time_modes(engine, args, memory)
    # 3. Report.
    report = {
        "benchmark": "diffusers",
        "model": model,
        "random_weights": is_random_model(model),
        "parameters_m": parameters,
        "size": args.size,
        "steps": args.steps,
        "draft_strength": engine.options.draft_strength,
        **asdict(facts),
        "dtype": str(engine.dtype).removeprefix("torch."),
        "torch_threads": int(torch.get_num_threads()),
        "tiny_autoencoder": bool(args.tiny_autoencoder),
        "compile": bool(args.compile),
        "channels_last": not args.no_channels_last,
        "runs": args.runs,
        "warmup": args.warmup,
        "build_s": round(build_s, 1),
        "peak_memory_kind": memory.kind,
        "peak_memory_mb": memory.peak_mb(),
        "results": results,
    }
    print(json.dumps(report, indent=2) if args.json else _text(report))
    return 0


def _engine(args: argparse.Namespace, model: str) -> tuple[Any, dict[str, float]]:
    from speech2image.imaging.diffusers import DiffusersEngine, DiffusersOptions

    options = DiffusersOptions(
        model=f"random:{model}" if is_random_model(model) else model,
        device=args.device,
        dtype=args.dtype,
        steps=args.steps,
        draft_steps=args.steps,
        tiny_autoencoder=args.tiny_autoencoder,
        compile_unet=args.compile,
        channels_last=not args.no_channels_last,
    )
    pipeline = None
    if is_random_model(model):
        with tempfile.TemporaryDirectory(prefix="s2i-bench-") as scratch:
            pipeline = build_random(model, scratch=Path(scratch))
    engine = DiffusersEngine(options, pipeline=pipeline)
    # A compiled UNet wraps the module it compiled: its parameters are that module's.
    return engine, parameter_counts_m(engine.pipeline)


def _time_modes(
    engine: Any, args: argparse.Namespace, memory: PeakMemory
) -> dict[str, dict[str, float]]:
    from speech2image.scene import Scene

    scene = Scene(text=SCENE_TEXT, setting="forest", width=args.size, height=args.size)
    modes = {"text-to-image": False} if args.no_draft else {"text-to-image": False, "draft": True}
    # A draft needs a previous picture; the first text-to-image picture is one.
    previous = engine.draw(scene, seed=0).image if args.warmup == 0 and not args.no_draft else None
    results = {}
    for mode, draft in modes.items():
        # The first pictures pay for kernel selection, CUDA graphs and torch.compile.
        for index in range(args.warmup):
            previous = engine.draw(scene, draft=draft, previous=previous, seed=index).image
        latencies_s = []
        for index in range(args.runs):
            started = time.perf_counter()
            picture = engine.draw(scene, draft=draft, previous=previous, seed=100 + index)
            memory.synchronize()
            latencies_s.append(time.perf_counter() - started)
            previous = picture.image
        results[mode] = summary(latencies_s)
    return results


def summary(latencies_s: list[float]) -> dict[str, float]:
    """Milliseconds per picture (p50, p95, min, mean) and pictures per second."""
    ms = np.array(latencies_s) * 1000
    return {
        "p50_ms": round(float(np.percentile(ms, 50)), 1),
        "p95_ms": round(float(np.percentile(ms, 95)), 1),
        "min_ms": round(float(ms.min()), 1),
        "mean_ms": round(float(ms.mean()), 1),
        "pictures_per_s": round(len(latencies_s) / sum(latencies_s), 3),
    }


def _text(report: dict[str, Any]) -> str:
    unet_m = report["parameters_m"].get("unet")
    lines = [
        f"diffusers: {report['model']}"
        + (" (random weights)" if report["random_weights"] else "")
        + (f", UNet {unet_m:g} M parameters" if unet_m is not None else "")
        + f", {report['size']}x{report['size']}, {report['steps']} step(s), "
        f"torch.compile {'on' if report['compile'] else 'off'}",
        f"  on {report['name']} ({report['device']}, {report['dtype']}, "
        f"{report['torch_threads']} CPU threads); built in {report['build_s']} s; peak "
        f"{'GPU memory' if report['peak_memory_kind'] == 'gpu' else 'RSS'} "
        f"{report['peak_memory_mb']:.0f} MB",
    ]
    for mode, figures in report["results"].items():
        lines.append(
            f"  {mode:<14} p50 {figures['p50_ms']:>9.1f} ms   p95 {figures['p95_ms']:>9.1f} ms"
            f"   {figures['pictures_per_s']:>8.3f} pictures/s   ({report['runs']} runs)"
        )
    return "\n".join(lines)


def markdown_table(reports: list[dict[str, Any]]) -> str:
    """One row per model, compile setting and mode of ``--json`` reports, for
    docs/benchmarks.md (``scripts/gpu-bench.sh`` writes it)."""
    rows = [
        "| model (random weights) | device | size | torch.compile | mode | p50 | p95 "
        "| pictures/s | peak memory |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for report in reports:
        memory = f"{report['peak_memory_mb'] / 1024:.1f} GB" + (
            " (GPU)" if report["peak_memory_kind"] == "gpu" else " (RSS)"
        )
        for mode, figures in report["results"].items():
            rows.append(
                f"| {report['model']} | {report['name']} ({report['dtype']}) "
                f"| {report['size']}x{report['size']} | {'on' if report['compile'] else 'off'} "
                f"| {mode} | {figures['p50_ms']:.1f} ms | {figures['p95_ms']:.1f} ms "
                f"| {figures['pictures_per_s']:.2f} | {memory} |"
            )
    return "\n".join(rows) + "\n"
