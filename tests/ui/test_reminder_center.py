"""The running app pops up what is due, and the popup opens the contact in the window."""

from datetime import datetime

from relbook.app import AppController
from relbook.core.contact_input import ContactInput
from relbook.core.contacts import create_contact
from relbook.core.tasks import add_task
from relbook.ui.tray import Tray


def test_app_pops_up_due_reminders_and_opens_the_contact(qtbot, book, now, english):
    with book.session() as session:
        contact_id = create_contact(session, ContactInput("张三"), now).id
        create_contact(session, ContactInput("李四"), now)
        add_task(session, "call back", datetime(2026, 11, 23, 9, 30), now, contact_id, True)
    controller = AppController(book, reminders=True, clock=lambda: datetime(2026, 11, 23, 10))
    window = controller.start()
    qtbot.addWidget(window)
    try:
        center = controller.reminders
        assert center is not None
        qtbot.waitUntil(lambda: center.popup is not None and center.popup.isVisible(), timeout=5000)
        popup = center.popup
        assert popup.list.count() == 1 and "call back" in popup.list.item(0).text()
        popup.open_button.click()
        qtbot.waitUntil(lambda: window.pane.current_id() == contact_id, timeout=3000)
    finally:
        controller.reminders.stop()
        window.runner.wait_all()


def test_today_tab_is_home_and_hands_due_reminders_to_the_popup(qtbot, book, now, english):
    from relbook.core.contact_input import DateInput

    with book.session() as session:
        create_contact(session, ContactInput("王五", dates=[DateInput(11, 24)]), now)
    controller = AppController(book, reminders=True, clock=lambda: datetime(2026, 11, 23, 10))
    window = controller.start()
    qtbot.addWidget(window)
    try:
        assert window.views.currentWidget() is window.today
        qtbot.waitUntil(lambda: window.today.due.topLevelItemCount() == 1, timeout=5000)
        qtbot.waitUntil(lambda: controller.reminders.popup is not None, timeout=5000)
        controller.reminders.popup.hide()
        window.today.handle_button.click()
        assert controller.reminders.popup.isVisible()
        assert "王五" in controller.reminders.popup.list.item(0).text()
    finally:
        controller.reminders.stop()
        window.runner.wait_all()


def test_the_popup_and_today_show_the_same_due_items(qtbot, book, english, monkeypatch):
    """Issue 16: on a demo book the popup and Today agree to the item, late ones included."""
    from datetime import timedelta

    from relbook.core.demo import fill_demo
    from relbook.ui import reminder_popup

    monkeypatch.setattr(reminder_popup, "SHOWN_AT_ONCE", 10)
    start = datetime(2026, 11, 23, 10)
    with book.session() as session:
        fill_demo(session, 300, seed=7, now=start - timedelta(days=20))
    controller = AppController(book, reminders=True, clock=lambda: start)
    window = controller.start()
    qtbot.addWidget(window)
    try:
        center = controller.reminders
        qtbot.waitUntil(lambda: center.popup is not None and center.popup.isVisible(), timeout=8000)
        qtbot.waitUntil(lambda: window.today.summary is not None, timeout=8000)
        popup = center.popup
        today_keys = [o.key for o in window.today.summary.due]
        assert popup.total == len(today_keys) > reminder_popup.SHOWN_AT_ONCE
        listed = [popup.list.item(row).data(0x0100) for row in range(popup.list.count())]
        assert listed == today_keys[: reminder_popup.SHOWN_AT_ONCE]
        assert any(o.overdue for o in window.today.summary.due)
        if center.tray is None:  # no tray offscreen: one made by hand follows the next check
            center.tray = Tray(center)
        center.scheduler.check_now()
        assert center.tray.due_count == len(today_keys)
        # the rest are one click away
        assert popup.show_all_button.isVisible()
        window.views.setCurrentIndex(1)
        popup.show_all_button.click()
        assert window.views.currentWidget() is window.today
        # handled in the popup: Today follows
        popup.done_button.click()
        qtbot.waitUntil(
            lambda: [o.key for o in window.today.summary.due] == today_keys[1:], timeout=8000
        )
    finally:
        controller.reminders.stop()
        window.runner.wait_all()
