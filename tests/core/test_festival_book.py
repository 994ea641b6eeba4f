from datetime import date

import pytest

from relbook.core.contact_input import ContactInput
from relbook.core.contacts import create_contact
from relbook.core.errors import ValidationError
from relbook.core.festival_book import (
    FestivalInput,
    add_festival,
    list_festivals,
    remove_festival,
    update_festival,
)
from relbook.core.reminders import occurrences


def test_add_a_custom_festival_for_tagged_contacts(book, now):
    with book.session() as session:
        create_contact(session, ContactInput("甲", tags=["车主"]), now)
        create_contact(session, ContactInput("乙"), now)
        festival_id = add_festival(
            session,
            FestivalInput("solar", 11, 11, name="双十一答谢", tiers=(), stages=(), tags=("车主",)),
        )
    with book.session() as session:
        found = [o for o in occurrences(session, date(2027, 11, 11), date(2027, 11, 11))]
        assert [(o.title, o.recipients) for o in found if o.kind == "festival"] == [
            ("双十一答谢", 1)
        ]
        remove_festival(session, festival_id)
    with book.session() as session:
        assert all(r.data.name != "双十一答谢" for r in list_festivals(session))


def test_switch_off_a_built_in_festival_and_validation(book):
    with book.session() as session:
        christmas = next(r for r in list_festivals(session) if r.code == "christmas")
        christmas.data.enabled = False
        update_festival(session, christmas.id, christmas.data)
    with book.session() as session:
        assert not [
            o
            for o in occurrences(session, date(2026, 12, 25), date(2026, 12, 25))
            if o.kind == "festival"
        ]
        with pytest.raises(ValidationError) as caught:
            add_festival(session, FestivalInput("lunar", 2, 31, name="x"))
        assert caught.value.errors[0].code == "lunar_day_out_of_range"
        with pytest.raises(ValidationError):
            add_festival(session, FestivalInput("solar", 5, 20))
