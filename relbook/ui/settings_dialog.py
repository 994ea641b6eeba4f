"""Settings: language, tier thresholds, default stay-in-touch cadence, gift audit threshold."""

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from relbook import labels
from relbook.book import Book
from relbook.core.changes import BookChanges
from relbook.core.contacts import recompute_tiers
from relbook.core.errors import ValidationError
from relbook.core.settings import SETTINGS, get_setting, set_setting
from relbook.ui.events import BookEvents


class SettingsDialog(QDialog):
    """Edits the settings kept in the book; ``language_changed`` is set when it must rebuild."""

    def __init__(self, book: Book, events: BookEvents, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        self.setMinimumWidth(460)
        self._book = book
        self._events = events
        self.language_changed = False
        with book.session() as session:
            current = {key: get_setting(session, key) for key in SETTINGS}
        self._initial = current

        self.language = QComboBox(self)
        self.language.addItem(self.tr("Follow the system"), "system")
        self.language.addItem("简体中文", "zh_CN")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(0, self.language.findData(current["ui.language"])))

        self.tier_a = self._spin(5, 25, current["tier.a_min"])
        self.tier_b = self._spin(5, 25, current["tier.b_min"])
        self.cadence = {
            tier: self._spin(1, 3650, current[f"cadence.{tier}"]) for tier in ("A", "B", "C")
        }

        general = QGroupBox(self.tr("General"), self)
        general_form = QFormLayout(general)
        general_form.addRow(labels.field("ui.language"), self.language)

        tiers = QGroupBox(self.tr("Importance tiers"), self)
        tier_form = QFormLayout(tiers)
        explain = QLabel(
            self.tr(
                "The five importance answers add up to a total from 5 to 25 (risk counts in "
                "reverse). A total at or above these values gives the tier."
            ),
            tiers,
        )
        explain.setWordWrap(True)
        tier_form.addRow(explain)
        tier_form.addRow(labels.field("tier.a_min"), self.tier_a)
        tier_form.addRow(labels.field("tier.b_min"), self.tier_b)

        cadence = QGroupBox(self.tr("Stay in touch by default"), self)
        cadence_form = QFormLayout(cadence)
        for tier, spin in self.cadence.items():
            spin.setSuffix(self.tr(" days"))
            cadence_form.addRow(self.tr("Tier %1 every").replace("%1", tier), spin)

        self.audit_threshold = self._spin(0, 1_000_000, current["gifts.audit_threshold"])
        self.audit_threshold.setSuffix(self.tr(" CNY"))
        self.audit_threshold.setSingleStep(100)
        gifts = QGroupBox(self.tr("Gifts"), self)
        gifts_form = QFormLayout(gifts)
        gifts_form.addRow(labels.field("gifts.audit_threshold"), self.audit_threshold)

        self.error = QLabel(self)
        self.error.setStyleSheet("color: #b3261e")
        self.error.setWordWrap(True)
        self.error.hide()

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (general, tiers, cadence, gifts, self.error, buttons):
            layout.addWidget(widget)

    def _spin(self, low: int, high: int, value: int) -> QSpinBox:
        spin = QSpinBox(self)
        spin.setRange(low, high)
        spin.setValue(value)
        return spin

    def wanted(self) -> dict[str, object]:
        values: dict[str, object] = {
            "ui.language": self.language.currentData(),
            "tier.a_min": self.tier_a.value(),
            "tier.b_min": self.tier_b.value(),
            "gifts.audit_threshold": self.audit_threshold.value(),
        }
        for tier, spin in self.cadence.items():
            values[f"cadence.{tier}"] = spin.value()
        return values

    def save(self) -> None:
        values = self.wanted()
        if values["tier.b_min"] > values["tier.a_min"]:  # type: ignore[operator]
            self.error.setText(self.tr("Tier B must start at or below tier A."))
            self.error.show()
            return
        try:
            with self._book.session() as session:
                for key, value in values.items():
                    set_setting(session, key, value)
                tiers_moved = any(
                    values[k] != self._initial[k] for k in ("tier.a_min", "tier.b_min")
                )
                changes = recompute_tiers(session) if tiers_moved else BookChanges()
        except ValidationError as problem:
            self.error.setText(labels.problem_text(problem))
            self.error.show()
            return
        self.language_changed = values["ui.language"] != self._initial["ui.language"]
        self._events.emit_changes(
            BookChanges(contact_ids=changes.contact_ids, contacts=changes.contacts, settings=True)
        )
        self.accept()
