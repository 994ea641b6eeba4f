"""The contact editor dialog: every field of a contact, saved in one unit of work."""

import re
from dataclasses import dataclass, field, replace
from datetime import date, datetime

from PySide6.QtCore import QCoreApplication, QObject, QSignalBlocker, QStringListModel, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from relbook import labels
from relbook.book import Book
from relbook.core.changes import BookChanges
from relbook.core.contact_input import (
    RAPPORT_FIELDS,
    ContactInput,
    DateInput,
    FamilyInput,
    PhoneInput,
)
from relbook.core.contacts import (
    all_tags,
    create_contact,
    find_contact,
    get_contact,
    organization_names,
    thresholds,
    to_input,
    update_contact,
)
from relbook.core.enums import DateKind, FamilyRelation, PhoneLabel
from relbook.core.errors import AmbiguousError, NotFoundError, ValidationError
from relbook.core.tiers import SCORE_FIELDS, TierThresholds, importance_total, tier_for
from relbook.ui.date_edit import SpecialDateEdit, fill_combo, select_code
from relbook.ui.date_text import solar_text
from relbook.ui.events import BookEvents
from relbook.ui.playbook import playbook_html

LevelStep = tuple[date, int | None, int, str]
"""One line of the level history: date, from (None for the start), to, note."""


_TAG_SEPARATORS = re.compile(r"[,，、;；\s]+")
_INVALID_STYLE = '*[invalid="true"] { border: 1px solid #c62828; border-radius: 2px; }'
_ERROR_AREA_STYLE = (
    "QLabel { background: #fdecea; color: #b71c1c; border: 1px solid #f5c2c0;"
    " border-radius: 3px; padding: 6px; }"
)


def split_tags(text: str) -> list[str]:
    """Tags as typed: separated by commas (either width), 、, semicolons or spaces."""
    return [t for t in _TAG_SEPARATORS.split(text) if t]


def mark_invalid(widget: QWidget, invalid: bool) -> None:
    """Flag a widget for the red-border stylesheet rule and repaint it."""
    widget.setProperty("invalid", invalid)
    widget.style().unpolish(widget)
    widget.style().polish(widget)
    widget.update()


def insert_before(anchor: QWidget, row: QWidget) -> None:
    """Put a row added after construction just before ``anchor`` in the Tab order.

    Otherwise Tab would reach it last, after the dialog's Save and Cancel buttons.
    """
    focusable = [
        w
        for w in row.findChildren(QWidget)
        if w.focusPolicy() & Qt.FocusPolicy.TabFocus
        and w.focusProxy() is None
        and w.window() is anchor.window()  # not the combo boxes' pop-up lists
        and not isinstance(w.parentWidget(), QAbstractSpinBox)
    ]
    previous = anchor.previousInFocusChain()
    while previous.isAncestorOf(anchor) or not previous.focusPolicy() & Qt.FocusPolicy.TabFocus:
        previous = previous.previousInFocusChain()
    chain = [previous, *focusable]
    for first, second in zip(chain, chain[1:], strict=False):
        QWidget.setTabOrder(first, second)


def optional_combo(choices: dict[str, str]) -> QComboBox:
    """A combo whose first entry, "—", means "not set" (data None)."""
    combo = QComboBox()
    combo.addItem("—", None)
    fill_combo(combo, choices)
    return combo


def scroll_page(content: QWidget) -> QScrollArea:
    """Tabs scroll rather than clip when the dialog is small or the words are long."""
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidget(content)
    return area


