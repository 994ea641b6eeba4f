"""Opportunities as the board, the table, the detail pane and a contact's Deals section read
them: plain rows, no ORM objects."""

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from relbook.core.contacts import thresholds
from relbook.core.deal_stages import deal_stages, funnel_min_cents
from relbook.core.deals import get_deal
from relbook.core.enums import BuyingRole, DealStatus
from relbook.core.models import Contact, DealContact, Opportunity, Purchase
from relbook.core.tiers import SCORE_FIELDS, TierThresholds, importance_total, tier_for
from relbook.core.win_rates import StageRate, win_rates


@dataclass(frozen=True)
class DealRow:
    """One opportunity on the board or in the table.

    ``rate`` is its stage's win rate (learned or default) while open, 1 once won and 0 once
    lost; ``weighted_cents`` is amount × rate, and 0 for an open opportunity out of the funnel
    (``in_funnel`` False: below ``deal.funnel_min_amount``), which the pipeline leaves out.
    ``days_in_stage`` counts to ``today`` while open, to the closing day once closed.
    """

    id: int
    title: str
    organization: str
    amount_cents: int
    stage: str
    status: str
    expected_close: date | None
    closed_on: date | None
    stage_since: date
    days_in_stage: int
    rate: float
    weighted_cents: int
    in_funnel: bool
    contact_names: tuple[str, ...]
    importance: int | None
    """The total of the five answers (risk reversed), None until all are given."""
    tier: str | None
    lost_reason: str | None


@dataclass(frozen=True)
class StageStep:
    """A step of the history: the first has no ``from_stage``; a close says won or lost."""

    changed_on: date
    from_stage: str | None
    to_stage: str
    status: str
    note: str


@dataclass(frozen=True)
class BuyingCentreMember:
    contact_id: int
    name: str
    role: str | None
    is_insider: bool
    level: int
    """The contact's current relationship level (1-5)."""
    in_trash: bool


@dataclass(frozen=True)
class DealDetail:
    """Everything about one opportunity, for its pane and ``deal show``.

    The flags are the company-map gaps for this deal: nobody in the buying centre is known
    as its decision maker, or as an insider.
    """

    row: DealRow
    organization_id: int | None
    notes: str
    lost_note: str
    scores: dict[str, int | None]
    history: list[StageStep]
    buying_centre: list[BuyingCentreMember]
    no_decision_maker: bool
    no_insider: bool
    purchase_ids: list[int]


@dataclass(frozen=True)
class ContactDeal:
    """An opportunity as one of its contacts' Deals section shows it, with their role."""

    id: int
    title: str
    amount_cents: int
    stage: str
    status: str
    expected_close: date | None
    closed_on: date | None
    role: str | None
    is_insider: bool


def yuan(cents: int) -> int | float:
    """A CNY amount in cents as the plain yuan number JSON shows: 120000 or 1280.5."""
    return cents // 100 if cents % 100 == 0 else cents / 100


def contact_deals_json(session: Session, contact_id: int) -> list[dict[str, object]]:
    """``deals_of_contact`` as JSON-ready data (amounts in yuan), for ``contact show``."""
    return [
        {
            "id": d.id,
            "title": d.title,
            "amount": yuan(d.amount_cents),
            "stage": d.stage,
            "status": d.status,
            "expected_close": d.expected_close.isoformat() if d.expected_close else None,
            "closed_on": d.closed_on.isoformat() if d.closed_on else None,
            "role": d.role,
            "insider": d.is_insider,
        }
        for d in deals_of_contact(session, contact_id)
    ]


def _row(
    deal: Opportunity,
    today: date,
    rates: dict[str, StageRate],
    minimum: int,
    limits: TierThresholds,
    names: dict[int, str],
) -> DealRow:
    scores = {name: getattr(deal, name) for name in SCORE_FIELDS}
    tier = tier_for(scores, limits)
    in_funnel = deal.amount_cents >= minimum
    if deal.status == DealStatus.WON:
        rate = 1.0
    elif deal.status == DealStatus.LOST:
        rate = 0.0
    else:
        stage_rate = rates.get(deal.stage)
        rate = stage_rate.rate if stage_rate is not None else 0.0
    counted = in_funnel or deal.status != DealStatus.OPEN
    end = deal.closed_on if deal.closed_on is not None else today
    return DealRow(
        id=deal.id,
        title=deal.title,
        organization=deal.organization.name if deal.organization is not None else "",
        amount_cents=deal.amount_cents,
        stage=deal.stage,
        status=deal.status,
        expected_close=deal.expected_close,
        closed_on=deal.closed_on,
        stage_since=deal.stage_since,
        days_in_stage=max(0, (end - deal.stage_since).days),
        rate=rate,
        weighted_cents=round(deal.amount_cents * rate) if counted else 0,
        in_funnel=in_funnel,
        contact_names=tuple(names.get(m.contact_id, "") for m in deal.buying_centre),
        importance=importance_total(scores),
        tier=tier.value if tier is not None else None,
        lost_reason=deal.lost_reason,
    )


