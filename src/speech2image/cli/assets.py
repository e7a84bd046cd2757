"""``speech2image assets install|list``: the clip-art packs the composer draws from."""

from __future__ import annotations

import argparse
import time
from typing import Any

from speech2image.cli import CommandError
from speech2image.config import default_assets_dir

_PACKS = ("openmoji", "fluent", "fluent-flat", "tuxpaint", "openclipart")
"""The composer's packs (``assets.PACKS``, spelled out so that parsing the command line
imports no imaging code)."""
_NEEDED = ("openmoji", "fluent")
"""Packs that ``--pack all`` must install (the main pack and its stand-in); the others are
installed when their Debian packages are there."""


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "assets",
        help="install and list clip-art packs (OpenMoji, Fluent Emoji, Tux Paint, Open Clip Art)",
        description="OpenMoji and Microsoft's Fluent Emoji are fetched with npm; Tux Paint "
        "stamps and Open Clip Art are indexed where their Debian packages "
        "(tuxpaint-stamps-default, openclipart-svg) are installed.",
    )
    inner = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    install = inner.add_parser("install", help="install a pack and embed its annotations")
    install.add_argument(
        "--pack",
        choices=(*_PACKS, "all"),
        default="openmoji",
        help="which pack (default openmoji); 'all' installs OpenMoji and Fluent Emoji (colour) "
        "and every other pack that can be installed here",
    )
    install.add_argument(
        "--no-embed",
        action="store_true",
        help="skip computing the annotation embeddings (they are computed on first use)",
    )
    install.set_defaults(handler=_install)
    listing = inner.add_parser("list", help="list installed packs")
    listing.set_defaults(handler=_list)
    parser.set_defaults(handler=_list)


def _install(args: argparse.Namespace) -> int:
    from speech2image.imaging.compose.assets import INSTALLERS, PACKS, AssetsMissingError

    assets_dir = default_assets_dir()
    packs = PACKS if args.pack == "all" else (args.pack,)
    failures = []
    for pack in packs:
        start = time.perf_counter()
        try:
            folder = INSTALLERS[pack](assets_dir)
            if not args.no_embed:
                from speech2image.imaging.compose.matching import ensure_pack_embeddings

                ensure_pack_embeddings(assets_dir, pack)
        except AssetsMissingError as e:
            if args.pack != "all" or pack in _NEEDED:
                raise CommandError(str(e)) from e
            failures.append(f"{pack}: {e}")
            continue
        print(f"{pack}: ready in {folder} ({time.perf_counter() - start:.1f} s)")
    for failure in failures:
        print(f"skipped {failure}")
    return 0


def _list(args: argparse.Namespace) -> int:
    from speech2image.imaging.compose.assets import PACKS, iter_installed

    assets_dir = default_assets_dir()
    installed = dict(iter_installed(assets_dir))
    for pack in PACKS:
        state = f"{installed[pack]} assets" if pack in installed else "not installed"
        print(f"{pack:12s} {state}")
    print(f"assets folder: {assets_dir}")
    return 0
