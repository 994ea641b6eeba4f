"""Field-by-field checks of a ContactInput; every problem is reported, not just the first."""

import re
from datetime import date
from functools import cache

from relbook.core import calendar
from relbook.core.contact_input import ContactInput, DateInput
from relbook.core.enums import (
    BuyingRole,
    CalendarKind,
    CustomerLostReason,
    DateKind,
    FamilyRelation,
    Gender,
    OrgType,
    Personality,
    PhoneLabel,
    Recurrence,
    Source,
    Stage,
)
from relbook.core.errors import FieldError
from relbook.core.tiers import SCORE_FIELDS

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_PHONE = re.compile(r"^\+?[0-9 ()\-]{3,30}(\s*(ext|转|x)\s*[0-9]{1,6})?$", re.IGNORECASE)
_QQ = re.compile(r"^[1-9][0-9]{4,11}$")

MAX_LENGTHS: dict[str, int] = {
    "name": 100,
    "salutation": 40,
    "company": 200,
    "department": 200,
    "title": 200,
    "email": 200,
    "wechat": 100,
    "hometown": 200,
    "school": 200,
    "source_detail": 200,
}


@cache
def _codes(allowed: type) -> frozenset[str]:
    """The codes of an enum, gathered once: imports check many thousands of records."""
    return frozenset(member.value for member in allowed)  # type: ignore[attr-defined]


def _choice(value: str | None, allowed: type, field_name: str, optional: bool) -> list[FieldError]:
    if value is None or value == "":
        return [] if optional else [FieldError(field_name, "required")]
    if value not in _codes(allowed):
        return [FieldError(field_name, "not_a_choice", {"value": value})]
    return []


def validate_date(value: DateInput, field_name: str) -> list[FieldError]:
    errors = _choice(value.calendar, CalendarKind, field_name, optional=False)
    errors += _choice(value.kind, DateKind, field_name, optional=False)
    errors += _choice(value.recurrence, Recurrence, field_name, optional=False)
    if errors:
        return errors
    errors = calendar.validate(value.as_calendar_date(), field_name)
    if value.recurrence == Recurrence.ONCE and value.year is None:
        errors.append(FieldError(field_name, "once_needs_year"))
    if value.kind == DateKind.CUSTOM and not value.label.strip():
        errors.append(FieldError(field_name, "custom_needs_label"))
    return errors


def born_in_future(value: DateInput, today: date) -> bool:
    """Whether a birthday with a year falls after ``today``; ``value`` must be a real date.

    A lunar date counts on its solar day: lunar 2026-12-10 is born in January 2027.
    """
    if value.kind != DateKind.BIRTHDAY:
        return False
    born = calendar.to_solar(value.as_calendar_date())
    return born is not None and born > today


def _birth_date(value: DateInput, field_name: str, today: date) -> list[FieldError]:
    """``validate_date``, and for a birthday with a year: not after ``today``."""
    errors = validate_date(value, field_name)
    if not errors and born_in_future(value, today):
        shown = {"value": value.as_calendar_date().iso(), "calendar": value.calendar}
        errors.append(FieldError(field_name, "born_in_future", shown))
    return errors


def validate_contact(data: ContactInput, today: date) -> list[FieldError]:
    """All problems with ``data`` on ``today``; an empty list means it can be saved.

    ``today`` refuses births after it (the contact's birthday, ``birthday``, or a family
    member's, ``family``).
    """
    errors: list[FieldError] = []
    if not data.name.strip():
        errors.append(FieldError("name", "required"))
    for field_name, limit in MAX_LENGTHS.items():
        value = getattr(data, field_name) or ""
        if len(value) > limit:
            errors.append(FieldError(field_name, "too_long", {"max": limit}))
    errors += _choice(data.gender, Gender, "gender", optional=False)
    errors += _choice(data.org_type, OrgType, "org_type", optional=True)
    errors += _choice(data.buying_role, BuyingRole, "buying_role", optional=True)
    errors += _choice(data.source, Source, "source", optional=True)
    errors += _choice(data.stage, Stage, "stage", optional=False)
    errors += _choice(data.lost_reason, CustomerLostReason, "lost_reason", optional=True)
    errors += _choice(data.personality, Personality, "personality", optional=True)
    if not 1 <= data.level <= 5:
        errors.append(FieldError("level", "out_of_range", {"min": 1, "max": 5}))
    for name in SCORE_FIELDS:
        score = getattr(data, name)
        if score is not None and not 1 <= score <= 5:
            errors.append(FieldError(name, "out_of_range", {"min": 1, "max": 5}))
    if data.cadence_days is not None and not 1 <= data.cadence_days <= 3650:
        errors.append(FieldError("cadence_days", "out_of_range", {"min": 1, "max": 3650}))
    if data.email.strip() and not _EMAIL.match(data.email.strip()):
        errors.append(FieldError("email", "invalid_email", {"value": data.email}))
    if data.qq.strip() and not _QQ.match(data.qq.strip()):
        errors.append(FieldError("qq", "invalid_qq", {"value": data.qq}))
    for phone in data.phones:
        if not phone.number.strip():
            continue
        if not _PHONE.match(phone.number.strip()):
            errors.append(FieldError("phones", "invalid_phone", {"value": phone.number}))
        errors += _choice(phone.label, PhoneLabel, "phones", optional=False)
    for tag in data.tags:
        if len(tag.strip()) > 60:
            errors.append(FieldError("tags", "too_long", {"max": 60}))
    birthdays = [d for d in data.dates if d.kind == DateKind.BIRTHDAY]
    if len(birthdays) > 1:
        errors.append(FieldError("dates", "several_birthdays"))
    for special in data.dates:
        field_name = "birthday" if special.kind == DateKind.BIRTHDAY else "dates"
        errors += _birth_date(special, field_name, today)
    for member in data.family:
        if not member.name.strip():
            errors.append(FieldError("family", "member_needs_name"))
        errors += _choice(member.relation, FamilyRelation, "family", optional=False)
        for special in member.dates:
            errors += _birth_date(special, "family", today)
    return errors
