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

from relbook.core.changes import BookChanges
from relbook.core.errors import RelbookError
from relbook.db.book import Book
from relbook.ui.contact_picker import ContactPicker
from relbook.ui.editor_widgets import error_label
from relbook.ui.events import BookEvents
from relbook.ui.operations import BookOp
from relbook.ui.operations.history import link_contacts, record_referral
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
        self._saving = False
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

    def _link(self, other_id: int) -> BookOp[BookChanges]:
        raise NotImplementedError

    def save(self) -> None:
        """Save in the background; the dialog closes once the book has it."""
        if self._saving:
            return
        try:
            other_id, _name = self.picker.resolve()
        except RelbookError as problem:
            self._show_problem(problem)
            return
        self._saving = True
        self._link(other_id).finished(self._save_over).success(
            lambda _changes: self.accept()
        ).failure(self._show_problem).run()

    def _save_over(self) -> None:
        self._saving = False

    def _show_problem(self, problem: Exception) -> None:
        assert isinstance(problem, RelbookError)
        self.error_label.setText(labels.problem_text(problem))
        self.error_label.show()


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

    def _link(self, other_id: int) -> BookOp[BookChanges]:
        return link_contacts(
            self,
            self._book,
            self._events,
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

    def _link(self, other_id: int) -> BookOp[BookChanges]:
        referred_on: date = self.date_edit.date().toPython()  # type: ignore[assignment]
        return record_referral(
            self,
            self._book,
            self._events,
            self._contact_id,
            other_id,
            referred_on,
            self.outcome_edit.text(),
            datetime.now(),
        )
