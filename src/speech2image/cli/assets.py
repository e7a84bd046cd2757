"""``speech2image assets install|list``: the clip-art packs the composer draws from."""

from __future__ import annotations

import argparse
import time
from pathlib import Path
from typing import Any

from speech2image.cli import CommandError
from speech2image.config import default_assets_dir

_PACKS = ("openmoji", "fluent", "fluent-flat", "tuxpaint", "openclipart")
"""The composer's packs (``assets.PACKS``, spelled out so that parsing the command line
imports no imaging code)."""
_NEEDED = ("openmoji", "fluent")
"""Packs that ``--pack all`` must install (the main pack and its stand-in); the others are
installed when their Debian packages are there."""
_GLOSSARY = "cldr"
"""Not clip art: Unicode CLDR's names of every emoji in every language, the glossary through
which things said in another language are drawn (:mod:`speech2image.language.glossary`)."""


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
        choices=(*_PACKS, _GLOSSARY, "all"),
        default="openmoji",
        help="which pack (default openmoji); 'cldr' is the glossary of emoji names in every "
        "language; 'all' installs OpenMoji, Fluent Emoji (colour), the glossary and every "
        "other pack that can be installed here",
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
    if args.pack in (_GLOSSARY, "all"):
        _install_glossary(assets_dir)
        if args.pack == _GLOSSARY:
            return 0
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


def _install_glossary(assets_dir: Path) -> None:
    from speech2image.imaging.compose.assets import AssetsMissingError
    from speech2image.imaging.compose.cldr import install_cldr
    from speech2image.language.glossary import Glossary

    start = time.perf_counter()
    try:
        folder = install_cldr(assets_dir)
    except AssetsMissingError as e:
        raise CommandError(str(e)) from e
    # Read every language once now and keep the result, so the first server after the
    # install loads them all in a fraction of a second (no cold path on a first sentence).
    Glossary(folder).warm_up(background=False)
    print(f"{_GLOSSARY}: ready in {folder} ({time.perf_counter() - start:.1f} s)")


def _list(args: argparse.Namespace) -> int:
    from speech2image.imaging.compose.assets import PACKS, iter_installed

    assets_dir = default_assets_dir()
    installed = dict(iter_installed(assets_dir))
    for pack in PACKS:
        state = f"{installed[pack]} assets" if pack in installed else "not installed"
        print(f"{pack:12s} {state}")
    from speech2image.language.glossary import GLOSSARY_FOLDER, GLOSSARY_META

    glossary = (assets_dir / GLOSSARY_FOLDER / GLOSSARY_META).is_file()
    print(f"{_GLOSSARY:12s} {'installed' if glossary else 'not installed'} (glossary)")
    print(f"assets folder: {assets_dir}")
    return 0
