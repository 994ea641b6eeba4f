"""What became of each reminder: shown, done or snoozed; so nothing shows twice or is lost.

A reminder's ``key`` (see ``reminders.Occurrence``) names one occasion on one day. Pending means:
due now (``relbook.core.due``), and neither shown yet nor snoozed to a later time.
"""

from datetime import datetime, timedelta

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from relbook.core.changes import BookChanges
from relbook.core.due import KEY_CHUNK, due_now, unshown
from relbook.core.history import InteractionInput, save_interaction
from relbook.core.models import ReminderLog
from relbook.core.reminders import Occurrence


def pending(session: Session, now: datetime) -> list[Occurrence]:
    """Reminders to pop up now: due (``due.due_now``) and not shown yet, or snoozed until a
    time that has come."""
    return unshown(session, due_now(session, now), now)


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


def mark_done(session: Session, occurrence: Occurrence, now: datetime) -> BookChanges:
    row = _log(session, occurrence.key, occurrence.kind, now)
    row.done_at = now
    row.snoozed_until = None
    return BookChanges(reminders=True)


def complete_reminder(
    session: Session, occurrence: Occurrence, now: datetime, logged: InteractionInput | None
) -> BookChanges:
    """Mark a reminder done and, with ``logged``, record what was done about it (a greeting
    sent, a call made) in the same unit of work."""
    changes = mark_done(session, occurrence, now)
    if logged is not None:
        changes |= save_interaction(session, None, logged, now).changes
    return changes


def snooze(session: Session, occurrence: Occurrence, until: datetime, now: datetime) -> BookChanges:
    """Hide a reminder until ``until``; it pops up again then."""
    row = _log(session, occurrence.key, occurrence.kind, now)
    row.fired_at = row.fired_at or now
    row.snoozed_until = until
    return BookChanges(reminders=True)


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
