"""The agenda is ``occurrences`` counted by day and read a few days at a time: the same
occasions in the same order, whatever the range, the trash or the kinds of date."""

from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import update

from relbook.core import agenda as agenda_module
from relbook.core.agenda import agenda
from relbook.core.contact_input import ContactInput, DateInput, FamilyInput
from relbook.core.contacts import create_contact, delete_contacts
from relbook.core.demo import fill_demo
from relbook.core.enums import CalendarKind, DateKind, Recurrence
from relbook.core.expiries import add_expiry
from relbook.core.models import FestivalRow
from relbook.core.reminders import occurrences
from relbook.core.tasks import add_task

NOW = datetime(2026, 11, 23, 10)


@pytest.fixture
def busy_book(book):
    """A demo book with what the demo lacks: dates that happen once, dates from next year on,
    lunar and leap-month dates, family in the trash, tasks, expiries."""
    with book.session() as session:
        fill_demo(session, 300, 5, NOW)
        odd = create_contact(
            session,
            ContactInput(
                "周一次",
                dates=[
                    DateInput(3, 8, 2027, kind=DateKind.WEDDING, recurrence=Recurrence.ONCE),
                    DateInput(
                        5, 20, 2025, kind=DateKind.CUSTOM, recurrence=Recurrence.ONCE, label="开业"
                    ),
                    DateInput(9, 9, 2027, kind=DateKind.FOUNDING),  # yearly from next year
                    DateInput(4, 12, 1980, calendar=CalendarKind.LUNAR),
                    DateInput(
                        6,
                        2,
                        2025,
                        calendar=CalendarKind.LUNAR,
                        leap=True,
                        kind=DateKind.CUSTOM,
                        label="闰月纪念",
                    ),
                ],
                family=[FamilyInput("周小一", dates=[DateInput(1, 15, 2015)])],
            ),
            NOW,
        ).id
        gone = create_contact(
            session,
            ContactInput(
                "吴已删",
                dates=[
                    DateInput(12, 25, 1990),
                    DateInput(7, 1, 2027, recurrence=Recurrence.ONCE, kind=DateKind.WEDDING),
                ],
                family=[FamilyInput("吴小删", dates=[DateInput(2, 2, 2010)])],
            ),
            NOW,
        ).id
        add_task(session, "回访", datetime(2026, 11, 1, 9), NOW, odd, has_time=True)
        add_task(session, "寄资料", datetime(2027, 2, 1), NOW, odd)
        add_expiry(session, odd, "policy", date(2027, 4, 30), NOW, "车险")
    with book.session() as session:
        delete_contacts(session, [gone], NOW)
    return book


@pytest.mark.parametrize(
    ("start", "days"),
    [(date(2026, 11, 23), 365), (date(2027, 1, 1), 31), (date(2026, 12, 24), 1)],
)
def test_the_agenda_is_occurrences_read_by_day(busy_book, start, days):
    end = start + timedelta(days=days - 1)
    with busy_book.session() as session:
        expected = occurrences(session, start, end)
    found = agenda(busy_book.session, start, end)
    assert len(found) == len(expected) > 0
    assert list(found) == expected
    assert sum(count for _day, count in found.days()) == len(expected)
    for day, count in found.days():
        assert len(found.on(day)) == count
        assert all(o.date == day for o in found.on(day))
    assert found[0] == expected[0] and found[-1] == expected[-1]
    middle = len(expected) // 2
    assert found[middle : middle + 5] == expected[middle : middle + 5]


def test_small_blocks_read_the_same(busy_book, monkeypatch):
    monkeypatch.setattr(agenda_module, "BLOCK", 7)
    monkeypatch.setattr(agenda_module, "BLOCKS_KEPT", 2)
    start, end = date(2026, 11, 23), date(2027, 11, 22)
    with busy_book.session() as session:
        expected = occurrences(session, start, end)
    found = agenda(busy_book.session, start, end)
    assert [found[i] for i in range(len(found) - 1, -1, -97)] == expected[::-97]
    assert list(found) == expected


def test_the_once_and_future_dates_count_only_on_their_days(busy_book):
    found = agenda(busy_book.session, date(2026, 11, 23), date(2027, 11, 22))
    keys = {o.key.rsplit(":", 1)[1] for o in found if o.contact_name == "周一次"}
    assert "2027-03-08" in keys  # the wedding, once
    assert "2027-05-20" not in keys  # the opening happened in 2025
    assert "2027-09-09" in keys  # yearly from 2027
    assert not [o for o in found if o.contact_name in ("吴已删", "吴小删")]


def test_an_empty_range_and_a_book_of_festivals_only(book):
    assert len(agenda(book.session, date(2027, 1, 2), date(2027, 1, 1))) == 0
    # an empty book greets nobody, so it has no festivals either
    assert len(agenda(book.session, date(2027, 1, 1), date(2027, 12, 31))) == 0
    # one lost contact (no stay-in-touch reminders) whom every festival greets
    with book.session() as session:
        create_contact(session, ContactInput("甲", stage="lost", lost_reason="other"), NOW)
        session.execute(update(FestivalRow).values(audience_stages=""))
    festivals = agenda(book.session, date(2027, 1, 1), date(2027, 12, 31))
    assert len(festivals) > 0 and {o.kind for o in festivals} == {"festival"}
    with book.session() as session:
        assert list(festivals) == occurrences(session, date(2027, 1, 1), date(2027, 12, 31))
    with pytest.raises(IndexError):
        festivals[len(festivals)]


@pytest.mark.parametrize("start", [date(2026, 11, 24), date(2027, 1, 20), date(2027, 2, 26)])
def test_a_short_range_counted_in_sql_is_counted_alike(busy_book, start):
    """The Today view counts its coming month with ``near_date_counts``: the same counts as
    the whole-index pass, with dates once only, dates starting later and contacts in the
    trash."""
    from datetime import timedelta

    from relbook.core.reminders import date_counts, near_date_counts

    end = start + timedelta(days=29)
    with busy_book.session() as session:
        assert near_date_counts(session, start, end) == date_counts(session, start, end)
