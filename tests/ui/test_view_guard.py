"""Models and delegates never raise into Qt: a value they cannot show is blank and logged."""

import logging
from datetime import datetime

from sqlalchemy import update

from relbook.core.contact_input import ContactInput
from relbook.core.contacts import create_contact
from relbook.core.models import Contact
from relbook.ui.contact_list_model import ContactListModel


def test_a_far_day_stored_before_the_checks_paints_and_a_failing_cell_is_blank(
    qtbot, book, controller, monkeypatch, caplog
):
    with book.session() as session:
        contact = create_contact(
            session, ContactInput(name="远日", cadence_days=30), datetime(2026, 11, 23)
        )
        session.execute(
            update(Contact)
            .where(Contact.id == contact.id)
            .values(last_contacted_at=datetime(9999, 12, 31, 23, 59))
        )
    window = controller.window
    model = window.model
    model.reload_now()
    qtbot.waitUntil(lambda: window.runner.running() == 0)
    window.table.viewport().repaint()  # the delegate paints every column of the row
    row = next(r for r in range(model.rowCount()) if model.data(model.index(r, 0)) == "远日")
    texts = [model.data(model.index(row, c)) for c in range(model.columnCount())]
    assert "远日" in texts

    def broken(self, record, column):
        if column == "name":
            raise OverflowError("date value out of range")
        return real(self, record, column)

    real = ContactListModel._display
    monkeypatch.setattr(ContactListModel, "_display", broken)
    model._cells.clear()
    with caplog.at_level(logging.ERROR, logger="relbook"):
        assert model.data(model.index(row, 0)) == ""
        window.table.viewport().repaint()
    assert "OverflowError" in caplog.text
