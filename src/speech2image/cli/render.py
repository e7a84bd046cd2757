"""``speech2image render``: draw a picture of a sentence (or of each line of a batch)."""

from __future__ import annotations

import argparse
import json
import logging
from pathlib import Path
from typing import Any

from speech2image.cli import CommandError

logger = logging.getLogger(__name__)

STYLE_NAMES = ("flat", "watercolor", "sketch", "crayon", "pixel", "poster", "comic", "sepia",
               "soft")  # fmt: skip
"""Kept in step with :data:`speech2image.imaging.compose.styles.STYLES` (a test checks);
listed here so that ``--help`` does not import the drawing code."""


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "render",
        help="draw a picture of a sentence with the clip-art composer",
        description="Draws TEXT as clip art: the things named, how many, their colours and "
        "where they stand. With --batch, draws each line of a JSONL file.",
    )
    parser.add_argument("text", nargs="?", metavar="TEXT", help="what to draw")
    parser.add_argument("-o", "--output", type=Path, metavar="OUT.png", help="picture to write")
    parser.add_argument("--scene", type=Path, metavar="OUT.json", help="also write the scene JSON")
    parser.add_argument("--batch", type=Path, metavar="PROMPTS.jsonl",
                        help='one {"prompt": "..."} or {"text": "..."} per line')  # fmt: skip
    parser.add_argument("--out", type=Path, metavar="DIR", help="folder for --batch results")
    parser.add_argument("--sheet", type=Path, metavar="SHEET.png",
                        help="with --batch: also a contact sheet, each picture captioned "
                        "with its sentence")  # fmt: skip
    parser.add_argument("--style", default=None, choices=STYLE_NAMES, help="default flat")
    parser.add_argument("--pack", default=None,
                        choices=("openmoji", "fluent", "fluent-flat", "tuxpaint", "openclipart"),
                        help="clip-art pack (default openmoji)")  # fmt: skip
    parser.add_argument("--size", type=int, default=None, metavar="PX", help="default 512")
    parser.add_argument("--seed", type=int, default=0, metavar="N", help="variation (default 0)")
    parser.set_defaults(handler=_render)


def _options(args: argparse.Namespace) -> Any:
    from speech2image.config import ComposerOptions, from_env

    try:
        return from_env(ComposerOptions, size_px=args.size, style=args.style, pack=args.pack)
    except ValueError as e:
        raise CommandError(str(e)) from e


def _prompts(path: Path) -> list[str]:
    if not path.is_file():
        raise CommandError(f"{path} is not a file; give a JSONL file with one prompt a line")
    prompts = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as e:
            raise CommandError(f"{path}:{number} is not JSON: {e.msg}") from e
        text = row.get("prompt", row.get("text")) if isinstance(row, dict) else None
        if not isinstance(text, str):
            raise CommandError(f'{path}:{number} needs {{"prompt": "..."}} or {{"text": "..."}}')
        prompts.append(text)
    return prompts


def _render(args: argparse.Namespace) -> int:
    if args.batch is None and (args.text is None or args.output is None):
        raise CommandError("give TEXT and -o OUT.png, or --batch PROMPTS.jsonl --out DIR")
    if args.batch is not None and args.out is None:
        raise CommandError("--batch needs --out DIR")
    if args.sheet is not None and args.batch is None:
        raise CommandError("--sheet goes with --batch PROMPTS.jsonl --out DIR")
    options = _options(args)
    from speech2image.imaging.compose import ClipArtComposer
    from speech2image.imaging.compose.assets import AssetsMissingError
    from speech2image.language import SpacySceneBuilder

    try:
        composer = ClipArtComposer(options)
        # One picture loads only what it needs (the embedding model only for a noun that no
        # cache holds: 2 s from start to picture instead of 7 s); a batch warms up first.
        if args.batch is None:
            composer.matcher()
        else:
            composer.warm_up()
    except (ValueError, AssetsMissingError) as e:
        raise CommandError(str(e)) from e
    builder = SpacySceneBuilder()
    if args.batch is None:
        _draw_one(builder, composer, args.text, args.output, args.scene, args.seed)
        return 0
    prompts = _prompts(args.batch)
    args.out.mkdir(parents=True, exist_ok=True)
    thumbnails = []
    for k, prompt in enumerate(prompts):
        stem = args.out / f"{k:04d}"
        picture = _draw_one(builder, composer, prompt, stem.with_suffix(".png"),
                            stem.with_suffix(".json"), args.seed)  # fmt: skip
        if args.sheet is not None:
            thumbnails.append(picture.image.convert("RGB").resize((192, 192)))
    print(f"wrote {len(prompts)} pictures to {args.out}")
    if args.sheet is not None and prompts:
        _write_sheet(args.sheet, thumbnails, prompts)
    return 0


def _write_sheet(path: Path, thumbnails: list[Any], prompts: list[str]) -> None:
    from speech2image.bench.sheet import SheetItem, write_sheet

    items = [SheetItem(image=t, caption=p) for t, p in zip(thumbnails, prompts, strict=True)]
    try:
        write_sheet(items, path)
    except OSError as e:
        raise CommandError(f"cannot write {path}: {e.strerror}") from e
    print(f"wrote the contact sheet {path}")


def _draw_one(builder: Any, composer: Any, text: str, png: Path, scene_path: Path | None,
              seed: int) -> Any:  # fmt: skip
    scene = builder.build(text)
    picture = composer.draw(scene, seed=seed)
    try:
        png.parent.mkdir(parents=True, exist_ok=True)
        png.write_bytes(picture.to_png())
        if scene_path is not None:
            scene_path.write_text(json.dumps(picture.scene.to_json(), ensure_ascii=False,
                                             indent=1), encoding="utf-8")  # fmt: skip
    except OSError as e:
        raise CommandError(f"cannot write {e.filename}: {e.strerror}") from e
    return picture
