"""Follow-up tasks with a due date and optional time, including the after-deal thank-you."""

from datetime import date, datetime, time, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from relbook.core.changes import BookChanges, Saved
from relbook.core.errors import FieldError, NotFoundError, ValidationError
from relbook.core.expiries import expiries_of
from relbook.core.models import Contact, Task

AFTER_DEAL_DAYS = 2
"""Trainers' rule: thank a new customer within two days of the deal."""


def add_task(
    session: Session,
    title: str,
    due_at: datetime,
    now: datetime,
    contact_id: int | None = None,
    has_time: bool = False,
    kind: str = "task",
) -> Task:
    errors: list[FieldError] = []
    if kind != "after_deal" and not title.strip():
        errors.append(FieldError("title", "required"))
    if len(title) > 200:
        errors.append(FieldError("title", "too_long", {"max": 200}))
    if contact_id is not None:
        contact = session.get(Contact, contact_id)
        if contact is None or contact.deleted_at is not None:
            errors.append(FieldError("contact", "not_found", {"id": contact_id}))
    if errors:
        raise ValidationError(errors)
    task = Task(
        contact_id=contact_id,
        kind=kind,
        title=title.strip(),
        due_at=due_at,
        has_time=has_time,
        created_at=now,
    )
    session.add(task)
    session.flush()
    return task


def record_deal_thanks(session: Session, contact_id: int, deal_day: date, now: datetime) -> Task:
    """The thank-you for a deal with the contact on ``deal_day``, due two days after it.

    Called for every deal: a contact added as a customer or moved to customer, a won
    opportunity, a recorded purchase. The task is made at the deal (``created_at``, the day the
    reminder shows it from) at the time of ``now``. An open thank-you for the same contact and
    deal day is returned as it is: a deal recorded twice is still thanked once.
    """
    deal_at = datetime.combine(deal_day, now.time())
    start = datetime.combine(deal_day, time.min)
    same_deal = session.scalar(
        select(Task)
        .where(
            Task.contact_id == contact_id,
            Task.kind == "after_deal",
            Task.done_at.is_(None),
            Task.deleted_at.is_(None),
            Task.created_at >= start,
            Task.created_at < start + timedelta(days=1),
        )
        .limit(1)
    )
    if same_deal is not None:
        return same_deal
    due = deal_at + timedelta(days=AFTER_DEAL_DAYS)
    return add_task(session, "", due, deal_at, contact_id=contact_id, kind="after_deal")


def add_follow_up(
    session: Session, contact_id: int, title: str, due_at: datetime, has_time: bool, now: datetime
) -> Saved:
    """A follow-up task for a contact, as ``add_task`` makes it."""
    task = add_task(session, title, due_at, now, contact_id, has_time)
    return Saved(task.id, BookChanges(contact_ids=frozenset({contact_id}), history=True))


def complete_task(session: Session, task_id: int, now: datetime) -> BookChanges:
    task = session.get(Task, task_id)
    if task is None:
        raise NotFoundError("task", str(task_id))
    task.done_at = now
    return BookChanges(
        contact_ids=frozenset() if task.contact_id is None else frozenset({task.contact_id}),
        history=True,
    )


def open_tasks(session: Session, contact_id: int) -> list[Task]:
    return list(
        session.scalars(
            select(Task)
            .where(Task.contact_id == contact_id, Task.done_at.is_(None), Task.deleted_at.is_(None))
            .order_by(Task.due_at)
        )
    )


def follow_ups_of(
    session: Session, contact_id: int
) -> tuple[list[tuple[int, datetime, bool, str, str]], list[tuple[int, date, str, str]]]:
    """A contact's open tasks (id, due, has time, kind, title), soonest first, and its
    expiry dates (id, expires on, kind, label), as its Follow-ups tab lists them."""
    tasks = [(t.id, t.due_at, t.has_time, t.kind, t.title) for t in open_tasks(session, contact_id)]
    expiries = [(e.id, e.expires_on, e.kind, e.label) for e in expiries_of(session, contact_id)]
    return tasks, expiries
