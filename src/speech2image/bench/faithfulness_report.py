"""What ``speech2image bench faithfulness`` prints: a table per set, its failures, a sheet."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from speech2image.bench.faithfulness_run import SetRun, failures, figures, to_json
from speech2image.bench.sheet import SheetItem, write_sheet


def _share(value: float | None) -> str:
    return "-" if value is None else f"{100 * value:.1f}%"


def table_rows(summary: dict[str, Any]) -> list[tuple[str, str, str]]:
    """``(figure, value, out of)`` rows of a set's table."""
    cases = summary["cases"]
    rows = [("sentences right", _share(summary["right"]), f"{cases} sentences")]
    if summary["junk"] is not None:
        rows.append(("junk objects", _share(summary["junk"]),
                     f"{summary['drawn_objects']} drawn"))  # fmt: skip
    rows.append(("stand-in clip art", _share(summary["fallback"]),
                 f"{summary['drawn_objects']} drawn"))  # fmt: skip
    if summary["atoms"] is not None:
        rows.append(("atoms right", _share(summary["atoms"]), f"{summary['atom_count']} atoms"))
    for skill, figure in summary["skills"].items():
        rows.append((skill, _share(figure["share"]), f"{figure['checks']} checks"))
    if summary["errors"]:
        rows.append(("errors", str(summary["errors"]), f"{cases} sentences"))
    p50, p95 = summary["compose_p50_ms"], summary["compose_p95_ms"]
    if p95 is not None:
        rows.append(("compose p50 / p95", f"{p50:.0f} / {p95:.0f} ms", "per picture"))
    return rows


def show(run: SetRun, limit: int, *, as_json: bool = False) -> None:
    """Print a set's figures (a rich table, or one JSON line) and its first failures."""
    if as_json:
        print(to_json(run, limit))
        return
    from rich.console import Console
    from rich.table import Table

    console = Console()
    held_out = " (held out: never tune against it)" if "holdout" in run.name else ""
    table = Table(title=f"faithfulness: {run.name}{held_out}")
    table.add_column("figure")
    table.add_column("value", justify="right")
    table.add_column("out of", justify="right")
    for row in table_rows(figures(run)):
        table.add_row(*row)
    console.print(table)
    for failure in failures(run, limit):
        label = f"{failure['id']} " if failure["id"] else ""
        console.print(f"[bold]{label}[/bold]{failure['text']}", highlight=False, markup=True)
        console.print("    " + "; ".join(failure["why"]), highlight=False, markup=False)


@contextlib.contextmanager
def progress_bar(name: str) -> Iterator[Callable[[int, int], None]]:
    """A progress bar on stderr (gone when done) for scoring the set ``name``."""
    from rich.console import Console
    from rich.progress import Progress

    with Progress(console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task(f"scoring {name}", total=None)

        def advance(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

        yield advance


def sheet_path(path: Path, name: str, *, several: bool) -> Path:
    """``FILE.png``, or ``FILE-SET.png`` when several sets are scored."""
    return path.with_name(f"{path.stem}-{name}{path.suffix or '.png'}") if several else path


def write_run_sheet(run: SetRun, path: Path) -> Path:
    """A contact sheet of a set's pictures, framed green (right) or red (wrong)."""
    items = [
        SheetItem(image=thumb, caption=verdict.text, correct=verdict.correct)
        for verdict, thumb in zip(run.verdicts, run.thumbnails, strict=True)
    ]
    return write_sheet(items, path, columns=10)
