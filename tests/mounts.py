"""Small file systems for the fault tests: a tiny tmpfs (a full disk) and a read-only one.

Mounting needs privileges (CI runs as root in a container); where it is refused the test is
skipped. ``chmod`` cannot stand in: root ignores permissions.
"""

import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest


def _mount(*args: str) -> bool:
    done = subprocess.run(["mount", *args], capture_output=True, text=True, check=False)
    return done.returncode == 0


@contextmanager
def tmpfs(where: Path, size: str) -> Iterator[Path]:
    """A tmpfs of ``size`` (e.g. ``4m``) mounted on ``where``; skips the test if not allowed."""
    if not sys.platform.startswith("linux"):
        pytest.skip("tmpfs is Linux's")
    where.mkdir(parents=True, exist_ok=True)
    try:
        mounted = _mount("-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(where))
    except FileNotFoundError:
        mounted = False
    if not mounted:
        pytest.skip("mounting a tmpfs is not allowed here")
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], capture_output=True, check=False)


def make_read_only(where: Path) -> None:
    """Remount the tmpfs at ``where`` read-only (as a write-protected stick)."""
    if not _mount("-o", "remount,ro", str(where)):
        pytest.skip("remounting read-only is not allowed here")


def fill_up(where: Path) -> Path:
    """Fill the file system at ``where`` to the last byte; returns the filler to delete."""
    filler = where / "filler"
    with open(filler, "wb", buffering=0) as handle:
        for size in (1 << 16, 4096, 512, 1):
            try:
                while True:
                    handle.write(b"\0" * size)
            except OSError:
                continue
    return filler
