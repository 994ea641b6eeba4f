"""What the Today view shows: reminders due now, the next 30 days, and who went quiet."""

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from relbook.core.models import Contact, ReminderLog
from relbook.core.reminder_log import LOOK_BACK_DAYS
from relbook.core.reminders import Occurrence, occurrences

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
    """Due and overdue reminders not done yet, the coming month, the most neglected contacts."""
    today = now.date()
    window = occurrences(
        session, today - timedelta(days=LOOK_BACK_DAYS), today + timedelta(days=UPCOMING_DAYS)
    )
    done = set(
        session.scalars(
            select(ReminderLog.key).where(
                ReminderLog.key.in_([o.key for o in window]), ReminderLog.done_at.is_not(None)
            )
        )
    )
    open_items = [o for o in window if o.key not in done]
    due = [
        o
        for o in open_items
        if o.kind != "stay_in_touch" and o.notice_from <= today and (o.date >= today or o.overdue)
    ]
    due += [o for o in open_items if o.kind == "stay_in_touch" and o.date == today]
    upcoming = [o for o in open_items if o.kind in UPCOMING_KINDS and today < o.date]
    return TodaySummary(due, upcoming, _neglected(session, open_items, today))


def _neglected(session: Session, items: list[Occurrence], today: date) -> list[Neglected]:
    quiet = [o for o in items if o.kind == "stay_in_touch" and o.date <= today]
    if not quiet:
        return []
    tiers = dict(
        session.execute(
            select(Contact.id, Contact.tier).where(
                Contact.id.in_([o.contact_id for o in quiet if o.contact_id is not None])
            )
        ).all()
    )
    ranked = [
        Neglected(
            contact_id=o.contact_id or 0,
            name=o.contact_name or "",
            tier=tiers.get(o.contact_id),
            days_overdue=(today - o.date).days,
            cadence_days=int(o.details.get("cadence_days") or 0),
            last_contacted=o.details.get("last_contacted"),  # type: ignore[arg-type]
        )
        for o in quiet
    ]
    ranked.sort(key=lambda n: (n.tier or "Z", -n.days_overdue, n.name))
    return ranked[:NEGLECTED_LIMIT]