class TagEdit(QLineEdit):
    """Several tags in one line; the completer offers existing tags for the word being typed."""

    def __init__(self, known: list[str], parent: QWidget | None = None):
        super().__init__(parent)
        self._completer = QCompleter(QStringListModel(known, self), self)
        self._completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self._completer.setWidget(self)
        self._completer.activated.connect(self._insert)
        self.textEdited.connect(self._complete_last)

    def _last_word(self) -> str:
        words = _TAG_SEPARATORS.split(self.text())
        return words[-1] if words else ""

    def _complete_last(self) -> None:
        word = self._last_word()
        if not word:
            self._completer.popup().hide()
            return
        self._completer.setCompletionPrefix(word)
        self._completer.complete()

    def _insert(self, tag: str) -> None:
        text = self.text()
        self.setText(text[: len(text) - len(self._last_word())] + tag + ", ")

    def tags(self) -> list[str]:
        return split_tags(self.text())

    def set_tags(self, tags: list[str]) -> None:
        self.setText(", ".join(tags))


class PhoneList(QWidget):
    """Phone numbers, each with a label (mobile, work, ...); rows added and removed freely."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self._rows_layout = QVBoxLayout()
        layout.addLayout(self._rows_layout)
        self._rows: list[tuple[QWidget, QLineEdit, QComboBox]] = []
        self.add_button = QPushButton(self.tr("Add phone"))
        self.add_button.clicked.connect(lambda: self.add_row().setFocus())
        layout.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignLeft)

    def add_row(self, phone: PhoneInput | None = None) -> QLineEdit:
        row = QWidget()
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        number = QLineEdit(phone.number if phone else "")
        number.setPlaceholderText(self.tr("Number"))
        kind = QComboBox()
        fill_combo(kind, labels.choices("phone_label"))
        select_code(kind, phone.label if phone else PhoneLabel.MOBILE)
        remove = QPushButton(self.tr("Remove"))
        remove.clicked.connect(lambda: self._remove(row))
        line.addWidget(number, 1)
        line.addWidget(kind)
        line.addWidget(remove)
        self._rows_layout.addWidget(row)
        insert_before(self.add_button, row)
        self._rows.append((row, number, kind))
        return number

    def _remove(self, row: QWidget) -> None:
        self._rows = [r for r in self._rows if r[0] is not row]
        row.deleteLater()

    def phones(self) -> list[PhoneInput]:
        return [PhoneInput(number.text(), kind.currentData()) for _, number, kind in self._rows]

    def set_phones(self, phones: list[PhoneInput]) -> None:
        for row, _, _ in self._rows:
            row.deleteLater()
        self._rows = []
        for phone in phones or [PhoneInput("")]:
            self.add_row(phone)


class OptionalDateEdit(QWidget):
    """A date that may be absent ("has birthday"); keeps what it was given otherwise."""

    def __init__(self, check_text: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.present = QCheckBox(check_text)
        self.editor = SpecialDateEdit()
        self.editor.setEnabled(False)
        self.present.toggled.connect(self.editor.setEnabled)
        layout.addWidget(self.present)
        layout.addWidget(self.editor)

    def value(self) -> DateInput | None:
        return self.editor.value() if self.present.isChecked() else None

    def set_value(self, value: DateInput | None) -> None:
        self.editor.set_value(value or DateInput(month=1, day=1))
        self.present.setChecked(value is not None)


class BasicTab(QWidget):
    """Who the contact is and how to reach them."""

    def __init__(self, companies: list[str], tags: list[str], parent: QWidget | None = None):
        super().__init__(parent)
        self.name = QLineEdit()
        self.gender = QComboBox()
        fill_combo(self.gender, labels.choices("gender"))
        self.company = QComboBox()
        self.company.setEditable(True)
        self.company.addItems(companies)
        self.company.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.company.completer().setFilterMode(Qt.MatchFlag.MatchContains)
        self.company.completer().setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.company.setCurrentIndex(-1)
        self.org_type = optional_combo(labels.choices("org_type"))
        self.department = QLineEdit()
        self.title = QLineEdit()
        self.buying_role = optional_combo(labels.choices("buying_role"))
        self.insider = QCheckBox(self.tr("Insider: helps you from the inside"))
        self.phones = PhoneList()
        self.email = QLineEdit()
        self.wechat = QLineEdit()
        self.qq = QLineEdit()
        self.address = QPlainTextEdit()
        self.address.setTabChangesFocus(True)
        self.address.setFixedHeight(self.address.fontMetrics().lineSpacing() * 3 + 12)
        self.birthday = OptionalDateEdit(self.tr("Has birthday"))
        self.tags = TagEdit(tags)
        self.tags.setPlaceholderText(self.tr("Separate tags with commas or spaces"))

        who = QFormLayout()
        who.addRow(labels.field("name"), self.name)
        who.addRow(labels.field("gender"), self.gender)
        who.addRow(labels.field("company"), self.company)
        who.addRow(labels.field("org_type"), self.org_type)
        who.addRow(labels.field("department"), self.department)
        who.addRow(labels.field("title"), self.title)
        who.addRow(labels.field("buying_role"), self.buying_role)
        who.addRow("", self.insider)
        reach = QFormLayout()
        reach.addRow(labels.field("phones"), self.phones)
        reach.addRow(labels.field("email"), self.email)
        reach.addRow(labels.field("wechat"), self.wechat)
        reach.addRow(labels.field("qq"), self.qq)
        reach.addRow(labels.field("address"), self.address)
        columns = QHBoxLayout()
        columns.addLayout(who, 1)
        columns.addSpacing(12)
        columns.addLayout(reach, 1)
        bottom = QFormLayout()
        bottom.addRow(labels.field("birthday"), self.birthday)
        bottom.addRow(labels.field("tags"), self.tags)
        layout = QVBoxLayout(self)
        layout.addLayout(columns)
        layout.addLayout(bottom)
        layout.addStretch(1)

    def field_widgets(self) -> dict[str, QWidget]:
        return {
            "name": self.name,
            "gender": self.gender,
            "company": self.company,
            "org_type": self.org_type,
            "department": self.department,
            "title": self.title,
            "buying_role": self.buying_role,
            "is_insider": self.insider,
            "phones": self.phones,
            "email": self.email,
            "wechat": self.wechat,
            "qq": self.qq,
            "address": self.address,
            "birthday": self.birthday,
            "tags": self.tags,
        }

    def load(self, data: ContactInput) -> None:
        self.name.setText(data.name)
        select_code(self.gender, data.gender)
        self.company.setEditText(data.company)
        select_code(self.org_type, data.org_type)
        self.department.setText(data.department)
        self.title.setText(data.title)
        select_code(self.buying_role, data.buying_role)
        self.insider.setChecked(data.is_insider)
        self.phones.set_phones(data.phones)
        self.email.setText(data.email)
        self.wechat.setText(data.wechat)
        self.qq.setText(data.qq)
        self.address.setPlainText(data.address)
        self.birthday.set_value(data.birthday())
        self.tags.set_tags(data.tags)

    def fill(self, data: ContactInput) -> None:
        data.name = self.name.text()
        data.gender = self.gender.currentData()
        data.company = self.company.currentText()
        data.org_type = self.org_type.currentData()
        data.department = self.department.text()
        data.title = self.title.text()
        data.buying_role = self.buying_role.currentData()
        data.is_insider = self.insider.isChecked()
        data.phones = self.phones.phones()
        data.email = self.email.text()
        data.wechat = self.wechat.text()
        data.qq = self.qq.text()
        data.address = self.address.toPlainText()
        birthday = self.birthday.value()
        data.dates = [birthday] if birthday else []
        data.tags = self.tags.tags()


class ImportanceQuestions(QObject):
    """The five importance questions with the live total and tier they give.

    Owns its widgets but not a layout, so the rows line up with the rest of the form.
    """

    def __init__(self, limits: TierThresholds, form: QFormLayout, parent: QObject | None = None):
        super().__init__(parent)
        self._limits = limits
        self.scores: dict[str, QComboBox] = {}
        for name in SCORE_FIELDS:
            combo = QComboBox()
            combo.addItem("—", None)
            for score in range(1, 6):
                combo.addItem(str(score), score)
            combo.currentIndexChanged.connect(self._update_result)
            self.scores[name] = combo
            form.addRow(labels.field(name), combo)
        self.result = QLabel()
        self.result.setWordWrap(True)
        form.addRow(labels.field("tier"), self.result)
        self._update_result()

    def values(self) -> dict[str, int | None]:
        return {name: combo.currentData() for name, combo in self.scores.items()}

    def set_values(self, data: ContactInput) -> None:
        for name, combo in self.scores.items():
            select_code(combo, getattr(data, name))

    def _update_result(self) -> None:
        scores = self.values()
        tier = tier_for(scores, self._limits)
        if tier is None:
            self.result.setText(self.tr("Answer all five questions to get a tier."))
            return
        self.result.setText(
            self.tr("Total %1: tier %2")
            .replace("%1", str(importance_total(scores)))
            .replace("%2", tier.value)
        )


class RelationshipTab(QWidget):
    """Where the relationship stands: level and its history, stage, importance, style."""

    def __init__(
        self,
        limits: TierThresholds,
        history: list[LevelStep],
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self._loaded_level: int | None = None
        self._referrer: tuple[str, int] | None = None
        self.level = QComboBox()
        for code in range(1, 6):
            self.level.addItem(labels.level_with_number(code), code)
        self.level_note = QLineEdit()
        self.level_note.setPlaceholderText(self.tr("Why the level changed (optional)"))
        self.level.currentIndexChanged.connect(self._sync_note)
        self.stage = QComboBox()
        fill_combo(self.stage, labels.choices("stage"))
        self.personality = optional_combo(labels.choices("personality"))
        self.cadence = QSpinBox()
        self.cadence.setRange(0, 3650)
        self.cadence.setSpecialValueText(self.tr("Default"))
        self.source = optional_combo(labels.choices("source"))
        self.source_detail = QLineEdit()
        self.referrer = QLineEdit()
        self.referrer.setPlaceholderText(self.tr("Name or id of an existing contact"))
        self.playbook = QTextBrowser()
        self.playbook.setMinimumWidth(280)
        self.personality.currentIndexChanged.connect(self._show_playbook)

        form = QFormLayout()
        form.addRow(labels.field("level"), self.level)
        form.addRow(self.tr("Note for this change"), self.level_note)
        if history:
            form.addRow(self.tr("Level history"), self._history_table(history))
        form.addRow(labels.field("stage"), self.stage)
        self.importance = ImportanceQuestions(limits, form, self)
        form.addRow(labels.field("personality"), self.personality)
        form.addRow(labels.field("cadence_days"), self.cadence)
        form.addRow(labels.field("source"), self.source)
        form.addRow(labels.field("source_detail"), self.source_detail)
        form.addRow(labels.field("referred_by_id"), self.referrer)
        style_box = QGroupBox(self.tr("Playbook for this style"))
        style_layout = QVBoxLayout(style_box)
        style_layout.addWidget(self.playbook)
        left = QVBoxLayout()
        left.addLayout(form)
        left.addStretch(1)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 3)
        layout.addWidget(style_box, 2)
        self._show_playbook()

    def _history_table(self, history: list[LevelStep]) -> QTableWidget:
        table = QTableWidget(len(history), 3)
        table.setHorizontalHeaderLabels([self.tr("Date"), self.tr("Change"), self.tr("Note")])
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().hide()
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setStretchLastSection(True)
        for row, (when, old, new, note) in enumerate(history):
            table.setItem(row, 0, QTableWidgetItem(solar_text(when)))
            table.setItem(row, 1, QTableWidgetItem(level_change_text(old, new)))
            table.setItem(row, 2, QTableWidgetItem(note))
        table.setMaximumHeight(table.fontMetrics().lineSpacing() * 7)
        return table

    def _sync_note(self) -> None:
        """The note only means something when the level moves (or opens a new contact)."""
        moved = self._loaded_level is None or self.level.currentData() != self._loaded_level
        self.level_note.setEnabled(moved)

    def _show_playbook(self) -> None:
        code = self.personality.currentData()
        self.playbook.setHtml(
            playbook_html(code) or self.tr("Choose a personality style to see how to work with it.")
        )

    def field_widgets(self) -> dict[str, QWidget]:
        widgets: dict[str, QWidget] = {
            "level": self.level,
            "stage": self.stage,
            "personality": self.personality,
            "cadence_days": self.cadence,
            "source": self.source,
            "source_detail": self.source_detail,
            "referred_by_id": self.referrer,
        }
        widgets.update(self.importance.scores)
        return widgets

    def load(self, data: ContactInput, existing: bool, referrer_name: str) -> None:
        self._loaded_level = data.level if existing else None
        select_code(self.level, data.level)
        self._sync_note()
        select_code(self.stage, data.stage)
        self.importance.set_values(data)
        select_code(self.personality, data.personality)
        self.cadence.setValue(data.cadence_days or 0)
        select_code(self.source, data.source)
        self.source_detail.setText(data.source_detail)
        if data.referred_by_id is not None:
            self._referrer = (referrer_name, data.referred_by_id)
            self.referrer.setText(referrer_name)

    def fill(self, data: ContactInput) -> None:
        data.level = self.level.currentData()
        data.level_note = self.level_note.text() if self.level_note.isEnabled() else ""
        data.stage = self.stage.currentData()
        for name, value in self.importance.values().items():
            setattr(data, name, value)
        data.personality = self.personality.currentData()
        data.cadence_days = self.cadence.value() or None
        data.source = self.source.currentData()
        data.source_detail = self.source_detail.text()

    def referrer_id(self, session: Session) -> int | None:
        """The referring contact; raises NotFoundError or AmbiguousError for a bad name."""
        text = self.referrer.text().strip()
        if not text:
            return None
        if self._referrer is not None and text == self._referrer[0]:
            return self._referrer[1]
        return find_contact(session, text).id


def level_change_text(old: int | None, new: int) -> str:
    """Both ends of a step on the ladder, or just the starting level of a new contact."""
    if old is None:
        return labels.level_with_number(new)
    return f"{labels.level_with_number(old)} → {labels.level_with_number(new)}"


class RapportTab(QWidget):
    """The personal details that make praise and small talk sincere and specific."""

    FIELDS: tuple[str, ...] = RAPPORT_FIELDS
    SINGLE_LINE: frozenset[str] = frozenset({"hometown", "school"})

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        layout = QFormLayout()
        outer = QVBoxLayout(self)
        outer.addLayout(layout)
        outer.addStretch(1)
        self.edits: dict[str, QLineEdit | QPlainTextEdit] = {}
        for name in self.FIELDS:
            edit: QLineEdit | QPlainTextEdit
            if name in self.SINGLE_LINE:
                edit = QLineEdit()
            else:
                edit = QPlainTextEdit()
                edit.setTabChangesFocus(True)
                lines = 5 if name == "notes" else 2
                edit.setFixedHeight(edit.fontMetrics().lineSpacing() * lines + 12)
            self.edits[name] = edit
            layout.addRow(labels.field(name), edit)

    def field_widgets(self) -> dict[str, QWidget]:
        return dict(self.edits)

    def load(self, data: ContactInput) -> None:
        for name, edit in self.edits.items():
            if isinstance(edit, QLineEdit):
                edit.setText(getattr(data, name))
            else:
                edit.setPlainText(getattr(data, name))

    def fill(self, data: ContactInput) -> None:
        for name, edit in self.edits.items():
            text = edit.text() if isinstance(edit, QLineEdit) else edit.toPlainText()
            setattr(data, name, text)


class FamilyEditor(QWidget):
    """Family members: a list on the left, the chosen member's details on the right."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self._members: list[FamilyInput] = []
        self._current = -1
        self.list = QListWidget()
        self.list.setMinimumWidth(160)
        self.list.currentRowChanged.connect(self._select)
        self.add_button = QPushButton(self.tr("Add member"))
        self.add_button.clicked.connect(self.add_member)
        self.remove = QPushButton(self.tr("Remove member"))
        self.remove.clicked.connect(self._remove_current)
        self.relation = QComboBox()
        fill_combo(self.relation, labels.choices("relation"))
        self.name = QLineEdit()
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        self.notes.setPlaceholderText(self.tr("School, interests, anything worth remembering"))
        self.notes.setFixedHeight(self.notes.fontMetrics().lineSpacing() * 3 + 12)
        self.birthday = OptionalDateEdit(self.tr("Has birthday"))
        self.name.textEdited.connect(self._refresh_item)
        self.relation.currentIndexChanged.connect(self._refresh_item)

        left = QVBoxLayout()
        left.addWidget(self.list, 1)
        left.addWidget(self.add_button)
        left.addWidget(self.remove)
        self.details = QWidget()
        form = QFormLayout(self.details)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("Relation"), self.relation)
        form.addRow(labels.field("name"), self.name)
        form.addRow(labels.field("notes"), self.notes)
        form.addRow(labels.field("birthday"), self.birthday)
        top_aligned = QVBoxLayout()
        top_aligned.addWidget(self.details)
        top_aligned.addStretch(1)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 1)
        layout.addLayout(top_aligned, 3)
        self._sync_enabled()

    def add_member(self) -> None:
        self._store_current()
        self._members.append(FamilyInput(name="", relation=FamilyRelation.SPOUSE))
        self.list.addItem("")
        self.list.setCurrentRow(len(self._members) - 1)
        self.name.setFocus()

    def _remove_current(self) -> None:
        row = self.list.currentRow()
        if row < 0:
            return
        self._current = -1
        del self._members[row]
        self.list.takeItem(row)
        self._select(self.list.currentRow())

    def _select(self, row: int) -> None:
        self._store_current()
        self._current = row
        member = self._members[row] if 0 <= row < len(self._members) else FamilyInput(name="")
        with QSignalBlocker(self.name), QSignalBlocker(self.relation):
            select_code(self.relation, member.relation)
            self.name.setText(member.name)
        self.notes.setPlainText(member.notes)
        self.birthday.set_value(
            next((d for d in member.dates if d.kind == DateKind.BIRTHDAY), None)
        )
        self._refresh_item()
        self._sync_enabled()

    def _sync_enabled(self) -> None:
        has_member = 0 <= self._current < len(self._members)
        self.details.setEnabled(has_member)
        self.remove.setEnabled(has_member)

    def _store_current(self) -> None:
        """Copy the form back into the member it shows (its other dates are kept)."""
        if not 0 <= self._current < len(self._members):
            return
        member = self._members[self._current]
        birthday = self.birthday.value()
        others = [d for d in member.dates if d.kind != DateKind.BIRTHDAY]
        self._members[self._current] = FamilyInput(
            name=self.name.text(),
            relation=self.relation.currentData(),
            notes=self.notes.toPlainText(),
            dates=([birthday] if birthday else []) + others,
        )

    def _refresh_item(self) -> None:
        item = self.list.item(self._current)
        if item is None:
            return
        item.setText(member_text(self.name.text(), self.relation.currentText()))

    def members(self) -> list[FamilyInput]:
        self._store_current()
        return [replace(m, dates=list(m.dates)) for m in self._members]

    def set_members(self, members: list[FamilyInput]) -> None:
        self._current = -1
        self._members = [replace(m, dates=list(m.dates)) for m in members]
        with QSignalBlocker(self.list):
            self.list.clear()
            for member in self._members:
                self.list.addItem(member_text(member.name, labels.relation(member.relation)))
            self.list.setCurrentRow(0 if members else -1)
        self._select(self.list.currentRow())


