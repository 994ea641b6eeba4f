"""The gift ledger: gifts given and received, yearly totals, repeat checks, gift ideas.

Values are kept in whole fen (cents) so sums are exact; the API speaks ``Decimal`` yuan.
"""

from dataclasses import dataclass
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from relbook.core.changes import BookChanges, Saved
from relbook.core.enums import GiftDirection, IdeaStatus
from relbook.core.errors import FieldError, NotFoundError, ValidationError
from relbook.core.models import Contact, FamilyMember, Gift, GiftIdea
from relbook.core.settings import get_setting
from relbook.core.supported_days import check_supported_day

MAX_VALUE = Decimal("100000000")


def parse_amount(text: str) -> Decimal:
    """A yuan amount typed by a person: "1,280", "¥ 99.5", "300元"; ValidationError if not."""
    cleaned = text.strip().replace(",", "").replace("，", "").replace("¥", "").replace("￥", "")
    cleaned = cleaned.removesuffix("元").removeprefix("CNY").strip()
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        raise ValidationError.single("value", "not_an_amount", value=text) from None
    if not value.is_finite():
        raise ValidationError.single("value", "not_an_amount", value=text)
    return value


def to_cents(value: Decimal) -> int:
    return int((value * 100).quantize(Decimal("1"), rounding=ROUND_HALF_UP))


def from_cents(cents: int | None) -> Decimal | None:
    return None if cents is None else (Decimal(cents) / 100).quantize(Decimal("0.01"))


@dataclass
class GiftInput:
    contact_id: int
    item: str
    direction: str = GiftDirection.GIVEN
    given_on: date | None = None
    occasion: str = ""
    value: Decimal | None = None
    family_member_id: int | None = None
    notes: str = ""


def validate_gift(session: Session, data: GiftInput) -> list[FieldError]:
    errors: list[FieldError] = []
    if not data.item.strip():
        errors.append(FieldError("item", "required"))
    elif len(data.item.strip()) > 200:
        errors.append(FieldError("item", "too_long", {"max": 200}))
    if data.direction not in {d.value for d in GiftDirection}:
        errors.append(FieldError("direction", "not_a_choice", {"value": data.direction}))
    if data.value is not None and not Decimal(0) <= data.value < MAX_VALUE:
        errors.append(FieldError("value", "out_of_range", {"min": 0, "max": MAX_VALUE}))
    contact = session.get(Contact, data.contact_id)
    if contact is None or contact.deleted_at is not None:
        errors.append(FieldError("contact", "not_found", {"id": data.contact_id}))
    if data.family_member_id is not None:
        member = session.get(FamilyMember, data.family_member_id)
        if member is None or member.contact_id != data.contact_id:
            errors.append(FieldError("recipient", "not_family", {"id": data.family_member_id}))
    errors += check_supported_day("given_on", data.given_on)
    return errors


def _normalized(item: str) -> str:
    return "".join(item.split()).lower()


def similar_gifts(session: Session, data: GiftInput, exclude_id: int | None = None) -> list[Gift]:
    """Gifts already given to the same person with the same item (checked before saving)."""
    if data.direction != GiftDirection.GIVEN:
        return []
    candidates = session.scalars(
        select(Gift).where(
            Gift.contact_id == data.contact_id,
            Gift.direction == GiftDirection.GIVEN,
            Gift.deleted_at.is_(None),
            Gift.family_member_id.is_(None)
            if data.family_member_id is None
            else Gift.family_member_id == data.family_member_id,
        )
    ).all()
    wanted = _normalized(data.item)
    return [g for g in candidates if _normalized(g.item) == wanted and g.id != exclude_id]


def _apply(gift: Gift, data: GiftInput, today: date) -> None:
    gift.contact_id = data.contact_id
    gift.family_member_id = data.family_member_id
    gift.direction = data.direction
    gift.given_on = data.given_on or today
    gift.occasion = data.occasion.strip()
    gift.item = data.item.strip()
    gift.value_cents = None if data.value is None else to_cents(data.value)
    gift.notes = data.notes.strip()


