"""The Greet window driven like a user: a festival's greeting person by person (issue 16)."""

from collections.abc import Iterator
from datetime import date, datetime

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from relbook.app import AppController
from relbook.core.contact_batch import ContactBatch
from relbook.core.contact_input import ContactInput
from relbook.core.contacts import create_contact
from relbook.core.festival_greetings import greeted_at
from relbook.core.history import interactions_of
from relbook.core.settings import set_setting
from relbook.ui.events import BookEvents
from relbook.ui.greet_model import COPY, NAME, SENT, SENT_COLOR
from relbook.ui.greet_window import GreetWindow
from relbook.ui.worker import JobRunner
from relbook.words.i18n import install_language

MID_AUTUMN = date(2027, 9, 15)
TWO_DAYS_BEFORE = datetime(2027, 9, 13, 10, 0)
TOP = dict(score_near=5, score_future=5, score_profit=5, score_risk=1, score_strategic=5)
LOW = dict(score_near=1, score_future=1, score_profit=1, score_risk=5, score_strategic=1)


@pytest.fixture
def chinese(qapp) -> Iterator[None]:
    install_language("zh_CN")
    yield
    install_language("en")


@pytest.fixture
def people(book, now) -> dict[str, int]:
    """张三 (张总, tier A customer), 李四 (no tier yet), 王五 (王老师, a driver), and 赵六
    (tier C: not a recipient)."""
    with book.session() as session:
        return {
            "张三": create_contact(
                session, ContactInput("张三", salutation="张总", stage="customer", **TOP), now
            ).id,
            "李四": create_contact(session, ContactInput("李四"), now).id,
            "王五": create_contact(
                session, ContactInput("王五", salutation="王老师", personality="driver"), now
            ).id,
            "赵六": create_contact(session, ContactInput("赵六", stage="customer", **LOW), now).id,
        }


def _open(qtbot, book, language="zh_CN", events=None, clock=TWO_DAYS_BEFORE) -> GreetWindow:
    runner = JobRunner()
    window = GreetWindow(
        book, events or BookEvents(), runner, "mid_autumn", MID_AUTUMN, language, lambda: clock
    )
    qtbot.addWidget(window)
    window.show()
    return window


def _row_index(window: GreetWindow, contact_id: int, column: int = NAME):
    row = window.model.row_of(contact_id)
    return window.proxy.mapFromSource(window.model.index(row, column))


