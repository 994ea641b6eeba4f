"""The errors the storage layer raises, as values with codes; the UI and the CLI word them.

They live here, at the bottom of the house, because db raises them and db imports nothing
above it. ``relbook.core.errors`` re-exports every one of them under the same name (the very
same classes), so ``except StorageError`` and ``labels.problem_text`` work wherever the error
was raised. ``RelbookError``, ``FieldError`` and ``ValidationError`` are here too: db raises
coded field problems of its own (a backup folder that cannot be written, a missing book file),
and core's own problems use the same classes.
"""

import dataclasses
from typing import Any


@dataclasses.dataclass(frozen=True)
class FieldError:
    """One problem with one field, e.g. ``FieldError("name", "required")``."""

    field: str
    code: str
    params: dict[str, Any] = dataclasses.field(default_factory=dict)


class RelbookError(Exception):
    """Base of every error the services raise on purpose."""


class ValidationError(RelbookError):
    """Input that cannot be saved; carries every field problem found, not just the first."""

    def __init__(self, errors: list[FieldError]):
        super().__init__("; ".join(f"{e.field}: {e.code} {e.params}" for e in errors))
        self.errors = errors

    @classmethod
    def single(cls, field_name: str, code: str, **params: Any) -> "ValidationError":
        return cls([FieldError(field_name, code, params)])


class StorageError(RelbookError):
    """The book file cannot be read or written right now; nothing was half-written.

    ``code`` is one of ``locked`` (another program holds the book), ``disk_full``,
    ``read_only`` (the file or its folder cannot be written), ``cannot_open`` (the folder or
    file is missing or cannot be created), ``io_error`` (the disk failed) and ``damaged``.
    """

    def __init__(self, code: str, path: str = "", detail: str = ""):
        super().__init__(f"{code}: {path} {detail}".strip())
        self.code = code
        self.path = path
        self.detail = detail


class BookDamaged(RelbookError):
    """The book file fails SQLite's integrity check; it is left exactly as it was.

    ``backup`` is the newest backup that passes the check, if there is one.
    """

    def __init__(self, path: str, problem: str, backup: str | None):
        super().__init__(f"damaged book {path}: {problem}")
        self.path = path
        self.problem = problem
        self.backup = backup


class BookInUse(RelbookError):
    """Another relbook process is writing this book; ``owner`` is its process id if known."""

    def __init__(self, data_dir: str, owner: int | None):
        super().__init__(f"book in use: {data_dir} (process {owner})")
        self.data_dir = data_dir
        self.owner = owner


class MigrationFailed(RelbookError):
    """Upgrading the book's schema failed and was rolled back: the file is as it was.

    ``backup`` is the copy taken before the upgrade started (None for an empty book).
    """

    def __init__(self, path: str, current: str | None, target: str, backup: str | None):
        super().__init__(f"upgrade of {path} from {current} to {target} failed")
        self.path = path
        self.current = current
        self.target = target
        self.backup = backup
