from datetime import datetime

from relbook.core.contact_input import ContactInput, DateInput
from relbook.core.contacts import create_contact
from relbook.core.reminder_log import mark_done, pending
from relbook.core.tasks import complete_task, open_tasks
from relbook.core.today import today_summary


def test_today_groups_due_upcoming_and_neglected(book):
    created = datetime(2026, 9, 1, 9)
    scores = dict(score_near=5, score_future=5, score_profit=5, score_risk=1, score_strategic=5)
    with book.session() as session:
        create_contact(session, ContactInput("张三", dates=[DateInput(11, 25)]), created)
        create_contact(session, ContactInput("李四", dates=[DateInput(12, 10)]), created)
        customers = [
            create_contact(session, ContactInput("王五", stage="customer", **scores), created),
            create_contact(
                session, ContactInput("赵六", stage="customer", cadence_days=30), created
            ),
        ]
        for customer in customers:  # thanked for the deal long ago; silent since
            (thanks,) = open_tasks(session, customer.id)
            complete_task(session, thanks.id, created)
    now = datetime(2026, 11, 23, 10)
    with book.session() as session:
        summary = today_summary(session, now)
    assert [(o.kind, o.contact_name) for o in summary.due] == [("birthday", "张三")]
    assert ("birthday", "李四") in [(o.kind, o.contact_name) for o in summary.upcoming]
    # tier A first; then, without a tier, the longest overdue: 张三 and 李四 by their stage's
    # 21 days (potential), 赵六 by its own 30 days
    assert [(n.name, n.tier, n.cadence_days) for n in summary.neglected] == [
        ("王五", "A", 14),
        ("张三", None, 21),
        ("李四", None, 21),
        ("赵六", None, 30),
    ]
    assert summary.neglected[0].days_overdue == (now.date() - created.date()).days - 14
    with book.session() as session:
        (birthday,) = [o for o in pending(session, now) if o.kind == "birthday"]
        mark_done(session, birthday, now)
    with book.session() as session:
        assert today_summary(session, now).due == []


def _summary_as_before(session, now):
    """Today's summary worked out the plain way: every occasion of the two months around
    today, stay-in-touch included, then filtered (what ``today_summary`` must give)."""
    from datetime import timedelta

    from sqlalchemy import select

    from relbook.core.cadence import cadence_rule
    from relbook.core.models import Contact, ReminderLog
    from relbook.core.reminders import occurrences
    from relbook.core.today import NEGLECTED_LIMIT, UPCOMING_DAYS, Neglected
    from tests.core.test_reminder_log import _due_the_plain_way

    today = now.date()
    window = occurrences(session, today - timedelta(days=30), today + timedelta(days=UPCOMING_DAYS))
    done = set(session.scalars(select(ReminderLog.key).where(ReminderLog.done_at.is_not(None))))
    items = [o for o in window if o.key not in done]
    later_today = [o for o in items if o.date == today and o.at is not None and o.at > now]
    upcoming = later_today + [o for o in items if today < o.date]
    quiet = [o for o in items if o.kind == "stay_in_touch" and o.date <= today]
    contacts = {
        row[0]: row[1:]
        for row in session.execute(
            select(Contact.id, Contact.tier, Contact.cadence_days, Contact.stage)
        )
    }
    neglected = [
        Neglected(
            o.contact_id,
            o.contact_name,
            contacts[o.contact_id][0],
            (today - o.date).days,
            int(o.details.get("cadence_days") or 0),
            o.details.get("last_contacted"),
            cadence_rule(contacts[o.contact_id][1], *contacts[o.contact_id][::2]),
        )
        for o in quiet
    ]
    neglected.sort(key=lambda n: (n.tier or "Z", -n.days_overdue, n.name))
    due = [o.key for o in _due_the_plain_way(session, now)]
    return due, upcoming, neglected[:NEGLECTED_LIMIT]


def test_the_summary_is_what_all_occasions_filtered_give(book, monkeypatch):
    from datetime import timedelta

    from relbook.core import today
    from relbook.core.demo import fill_demo
    from relbook.core.reminders import occurrences

    start = datetime(2026, 11, 23, 10)
    with book.session() as session:
        fill_demo(session, 400, 11, start)
    for offset, shown in ((0, 500), (40, 25), (200, 7)):
        monkeypatch.setattr(today, "UPCOMING_SHOWN", shown)
        now = start + timedelta(days=offset)
        with book.session() as session:
            due, upcoming, neglected = _summary_as_before(session, now)
            summary = today_summary(session, now)
        assert [o.key for o in summary.due] == due
        assert summary.upcoming == upcoming[:shown]
        assert summary.upcoming_count == len(upcoming) > 7
        assert summary.neglected == neglected
        with book.session() as session:  # some handled: they must drop out alike
            for occurrence in (summary.due + upcoming)[::3]:
                mark_done(session, occurrence, now)
            quiet = [
                o for o in occurrences(session, now.date(), now.date()) if o.kind == "stay_in_touch"
            ]
            for person in neglected[::4]:
                for occurrence in quiet:
                    if occurrence.contact_id == person.contact_id:
                        mark_done(session, occurrence, now)
        with book.session() as session:
            summary = today_summary(session, now)
            due, upcoming, neglected = _summary_as_before(session, now)
            assert ([o.key for o in summary.due], summary.upcoming, summary.neglected) == (
                due,
                upcoming[:shown],
                neglected,
            )
            assert summary.upcoming_count == len(upcoming)


def test_a_follow_up_stays_due_every_day_until_it_is_done(book):
    from relbook.core.history import InteractionInput, log_interaction
    from relbook.core.tasks import add_task

    logged = datetime(2026, 11, 10, 9)
    with book.session() as session:
        contact_id = create_contact(session, ContactInput("钱七"), logged).id
        log_interaction(
            session,
            InteractionInput(
                "call", logged, [contact_id], next_step="寄方案", next_step_due=logged
            ),
            logged,
        )
        add_task(session, "回电话", datetime(2026, 11, 20, 15), logged, contact_id, has_time=True)
    for day in (10, 18, 23, 30):
        now = datetime(2026, 11, day, 12)
        with book.session() as session:
            due = [
                (o.title, o.overdue)
                for o in today_summary(session, now).due
                if o.kind == "follow_up"
            ]
        expected = [("寄方案", day > 10)] + ([("回电话", day > 20)] if day >= 20 else [])
        assert due == expected, day
    with book.session() as session:
        for occurrence in today_summary(session, now).due:
            mark_done(session, occurrence, now)
    with book.session() as session:
        assert today_summary(session, now).due == []


def test_done_keys_reads_all_done_ones_or_looks_each_up(book):
    from relbook.core.due import done_keys
    from relbook.core.models import ReminderLog

    now = datetime(2026, 11, 23, 10)
    with book.session() as session:
        for n in range(10):
            session.add(
                ReminderLog(
                    key=f"birthday:{n}:2026-12-0{n % 9 + 1}",
                    kind="birthday",
                    done_at=now if n % 2 == 0 else None,
                    updated_at=now,
                )
            )
    asked = [f"birthday:{n}:2026-12-0{n % 9 + 1}" for n in (0, 1, 2, 7)] + ["birthday:99:x"]
    with book.session() as session:
        # five done in the log: fewer than the five keys asked plus one, so read at once
        assert done_keys(session, asked) == {asked[0], asked[2]}
        # two keys asked: more done reminders than that, so each key is looked up
        assert done_keys(session, asked[:2]) == {asked[0]}
        assert done_keys(session, []) == set()
