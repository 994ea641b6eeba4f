"""Record what a contact bought: product, amount, day and an optional renewal date."""

from datetime import date, datetime

from PySide6.QtCore import QDate, QLocale
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from relbook.core.changes import Saved
from relbook.core.errors import FieldError, RelbookError, ValidationError
from relbook.core.gifts import parse_amount, to_cents
from relbook.db.book import Book
from relbook.ui.amount_text import amount_text
from relbook.ui.editor_widgets import error_label
from relbook.ui.events import BookEvents
from relbook.ui.field_messages import FieldMessages
from relbook.ui.operations.purchases import record_purchase
from relbook.words import labels


def _q(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _day(edit: QDateEdit) -> date:
    value = edit.date()
    return date(value.year(), value.month(), value.day())


def _date_edit(day: QDate) -> QDateEdit:
    edit = QDateEdit(day)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(QLocale().dateFormat(QLocale.FormatType.ShortFormat))
    return edit


class PurchaseDialog(QDialog):
    """One purchase of a contact; saving also makes the thank-you and the renewal reminder.
    ``saved_id`` is the purchase's id once the book has it."""

    def __init__(
        self, book: Book, events: BookEvents, contact_id: int, parent: QWidget | None = None
    ):
        super().__init__(parent)
        self._book = book
        self._events = events
        self._contact_id = contact_id
        self._saving = False
        self.saved_id: int | None = None
        self.setWindowTitle(self.tr("Record a purchase"))
        self.setMinimumWidth(480)

        self.product_edit = QLineEdit()
        self.product_edit.setPlaceholderText(self.tr("e.g. CRM licences, 50 seats"))
        self.amount_edit = QLineEdit()
        self.amount_edit.setPlaceholderText(self.tr("e.g. 128,000"))
        self.amount_edit.editingFinished.connect(self._tidy_amount)
        today = QDate.currentDate()
        self.bought_edit = _date_edit(today)
        self.bought_edit.setMaximumDate(today)
        self.renews = QCheckBox(self.tr("due on"))
        self.renewal_edit = _date_edit(today.addYears(1))
        self.renewal_edit.setEnabled(False)
        self.renews.toggled.connect(self.renewal_edit.setEnabled)
        renewal_row = QHBoxLayout()
        renewal_row.setContentsMargins(0, 0, 0, 0)
        renewal_row.addWidget(self.renews)
        renewal_row.addWidget(self.renewal_edit, 1)
        self.note = QLabel(
            self.tr(
                "Saving also adds a thank-you to send within two days and, with a renewal "
                "date, a reminder before the contract runs out."
            )
        )
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #607d8b;")
        self.error_label = error_label(hidden=True)
        self.field_messages = FieldMessages(
            {
                "product": self.product_edit,
                "amount": self.amount_edit,
                "bought_on": self.bought_edit,
                "renewal_on": self.renewal_edit,
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
        form.addRow(labels.field("product"), self.product_edit)
        form.addRow(labels.field("amount"), self.amount_edit)
        form.addRow(labels.field("bought_on"), self.bought_edit)
        form.addRow(labels.field("renewal_on"), renewal_row)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.note)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        self.product_edit.setFocus()

    def _tidy_amount(self) -> None:
        """Show a typed amount the way the locale writes it."""
        try:
            value = parse_amount(self.amount_edit.text())
        except ValidationError:
            return
        self.amount_edit.setText(amount_text(value))

    def amount_cents(self) -> int:
        """The amount typed, in cents; ValidationError (field ``amount``) if there is none."""
        text = self.amount_edit.text()
        if not text.strip():
            raise ValidationError([FieldError("amount", "required")])
        try:
            return to_cents(parse_amount(text))
        except ValidationError:
            raise ValidationError(
                [FieldError("amount", "not_an_amount", {"value": text})]
            ) from None

    def renewal_on(self) -> date | None:
        return _day(self.renewal_edit) if self.renews.isChecked() else None

    def save(self) -> None:
        """Save in the background; the dialog closes once the book has the purchase."""
        if self._saving:
            return
        try:
            cents = self.amount_cents()
        except ValidationError as problem:
            self._show_field_errors(problem.errors)
            return
        self._saving = True
        record_purchase(
            self,
            self._book,
            self._events,
            self._contact_id,
            self.product_edit.text(),
            cents,
            _day(self.bought_edit),
            datetime.now(),
            self.renewal_on(),
        ).finished(self._save_over).success(self._saved).failure(self._not_saved).run()

    def _save_over(self) -> None:
        self._saving = False

    def _saved(self, saved: Saved) -> None:
        self.saved_id = saved.id
        self.accept()

    def _show_field_errors(self, errors: list[FieldError]) -> None:
        """Each message under its field; the others (a contact gone) at the bottom."""
        rest = self.field_messages.show(errors)
        self.error_label.setText("\n".join(rest))
        self.error_label.setVisible(bool(rest))

    def _not_saved(self, problem: Exception) -> None:
        if isinstance(problem, ValidationError):
            self._show_field_errors(problem.errors)
        else:
            assert isinstance(problem, RelbookError)
            self.error_label.setText(labels.problem_text(problem))
            self.error_label.show()
