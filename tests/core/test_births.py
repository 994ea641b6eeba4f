"""Nobody is born after today, and nobody's birthday is kept before they were born."""

from datetime import date, datetime

import pytest

from relbook.core.agenda import agenda
from relbook.core.calendar import lunar_to_solar
from relbook.core.contact_input import ContactInput, DateInput, FamilyInput
from relbook.core.contacts import (
    count_contacts,
    create_contact,
    get_contact,
    to_input,
    update_contact,
)
from relbook.core.enums import CalendarKind, DateKind
from relbook.core.errors import FieldError, ValidationError
from relbook.core.reminders import occurrences
from relbook.core.validation import validate_contact
from relbook.words import labels

TODAY = date(2026, 11, 23)  # lunar 2026-10-15
LUNAR = CalendarKind.LUNAR


def _with_birthday(birthday: DateInput) -> ContactInput:
    return ContactInput("张三", dates=[birthday])


def _with_family_birthday(birthday: DateInput) -> ContactInput:
    return ContactInput("张三", family=[FamilyInput("张小宝", "child", dates=[birthday])])


@pytest.mark.parametrize(
    ("data", "field", "shown"),
    [
        (_with_birthday(DateInput(11, 24, 2026)), "birthday", "2026-11-24"),
        (_with_birthday(DateInput(1, 1, 2030)), "birthday", "2030-01-01"),
        # lunar 2026-10-16 is solar 2026-11-24
        (_with_birthday(DateInput(10, 16, 2026, LUNAR)), "birthday", "2026-10-16"),
        # lunar year 2026 is this year, but its 12th month falls in January 2027
        (_with_birthday(DateInput(12, 10, 2026, LUNAR)), "birthday", "2026-12-10"),
        (_with_family_birthday(DateInput(3, 1, 2027)), "family", "2027-03-01"),
        (_with_family_birthday(DateInput(12, 1, 2026, LUNAR)), "family", "2026-12-01"),
    ],
)
def test_a_birth_after_today_is_refused_naming_its_field(data, field, shown) -> None:
    calendar = data.dates[0].calendar if data.dates else data.family[0].dates[0].calendar
    assert validate_contact(data, TODAY) == [
        FieldError(field, "born_in_future", {"value": shown, "calendar": calendar})
    ]


@pytest.mark.parametrize(
    "data",
    [
        _with_birthday(DateInput(11, 23, 2026)),  # born today
        _with_birthday(DateInput(10, 15, 2026, LUNAR)),  # lunar today
        _with_birthday(DateInput(12, 31)),  # --12-31: no year, no birth day to refuse
        _with_birthday(DateInput(12, 10, None, LUNAR)),
        _with_family_birthday(DateInput(11, 23, 2026)),
        ContactInput("张三", dates=[DateInput(5, 1, 2027, kind=DateKind.WEDDING)]),
        ContactInput("张三", family=[FamilyInput("张小宝", dates=[])]),
    ],
)
def test_births_up_to_today_and_other_days_to_come_are_fine(data) -> None:
    assert validate_contact(data, TODAY) == []


def test_the_message_names_the_field_and_the_day() -> None:
    error = FieldError("birthday", "born_in_future", {"value": "2030-01-01", "calendar": "solar"})
    assert labels.error_text(error) == (
        "Birthday: 2030-01-01 is after today; nobody can be born on a day still to come."
    )
    family = FieldError("family", "born_in_future", {"value": "2026-12-10", "calendar": "lunar"})
    assert labels.error_text(family).startswith("Family members: Lunar 2026-12-10 is after today")


def test_the_services_refuse_a_future_birth_and_save_nothing(book) -> None:
    now = datetime.combine(TODAY, datetime.min.time().replace(hour=10))
    with book.session() as session, pytest.raises(ValidationError) as refused:
        create_contact(session, _with_birthday(DateInput(12, 10, 2026, LUNAR)), now)
    assert [(e.field, e.code) for e in refused.value.errors] == [("birthday", "born_in_future")]
    with book.session() as session:
        assert count_contacts(session) == 0
        contact_id = create_contact(session, ContactInput("李四"), now).id
    with book.session() as session, pytest.raises(ValidationError):
        data = to_input(get_contact(session, contact_id))
        data.family = [FamilyInput("李小宝", "child", dates=[DateInput(1, 1, 2027)])]
        update_contact(session, contact_id, data, now)
    with book.session() as session:
        assert to_input(get_contact(session, contact_id)).family == []


def test_a_lunar_birthday_is_never_kept_before_the_birth(book, now) -> None:
    """Born lunar 2025-12-10, in January 2026: the lunar 12-10 of January 2025 (lunar 2024)
    is a year before the birth, though its solar year is the birth's lunar year."""
    born = lunar_to_solar(2025, 12, 10)
    assert born == date(2026, 1, 28)
    with book.session() as session:
        create_contact(session, _with_birthday(DateInput(12, 10, 2025, LUNAR)), now)
    start, end = date(2025, 1, 1), date(2027, 12, 31)
    with book.session() as session:
        found = [o for o in occurrences(session, start, end) if o.kind == "birthday"]
    assert [(o.date, o.details["age"]) for o in found] == [
        (born, 0),
        (lunar_to_solar(2026, 12, 10), 1),
    ]
    by_day = agenda(book.session, start, end)
    assert [o for o in by_day if o.kind == "birthday"] == found
    assert by_day.on(date(2025, 1, 9)) == []
