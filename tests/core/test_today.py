from datetime import datetime

from relbook.core.contact_input import ContactInput, DateInput
from relbook.core.contacts import create_contact
from relbook.core.reminder_log import mark_done, pending
from relbook.core.today import today_summary


def test_today_groups_due_upcoming_and_neglected(book):
    created = datetime(2026, 9, 1, 9)
    scores = dict(score_near=5, score_future=5, score_profit=5, score_risk=1, score_strategic=5)
    with book.session() as session:
        create_contact(session, ContactInput("张三", dates=[DateInput(11, 25)]), created)
        create_contact(session, ContactInput("李四", dates=[DateInput(12, 10)]), created)
        create_contact(session, ContactInput("王五", stage="customer", **scores), created)
        create_contact(session, ContactInput("赵六", stage="customer", cadence_days=30), created)
    now = datetime(2026, 11, 23, 10)
    with book.session() as session:
        summary = today_summary(session, now)
    assert [(o.kind, o.contact_name) for o in summary.due] == [("birthday", "张三")]
    assert ("birthday", "李四") in [(o.kind, o.contact_name) for o in summary.upcoming]
    assert [(n.name, n.tier) for n in summary.neglected] == [("王五", "A"), ("赵六", None)]
    assert summary.neglected[0].days_overdue == (now.date() - created.date()).days - 14
    with book.session() as session:
        (birthday,) = [o for o in pending(session, now) if o.kind == "birthday"]
        mark_done(session, birthday, now)
    with book.session() as session:
        assert today_summary(session, now).due == []
