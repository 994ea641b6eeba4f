"""What the Today view shows: reminders due now, the next 30 days, and who went quiet."""

import heapq
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy.orm import Session

from relbook.core.reminder_kinds import UPCOMING_SHOWN
from relbook.core.reminder_log import KEY_CHUNK, LOOK_BACK_DAYS
from relbook.core.reminders import (
    KIND_RANK,
    DatePart,
    Neglect,
    Occurrence,
    date_advance,
    date_occurrence,
    neglect_on,
    occurrences,
    open_follow_ups,
    sort_occurrences,
    special_date_parts,
    with_names,
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
    """The first ``UPCOMING_SHOWN`` of the coming month's occasions, in date order."""
    neglected: list[Neglected]
    upcoming_count: int = 0
    """All of the coming month's occasions not done yet."""


def today_summary(session: Session, now: datetime) -> TodaySummary:
    """Due and overdue reminders not done yet, the coming month, the most neglected contacts.

    Dated occasions are read from today on only (one before today is neither due nor coming),
    and stay-in-touch only as far as shown: the reminders due today and the most neglected
    contacts, picked by SQL. In a large book nearly every contact is past their cadence, and
    building all of those reminders cost most of the refresh. Open follow-ups and tasks due
    by today are all shown until done, those due before today as overdue; later ones are
    neither due nor among the coming month's occasions. Of the coming month's birthdays and
    dates (16,000 in a book of 100,000 contacts) only those shown become ``Occurrence``s.
    """
    today = now.date()
    end = today + timedelta(days=UPCOMING_DAYS)
    look_back = today - timedelta(days=LOOK_BACK_DAYS)
    parts = special_date_parts(session, today, end, date_advance(session), names=False)
    others = occurrences(
        session, today, end, stay_in_touch=False, follow_ups=False, special_dates=False
    )
    # open follow-ups and tasks due by today: those due before today are overdue
    others += open_follow_ups(session, today, today)
    done = done_keys(session, [part[3] for part in parts] + [o.key for o in others])
    due_parts = [p for p in parts if p[5] <= today and p[3] not in done]
    coming: list[DatePart | Occurrence] = [p for p in parts if p[0] > today and p[3] not in done]
    coming += [
        o for o in others if o.kind in UPCOMING_KINDS and o.date > today and o.key not in done
    ]
    shown = _first_days(coming, UPCOMING_SHOWN)
    # only the dates shown need their contact's name (to sort within a day, and to show it)
    named = with_names(session, due_parts + [p for p in shown if not isinstance(p, Occurrence)])
    due = [date_occurrence(p) for p in named[: len(due_parts)]]
    due += [
        o
        for o in others
        if o.key not in done and o.notice_from <= today and (o.date >= today or o.overdue)
    ]
    sort_occurrences(due)
    due_today, longest = neglect_on(session, today, look_back, NEGLECTED_LIMIT)
    due += due_today
    candidates = named[len(due_parts) :] + [o for o in shown if isinstance(o, Occurrence)]
    first = heapq.nsmallest(UPCOMING_SHOWN, candidates, key=_coming_order)
    upcoming = [o if isinstance(o, Occurrence) else date_occurrence(o) for o in first]
    return TodaySummary(due, upcoming, _neglected(longest, today), len(coming))


def _first_days(coming: "list[DatePart | Occurrence]", count: int) -> "list[DatePart | Occurrence]":
    """Whatever could be among the first ``count`` in date order: everything on the days
    (and kinds) up to the one the ``count``-th falls on, before names order each day."""
    if len(coming) <= count:
        return coming
    # parts are tuples that start with their day and kind rank: compared as they are
    keyed = [(o.date, KIND_RANK[o.kind]) if isinstance(o, Occurrence) else o for o in coming]
    last = max(item[:2] for item in heapq.nsmallest(count, keyed))  # type: ignore[index]
    day, rank = last
    return [
        item
        for item, key in zip(coming, keyed, strict=True)
        if key[0] < day or (key[0] == day and key[1] <= rank)  # type: ignore[index]
    ]


def _coming_order(item: "DatePart | Occurrence") -> tuple[date, int, str, str]:
    """The order ``occurrences`` sorts in, for parts and occurrences alike."""
    if isinstance(item, Occurrence):
        return (item.date, KIND_RANK[item.kind], item.contact_name or "", item.key)
    return item[:4]


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
