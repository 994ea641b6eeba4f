"""The contact list model reads pages ahead while idle, so scrolling paints from memory."""

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QTableView

import relbook.ui.contact_list_model as list_model
from relbook.core.demo import fill_demo
from relbook.ui.contact_list_model import PAGE_SIZE, ContactListModel
from relbook.ui.worker import JobRunner
from tests.conftest import NOW


@pytest.fixture
def table(qtbot, book) -> Iterator[QTableView]:
    with book.session() as session:
        fill_demo(session, 5 * PAGE_SIZE, seed=3, now=NOW)
    runner = JobRunner()
    model = ContactListModel(book, runner)
    model.reload_now()
    view = QTableView()
    view.setModel(model)
    view.verticalHeader().setDefaultSectionSize(26)
    view.resize(900, 700)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    yield view
    runner.shutdown()


def test_scrolling_page_by_page_never_reads_the_book_while_painting(qtbot, table, monkeypatch):
    reads: list[int] = []
    real_rows = list_model.contact_rows

    def counted(session, ids):
        reads.append(len(ids))
        return real_rows(session, ids)

    monkeypatch.setattr(list_model, "contact_rows", counted)
    model = table.model()
    bar = table.verticalScrollBar()
    painted_reads = 0
    seen_names = set()
    while bar.value() < bar.maximum():
        qtbot.wait(1)  # the event loop runs between two presses of Page Down
        before = len(reads)
        bar.setValue(bar.value() + bar.pageStep())
        table.viewport().repaint()
        painted_reads += len(reads) - before
        seen_names.add(model.index(table.rowAt(0), 1).data())
    assert model.rowCount() > 4 * PAGE_SIZE  # a few demo contacts are in the trash
    assert len(seen_names) > 20  # really scrolled through the list
    assert reads, "pages were read (ahead of time)"
    assert painted_reads == 0


def test_cells_of_far_pages_are_dropped_but_come_back(qtbot, table, monkeypatch):
    monkeypatch.setattr(list_model, "MAX_CELL_PAGES", 2)
    model = table.model()
    first = model.index(0, 1).data()
    for page in range(1, 5):
        model.index(page * PAGE_SIZE, 1).data()
    assert 0 not in model._cells
    assert model.index(0, 1).data() == first


def test_after_the_book_changes_the_search_is_ready_again_before_the_user_types(
    qtbot, table, book, now
):
    from relbook.core.contact_input import ContactInput
    from relbook.core.contacts import create_contact
    from relbook.core.search import ContactFilter

    model = table.model()
    model.set_filter(ContactFilter(text="w"), now=True)  # the user searched once
    with book.session() as session:
        create_contact(session, ContactInput("庄周"), now)
    model.set_filter(ContactFilter())  # the list reloads after the save, in the background
    qtbot.waitUntil(lambda: model._runner.running() == 0 and not model._index.needs_reading_again())
    assert model._index._haystack is not None  # read again ahead of the next search
    model.set_filter(ContactFilter(text="zhuangz"), now=True)
    assert model.rowCount() == 1
