"""Small dialogs linking two contacts: a relation between them, or a referral."""

from datetime import date, datetime

from PySide6.QtCore import QDate, QLocale
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from relbook.core.changes import BookChanges
from relbook.core.errors import RelbookError
from relbook.core.referrals import add_referral, set_relation
from relbook.db.book import Book
from relbook.ui.contact_picker import ContactPicker
from relbook.ui.editor_widgets import error_label
from relbook.ui.events import BookEvents
from relbook.words import labels


class _LinkDialog(QDialog):
    """A contact to link to ``contact_id`` plus a few fields; Save writes the link."""

    def __init__(
        self,
        book: Book,
        events: BookEvents,
        contact_id: int,
        contact_name: str,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self._book = book
        self._events = events
        self._contact_id = contact_id
        self._contact_name = contact_name
        self.picker = ContactPicker(book)
        self.picker.setMinimumWidth(280)
        self.error_label = error_label(hidden=True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setDefault(True)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.form = QFormLayout(self)

    def _finish_form(self) -> None:
        self.form.addRow(self.error_label)
        self.form.addRow(self.buttons)
        self.picker.setFocus()

    def _write(self, other_id: int, session: Session) -> None:
        raise NotImplementedError

    def save(self) -> None:
        try:
            other_id, _name = self.picker.resolve()
            with self._book.session() as session:
                self._write(other_id, session)
        except RelbookError as problem:
            self.error_label.setText(labels.problem_text(problem))
            self.error_label.show()
            return
        except (SQLAlchemyError, OSError) as problem:
            self.error_label.setText(
                self.tr("The book could not be written: %1").replace("%1", str(problem))
            )
            self.error_label.show()
            return
        self._events.emit_changes(
            BookChanges(contact_ids=frozenset({self._contact_id, other_id}), history=True)
        )
        self.accept()


class RelationDialog(_LinkDialog):
    """Say how another contact stands to this one (superior, peer, family...)."""

    def __init__(
        self,
        book: Book,
        events: BookEvents,
        contact_id: int,
        contact_name: str,
        parent: QWidget | None = None,
    ):
        super().__init__(book, events, contact_id, contact_name, parent)
        self.setWindowTitle(self.tr("Add relation"))
        self.kind_combo = QComboBox()
        for code, word in labels.choices("relation_kind").items():
            self.kind_combo.addItem(word, code)
        self.note_edit = QLineEdit()
        self.form.addRow(labels.field("contact"), self.picker)
        self.form.addRow(self.tr("Stands to %1 as").replace("%1", contact_name), self.kind_combo)
        self.form.addRow(labels.field("notes"), self.note_edit)
        self._finish_form()

    def _write(self, other_id: int, session: Session) -> None:
        set_relation(
            session,
            self._contact_id,
            other_id,
            str(self.kind_combo.currentData()),
            self.note_edit.text(),
        )


class ReferralDialog(_LinkDialog):
    """Record someone this contact introduced."""

    def __init__(
        self,
        book: Book,
        events: BookEvents,
        contact_id: int,
        contact_name: str,
        parent: QWidget | None = None,
    ):
        super().__init__(book, events, contact_id, contact_name, parent)
        self.setWindowTitle(self.tr("Add referral"))
        self.date_edit = QDateEdit(QDate.currentDate())
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat(QLocale().dateFormat(QLocale.FormatType.ShortFormat))
        self.outcome_edit = QLineEdit()
        self.form.addRow(labels.field("referrer"), QLabel(contact_name))
        self.form.addRow(labels.field("referred"), self.picker)
        self.form.addRow(labels.field("given_on"), self.date_edit)
        self.form.addRow(labels.field("outcome"), self.outcome_edit)
        self._finish_form()

    def _write(self, other_id: int, session: Session) -> None:
        referred_on: date = self.date_edit.date().toPython()  # type: ignore[assignment]
        add_referral(
            session,
            self._contact_id,
            other_id,
            referred_on,
            datetime.now(),
            self.outcome_edit.text(),
        )
