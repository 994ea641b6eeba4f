"""The quick log: record a visit, call or meal in seconds, or edit one from the timeline."""

from datetime import datetime
from typing import cast

from PySide6.QtCore import QDateTime, QEvent, QLocale, QObject, Qt, QTime
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from relbook.core.changes import Saved
from relbook.core.contacts import contact_names
from relbook.core.errors import FieldError, RelbookError, ValidationError
from relbook.core.history import InteractionInput, stored_interaction
from relbook.core.settings import get_setting
from relbook.db.book import Book
from relbook.ui.contact_picker import ContactPicker
from relbook.ui.date_text import q_datetime
from relbook.ui.editor_widgets import error_label
from relbook.ui.events import BookEvents
from relbook.ui.field_messages import FieldMessages
from relbook.ui.operations import read_now
from relbook.ui.operations.history import log_interaction
from relbook.words import labels

NEXT_STEP_DAYS = 7
_CHIP_STYLE = (
    "QToolButton { background: #e3f2fd; color: #0d47a1; border: 1px solid #90caf9;"
    " border-radius: 10px; padding: 2px 8px; }"
)


def _datetime_edit(value: datetime | QDateTime) -> QDateTimeEdit:
    edit = QDateTimeEdit(value if isinstance(value, QDateTime) else q_datetime(value))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(QLocale().dateTimeFormat(QLocale.FormatType.ShortFormat))
    return edit


def _minute(edit: QDateTimeEdit) -> datetime:
    return cast(datetime, edit.dateTime().toPython()).replace(second=0, microsecond=0)


