"""The contact list paints from the model's cells exactly as Qt's own delegate paints."""

from datetime import datetime

from PySide6.QtWidgets import QStyledItemDelegate, QTableView

from relbook.core.contact_input import ContactInput, DateInput
from relbook.core.contacts import create_contact
from relbook.ui.contact_list_model import ContactListModel
from relbook.ui.contact_table import CellDelegate, setup_contact_table
from relbook.ui.worker import JobRunner


def test_cells_paint_as_qt_paints_them(qtbot, book, english):
    long_ago = datetime(2024, 1, 5, 9)
    soon = datetime.now()
    scores = dict(score_near=5, score_future=5, score_profit=5, score_risk=1, score_strategic=5)
    with book.session() as session:
        create_contact(session, ContactInput("张三", company="成都天成科技有限公司"), long_ago)
        create_contact(
            session,
            ContactInput("李四", stage="customer", title="采购经理", **scores),
            long_ago,
        )
        birthday = DateInput(soon.month, soon.day, calendar="solar")
        create_contact(session, ContactInput("王五", level=4, dates=[birthday]), soon)
    runner = JobRunner()
    model = ContactListModel(book, runner)
    model.reload_now()
    table = QTableView()
    qtbot.addWidget(table)
    setup_contact_table(table, model)
    assert isinstance(table.itemDelegate(), CellDelegate)
    table.resize(900, 200)
    table.show()
    qtbot.waitExposed(table)
    table.selectRow(1)
    ours = table.grab().toImage()
    table.setItemDelegate(QStyledItemDelegate(table))
    qts = table.grab().toImage()
    runner.shutdown()
    assert model.rowCount() == 3
    assert ours == qts
