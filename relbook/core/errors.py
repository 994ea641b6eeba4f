"""Errors as values: a code and parameters, rendered into words by the UI or the CLI.

The storage errors and the shared bases (``RelbookError``, ``FieldError``,
``ValidationError``) are defined in ``relbook.db.errors``, because db raises them and must not
import core; they are re-exported here unchanged (the same classes), so callers above db keep
importing every error from this one module.
"""

from relbook.db.errors import (
    BookDamaged,
    BookInUse,
    FieldError,
    MigrationFailed,
    RelbookError,
    StorageError,
    ValidationError,
)

__all__ = [
    "AmbiguousError",
    "BookDamaged",
    "BookInUse",
    "FieldError",
    "MigrationFailed",
    "NotFoundError",
    "RelbookError",
    "StorageError",
    "ValidationError",
]


class NotFoundError(RelbookError):
    """No contact (or other record) answers to the given id or name."""

    def __init__(self, what: str, key: str):
        super().__init__(f"{what} not found: {key}")
        self.what = what
        self.key = key


class AmbiguousError(RelbookError):
    """A name matches several records; ``candidates`` holds (id, label) pairs."""

    def __init__(self, key: str, candidates: list[tuple[int, str]], what: str = "contact"):
        super().__init__(f"{key!r} matches {len(candidates)} records")
        self.key = key
        self.candidates = candidates
        self.what = what
