"""The opportunity (商机) service: add, edit, move through the funnel, win, lose, delete, and
the buying centre (who decides, buys, uses, guards the gate, helps from inside).

Callers open the session and commit it. Every write returns what it changed: ``deals`` and the
ids of the buying centre's contacts (their Deals sections show the opportunity). A move, a win
and a loss each add a ``DealStageChange``, the history the learned win rates and the weekly
progress are read from.
"""

from dataclasses import dataclass, replace
from datetime import date, datetime

from sqlalchemy.orm import Session, selectinload

from relbook.core.changes import BookChanges, Saved
from relbook.core.contacts import organization_for
from relbook.core.deal_stages import default_stage, stage_codes
from relbook.core.enums import BuyingRole, DealLostReason, DealStatus
from relbook.core.errors import FieldError, NotFoundError, ValidationError
from relbook.core.models import Contact, DealContact, DealStageChange, Opportunity, Organization
from relbook.core.purchases import MAX_AMOUNT_CENTS, record_purchase
from relbook.core.supported_days import check_supported_day, require_supported_day
from relbook.core.tiers import SCORE_FIELDS

INSIDER = "insider"
"""The role word that marks an insider (内线) rather than setting a buying role."""
ROLES: tuple[str, ...] = (
    BuyingRole.DECISION_MAKER.value,
    BuyingRole.PURCHASER.value,
    BuyingRole.USER.value,
    BuyingRole.GATEKEEPER.value,
    INSIDER,
)
"""What ``set_role`` accepts."""
LOST_REASONS: tuple[str, ...] = tuple(reason.value for reason in DealLostReason)
MAX_TITLE = 200


@dataclass
class DealInput:
    """An opportunity as the editor or the command line gives it.

    ``organization`` is a name (created if new) or an organization id; "" means none; None
    takes the first contact's organization for a new opportunity and keeps the one an edited
    opportunity has (if any). ``stage`` None is the default stage for a new
    opportunity and "unchanged" for an edit.
    """

    title: str
    contact_ids: list[int]
    amount_cents: int = 0
    stage: str | None = None
    expected_close: date | None = None
    organization: str | int | None = None
    score_near: int | None = None
    score_future: int | None = None
    score_profit: int | None = None
    score_risk: int | None = None
    score_strategic: int | None = None
    notes: str = ""

    def answers(self) -> dict[str, int | None]:
        """The five importance answers by their column name."""
        return {name: getattr(self, name) for name in SCORE_FIELDS}


def get_deal(session: Session, deal_id: int) -> Opportunity:
    """The live opportunity; NotFoundError("opportunity", id) when gone or trashed."""
    deal = session.get(
        Opportunity,
        deal_id,
        options=[selectinload(Opportunity.buying_centre), selectinload(Opportunity.stage_changes)],
    )
    if deal is None or deal.deleted_at is not None:
        raise NotFoundError("opportunity", str(deal_id))
    return deal


def _changes(deal: Opportunity, *extra: int, history: bool = False) -> BookChanges:
    ids = frozenset({member.contact_id for member in deal.buying_centre} | set(extra))
    return BookChanges(contact_ids=ids, deals=True, history=history)


def _check_input(session: Session, data: DealInput) -> None:
    errors: list[FieldError] = []
    title = data.title.strip()
    if not title:
        errors.append(FieldError("deal_title", "required"))
    elif len(title) > MAX_TITLE:
        errors.append(FieldError("deal_title", "too_long", {"max": MAX_TITLE}))
    if not 0 <= data.amount_cents <= MAX_AMOUNT_CENTS:
        errors.append(FieldError("amount", "out_of_range", {"min": 0, "max": MAX_AMOUNT_CENTS}))
    codes = stage_codes(session)
    if data.stage is not None and data.stage not in codes:
        errors.append(
            FieldError(
                "deal_stage", "unknown_stage", {"value": data.stage, "choices": ", ".join(codes)}
            )
        )
    for name, answer in data.answers().items():
        if answer is not None and not 1 <= answer <= 5:
            errors.append(FieldError(name, "out_of_range", {"min": 1, "max": 5}))
    if not data.contact_ids:
        errors.append(FieldError("contacts", "deal_needs_contact"))
    for contact_id in dict.fromkeys(data.contact_ids):
        contact = session.get(Contact, contact_id)
        if contact is None or contact.deleted_at is not None:
            errors.append(FieldError("contact", "not_found", {"id": contact_id}))
    organization = data.organization
    if isinstance(organization, int) and session.get(Organization, organization) is None:
        errors.append(FieldError("organization", "no_organization", {"value": organization}))
    if isinstance(organization, str) and len(organization.strip()) > 200:
        errors.append(FieldError("organization", "too_long", {"max": 200}))
    errors += check_supported_day("expected_close", data.expected_close)
    if errors:
        raise ValidationError(errors)


