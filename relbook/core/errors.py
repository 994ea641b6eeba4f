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
