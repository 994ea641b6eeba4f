"""The trash's records page: trashed interactions and gifts, restorable one by one."""

from dataclasses import dataclass
from datetime import datetime, time

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from relbook.core.gifts import set_gifts_deleted
from relbook.core.history import restore_interactions
from relbook.core.models import Contact, Gift, Interaction
from relbook.db.book import Book
from relbook.ui.events import BookEvents
from relbook.ui.timeline_tab import when_text
from relbook.words import labels

_KIND_ROLE = Qt.ItemDataRole.UserRole
_REF_ROLE = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True)
class TrashedRecord:
    kind: str
    ref_id: int
    when: datetime
    type_text: str
    contacts: str
    summary: str
    deleted_at: datetime


def trashed_records(session: Session) -> list[TrashedRecord]:
    """Interactions and gifts in the trash, most recently trashed first."""
    interactions = session.scalars(
        select(Interaction)
        .where(Interaction.deleted_at.is_not(None))
        .options(selectinload(Interaction.participants))
    ).all()
    gifts = session.scalars(select(Gift).where(Gift.deleted_at.is_not(None))).all()
    ids = {p.contact_id for i in interactions for p in i.participants} | {
        g.contact_id for g in gifts
    }
    names = dict(session.execute(select(Contact.id, Contact.name).where(Contact.id.in_(ids))).all())
    found = [
        TrashedRecord(
            "interaction",
            i.id,
            i.occurred_at,
            labels.interaction_type(i.kind),
            ", ".join(names.get(p.contact_id, "") for p in i.participants),
            i.notes,
            i.deleted_at or i.occurred_at,
        )
        for i in interactions
    ]
    found += [
        TrashedRecord(
            "gift",
            g.id,
            datetime.combine(g.given_on, time()),
            f"{labels.interaction_type('gift')} · {labels.gift_direction(g.direction)}",
            names.get(g.contact_id, ""),
            g.item,
            g.deleted_at or datetime.combine(g.given_on, time()),
        )
        for g in gifts
    ]
    found.sort(key=lambda r: r.deleted_at, reverse=True)
    return found


class TrashRecords(QWidget):
    """Lists trashed interactions and gifts; Restore brings the selected ones back."""

    def __init__(self, book: Book, events: BookEvents, parent: QWidget | None = None):
        super().__init__(parent)
        self._book = book
        self._events = events
        self.info = QLabel()
        self.info.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels(
            [
                labels.field("occurred_at"),
                labels.field("kind"),
                labels.field("contacts"),
                self.tr("What"),
            ]
        )
        self.tree.setRootIsDecorated(False)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.tree.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.tree.header().setStretchLastSection(True)
        self.tree.itemSelectionChanged.connect(self._update_buttons)
        self.restore_button = QPushButton(self.tr("Restore"))
        self.restore_button.clicked.connect(self.restore_selected)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.restore_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.info)
        layout.addWidget(self.tree, 1)
        layout.addLayout(buttons)
        self.reload()

    def reload(self) -> None:
        with self._book.session() as session:
            records = trashed_records(session)
        self.tree.clear()
        for record in records:
            item = QTreeWidgetItem(
                [
                    when_text(record.when, record.kind == "interaction"),
                    record.type_text,
                    record.contacts,
                    record.summary,
                ]
            )
            item.setData(0, _KIND_ROLE, record.kind)
            item.setData(0, _REF_ROLE, record.ref_id)
            self.tree.addTopLevelItem(item)
        self.info.setText(
            self.tr("%1 interactions and gifts are in the trash.").replace("%1", str(len(records)))
            if records
            else self.tr("No interactions or gifts are in the trash.")
        )
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.restore_button.setEnabled(bool(self.tree.selectedItems()))

    def restore_selected(self) -> None:
        chosen = [
            (str(item.data(0, _KIND_ROLE)), int(item.data(0, _REF_ROLE)))
            for item in self.tree.selectedItems()
        ]
        interactions = [ref for kind, ref in chosen if kind == "interaction"]
        gifts = [ref for kind, ref in chosen if kind == "gift"]
        if not chosen:
            return
        with self._book.session() as session:
            changed = [restore_interactions(session, interactions)] if interactions else []
            if gifts:
                changed.append(set_gifts_deleted(session, gifts, None))
        for changes in changed:
            self._events.emit_changes(changes)
        self.reload()
