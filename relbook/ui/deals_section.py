"""The contact pane's Deals tab: the contact's opportunities (with their role in each) and
what they bought, with recording and deleting purchases."""

from datetime import date, datetime
from decimal import Decimal

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QShowEvent
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from relbook.core.changes import BookChanges
from relbook.core.deal_reads import ContactDeal
from relbook.core.enums import DealStatus
from relbook.core.purchases import PurchaseRow
from relbook.db.book import Book
from relbook.ui.amount_text import amount_text
from relbook.ui.date_text import solar_text
from relbook.ui.events import BookEvents
from relbook.ui.operations.purchases import ContactDeals, contact_deals, delete_purchase
from relbook.ui.purchase_dialog import PurchaseDialog
from relbook.words import deal_words

_ID = Qt.ItemDataRole.UserRole
_CLOSED = QColor("#78909c")
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def _money(cents: int) -> str:
    return amount_text(Decimal(cents) / 100)


def _day(day: date | None) -> str:
    return solar_text(day) if day is not None else ""


class DealsSection(QWidget):
    """Opportunities first, then purchases; reloads when deals of its contact change.

    Opening or adding an opportunity is the window's job (its editor): the section asks
    with ``open_deal_requested`` / ``new_deal_requested`` and shows those actions only once
    the window said it handles them (``offer_deal_editor``).
    """

    new_deal_requested = Signal(int)
    """A new opportunity with this contact in its buying centre (the contact's id)."""
    open_deal_requested = Signal(int)
    """Open this opportunity (its id)."""
    status_message = Signal(str)

    def __init__(self, book: Book, events: BookEvents, parent: QWidget | None = None):
        super().__init__(parent)
        self._book = book
        self._events = events
        self._contact_id: int | None = None
        self._editor_offered = False
        self._stale = False
        self.shown: ContactDeals | None = None
        """What the section shows now (None before its first read)."""
        self._pending = QTimer(self)
        self._pending.setSingleShot(True)
        self._pending.setInterval(0)
        self._pending.timeout.connect(self._read)

        self.deals = self._tree(
            [self.tr("Opportunity and role"), self.tr("Stage and status"), self.tr("Amount")]
        )
        self.deals.setUniformRowHeights(False)  # two lines a row: the pane is narrow
        self.deals.setAlternatingRowColors(True)
        self.deals.itemDoubleClicked.connect(lambda item, _column: self._open(item))
        self.deals.currentItemChanged.connect(lambda *_: self._enable())
        self.no_deals = self._hint(self.tr("No opportunities with this contact yet."))
        self.purchases = self._tree(
            [self.tr("Product"), self.tr("Amount"), self.tr("Bought on"), self.tr("Renewal")]
        )
        self.purchases.currentItemChanged.connect(lambda *_: self._enable())
        self.no_purchases = self._hint(self.tr("No purchases recorded yet."))
        self.total_label = QLabel(self)
        self.total_label.setStyleSheet("color: #37474f;")

        self.new_deal_button = QPushButton(self.tr("New opportunity…"))
        self.open_deal_button = QPushButton(self.tr("Open"))
        self.record_button = QPushButton(self.tr("Record purchase…"))
        self.record_button.setToolTip(
            self.tr("What they bought; adds the thank-you and the renewal reminder")
        )
        self.delete_button = QPushButton(self.tr("Delete"))
        self.new_deal_button.clicked.connect(self._request_new)
        self.open_deal_button.clicked.connect(lambda: self._open(self.deals.currentItem()))
        self.record_button.clicked.connect(self.record_purchase)
        self.delete_button.clicked.connect(self.delete_selected_purchase)
        self.new_deal_button.hide()
        self.open_deal_button.hide()

        deals_box = self._box(
            self.tr("Opportunities"),
            [self.new_deal_button, self.open_deal_button],
            [self.deals, self.no_deals],
        )
        purchases_box = self._box(
            self.tr("Purchases"),
            [self.record_button, self.delete_button],
            [self.purchases, self.no_purchases, self.total_label],
        )
        layout = QVBoxLayout(self)
        layout.addWidget(deals_box, 3)
        layout.addWidget(purchases_box, 2)
        self._enable()
        events.changed.connect(self._on_changed)

    def _tree(self, headers: list[str]) -> QTreeWidget:
        tree = QTreeWidget(self)
        tree.setHeaderLabels(headers)
        tree.setRootIsDecorated(False)
        header = tree.header()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        return tree

    def _hint(self, text: str) -> QLabel:
        label = QLabel(text, self)
        label.setStyleSheet("color: #78909c;")
        label.hide()
        return label

    def _box(self, title: str, buttons: list[QPushButton], parts: list[QWidget]) -> QGroupBox:
        box = QGroupBox(title, self)
        row = QHBoxLayout()
        for button in buttons:
            row.addWidget(button)
        row.addStretch(1)
        layout = QVBoxLayout(box)
        layout.addLayout(row)
        for part in parts:
            layout.addWidget(part, 1 if isinstance(part, QTreeWidget) else 0)
        return box

    def offer_deal_editor(self) -> None:
        """Show "New opportunity…" and "Open": the window handles the requests."""
        self._editor_offered = True
        self.new_deal_button.show()
        self.open_deal_button.show()
        self._enable()

    def load(self, contact_id: int) -> None:
        """Show this contact's deals (read in the background)."""
        if contact_id != self._contact_id:
            self.shown = None
            self.deals.clear()
            self.purchases.clear()
        self._contact_id = contact_id
        self._enable()
        self.reload()

    def reload(self) -> None:
        """Read again; requests made in the same turn of the event loop share one read."""
        self._stale = False
        if self._contact_id is not None:
            self._pending.start()

    def _read(self) -> None:
        contact_id = self._contact_id
        if contact_id is None:
            return
        contact_deals(self, self._book, self._events, contact_id).success(self._show).run()

    def _on_changed(self, changes: BookChanges) -> None:
        if self._contact_id is None or not (changes.deals or changes.settings):
            return
        if self._contact_id in changes.contact_ids or not changes.contact_ids:
            if self.isVisible():
                self.reload()
            else:
                self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        """Catch up with changes made while another tab was shown."""
        super().showEvent(event)
        if self._stale:
            self.reload()

    def _show(self, found: ContactDeals) -> None:
        if found.contact_id != self._contact_id:
            return  # another contact was chosen while this was read
        self.shown = found
        kept_deal = self._current_id(self.deals)
        kept_purchase = self._current_id(self.purchases)
        self.deals.clear()
        for deal in found.deals:
            self._deal_item(deal, found.stage_names)
        self.purchases.clear()
        for purchase in found.purchases:
            self._purchase_item(purchase)
        self._select(self.deals, kept_deal)
        self._select(self.purchases, kept_purchase)
        self.no_deals.setVisible(not found.deals)
        self.no_purchases.setVisible(not found.purchases)
        total = sum(p.amount_cents for p in found.purchases)
        self.total_label.setText(self.tr("In all: %1 CNY").replace("%1", _money(total)))
        self.total_label.setVisible(bool(found.purchases))
        self._enable()

    def _deal_item(self, deal: ContactDeal, names: dict[str, str]) -> None:
        """Two lines: the title over the contact's role; the stage over the status and the
        (expected) closing day."""
        stage = deal_words.stage_name(deal.stage, names.get(deal.stage, ""))
        status = deal_words.status(deal.status)
        if deal.status == DealStatus.OPEN:
            if deal.expected_close is not None:
                status = (
                    self.tr("%1 · expected %2")
                    .replace("%1", status)
                    .replace("%2", solar_text(deal.expected_close))
                )
        elif deal.closed_on is not None:
            status = f"{status} · {solar_text(deal.closed_on)}"
        role = deal_words.role(deal.role) if deal.role else self.tr("no role yet")
        if deal.is_insider:
            role = f"{role} · {deal_words.role('insider')}"
        item = QTreeWidgetItem(
            self.deals, [f"{deal.title}\n{role}", f"{stage}\n{status}", _money(deal.amount_cents)]
        )
        item.setData(0, _ID, deal.id)
        # room for both lines: the size Qt works out leaves a Chinese title's taller
        # fallback font out, and the row would be elided to its first line
        item.setSizeHint(0, QSize(0, 2 * self.deals.fontMetrics().lineSpacing() + 8))
        item.setTextAlignment(2, _RIGHT)
        item.setToolTip(0, deal.title)
        if deal.status != DealStatus.OPEN:
            for column in range(item.columnCount()):
                item.setForeground(column, _CLOSED)

    def _purchase_item(self, purchase: PurchaseRow) -> None:
        item = QTreeWidgetItem(
            self.purchases,
            [
                purchase.product,
                _money(purchase.amount_cents),
                solar_text(purchase.bought_on),
                _day(purchase.renewal_on),
            ],
        )
        item.setData(0, _ID, purchase.id)
        item.setTextAlignment(1, _RIGHT)
        item.setToolTip(0, purchase.notes or purchase.product)

    @staticmethod
    def _current_id(tree: QTreeWidget) -> int | None:
        item = tree.currentItem()
        return int(item.data(0, _ID)) if item is not None else None

    @staticmethod
    def _select(tree: QTreeWidget, wanted: int | None) -> None:
        for index in range(tree.topLevelItemCount()):
            item = tree.topLevelItem(index)
            if item is not None and item.data(0, _ID) == wanted:
                tree.setCurrentItem(item)
                return

    def _enable(self) -> None:
        has_contact = self._contact_id is not None
        self.record_button.setEnabled(has_contact)
        self.new_deal_button.setEnabled(has_contact)
        self.open_deal_button.setEnabled(self.deals.currentItem() is not None)
        self.delete_button.setEnabled(self.purchases.currentItem() is not None)

    def _request_new(self) -> None:
        if self._contact_id is not None:
            self.new_deal_requested.emit(self._contact_id)

    def _open(self, item: QTreeWidgetItem | None) -> None:
        if item is not None and self._editor_offered:
            self.open_deal_requested.emit(int(item.data(0, _ID)))

    def record_purchase(self) -> PurchaseDialog | None:
        """Ask what the contact bought; the dialog saves and stays open while invalid."""
        if self._contact_id is None:
            return None
        dialog = PurchaseDialog(self._book, self._events, self._contact_id, self)
        dialog.finished.connect(dialog.deleteLater)
        dialog.accepted.connect(lambda: self.status_message.emit(self.tr("Purchase recorded.")))
        dialog.open()
        return dialog

    def delete_selected_purchase(self) -> None:
        item = self.purchases.currentItem()
        if item is None:
            return
        question = (
            self.tr('Delete the purchase "%1" of %2?')
            .replace("%1", item.text(0))
            .replace("%2", item.text(2))
        )
        if item.text(3):
            question += "\n" + self.tr("Its renewal reminder is removed too.")
        answer = QMessageBox.question(
            self,
            self.tr("Delete purchase"),
            question,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        delete_purchase(
            self, self._book, self._events, int(item.data(0, _ID)), datetime.now()
        ).run()
