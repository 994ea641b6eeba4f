"""The settings' Opportunities page: the funnel's stages, their win rates, and saving them
with the other settings."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject

from relbook.core.changes import BookChanges
from relbook.core.deal_stages import StageEdit, StageInfo, deal_stages, save_stages, stage_in_use
from relbook.core.win_rates import StageRate, win_rates
from relbook.ui.events import BookEvents
from relbook.ui.operations import BookOp, BookQuery
from relbook.ui.operations.settings import store_settings

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from relbook.db.book import Book

Owner = QObject | None


@dataclass(frozen=True)
class Funnel:
    """The stages in order, the win rate each uses now, and the stages that cannot be
    removed because an opportunity stands in them or passed through them."""

    stages: list[StageInfo]
    rates: dict[str, StageRate]
    in_use: frozenset[str]


def funnel(parent: Owner, book: Book, events: BookEvents) -> BookQuery[Funnel]:
    def work(session: Session) -> Funnel:
        stages = deal_stages(session)
        used = frozenset(stage.code for stage in stages if stage_in_use(session, stage.code))
        return Funnel(stages, win_rates(session), used)

    return BookQuery(parent, book, events.runner, work)


def save_settings_and_funnel(
    parent: Owner,
    book: Book,
    events: BookEvents,
    values: dict[str, Any],
    tiers_moved: bool,
    stages: list[StageEdit] | None,
) -> BookOp[BookChanges]:
    """The settings dialog's Save: the settings and, when ``stages`` is given, the funnel as
    the user left it, in one unit of work (a stage that cannot be removed stops both)."""

    def work(session: Session) -> BookChanges:
        changes = BookChanges()
        if stages is not None:
            changes |= save_stages(session, stages)
        return changes | store_settings(session, values, tiers_moved)

    return BookOp(parent, book, events, work)
