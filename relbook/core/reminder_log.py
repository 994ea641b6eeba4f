"""What became of each reminder: shown, done or snoozed; so nothing shows twice or is lost.

A reminder's ``key`` (see ``reminders.Occurrence``) names one occasion on one day. Pending means:
its notice has started (or its exact time has come), and it was neither shown yet, nor done, nor
snoozed to a later time.
"""

from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from relbook.core.models import ReminderLog
from relbook.core.reminders import Occurrence, occurrences

LOOK_BACK_DAYS = 30
"""Occasions this far back still pop up if the app was closed when they fell due."""
LOOK_AHEAD_DAYS = 90
"""Notices start at most this long before an occasion (expiry notices are the longest)."""


def _is_ready(occurrence: Occurrence, now: datetime) -> bool:
    if occurrence.at is not None and occurrence.date == now.date():
        return occurrence.at <= now
    return occurrence.notice_from <= now.date()


def pending(session: Session, now: datetime) -> list[Occurrence]:
    """Reminders to show now: ready, and not yet shown, done, or snoozed past ``now``."""
    today = now.date()
    found = occurrences(
        session, today - timedelta(days=LOOK_BACK_DAYS), today + timedelta(days=LOOK_AHEAD_DAYS)
    )
    ready = [o for o in found if _is_ready(o, now)]
    if not ready:
        return []
    logs = {
        row.key: row
        for row in session.scalars(
            select(ReminderLog).where(ReminderLog.key.in_([o.key for o in ready]))
        )
    }
    result = []
    for occurrence in ready:
        log = logs.get(occurrence.key)
        if log is None:
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
    """Record that these reminders popped up, so they do not pop up again."""
    for occurrence in shown:
        row = _log(session, occurrence.key, occurrence.kind, now)
        row.fired_at = now
        row.snoozed_until = None


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
