"""The opportunity editor: what the deal is (title, company, amount, stage, expected close,
notes), the five importance answers asked of the project, the buying centre with each
person's role, insider mark and relationship level, and the stage history.

Saving validates in core and shows the problems under their fields, as the contact editor
does; the whole form is one unit of work (``operations.deals.add_deal`` / ``edit_deal``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from PySide6.QtCore import QDate, QStringListModel, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from relbook.core.changes import Saved
from relbook.core.deal_reads import DealDetail, StageStep
from relbook.core.deals import DealInput
from relbook.core.enums import BuyingRole
from relbook.core.errors import AmbiguousError, NotFoundError, RelbookError, ValidationError
from relbook.core.tiers import SCORE_FIELDS
from relbook.db.book import Book
from relbook.ui.amount_text import amount_text
from relbook.ui.contact_picker import ContactPicker
from relbook.ui.date_edit import select_code
from relbook.ui.date_text import solar_text
from relbook.ui.deal_close_dialogs import LoseDialog, WinDialog, read_amount
from relbook.ui.editor_tabs import ImportanceQuestions
from relbook.ui.editor_widgets import error_label
from relbook.ui.events import BookEvents
from relbook.ui.field_messages import FieldMessages
from relbook.ui.operations import tell_problem
from relbook.ui.operations.deals import (
    EditorChoices,
    NewMember,
    add_deal,
    detail,
    edit_deal,
    editor_choices,
    new_member,
)
from relbook.words import deal_words, labels
from relbook.words.labels import translate

_INVALID_STYLE = '*[invalid="true"] { border: 1px solid #c62828; border-radius: 2px; }'
_ERROR_AREA_STYLE = (
    "QLabel { background: #fdecea; color: #b71c1c; border: 1px solid #f5c2c0;"
    " border-radius: 3px; padding: 6px; }"
)
_WARNING_STYLE = "color: #a15c00;"
ROLES = (
    BuyingRole.DECISION_MAKER.value,
    BuyingRole.PURCHASER.value,
    BuyingRole.USER.value,
    BuyingRole.GATEKEEPER.value,
)
NAME, ROLE, INSIDER, LEVEL = range(4)


@dataclass
class Member:
    contact_id: int
    name: str
    level: int
    company: str = ""


def _q_date(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def step_text(step: StageStep, names: dict[str, str]) -> str:
    """One line of the history: the day, then where the deal went."""
    to = names.get(step.to_stage, deal_words.stage_name(step.to_stage))
    if step.status != "open":
        what = f"{deal_words.status(step.status)} ({to})"
    elif step.from_stage is None:
        what = translate("DealEditor", "Entered %1").replace("%1", to)
    else:
        origin = names.get(step.from_stage, deal_words.stage_name(step.from_stage))
        what = f"{origin} → {to}"
    note = f" — {step.note}" if step.note else ""
    return f"{solar_text(step.changed_on)}   {what}{note}"


class DealEditor(QDialog):
    """Add (``deal_id`` None, optionally for ``contact_ids``) or edit one opportunity."""

    closed_deal = Signal(str)
    """"won" or "lost": the deal was closed from the editor's buttons (the editor closes)."""

    def __init__(
        self,
        book: Book,
        events: BookEvents,
        deal_id: int | None = None,
        contact_ids: list[int] | None = None,
        now: datetime | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self._book, self._events, self._deal_id = book, events, deal_id
        self._now = now or datetime.now()
        self._saving = False
        self.saved_id: int | None = None
        self.setWindowTitle(
            self.tr("New opportunity") if deal_id is None else self.tr("Opportunity")
        )
        self.setStyleSheet(_INVALID_STYLE)
        self.resize(1040, 700)
        choices = editor_choices(book)
        self._stage_names = {s.code: deal_words.stage_name(s.code, s.name) for s in choices.stages}
        self.loaded: DealDetail | None = (
            detail(book, deal_id, self._now.date()) if deal_id is not None else None
        )
        self.members: list[Member] = []

        self.error_area = QLabel()
        self.error_area.setWordWrap(True)
        self.error_area.setStyleSheet(_ERROR_AREA_STYLE)
        self.error_area.hide()

        left = QVBoxLayout()
        left.addWidget(self._build_deal_box(choices.companies))
        left.addWidget(self._build_importance_box(choices))
        left.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(self._build_centre_box(), 3)
        right.addWidget(self._build_history_box(), 2)
        columns = QHBoxLayout()
        columns.addLayout(left, 5)
        columns.addLayout(right, 6)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.won_button = QPushButton(self.tr("Won…"))
        self.lost_button = QPushButton(self.tr("Lost…"))
        self.won_button.setToolTip(self.tr("Mark as won: record the purchase and the thank-you"))
        self.lost_button.setToolTip(self.tr("Mark as lost, with why"))
        is_open = self.loaded is not None and self.loaded.row.status == "open"
        self.won_button.setVisible(is_open)
        self.lost_button.setVisible(is_open)
        self.won_button.clicked.connect(self.mark_won)
        self.lost_button.clicked.connect(self.mark_lost)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save)

        bottom = QHBoxLayout()
        bottom.addWidget(self.won_button)
        bottom.addWidget(self.lost_button)
        bottom.addStretch(1)
        bottom.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.error_area)
        layout.addLayout(columns, 1)
        layout.addLayout(bottom)

        self._field_messages = FieldMessages(
            {
                "deal_title": self.title,
                "organization": self.company,
                "amount": self.amount,
                "deal_stage": self.stage,
                "expected_close": self.close_date,
                **self.importance.scores,
            }
        )
        if self.loaded is not None:
            self._load(self.loaded)
        else:
            for contact_id in contact_ids or []:
                self._add_member(new_member(book, contact_id))
        self._update_warnings()
        self.title.setFocus()

    # --- building ------------------------------------------------------------------------
    def _build_deal_box(self, companies: list[str]) -> QGroupBox:
        box = QGroupBox(self.tr("Opportunity"))
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.title = QLineEdit()
        self.title.setPlaceholderText(self.tr("What is being sold, e.g. 2027 server renewal"))
        self.company = QLineEdit()
        completer = QCompleter(QStringListModel(companies, self), self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.company.setCompleter(completer)
        self.amount = QLineEdit()
        self.amount.setPlaceholderText("120,000")
        self.amount.editingFinished.connect(self._tidy_amount)
        self.stage = QComboBox()
        for code, name in self._stage_names.items():
            self.stage.addItem(name, code)
        close_row = QWidget()
        close_layout = QHBoxLayout(close_row)
        close_layout.setContentsMargins(0, 0, 0, 0)
        self.close_known = QCheckBox(self.tr("Known"))
        self.close_date = QDateEdit(_q_date(self._now.date()))
        self.close_date.setCalendarPopup(True)
        self.close_date.setEnabled(False)
        self.close_known.toggled.connect(self.close_date.setEnabled)
        close_layout.addWidget(self.close_known)
        close_layout.addWidget(self.close_date, 1)
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        self.notes.setMinimumHeight(60)
        self.notes.setMaximumHeight(140)
        form.addRow(labels.field("deal_title"), self.title)
        form.addRow(labels.field("organization"), self.company)
        form.addRow(labels.field("amount"), self.amount)
        form.addRow(labels.field("deal_stage"), self.stage)
        form.addRow(labels.field("expected_close"), close_row)
        form.addRow(self.tr("Notes"), self.notes)
        return box

    def _build_importance_box(self, choices: EditorChoices) -> QGroupBox:
        box = QGroupBox(self.tr("Importance of this project"))
        form = QFormLayout(box)
        self.importance = ImportanceQuestions(choices.limits, form, self)
        self.importance.scores["score_risk"].setToolTip(
            self.tr("Scored in reverse: 5 is a very risky project and counts least.")
        )
        return box

    def _build_centre_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Buying centre"))
        layout = QVBoxLayout(box)
        self.centre = QTableWidget(0, 4)
        self.centre.setHorizontalHeaderLabels(
            [self.tr("Contact"), labels.field("buying_role"), self.tr("Insider"), self.tr("Level")]
        )
        self.centre.verticalHeader().hide()
        self.centre.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.centre.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.centre.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.centre.horizontalHeader()
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        for column in (INSIDER, LEVEL):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(ROLE, QHeaderView.ResizeMode.Fixed)
        self.picker = ContactPicker(self._book)
        self.picker.setPlaceholderText(self.tr("Name of a contact to add"))
        self.picker.returnPressed.connect(self.add_picked)
        self.add_button = QPushButton(self.tr("Add"))
        self.add_button.clicked.connect(self.add_picked)
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.clicked.connect(self.remove_selected)
        adding = QHBoxLayout()
        adding.addWidget(self.picker, 1)
        adding.addWidget(self.add_button)
        adding.addWidget(self.remove_button)
        self.picker_problem = error_label(hidden=True)
        self.warnings = QLabel()
        self.warnings.setWordWrap(True)
        self.warnings.setStyleSheet(_WARNING_STYLE)
        layout.addWidget(self.centre, 1)
        layout.addLayout(adding)
        layout.addWidget(self.picker_problem)
        layout.addWidget(self.warnings)
        return box

    def _build_history_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Stage history"))
        layout = QVBoxLayout(box)
        self.history = QListWidget()
        self.history.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.history.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        layout.addWidget(self.history)
        if self._deal_id is None:
            self.history.addItem(self.tr("Starts in its stage today."))
        return box

    # --- loading -------------------------------------------------------------------------
    def _load(self, loaded: DealDetail) -> None:
        row = loaded.row
        self.title.setText(row.title)
        self.company.setText(row.organization)
        self.amount.setText(amount_text(Decimal(row.amount_cents) / 100))
        select_code(self.stage, row.stage)
        if row.status != "open":
            self.stage.setEnabled(False)
            self.stage.setToolTip(self.tr("A closed opportunity keeps its stage."))
        if row.expected_close is not None:
            self.close_known.setChecked(True)
            self.close_date.setDate(_q_date(row.expected_close))
        self.notes.setPlainText(loaded.notes)
        for name, combo in self.importance.scores.items():
            select_code(combo, loaded.scores.get(name))
        for member in loaded.buying_centre:
            self._add_member(
                Member(member.contact_id, member.name, member.level), member.role, member.is_insider
            )
        self.history.clear()
        for step in loaded.history:
            self.history.addItem(step_text(step, self._stage_names))
        if row.status == "lost":
            reason = deal_words.lost_reason(row.lost_reason)
            note = f": {loaded.lost_note}" if loaded.lost_note else ""
            self.history.addItem(self.tr("Why it was lost: %1").replace("%1", reason + note))

    # --- the buying centre ---------------------------------------------------------------
    def _add_member(
        self, member: Member | NewMember, role: str | None = None, insider: bool = False
    ) -> None:
        if any(m.contact_id == member.contact_id for m in self.members):
            return
        kept = Member(member.contact_id, member.name, member.level, member.company)
        self.members.append(kept)
        row = self.centre.rowCount()
        self.centre.insertRow(row)
        self.centre.setItem(row, NAME, QTableWidgetItem(kept.name))
        combo = QComboBox()
        combo.addItem("—", None)
        for code in ROLES:
            combo.addItem(deal_words.role(code), code)
        select_code(combo, role)
        combo.currentIndexChanged.connect(self._update_warnings)
        self.centre.setCellWidget(row, ROLE, combo)
        wanted = combo.sizeHint().width() + 4
        if self.centre.columnWidth(ROLE) < wanted:
            self.centre.setColumnWidth(ROLE, wanted)
        holder = QWidget()
        holder_layout = QHBoxLayout(holder)
        holder_layout.setContentsMargins(0, 0, 0, 0)
        holder_layout.setAlignment(Qt.AlignmentFlag.AlignCenter)
        check = QCheckBox()
        check.setChecked(insider)
        check.setAccessibleName(self.tr("Insider"))
        check.toggled.connect(self._update_warnings)
        holder_layout.addWidget(check)
        self.centre.setCellWidget(row, INSIDER, holder)
        self.centre.setItem(row, LEVEL, QTableWidgetItem(labels.level_with_number(kept.level)))
        if not self.company.text().strip() and len(self.members) == 1 and kept.company:
            self.company.setPlaceholderText(kept.company)
        self._update_warnings()

    def _tidy_amount(self) -> None:
        """Show a typed amount the way the locale writes it."""
        try:
            cents = read_amount(self.amount.text()) if self.amount.text().strip() else None
        except ValidationError:
            return
        if cents is not None:
            self.amount.setText(amount_text(Decimal(cents) / 100))

    def add_picked(self) -> None:
        """Add the contact typed in the picker to the buying centre."""
        if not self.picker.text().strip():
            return
        try:
            contact_id, _name = self.picker.resolve()
        except (NotFoundError, AmbiguousError) as problem:
            self.picker_problem.setText(labels.problem_text(problem))
            self.picker_problem.show()
            return
        self.picker_problem.hide()
        self._add_member(new_member(self._book, contact_id))
        self.picker.clear()

    def remove_selected(self) -> None:
        rows = sorted({index.row() for index in self.centre.selectionModel().selectedRows()})
        for row in reversed(rows):
            self.centre.removeRow(row)
            del self.members[row]
        self._update_warnings()

    def role_combo(self, row: int) -> QComboBox:
        widget = self.centre.cellWidget(row, ROLE)
        assert isinstance(widget, QComboBox)
        return widget

    def insider_check(self, row: int) -> QCheckBox:
        holder = self.centre.cellWidget(row, INSIDER)
        assert holder is not None
        check = holder.findChild(QCheckBox)
        assert isinstance(check, QCheckBox)
        return check

    def roles(self) -> dict[int, tuple[str | None, bool]]:
        """Contact id -> (role, insider) as the table shows them."""
        return {
            member.contact_id: (
                self.role_combo(row).currentData(),
                self.insider_check(row).isChecked(),
            )
            for row, member in enumerate(self.members)
        }

    def _update_warnings(self) -> None:
        roles = self.roles().values()
        missing = []
        if not self.members:
            missing.append(self.tr("Add the people involved: at least one contact."))
        else:
            if not any(role == BuyingRole.DECISION_MAKER.value for role, _ in roles):
                missing.append(self.tr("No decision maker known."))
            if not any(insider for _, insider in roles):
                missing.append(self.tr("No insider (内线) known."))
        self.warnings.setText("\n".join(f"⚠ {text}" for text in missing))
        self.warnings.setVisible(bool(missing))

    # --- saving --------------------------------------------------------------------------
    def deal_input(self) -> DealInput:
        """The form as a DealInput; ValidationError when the amount cannot be read."""
        text = self.amount.text()
        cents = read_amount(text) if text.strip() else 0
        close: date | None = None
        if self.close_known.isChecked():
            picked = self.close_date.date().toPython()
            assert isinstance(picked, date)
            close = picked
        company = self.company.text().strip()
        scores = self.importance.values()
        stage = self.stage.currentData() if self.stage.isEnabled() else None
        return DealInput(
            title=self.title.text(),
            contact_ids=[m.contact_id for m in self.members],
            amount_cents=cents,
            stage=stage,
            expected_close=close,
            organization=company or None,
            notes=self.notes.toPlainText(),
            **{name: scores.get(name) for name in SCORE_FIELDS},
        )

    def save(self) -> None:
        """Save in the background; the dialog closes once the book has it, or shows why."""
        if self._saving:
            return
        try:
            data = self.deal_input()
        except ValidationError as problem:
            self._not_saved(problem)
            return
        self._saving = True
        now = self._now
        if self._deal_id is None:
            change = add_deal(self, self._book, self._events, data, self.roles(), now)
        else:
            change = edit_deal(
                self, self._book, self._events, self._deal_id, data, self.roles(), now
            )
        change.finished(self._save_over).success(self._saved).failure(self._not_saved).run()

    def _save_over(self) -> None:
        self._saving = False

    def _saved(self, saved: Saved) -> None:
        self.saved_id = saved.id
        self.accept()

    def _not_saved(self, problem: Exception) -> None:
        if isinstance(problem, ValidationError):
            messages = [(e.field, labels.error_text(e)) for e in problem.errors]
            self._field_messages.show_messages(messages)
            self.error_area.setText("\n".join(f"• {message}" for _, message in messages))
            self.error_area.show()
        elif isinstance(problem, RelbookError):
            self.error_area.setText(labels.problem_text(problem))
            self.error_area.show()
        else:
            tell_problem(self, problem)

    # --- closing the deal ----------------------------------------------------------------
    def mark_won(self) -> WinDialog | None:
        if self.loaded is None:
            return None
        dialog = WinDialog(self._book, self._events, self.loaded.row, self._now, self)
        dialog.accepted.connect(lambda: self._closed("won"))
        dialog.open()
        return dialog

    def mark_lost(self) -> LoseDialog | None:
        if self.loaded is None:
            return None
        dialog = LoseDialog(self._book, self._events, self.loaded.row, self._now, self)
        dialog.accepted.connect(lambda: self._closed("lost"))
        dialog.open()
        return dialog

    def _closed(self, outcome: str) -> None:
        self.closed_deal.emit(outcome)
        self.reject()
