"""What became of each reminder: shown, done or snoozed; so nothing shows twice or is lost.

A reminder's ``key`` (see ``reminders.Occurrence``) names one occasion on one day. Pending means:
its notice has started (or its exact time has come), and it was neither shown yet, nor done, nor
snoozed to a later time.
"""

import re
from datetime import date, datetime, timedelta

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from relbook.core.models import ReminderLog
from relbook.core.reminders import Occurrence, occurrences
from relbook.core.settings import get_setting, set_setting

LOOK_BACK_DAYS = 30
"""Occasions this far back still pop up if the app was closed when they fell due."""
KEY_CHUNK = 900
"""Keys per IN (...) query, well under SQLite's bound-parameter limit."""
EXPIRY_LOOK_AHEAD_DAYS = 366
"""Expiry notices can start up to a year before the date."""
_KEY_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
"""A reminder key ends in its day (follow-ups add the time): ``birthday:12:2026-03-08``."""
ADVANCE_SETTINGS = (
    "remind.advance.birthday",
    "remind.advance.special_date",
    "remind.advance.festival",
)


def _is_ready(occurrence: Occurrence, now: datetime) -> bool:
    if occurrence.at is not None and occurrence.date == now.date():
        return occurrence.at <= now
    return occurrence.notice_from <= now.date()


def catch_up_from(session: Session, now: datetime) -> date:
    """The first day whose occasions may still pop up: the last check's day (at most a month
    back), or yesterday for a book never checked."""
    stored = get_setting(session, "remind.last_check")
    today = now.date()
    if not stored:
        return today - timedelta(days=1)
    last = datetime.fromisoformat(stored).date()
    return max(min(last, today), today - timedelta(days=LOOK_BACK_DAYS))


def record_check(session: Session, now: datetime) -> None:
    set_setting(session, "remind.last_check", now.isoformat(timespec="seconds"))


def _snoozed_back_to(session: Session, now: datetime) -> date | None:
    """The earliest day of a snoozed reminder whose time has come (None if there is none)."""
    earliest: date | None = None
    for key in session.scalars(
        select(ReminderLog.key).where(
            ReminderLog.done_at.is_(None),
            ReminderLog.snoozed_until.is_not(None),
            ReminderLog.snoozed_until <= now,
        )
    ):
        days = _KEY_DAY.findall(key)
        day = date.fromisoformat(days[-1]) if days else date.min
        earliest = day if earliest is None else min(earliest, day)
    return earliest


def pending(session: Session, now: datetime) -> list[Occurrence]:
    """Reminders to show now: ready, and not yet shown, done, or snoozed past ``now``.

    Occasions dated before the catch-up day are left to the Today view, unless the user
    snoozed one and its time has come. Only the days that can still pop up are computed:
    from the catch-up day, or the day of the oldest snoozed reminder due again (in a large
    book most contacts are long past their stay-in-touch cadence, and building all of those
    reminders only to drop them took most of the time and memory of a morning's catch-up).
    """
    today = now.date()
    since = catch_up_from(session, now)
    oldest = today - timedelta(days=LOOK_BACK_DAYS)
    snoozed = _snoozed_back_to(session, now)
    # dated occasions are looked for a month back at most; stay in touch, like follow-ups,
    # as far back as a snoozed one that is due again
    neglect_since = since if snoozed is None else min(since, snoozed)
    ahead = max(int(get_setting(session, key)) for key in ADVANCE_SETTINGS)
    found = occurrences(
        session,
        max(neglect_since, oldest),
        today + timedelta(days=ahead),
        expiries_until=today + timedelta(days=EXPIRY_LOOK_AHEAD_DAYS),
        overdue_before=oldest,
        neglect_since=neglect_since,
    )
    ready = [o for o in found if _is_ready(o, now)]
    if not ready:
        return []
    keys = [o.key for o in ready]
    logs: dict[str, ReminderLog] = {}
    for start in range(0, len(keys), KEY_CHUNK):
        chunk = keys[start : start + KEY_CHUNK]
        for row in session.scalars(select(ReminderLog).where(ReminderLog.key.in_(chunk))):
            logs[row.key] = row
    result = []
    for occurrence in ready:
        log = logs.get(occurrence.key)
        if log is None:
            if occurrence.date >= since:
                result.append(occurrence)
        elif log.done_at is None and log.snoozed_until is not None and log.snoozed_until <= now:
            result.append(occurrence)
    return result


def _log(session: Session, key: str, kind: str, now: datetime) -> ReminderLog:
    row = session.get(ReminderLog, key)
    if row is None:
        row = ReminderLog(key=key, kind=kind, updated_at=now)
        session.add(row)
    row.updated_at = now
    return row


def mark_shown(session: Session, shown: list[Occurrence], now: datetime) -> None:
    """Record that these reminders popped up, so they do not pop up again.

    Written in bulk: a large book's first catch-up can show thousands at once.
    """
    kinds = {o.key: o.kind for o in shown}
    keys = list(kinds)
    existing: set[str] = set()
    for start in range(0, len(keys), KEY_CHUNK):
        chunk = keys[start : start + KEY_CHUNK]
        existing |= set(session.scalars(select(ReminderLog.key).where(ReminderLog.key.in_(chunk))))
        session.execute(
            update(ReminderLog)
            .where(ReminderLog.key.in_([k for k in chunk if k in existing]))
            .values(fired_at=now, snoozed_until=None, updated_at=now)
            .execution_options(synchronize_session=False)
        )
    new = [
        {"key": key, "kind": kinds[key], "fired_at": now, "updated_at": now}
        for key in keys
        if key not in existing
    ]
    if new:
        session.execute(insert(ReminderLog), new)


def mark_done(session: Session, occurrence: Occurrence, now: datetime) -> None:
    row = _log(session, occurrence.key, occurrence.kind, now)
    row.done_at = now
    row.snoozed_until = None


def snooze(session: Session, occurrence: Occurrence, until: datetime, now: datetime) -> None:
    """Hide a reminder until ``until``; it pops up again then."""
    row = _log(session, occurrence.key, occurrence.kind, now)
    row.fired_at = row.fired_at or now
    row.snoozed_until = until


def snooze_choices(now: datetime) -> dict[str, datetime]:
    """The usual snoozes: an hour, tomorrow morning, next week (Monday morning)."""
    tomorrow = datetime.combine(now.date() + timedelta(days=1), datetime.min.time()).replace(hour=9)
    days_to_monday = 7 - now.weekday()
    monday = datetime.combine(now.date() + timedelta(days=days_to_monday), datetime.min.time())
    return {
        "hour": now + timedelta(hours=1),
        "tomorrow": tomorrow,
        "next_week": monday.replace(hour=9),
    }


def is_done(session: Session, key: str) -> bool:
    row = session.get(ReminderLog, key)
    return row is not None and row.done_at is not None
