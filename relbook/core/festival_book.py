"""The book's festival list: add, change, switch off, remove; and who gets each greeting."""

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from relbook.core.calendar import CalendarDate, validate
from relbook.core.enums import CalendarKind, Stage, Tier
from relbook.core.errors import FieldError, NotFoundError, ValidationError
from relbook.core.models import FestivalRow


@dataclass
class FestivalInput:
    calendar: str
    month: int
    day: int
    name: str = ""
    last_day: bool = False
    enabled: bool = True
    tiers: tuple[str, ...] = ("A", "B")
    stages: tuple[str, ...] = (Stage.POTENTIAL, Stage.INTERESTED, Stage.CUSTOMER)
    tags: tuple[str, ...] = ()


@dataclass(frozen=True)
class FestivalRecord:
    id: int
    code: str | None
    data: FestivalInput


def _check(data: FestivalInput, built_in: bool) -> None:
    errors: list[FieldError] = []
    if not built_in and not data.name.strip():
        errors.append(FieldError("festival_name", "required"))
    if data.calendar not in {c.value for c in CalendarKind}:
        errors.append(FieldError("calendar", "not_a_choice", {"value": data.calendar}))
    else:
        errors += validate(
            CalendarDate(CalendarKind(data.calendar), data.month, data.day), "festival_date"
        )
    for tier in data.tiers:
        if tier not in {t.value for t in Tier}:
            errors.append(FieldError("tier", "not_a_choice", {"value": tier}))
    for stage in data.stages:
        if stage not in {s.value for s in Stage}:
            errors.append(FieldError("stage", "not_a_choice", {"value": stage}))
    if errors:
        raise ValidationError(errors)


def _write(row: FestivalRow, data: FestivalInput) -> None:
    row.name = data.name.strip()
    row.calendar = data.calendar
    row.month = data.month
    row.day = data.day
    row.last_day = data.last_day
    row.enabled = data.enabled
    row.audience_tiers = "".join(data.tiers)
    row.audience_stages = ",".join(data.stages)
    row.audience_tags = ",".join(t.strip() for t in data.tags if t.strip())


def list_festivals(session: Session) -> list[FestivalRecord]:
    rows = session.scalars(select(FestivalRow).order_by(FestivalRow.position, FestivalRow.id))
    return [
        FestivalRecord(
            row.id,
            row.code,
            FestivalInput(
                calendar=row.calendar,
                month=row.month,
                day=row.day,
                name=row.name,
                last_day=row.last_day,
                enabled=row.enabled,
                tiers=tuple(row.audience_tiers),
                stages=tuple(s for s in row.audience_stages.split(",") if s),
                tags=tuple(t for t in row.audience_tags.split(",") if t),
            ),
        )
        for row in rows
    ]


def add_festival(session: Session, data: FestivalInput) -> int:
    _check(data, built_in=False)
    row = FestivalRow(
        code=None, position=(session.scalar(select(func.max(FestivalRow.position))) or 0) + 1
    )
    _write(row, data)
    session.add(row)
    session.flush()
    return row.id


def update_festival(session: Session, festival_id: int, data: FestivalInput) -> None:
    row = session.get(FestivalRow, festival_id)
    if row is None:
        raise NotFoundError("festival", str(festival_id))
    _check(data, built_in=row.code is not None)
    _write(row, data)


def remove_festival(session: Session, festival_id: int) -> None:
    row = session.get(FestivalRow, festival_id)
    if row is not None:
        session.delete(row)
