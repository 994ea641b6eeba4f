"""What the Today view shows: reminders due now, the next 30 days, and who went quiet."""

import heapq
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from relbook.core.cadence import cadence_rule
from relbook.core.due import done_keys, due_now
from relbook.core.models import Contact
from relbook.core.reminder_kinds import UPCOMING_SHOWN
from relbook.core.reminders import (
    KIND_RANK,
    DatePart,
    Neglect,
    Occurrence,
    date_advance,
    date_occurrence,
    follow_ups_ahead,
    most_neglected,
    near_date_counts,
    occurrences,
    open_follow_ups,
    special_date_parts,
    stay_in_touch_ahead,
    with_names,
)

UPCOMING_DAYS = 30
NEGLECTED_LIMIT = 100


@dataclass(frozen=True)
class Neglected:
    contact_id: int
    name: str
    tier: str | None
    days_overdue: int
    cadence_days: int
    last_contacted: datetime | None
    cadence_rule: str | None = None
    """Where the cadence comes from: ``own``, ``tier`` or ``stage`` (``cadence.cadence_rule``)."""


@dataclass(frozen=True)
class TodaySummary:
    due: list[Occurrence]
    """What is due now (``relbook.core.due.due_now``): the popup and the tray show the same."""
    upcoming: list[Occurrence]
    """The first ``UPCOMING_SHOWN`` of the coming month's occasions of every kind, in date
    order: birthdays, special days, festivals, follow-ups and tasks, thank-yous, expiries and
    stay-in-touch days."""
    neglected: list[Neglected]
    upcoming_count: int = 0
    """All of the coming month's occasions not done yet."""


def today_summary(session: Session, now: datetime) -> TodaySummary:
    """What is due now, the coming month, the most neglected contacts.

    The coming month runs from tomorrow for 30 days, plus what has a time later today. Of its
    birthdays and dates (16,000 in a book of 100,000 contacts) and its stay-in-touch days only
    those shown become ``Occurrence``s; the rest are counted.
    """
    today = now.date()
    tomorrow, end = today + timedelta(days=1), today + timedelta(days=UPCOMING_DAYS)
    # the coming dates (16,000 in a month of a large book) are counted by day; only the days
    # that can hold the first ones shown are read
    counts = near_date_counts(session, tomorrow, end)
    done_dates = _done_dates(session, tomorrow, end)
    last, running = end, 0
    for day in sorted(counts):
        running += counts[day]
        if running >= UPCOMING_SHOWN + len(done_dates):
            last = day
            break
    parts = special_date_parts(session, tomorrow, last, date_advance(session), names=False)
    unread = sum(n for day, n in counts.items() if day > last)
    unread -= sum(1 for day in done_dates.values() if day > last)
    others = occurrences(
        session, tomorrow, end, stay_in_touch=False, follow_ups=False, special_dates=False
    )
    # tasks, and next steps with a time later today; the coming days' next steps and
    # stay-in-touch days only as far as they can be shown (a large book has thousands)
    others += [
        o
        for o in open_follow_ups(session, today, end, since=today, steps_until=today)
        if o.date > today or (o.at is not None and o.date == today and o.at > now)
    ]
    steps, steps_count = follow_ups_ahead(session, tomorrow, end, today, UPCOMING_SHOWN)
    quiet, quiet_count = stay_in_touch_ahead(session, tomorrow, end, today, UPCOMING_SHOWN)
    others += steps + quiet
    done = done_keys(session, [part[3] for part in parts] + [o.key for o in others])
    coming: list[DatePart | Occurrence] = [p for p in parts if p[3] not in done]
    coming += [o for o in others if o.key not in done]
    count = len(coming) + unread + steps_count - len(steps) + quiet_count - len(quiet)
    shown = _first_days(coming, UPCOMING_SHOWN)
    # only the dates shown need their contact's name (to sort within a day, and to show it)
    named = with_names(session, [p for p in shown if not isinstance(p, Occurrence)])
    candidates = named + [o for o in shown if isinstance(o, Occurrence)]
    first = heapq.nsmallest(UPCOMING_SHOWN, candidates, key=_coming_order)
    upcoming = [o if isinstance(o, Occurrence) else date_occurrence(o) for o in first]
    longest = most_neglected(session, today, NEGLECTED_LIMIT)
    neglected = _neglected(longest, today, _rules(session, [n[0] for n in longest]))
    return TodaySummary(due_now(session, now), upcoming, neglected, count)


_DATE_KINDS = ("birthday:", "family_birthday:", "special_date:")


def _done_dates(session: Session, first: date, last: date) -> dict[str, date]:
    """The birthdays and special dates from ``first`` to ``last`` marked done (in advance,
    from their notice), by key: a key ends in its day."""
    connection = session.connection().connection.dbapi_connection
    assert connection is not None
    found: dict[str, date] = {}
    for prefix in _DATE_KINDS:
        rows = connection.execute(
            "SELECT key FROM reminder_log INDEXED BY ix_reminder_log_done"
            " WHERE done_at IS NOT NULL AND key >= ? AND key < ?",
            [prefix, prefix[:-1] + ";"],
        )
        for (key,) in rows:
            day = date.fromisoformat(key[-10:])
            if first <= day <= last:
                found[key] = day
    return found


def _rules(session: Session, contact_ids: list[int]) -> dict[int, str | None]:
    """Each contact's cadence rule (a few dozen contacts: the gone-quiet list)."""
    rows = session.execute(
        select(Contact.id, Contact.cadence_days, Contact.tier, Contact.stage).where(
            Contact.id.in_(contact_ids)
        )
    )
    return {row[0]: cadence_rule(row[1], row[2], row[3]) for row in rows}


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


def _neglected(
    longest: list[Neglect], today: date, rules: dict[int, str | None]
) -> list[Neglected]:
    return [
        Neglected(
            contact_id=contact_id,
            name=name,
            tier=tier,
            days_overdue=(today - due).days,
            cadence_days=int(days or 0),
            last_contacted=last,
            cadence_rule=rules.get(contact_id),
        )
        for contact_id, name, tier, due, days, last in longest
    ]