def member_text(name: str, relation: str) -> str:
    shown = name.strip() or QCoreApplication.translate("FamilyEditor", "(no name)")
    return f"{shown} · {relation}"


class SpecialDateList(QWidget):
    """The contact's other special days (wedding, founding day, custom ones, ...)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        layout = QVBoxLayout(self)
        self._rows_layout = QVBoxLayout()
        layout.addLayout(self._rows_layout)
        self._rows: list[tuple[QWidget, SpecialDateEdit]] = []
        self.add_button = QPushButton(self.tr("Add date"))
        self.add_button.clicked.connect(
            lambda: self.add_row(DateInput(month=1, day=1, kind=DateKind.WEDDING))
        )
        layout.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignLeft)

    def add_row(self, value: DateInput) -> SpecialDateEdit:
        row = QFrame()
        row.setFrameShape(QFrame.Shape.StyledPanel)
        line = QHBoxLayout(row)
        editor = SpecialDateEdit(show_kind=True)
        editor.set_value(value)
        remove = QPushButton(self.tr("Remove"))
        remove.clicked.connect(lambda: self._remove(row))
        line.addWidget(editor, 1)
        line.addWidget(remove, 0, Qt.AlignmentFlag.AlignTop)
        self._rows_layout.addWidget(row)
        insert_before(self.add_button, row)
        self._rows.append((row, editor))
        return editor

    def _remove(self, row: QWidget) -> None:
        self._rows = [r for r in self._rows if r[0] is not row]
        row.deleteLater()

    def editors(self) -> list[SpecialDateEdit]:
        return [editor for _, editor in self._rows]

    def dates(self) -> list[DateInput]:
        return [editor.value() for editor in self.editors()]

    def set_dates(self, dates: list[DateInput]) -> None:
        for row, _ in self._rows:
            row.deleteLater()
        self._rows = []
        for value in dates:
            self.add_row(value)


class FamilyTab(QWidget):
    """Family members and the other days worth a greeting."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.family = FamilyEditor()
        self.dates = SpecialDateList()
        family_box = QGroupBox(labels.field("family"))
        QVBoxLayout(family_box).addWidget(self.family)
        dates_box = QGroupBox(self.tr("Other special dates"))
        QVBoxLayout(dates_box).addWidget(self.dates)
        layout = QVBoxLayout(self)
        layout.addWidget(family_box)
        layout.addWidget(dates_box)
        layout.addStretch(1)

    def field_widgets(self) -> dict[str, QWidget]:
        return {"family": self.family, "dates": self.dates}

    def load(self, data: ContactInput) -> None:
        self.family.set_members(data.family)
        self.dates.set_dates([d for d in data.dates if d.kind != DateKind.BIRTHDAY])

    def fill(self, data: ContactInput) -> None:
        data.family = self.family.members()
        data.dates = data.dates + self.dates.dates()


