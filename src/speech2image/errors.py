"""Errors shared by the composition roots (the CLI, the benchmarks, the cluster).

They live in the core so that ``bench`` and ``cli`` both use them without importing each
other: ``cli`` loads ``bench`` to register its subcommands, and ``bench`` only needs the
error type.
"""

from __future__ import annotations


class CommandError(Exception):
    """A problem the user can fix; the CLI prints it as one line on stderr and exits 2."""


__all__ = ["CommandError"]