def add_gift(session: Session, data: GiftInput, now: datetime) -> Gift:
    errors = validate_gift(session, data)
    if errors:
        raise ValidationError(errors)
    gift = Gift(created_at=now, updated_at=now)
    _apply(gift, data, now.date())
    session.add(gift)
    session.flush()
    return gift


def get_gift(session: Session, gift_id: int) -> Gift:
    gift = session.get(Gift, gift_id)
    if gift is None:
        raise NotFoundError("gift", str(gift_id))
    return gift


def update_gift(session: Session, gift_id: int, data: GiftInput, now: datetime) -> Gift:
    gift = get_gift(session, gift_id)
    errors = validate_gift(session, data)
    if errors:
        raise ValidationError(errors)
    _apply(gift, data, now.date())
    gift.updated_at = now
    session.flush()
    return gift


def save_gift(session: Session, gift_id: int | None, data: GiftInput, now: datetime) -> Saved:
    """Add (``gift_id`` None) or edit a gift, as ``add_gift`` and ``update_gift`` do."""
    before = set() if gift_id is None else {get_gift(session, gift_id).contact_id}
    gift = (
        add_gift(session, data, now)
        if gift_id is None
        else update_gift(session, gift_id, data, now)
    )
    return Saved(
        gift.id, BookChanges(contact_ids=frozenset(before | {gift.contact_id}), history=True)
    )


def gift_input(gift: Gift) -> GiftInput:
    return GiftInput(
        contact_id=gift.contact_id,
        item=gift.item,
        direction=gift.direction,
        given_on=gift.given_on,
        occasion=gift.occasion,
        value=from_cents(gift.value_cents),
        family_member_id=gift.family_member_id,
        notes=gift.notes,
    )


def gift_form(
    session: Session, contact_id: int, gift_id: int | None
) -> tuple[str, list[tuple[int, str, str]], GiftInput | None]:
    """What the gift form shows: the live contact's name, its family members (id, name,
    relation) as recipients, and the gift being edited (None for a new one)."""
    contact = session.get(Contact, contact_id)
    if contact is None or contact.deleted_at is not None:
        raise NotFoundError("contact", str(contact_id))
    members = [(m.id, m.name, m.relation) for m in contact.family]
    return contact.name, members, gift_input(get_gift(session, gift_id)) if gift_id else None


def similar_gift_days(
    session: Session, data: GiftInput, exclude_id: int | None = None
) -> list[tuple[date, str]]:
    """(day, item) of the gifts ``similar_gifts`` finds."""
    return [(g.given_on, g.item) for g in similar_gifts(session, data, exclude_id)]


def set_gifts_deleted(session: Session, ids: list[int], deleted_at: datetime | None) -> BookChanges:
    """Trash (``deleted_at`` set) or restore (None) gifts."""
    gifts = session.scalars(select(Gift).where(Gift.id.in_(ids))).all()
    for gift in gifts:
        gift.deleted_at = deleted_at
    return BookChanges(contact_ids=frozenset(g.contact_id for g in gifts), history=True, trash=True)


def gifts_of(session: Session, contact_id: int) -> list[Gift]:
    """A contact's live gifts, newest first."""
    return list(
        session.scalars(
            select(Gift)
            .where(Gift.contact_id == contact_id, Gift.deleted_at.is_(None))
            .order_by(Gift.given_on.desc(), Gift.id.desc())
        )
    )


@dataclass(frozen=True)
class YearTotal:
    year: int
    given: Decimal
    received: Decimal
    given_count: int
    received_count: int


