"""Property: every occurrence lies in the asked range and maps back to the stored date."""

import calendar
from datetime import date, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from relbook.core.calendar import lunar_month_days, solar_to_lunar
from relbook.core.contact_input import ContactInput, DateInput
from relbook.core.contacts import create_contact, delete_contacts, purge_contacts
from relbook.core.reminders import occurrences
from relbook.db.book import open_book

NOW = datetime(2026, 11, 23, 10)


@pytest.fixture(scope="module")
def shared_book(tmp_path_factory):
    opened = open_book(tmp_path_factory.mktemp("property"), now=NOW)
    yield opened
    opened.close()


stored_dates = st.one_of(
    st.builds(
        lambda m, d, y: DateInput(m, d, y, calendar="solar"),
        st.integers(1, 12),
        st.integers(1, 31),
        st.one_of(st.none(), st.integers(1950, 2020)),
    )
    .filter(lambda d: d.day <= (29 if d.month == 2 else 30 if d.month in (4, 6, 9, 11) else 31))
    .filter(lambda d: (d.month, d.day) != (2, 29) or d.year is None or calendar.isleap(d.year)),
    st.builds(
        lambda m, d, leap: DateInput(m, d, None, calendar="lunar", leap=leap),
        st.integers(1, 12),
        st.integers(1, 30),
        st.booleans(),
    ),
)


@settings(max_examples=60, deadline=None)
@given(
    stored=stored_dates,
    start=st.dates(min_value=date(2000, 1, 1), max_value=date(2080, 12, 31)),
    span=st.integers(0, 400),
)
def test_occurrences_lie_in_range_and_map_back(shared_book, stored, start, span):
    end = start + timedelta(days=span)
    with shared_book.session() as session:
        contact_id = create_contact(session, ContactInput("测试", dates=[stored]), NOW).id
        found = [
            o
            for o in occurrences(session, start, end)
            if o.contact_id == contact_id and o.kind != "stay_in_touch"
        ]
        delete_contacts(session, [contact_id], NOW)
        purge_contacts(session, [contact_id])
    for occurrence in found:
        assert start <= occurrence.date <= end
        day = occurrence.date
        if stored.calendar == "solar":
            assert day.month == stored.month
            assert day.day == stored.day or (stored.month, stored.day, day.day) == (2, 29, 28)
            assert stored.year is None or day.year >= stored.year
        else:
            lunar = solar_to_lunar(day)
            assert not lunar.leap and lunar.month == stored.month
            assert lunar.day == min(stored.day, lunar_month_days(lunar.year, stored.month))
    # a yearly date is kept once a year: a range of a full year or more always holds it (a
    # lunar year with a leap month lasts up to 385 days)
    if span >= (385 if stored.calendar == "lunar" else 366) and (
        stored.calendar == "lunar" or stored.year is None
    ):
        assert found