@dataclass
class EditorData:
    """What the editor reads from the book before showing the form."""

    contact: ContactInput
    companies: list[str]
    tags: list[str]
    limits: TierThresholds
    history: list[LevelStep] = field(default_factory=list)
    referrer: str = ""


class ContactEditor(QDialog):
    """Create or edit one contact; invalid input is shown in place and nothing is saved."""

    def __init__(
        self,
        book: Book,
        events: BookEvents,
        contact_id: int | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self._book = book
        self._events = events
        self._contact_id = contact_id
        self.saved_id: int | None = None
        title = self.tr("New contact") if contact_id is None else self.tr("Edit contact")
        self.setWindowTitle(title)
        self.setStyleSheet(_INVALID_STYLE)
        self.resize(1000, 700)

        loaded = self._read()
        self.basic = BasicTab(loaded.companies, loaded.tags)
        self.relationship = RelationshipTab(loaded.limits, loaded.history)
        self.rapport = RapportTab()
        self.family = FamilyTab()
        self.tabs = QTabWidget()
        self._pages: list[tuple[QWidget, dict[str, QWidget]]] = []
        for tab, title in (
            (self.basic, self.tr("Basic")),
            (self.relationship, self.tr("Relationship")),
            (self.rapport, self.tr("Rapport")),
            (self.family, self.tr("Family && dates")),
        ):
            page = scroll_page(tab)
            self.tabs.addTab(page, title)
            self._pages.append((page, tab.field_widgets()))

        self.error_area = QLabel()
        self.error_area.setWordWrap(True)
        self.error_area.setStyleSheet(_ERROR_AREA_STYLE)
        self.error_area.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error_area.hide()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setToolTip(
            QKeySequence(QKeySequence.StandardKey.Save).toString(
                QKeySequence.SequenceFormat.NativeText
            )
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save)
        layout = QVBoxLayout(self)
        layout.addWidget(self.error_area)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)

        data = loaded.contact
        self.basic.load(data)
        self.relationship.load(data, contact_id is not None, loaded.referrer)
        self.rapport.load(data)
        self.family.load(data)
        self.basic.name.setFocus()

    def _read(self) -> "EditorData":
        """Everything the form shows, copied out of one session."""
        with self._book.session() as s:
            loaded = EditorData(
                contact=ContactInput(name=""),
                companies=organization_names(s),
                tags=all_tags(s),
                limits=thresholds(s),
            )
            if self._contact_id is None:
                return loaded
            contact = get_contact(s, self._contact_id)
            loaded.contact = to_input(contact)
            loaded.history = [
                (c.changed_at, c.from_level, c.to_level, c.note) for c in contact.level_changes
            ]
            if contact.referred_by_id is not None:
                referrer = get_contact(s, contact.referred_by_id, include_deleted=True)
                loaded.referrer = referrer.name
            return loaded

    def contact_input(self) -> ContactInput:
        """The form as a ContactInput (referred_by_id is resolved at save time)."""
        data = ContactInput(name="")
        for tab in (self.basic, self.relationship, self.rapport, self.family):
            tab.fill(data)
        return data

    def save(self) -> None:
        data = self.contact_input()
        now = datetime.now()
        try:
            with self._book.session() as s:
                try:
                    data.referred_by_id = self.relationship.referrer_id(s)
                except (NotFoundError, AmbiguousError) as problem:
                    self._show_problems([("referred_by_id", self._referrer_text(problem))])
                    return
                if self._contact_id is None:
                    saved = create_contact(s, data, now).id
                else:
                    saved = update_contact(s, self._contact_id, data, now).id
        except ValidationError as invalid:
            self._show_problems([(e.field, labels.error_text(e)) for e in invalid.errors])
            return
        except NotFoundError as gone:
            self._show_problems([("", labels.problem_text(gone))])
            return
        except (SQLAlchemyError, OSError) as failed:
            self._show_problems(
                [("", self.tr("The book could not be written: %1").replace("%1", str(failed)))]
            )
            return
        self.saved_id = saved
        self._events.emit_changes(BookChanges(contact_ids=frozenset({saved}), contacts=True))
        self.accept()

    def _referrer_text(self, problem: NotFoundError | AmbiguousError) -> str:
        return (
            self.tr("%1: %2")
            .replace("%1", labels.field("referred_by_id"))
            .replace("%2", labels.problem_text(problem))
        )

    def _show_problems(self, problems: list[tuple[str, str]]) -> None:
        """List every message at the top, outline each bad field, open the first one's tab."""
        bad_fields = [name for name, _ in problems]
        for _, widgets in self._pages:
            for name, widget in widgets.items():
                mark_invalid(widget, name in bad_fields)
        self.error_area.setText("\n".join(f"• {message}" for _, message in problems))
        self.error_area.show()
        pages = [page for name in bad_fields for page, widgets in self._pages if name in widgets]
        if pages:
            self.tabs.setCurrentWidget(pages[0])
