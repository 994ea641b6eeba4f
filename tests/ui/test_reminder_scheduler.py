"""The scheduler with a controlled clock: exact times, catch-up once, never twice."""

from datetime import datetime, time

from relbook.core.contact_input import ContactInput
from relbook.core.contacts import create_contact
from relbook.core.reminder_log import snooze
from relbook.core.tasks import add_task
from relbook.db.book import open_book
from relbook.scheduler.reminder_scheduler import ReminderScheduler


class Clock:
    def __init__(self, start: datetime):
        self.now = start

    def __call__(self) -> datetime:
        return self.now


def _follow_up_at_ten(book, now):
    with book.session() as session:
        contact_id = create_contact(session, ContactInput("张三"), now).id
        add_task(session, "回电话", datetime(2026, 11, 24, 10, 0), now, contact_id, has_time=True)


def test_a_follow_up_due_at_ten_pops_up_at_ten(qtbot, book, now):
    _follow_up_at_ten(book, now)
    clock = Clock(datetime(2026, 11, 24, 9, 59))
    seen = []
    scheduler = ReminderScheduler(book, lambda report: seen.extend(report.fresh), time(9, 0), clock)
    assert scheduler.check_now() == []
    clock.now = datetime(2026, 11, 24, 10, 0)
    assert [o.title for o in scheduler.check_now()] == ["回电话"]
    assert [o.title for o in seen] == ["回电话"]
    assert scheduler.check_now() == []


def test_exact_time_jobs_are_scheduled_for_timed_follow_ups(qtbot, book, now):
    _follow_up_at_ten(book, now)
    clock = Clock(datetime(2026, 11, 24, 8, 0))
    scheduler = ReminderScheduler(book, lambda _due: None, time(9, 0), clock)
    scheduler._check()
    exact = [j for j in scheduler._scheduler.get_jobs() if j.id.startswith("exact:")]
    assert [j.trigger.run_date.replace(tzinfo=None) for j in exact] == [datetime(2026, 11, 24, 10)]


def test_snooze_hides_until_the_new_time(qtbot, book, now):
    _follow_up_at_ten(book, now)
    clock = Clock(datetime(2026, 11, 24, 10, 0))
    scheduler = ReminderScheduler(book, lambda _due: None, time(9, 0), clock)
    (due,) = scheduler.check_now()
    with book.session() as session:
        snooze(session, due, datetime(2026, 11, 24, 11, 0), clock.now)
    clock.now = datetime(2026, 11, 24, 10, 30)
    assert scheduler.check_now() == []
    clock.now = datetime(2026, 11, 24, 11, 0)
    assert [o.key for o in scheduler.check_now()] == [due.key]


def test_due_while_closed_pops_up_once_at_start_and_not_after_restart(qtbot, data_dir, now):
    book = open_book(data_dir, now=now)
    _follow_up_at_ten(book, now)
    clock = Clock(datetime(2026, 11, 25, 8, 0))  # the app was closed at 10:00 yesterday
    first = ReminderScheduler(book, lambda _due: None, time(9, 0), clock)
    assert [o.title for o in first.check_now()] == ["回电话"]
    book.close()
    reopened = open_book(data_dir, now=now)
    second = ReminderScheduler(reopened, lambda _due: None, time(9, 0), clock)
    assert second.check_now() == []
    reopened.close()


def test_wake_from_sleep_triggers_a_check(qtbot, book, now):
    _follow_up_at_ten(book, now)
    clock = Clock(datetime(2026, 11, 24, 9, 0))
    seen = []
    scheduler = ReminderScheduler(book, lambda report: seen.extend(report.fresh), time(9, 0), clock)
    scheduler._tick()
    clock.now = datetime(2026, 11, 24, 11, 30)  # slept through 10:00
    scheduler._tick()
    scheduler.deliver()
    assert [o.title for o in seen] == ["回电话"]


def test_started_scheduler_catches_up_in_the_background(qtbot, book, now):
    _follow_up_at_ten(book, now)
    clock = Clock(datetime(2026, 11, 24, 12, 0))
    seen = []
    scheduler = ReminderScheduler(book, lambda report: seen.extend(report.fresh), time(9, 0), clock)
    scheduler.start()
    try:
        assert {j.id for j in scheduler.jobs()} >= {"daily", "tick"}
        qtbot.waitUntil(lambda: [o.title for o in seen] == ["回电话"], timeout=5000)
    finally:
        scheduler.stop()
