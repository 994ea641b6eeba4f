"""Changes to opportunities (add, edit, move, win, lose, the buying centre, delete) and the
reads of the Opportunities tab (the board's rows, one deal's detail, the forecast).

Loads the database layer: the window imports it when the Opportunities tab is built.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from relbook.core import deals
from relbook.core.changes import BookChanges, Saved
from relbook.core.contacts import get_contact, organization_names, thresholds
from relbook.core.deal_reads import DealDetail, DealRow, deal_detail, deal_rows
from relbook.core.deal_stages import StageInfo, deal_stages, funnel_min_cents
from relbook.core.forecast import Forecast, forecast
from relbook.core.tiers import TierThresholds
from relbook.core.win_rates import StageRate, win_rates
from relbook.ui.events import BookEvents
from relbook.ui.operations import BookOp, BookQuery, read_now

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from relbook.core.deals import DealInput
    from relbook.db.book import Book


@dataclass(frozen=True)
class Board:
    """What the board and the table show: the stages in the user's order, the rates they
    use, and the opportunities."""

    stages: list[StageInfo]
    rates: dict[str, StageRate]
    rows: list[DealRow]


@dataclass(frozen=True)
class EditorChoices:
    """What the opportunity editor offers: the stages, companies and tier limits."""

    stages: list[StageInfo]
    companies: list[str]
    limits: TierThresholds
    funnel_min_cents: int


def _board(session: Session, today: date, open_only: bool) -> Board:
    return Board(deal_stages(session), win_rates(session), deal_rows(session, today, open_only))


def board_rows(
    parent: QObject | None, book: Book, events: BookEvents, today: date, open_only: bool
) -> BookQuery[Board]:
    """The stages and the live opportunities (open ones only, or all)."""
    return BookQuery(parent, book, events.runner, lambda s: _board(s, today, open_only))


def board_now(book: Book, today: date, open_only: bool) -> Board:
    """``board_rows`` at once, for a tab shown for the first time (and for screenshots)."""
    return read_now(book, lambda s: _board(s, today, open_only))


def detail(book: Book, deal_id: int, today: date) -> DealDetail:
    """One opportunity with its history and buying centre, for the editor."""
    return read_now(book, lambda s: deal_detail(s, deal_id, today))


def editor_choices(book: Book) -> EditorChoices:
    return read_now(
        book,
        lambda s: EditorChoices(
            deal_stages(s), organization_names(s), thresholds(s), funnel_min_cents(s)
        ),
    )


@dataclass(frozen=True)
class NewMember:
    """A contact about to join the buying centre, as the editor lists them."""

    contact_id: int
    name: str
    level: int
    company: str


def new_member(book: Book, contact_id: int) -> NewMember:
    """The name, relationship level and company of a contact picked for the buying centre."""

    def work(session: Session) -> NewMember:
        contact = get_contact(session, contact_id)
        company = contact.organization.name if contact.organization is not None else ""
        return NewMember(contact.id, contact.name, contact.level, company)

    return read_now(book, work)


@dataclass(frozen=True)
class ForecastView:
    """The forecast, with the stages' names and where each rate came from."""

    result: Forecast
    stages: list[StageInfo]
    rates: dict[str, StageRate]


def _forecast(session: Session, today: date, start: date, end: date) -> ForecastView:
    return ForecastView(
        forecast(session, today, start, end), deal_stages(session), win_rates(session)
    )


def forecast_query(
    parent: QObject | None, book: Book, events: BookEvents, today: date, start: date, end: date
) -> BookQuery[ForecastView]:
    """The sales forecast for [start, end] as of today and a week ago."""
    return BookQuery(parent, book, events.runner, lambda s: _forecast(s, today, start, end))


def forecast_now(book: Book, today: date, start: date, end: date) -> ForecastView:
    return read_now(book, lambda s: _forecast(s, today, start, end))


