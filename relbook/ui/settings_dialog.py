"""Settings: language, tiers and cadences, gift audit threshold, reminders and start-up, and
the opportunities' funnel."""

from PySide6.QtCore import QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from relbook.core.cadence import TIERS, WATCHED_STAGES, stage_setting
from relbook.core.errors import RelbookError, ValidationError
from relbook.core.settings import SETTINGS, SettingValue, get_int, get_setting
from relbook.db.book import Book
from relbook.ui.autostart import is_autostart_enabled, launch_command, set_autostart
from relbook.ui.backups_dialog import BackupsDialog
from relbook.ui.editor_widgets import error_label, scroll_page
from relbook.ui.events import BookEvents
from relbook.ui.festivals_dialog import FestivalsDialog
from relbook.ui.funnel_settings import FunnelPage
from relbook.ui.greetings_editor import GreetingsEditor
from relbook.ui.operations import read_now
from relbook.ui.operations.deal_settings import save_settings_and_funnel
from relbook.ui.operations.settings import TIER_SETTINGS
from relbook.words import labels
from relbook.words.i18n import resolve_language


class SettingsDialog(QDialog):
    """Edits the settings kept in the book; ``language_changed`` is set when it must rebuild."""

    def __init__(self, book: Book, events: BookEvents, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        self.setMinimumWidth(540)
        self._book = book
        self._events = events
        self.language_changed = False
        self.book_replaced = False
        """A backup was restored from here: the caller rebuilds over the restored book."""
        current, numbers = read_now(
            book,
            lambda session: (
                {key: get_setting(session, key) for key in SETTINGS},
                {key: get_int(session, key) for key in SETTINGS if SETTINGS[key].type is int},
            ),
        )
        self._initial = current
        self._saving = False

        self.language = QComboBox(self)
        self.language.addItem(self.tr("Follow the system"), "system")
        self.language.addItem("简体中文", "zh_CN")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(0, self.language.findData(current["ui.language"])))

        self.tier_a = self._spin(5, 25, numbers["tier.a_min"])
        self.tier_b = self._spin(5, 25, numbers["tier.b_min"])
        self.cadence = {tier: self._spin(1, 3650, numbers[f"cadence.{tier}"]) for tier in TIERS}
        self.stage_cadence = {
            stage: self._spin(1, 3650, numbers[stage_setting(stage)]) for stage in WATCHED_STAGES
        }

        general = QGroupBox(self.tr("General"), self)
        general_form = QFormLayout(general)
        general_form.addRow(labels.field("ui.language"), self.language)
        self.backups_button = QPushButton(self.tr("Backups…"), self)
        self.backups_button.clicked.connect(self._open_backups)
        general_form.addRow(self.tr("Backups"), self.backups_button)

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
        no_tier = QLabel(
            self.tr("Contacts without a tier yet (not all five importance answers) by stage:"),
            cadence,
        )
        no_tier.setWordWrap(True)
        cadence_form.addRow(no_tier)
        for stage, spin in self.stage_cadence.items():
            spin.setSuffix(self.tr(" days"))
            cadence_form.addRow(self.tr("%1 every").replace("%1", labels.stage(stage)), spin)

        self.audit_threshold = self._spin(0, 1_000_000, numbers["gifts.audit_threshold"])
        self.audit_threshold.setSuffix(self.tr(" CNY"))
        self.audit_threshold.setSingleStep(100)
        gifts = QGroupBox(self.tr("Gifts"), self)
        gifts_form = QFormLayout(gifts)
        gifts_form.addRow(labels.field("gifts.audit_threshold"), self.audit_threshold)

        reminders = self._reminders_group(current, numbers)
        self.funnel = FunnelPage(book, events, numbers["deal.funnel_min_amount"], self)

        self.error = error_label(self, hidden=True)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.pages = QTabWidget(self)
        for title, groups in (
            (self.tr("General"), (general, gifts)),
            (self.tr("Customers"), (tiers, cadence)),
            (self.tr("Reminders"), (reminders,)),
        ):
            page = QWidget(self.pages)
            page_layout = QVBoxLayout(page)
            for group in groups:
                page_layout.addWidget(group)
            page_layout.addStretch(1)
            self.pages.addTab(page, title)
        self.funnel_tab = scroll_page(self.funnel)
        self.pages.insertTab(2, self.funnel_tab, self.tr("Opportunities"))
        layout = QVBoxLayout(self)
        for widget in (self.pages, self.error, buttons):
            layout.addWidget(widget)
        # tall enough for the funnel's stages and the threshold without scrolling
        self.resize(self.sizeHint().width(), max(self.sizeHint().height(), 640))

    def _reminders_group(
        self, current: dict[str, SettingValue], numbers: dict[str, int]
    ) -> QGroupBox:
        group = QGroupBox(self.tr("Reminders"), self)
        form = QFormLayout(group)
        hours, _, minutes = str(current["remind.daily_time"]).partition(":")
        self.daily_time = QTimeEdit(QTime(int(hours), int(minutes)), self)
        self.daily_time.setDisplayFormat("HH:mm")
        form.addRow(labels.field("remind.daily_time"), self.daily_time)
        self.advance = {}
        for key in ("birthday", "special_date", "festival"):
            spin = self._spin(0, 60, numbers[f"remind.advance.{key}"])
            spin.setSuffix(self.tr(" days before"))
            self.advance[key] = spin
            form.addRow(labels.field(f"remind.advance.{key}"), spin)
        self.close_to_tray = QCheckBox(labels.field("ui.close_to_tray"), self)
        self.close_to_tray.setChecked(bool(current["ui.close_to_tray"]))
        self.autostart = QCheckBox(self.tr("Start relbook when I log in"), self)
        self.autostart.setChecked(is_autostart_enabled())
        form.addRow(self.close_to_tray)
        form.addRow(self.autostart)
        festivals = QPushButton(self.tr("Festivals and who gets greetings…"), self)
        festivals.clicked.connect(lambda: FestivalsDialog(self._book, self, self._events).exec())
        greetings = QPushButton(self.tr("Greeting templates…"), self)
        greetings.clicked.connect(self._open_greetings)
        buttons = QHBoxLayout()
        buttons.addWidget(festivals)
        buttons.addWidget(greetings)
        form.addRow(buttons)
        return group

    def _open_backups(self) -> None:
        dialog = BackupsDialog(self._book, self._events.runner, self, self._events)
        dialog.restored.connect(self._book_restored)
        dialog.exec()

    def _book_restored(self) -> None:
        """Every value shown here is the old book's: close without saving them."""
        self.book_replaced = True
        self.reject()

    def _open_greetings(self) -> None:
        language = resolve_language(str(self._initial["ui.language"]))
        GreetingsEditor(self._book, language, self, events=self._events).exec()

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
            "remind.daily_time": self.daily_time.time().toString("HH:mm"),
            "ui.close_to_tray": self.close_to_tray.isChecked(),
            "deal.funnel_min_amount": self.funnel.threshold.value(),
        }
        for key, spin in self.advance.items():
            values[f"remind.advance.{key}"] = spin.value()
        for tier, spin in self.cadence.items():
            values[f"cadence.{tier}"] = spin.value()
        for stage, spin in self.stage_cadence.items():
            values[stage_setting(stage)] = spin.value()
        return values

    def save(self) -> None:
        """Store the settings in the background; the dialog closes once the book has them."""
        values = self.wanted()
        if values["tier.b_min"] > values["tier.a_min"]:  # type: ignore[operator]
            self.error.setText(self.tr("Tier B must start at or below tier A."))
            self.error.show()
            return
        funnel_errors = self.funnel.check()
        if funnel_errors:
            self._show_funnel_problem("\n".join(labels.error_text(e) for e in funnel_errors))
            return
        if self._saving:
            return
        self._saving = True
        tiers_moved = any(values[k] != self._initial[k] for k in TIER_SETTINGS)
        stages = self.funnel.changed_stages()
        save_settings_and_funnel(
            self, self._book, self._events, values, tiers_moved, stages
        ).finished(self._save_over).success(lambda _changes: self._saved(values)).failure(
            self._not_saved
        ).run()

    def _save_over(self) -> None:
        self._saving = False

    def _not_saved(self, problem: Exception) -> None:
        assert isinstance(problem, RelbookError)
        if _about_funnel(problem):
            self._show_funnel_problem(self.funnel.problem_text(problem))
            return
        self.error.setText(labels.problem_text(problem))
        self.error.show()

    def _show_funnel_problem(self, text: str) -> None:
        """On the Opportunities page, which is shown."""
        self.pages.setCurrentWidget(self.funnel_tab)
        self.funnel.message.setText(text)
        self.funnel.message.show()

    def _saved(self, values: dict[str, object]) -> None:
        if self.autostart.isChecked() != is_autostart_enabled():
            try:
                set_autostart(self.autostart.isChecked(), launch_command(self._book.data_dir))
            except OSError as problem:
                self.error.setText(
                    self.tr("Could not change starting at login: %1").replace("%1", str(problem))
                )
                self.error.show()
                return
        self.language_changed = values["ui.language"] != self._initial["ui.language"]
        self.accept()


def _about_funnel(problem: RelbookError) -> bool:
    """Whether the book refused the stages (rather than another setting)."""
    return isinstance(problem, ValidationError) and all(
        error.field.startswith(("deal_stage", "default_rate")) for error in problem.errors
    )
