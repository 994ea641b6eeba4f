"""What the Today view shows: reminders due now, the next 30 days, and who went quiet."""

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy.orm import Session

from relbook.core.reminder_log import KEY_CHUNK, LOOK_BACK_DAYS
from relbook.core.reminders import (
    Neglect,
    Occurrence,
    neglect_on,
    occurrences,
    open_follow_ups,
    sort_occurrences,
)

UPCOMING_DAYS = 30
UPCOMING_KINDS = frozenset({"birthday", "family_birthday", "special_date", "festival"})
NEGLECTED_LIMIT = 100


@dataclass(frozen=True)
class Neglected:
    contact_id: int
    name: str
    tier: str | None
    days_overdue: int
    cadence_days: int
    last_contacted: datetime | None


@dataclass(frozen=True)
class TodaySummary:
    due: list[Occurrence]
    upcoming: list[Occurrence]
    neglected: list[Neglected]


def today_summary(session: Session, now: datetime) -> TodaySummary:
    """Due and overdue reminders not done yet, the coming month, the most neglected contacts.

    Dated occasions are read from today on only (one before today is neither due nor coming),
    and stay-in-touch only as far as shown: the reminders due today and the most neglected
    contacts, picked by SQL. In a large book nearly every contact is past their cadence, and
    building all of those reminders cost most of the refresh. Open follow-ups and tasks due
    by today are all shown until done, those due before today as overdue; later ones are
    neither due nor among the coming month's occasions.
    """
    today = now.date()
    look_back = today - timedelta(days=LOOK_BACK_DAYS)
    window = occurrences(
        session, today, today + timedelta(days=UPCOMING_DAYS), stay_in_touch=False, follow_ups=False
    )
    # open follow-ups and tasks due by today: those due before today are overdue
    window += open_follow_ups(session, today, today)
    sort_occurrences(window)
    done = done_keys(session, [o.key for o in window])
    open_items = [o for o in window if o.key not in done]
    due = [o for o in open_items if o.notice_from <= today and (o.date >= today or o.overdue)]
    due_today, longest = neglect_on(session, today, look_back, NEGLECTED_LIMIT)
    due += due_today
    upcoming = [o for o in open_items if o.kind in UPCOMING_KINDS and today < o.date]
    return TodaySummary(due, upcoming, _neglected(longest, today))


def done_keys(session: Session, keys: list[str]) -> set[str]:
    """Those of ``keys`` whose reminder was marked done."""
    connection = session.connection().connection.dbapi_connection
    assert connection is not None
    found: set[str] = set()
    for start in range(0, len(keys), KEY_CHUNK):
        chunk = keys[start : start + KEY_CHUNK]
        marks = ",".join("?" * len(chunk))
        sql = f"SELECT key FROM reminder_log WHERE done_at IS NOT NULL AND key IN ({marks})"
        found.update(key for (key,) in connection.execute(sql, chunk))
    return found


def _neglected(longest: list[Neglect], today: date) -> list[Neglected]:
    return [
        Neglected(
            contact_id=contact_id,
            name=name,
            tier=tier,
            days_overdue=(today - due).days,
            cadence_days=int(days or 0),
            last_contacted=last,
        )
        for contact_id, name, tier, due, days, last in longest
    ]
