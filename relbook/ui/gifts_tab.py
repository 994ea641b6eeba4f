"""The contact pane's gift ledger: given and received gifts, yearly totals, gift ideas."""

from datetime import datetime
from decimal import Decimal
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from relbook.core.enums import GiftDirection, IdeaStatus
from relbook.core.errors import RelbookError
from relbook.core.gifts import GiftLine, Ledger, gift_ledger
from relbook.db.book import Book
from relbook.ui.amount_text import amount_text
from relbook.ui.date_text import solar_text
from relbook.ui.events import BookEvents
from relbook.ui.gift_dialog import GiftDialog
from relbook.ui.operations import BookOp, history, read_now
from relbook.ui.record_actions import open_record_editor, trash_record
from relbook.words import labels

FLAG_COLOR = "#b3261e"
_ID_ROLE = Qt.ItemDataRole.UserRole


class GiftsTab(QWidget):
    """Shows one contact's gifts; add, edit and trash gifts, keep gift ideas."""

    status_message = Signal(str)

    def __init__(self, book: Book, events: BookEvents, parent: QWidget | None = None):
        super().__init__(parent)
        self._book = book
        self._events = events
        self._contact_id: int | None = None
        self._current: tuple[str, int] | None = None
        self.dialog: QDialog | None = None

        self.add_button = QPushButton(self.tr("Add gift…"))
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.delete_button = QPushButton(self.tr("Move to trash"))
        self.add_button.clicked.connect(self.add_gift)
        self.edit_button.clicked.connect(self.edit_current)
        self.delete_button.clicked.connect(self.delete_current)
        self.given_tree = self._gift_tree()
        self.received_tree = self._gift_tree()
        self.totals_tree = QTreeWidget()
        self.totals_tree.setHeaderLabels(
            [self.tr("Year"), labels.gift_direction("given"), labels.gift_direction("received")]
        )
        self.totals_tree.setRootIsDecorated(False)
        self.totals_tree.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.ideas_list = QListWidget()
        self.ideas_list.currentItemChanged.connect(lambda *_: self._update_buttons())
        self.idea_edit = QLineEdit()
        self.idea_edit.setPlaceholderText(self.tr("A gift idea, e.g. he collects Yixing teapots"))
        self.idea_edit.returnPressed.connect(self.add_idea)
        self.add_idea_button = QPushButton(self.tr("Add idea"))
        self.add_idea_button.clicked.connect(self.add_idea)
        self.toggle_idea_button = QPushButton(self.tr("Mark used"))
        self.toggle_idea_button.clicked.connect(self.toggle_idea)
        self.delete_idea_button = QPushButton(self.tr("Delete idea"))
        self.delete_idea_button.clicked.connect(self.delete_idea)

        top = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.delete_button):
            top.addWidget(button)
        top.addStretch(1)
        self.given_box = self._box(labels.gift_direction("given"), self.given_tree)
        self.received_box = self._box(labels.gift_direction("received"), self.received_tree)
        totals_box = self._box(self.tr("Per year (CNY)"), self.totals_tree)
        ideas_box = QGroupBox(self.tr("Gift ideas"))
        ideas_layout = QVBoxLayout(ideas_box)
        ideas_layout.setContentsMargins(4, 4, 4, 4)
        ideas_layout.addWidget(self.ideas_list, 1)
        add_row = QHBoxLayout()
        add_row.addWidget(self.idea_edit, 1)
        add_row.addWidget(self.add_idea_button)
        ideas_layout.addLayout(add_row)
        idea_buttons = QHBoxLayout()
        idea_buttons.addWidget(self.toggle_idea_button)
        idea_buttons.addWidget(self.delete_idea_button)
        idea_buttons.addStretch(1)
        ideas_layout.addLayout(idea_buttons)
        bottom = QSplitter(Qt.Orientation.Horizontal)
        bottom.addWidget(totals_box)
        bottom.addWidget(ideas_box)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        for widget in (self.given_box, self.received_box, bottom):
            self.splitter.addWidget(widget)
        self.splitter.setSizes([260, 160, 200])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.splitter, 1)
        self._update_buttons()

    def _gift_tree(self) -> QTreeWidget:
        tree = QTreeWidget()
        tree.setHeaderLabels(
            [
                labels.field("given_on"),
                labels.field("occasion"),
                labels.field("item"),
                self.tr("CNY"),
                labels.field("recipient"),
            ]
        )
        tree.setRootIsDecorated(False)
        tree.setAlternatingRowColors(True)
        tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        tree.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        tree.header().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        tree.currentItemChanged.connect(lambda current, _old: self._picked(tree, current))
        tree.itemDoubleClicked.connect(lambda _item, _column: self.edit_current())
        return tree

    @staticmethod
    def _box(title: str, content: QWidget) -> QGroupBox:
        box = QGroupBox(title)
        box_layout = QVBoxLayout(box)
        box_layout.setContentsMargins(4, 4, 4, 4)
        box_layout.addWidget(content)
        return box

    # --- loading -------------------------------------------------------------------------
    def load(self, contact_id: int | None) -> None:
        self._contact_id = contact_id
        self.reload()

    def reload(self) -> None:
        contact_id = self._contact_id
        ledger = (
            read_now(self._book, lambda session: gift_ledger(session, contact_id))
            if contact_id
            else None
        )
        self._current = None
        for tree in (self.given_tree, self.received_tree, self.totals_tree):
            tree.clear()
        self.ideas_list.clear()
        if ledger is not None:
            self._fill(ledger)
        self._update_buttons()

    def _fill(self, ledger: Ledger) -> None:
        counts = {GiftDirection.GIVEN: 0, GiftDirection.RECEIVED: 0}
        for line in ledger.gifts:
            tree = self.given_tree if line.direction == GiftDirection.GIVEN else self.received_tree
            counts[GiftDirection(line.direction)] += 1
            tree.addTopLevelItem(self._gift_item(line, ledger.threshold))
        for box, direction in (
            (self.given_box, GiftDirection.GIVEN),
            (self.received_box, GiftDirection.RECEIVED),
        ):
            box.setTitle(f"{labels.gift_direction(direction)} ({counts[direction]})")
        for total in ledger.totals:
            item = QTreeWidgetItem(
                [
                    str(total.year),
                    self._total_text(total.given, total.given_count),
                    self._total_text(total.received, total.received_count),
                ]
            )
            item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            item.setTextAlignment(2, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.totals_tree.addTopLevelItem(item)
        for idea_id, idea, status in ledger.ideas:
            row = QListWidgetItem(idea)
            row.setData(_ID_ROLE, idea_id)
            row.setData(_ID_ROLE + 1, status)
            if status == IdeaStatus.USED:
                font = QFont(row.font())
                font.setStrikeOut(True)
                row.setFont(font)
                row.setForeground(QBrush(QColor("#90a4ae")))
                row.setToolTip(labels.idea_status(status))
            self.ideas_list.addItem(row)

    def _total_text(self, amount: Decimal, count: int) -> str:
        if not count:
            return "—"
        return self.tr("%1 (%2 gifts)").replace("%1", amount_text(amount)).replace("%2", str(count))

    def _gift_item(self, line: GiftLine, threshold: int) -> QTreeWidgetItem:
        item = QTreeWidgetItem(
            [
                solar_text(line.given_on),
                labels.occasion(line.occasion),
                line.item,
                amount_text(line.value),
                line.recipient,
            ]
        )
        item.setData(0, _ID_ROLE, line.gift_id)
        item.setTextAlignment(3, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if line.flagged:
            warning = self.tr(
                "Worth more than %1 CNY, the limit your company audits: declare it."
            ).replace("%1", str(threshold))
            for column in range(item.columnCount()):
                item.setForeground(column, QBrush(QColor(FLAG_COLOR)))
                item.setToolTip(column, warning)
        return item

    # --- gifts ---------------------------------------------------------------------------
    def _picked(self, tree: QTreeWidget, current: QTreeWidgetItem | None) -> None:
        if current is not None:
            other = self.received_tree if tree is self.given_tree else self.given_tree
            other.blockSignals(True)
            other.setCurrentItem(None)  # type: ignore[call-overload]  # None clears it; stubs omit it
            other.clearSelection()
            other.blockSignals(False)
            self._current = ("gift", int(current.data(0, _ID_ROLE)))
        self._update_buttons()

    def _update_buttons(self) -> None:
        has_contact = self._contact_id is not None
        self.add_button.setEnabled(has_contact)
        self.edit_button.setEnabled(self._current is not None)
        self.delete_button.setEnabled(self._current is not None)
        self.add_idea_button.setEnabled(has_contact)
        idea = self.ideas_list.currentItem()
        self.toggle_idea_button.setEnabled(idea is not None)
        self.delete_idea_button.setEnabled(idea is not None)
        used = idea is not None and idea.data(_ID_ROLE + 1) == IdeaStatus.USED
        self.toggle_idea_button.setText(self.tr("Mark open") if used else self.tr("Mark used"))

    def add_gift(self) -> GiftDialog | None:
        if self._contact_id is None:
            return None
        dialog = GiftDialog(self._book, self._events, self._contact_id, None, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.open()
        return dialog

    def edit_current(self) -> None:
        if self._current is None or self._contact_id is None:
            return
        kind, gift_id = self._current
        self.dialog = open_record_editor(
            self._book, self._events, kind, gift_id, self._contact_id, self
        )

    def delete_current(self) -> None:
        if self._current is None:
            return
        trash_record(self, self._book, self._events, *self._current)

    # --- ideas ---------------------------------------------------------------------------
    def _write_ideas(self, change: BookOp[Any]) -> None:
        """Run a change to the ideas; a service's own error is told under this list's name."""
        change.failure(self._ideas_not_changed).run()

    def _ideas_not_changed(self, problem: Exception) -> None:
        assert isinstance(problem, RelbookError)
        QMessageBox.warning(self, self.tr("Gift ideas"), labels.problem_text(problem))

    def add_idea(self) -> None:
        text = self.idea_edit.text()
        if not text.strip() or self._contact_id is None:
            return
        self._write_ideas(
            history.add_idea(self, self._book, self._events, self._contact_id, text, datetime.now())
        )
        self.idea_edit.clear()

    def toggle_idea(self) -> None:
        item = self.ideas_list.currentItem()
        if item is None:
            return
        idea_id = int(item.data(_ID_ROLE))
        used = item.data(_ID_ROLE + 1) == IdeaStatus.USED
        status = IdeaStatus.OPEN if used else IdeaStatus.USED
        self._write_ideas(
            history.set_idea_status(self, self._book, self._events, idea_id, status.value)
        )

    def delete_idea(self) -> None:
        item = self.ideas_list.currentItem()
        if item is not None:
            idea_id = int(item.data(_ID_ROLE))
            self._write_ideas(history.delete_idea(self, self._book, self._events, idea_id))
