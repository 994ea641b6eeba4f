"""What the reports say about opportunities and purchases: the pipeline report, and the deal
parts of the activity report and the dossier. No Qt here.

Like ``core.reports``, everything is copied into plain records so the report can be laid out
after the session is closed. Trashed opportunities, purchases and contacts are left out.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from relbook.core.deal_reads import ContactDeal, DealRow, deal_rows, deals_of_contact
from relbook.core.deal_stages import deal_stages
from relbook.core.enums import DealStatus
from relbook.core.forecast import Forecast, forecast, quarter_of
from relbook.core.models import Contact, Opportunity, Organization, Purchase
from relbook.core.purchases import PurchaseRow, purchases_of
from relbook.core.win_rates import win_rates

# ---------------------------------------------------------------- the pipeline report


@dataclass(frozen=True)
class PipelineLine:
    """One opportunity of the pipeline report.

    ``rate_source`` says where an open opportunity's rate comes from (``learned`` or
    ``default``); it is None once closed (the rate is then 1 or 0).
    """

    row: DealRow
    rate_source: str | None
    lost_note: str


@dataclass(frozen=True)
class PipelineReport:
    """Every live opportunity (open ones by stage, then won, then lost) and the forecast for
    the period [``forecast.start``, ``forecast.end``] as of ``today``."""

    today: date
    lines: tuple[PipelineLine, ...]
    forecast: Forecast
    stage_names: Mapping[str, str]
    """Stage code -> the user's name for it, empty for a built-in stage (shown translated)."""

    @property
    def open_lines(self) -> tuple[PipelineLine, ...]:
        return tuple(line for line in self.lines if line.row.status == DealStatus.OPEN)

    @property
    def open_amount_cents(self) -> int:
        return sum(line.row.amount_cents for line in self.open_lines)

    @property
    def open_weighted_cents(self) -> int:
        return sum(line.row.weighted_cents for line in self.open_lines)


def _status_order(row: DealRow) -> int:
    return {DealStatus.OPEN.value: 0, DealStatus.WON.value: 1}.get(row.status, 2)


def pipeline_report(
    session: Session, today: date, start: date | None = None, end: date | None = None
) -> PipelineReport:
    """The pipeline as of ``today`` and the forecast for [start, end] (default: today's
    quarter). Open opportunities keep the board's order (stage, then expected close); won
    and lost ones follow, most recently closed first."""
    quarter = quarter_of(today)
    rows = deal_rows(session, today)
    closed = sorted(
        (r for r in rows if r.status != DealStatus.OPEN),
        key=lambda r: (_status_order(r), -(r.closed_on or date.min).toordinal(), -r.id),
    )
    ordered = [r for r in rows if r.status == DealStatus.OPEN] + closed
    rates = win_rates(session)
    notes = dict(
        session.execute(
            select(Opportunity.id, Opportunity.lost_note).where(
                Opportunity.deleted_at.is_(None), Opportunity.status == DealStatus.LOST.value
            )
        ).all()
    )
    lines = tuple(
        PipelineLine(
            row=r,
            rate_source=(
                rates[r.stage].source if r.status == DealStatus.OPEN and r.stage in rates else None
            ),
            lost_note=notes.get(r.id, "") or "",
        )
        for r in ordered
    )
    return PipelineReport(
        today=today,
        lines=lines,
        forecast=forecast(session, today, start or quarter[0], end or quarter[1]),
        stage_names={stage.code: stage.name for stage in deal_stages(session)},
    )


# ---------------------------------------------------------------- the activity report's part


@dataclass(frozen=True)
class ClosedDeal:
    """An opportunity won or lost in the period; ``stage`` is where it stood when it closed."""

    id: int
    title: str
    organization: str
    contact_names: tuple[str, ...]
    amount_cents: int
    stage: str
    status: str
    closed_on: date
    lost_reason: str | None
    lost_note: str


@dataclass(frozen=True)
class PurchaseLine:
    """A purchase with its customer, for the activity report."""

    id: int
    product: str
    contact_name: str
    company: str
    amount_cents: int
    bought_on: date
    renewal_on: date | None
    deal_title: str


@dataclass(frozen=True)
class DealActivity:
    """The funnel's week: the forecast as of the period's last day (its quarter) with the
    progress against a week before, the opportunities closed and the purchases made in the
    period."""

    forecast: Forecast
    won: tuple[ClosedDeal, ...]
    lost: tuple[ClosedDeal, ...]
    purchases: tuple[PurchaseLine, ...]
    stage_names: Mapping[str, str]

    @property
    def won_cents(self) -> int:
        return sum(deal.amount_cents for deal in self.won)

    @property
    def lost_cents(self) -> int:
        return sum(deal.amount_cents for deal in self.lost)

    @property
    def purchased_cents(self) -> int:
        return sum(line.amount_cents for line in self.purchases)


