"""The likely duplicate pairs as a table: the two people, why, and how likely."""

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from relbook.core.duplicates import DuplicatePair, PairSide
from relbook.words.duplicate_words import reasons_text, strength_text
from relbook.words.labels import translate

Index = QModelIndex | QPersistentModelIndex

FIRST, SECOND, WHY, LIKELY = range(4)
_WEAK = QColor("#777777")


def side_text(side: PairSide) -> str:
    """The name, with the company when there is one."""
    return f"{side.name} · {side.company}" if side.company else side.name


class DuplicatePairsModel(QAbstractTableModel):
    """One row per pair, strong pairs first (the order the scan gives)."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.found: list[DuplicatePair] = []
        """Every pair of the scan still open."""
        self.pairs: list[DuplicatePair] = []
        """The rows shown: all found pairs, or only the strong ones."""
        self.show_weak = True

    def set_pairs(self, pairs: list[DuplicatePair]) -> None:
        self.beginResetModel()
        self.found = list(pairs)
        self.pairs = [p for p in self.found if self.show_weak or p.strength == "strong"]
        self.endResetModel()

    def set_show_weak(self, show: bool) -> None:
        """Show the weaker pairs (a similar name only) too, or only the strong ones."""
        if show != self.show_weak:
            self.show_weak = show
            self.set_pairs(self.found)

    def pair(self, row: int) -> DuplicatePair | None:
        return self.pairs[row] if 0 <= row < len(self.pairs) else None

    def drop(self, *contact_ids: int, pair: tuple[int, int] | None = None) -> None:
        """Take out the given pair and every pair with one of ``contact_ids`` (merged away)."""
        gone = set(contact_ids)
        kept = [p for p in self.found if p.ids != pair and not gone.intersection(p.ids)]
        if len(kept) != len(self.found):
            self.set_pairs(kept)

    def strong_count(self) -> int:
        return sum(1 for p in self.found if p.strength == "strong")

    # --- the model ----------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.pairs)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else 4

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = (
            translate("DuplicatePairsModel", "Contact"),
            translate("DuplicatePairsModel", "May be the same as"),
            translate("DuplicatePairsModel", "Why"),
            translate("DuplicatePairsModel", "How likely"),
        )
        return titles[section] if 0 <= section < len(titles) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        pair = self.pair(index.row())
        if pair is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == FIRST:
                return side_text(pair.first)
            if column == SECOND:
                return side_text(pair.second)
            if column == WHY:
                return reasons_text(pair.reasons)
            return strength_text(pair.strength)
        if role == Qt.ItemDataRole.ToolTipRole and column in (FIRST, SECOND):
            side = pair.first if column == FIRST else pair.second
            return "\n".join(x for x in (f"#{side.id}", side.email, *side.mobiles) if x)
        if role == Qt.ItemDataRole.ForegroundRole and pair.strength == "weak":
            return QBrush(_WEAK)
        if role == Qt.ItemDataRole.FontRole and column == LIKELY and pair.strength == "strong":
            font = QFont()
            font.setBold(True)
            return font
        return None