def _names(session: Session, deals: list[Opportunity]) -> dict[int, str]:
    ids = {member.contact_id for deal in deals for member in deal.buying_centre}
    if not ids:
        return {}
    rows = session.execute(select(Contact.id, Contact.name).where(Contact.id.in_(ids)))
    return {contact_id: name for contact_id, name in rows}


def deal_rows(session: Session, today: date, open_only: bool = False) -> list[DealRow]:
    """The live opportunities in funnel order of their stage, then by expected close."""
    query = (
        select(Opportunity)
        .where(Opportunity.deleted_at.is_(None))
        .options(selectinload(Opportunity.buying_centre), selectinload(Opportunity.organization))
    )
    if open_only:
        query = query.where(Opportunity.status == DealStatus.OPEN.value)
    deals = list(session.scalars(query))
    order = {stage.code: stage.position for stage in deal_stages(session)}
    deals.sort(
        key=lambda d: (
            order.get(d.stage, len(order)),
            d.expected_close or date.max,
            d.id,
        )
    )
    rates, minimum, limits = win_rates(session), funnel_min_cents(session), thresholds(session)
    names = _names(session, deals)
    return [_row(deal, today, rates, minimum, limits, names) for deal in deals]


def deal_detail(session: Session, deal_id: int, today: date) -> DealDetail:
    """One live opportunity with its history and buying centre; NotFoundError if gone."""
    deal = get_deal(session, deal_id)
    contacts = {
        contact.id: contact
        for contact in session.scalars(
            select(Contact).where(Contact.id.in_([m.contact_id for m in deal.buying_centre]))
        )
    }
    names = {contact_id: contact.name for contact_id, contact in contacts.items()}
    row = _row(
        deal, today, win_rates(session), funnel_min_cents(session), thresholds(session), names
    )
    members = [
        BuyingCentreMember(
            contact_id=member.contact_id,
            name=contacts[member.contact_id].name,
            role=member.role,
            is_insider=member.is_insider,
            level=contacts[member.contact_id].level,
            in_trash=contacts[member.contact_id].deleted_at is not None,
        )
        for member in deal.buying_centre
    ]
    purchases = session.scalars(
        select(Purchase.id)
        .where(Purchase.opportunity_id == deal.id, Purchase.deleted_at.is_(None))
        .order_by(Purchase.bought_on, Purchase.id)
    )
    return DealDetail(
        row=row,
        organization_id=deal.organization_id,
        notes=deal.notes,
        lost_note=deal.lost_note,
        scores={name: getattr(deal, name) for name in SCORE_FIELDS},
        history=[
            StageStep(step.changed_on, step.from_stage, step.to_stage, step.status, step.note)
            for step in deal.stage_changes
        ],
        buying_centre=members,
        no_decision_maker=not any(m.role == BuyingRole.DECISION_MAKER for m in members),
        no_insider=not any(m.is_insider for m in members),
        purchase_ids=list(purchases),
    )


def deals_of_contact(session: Session, contact_id: int) -> list[ContactDeal]:
    """The live opportunities whose buying centre holds the contact: open ones first (by
    expected close), then closed ones, newest first."""
    rows = session.execute(
        select(Opportunity, DealContact.role, DealContact.is_insider)
        .join(DealContact, DealContact.opportunity_id == Opportunity.id)
        .where(DealContact.contact_id == contact_id, Opportunity.deleted_at.is_(None))
    ).all()
    found = [
        ContactDeal(
            id=deal.id,
            title=deal.title,
            amount_cents=deal.amount_cents,
            stage=deal.stage,
            status=deal.status,
            expected_close=deal.expected_close,
            closed_on=deal.closed_on,
            role=role,
            is_insider=is_insider,
        )
        for deal, role, is_insider in rows
    ]
    open_deals = sorted(
        (d for d in found if d.status == DealStatus.OPEN),
        key=lambda d: (d.expected_close or date.max, d.id),
    )
    closed = sorted(
        (d for d in found if d.status != DealStatus.OPEN),
        key=lambda d: (d.closed_on or date.min, d.id),
        reverse=True,
    )
    return open_deals + closed


def deals_contact(session: Session) -> int | None:
    """A live contact with purchases in the most live opportunities (else the one in the most
    opportunities): the one whose Deals section tells the most, for screenshots. None when
    nobody is in any."""
    in_deals = (
        select(DealContact.contact_id, func.count().label("deals"))
        .join(Opportunity, Opportunity.id == DealContact.opportunity_id)
        .where(Opportunity.deleted_at.is_(None))
        .group_by(DealContact.contact_id)
        .subquery()
    )
    bought = (
        select(Purchase.contact_id, func.count().label("purchases"))
        .where(Purchase.deleted_at.is_(None))
        .group_by(Purchase.contact_id)
        .subquery()
    )
    return session.scalar(
        select(Contact.id)
        .join(in_deals, in_deals.c.contact_id == Contact.id)
        .outerjoin(bought, bought.c.contact_id == Contact.id)
        .where(Contact.deleted_at.is_(None))
        .order_by(
            bought.c.purchases.is_(None),
            in_deals.c.deals.desc(),
            func.coalesce(bought.c.purchases, 0).desc(),
            Contact.id,
        )
        .limit(1)
    )
