"""``contact.touch_due`` (revision 0006) is kept right by the database on every write."""

from datetime import datetime

from sqlalchemy import select

from relbook.core.cadence import default_cadences, due_day, effective_cadence
from relbook.core.contact_input import ContactInput
from relbook.core.contacts import (
    create_contact,
    delete_contacts,
    get_contact,
    to_input,
    update_contact,
)
from relbook.core.demo import fill_demo
from relbook.core.models import Contact
from relbook.core.settings import set_setting
from tests.conftest import NOW


def _stored_and_expected(session) -> list[tuple[int, str | None, str | None]]:
    """(id, stored due day, the day Python's cadence rules give) for every contact."""
    session.flush()
    defaults = default_cadences(session)
    rows = session.execute(
        select(
            Contact.id,
            Contact.touch_due,
            Contact.cadence_days,
            Contact.tier,
            Contact.stage,
            Contact.last_contacted_at,
            Contact.created_at,
        ).execution_options(populate_existing=True)
    ).all()
    result = []
    for contact_id, stored, own, tier, stage, last, created in rows:
        due = due_day(last, created, effective_cadence(own, tier, stage, defaults))
        result.append((contact_id, stored, due.isoformat() if due else None))
    return result


def _assert_all_right(session) -> int:
    rows = _stored_and_expected(session)
    wrong = [row for row in rows if row[1] != row[2]]
    assert wrong == []
    return len(rows)


def test_every_way_a_due_day_changes_is_followed(book):
    scores = dict(score_near=5, score_future=5, score_profit=5, score_risk=1, score_strategic=5)
    with book.session() as session:
        a = create_contact(session, ContactInput("张三", stage="customer", **scores), NOW).id
        own = create_contact(session, ContactInput("李四", cadence_days=10), NOW).id
        plain = create_contact(session, ContactInput("王五"), NOW).id
        _assert_all_right(session)
        stored = dict(session.execute(select(Contact.id, Contact.touch_due)).all())
        assert stored[a] == "2026-12-07"  # tier A: 14 days from when they were added
        assert stored[own] == "2026-12-03"
    with book.session() as session:
        session.get(Contact, a).last_contacted_at = datetime(2026, 11, 30, 18, 5)
        data = to_input(get_contact(session, own))
        data.cadence_days = None
        update_contact(session, own, data, NOW)
        data = to_input(get_contact(session, plain))
        data.stage, data.lost_reason = "lost", "natural_drift"
        update_contact(session, plain, data, NOW)
        _assert_all_right(session)
    with book.session() as session:
        set_setting(session, "cadence.A", 7)
        set_setting(session, "cadence.C", 45)
        _assert_all_right(session)
        assert session.scalar(select(Contact.touch_due).where(Contact.id == a)) == "2026-12-07"
    with book.session() as session:
        delete_contacts(session, [own], NOW)  # the trash keeps the day; the index skips it
        assert _assert_all_right(session) == 3


def test_bulk_writes_and_a_demo_book_keep_it_right(book):
    with book.session() as session:
        fill_demo(session, 300, seed=5, now=NOW)
        assert _assert_all_right(session) == 300
        set_setting(session, "cadence.B", 21)
        _assert_all_right(session)


def test_a_contact_without_a_tier_is_watched_by_its_stage(book):
    """Issue 16: a phone book imported without tiers still shows who went quiet."""
    with book.session() as session:
        potential = create_contact(session, ContactInput("钱七"), NOW).id
        interested = create_contact(session, ContactInput("孙八", stage="interested"), NOW).id
        customer = create_contact(session, ContactInput("周九", stage="customer"), NOW).id
        lost = create_contact(
            session, ContactInput("吴十", stage="lost", lost_reason="moved_away"), NOW
        ).id
        _assert_all_right(session)
        stored = dict(session.execute(select(Contact.id, Contact.touch_due)).all())
        # never contacted: due one cadence after being added (2026-11-23)
        assert stored[potential] == "2026-12-14"  # 21 days
        assert stored[interested] == "2026-12-07"  # 14 days
        assert stored[customer] == "2026-12-23"  # 30 days
        assert stored[lost] is None
    with book.session() as session:
        set_setting(session, "cadence.stage.potential", 7)
        _assert_all_right(session)
        assert session.scalar(select(Contact.touch_due).where(Contact.id == potential)) == (
            "2026-11-30"
        )
