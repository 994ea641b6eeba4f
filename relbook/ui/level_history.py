"""A contact's level history: one step on the ladder and how it reads."""

from datetime import date

from relbook.words import labels

LevelStep = tuple[date, int | None, int, str]
"""One line of the level history: date, from (None for the start), to, note."""


def level_change_text(old: int | None, new: int) -> str:
    """Both ends of a step on the ladder, or just the starting level of a new contact."""
    if old is None:
        return labels.level_with_number(new)
    return f"{labels.level_with_number(old)} → {labels.level_with_number(new)}"
