"""Reminders for the coming year, and the Today view's refresh.

Reminders: ``agenda(book.session, today, today + 364 days)``, every kind (birthdays, family
birthdays, special dates, festivals, follow-ups, tasks, expiries, stay in touch) counted and
its first occasion read, as ``relbook reminders`` starts printing; beside a floor that only
reads every birthday and special date row with its owner's name in one plain query. Reported
too: ``occurrences`` for the same range, every occasion built at once. Today:
``TodayView.refresh_now`` offscreen (``today_summary`` and filling the three lists), with
``today_summary`` alone reported beside it.
"""

from datetime import date, datetime, timedelta

from bench.context import Context
from bench.figures import Figure, median, spread, timed
from bench.live import freeze_as_the_app_does, open_live_book, qt_app, raw_connection, thaw
from relbook.core.agenda import agenda
from relbook.core.reminders import occurrences
from relbook.core.today import today_summary
from relbook.ui.today_view import TodayView
from relbook.ui.worker import JobRunner

REMINDERS_TARGET_MS = 200.0
TODAY_TARGET_MS = 150.0
FLOOR_SQL = """
SELECT sd.id, sd.kind, sd.label, sd.calendar, sd.year, sd.month, sd.day, sd.is_leap_month,
       sd.recurrence, c.id, c.name, fm.name
FROM special_date sd
LEFT JOIN family_member fm ON fm.id = sd.family_member_id
JOIN contact c ON c.id = coalesce(sd.contact_id, fm.contact_id)
WHERE c.deleted_at IS NULL
"""


def measure(context: Context) -> list[Figure]:
    qt_app()
    book = open_live_book(context)
    floor_db = raw_connection(context)
    runner = JobRunner()
    today = date.today()
    now = datetime.now()
    try:

        def year_ahead() -> int:
            ahead = agenda(book.session, today, today + timedelta(days=364))
            if len(ahead):
                ahead[0]  # the first day read, as a list or ``relbook reminders`` shows it
            return len(ahead)

        def year_built() -> int:
            with book.session() as session:
                return len(occurrences(session, today, today + timedelta(days=364)))

        def summary() -> object:
            with book.session() as session:
                return today_summary(session, now)

        def floor() -> int:
            return len(floor_db.execute(FLOOR_SQL).fetchall())

        view = TodayView(book, runner, clock=lambda: now)
        view.resize(1400, 860)
        view.show()
        freeze_as_the_app_does()
        found, rows = year_ahead(), floor()  # one unmeasured run each: caches warm alike
        reminder_ms = timed(year_ahead, context.repeat)
        floor_ms = timed(floor, context.repeat)
        built = year_built()
        built_ms = timed(year_built, min(context.repeat, 3))
        summary()
        summary_ms = timed(summary, context.repeat)
        view.refresh_now()
        view_ms = timed(view.refresh_now, context.repeat)
        shown = view.title.text()
        view.close()
    finally:
        thaw()
        runner.shutdown()
        floor_db.close()
        book.close()
    value = median(reminder_ms)
    today_value = median(view_ms)
    return [
        Figure(
            "reminders for the next 365 days (all kinds)",
            value,
            "ms",
            target=f"<= {REMINDERS_TARGET_MS:g} ms",
            passed=value <= REMINDERS_TARGET_MS,
            floor_name="raw SQL scan of birthdays and special dates",
            floor=median(floor_ms),
            spread=spread(reminder_ms),
            runs=len(reminder_ms),
            notes=f"{found:,} occurrences; the floor reads {rows:,} date rows",
        ),
        Figure(
            "reminders for the next 365 days, every one built at once",
            median(built_ms),
            "ms",
            floor_name="raw SQL scan of birthdays and special dates",
            floor=median(floor_ms),
            spread=spread(built_ms),
            runs=len(built_ms),
            notes=f"occurrences(): {built:,} Occurrence objects in one list",
        ),
        Figure(
            "Today view refresh (summary and lists filled)",
            today_value,
            "ms",
            target=f"<= {TODAY_TARGET_MS:g} ms",
            passed=today_value <= TODAY_TARGET_MS,
            spread=spread(view_ms),
            runs=len(view_ms),
            notes=f"today_summary alone {median(summary_ms):.1f} ms; {shown}",
        ),
    ]
