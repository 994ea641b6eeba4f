"""Errors as values: a code and parameters, rendered into words by the UI or the CLI."""

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class FieldError:
    """One problem with one field, e.g. ``FieldError("name", "required")``."""

    field: str
    code: str
    params: dict[str, Any] = field(default_factory=dict)


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


class NotFoundError(RelbookError):
    """No contact (or other record) answers to the given id or name."""

    def __init__(self, what: str, key: str):
        super().__init__(f"{what} not found: {key}")
        self.what = what
        self.key = key


class AmbiguousError(RelbookError):
    """A name matches several records; ``candidates`` holds (id, label) pairs."""

    def __init__(self, key: str, candidates: list[tuple[int, str]]):
        super().__init__(f"{key!r} matches {len(candidates)} records")
        self.key = key
        self.candidates = candidates


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