def add_deal(
    parent: QObject | None,
    book: Book,
    events: BookEvents,
    data: DealInput,
    roles: dict[int, tuple[str | None, bool]],
    now: datetime,
) -> BookOp[Saved]:
    """Add an opportunity with its buying centre's roles and insiders (contact id ->
    (role, insider)), in one unit of work."""

    def work(session: Session) -> Saved:
        saved = deals.add_deal(session, data, now)
        changes = saved.changes | _set_roles(session, saved.id, roles, now)
        return Saved(saved.id, changes)

    return BookOp(parent, book, events, work)


def edit_deal(
    parent: QObject | None,
    book: Book,
    events: BookEvents,
    deal_id: int,
    data: DealInput,
    roles: dict[int, tuple[str | None, bool]],
    now: datetime,
) -> BookOp[Saved]:
    """Replace an opportunity's fields, buying centre and roles, in one unit of work."""

    def work(session: Session) -> Saved:
        saved = deals.edit_deal(session, deal_id, data, now)
        changes = saved.changes | _set_roles(session, deal_id, roles, now)
        return Saved(saved.id, changes)

    return BookOp(parent, book, events, work)


def _set_roles(
    session: Session, deal_id: int, roles: dict[int, tuple[str | None, bool]], now: datetime
) -> BookChanges:
    changes = BookChanges()
    for contact_id, (role, insider) in roles.items():
        changes |= deals.set_role(session, deal_id, contact_id, role, now)
        changes |= deals.set_insider(session, deal_id, contact_id, insider, now)
    return changes


def move_deal(
    parent: QObject | None,
    book: Book,
    events: BookEvents,
    deal_id: int,
    stage: str,
    now: datetime,
) -> BookOp[BookChanges]:
    """Move an open opportunity to ``stage`` today (a card dropped on another column)."""
    return BookOp(
        parent,
        book,
        events,
        lambda session: deals.move_deal(session, deal_id, stage, now.date(), now),
    )


def win_deal(
    parent: QObject | None,
    book: Book,
    events: BookEvents,
    deal_id: int,
    day: date,
    amount_cents: int,
    now: datetime,
) -> BookOp[Saved]:
    """Mark the opportunity won: the purchase and the two-day thank-you come with it."""
    return BookOp(
        parent,
        book,
        events,
        lambda session: deals.win_deal(session, deal_id, day, now, amount_cents),
    )


def lose_deal(
    parent: QObject | None,
    book: Book,
    events: BookEvents,
    deal_id: int,
    reason: str | None,
    day: date,
    note: str,
    now: datetime,
) -> BookOp[BookChanges]:
    """Mark the opportunity lost, with why (required) and a note."""
    return BookOp(
        parent,
        book,
        events,
        lambda session: deals.lose_deal(session, deal_id, reason, day, now, note),
    )


def set_role(
    parent: QObject | None,
    book: Book,
    events: BookEvents,
    deal_id: int,
    contact_id: int,
    role: str | None,
    now: datetime,
) -> BookOp[BookChanges]:
    """Give a member of the buying centre a role (None clears it)."""
    return BookOp(
        parent,
        book,
        events,
        lambda session: deals.set_role(session, deal_id, contact_id, role, now),
    )


def set_insider(
    parent: QObject | None,
    book: Book,
    events: BookEvents,
    deal_id: int,
    contact_id: int,
    insider: bool,
    now: datetime,
) -> BookOp[BookChanges]:
    """Mark or unmark a member of the buying centre as an insider (内线)."""
    return BookOp(
        parent,
        book,
        events,
        lambda session: deals.set_insider(session, deal_id, contact_id, insider, now),
    )


def remove_contact(
    parent: QObject | None,
    book: Book,
    events: BookEvents,
    deal_id: int,
    contact_id: int,
    now: datetime,
) -> BookOp[BookChanges]:
    """Take a contact out of the buying centre."""
    return BookOp(
        parent,
        book,
        events,
        lambda session: deals.remove_contact(session, deal_id, contact_id, now),
    )


def delete_deal(
    parent: QObject | None, book: Book, events: BookEvents, deal_id: int, now: datetime
) -> BookOp[BookChanges]:
    """Move the opportunity to the trash."""
    return BookOp(parent, book, events, lambda session: deals.delete_deal(session, deal_id, now))
