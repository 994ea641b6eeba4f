"""The records of an import preview as a table, with an editable "what to do" per record."""

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from relbook.exchange.importer import ImportPreview, PreviewItem
from relbook.ui.view_guard import guarded
from relbook.words import import_words

Index = QModelIndex | QPersistentModelIndex

RECORD, NAME, COMPANY, PHONE, FOUND, ACTION, NOTES = range(7)
VIEWS: tuple[str, ...] = ("all", "new", "duplicates", "notes")
"""Which records the table shows."""

_DUPLICATE_BACKGROUND = QColor("#fff8e1")


class PreviewModel(QAbstractTableModel):
    """One row per candidate; ``actions`` maps each record's position to add, merge or skip."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.preview: ImportPreview | None = None
        self.actions: dict[int, str] = {}
        self._shown: list[PreviewItem] = []
        self._view = "all"

    # --- filling ------------------------------------------------------------------------
    def set_preview(self, preview: ImportPreview | None, duplicate_choice: str) -> None:
        """Show ``preview``; new records are added, duplicates get ``duplicate_choice``."""
        self.beginResetModel()
        self.preview = preview
        items = preview.items if preview else []
        self.actions = {
            i.candidate.position: duplicate_choice if i.is_duplicate else "add" for i in items
        }
        self._shown = self._filtered()
        self.endResetModel()

    def set_view(self, view: str) -> None:
        self.beginResetModel()
        self._view = view
        self._shown = self._filtered()
        self.endResetModel()

    def set_all_duplicates(self, choice: str) -> None:
        """Give every likely duplicate the same choice (the bulk combo)."""
        if self.preview is None:
            return
        for item in self.preview.duplicates:
            self.actions[item.candidate.position] = choice
        if self._shown:
            self.dataChanged.emit(self.index(0, ACTION), self.index(len(self._shown) - 1, ACTION))

    def _filtered(self) -> list[PreviewItem]:
        items = self.preview.items if self.preview else []
        if self._view == "new":
            return [i for i in items if not i.is_duplicate]
        if self._view == "duplicates":
            return [i for i in items if i.is_duplicate]
        if self._view == "notes":
            return [i for i in items if i.candidate.warnings]
        return list(items)

    def item(self, row: int) -> PreviewItem:
        return self._shown[row]

    def counts(self) -> dict[str, int]:
        """How many records each choice will write, for the summary line."""
        result = {"add": 0, "merge": 0, "skip": 0}
        if self.preview is None:
            return result
        for item in self.preview.items:
            action = self.actions[item.candidate.position]
            if action == "merge" and not item.matches:
                action = "add"
            result[action] += 1
        return result

    # --- Qt model -----------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._shown)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 7

    @guarded()
    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            self.tr("Record"),
            self.tr("Name"),
            self.tr("Company"),
            self.tr("Phone"),
            self.tr("Found in the book"),
            self.tr("Import as"),
            self.tr("Warnings"),
        )[section]

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.column() == ACTION:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    @guarded()
    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        item = self._shown[index.row()]
        if role == Qt.ItemDataRole.BackgroundRole and item.is_duplicate:
            return QBrush(_DUPLICATE_BACKGROUND)
        if role == Qt.ItemDataRole.EditRole and index.column() == ACTION:
            return self.actions[item.candidate.position]
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == NOTES:
            return "\n".join(self._notes(item))
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return self._text(item, index.column())

    def setData(self, index: Index, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or index.column() != ACTION or role != Qt.ItemDataRole.EditRole:
            return False
        item = self._shown[index.row()]
        if value not in self.choices_for(item):
            return False
        self.actions[item.candidate.position] = str(value)
        self.dataChanged.emit(index, index)
        return True

    # --- words --------------------------------------------------------------------------
    def choices_for(self, item: PreviewItem) -> dict[str, str]:
        """The choices a record offers, in the order the combo lists them."""
        if item.is_duplicate:
            return {
                "merge": self.tr("Merge (fill empty fields)"),
                "skip": self.tr("Skip"),
                "add": self.tr("Add as a new contact"),
            }
        if item.matches:  # only a landline in common, under another name
            return {
                "add": self.tr("Add as a new contact"),
                "merge": self.tr("Merge (fill empty fields)"),
                "skip": self.tr("Skip"),
            }
        return {"add": self.tr("Add"), "skip": self.tr("Skip")}

    def _text(self, item: PreviewItem, column: int) -> str:
        contact = item.candidate.contact
        unit = self.preview.source.unit if self.preview else "row"
        if column == RECORD:
            return import_words.position_text(unit, item.candidate.position)
        if column == NAME:
            return contact.name
        if column == COMPANY:
            return contact.company
        if column == PHONE:
            return ", ".join(p.number for p in contact.phones)
        if column == FOUND:
            return import_words.match_text(unit, item) or self.tr("New")
        if column == ACTION:
            choice = self.actions[item.candidate.position]
            return self.choices_for(item).get(choice, choice)
        return " ".join(self._notes(item))

    def _notes(self, item: PreviewItem) -> list[str]:
        return [import_words.warning_text(w) for w in item.candidate.warnings]


class ActionDelegate(QStyledItemDelegate):
    """A combo box for the "Import as" column."""

    def createEditor(self, parent: QWidget, _option: QStyleOptionViewItem, index: Index) -> QWidget:
        model = index.model()
        assert isinstance(model, PreviewModel)
        combo = QComboBox(parent)
        for code, text in model.choices_for(model.item(index.row())).items():
            combo.addItem(text, code)
        combo.activated.connect(lambda _i: self.commitData.emit(combo))
        return combo

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        editor.setCurrentIndex(max(0, editor.findData(index.data(Qt.ItemDataRole.EditRole))))

    def setModelData(self, editor: QWidget, model: object, index: Index) -> None:
        assert isinstance(editor, QComboBox) and isinstance(model, PreviewModel)
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
