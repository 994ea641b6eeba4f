"""Correct how a CSV / Excel sheet's columns are read: one "import as" choice per column."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from relbook.exchange.tabular import Table
from relbook.ui.editor_widgets import error_label
from relbook.words import import_words

SAMPLE_ROWS = 3
"""Values shown per column so the user recognises what it holds."""

NAME_FIELDS = frozenset({"name", "family_name", "given_name"})


class ColumnMappingDialog(QDialog):
    """Each column of ``table`` with sample values and a field combo; ``mapping()`` the result."""

    def __init__(self, table: Table, mapping: dict[int, str], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Columns to import"))
        self.resize(720, 480)
        self._guessed = dict(mapping)
        fields = import_words.column_fields()
        hint = QLabel(
            self.tr(
                "Choose what each column of the sheet holds. Columns set to "
                '"Do not import" are left out.'
            ),
            self,
        )
        hint.setWordWrap(True)
        self.grid = QTableWidget(len(table.headers), 3, self)
        self.grid.setHorizontalHeaderLabels(
            [self.tr("Column"), self.tr("First values"), self.tr("Import as")]
        )
        self.grid.verticalHeader().hide()
        header = self.grid.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.combos: list[QComboBox] = []
        for column, title in enumerate(table.headers):
            label = title or self.tr("Column %1").replace("%1", str(column + 1))
            self.grid.setItem(column, 0, _read_only(label))
            self.grid.setItem(column, 1, _read_only(_samples(table, column)))
            combo = QComboBox(self.grid)
            combo.addItem(self.tr("Do not import"), "")
            for code, text in fields.items():
                combo.addItem(text, code)
            combo.currentIndexChanged.connect(lambda _i: self._check())
            self.grid.setCellWidget(column, 2, combo)
            self.combos.append(combo)
        self._set(mapping)
        self.error = error_label(self)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.reset_button = QPushButton(self.tr("As recognised"), self)
        self.reset_button.setToolTip(self.tr("Go back to the columns relbook recognised"))
        self.reset_button.clicked.connect(lambda: self._set(self._guessed))
        buttons.addButton(self.reset_button, QDialogButtonBox.ButtonRole.ResetRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.grid, 1)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self._check()

    def _set(self, mapping: dict[int, str]) -> None:
        for column, combo in enumerate(self.combos):
            combo.setCurrentIndex(max(0, combo.findData(mapping.get(column, ""))))

    def set_field(self, column: int, field: str) -> None:
        """Choose ``field`` (a ``tabular.FIELDS`` code, "" for none) for ``column``."""
        self.combos[column].setCurrentIndex(self.combos[column].findData(field))

    def mapping(self) -> dict[int, str]:
        return {
            column: combo.currentData()
            for column, combo in enumerate(self.combos)
            if combo.currentData()
        }

    def _check(self) -> None:
        """A record needs a name, so some column must hold one."""
        if not hasattr(self, "ok_button"):
            return
        has_name = bool(NAME_FIELDS & set(self.mapping().values()))
        self.ok_button.setEnabled(has_name)
        self.error.setText(
            ""
            if has_name
            else self.tr("Choose the column that holds the name (or family and given names).")
        )


def _read_only(text: str) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
    item.setToolTip(text)
    return item


def _samples(table: Table, column: int) -> str:
    values = [row[column] for row in table.rows if column < len(row) and row[column].strip()]
    return " · ".join(v.replace("\n", " ") for v in values[:SAMPLE_ROWS])
