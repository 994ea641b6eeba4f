"""Small reusable widgets and helpers for the contact editor's forms."""

import re

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QCompleter,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from relbook.core.contact_input import DateInput, PhoneInput
from relbook.core.enums import PhoneLabel
from relbook.ui.date_edit import SpecialDateEdit, fill_combo, select_code
from relbook.words import labels

_TAG_SEPARATORS = re.compile(r"[,，、;；\s]+")


def split_tags(text: str) -> list[str]:
    """Tags as typed: separated by commas (either width), 、, semicolons or spaces."""
    return [t for t in _TAG_SEPARATORS.split(text) if t]


def error_label(parent: QWidget | None = None, hidden: bool = False) -> QLabel:
    """The red, wrapping line where a dialog says what is wrong."""
    label = QLabel(parent)
    label.setStyleSheet("color: #b3261e")
    label.setWordWrap(True)
    if hidden:
        label.hide()
    return label


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
    while previous is not None and (
        previous.isAncestorOf(anchor) or not previous.focusPolicy() & Qt.FocusPolicy.TabFocus
    ):
        previous = previous.previousInFocusChain()
    chain = focusable if previous is None else [previous, *focusable]
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
            popup = self._completer.popup()
            if popup is not None:
                popup.hide()
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