def closed_deals(session: Session, start: date, end: date) -> list[ClosedDeal]:
    """The live opportunities won or lost from ``start`` to ``end``, in order of closing."""
    deals = session.scalars(
        select(Opportunity)
        .where(
            Opportunity.deleted_at.is_(None),
            Opportunity.status.in_((DealStatus.WON.value, DealStatus.LOST.value)),
            Opportunity.closed_on >= start,
            Opportunity.closed_on <= end,
        )
        .options(selectinload(Opportunity.buying_centre), selectinload(Opportunity.organization))
        .order_by(Opportunity.closed_on, Opportunity.id)
    ).all()
    ids = {member.contact_id for deal in deals for member in deal.buying_centre}
    names = dict(
        session.execute(
            select(Contact.id, Contact.name).where(
                Contact.id.in_(ids), Contact.deleted_at.is_(None)
            )
        ).all()
    )
    return [
        ClosedDeal(
            id=deal.id,
            title=deal.title,
            organization=deal.organization.name if deal.organization is not None else "",
            contact_names=tuple(
                names[m.contact_id] for m in deal.buying_centre if m.contact_id in names
            ),
            amount_cents=deal.amount_cents,
            stage=deal.stage,
            status=deal.status,
            closed_on=deal.closed_on or end,
            lost_reason=deal.lost_reason,
            lost_note=deal.lost_note,
        )
        for deal in deals
    ]


def purchases_made(session: Session, start: date, end: date) -> list[PurchaseLine]:
    """The purchases of live contacts bought from ``start`` to ``end``, oldest first."""
    rows = session.execute(
        select(Purchase, Contact.name, Organization.name, Opportunity.title)
        .join(Contact, Contact.id == Purchase.contact_id)
        .outerjoin(Organization, Organization.id == Contact.organization_id)
        .outerjoin(Opportunity, Opportunity.id == Purchase.opportunity_id)
        .where(
            Purchase.deleted_at.is_(None),
            Contact.deleted_at.is_(None),
            Purchase.bought_on >= start,
            Purchase.bought_on <= end,
        )
        .order_by(Purchase.bought_on, Purchase.id)
    ).all()
    return [
        PurchaseLine(
            id=purchase.id,
            product=purchase.product,
            contact_name=name,
            company=company or "",
            amount_cents=purchase.amount_cents,
            bought_on=purchase.bought_on,
            renewal_on=purchase.renewal_on,
            deal_title=title or "",
        )
        for purchase, name, company, title in rows
    ]


def deal_activity(session: Session, start: date, end: date, as_of: date) -> DealActivity:
    """The funnel's part of the activity report for [start, end]: the forecast of
    ``as_of``'s quarter as of ``as_of`` (with its progress over the week before), and what
    was won, lost and bought in the period."""
    closed = closed_deals(session, start, end)
    return DealActivity(
        forecast=forecast(session, as_of),
        won=tuple(d for d in closed if d.status == DealStatus.WON),
        lost=tuple(d for d in closed if d.status == DealStatus.LOST),
        purchases=tuple(purchases_made(session, start, end)),
        stage_names={stage.code: stage.name for stage in deal_stages(session)},
    )


# ---------------------------------------------------------------- the dossier's part


@dataclass(frozen=True)
class ContactDeals:
    """The contact's opportunities (open first) with their role, and their purchases (newest
    first), with the titles of the opportunities the purchases came from."""

    deals: tuple[ContactDeal, ...]
    purchases: tuple[PurchaseRow, ...]
    deal_titles: Mapping[int, str]
    stage_names: Mapping[str, str]


def contact_deals(session: Session, contact_id: int) -> ContactDeals:
    """What the contact is buying and has bought, for the dossier."""
    deals = tuple(deals_of_contact(session, contact_id))
    purchases = tuple(purchases_of(session, contact_id))
    ids = {p.opportunity_id for p in purchases if p.opportunity_id is not None}
    found = session.execute(
        select(Opportunity.id, Opportunity.title).where(Opportunity.id.in_(ids))
    )
    titles = {deal_id: title for deal_id, title in found}
    return ContactDeals(
        deals=deals,
        purchases=purchases,
        deal_titles=titles,
        stage_names={stage.code: stage.name for stage in deal_stages(session)},
    )
