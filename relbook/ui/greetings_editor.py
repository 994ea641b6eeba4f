"""Edit greeting templates per language, occasion, personality style and timing, with a live
preview of the greeting as copied on the day, ahead of it or late."""

from collections.abc import Callable
from datetime import date, timedelta

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from relbook.core.changes import BookChanges
from relbook.core.errors import RelbookError
from relbook.core.festivals import DEFAULT_FESTIVALS
from relbook.core.greeting_words import AHEAD, TODAY, day_phrase, relation_phrase, timing_of
from relbook.core.greetings import (
    OCCASIONS,
    PLACEHOLDERS,
    GreetingValues,
    fill,
    template_for,
    unknown_placeholders,
)
from relbook.db.book import Book
from relbook.ui.editor_widgets import error_label
from relbook.ui.events import BookEvents
from relbook.ui.operations import read_now
from relbook.ui.operations.settings import save_greeting
from relbook.words import labels, reminder_words


class GreetingsEditor(QDialog):
    """Each template is saved when you press Save; Reset brings back the shipped text."""

    def __init__(
        self,
        book: Book,
        language: str,
        parent: QWidget | None = None,
        today: date | None = None,
        events: BookEvents | None = None,
    ):
        super().__init__(parent)
        self._today = today or date.today()
        self.setWindowTitle(self.tr("Greeting templates"))
        self.setMinimumWidth(620)
        self._book = book
        self._events = events or BookEvents(self)
        self.language = QComboBox(self)
        self.language.addItem("简体中文", "zh_CN")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(0, self.language.findData(language)))
        self.occasion = QComboBox(self)
        for code in OCCASIONS:
            self.occasion.addItem(self._occasion_word(code), code)
            if code == "festival":
                for festival in DEFAULT_FESTIVALS:
                    self.occasion.addItem(
                        self.tr("Festival: %1").replace(
                            "%1", reminder_words.festival_name(festival.code)
                        ),
                        f"festival.{festival.code}",
                    )
        self.style_combo = QComboBox(self)
        self.style_combo.addItem(self.tr("Any style"), None)
        for code, word in labels.choices("personality").items():
            self.style_combo.addItem(word, code)
        self.copied = QComboBox(self)
        for word, days_ahead in (
            (self.tr("On the day"), 0),
            (self.tr("1 day ahead"), 1),
            (self.tr("2 days ahead"), 2),
            (self.tr("5 days ahead"), 5),
            (self.tr("2 days late"), -2),
        ):
            self.copied.addItem(word, days_ahead)
        self.form = QLabel(self)
        self.form.setStyleSheet("color: #607d8b")
        self.text = QPlainTextEdit(self)
        self.text.setTabChangesFocus(True)
        self.text.setMinimumHeight(110)
        hint = QLabel(
            self.tr("Placeholders: %1").replace(
                "%1", "  ".join("{" + name + "}" for name in PLACEHOLDERS)
            )
            + "\n"
            + self.tr(
                "{salutation} is how the contact is addressed, else the name; {day} says when;"
                " {relation} and {member} name the family member whose birthday it is; {label}"
                " is the name of a custom day."
            ),
            self,
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #607d8b")
        self.preview = QLabel(self)
        self.preview.setWordWrap(True)
        self.preview.setStyleSheet(
            "background: #f1f8e9; border: 1px solid #c5e1a5; border-radius: 4px; padding: 8px;"
        )
        self.warning = error_label(self)

        form = QFormLayout()
        form.addRow(labels.field("ui.language"), self.language)
        form.addRow(self.tr("Occasion"), self.occasion)
        form.addRow(labels.field("personality"), self.style_combo)
        form.addRow(self.tr("When copied"), self.copied)
        form.addRow(self.tr("Template"), self.text)
        form.addRow("", self.form)
        form.addRow("", hint)
        form.addRow(self.tr("Preview"), self.preview)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.save_button = QPushButton(self.tr("Save"))
        self.reset_button = QPushButton(self.tr("Reset to default"))
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.reset_button, QDialogButtonBox.ButtonRole.ResetRole)
        buttons.rejected.connect(self.reject)
        self.save_button.clicked.connect(self.save)
        self.reset_button.clicked.connect(self.reset)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.warning)
        layout.addWidget(buttons)

        self._timing = self.timing()
        for combo in (self.language, self.occasion, self.style_combo):
            combo.currentIndexChanged.connect(lambda _index: self.load())
        self.copied.currentIndexChanged.connect(lambda _index: self._copied_changed())
        self.text.textChanged.connect(self.update_preview)
        self.load()

    def _occasion_word(self, code: str) -> str:
        if code == "generic":
            return self.tr("Keeping in touch")
        family, _dot, kind = code.partition(".")
        if family == "special_date":
            return self.tr("Special day: %1").replace("%1", labels.date_kind(kind))
        if family == "expiry":
            return self.tr("Expiry: %1").replace("%1", reminder_words.expiry_kind(kind))
        return reminder_words.kind_label(code)

    def _days(self) -> tuple[date, date]:
        """The sample occasion's day and the day it is copied on, as "When copied" says."""
        return self._today + timedelta(days=int(self.copied.currentData())), self._today

    def timing(self) -> str:
        """The form being edited: for the day itself, ahead of it or after it."""
        return timing_of(*self._days())

    def _copied_changed(self) -> None:
        """1, 2 and 5 days ahead share one text: only a change of form loads another."""
        if self.timing() == self._timing:
            self.update_preview()
        else:
            self.load()

    def _form_text(self) -> str:
        if self._timing == TODAY:
            return self.tr("Copied on the day itself.")
        if self._timing == AHEAD:
            return self.tr(
                "Copied before the day: {day} says tomorrow, the day after tomorrow or the date."
            )
        return self.tr(
            "Copied after the day, as belated wishes: {day} says yesterday, the day before"
            " yesterday or the date."
        )

    def load(self) -> None:
        self._timing = self.timing()
        self.form.setText(self._form_text())
        language, occasion = self.language.currentData(), self.occasion.currentData()
        style, timing = self.style_combo.currentData(), self._timing
        text = read_now(
            self._book, lambda session: template_for(session, language, occasion, style, timing)
        )
        self.text.setPlainText(text)

    def sample(self) -> GreetingValues:
        """A made-up contact (male, so his spouse is his wife; no salutation of his own, so
        {salutation} says his name as {name} does), on the chosen day."""
        language = self.language.currentData()
        chinese = language == "zh_CN"
        return GreetingValues(
            name="张总" if chinese else "Mr Zhang",
            title="总经理" if chinese else "General Manager",
            company="恒达科技" if chinese else "Hengda Tech",
            festival=reminder_words.festival_name(self._festival_code()),
            day=day_phrase(language, *self._days()),
            member="李梅" if chinese else "Li Mei",
            relation=relation_phrase(language, "spouse", "male"),
            label="开业纪念日" if chinese else "the opening day",
        )

    def _festival_code(self) -> str:
        occasion = str(self.occasion.currentData())
        return occasion.split(".", 1)[1] if occasion.startswith("festival.") else "mid_autumn"

    def update_preview(self) -> None:
        template = self.text.toPlainText()
        self.preview.setText(fill(template, self.sample()))
        unknown = unknown_placeholders(template)
        self.warning.setText(
            self.tr("Not a placeholder, will be sent as typed: %1").replace(
                "%1", ", ".join("{" + name + "}" for name in unknown)
            )
            if unknown
            else ""
        )

    def _store(self, text: str, then: Callable[[BookChanges], None] | None = None) -> None:
        """Save ``text`` as the chosen template in the background (empty: the shipped one)."""
        change = save_greeting(
            self,
            self._book,
            self._events,
            self.language.currentData(),
            self.occasion.currentData(),
            self.style_combo.currentData(),
            text,
            self._timing,
        ).failure(self._not_saved)
        if then is not None:
            change.success(then)
        change.run()

    def _not_saved(self, problem: Exception) -> None:
        assert isinstance(problem, RelbookError)
        self.warning.setText(labels.problem_text(problem))

    def save(self) -> None:
        self._store(self.text.toPlainText())

    def reset(self) -> None:
        self._store("", lambda _changes: self.load())