def _organization_id(session: Session, data: DealInput, now: datetime) -> int | None:
    wanted = data.organization
    if isinstance(wanted, int):
        return wanted
    if wanted is None:
        first = session.get(Contact, data.contact_ids[0])
        return first.organization_id if first is not None else None
    return organization_for(session, wanted, None, now)


def _apply(session: Session, deal: Opportunity, data: DealInput, now: datetime) -> None:
    deal.title = data.title.strip()
    deal.amount_cents = data.amount_cents
    deal.expected_close = data.expected_close
    deal.organization_id = _organization_id(session, data, now)
    for name, answer in data.answers().items():
        setattr(deal, name, answer)
    deal.notes = data.notes.strip()
    deal.updated_at = now
    kept = {member.contact_id: member for member in deal.buying_centre}
    wanted = list(dict.fromkeys(data.contact_ids))
    deal.buying_centre = [
        kept.get(contact_id) or DealContact(contact_id=contact_id, is_insider=False)
        for contact_id in wanted
    ]
    for position, member in enumerate(deal.buying_centre):
        member.position = position


def add_deal(session: Session, data: DealInput, now: datetime, on: date | None = None) -> Saved:
    """Add an open opportunity; it enters its stage on ``on`` (default today), the first row
    of its history. The contacts make its buying centre, without roles yet."""
    _check_input(session, data)
    day = on or now.date()
    require_supported_day("deal_date", day)
    if day > now.date():
        raise ValidationError.single("deal_date", "in_future", value=day.isoformat())
    stage = data.stage or default_stage(session)
    deal = Opportunity(
        stage=stage,
        stage_since=day,
        status=DealStatus.OPEN.value,
        lost_note="",
        created_at=now,
    )
    _apply(session, deal, data, now)
    deal.stage_changes = [
        DealStageChange(changed_on=day, from_stage=None, to_stage=stage, status="open", note="")
    ]
    session.add(deal)
    session.flush()
    return Saved(deal.id, _changes(deal))


def edit_deal(session: Session, deal_id: int, data: DealInput, now: datetime) -> Saved:
    """Replace the opportunity's fields and buying centre (members kept keep their roles).

    A different ``stage`` moves an open opportunity today, as ``move_deal`` does.
    """
    deal = get_deal(session, deal_id)
    before = {member.contact_id for member in deal.buying_centre}
    _check_input(session, data)
    if data.organization is None and deal.organization_id is not None:
        data = replace(data, organization=deal.organization_id)
    _apply(session, deal, data, now)
    if data.stage is not None and data.stage != deal.stage:
        _move(deal, data.stage, now.date(), now, "")
    session.flush()
    return Saved(deal.id, _changes(deal, *before))


def _check_day(deal: Opportunity, day: date, today: date, field_name: str = "deal_date") -> None:
    errors: list[FieldError] = []
    if deal.status != DealStatus.OPEN:
        errors.append(FieldError("deal", "deal_closed", {"value": deal.status}))
    out_of_range = check_supported_day(field_name, day)
    errors += out_of_range
    if out_of_range:
        pass  # a day relbook cannot compute is not compared with others
    elif day > today:
        errors.append(FieldError(field_name, "in_future", {"value": day.isoformat()}))
    elif day < deal.stage_since:
        errors.append(
            FieldError(field_name, "before_stage_since", {"value": deal.stage_since.isoformat()})
        )
    if errors:
        raise ValidationError(errors)


def _move(deal: Opportunity, stage: str, day: date, now: datetime, note: str) -> None:
    _check_day(deal, day, now.date())
    deal.stage_changes.append(
        DealStageChange(
            changed_on=day, from_stage=deal.stage, to_stage=stage, status="open", note=note.strip()
        )
    )
    deal.stage = stage
    deal.stage_since = day
    deal.updated_at = now


def move_deal(
    session: Session, deal_id: int, stage: str, day: date, now: datetime, note: str = ""
) -> BookChanges:
    """Move an open opportunity to ``stage`` on ``day`` and record the step.

    A move to the stage it is in changes nothing. Refused for a closed opportunity, an
    unknown stage, a day after today or before it entered its current stage.
    """
    deal = get_deal(session, deal_id)
    codes = stage_codes(session)
    if stage not in codes:
        raise ValidationError.single(
            "deal_stage", "unknown_stage", value=stage, choices=", ".join(codes)
        )
    if stage == deal.stage:
        return BookChanges()
    _move(deal, stage, day, now, note)
    session.flush()
    return _changes(deal)


def _close(deal: Opportunity, status: DealStatus, day: date, now: datetime, note: str) -> None:
    deal.stage_changes.append(
        DealStageChange(
            changed_on=day,
            from_stage=deal.stage,
            to_stage=deal.stage,
            status=status.value,
            note=note.strip(),
        )
    )
    deal.status = status.value
    deal.closed_on = day
    deal.updated_at = now


