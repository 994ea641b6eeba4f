"""The funnel's stages: their order, names and default win rates, and the user's edits.

The six key steps are seeded (``DealStage``); a built-in stage keeps an empty ``name`` and is
shown in the user's language, unless the user renames it. Rates are stored in whole percent
and handed to callers as fractions (0..1).
"""

import re
from dataclasses import dataclass

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from relbook.core import pinyin
from relbook.core.changes import BookChanges
from relbook.core.enums import DealStage
from relbook.core.errors import FieldError, NotFoundError, ValidationError
from relbook.core.models import DealStageChange, DealStageRow, Opportunity
from relbook.core.settings import get_setting

DEFAULT_STAGE = DealStage.ANALYSIS.value
"""Where a new opportunity starts unless told otherwise (the first stage if it was removed)."""
MAX_NAME = 100
MAX_CODE = 40


@dataclass(frozen=True)
class StageInfo:
    """One stage of the funnel, in its place."""

    code: str
    name: str
    """The user's name for it; empty for a built-in stage (shown translated)."""
    position: int
    default_rate: float
    """The win rate (0..1) used until enough opportunities have closed to learn it."""


@dataclass(frozen=True)
class StageEdit:
    """One stage as the user left it in the stage editor.

    ``code`` is an existing stage's code, or None for a new stage (its code is made from
    the name), or a code not used yet for a new stage with that code.
    """

    code: str | None
    name: str
    default_rate: float


def deal_stages(session: Session) -> list[StageInfo]:
    """Every stage in funnel order."""
    rows = session.scalars(select(DealStageRow).order_by(DealStageRow.position, DealStageRow.id))
    return [
        StageInfo(row.code, row.name, index, row.default_rate / 100)
        for index, row in enumerate(rows)
    ]


def stage_codes(session: Session) -> list[str]:
    """The stage codes in funnel order."""
    return [stage.code for stage in deal_stages(session)]


def get_stage(session: Session, code: str) -> StageInfo:
    """The stage with this code; NotFoundError("deal stage", code) when there is none."""
    for stage in deal_stages(session):
        if stage.code == code:
            return stage
    raise NotFoundError("deal stage", code)


def default_stage(session: Session) -> str:
    """The stage a new opportunity starts in: analysis, or the first one if it is gone."""
    codes = stage_codes(session)
    return DEFAULT_STAGE if DEFAULT_STAGE in codes else codes[0]


def funnel_min_cents(session: Session) -> int:
    """Opportunities below this amount (cents) are out of the funnel (漏斗外): listed, but
    counted in neither the pipeline, the forecast nor the learned rates."""
    return get_setting(session, "deal.funnel_min_amount") * 100


def code_from_name(name: str, taken: set[str]) -> str:
    """A stable code for a new stage: the name's pinyin (or letters), made unique."""
    spelled = "".join(
        f" {pinyin.name_pinyin(ch)} " if pinyin.is_han(ch) else ch for ch in name.strip()
    )
    base = re.sub(r"[^a-z0-9]+", "_", spelled.lower()).strip("_")[: MAX_CODE - 4] or "stage"
    code, number = base, 2
    while code in taken:
        code, number = f"{base}_{number}", number + 1
    return code


def stage_in_use(session: Session, code: str) -> bool:
    """Whether an opportunity (trashed ones too) stands in the stage or passed through it."""
    standing = session.scalar(select(Opportunity.id).where(Opportunity.stage == code).limit(1))
    if standing is not None:
        return True
    passed = session.scalar(
        select(DealStageChange.id)
        .where(or_(DealStageChange.to_stage == code, DealStageChange.from_stage == code))
        .limit(1)
    )
    return passed is not None


def _checked(session: Session, edits: list[StageEdit], existing: set[str]) -> None:
    errors: list[FieldError] = []
    if not edits:
        errors.append(FieldError("deal_stages", "required"))
    seen: set[str] = set()
    for edit in edits:
        name = edit.name.strip()
        if edit.code is None and not name:
            errors.append(FieldError("deal_stage_name", "required"))
        if len(name) > MAX_NAME:
            errors.append(FieldError("deal_stage_name", "too_long", {"max": MAX_NAME}))
        if not 0 <= edit.default_rate <= 1:
            errors.append(FieldError("default_rate", "out_of_range", {"min": 0, "max": 100}))
        if edit.code is not None:
            code = edit.code.strip()
            if code not in existing and not re.fullmatch(r"[a-z0-9_]{1,40}", code):
                errors.append(FieldError("deal_stage_code", "bad_stage_code", {"value": code}))
            if code in seen:
                errors.append(FieldError("deal_stage_code", "repeated_stage", {"value": code}))
            seen.add(code)
    for code in sorted(existing - seen):
        if stage_in_use(session, code):
            errors.append(FieldError("deal_stages", "stage_in_use", {"value": code}))
    if errors:
        raise ValidationError(errors)


def save_stages(session: Session, edits: list[StageEdit]) -> BookChanges:
    """Make the funnel what the user left in the editor: this order, these names and rates.

    Stages left out are removed, which is refused (``stage_in_use``) for a stage an
    opportunity stands in or passed through; new stages get their code from the name.
    """
    rows = {row.code: row for row in session.scalars(select(DealStageRow))}
    _checked(session, edits, set(rows))
    kept = {edit.code.strip() for edit in edits if edit.code is not None}
    for gone in set(rows) - kept:
        session.delete(rows.pop(gone))
    taken = set(rows) | kept
    for position, edit in enumerate(edits):
        if edit.code is not None:
            code = edit.code.strip()
        else:
            code = code_from_name(edit.name, taken)
            taken.add(code)
        row = rows.get(code)
        if row is None:
            row = DealStageRow(code=code)
            session.add(row)
            rows[code] = row
        row.name = edit.name.strip()
        row.position = position
        row.default_rate = round(edit.default_rate * 100)
    session.flush()
    return BookChanges(deals=True, settings=True)


def add_stage(
    session: Session, name: str, default_rate: float, code: str | None = None
) -> tuple[str, BookChanges]:
    """Append a stage at the end of the funnel; (its code, what changed)."""
    edits = [StageEdit(s.code, s.name, s.default_rate) for s in deal_stages(session)]
    before = {edit.code for edit in edits}
    if code is not None and code.strip() in before:
        raise ValidationError.single("deal_stage_code", "repeated_stage", value=code.strip())
    changes = save_stages(session, [*edits, StageEdit(code, name, default_rate)])
    added = next(s.code for s in deal_stages(session) if s.code not in before)
    return added, changes
