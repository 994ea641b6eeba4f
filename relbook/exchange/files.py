"""Reading and writing exchange files, with errors that name the file."""

import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any, BinaryIO

from relbook.core.errors import ValidationError


def file_error(code: str, filename: str, **params: Any) -> ValidationError:
    """A whole-file error worded by ``labels.error_text`` (field ``file``, value the name)."""
    return ValidationError.single("file", code, value=filename, **params)


def read_file(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as problem:
        raise file_error("cannot_read", str(path), reason=_reason(problem)) from problem


def write_atomic(path: Path, write: Callable[[BinaryIO], object]) -> None:
    """Write beside ``path`` and rename over it, so a failure never leaves half a file."""
    try:
        _write_then_replace(path, write)
    except OSError as problem:
        raise file_error("cannot_write", str(path), reason=_reason(problem)) from problem


def _write_then_replace(path: Path, write: Callable[[BinaryIO], object]) -> None:
    descriptor, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with open(descriptor, "wb") as handle:
            write(handle)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(name, path)
    except BaseException:
        Path(name).unlink(missing_ok=True)
        raise


def _reason(problem: OSError) -> str:
    return problem.strerror or str(problem)