def buyer_of(session: Session, deal: Opportunity) -> int | None:
    """Who a won opportunity's purchase is recorded for: the first live decision maker,
    else the first live member of the buying centre."""
    live = [
        member
        for member in deal.buying_centre
        if (contact := session.get(Contact, member.contact_id)) is not None
        and contact.deleted_at is None
    ]
    deciders = [m for m in live if m.role == BuyingRole.DECISION_MAKER]
    chosen = (deciders or live)[:1]
    return chosen[0].contact_id if chosen else None


def win_deal(
    session: Session,
    deal_id: int,
    day: date,
    now: datetime,
    amount_cents: int | None = None,
    note: str = "",
) -> Saved:
    """Mark the opportunity won on ``day`` and record what was bought.

    The purchase (product: the title; amount: ``amount_cents`` if given, which also becomes
    the opportunity's amount) is recorded for ``buyer_of`` through ``record_purchase``, which
    makes the two-day thank-you. Returns Saved with the purchase's id.
    """
    deal = get_deal(session, deal_id)
    _check_day(deal, day, now.date())
    if amount_cents is not None:
        if not 0 <= amount_cents <= MAX_AMOUNT_CENTS:
            raise ValidationError.single("amount", "out_of_range", min=0, max=MAX_AMOUNT_CENTS)
        deal.amount_cents = amount_cents
    buyer = buyer_of(session, deal)
    if buyer is None:
        raise ValidationError.single("contacts", "deal_needs_contact")
    _close(deal, DealStatus.WON, day, now, note)
    bought = record_purchase(
        session, buyer, deal.title, deal.amount_cents, day, now, opportunity_id=deal.id
    )
    session.flush()
    return Saved(bought.id, _changes(deal, buyer, history=True) | bought.changes)


def lose_deal(
    session: Session, deal_id: int, reason: str | None, day: date, now: datetime, note: str = ""
) -> BookChanges:
    """Mark the opportunity lost on ``day``, with why (a ``DealLostReason`` code; required)."""
    deal = get_deal(session, deal_id)
    if not reason:
        raise ValidationError.single(
            "lost_reason", "lost_needs_reason", choices=", ".join(LOST_REASONS)
        )
    if reason not in LOST_REASONS:
        raise ValidationError.single(
            "lost_reason", "unknown_lost_reason", value=reason, choices=", ".join(LOST_REASONS)
        )
    _check_day(deal, day, now.date())
    _close(deal, DealStatus.LOST, day, now, note)
    deal.lost_reason = reason
    deal.lost_note = note.strip()
    session.flush()
    return _changes(deal)


def set_role(
    session: Session, deal_id: int, contact_id: int, role: str | None, now: datetime
) -> BookChanges:
    """Give a contact a role in the buying centre, adding them to it if absent.

    ``insider`` marks them as an insider (内线) and keeps their role; the four buying roles
    replace it; None clears the role.
    """
    deal = get_deal(session, deal_id)
    if role is not None and role not in ROLES:
        raise ValidationError.single(
            "buying_role", "unknown_role", value=role, choices=", ".join(ROLES)
        )
    contact = session.get(Contact, contact_id)
    if contact is None or contact.deleted_at is not None:
        raise ValidationError.single("contact", "not_found", id=contact_id)
    member = next((m for m in deal.buying_centre if m.contact_id == contact_id), None)
    if member is None:
        member = DealContact(
            contact_id=contact_id, is_insider=False, position=len(deal.buying_centre)
        )
        deal.buying_centre.append(member)
    if role == INSIDER:
        member.is_insider = True
    else:
        member.role = role
    deal.updated_at = now
    session.flush()
    return _changes(deal)


def set_insider(
    session: Session, deal_id: int, contact_id: int, insider: bool, now: datetime
) -> BookChanges:
    """Mark or unmark a member of the buying centre as an insider (内线)."""
    deal = get_deal(session, deal_id)
    member = next((m for m in deal.buying_centre if m.contact_id == contact_id), None)
    if member is None:
        raise ValidationError.single("contact", "not_in_buying_centre", id=contact_id)
    member.is_insider = insider
    deal.updated_at = now
    session.flush()
    return _changes(deal)


def remove_contact(session: Session, deal_id: int, contact_id: int, now: datetime) -> BookChanges:
    """Take a contact out of the buying centre; the last one cannot be taken out."""
    deal = get_deal(session, deal_id)
    member = next((m for m in deal.buying_centre if m.contact_id == contact_id), None)
    if member is None:
        return BookChanges()
    if len(deal.buying_centre) == 1:
        raise ValidationError.single("contacts", "deal_needs_contact")
    deal.buying_centre.remove(member)
    for position, kept in enumerate(deal.buying_centre):
        kept.position = position
    deal.updated_at = now
    session.flush()
    return _changes(deal, contact_id)


def delete_deal(session: Session, deal_id: int, now: datetime) -> BookChanges:
    """Move the opportunity to the trash (``deleted_at``); its purchases stay recorded."""
    deal = get_deal(session, deal_id)
    deal.deleted_at = now
    deal.updated_at = now
    session.flush()
    return _changes(deal)
