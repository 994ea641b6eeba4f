"""The contact pane's timeline: everything that happened with the contact, newest first."""

from datetime import date, datetime
from decimal import Decimal

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from relbook.core.errors import NotFoundError
from relbook.core.timeline import TimelineEntry, timeline
from relbook.db.book import Book
from relbook.ui.amount_text import amount_text
from relbook.ui.date_text import q_datetime, solar_text
from relbook.ui.events import BookEvents
from relbook.ui.level_history import level_change_text
from relbook.ui.operations import read_now
from relbook.ui.record_actions import EDITABLE_KINDS, open_record_editor, trash_record
from relbook.words import labels

_KIND_ROLE = Qt.ItemDataRole.UserRole
_REF_ROLE = Qt.ItemDataRole.UserRole + 1


def when_text(moment: datetime, with_time: bool) -> str:
    if not with_time:
        return solar_text(moment.date())
    return QLocale().toString(q_datetime(moment), QLocale.FormatType.ShortFormat)


class TimelineTab(QWidget):
    """Lists one contact's timeline; interactions and gifts can be edited or trashed here."""

    status_message = Signal(str)

    def __init__(self, book: Book, events: BookEvents, parent: QWidget | None = None):
        super().__init__(parent)
        self._book = book
        self._events = events
        self._contact_id: int | None = None
        self.dialog: QDialog | None = None

        self.filter_combo = QComboBox()
        self.filter_combo.addItem(self.tr("Everything"), None)
        self.filter_combo.addItem(self.tr("Interactions"), "interaction")
        self.filter_combo.addItem(self.tr("Gifts"), "gift")
        self.filter_combo.addItem(self.tr("Level changes"), "level")
        self.filter_combo.addItem(self.tr("Special days"), "date")
        self.filter_combo.currentIndexChanged.connect(lambda _i: self.reload())
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.delete_button = QPushButton(self.tr("Move to trash"))
        self.edit_button.clicked.connect(self.edit_current)
        self.delete_button.clicked.connect(self.delete_current)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([self.tr("When"), self.tr("What"), self.tr("Details")])
        self.tree.setRootIsDecorated(False)
        self.tree.setWordWrap(True)
        self.tree.setUniformRowHeights(False)
        self.tree.setAlternatingRowColors(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.header().setStretchLastSection(True)
        self.tree.itemDoubleClicked.connect(lambda _item, _column: self.edit_current())
        self.tree.currentItemChanged.connect(lambda *_: self._update_buttons())
        self.empty_label = QLabel(self.tr("Nothing recorded yet. Press Ctrl+L to log a visit."))
        self.empty_label.setStyleSheet("color: #78909c;")

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Show")))
        top.addWidget(self.filter_combo)
        top.addStretch(1)
        top.addWidget(self.edit_button)
        top.addWidget(self.delete_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.tree, 1)
        self._update_buttons()

    def load(self, contact_id: int | None) -> None:
        self._contact_id = contact_id
        self.reload()

    def reload(self) -> None:
        self.tree.clear()
        entries: list[TimelineEntry] = []
        if self._contact_id is not None:
            kind = self.filter_combo.currentData()
            contact_id, kinds = self._contact_id, None if kind is None else {kind}
            try:
                entries = read_now(
                    self._book, lambda session: timeline(session, contact_id, date.today(), kinds)
                )
            except NotFoundError:
                entries = []
        for entry in entries:
            self.tree.addTopLevelItem(self._item(entry))
        self.empty_label.setVisible(not entries)
        self._update_buttons()

    def _item(self, entry: TimelineEntry) -> QTreeWidgetItem:
        what, details = self._describe(entry)
        item = QTreeWidgetItem(
            [when_text(entry.when, entry.kind == "interaction"), what, details.strip()]
        )
        item.setData(0, _KIND_ROLE, entry.kind)
        item.setData(0, _REF_ROLE, entry.ref_id)
        item.setToolTip(2, details.strip())
        item.setTextAlignment(0, Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        item.setTextAlignment(1, Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        return item

    def _pair(self, key: str, value: str) -> str:
        return self.tr("%1: %2").replace("%1", key).replace("%2", value)

    def _describe(self, entry: TimelineEntry) -> tuple[str, str]:
        """The kind in words, and the summary followed by the details on their own line."""
        d = entry.details
        parts: list[str] = []
        if entry.kind == "interaction":
            what = labels.interaction_type(entry.subtype)
            for name in ("place", "outcome"):
                if d.get(name):
                    parts.append(self._pair(labels.field(name), str(d[name])))
            if d.get("next_step"):
                step = str(d["next_step"])
                due = d.get("next_step_due")
                if isinstance(due, datetime):
                    step += " " + self.tr("(due %1)").replace("%1", when_text(due, True))
                if d.get("next_step_done_at"):
                    step += " " + self.tr("(done)")
                parts.append(self._pair(labels.field("next_step"), step))
            people = d.get("with")
            if isinstance(people, list) and people:
                parts.append(self._pair(self.tr("Also there"), ", ".join(people)))
        elif entry.kind == "gift":
            what = f"{labels.interaction_type('gift')} · {labels.gift_direction(entry.subtype)}"
            if d.get("occasion"):
                parts.append(labels.occasion(str(d["occasion"])))
            value = d.get("value")
            if isinstance(value, Decimal):
                parts.append(self.tr("%1 CNY").replace("%1", amount_text(value)))
            if d.get("recipient"):
                parts.append(self._pair(labels.field("recipient"), str(d["recipient"])))
            if d.get("notes"):
                parts.append(str(d["notes"]))
        elif entry.kind == "level":
            what = labels.field("level")
            old, new = d.get("from"), d.get("to")
            if isinstance(new, int):
                parts.append(level_change_text(old if isinstance(old, int) else None, new))
        else:
            what = labels.date_kind(entry.subtype)
            if d.get("family_member"):
                parts.append(str(d["family_member"]))
        summary = entry.summary.strip()
        details = " · ".join(parts)
        if entry.kind == "level":
            return what, "\n".join(p for p in (details, summary) if p)
        return what, "\n".join(p for p in (summary, details) if p)

    # --- actions -------------------------------------------------------------------------
    def current_record(self) -> tuple[str, int] | None:
        item = self.tree.currentItem()
        if item is None:
            return None
        return str(item.data(0, _KIND_ROLE)), int(item.data(0, _REF_ROLE))

    def _update_buttons(self) -> None:
        record = self.current_record()
        editable = record is not None and record[0] in EDITABLE_KINDS
        self.edit_button.setEnabled(editable)
        self.delete_button.setEnabled(editable)

    def edit_current(self) -> None:
        record = self.current_record()
        if record is None or record[0] not in EDITABLE_KINDS or self._contact_id is None:
            return
        kind, ref_id = record
        self.dialog = open_record_editor(
            self._book, self._events, kind, ref_id, self._contact_id, self
        )

    def delete_current(self) -> None:
        record = self.current_record()
        if record is None or record[0] not in EDITABLE_KINDS:
            return
        trash_record(self, self._book, self._events, *record)
