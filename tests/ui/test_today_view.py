from datetime import datetime

from relbook.core.contact_input import ContactInput, DateInput
from relbook.core.contacts import create_contact
from relbook.ui.today_view import TodayView
from relbook.ui.worker import JobRunner


def test_today_view_lists_and_opens_contacts(qtbot, book, english):
    with book.session() as session:
        contact_id = create_contact(
            session, ContactInput("张三", dates=[DateInput(11, 25)]), datetime(2026, 9, 1)
        ).id
    view = TodayView(book, JobRunner(), lambda: datetime(2026, 11, 23, 10))
    qtbot.addWidget(view)
    view.refresh()
    qtbot.waitUntil(lambda: view.due.topLevelItemCount() == 1, timeout=3000)
    group = view.due.topLevelItem(0)
    assert group.text(0) == "Birthday (1)"
    assert "张三" in group.child(0).text(1)
    with qtbot.waitSignal(view.open_contact_requested) as opened:
        view.due.itemDoubleClicked.emit(group.child(0), 0)
    assert opened.args == [contact_id]
    with qtbot.waitSignal(view.handle_requested) as handled:
        view.handle_button.click()
    assert [o.contact_name for o in handled.args[0]] == ["张三"]
