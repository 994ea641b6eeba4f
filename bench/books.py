"""The books measured: filled once with ``relbook demo`` and kept in bench/.cache by size.

A cached book is reused while the schema it was made with is still the newest; each
measurement works on its own copy when it writes.
"""

import os
import shutil
import subprocess
import sys
from pathlib import Path

from relbook.db import migrate

CACHE = Path(__file__).parent / ".cache"


def book_dir(contacts: int, seed: int = 7) -> Path:
    """A data folder holding a demo book of ``contacts`` contacts (made if missing)."""
    folder = CACHE / f"demo-{contacts}-seed{seed}-{migrate.head_revision()}"
    marker = folder / "complete"
    if marker.exists():
        return folder
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    subprocess.run(
        [
            sys.executable,
            "-m",
            "relbook",
            "--data-dir",
            str(folder),
            "demo",
            "--contacts",
            str(contacts),
            "--seed",
            str(seed),
        ],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    # the new 250 MB file is still being written out to the disk for a while; measurements
    # taken meanwhile came out 10-25 % slower, so wait for it here
    if hasattr(os, "sync"):
        os.sync()
    marker.write_text("ok\n")
    return folder


def scratch_copy(source: Path, target: Path) -> Path:
    """A copy of a data folder's book for work that writes (imports, say)."""
    target.mkdir(parents=True, exist_ok=True)
    shutil.copy2(source / "relbook.sqlite", target / "relbook.sqlite")
    return target
