"""The shape of the package: imports run one way, modules and functions stay short.

The pipeline's stages import only earlier stages (docs/architecture.md)::

    audio -> asr -> language -> imaging -> store -> session -> server

The core (``scene``, ``events``, ``config``, ``errors``, ``stage``) is used by all and
imports no stage. The composition roots (``factory``, ``cli``, ``bench``, ``testing``,
``cluster``) may import anything, and nothing in a stage or the core imports them; ``bench``
does not import ``cli`` either (``cli`` loads ``bench``). Lazy imports inside functions and
``TYPE_CHECKING`` blocks count the same as the others.
"""

from __future__ import annotations

import ast
import functools
from dataclasses import dataclass
from pathlib import Path

import pytest

PACKAGE = Path(__file__).parents[1] / "src" / "speech2image"

STAGES = ("audio", "asr", "language", "imaging", "store", "session", "server")
"""The stages in pipeline order; each may import those before it."""
SHELL = dict.fromkeys(
    ("session", "session_jobs", "session_options", "workers", "drafts", "fragments", "subscribers"),
    "session",
)
"""Top-level modules of the async shell, which wires the stages for the server."""
CORE = frozenset({"scene", "events", "config", "errors", "stage", "__init__"})
ROOTS = frozenset({"factory", "cli", "bench", "testing", "cluster", "__main__"})

KNOWN_IMPORTS: frozenset[tuple[str, str]] = frozenset()
"""Imports allowed against the arrows, each with its reason; none now."""

MAX_MODULE_LINES = 400
MAX_FUNCTION_LINES = 60
KNOWN_LONG: frozenset[str] = frozenset()
"""Files allowed past the limits, each with its reason; none now."""


@dataclass(frozen=True)
class Import:
    importer: str
    imported: str
    line: int


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


@functools.cache
def _imports(path: Path) -> list[Import]:
    """Every ``speech2image`` import of one file, lazy ones included."""
    name = _module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    return _imports_in(path.read_text(encoding="utf-8"), name, package)


def _imports_in(code: str, name: str, package: str) -> list[Import]:
    found = []
    for node in ast.walk(ast.parse(code)):
        targets: list[str] = []
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, *([base] if base else [])])
            # ``from speech2image import cli`` imports the module ``speech2image.cli``.
            targets = [f"{base}.{alias.name}" for alias in node.names] + [base]
        found += [Import(name, t, node.lineno) for t in targets if t.startswith("speech2image.")]
    return found


def _part(module: str) -> str:
    """The top-level part of the package a module belongs to (``asr``, ``session``, ...)."""
    top = module.split(".")[1] if "." in module else "__init__"
    return SHELL.get(top, top)


def _allowed(importer: str, imported: str) -> bool:
    source, target = _part(importer), _part(imported)
    if source == target or target == "__version__":
        return True
    if source == "bench" and target == "cli":
        return False  # cli loads bench: the other way round would be a cycle
    if source in ROOTS:
        return True
    if target in ROOTS:
        return False  # nothing but a root knows the roots
    if target in CORE:
        return source in CORE or source in STAGES
    if source in CORE or source not in STAGES or target not in STAGES:
        return False  # an unplaced part fails test_every_part_is_placed too
    return STAGES.index(target) < STAGES.index(source)


def _sources() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def test_every_part_is_placed() -> None:
    parts = {_part(_module_name(path)) for path in _sources()}
    assert parts <= set(STAGES) | CORE | ROOTS


def test_imports_run_one_way() -> None:
    wrong = [
        f"{i.importer}:{i.line} imports {i.imported}"
        for path in _sources()
        for i in _imports(path)
        if not _allowed(i.importer, i.imported)
        and not any(i.importer == a and i.imported.startswith(b) for a, b in KNOWN_IMPORTS)
    ]
    assert not wrong, "\n".join(wrong)


def test_the_known_wrong_imports_are_still_there() -> None:
    """An entry of KNOWN_IMPORTS that was fixed must leave the list."""
    seen = {(i.importer, i.imported) for path in _sources() for i in _imports(path)}
    stale = [
        pair
        for pair in KNOWN_IMPORTS
        if not any(a == pair[0] and b.startswith(pair[1]) for a, b in seen)
    ]
    assert not stale


@pytest.mark.parametrize(
    ("importer", "imported", "allowed"),
    [
        ("speech2image.asr.whisper", "speech2image.audio.vad", True),
        ("speech2image.audio.decode", "speech2image.asr.models", False),
        ("speech2image.imaging.compose.layout", "speech2image.language.parse", True),
        ("speech2image.language.parse", "speech2image.imaging.compose", False),
        ("speech2image.store.db", "speech2image.server.app", False),
        ("speech2image.server.live", "speech2image.session", True),
        ("speech2image.session", "speech2image.server.live", False),
        ("speech2image.asr.streaming", "speech2image.events", True),
        ("speech2image.events", "speech2image.asr.streaming", False),
        ("speech2image.imaging.engine", "speech2image.testing", False),
        ("speech2image.server.app", "speech2image.factory", False),
        ("speech2image.factory", "speech2image.server.app", True),
        ("speech2image.bench.asr", "speech2image.cli", False),
        ("speech2image.cli.bench", "speech2image.bench.asr", True),
    ],
)
def test_the_rule_itself(importer: str, imported: str, allowed: bool) -> None:
    assert _allowed(importer, imported) is allowed


def test_lazy_and_relative_imports_are_seen() -> None:
    code = (
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n    import speech2image.store.db\n"
        "def f():\n    from ..imaging import engine\n    from . import policy\n"
    )
    found = {i.imported for i in _imports_in(code, "speech2image.asr.example", "speech2image.asr")}
    assert {"speech2image.imaging.engine", "speech2image.asr.policy"} <= found
    assert "speech2image.store.db" in found
    assert not _allowed("speech2image.asr.example", "speech2image.imaging.engine")


def _long_parts(path: Path) -> list[str]:
    text = path.read_text(encoding="utf-8")
    found = []
    lines = len(text.splitlines())
    if lines > MAX_MODULE_LINES:
        found.append(f"{path.relative_to(PACKAGE)}: {lines} lines")
    for node in ast.walk(ast.parse(text)):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            length = (node.end_lineno or node.lineno) - node.lineno + 1
            if length > MAX_FUNCTION_LINES:
                found.append(f"{path.relative_to(PACKAGE)}:{node.lineno} {node.name}: {length}")
    return found


def test_modules_and_functions_are_short() -> None:
    long = [
        part
        for path in _sources()
        if str(path.relative_to(PACKAGE)) not in KNOWN_LONG
        for part in _long_parts(path)
    ]
    assert not long, "\n".join(long)
