"""The words greetings are filled with: the day phrase and how a family member is related.

The wording ships in ``resources/greetings/words.json`` per language, beside the templates, so
both languages stay editable without touching code and the core stays free of Qt.
"""

import json
from datetime import date
from functools import lru_cache
from importlib import resources
from typing import Any

from relbook.core.enums import Gender

TODAY = "today"
AHEAD = "ahead"
BELATED = "belated"
TIMINGS: tuple[str, ...] = (TODAY, AHEAD, BELATED)
"""When a greeting is copied, compared with its occasion: on the day, before it, after it."""


def shipped(name: str) -> dict[str, dict[str, Any]]:
    """A file of ``resources/greetings``, read as JSON: language -> key -> value."""
    text = resources.files("relbook.resources").joinpath(f"greetings/{name}").read_text("utf-8")
    loaded: dict[str, dict[str, Any]] = json.loads(text)
    return loaded


@lru_cache(maxsize=1)
def _words() -> dict[str, dict[str, Any]]:
    return shipped("words.json")


def _language(language: str) -> dict[str, Any]:
    return _words().get(language) or _words()["en"]


def timing_of(day: date, on: date) -> str:
    """The timing form of a greeting for an occasion on ``day`` copied on ``on``."""
    if on == day:
        return TODAY
    return AHEAD if on < day else BELATED


_NAMED_DAYS = {0: "today", 1: "tomorrow", 2: "in_two_days", -1: "yesterday", -2: "two_days_ago"}


def day_phrase(language: str, day: date, on: date) -> str:
    """How ``day`` is said on ``on``: today, tomorrow, the day after tomorrow, yesterday, the
    day before yesterday, else the date (with its year when that is not ``on``'s year)."""
    words = _language(language)
    named = _NAMED_DAYS.get((day - on).days)
    if named is not None:
        return str(words["days"][named])
    months = words.get("months")
    form = words["days"]["date" if day.year == on.year else "date_with_year"]
    return str(form).format(
        year=day.year,
        month=day.month,
        month_name=months[day.month - 1] if months else day.month,
        day=day.day,
    )


def relation_phrase(language: str, relation: str, gender: str) -> str:
    """How a contact's family member is named to the contact ("您夫人", "your wife"): by the
    relation, and for those that need it by the contact's gender."""
    relations = _language(language)["relations"]
    wording = relations.get(relation) or relations["other"]
    if isinstance(wording, dict):
        return str(wording.get(gender) or wording[Gender.UNKNOWN.value])
    return str(wording)
