"""The contact editor's basic, relationship and rapport tabs."""

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QCompleter,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from relbook.core.contact_input import RAPPORT_FIELDS, ContactInput
from relbook.core.tiers import SCORE_FIELDS, TierThresholds, importance_total, tier_for
from relbook.ui.date_edit import fill_combo, select_code
from relbook.ui.date_text import solar_text
from relbook.ui.editor_widgets import OptionalDateEdit, PhoneList, TagEdit, optional_combo
from relbook.ui.level_history import LevelStep, level_change_text
from relbook.ui.playbook import playbook_html
from relbook.words import labels


class BasicTab(QWidget):
    """Who the contact is and how to reach them."""

    def __init__(self, companies: list[str], tags: list[str], parent: QWidget | None = None):
        super().__init__(parent)
        self.name = QLineEdit()
        self.salutation = QLineEdit()
        self.salutation.setPlaceholderText(
            self.tr("e.g. 王总, 李老师 (empty: greetings use the name)")
        )
        self.gender = QComboBox()
        fill_combo(self.gender, labels.choices("gender"))
        self.company = QComboBox()
        self.company.setEditable(True)
        self.company.addItems(companies)
        self.company.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        completer = self.company.completer()
        assert completer is not None  # an editable combo box has one
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
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
        who.addRow(labels.field("salutation"), self.salutation)
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
            "salutation": self.salutation,
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
        self.salutation.setText(data.salutation)
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
        data.salutation = self.salutation.text()
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
        self._loaded_stage: str | None = None
        self._referrer: tuple[str, int] | None = None
        self.level = QComboBox()
        for code in range(1, 6):
            self.level.addItem(labels.level_with_number(code), code)
        self.level_note = QLineEdit()
        self.level_note.setPlaceholderText(self.tr("Why the level changed (optional)"))
        self.level.currentIndexChanged.connect(self._sync_note)
        self.stage = QComboBox()
        fill_combo(self.stage, labels.choices("stage"))
        self.lost_reason = optional_combo(labels.choices("customer_lost_reason"))
        self.lost_reason.setToolTip(self.tr("Why the customer was lost: needed to save the move"))
        self.lost_note = QLineEdit()
        self.lost_note.setPlaceholderText(self.tr("What happened (optional)"))
        self.stage.currentIndexChanged.connect(self._sync_lost)
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
        form.addRow(self.tr("Why the customer left"), self.lost_reason)
        form.addRow(labels.field("lost_note"), self.lost_note)
        self._form = form
        self._sync_lost()
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

    def moving_to_lost(self) -> bool:
        """Whether the form moves the contact to lost (a new contact added as lost too)."""
        return self.stage.currentData() == "lost" and self._loaded_stage != "lost"

    def _sync_lost(self) -> None:
        """The reason and its note appear only for a move to lost, which must say why."""
        moving = self.moving_to_lost()
        self._form.setRowVisible(self.lost_reason, moving)
        self._form.setRowVisible(self.lost_note, moving)

    def _show_playbook(self) -> None:
        code = self.personality.currentData()
        self.playbook.setHtml(
            playbook_html(code) or self.tr("Choose a personality style to see how to work with it.")
        )

    def field_widgets(self) -> dict[str, QWidget]:
        widgets: dict[str, QWidget] = {
            "level": self.level,
            "stage": self.stage,
            "lost_reason": self.lost_reason,
            "lost_note": self.lost_note,
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
        self._loaded_stage = data.stage if existing else None
        select_code(self.stage, data.stage)
        self._sync_lost()
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
        moving = self.moving_to_lost()
        data.lost_reason = self.lost_reason.currentData() if moving else None
        data.lost_note = self.lost_note.text() if moving else ""
        for name, value in self.importance.values().items():
            setattr(data, name, value)
        data.personality = self.personality.currentData()
        data.cadence_days = self.cadence.value() or None
        data.source = self.source.currentData()
        data.source_detail = self.source_detail.text()

    def known_referrer(self) -> tuple[str, int] | None:
        """The referrer the form was loaded with (name, id): while the field still shows
        that name, it means that contact even if another has the same name."""
        return self._referrer


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
