"""The Opportunities tab: cards dragged between columns move deals, dropped on Won or Lost
close them, the editor saves a buying centre, the forecast panel shows core's figures and the
table sorts amounts as numbers."""

import json
from datetime import date, datetime, timedelta

import pytest
import shiboken6
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QMessageBox
from sqlalchemy import select

from relbook.cli import deals as deals_cli
from relbook.core.contact_input import ContactInput
from relbook.core.contacts import create_contact
from relbook.core.deal_reads import deal_detail
from relbook.core.deals import DealInput, add_deal
from relbook.core.forecast import forecast, quarter_of
from relbook.core.models import DealContact, Purchase, Task
from relbook.ui.deal_cards import MIME_TYPE, deal_id_of, yuan_text
from relbook.ui.deal_table import COLUMNS
from relbook.ui.deals_page import DealsPage
from tests.cli.runner import run

NOW = datetime.now().replace(microsecond=0)
TODAY = NOW.date()
STARTED = TODAY - timedelta(days=10)


def _people(book, *names: str) -> list[int]:
    with book.session() as session:
        return [
            create_contact(session, ContactInput(name, company="恒达"), NOW).id for name in names
        ]


def _deal(
    book, contacts: list[int], yuan: int, stage: str = "analysis", title: str = "服务器"
) -> int:
    close = quarter_of(TODAY)[1]
    data = DealInput(title, contacts, amount_cents=yuan * 100, stage=stage, expected_close=close)
    with book.session() as session:
        return add_deal(session, data, NOW, on=STARTED).id


def _page(qtbot, window) -> DealsPage:
    page = window.deals
    assert page is not None
    window.show_deals()
    qtbot.waitUntil(lambda: window.runner.running() == 0)
    page.refresh_now()
    return page


def _settled(qtbot, window) -> None:
    qtbot.waitUntil(lambda: window.runner.running() == 0)
    QApplication.processEvents()
    qtbot.waitUntil(lambda: window.runner.running() == 0)


def _closed(dialog) -> bool:
    return not shiboken6.isValid(dialog) or not dialog.isVisible()


