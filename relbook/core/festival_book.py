"""The book's festival list: add, change, switch off, remove; and who gets each greeting."""

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from relbook.core.calendar import CalendarDate, solar_term_month, validate
from relbook.core.changes import BookChanges, Saved
from relbook.core.enums import CalendarKind, FestivalRule, SolarTerm, Stage, Tier
from relbook.core.errors import FieldError, NotFoundError, ValidationError
from relbook.core.festivals import DEFAULT_STAGES, DEFAULT_TIERS, NO_TIER
from relbook.core.models import FestivalRow

AUDIENCE_TIERS: tuple[str, ...] = (*(t.value for t in Tier), NO_TIER)
"""What an audience's ``tiers`` may hold: a tier, or ``NO_TIER`` for contacts without one."""


@dataclass
class FestivalInput:
    """A festival as the settings edit it. ``rule`` picks the fields that find its day
    (``festivals.Festival``): ``calendar``, ``month``, ``day``, ``last_day`` for a date;
    ``solar_term``; ``month``, ``week`` (1-5, 5 the last) and ``weekday`` (1 Monday ... 7
    Sunday) for the n-th weekday of a month. The others are not stored."""

    calendar: str
    month: int
    day: int
    name: str = ""
    last_day: bool = False
    enabled: bool = True
    tiers: tuple[str, ...] = DEFAULT_TIERS
    stages: tuple[str, ...] = DEFAULT_STAGES
    tags: tuple[str, ...] = ()
    rule: str = FestivalRule.DATE
    solar_term: str = ""
    week: int | None = None
    weekday: int | None = None


@dataclass(frozen=True)
class FestivalRecord:
    id: int
    code: str | None
    data: FestivalInput


def _check(data: FestivalInput, built_in: bool) -> None:
    errors: list[FieldError] = []
    if not built_in and not data.name.strip():
        errors.append(FieldError("festival_name", "required"))
    errors += _rule_errors(data)
    for tier in data.tiers:
        if tier not in AUDIENCE_TIERS:
            errors.append(FieldError("tier", "not_a_choice", {"value": tier}))
    for stage in data.stages:
        if stage not in {s.value for s in Stage}:
            errors.append(FieldError("stage", "not_a_choice", {"value": stage}))
    if errors:
        raise ValidationError(errors)


def _rule_errors(data: FestivalInput) -> list[FieldError]:
    if data.rule == FestivalRule.SOLAR_TERM:
        if not data.solar_term:
            return [FieldError("solar_term", "required")]
        if data.solar_term not in {t.value for t in SolarTerm}:
            return [FieldError("solar_term", "not_a_choice", {"value": data.solar_term})]
        return []
    if data.rule == FestivalRule.WEEKDAY:
        errors = []
        for field, value, top in (
            ("month", data.month, 12),
            ("week", data.week, 5),
            ("weekday", data.weekday, 7),
        ):
            if value is None:
                errors.append(FieldError(field, "required"))
            elif not 1 <= value <= top:
                errors.append(FieldError(field, "out_of_range", {"min": 1, "max": top}))
        return errors
    if data.rule != FestivalRule.DATE:
        return [FieldError("festival_rule", "not_a_choice", {"value": data.rule})]
    if data.calendar not in {c.value for c in CalendarKind}:
        return [FieldError("calendar", "not_a_choice", {"value": data.calendar})]
    return validate(
        CalendarDate(CalendarKind(data.calendar), data.month, data.day), "festival_date"
    )


def _write(row: FestivalRow, data: FestivalInput) -> None:
    """Only the fields of the festival's rule are kept; a solar-term or weekday rule keeps in
    ``month`` the month it falls in and 1 in ``day`` (their columns may not be empty)."""
    row.name = data.name.strip()
    row.rule = data.rule
    is_date = data.rule == FestivalRule.DATE
    row.calendar = data.calendar if is_date else CalendarKind.SOLAR.value
    row.last_day = is_date and data.last_day
    row.solar_term = data.solar_term if data.rule == FestivalRule.SOLAR_TERM else None
    row.week = data.week if data.rule == FestivalRule.WEEKDAY else None
    row.weekday = data.weekday if data.rule == FestivalRule.WEEKDAY else None
    if data.rule == FestivalRule.SOLAR_TERM:
        row.month = solar_term_month(SolarTerm(data.solar_term))
    else:
        row.month = data.month
    row.day = data.day if is_date else 1
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
                rule=row.rule,
                solar_term=row.solar_term or "",
                week=row.week,
                weekday=row.weekday,
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


def update_festival(session: Session, festival_id: int, data: FestivalInput) -> BookChanges:
    row = session.get(FestivalRow, festival_id)
    if row is None:
        raise NotFoundError("festival", str(festival_id))
    _check(data, built_in=row.code is not None)
    _write(row, data)
    return BookChanges(festivals=True)


def save_festival(session: Session, festival_id: int | None, data: FestivalInput) -> Saved:
    """Add (``festival_id`` None) or edit a festival."""
    if festival_id is None:
        return Saved(add_festival(session, data), BookChanges(festivals=True))
    return Saved(festival_id, update_festival(session, festival_id, data))


def remove_festival(session: Session, festival_id: int) -> BookChanges:
    row = session.get(FestivalRow, festival_id)
    if row is None:
        return BookChanges()
    session.delete(row)
    return BookChanges(festivals=True)
