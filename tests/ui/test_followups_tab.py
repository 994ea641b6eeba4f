from datetime import date, datetime

from PySide6.QtCore import QDate, QDateTime, QTimer
from PySide6.QtWidgets import QApplication

from relbook.core.contact_input import ContactInput
from relbook.core.contacts import create_contact
from relbook.core.reminders import occurrences
from relbook.ui.events import BookEvents
from relbook.ui.followups_tab import ExpiryDialog, FollowUpsTab, TaskDialog


def _answer(kind, fill):
    def run():
        dialog = next(
            w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()
        )
        fill(dialog)
        dialog.accept()

    QTimer.singleShot(0, run)


def test_add_and_complete_a_timed_follow_up_and_an_expiry(qtbot, book, now, english):
    with book.session() as session:
        contact_id = create_contact(session, ContactInput("张三"), now).id
    tab = FollowUpsTab(book, BookEvents())
    qtbot.addWidget(tab)
    tab.load(contact_id)

    def task(dialog):
        dialog.title.setText("send the quotation")
        dialog.due.setDateTime(
            QDateTime(QDate(2026, 11, 26), dialog.due.time().fromString("10:30", "HH:mm"))
        )
        dialog.has_time.setChecked(True)

    _answer(TaskDialog, task)
    tab.add_task()
    assert tab.tasks.topLevelItemCount() == 1
    assert "send the quotation" in tab.tasks.topLevelItem(0).text(1)

    def expiry(dialog):
        dialog.kind.setCurrentIndex(dialog.kind.findData("policy"))
        dialog.label.setText("car insurance")
        dialog.expires.setDate(QDate(2027, 1, 10))

    _answer(ExpiryDialog, expiry)
    tab.add_expiry()
    assert tab.expiries.topLevelItem(0).text(2) == "car insurance"
    with book.session() as session:
        found = occurrences(session, date(2026, 11, 26), date(2027, 1, 10))
    kinds = {(o.kind, o.title) for o in found}
    assert ("follow_up", "send the quotation") in kinds and ("expiry", "car insurance") in kinds
    assert [o.at for o in found if o.kind == "follow_up"] == [datetime(2026, 11, 26, 10, 30)]

    tab.tasks.setCurrentItem(tab.tasks.topLevelItem(0))
    tab.done_button.click()
    assert tab._events.runner.wait_all()  # done in the background
    assert tab.tasks.topLevelItemCount() == 0
