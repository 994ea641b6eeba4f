"""What is due now: the one list the popup, the Today view, the tray and ``relbook today`` read.

Due now means: every open follow-up, task and thank-you whose day has come (late ones stay until
done), and every other occasion whose notice has started, dated from ``LATE_DAYS`` ago on,
that is neither done nor snoozed past now. A reminder with a time of day is due from that time.
Occasions further back are no longer "due" (a contact quiet for longer is listed under "gone
quiet"), unless the user snoozed one and its time has come: it comes back whatever its age.
"""

from dataclasses import replace
from datetime import date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from relbook.core.models import ReminderLog
from relbook.core.reminders import (
    Occurrence,
    date_advance,
    date_occurrence,
    occurrences,
    open_follow_ups,
    sort_occurrences,
    special_date_parts,
    stay_in_touch_between,
    with_names,
)
from relbook.core.settings import IntKey, get_setting
from relbook.core.tasks import AFTER_DEAL_DAYS

LATE_DAYS = 3
"""A missed birthday, festival or stay-in-touch day stays due this many days: a belated
greeting is still welcome, and a laptop closed from Friday to Monday misses nothing."""
LOOK_BACK_DAYS = 30
"""How far back a snoozed reminder whose time has come is still looked for."""
EXPIRY_LOOK_AHEAD_DAYS = 366
"""Expiry notices can start up to a year before the date."""
UNTIL_DONE = frozenset({"follow_up", "after_deal"})
"""Kinds that stay due, however late, until they are done."""
KEY_CHUNK = 900
"""Keys per IN (...) query, well under SQLite's bound-parameter limit."""
ADVANCE_SETTINGS: tuple[IntKey, ...] = (
    "remind.advance.birthday",
    "remind.advance.special_date",
    "remind.advance.festival",
)


def _key_day(key: str) -> date | None:
    """The day a reminder key ends in (``birthday:12:2026-03-08``; follow-ups add a time)."""
    for part in reversed(key.split(":")):
        try:
            return date.fromisoformat(part[:10])
        except ValueError:
            continue
    return None


def _snoozes(session: Session, now: datetime) -> tuple[set[str], set[str]]:
    """Keys snoozed past ``now``, and keys snoozed until a time that has come."""
    asleep: set[str] = set()
    back: set[str] = set()
    rows = session.execute(
        select(ReminderLog.key, ReminderLog.snoozed_until).where(
            ReminderLog.done_at.is_(None), ReminderLog.snoozed_until.is_not(None)
        )
    )
    for key, until in rows:
        assert until is not None  # the query keeps snoozed reminders only
        (asleep if until > now else back).add(key)
    return asleep, back


def done_keys(session: Session, keys: list[str]) -> set[str]:
    """Those of ``keys`` whose reminder was marked done.

    When fewer reminders were ever marked done than there are keys (16,000 for a large
    book's coming month), all of them are read from their index (revision 0007) and matched
    here, instead of looking every key up.
    """
    connection = session.connection().connection.dbapi_connection
    assert connection is not None
    every_done = [
        key
        for (key,) in connection.execute(
            "SELECT key FROM reminder_log INDEXED BY ix_reminder_log_done"
            " WHERE done_at IS NOT NULL LIMIT ?",
            [len(keys) + 1],
        )
    ]
    if len(every_done) <= len(keys):
        return set(every_done).intersection(keys)
    found: set[str] = set()
    for start in range(0, len(keys), KEY_CHUNK):
        chunk = keys[start : start + KEY_CHUNK]
        marks = ",".join("?" * len(chunk))
        sql = f"SELECT key FROM reminder_log WHERE done_at IS NOT NULL AND key IN ({marks})"
        found.update(key for (key,) in connection.execute(sql, chunk))
    return found


def _has_come(occurrence: Occurrence, now: datetime) -> bool:
    """Whether a reminder's notice has started (for one with a time today: its time)."""
    if occurrence.at is not None and occurrence.date == now.date():
        return occurrence.at <= now
    return occurrence.notice_from <= now.date()


def due_now(session: Session, now: datetime) -> list[Occurrence]:
    """Every reminder due at ``now`` and not done or snoozed, sorted as ``occurrences`` sorts.

    Birthdays and special dates become ``Occurrence``s only once known to be due: a large
    book's coming days hold thousands whose notice has not started.
    """
    today = now.date()
    asleep, back = _snoozes(session, now)
    late_from = today - timedelta(days=LATE_DAYS)
    # a snoozed reminder whose time has come is due whatever its age (a month back at most)
    days_back = [day for day in map(_key_day, back) if day is not None]
    first = max(min([late_from, *days_back]), today - timedelta(days=LOOK_BACK_DAYS))
    ahead = max(get_setting(session, key) for key in ADVANCE_SETTINGS)
    parts = [
        part
        for part in special_date_parts(
            session, first, today + timedelta(days=ahead), date_advance(session), names=False
        )
        if part[5] <= today
    ]
    # festivals and expiries; open follow-ups, tasks and thank-yous by their notice day
    others = occurrences(
        session,
        first,
        today + timedelta(days=ahead),
        expiries_until=today + timedelta(days=EXPIRY_LOOK_AHEAD_DAYS),
        stay_in_touch=False,
        follow_ups=False,
        special_dates=False,
    )
    # a next step's notice starts on its due day, so those due after today cannot be due yet:
    # only tasks (thank-yous show from the deal's day) are read further ahead
    others += open_follow_ups(
        session, today, today + timedelta(days=AFTER_DEAL_DAYS), steps_until=today
    )
    others += stay_in_touch_between(session, first, today, today)
    others = [
        o
        for o in others
        if _has_come(o, now) and (o.date >= late_from or o.key in back or o.kind in UNTIL_DONE)
    ]
    if first < late_from:
        parts = [part for part in parts if part[0] >= late_from or part[3] in back]
    done = done_keys(session, [part[3] for part in parts] + [o.key for o in others])
    skipped = done | asleep
    parts = [part for part in parts if part[3] not in skipped]
    # an occasion whose day has passed is late, like an overdue follow-up
    due = [date_occurrence(part, part[0] < today) for part in with_names(session, parts)]
    due += [
        replace(o, overdue=True) if o.date < today and not o.overdue else o
        for o in others
        if o.key not in skipped
    ]
    sort_occurrences(due)
    return due


def unshown(session: Session, due: list[Occurrence], now: datetime) -> list[Occurrence]:
    """Those of ``due`` that have not popped up yet, or whose snooze has ended."""
    keys = [o.key for o in due]
    shown: set[str] = set()
    for start in range(0, len(keys), KEY_CHUNK):
        chunk = keys[start : start + KEY_CHUNK]
        shown.update(
            key
            for key, until in session.execute(
                select(ReminderLog.key, ReminderLog.snoozed_until).where(
                    ReminderLog.key.in_(chunk), ReminderLog.fired_at.is_not(None)
                )
            )
            if until is None or until > now
        )
    return [o for o in due if o.key not in shown]
