"""The contact list's table view: its look, and a delegate that paints from the model's cells.

For each visible cell Qt's item delegate asks the model's ``data()`` for seven roles, each a
call from C++ into Python; the list fills four of them from cells worked out once per row
(``ContactListModel.row_cells``). ``CellDelegate`` fills the style option from those cells in
one call per cell, so a page of the list paints with a seventh of the calls.
"""

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
)

from relbook.ui.contact_list_model import ContactListModel
from relbook.ui.view_guard import log_view_error

ROW_HEIGHT = 26
_HAS_DISPLAY = QStyleOptionViewItem.ViewItemFeature.HasDisplay
_ALIGNMENTS = {int(Qt.AlignmentFlag.AlignCenter): Qt.AlignmentFlag.AlignCenter}
"""The alignments the list's cells hold (as ints), as Qt's flags: made once, not per cell."""
_TEXT = QPalette.ColorRole.Text


class CellDelegate(QStyledItemDelegate):
    """Paints the contact list as Qt's own delegate does, from ``row_cells``."""

    def __init__(self, model: ContactListModel, parent: QTableView) -> None:
        super().__init__(parent)
        self._model = model

    def initStyleOption(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        try:
            cells = self._model.row_cells(index.row())
            if cells is None or index.model() is not self._model:
                super().initStyleOption(option, index)
                return
            text, _tooltip, foreground, alignment = cells[index.column()]
        except Exception as error:  # shown blank, never raised into Qt
            log_view_error(error, "CellDelegate.initStyleOption")
            option.text = ""
            return
        # the view passes a QModelIndex; only a persistent one is turned into one (sibling()
        # asks the model: done for every cell, it cost a fifth of a page's paint)
        option.index = (
            index if isinstance(index, QModelIndex) else index.sibling(index.row(), index.column())
        )
        option.text = text
        option.features |= _HAS_DISPLAY
        # the view hands each cell an option aligned left and centred vertically, as Qt's delegate
        # leaves a cell without an alignment role: only the others are set (about 1 us a cell)
        if alignment is not None:
            option.displayAlignment = _ALIGNMENTS.get(alignment) or Qt.AlignmentFlag(alignment)
        if foreground is not None:
            option.palette.setBrush(_TEXT, foreground)


def setup_contact_table(table: QTableView, model: ContactListModel) -> None:
    """Show ``model`` in ``table`` as the main window's list: whole rows selected, fixed row
    height, alternating colours, no row header, painted by ``CellDelegate``."""
    table.setModel(model)
    table.setItemDelegate(CellDelegate(model, table))
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(ROW_HEIGHT)
    table.setAlternatingRowColors(True)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(True)
