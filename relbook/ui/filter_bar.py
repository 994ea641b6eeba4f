"""The row of filter controls above the contact list (level, stage, tier, tag, style, source)."""

from PySide6.QtCore import QLocale, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QWidget

from relbook.core.contacts import all_tags
from relbook.db.book import Book
from relbook.ui.operations import read_now
from relbook.words import labels


class FilterBar(QWidget):
    """Emits ``changed`` whenever a filter is picked; ``values()`` gives the chosen codes.

    ``count_label`` (how many contacts the list shows) is not in the row: the window puts it
    in its status bar, where its text cannot make the row, and the window, wider.
    """

    changed = Signal()

    def __init__(self, book: Book, parent: QWidget | None = None):
        super().__init__(parent)
        self._book = book
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.level = self._combo(
            self.tr("Level"), [(lvl, labels.level_with_number(lvl)) for lvl in range(1, 6)]
        )
        self.stage = self._combo(self.tr("Stage"), list(labels.choices("stage").items()))
        self.tier = self._combo(self.tr("Tier"), [("A", "A"), ("B", "B"), ("C", "C")])
        self.tag = self._combo(self.tr("Tag"), [])
        self.personality = self._combo(
            self.tr("Personality"), list(labels.choices("personality").items())
        )
        self.source = self._combo(self.tr("How met"), list(labels.choices("source").items()))
        for combo in (self.level, self.stage, self.tier, self.tag, self.personality, self.source):
            layout.addWidget(combo)
        self.clear_button = QPushButton(self.tr("Clear filters"))
        self.clear_button.clicked.connect(self.clear)
        layout.addWidget(self.clear_button)
        layout.addStretch(1)
        self.count_label = QLabel(self)
        self.count_label.hide()
        self.reload_tags()

    def _combo(self, everything: str, items: list[tuple[object, str]]) -> QComboBox:
        combo = QComboBox(self)
        combo.addItem(self.tr("All: %1").replace("%1", everything), None)
        for code, text in items:
            combo.addItem(text, code)
        combo.setToolTip(everything)
        combo.currentIndexChanged.connect(lambda _index: self.changed.emit())
        return combo

    def reload_tags(self) -> None:
        """Refill the tag choices, keeping the current choice when it still exists."""
        current = self.tag.currentData()
        names = read_now(self._book, all_tags)
        self.tag.blockSignals(True)
        while self.tag.count() > 1:
            self.tag.removeItem(1)
        for name in names:
            self.tag.addItem(name, name)
        index = self.tag.findData(current) if current is not None else 0
        self.tag.setCurrentIndex(max(index, 0))
        self.tag.blockSignals(False)
        if current is not None and index < 0:
            self.changed.emit()

    def values(self) -> dict[str, object]:
        return {
            "level": self.level.currentData(),
            "stage": self.stage.currentData(),
            "tier": self.tier.currentData(),
            "tag": self.tag.currentData(),
            "personality": self.personality.currentData(),
            "source": self.source.currentData(),
        }

    def clear(self) -> None:
        combos = (self.level, self.stage, self.tier, self.tag, self.personality, self.source)
        for combo in combos:
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self.changed.emit()

    def set_count(self, shown: int) -> None:
        self.count_label.setText(self.tr("%1 contacts").replace("%1", QLocale().toString(shown)))
