"""Reads for the company map window.

Loads the database layer: the window imports it when the map is first opened.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from relbook.core.company_map import CompanyMap, company_map_named
from relbook.ui.operations import BookQuery

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from relbook.db.book import Book
    from relbook.ui.worker import JobRunner


def read_company_map(
    parent: QObject | None, book: Book, runner: JobRunner, organization: str
) -> BookQuery[CompanyMap]:
    """The company map of the organization called ``organization`` (exactly, else ignoring
    case), off the UI thread; ``NotFoundError`` when it is gone."""

    def work(session: Session) -> CompanyMap:
        return company_map_named(session, organization)

    return BookQuery(parent, book, runner, work)