def _click(qtbot, window: GreetWindow, index, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    window.table.scrollTo(index)
    point = window.table.visualRect(index).center()
    qtbot.mouseClick(window.table.viewport(), Qt.MouseButton.LeftButton, modifier, point)


def test_greet_marks_two_people_sent_and_copies_each_one_s_greeting(qtbot, book, people, chinese):
    events = BookEvents()
    window = _open(qtbot, book, events=events)
    qtbot.waitUntil(lambda: window.model.rowCount() == 3, timeout=5000)
    assert window.title.text() == "中秋节 · 2027年9月15日"
    # (the window's own words reach Chinese with the catalogue; the stages' words are there)
    assert "A" in window.audience.text() and "潜在" in window.audience.text()
    assert [window.model.row(r).name for r in range(3)] == ["李四", "王五", "张三"]

    # select two rows as a user does (click, then Ctrl+click) and mark them sent
    _click(qtbot, window, _row_index(window, people["张三"]))
    _click(qtbot, window, _row_index(window, people["王五"]), Qt.KeyboardModifier.ControlModifier)
    assert {row.name for row in window.selected_rows()} == {"张三", "王五"}
    with qtbot.waitSignal(events.changed, timeout=5000) as changed:
        window.mark_button.click()
    changes = changed.args[0]
    assert changes.contact_ids == {people["张三"], people["王五"]} and changes.history

    with book.session() as session:
        for name in ("张三", "王五"):
            (greeting,) = interactions_of(session, people[name])
            assert greeting.kind == "greeting"
            assert greeting.occasion_key == "festival:mid_autumn:2027"
            assert greeting.occurred_at == TWO_DAYS_BEFORE
        assert interactions_of(session, people["李四"]) == []
    for name, sent in (("张三", True), ("王五", True), ("李四", False)):
        index = _row_index(window, people[name], SENT)
        assert window.model.row(window.model.row_of(people[name])).sent is sent
        assert str(index.data()).startswith("✓") is sent
        foreground = index.data(Qt.ItemDataRole.ForegroundRole)
        assert (foreground is not None and foreground.color().name() == SENT_COLOR) is sent
    assert "3" in window.counts.text() and "2" in window.counts.text()
    assert not window.mark_button.isEnabled()  # both selected rows are sent now

    # each row's Copy button copies that person's greeting, worded for today (two days early)
    QGuiApplication.clipboard().clear()
    _click(qtbot, window, _row_index(window, people["张三"], COPY))
    copied = QGuiApplication.clipboard().text()
    assert copied.startswith("张总，后天就是中秋节了")
    _click(qtbot, window, _row_index(window, people["李四"], COPY))
    assert QGuiApplication.clipboard().text().startswith("李四，后天就是中秋节了")
    assert window.current_row().name == "李四"

    # hiding the sent ones leaves 李四; the filter finds by pinyin
    window.show_sent.setChecked(False)
    assert window.proxy.rowCount() == 1
    window.show_sent.setChecked(True)
    window.filter_box.setText("wang")
    assert window.proxy.rowCount() == 1
    assert window.proxy.index(0, NAME).data() == "王五"


def test_copy_by_keyboard_and_in_english(qtbot, book, people, english):
    window = _open(qtbot, book, language="en", clock=datetime(2027, 9, 15, 9, 0))
    qtbot.waitUntil(lambda: window.model.rowCount() == 3, timeout=5000)
    assert window.title.text() == "Mid-Autumn Festival · September 15, 2027"
    assert window.audience.text() == (
        "Who gets it: tiers A, B and contacts with no tier yet; "
        "stages Potential, Interested, Customer"
    )
    window.table.setFocus()
    window.select_contacts([people["张三"]])
    qtbot.keyClick(window.table, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QGuiApplication.clipboard().text().startswith("Happy Mid-Autumn Festival, 张总!")
    why = _row_index(window, people["李四"], 4).data()
    assert why == "no tier yet · Potential"


def test_mark_all_not_yet_sent_asks_first(qtbot, book, people, english, monkeypatch):
    window = _open(qtbot, book, language="en")
    qtbot.waitUntil(lambda: window.model.rowCount() == 3, timeout=5000)
    asked: list[str] = []
    monkeypatch.setattr(window, "confirm", lambda question: asked.append(question) or False)
    window.mark_all_button.click()
    assert asked and "3 people" in asked[0]
    assert window.model.sent_count() == 0
    monkeypatch.setattr(window, "confirm", lambda question: True)
    window.mark_all_button.click()
    qtbot.waitUntil(lambda: window.model.sent_count() == 3, timeout=5000)
    assert not window.mark_all_button.isEnabled()


def test_three_thousand_recipients_load_without_blocking(qtbot, book, now, english, monkeypatch):
    surnames = "王李张刘陈杨黄赵吴周"
    with book.session() as session:
        batch = ContactBatch(session, now)
        for n in range(3000):
            batch.add(ContactInput(f"{surnames[n % 10]}{n:04d}"))
        batch.flush()
    window = _open(qtbot, book, language="en")
    # the constructor returned before the recipients were read: they come from the worker
    assert window.model.rowCount() == 0 and window.sheet is None
    assert not window.mark_all_button.isEnabled()
    qtbot.waitUntil(lambda: window.model.rowCount() == 3000, timeout=30000)
    assert window.proxy.rowCount() == 3000
    window.filter_box.setText("wang")
    assert window.proxy.rowCount() == 300
    window.filter_box.clear()
    monkeypatch.setattr(window, "confirm", lambda question: True)
    window.mark_all_button.click()  # in steps of 500, with progress
    qtbot.waitUntil(lambda: window.model.sent_count() == 3000, timeout=30000)
    with book.session() as session:
        assert len(greeted_at(session, "mid_autumn", 2027)) == 3000


def test_the_popup_s_festival_reminder_opens_the_greet_window(qtbot, book, people, english):
    with book.session() as session:
        set_setting(session, "ui.language", "en")
    controller = AppController(book, reminders=True, clock=lambda: TWO_DAYS_BEFORE)
    window = controller.start()
    qtbot.addWidget(window)
    try:
        center = controller.reminders
        qtbot.waitUntil(lambda: center.popup is not None and center.popup.isVisible(), timeout=8000)
        popup = center.popup
        rows = {popup.list.item(r).text(): r for r in range(popup.list.count())}
        (festival_row,) = [r for text, r in rows.items() if "Mid-Autumn" in text]
        other = next(r for text, r in rows.items() if "Mid-Autumn" not in text)
        popup.list.setCurrentRow(other)
        assert not popup.greet_button.isEnabled()
        popup.list.setCurrentRow(festival_row)
        assert popup.greet_button.isEnabled()
        popup.greet_button.click()
        greet = window.greet_windows[("mid_autumn", MID_AUTUMN)]
        assert greet.isVisible() and not greet.isModal()
        qtbot.waitUntil(lambda: greet.model.rowCount() == 3, timeout=5000)
        assert greet.title.text() == "Mid-Autumn Festival · September 15, 2027"
        popup.greet_button.click()  # the same festival's window comes to the front again
        assert list(window.greet_windows) == [("mid_autumn", MID_AUTUMN)]
    finally:
        controller.reminders.stop()
        window.runner.wait_all()


def test_today_opens_the_greet_window_from_a_festival_line(qtbot, book, people, english):
    with book.session() as session:
        set_setting(session, "ui.language", "en")
    controller = AppController(book, clock=lambda: datetime(2027, 9, 1, 10, 0))
    window = controller.start()
    qtbot.addWidget(window)
    try:
        today = window.today
        window.show_today()
        qtbot.waitUntil(lambda: today.summary is not None, timeout=8000)
        tree = today.upcoming
        items = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
        (line,) = [item for item in items if "Mid-Autumn" in item.text(2)]
        menu = today.menu_for(line)
        assert [action.text() for action in menu.actions()] == ["Greet…"]
        tree.itemDoubleClicked.emit(line, 2)
        greet = window.greet_windows[("mid_autumn", MID_AUTUMN)]
        qtbot.waitUntil(lambda: greet.model.rowCount() == 3, timeout=5000)
        assert greet.isVisible()
        # a greeting marked sent in the window reaches the book's screens through its events
        greet.select_contacts([people["李四"]])
        greet.table.selectionModel().select(
            greet.table.currentIndex(),
            QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
        )
        with qtbot.waitSignal(window.events.changed, timeout=5000):
            greet.mark_selected()
    finally:
        window.runner.wait_all()


def test_coming_back_on_another_day_words_the_greetings_for_that_day(qtbot, book, people, english):
    clock = [TWO_DAYS_BEFORE]
    runner = JobRunner()
    window = GreetWindow(
        book, BookEvents(), runner, "mid_autumn", MID_AUTUMN, "en", lambda: clock[0]
    )
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.model.rowCount() == 3, timeout=5000)
    assert "the day after tomorrow" in window.model.row(0).greeting
    clock[0] = datetime(2027, 9, 14, 9, 0)
    elsewhere = QWidget()
    qtbot.addWidget(elsewhere)
    elsewhere.show()
    elsewhere.activateWindow()
    qtbot.waitUntil(lambda: not window.isActiveWindow(), timeout=3000)
    window.activateWindow()
    qtbot.waitUntil(
        lambda: (
            "tomorrow" in window.model.row(0).greeting
            and "after" not in window.model.row(0).greeting
        ),
        timeout=5000,
    )
