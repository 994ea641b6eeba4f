"""The pane's history tabs in the main window: relations, trashing and restoring, overdue list."""

from datetime import date, datetime, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem

from relbook.core.contact_input import ContactInput
from relbook.core.contacts import create_contact
from relbook.core.history import InteractionInput, interactions_of, log_interaction
from relbook.core.referrals import set_relation
from relbook.ui.contact_list_model import NEVER_COLOR, OVERDUE_COLOR
from relbook.ui.trash_dialog import TrashDialog


def _loaded(qtbot, window) -> None:
    window.apply_filter()
    qtbot.waitUntil(lambda: window.runner.running() == 0)


def _row(tree: QTreeWidget, kind: str) -> QTreeWidgetItem | None:
    rows = (tree.topLevelItem(i) for i in range(tree.topLevelItemCount()))
    return next((row for row in rows if row.text(1) == kind), None)


def test_relations_show_from_both_sides_and_clicking_opens_the_other(qtbot, book, now, window):
    with book.session() as session:
        boss = create_contact(session, ContactInput("王总"), now).id
        clerk = create_contact(session, ContactInput("小李"), now).id
        set_relation(session, clerk, boss, "superior", "his manager")
    _loaded(qtbot, window)
    window.select_contact(clerk)
    window.pane.tabs.setCurrentIndex(3)
    tree = window.pane.relations.relations_tree
    row = tree.topLevelItem(0)
    assert [row.text(0), row.text(1), row.text(2)] == ["Superior", "王总", "his manager"]
    qtbot.mouseClick(
        tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualItemRect(row).center()
    )
    assert window.pane.current_id() == boss
    row = window.pane.relations.relations_tree.topLevelItem(0)
    assert [row.text(0), row.text(1)] == ["Subordinate", "小李"]


def test_trashing_a_timeline_interaction_and_restoring_it(qtbot, book, now, window):
    with book.session() as session:
        contact_id = create_contact(session, ContactInput("张三"), now).id
        log_interaction(
            session,
            InteractionInput("call", datetime(2026, 11, 20, 9, 30), [contact_id], notes="quote"),
            now,
        )
    _loaded(qtbot, window)
    window.select_contact(contact_id)
    window.pane.tabs.setCurrentIndex(1)
    timeline = window.pane.timeline
    timeline.tree.setCurrentItem(_row(timeline.tree, "Phone call"))
    timeline.delete_button.click()
    assert window.runner.wait_all()  # trashed in the background
    assert _row(timeline.tree, "Phone call") is None
    assert "trash" in window.statusBar().currentMessage()
    with book.session() as session:
        assert interactions_of(session, contact_id) == []

    trash = TrashDialog(book, window.events, window.runner, window)
    qtbot.addWidget(trash)
    trash.tabs.setCurrentWidget(trash.records)
    records = trash.records.tree
    assert records.topLevelItemCount() == 1
    assert [records.topLevelItem(0).text(c) for c in (1, 2, 3)] == ["Phone call", "张三", "quote"]
    records.topLevelItem(0).setSelected(True)
    trash.records.restore_button.click()
    assert window.runner.wait_all()
    assert records.topLevelItemCount() == 0
    with book.session() as session:
        assert len(interactions_of(session, contact_id)) == 1
    assert _row(timeline.tree, "Phone call") is not None


def test_last_contact_column_colours_contacts_past_their_cadence(qtbot, book, now, window):
    today = date.today()
    with book.session() as session:
        late = create_contact(session, ContactInput("迟到", cadence_days=30), now).id
        fresh = create_contact(session, ContactInput("新人", cadence_days=30), now).id
        never = create_contact(session, ContactInput("没联系"), now).id
        when = datetime.combine(today - timedelta(days=42), datetime.min.time())
        log_interaction(session, InteractionInput("visit", when, [late]), now)
        log_interaction(session, InteractionInput("visit", datetime.now(), [fresh]), now)
    _loaded(qtbot, window)
    model = window.model
    column = model.columns.index("last_contact")

    def cell(contact_id: int, role: Qt.ItemDataRole):
        return model.data(model.index(model.row_of(contact_id), column), role)

    assert cell(late, Qt.ItemDataRole.ToolTipRole) == "12 days past the 30-day cadence"
    assert cell(late, Qt.ItemDataRole.ForegroundRole).color().name() == OVERDUE_COLOR
    assert cell(fresh, Qt.ItemDataRole.ForegroundRole) is None
    assert cell(never, Qt.ItemDataRole.DisplayRole) == "never"
    assert cell(never, Qt.ItemDataRole.ForegroundRole).color().name() == NEVER_COLOR


def test_undo_brings_back_the_interaction_or_gift_last_trashed(qtbot, book, now, window):
    from decimal import Decimal

    from relbook.core.gifts import GiftInput, add_gift, gifts_of

    with book.session() as session:
        contact_id = create_contact(session, ContactInput("张三"), now).id
        log_interaction(
            session, InteractionInput("visit", datetime(2026, 11, 20, 9), [contact_id]), now
        )
        add_gift(session, GiftInput(contact_id, "茶叶", value=Decimal("300")), now)
    _loaded(qtbot, window)
    window.select_contact(contact_id)
    window.pane.tabs.setCurrentWidget(window.pane.timeline)
    timeline = window.pane.timeline
    timeline.tree.setCurrentItem(_row(timeline.tree, "Visit"))
    timeline.delete_button.click()
    assert window.runner.wait_all()  # trashed in the background
    assert "Moved to the trash. Press Ctrl+Z to undo." in window.statusBar().currentMessage()
    assert window.undo_action.isEnabled()
    window.undo_action.trigger()
    assert window.runner.wait_all()
    assert "Restored" in window.statusBar().currentMessage()
    assert not window.undo_action.isEnabled()
    assert _row(timeline.tree, "Visit") is not None
    with book.session() as session:
        assert len(interactions_of(session, contact_id)) == 1

    window.pane.tabs.setCurrentWidget(window.pane.gifts)
    gifts = window.pane.gifts
    gifts.given_tree.setCurrentItem(gifts.given_tree.topLevelItem(0))
    gifts.delete_button.click()
    assert window.runner.wait_all()
    with book.session() as session:
        assert gifts_of(session, contact_id) == []
    window.undo_action.trigger()
    assert window.runner.wait_all()
    with book.session() as session:
        assert [g.item for g in gifts_of(session, contact_id)] == ["茶叶"]