def _drop(view, mime) -> QDropEvent:
    """Drag ``mime`` into ``view`` and drop it there, as the mouse would."""
    viewport = view.viewport()
    point = QPoint(viewport.width() // 2, viewport.height() - 4)
    actions = Qt.DropAction.MoveAction | Qt.DropAction.CopyAction
    buttons, keys = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(point, actions, mime, buttons, keys)
    QApplication.sendEvent(viewport, enter)
    assert enter.isAccepted()
    move = QDragMoveEvent(point, actions, mime, buttons, keys)
    QApplication.sendEvent(viewport, move)
    drop = QDropEvent(QPointF(point), actions, mime, buttons, keys)
    QApplication.sendEvent(viewport, drop)
    return drop


def _card_mime(page: DealsPage, stage: str, deal_id: int):
    model = page.board.columns[stage].model
    row = next(i for i, r in enumerate(model.rows()) if r.id == deal_id)
    mime = model.mimeData([model.index(row, 0)])
    assert mime.hasFormat(MIME_TYPE) and deal_id_of(mime) == deal_id
    return mime


def test_dragging_a_card_to_another_column_moves_the_deal_and_records_it(qtbot, book, window):
    (zhang,) = _people(book, "张三")
    deal_id = _deal(book, [zhang], 80_000)
    page = _page(qtbot, window)
    assert [r.id for r in page.board.columns["analysis"].model.rows()] == [deal_id]

    _drop(page.board.columns["needs"].view, _card_mime(page, "analysis", deal_id))
    _settled(qtbot, window)

    with book.session() as session:
        detail = deal_detail(session, deal_id, TODAY)
    assert detail.row.stage == "needs"
    assert [(s.changed_on, s.from_stage, s.to_stage) for s in detail.history] == [
        (STARTED, None, "analysis"),
        (TODAY, "analysis", "needs"),
    ]
    qtbot.waitUntil(lambda: [r.id for r in page.board.columns["needs"].model.rows()] == [deal_id])
    assert page.board.columns["analysis"].model.rows() == []
    assert "(1)" in page.board.columns["needs"].heading.text()


def test_a_card_dropped_on_its_own_column_or_something_else_changes_nothing(qtbot, book, window):
    (zhang,) = _people(book, "张三")
    deal_id = _deal(book, [zhang], 80_000)
    page = _page(qtbot, window)
    model = page.board.columns["analysis"].model
    mime = _card_mime(page, "analysis", deal_id)
    assert not model.canDropMimeData(mime, Qt.DropAction.MoveAction, -1, -1, model.index(-1, 0))
    from PySide6.QtCore import QMimeData

    text = QMimeData()
    text.setText("42")
    assert not page.board.columns["needs"].model.canDropMimeData(
        text, Qt.DropAction.MoveAction, -1, -1, model.index(-1, 0)
    )


def test_dropping_on_won_records_the_purchase_and_the_thank_you(qtbot, book, window):
    zhang, li = _people(book, "张三", "李四")
    deal_id = _deal(book, [zhang, li], 80_000, stage="commitment")
    page = _page(qtbot, window)

    _drop(page.board.columns["won"].view, _card_mime(page, "commitment", deal_id))
    dialog = page.close_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.day.date().toPython() == TODAY
    assert dialog.amount.text() == "80,000"
    dialog.amount.setText("75,500")
    dialog.accept()
    _settled(qtbot, window)

    assert _closed(dialog)
    with book.session() as session:
        purchases = session.scalars(select(Purchase)).all()
        thanks = session.scalars(select(Task).where(Task.kind == "after_deal")).all()
        detail = deal_detail(session, deal_id, TODAY)
    assert [(p.contact_id, p.amount_cents, p.opportunity_id, p.bought_on) for p in purchases] == [
        (zhang, 7_550_000, deal_id, TODAY)
    ]
    assert [t.contact_id for t in thanks] == [zhang]
    assert detail.row.status == "won" and detail.row.closed_on == TODAY
    qtbot.waitUntil(lambda: page.board.columns["commitment"].model.rows() == [])


def test_lost_needs_a_reason_from_the_list(qtbot, book, window):
    (zhang,) = _people(book, "张三")
    deal_id = _deal(book, [zhang], 80_000, stage="value")
    page = _page(qtbot, window)

    _drop(page.board.columns["lost"].view, _card_mime(page, "value", deal_id))
    dialog = page.close_dialog
    assert dialog is not None and dialog.windowTitle() == "Mark as lost"
    dialog.note.setText("对手便宜两成")
    dialog.accept()
    _settled(qtbot, window)
    assert dialog.isVisible()
    assert "lost_reason" in dialog.messages.labels
    assert dialog.messages.labels["lost_reason"].text() == "Choose why it was lost."
    with book.session() as session:
        assert deal_detail(session, deal_id, TODAY).row.status == "open"

    dialog.reason.setCurrentIndex(dialog.reason.findData("competitor"))
    dialog.accept()
    _settled(qtbot, window)
    assert _closed(dialog)
    with book.session() as session:
        detail = deal_detail(session, deal_id, TODAY)
    assert (detail.row.status, detail.row.lost_reason, detail.lost_note) == (
        "lost",
        "competitor",
        "对手便宜两成",
    )


def test_the_context_menu_moves_a_card_without_a_mouse(qtbot, book, window):
    (zhang,) = _people(book, "张三")
    deal_id = _deal(book, [zhang], 5_000)
    page = _page(qtbot, window)
    row = page.row(deal_id)
    assert row is not None
    menu = page.board.card_menu(row, page)
    titles = [a.text() for a in menu.actions() if a.text()]
    assert titles == ["Open", "Move to", "Won…", "Lost…", "Delete…"]
    move_menu = menu.actions()[1].menu()
    trust = next(a for a in move_menu.actions() if a.text() == "Building trust")
    trust.trigger()
    _settled(qtbot, window)
    with book.session() as session:
        assert deal_detail(session, deal_id, TODAY).row.stage == "trust"


def test_the_editor_saves_a_buying_centre_with_roles(qtbot, book, window):
    zhang, li, wang = _people(book, "张三", "李四", "王五")
    page = _page(qtbot, window)
    editor = page.new_deal([zhang])
    assert editor.company.placeholderText() == "恒达"
    assert "No decision maker" in editor.warnings.text()
    editor.title.setText("机房改造")
    editor.amount.setText("120,000")
    for name in ("李四", "王五"):
        editor.picker.setText(name)
        editor.add_picked()
    assert [m.contact_id for m in editor.members] == [zhang, li, wang]
    editor.role_combo(0).setCurrentIndex(editor.role_combo(0).findData("decision_maker"))
    editor.role_combo(1).setCurrentIndex(editor.role_combo(1).findData("purchaser"))
    editor.insider_check(2).setChecked(True)
    assert editor.warnings.isHidden()
    editor.centre.selectRow(1)
    editor.remove_selected()
    editor.picker.setText("李四")
    editor.add_picked()
    editor.role_combo(2).setCurrentIndex(editor.role_combo(2).findData("gatekeeper"))
    editor.save()
    _settled(qtbot, window)

    assert editor.saved_id is not None
    with book.session() as session:
        members = session.scalars(
            select(DealContact).where(DealContact.opportunity_id == editor.saved_id)
        ).all()
        detail = deal_detail(session, editor.saved_id, TODAY)
    assert sorted((m.contact_id, m.role, m.is_insider) for m in members) == [
        (zhang, "decision_maker", False),
        (li, "gatekeeper", False),
        (wang, None, True),
    ]
    assert (detail.row.title, detail.row.amount_cents, detail.row.organization) == (
        "机房改造",
        12_000_000,
        "恒达",
    )
    qtbot.waitUntil(lambda: page.row(editor.saved_id) is not None)


def test_the_editor_shows_problems_under_their_fields(qtbot, book, window):
    (zhang,) = _people(book, "张三")
    deal_id = _deal(book, [zhang], 1_000)
    page = _page(qtbot, window)
    editor = page.open_deal(deal_id)
    assert editor.history.count() == 1 and editor.won_button.isVisibleTo(editor)
    editor.title.setText("  ")
    editor.save()
    _settled(qtbot, window)
    assert editor.isVisible()
    assert "deal_title" in editor._field_messages.labels
    editor.amount.setText("lots")
    editor.save()
    assert "amount" in editor._field_messages.labels


def test_the_forecast_panel_shows_what_relbook_forecast_prints(
    qtbot, book, window, capsys, monkeypatch
):
    zhang, li = _people(book, "张三", "李四")
    _deal(book, [zhang], 80_000, stage="value")
    _deal(book, [li], 33_333, stage="trust")
    won = _deal(book, [li], 12_345, stage="payment")
    page = _page(qtbot, window)
    page.win(won).accept()
    _settled(qtbot, window)
    page.refresh_now()

    panel = page.forecast
    assert (panel.start, panel.end) == quarter_of(TODAY)
    with book.session() as session:
        expected = forecast(session, TODAY, panel.start, panel.end)
    assert panel.shown is not None and panel.shown.result == expected
    assert panel.booked.text() == yuan_text(expected.now.booked_cents) == "¥12,345"
    assert panel.pipeline.text() == yuan_text(expected.now.pipeline_cents)
    assert panel.forecast.text() == yuan_text(expected.now.forecast_cents)

    monkeypatch.setattr(deals_cli, "_now", lambda: NOW)
    code, out, err = run(capsys, "--data-dir", str(book.data_dir), "forecast", "--json")
    assert code == 0, err
    printed = json.loads(out)
    shown = panel.shown.result
    assert printed["booked"] * 100 == shown.now.booked_cents
    assert printed["pipeline"] * 100 == pytest.approx(shown.now.pipeline_cents)
    assert printed["forecast"] * 100 == pytest.approx(shown.now.forecast_cents)
    assert printed["progress"] * 100 == pytest.approx(shown.progress_cents)
    rows = [
        [panel.stages.item(r, c).text() for c in range(5)] for r in range(panel.stages.rowCount())
    ]
    for stage, row in zip(printed["stages"], rows, strict=True):
        assert row[1] == str(stage["count"])
        assert row[2] == yuan_text(round(stage["amount"] * 100))
        assert row[3].startswith(f"{round(stage['rate'] * 100)}%")
        assert row[3].endswith("default")
        assert row[4] == yuan_text(round(stage["weighted"] * 100))
    assert panel.progress.text().endswith("</span>") and "+" in panel.progress.text()

    panel.following.click()
    following = quarter_of(quarter_of(TODAY)[1] + timedelta(days=1))
    assert (panel.start, panel.end) == following
    _settled(qtbot, window)
    assert panel.shown is not None and (panel.shown.result.start, panel.shown.result.end) == (
        following
    )
    assert panel.booked.text() == "¥0"


def test_the_table_sorts_amounts_as_numbers(qtbot, book, window):
    (zhang,) = _people(book, "张三")
    for yuan, title in ((9, "九"), (100, "一百"), (25, "二十五"), (1_280, "一千二")):
        _deal(book, [zhang], yuan, title=title)
    page = _page(qtbot, window)
    page.show_table()
    table = page.table
    column = COLUMNS.index("amount")
    table.sortByColumn(column, Qt.SortOrder.AscendingOrder)
    proxy = table.model()
    shown = [proxy.index(r, column).data() for r in range(proxy.rowCount())]
    assert shown == ["¥9", "¥25", "¥100", "¥1,280"]
    alignment = proxy.index(0, column).data(Qt.ItemDataRole.TextAlignmentRole)
    assert alignment & Qt.AlignmentFlag.AlignRight
    page.filter.setText("一")
    assert proxy.rowCount() == 2


def test_deleting_asks_first(qtbot, book, window, monkeypatch):
    (zhang,) = _people(book, "张三")
    deal_id = _deal(book, [zhang], 1_000)
    page = _page(qtbot, window)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    page.delete(deal_id)
    _settled(qtbot, window)
    assert page.row(deal_id) is not None
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    page.delete(deal_id)
    _settled(qtbot, window)
    qtbot.waitUntil(lambda: page.row(deal_id) is None)


def test_the_window_offers_a_new_opportunity_for_the_selected_contact(qtbot, book, window):
    (zhang,) = _people(book, "张三")
    window.apply_filter()
    qtbot.waitUntil(lambda: window.runner.running() == 0)
    window.show_contacts()
    window.select_contact(zhang)
    assert window.new_deal_action.shortcut().toString() == "Ctrl+Shift+N"
    window.new_deal_action.trigger()
    editor = window.deals.editor
    assert editor is not None and [m.contact_id for m in editor.members] == [zhang]
    editor.reject()
    assert window.views.tabText(2) == "Opportunities"


def test_a_close_day_before_the_deal_entered_its_stage_is_refused(qtbot, book, window):
    (zhang,) = _people(book, "张三")
    deal_id = _deal(book, [zhang], 1_000)
    page = _page(qtbot, window)
    dialog = page.win(deal_id)
    assert dialog is not None
    assert dialog.day.minimumDate().toPython() == STARTED
    assert dialog.day.maximumDate().toPython() == TODAY
    dialog.reject()
    assert isinstance(STARTED, date)


def test_delete_on_a_card_deletes_the_deal_not_the_selected_contact(
    qtbot, book, window, monkeypatch
):
    (zhang,) = _people(book, "张三")
    deal_id = _deal(book, [zhang], 1_000)
    window.apply_filter()
    qtbot.waitUntil(lambda: window.runner.running() == 0)
    window.select_contact(zhang)
    page = _page(qtbot, window)
    window.show()
    view = page.board.columns["analysis"].view
    view.setCurrentIndex(view.model().index(0, 0))
    view.setFocus()
    asked = []

    def no(*_args, **_kwargs):
        asked.append(True)
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", no)
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    _settled(qtbot, window)
    assert asked == [True]
    with book.session() as session:
        from relbook.core.contacts import get_contact

        assert get_contact(session, zhang).deleted_at is None
    assert page.row(deal_id) is not None
