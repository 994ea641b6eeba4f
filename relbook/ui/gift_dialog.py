"""Add or edit one gift in a contact's ledger, warning before the same gift is given twice."""

from datetime import date, datetime
from decimal import Decimal

from PySide6.QtCore import QDate, QLocale
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from relbook.core.changes import Saved
from relbook.core.enums import GiftDirection
from relbook.core.errors import FieldError, RelbookError, ValidationError
from relbook.core.gifts import GiftInput, gift_form, parse_amount, similar_gift_days
from relbook.db.book import Book
from relbook.ui.amount_text import amount_text
from relbook.ui.date_text import solar_text
from relbook.ui.editor_widgets import error_label
from relbook.ui.events import BookEvents
from relbook.ui.field_messages import FieldMessages
from relbook.ui.operations import read_now
from relbook.ui.operations.history import save_gift
from relbook.words import labels


class GiftDialog(QDialog):
    """One gift given to or received from a contact or a family member; ``saved_id`` once saved."""

    def __init__(
        self,
        book: Book,
        events: BookEvents,
        contact_id: int,
        gift_id: int | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self._book = book
        self._events = events
        self._contact_id = contact_id
        self._gift_id = gift_id
        self._saving = False
        self.saved_id: int | None = None
        self.setWindowTitle(self.tr("Add a gift") if gift_id is None else self.tr("Edit gift"))
        self.setMinimumWidth(460)

        self.direction_combo = QComboBox()
        for code, word in labels.choices("gift_direction").items():
            self.direction_combo.addItem(word, code)
        self.date_edit = QDateEdit(QDate.currentDate())
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat(QLocale().dateFormat(QLocale.FormatType.ShortFormat))
        self.occasion_combo = QComboBox()
        self.occasion_combo.setEditable(True)
        for code, word in labels.choices("occasion").items():
            self.occasion_combo.addItem(word, code)
        self.occasion_combo.setCurrentIndex(-1)
        self.item_edit = QLineEdit()
        self.item_edit.setPlaceholderText(self.tr("e.g. Longjing tea, 2 tins"))
        self.value_edit = QLineEdit()
        self.value_edit.setPlaceholderText(self.tr("e.g. 1,280"))
        self.value_edit.editingFinished.connect(self._tidy_value)
        self.recipient_combo = QComboBox()
        self.notes_edit = QPlainTextEdit()
        self.notes_edit.setTabChangesFocus(True)
        self.notes_edit.setFixedHeight(70)
        self.error_label = error_label(hidden=True)
        self.field_messages = FieldMessages(
            {
                "direction": self.direction_combo,
                "item": self.item_edit,
                "value": self.value_edit,
                "recipient": self.recipient_combo,
            }
        )
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setDefault(True)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)

        form = QFormLayout()
        form.addRow(labels.field("direction"), self.direction_combo)
        form.addRow(labels.field("given_on"), self.date_edit)
        form.addRow(labels.field("occasion"), self.occasion_combo)
        form.addRow(labels.field("item"), self.item_edit)
        form.addRow(labels.field("value"), self.value_edit)
        form.addRow(labels.field("recipient"), self.recipient_combo)
        form.addRow(labels.field("notes"), self.notes_edit)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        self._fill()
        self.item_edit.setFocus()

    def _fill(self) -> None:
        contact_id, gift_id = self._contact_id, self._gift_id
        self._contact_name, members, data = read_now(
            self._book, lambda session: gift_form(session, contact_id, gift_id)
        )
        self.recipient_combo.addItem(self._contact_name, None)
        for member_id, name, relation in members:
            self.recipient_combo.addItem(f"{name} ({labels.relation(relation)})", member_id)
        if data is None:
            return
        self.direction_combo.setCurrentIndex(max(0, self.direction_combo.findData(data.direction)))
        if data.given_on is not None:
            self.date_edit.setDate(
                QDate(data.given_on.year, data.given_on.month, data.given_on.day)
            )
        known = self.occasion_combo.findData(data.occasion)
        if known >= 0:
            self.occasion_combo.setCurrentIndex(known)
        else:
            self.occasion_combo.setEditText(data.occasion)
        self.item_edit.setText(data.item)
        self.value_edit.setText(amount_text(data.value))
        if data.family_member_id is not None:
            self.recipient_combo.setCurrentIndex(
                max(0, self.recipient_combo.findData(data.family_member_id))
            )
        self.notes_edit.setPlainText(data.notes)

    def _tidy_value(self) -> None:
        """Show a typed amount the way the locale writes it."""
        try:
            value = parse_amount(self.value_edit.text()) if self.value_edit.text().strip() else None
        except ValidationError:
            return
        self.value_edit.setText(amount_text(value))

    def occasion(self) -> str:
        """The code of a listed occasion, else the words typed."""
        text = self.occasion_combo.currentText().strip()
        index = self.occasion_combo.findText(text)
        return str(self.occasion_combo.itemData(index)) if index >= 0 else text

    def value(self) -> GiftInput:
        """The gift as entered; ValidationError when the amount cannot be read."""
        text = self.value_edit.text()
        amount: Decimal | None = parse_amount(text) if text.strip() else None
        given_on: date = self.date_edit.date().toPython()  # type: ignore[assignment]
        return GiftInput(
            contact_id=self._contact_id,
            item=self.item_edit.text(),
            direction=str(self.direction_combo.currentData()),
            given_on=given_on,
            occasion=self.occasion(),
            value=amount,
            family_member_id=self.recipient_combo.currentData(),
            notes=self.notes_edit.toPlainText(),
        )

    def _show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.show()

    def _show_field_errors(self, errors: list[FieldError]) -> None:
        """Each message under its field; the others (e.g. a trashed contact) at the bottom."""
        rest = self.field_messages.show(errors)
        self.error_label.setText("\n".join(rest))
        self.error_label.setVisible(bool(rest))

    def _earlier(self, data: GiftInput) -> list[str]:
        """Lines describing the same gift already given to the same person."""
        if data.direction != GiftDirection.GIVEN or not data.item.strip():
            return []
        gift_id = self._gift_id
        found = read_now(self._book, lambda session: similar_gift_days(session, data, gift_id))
        recipient = self.recipient_combo.currentText()
        return [f"{solar_text(day)} · {item} · {recipient}" for day, item in found]

    def _confirm_repeat(self, earlier: list[str]) -> bool:
        text = (
            self.tr("%1 already got this gift:").replace("%1", self.recipient_combo.currentText())
            + "\n\n"
            + "\n".join(earlier)
            + "\n\n"
            + self.tr("Save anyway?")
        )
        answer = QMessageBox.warning(
            self,
            self.tr("Same gift again"),
            text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def save(self) -> None:
        """Save in the background; the dialog closes once the book has it."""
        if self._saving:
            return
        try:
            data = self.value()
        except ValidationError as problem:
            self._show_field_errors(problem.errors)
            return
        earlier = self._earlier(data)
        if earlier and not self._confirm_repeat(earlier):
            return
        self._saving = True
        save_gift(self, self._book, self._events, self._gift_id, data, datetime.now()).finished(
            self._save_over
        ).success(self._saved).failure(self._not_saved).run()

    def _save_over(self) -> None:
        self._saving = False

    def _saved(self, saved: Saved) -> None:
        self.saved_id = saved.id
        self.accept()

    def _not_saved(self, problem: Exception) -> None:
        if isinstance(problem, ValidationError):
            self._show_field_errors(problem.errors)
        else:
            assert isinstance(problem, RelbookError)
            self._show_error(labels.problem_text(problem))