class QuickLogDialog(QDialog):
    """Log an interaction with the given contacts, or edit ``interaction_id``.

    Enter saves from any one-line field, Ctrl+Enter also from the notes, Esc cancels.
    ``saved_id`` holds the interaction once saved.
    """

    def __init__(
        self,
        book: Book,
        events: BookEvents,
        contact_ids: list[int],
        parent: QWidget | None = None,
        interaction_id: int | None = None,
    ):
        super().__init__(parent)
        self._book = book
        self._events = events
        self._interaction_id = interaction_id
        self._contacts: list[tuple[int, str]] = []
        self._saving = False
        self.saved_id: int | None = None
        self.setWindowTitle(
            self.tr("Log an interaction") if interaction_id is None else self.tr("Edit interaction")
        )
        self.setMinimumWidth(520)

        self.kind_combo = QComboBox()
        for code, word in labels.choices("interaction_type").items():
            self.kind_combo.addItem(word, code)
        now = QDateTime.currentDateTime()
        now.setTime(QTime(now.time().hour(), now.time().minute()))
        self.when_edit = _datetime_edit(now)
        self.chips = QHBoxLayout()
        self.chips.setContentsMargins(0, 0, 0, 0)
        self.chips.setSpacing(4)
        self.add_contact = ContactPicker(book)
        self.add_contact.setPlaceholderText(self.tr("Add someone else who was there (name)"))
        self.add_contact.installEventFilter(self)
        self.add_contact.completer().activated.connect(lambda _text: self.add_typed_contact())
        self.place_edit = QLineEdit()
        self.notes_edit = QPlainTextEdit()
        self.notes_edit.setTabChangesFocus(True)
        self.notes_edit.setPlaceholderText(self.tr("What was talked about"))
        self.notes_edit.setFixedHeight(90)
        self.outcome_edit = QLineEdit()
        self.next_check = QCheckBox(labels.field("next_step"))
        self.next_step_edit = QLineEdit()
        self.next_step_edit.setPlaceholderText(self.tr("e.g. send the quotation"))
        due = now.addDays(NEXT_STEP_DAYS)
        due.setTime(QTime(9, 0))
        self.due_edit = _datetime_edit(due)
        self.next_check.toggled.connect(self._toggle_next_step)
        self._toggle_next_step(False)
        self.error_label = error_label(hidden=True)
        self.field_messages = FieldMessages(
            {
                "kind": self.kind_combo,
                "contacts": self.add_contact,
                "place": self.place_edit,
                "next_step": self.next_step_edit,
            }
        )

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setDefault(True)
        self.save_button.setAutoDefault(True)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self.save)

        people = QWidget()
        people_layout = QVBoxLayout(people)
        people_layout.setContentsMargins(0, 0, 0, 0)
        people_layout.addLayout(self.chips)
        people_layout.addWidget(self.add_contact)
        next_row = QHBoxLayout()
        next_row.addWidget(self.next_step_edit, 2)
        next_row.addWidget(QLabel(labels.field("next_step_due")))
        next_row.addWidget(self.due_edit, 1)
        form = QFormLayout()
        form.addRow(labels.field("kind"), self.kind_combo)
        form.addRow(labels.field("occurred_at"), self.when_edit)
        form.addRow(labels.field("contacts"), people)
        form.addRow(labels.field("place"), self.place_edit)
        form.addRow(labels.field("notes"), self.notes_edit)
        form.addRow(labels.field("outcome"), self.outcome_edit)
        form.addRow(self.next_check, next_row)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)

        if interaction_id is None:
            self._start(contact_ids)
        else:
            self._load(interaction_id)
        self.setTabOrder(self.kind_combo, self.when_edit)
        self.kind_combo.setFocus()

    # --- filling -------------------------------------------------------------------------
    def _names(self, ids: list[int]) -> list[tuple[int, str]]:
        names = read_now(self._book, lambda session: contact_names(session, ids))
        return [(i, names[i]) for i in ids if i in names]

    def _start(self, contact_ids: list[int]) -> None:
        last = read_now(self._book, lambda session: get_setting(session, "log.last_type"))
        self.kind_combo.setCurrentIndex(max(0, self.kind_combo.findData(last)))
        for contact_id, name in self._names(contact_ids):
            self._add_chip(contact_id, name)

    def _load(self, interaction_id: int) -> None:
        data = read_now(self._book, lambda session: stored_interaction(session, interaction_id))
        self.kind_combo.setCurrentIndex(max(0, self.kind_combo.findData(data.kind)))
        self.when_edit.setDateTime(q_datetime(data.occurred_at))
        for contact_id, name in self._names(data.contact_ids):
            self._add_chip(contact_id, name)
        self.place_edit.setText(data.place)
        self.notes_edit.setPlainText(data.notes)
        self.outcome_edit.setText(data.outcome)
        if data.next_step or data.next_step_due:
            self.next_check.setChecked(True)
            self.next_step_edit.setText(data.next_step)
            if data.next_step_due is not None:
                self.due_edit.setDateTime(q_datetime(data.next_step_due))

    def _toggle_next_step(self, on: bool) -> None:
        self.next_step_edit.setEnabled(on)
        self.due_edit.setEnabled(on)
        if on:
            self.next_step_edit.setFocus()

    # --- people --------------------------------------------------------------------------
    def contact_ids(self) -> list[int]:
        return [contact_id for contact_id, _name in self._contacts]

    def _add_chip(self, contact_id: int, name: str) -> None:
        if contact_id in self.contact_ids():
            return
        self._contacts.append((contact_id, name))
        chip = QToolButton()
        chip.setText(f"{name}  ✕")
        chip.setToolTip(self.tr("Remove %1").replace("%1", name))
        chip.setStyleSheet(_CHIP_STYLE)
        chip.setProperty("contact_id", contact_id)
        chip.clicked.connect(lambda: self._remove_chip(chip, contact_id))
        self.chips.insertWidget(len(self._contacts) - 1, chip)
        if len(self._contacts) == 1:
            self.chips.addStretch(1)

    def _remove_chip(self, chip: QToolButton, contact_id: int) -> None:
        self._contacts = [c for c in self._contacts if c[0] != contact_id]
        self.chips.removeWidget(chip)
        chip.deleteLater()

    def add_typed_contact(self) -> bool:
        """Add the contact named in the field; False (with the reason shown) if none fits."""
        if not self.add_contact.text().strip():
            return True
        try:
            contact_id, name = self.add_contact.resolve()
        except RelbookError as problem:
            self._show_error(labels.problem_text(problem))
            return False
        self._add_chip(contact_id, name)
        self.add_contact.clear()
        self.error_label.hide()
        return True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Enter in the add-contact field adds the person rather than saving."""
        if (
            watched is self.add_contact
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and self.add_contact.text().strip()
        ):
            self.add_typed_contact()
            return True
        return super().eventFilter(watched, event)

    # --- saving --------------------------------------------------------------------------
    def value(self) -> InteractionInput:
        on = self.next_check.isChecked()
        return InteractionInput(
            kind=str(self.kind_combo.currentData()),
            occurred_at=_minute(self.when_edit),
            contact_ids=self.contact_ids(),
            place=self.place_edit.text(),
            notes=self.notes_edit.toPlainText(),
            outcome=self.outcome_edit.text(),
            next_step=self.next_step_edit.text() if on else "",
            next_step_due=_minute(self.due_edit) if on else None,
        )

    def _show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.show()

    def _show_field_errors(self, errors: list[FieldError]) -> None:
        """Each message under its field; the others (e.g. a trashed contact) at the bottom."""
        rest = self.field_messages.show(errors)
        self.error_label.setText("\n".join(rest))
        self.error_label.setVisible(bool(rest))

    def save(self) -> None:
        """Save in the background; the dialog closes once the book has it."""
        if self._saving or not self.add_typed_contact():
            return
        self._saving = True
        log_interaction(
            self, self._book, self._events, self._interaction_id, self.value(), datetime.now()
        ).finished(self._save_over).success(self._saved).failure(self._not_saved).run()

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
