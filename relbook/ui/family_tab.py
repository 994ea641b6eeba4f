"""The contact editor's family and special-dates tab."""

from dataclasses import replace

from PySide6.QtCore import QCoreApplication, QSignalBlocker, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from relbook.core.contact_input import ContactInput, DateInput, FamilyInput
from relbook.core.enums import DateKind, FamilyRelation
from relbook.ui.date_edit import SpecialDateEdit, fill_combo, select_code
from relbook.ui.editor_widgets import OptionalDateEdit, insert_before
from relbook.words import labels


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