def yearly_totals(session: Session, contact_id: int) -> list[YearTotal]:
    """Given and received value per calendar year, newest year first."""
    year = func.strftime("%Y", Gift.given_on)
    rows = session.execute(
        select(year, Gift.direction, func.coalesce(func.sum(Gift.value_cents), 0), func.count())
        .where(Gift.contact_id == contact_id, Gift.deleted_at.is_(None))
        .group_by(year, Gift.direction)
    ).all()
    table: dict[int, dict[str, tuple[int, int]]] = {}
    for year_text, direction, cents, count in rows:
        table.setdefault(int(year_text), {})[direction] = (int(cents), int(count))
    return [
        YearTotal(
            year=y,
            given=from_cents(table[y].get("given", (0, 0))[0]) or Decimal("0.00"),
            received=from_cents(table[y].get("received", (0, 0))[0]) or Decimal("0.00"),
            given_count=table[y].get("given", (0, 0))[1],
            received_count=table[y].get("received", (0, 0))[1],
        )
        for y in sorted(table, reverse=True)
    ]


def needs_audit(gift: Gift, threshold: Decimal) -> bool:
    """A received gift worth more than the company lets pass without declaring it."""
    return (
        gift.direction == GiftDirection.RECEIVED
        and gift.value_cents is not None
        and gift.value_cents > to_cents(threshold)
    )


def add_idea(session: Session, contact_id: int, idea: str, now: datetime) -> GiftIdea:
    if not idea.strip():
        raise ValidationError.single("idea", "required")
    if session.get(Contact, contact_id) is None:
        raise NotFoundError("contact", str(contact_id))
    row = GiftIdea(contact_id=contact_id, idea=idea.strip(), status=IdeaStatus.OPEN, created_at=now)
    session.add(row)
    session.flush()
    return row


def save_idea(session: Session, contact_id: int, idea: str, now: datetime) -> Saved:
    """Keep a gift idea for a contact, as ``add_idea`` does."""
    row = add_idea(session, contact_id, idea, now)
    return Saved(row.id, BookChanges(contact_ids=frozenset({contact_id}), history=True))


def set_idea_status(session: Session, idea_id: int, status: str) -> BookChanges:
    if status not in {s.value for s in IdeaStatus}:
        raise ValidationError.single("status", "not_a_choice", value=status)
    row = session.get(GiftIdea, idea_id)
    if row is None:
        raise NotFoundError("gift idea", str(idea_id))
    row.status = status
    return BookChanges(contact_ids=frozenset({row.contact_id}), history=True)


def delete_idea(session: Session, idea_id: int) -> BookChanges:
    row = session.get(GiftIdea, idea_id)
    if row is None:
        return BookChanges()
    session.delete(row)
    return BookChanges(contact_ids=frozenset({row.contact_id}), history=True)


def ideas_of(session: Session, contact_id: int) -> list[GiftIdea]:
    return list(
        session.scalars(
            select(GiftIdea)
            .where(GiftIdea.contact_id == contact_id)
            .order_by(GiftIdea.status, GiftIdea.created_at.desc(), GiftIdea.id.desc())
        )
    )


@dataclass(frozen=True)
class GiftLine:
    """A gift copied out of the session for the ledger."""

    gift_id: int
    direction: str
    given_on: date
    occasion: str
    item: str
    value: Decimal | None
    recipient: str
    flagged: bool


@dataclass(frozen=True)
class Ledger:
    gifts: list[GiftLine]
    totals: list[YearTotal]
    ideas: list[tuple[int, str, str]]
    threshold: int


def gift_ledger(session: Session, contact_id: int) -> Ledger | None:
    """A live contact's gift ledger copied out of the session; None when it is gone."""
    contact = session.get(Contact, contact_id)
    if contact is None or contact.deleted_at is not None:
        return None
    members = {m.id: m.name for m in contact.family}
    threshold = int(get_setting(session, "gifts.audit_threshold"))
    gifts = [
        GiftLine(
            gift.id,
            gift.direction,
            gift.given_on,
            gift.occasion,
            gift.item,
            from_cents(gift.value_cents),
            members.get(gift.family_member_id or -1, ""),
            needs_audit(gift, Decimal(threshold)),
        )
        for gift in gifts_of(session, contact_id)
    ]
    ideas = [(i.id, i.idea, i.status) for i in ideas_of(session, contact_id)]
    return Ledger(gifts, yearly_totals(session, contact_id), ideas, threshold)
