"""The contact editor dialog: every field of a contact, saved in one unit of work."""

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from relbook.core.changes import Saved
from relbook.core.contact_input import ContactInput
from relbook.core.contacts import all_tags, contact_profile, organization_names, thresholds
from relbook.core.errors import AmbiguousError, FieldError, NotFoundError, ValidationError
from relbook.core.tiers import TierThresholds
from relbook.db.book import Book
from relbook.ui.editor_tabs import BasicTab, RapportTab, RelationshipTab
from relbook.ui.editor_widgets import scroll_page
from relbook.ui.events import BookEvents
from relbook.ui.family_tab import FamilyTab
from relbook.ui.field_messages import FieldMessages
from relbook.ui.level_history import LevelStep
from relbook.ui.operations import read_now, tell_problem
from relbook.ui.operations.contacts import save_contact
from relbook.words import labels

_INVALID_STYLE = '*[invalid="true"] { border: 1px solid #c62828; border-radius: 2px; }'
_ERROR_AREA_STYLE = (
    "QLabel { background: #fdecea; color: #b71c1c; border: 1px solid #f5c2c0;"
    " border-radius: 3px; padding: 6px; }"
)


@dataclass
class EditorData:
    """What the editor reads from the book before showing the form."""

    contact: ContactInput
    companies: list[str]
    tags: list[str]
    limits: TierThresholds
    history: list[LevelStep] = field(default_factory=list)
    referrer: str = ""


class ContactEditor(QDialog):
    """Create or edit one contact; invalid input is shown in place and nothing is saved."""

    def __init__(
        self,
        book: Book,
        events: BookEvents,
        contact_id: int | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self._book = book
        self._events = events
        self._contact_id = contact_id
        self._saving = False
        self.saved_id: int | None = None
        title = self.tr("New contact") if contact_id is None else self.tr("Edit contact")
        self.setWindowTitle(title)
        self.setStyleSheet(_INVALID_STYLE)
        self.resize(1000, 700)

        loaded = self._read()
        self.basic = BasicTab(loaded.companies, loaded.tags)
        self.relationship = RelationshipTab(loaded.limits, loaded.history)
        self.rapport = RapportTab()
        self.family = FamilyTab()
        self.tabs = QTabWidget()
        self._pages: list[tuple[QWidget, dict[str, QWidget]]] = []
        for tab, title in (
            (self.basic, self.tr("Basic")),
            (self.relationship, self.tr("Relationship")),
            (self.rapport, self.tr("Rapport")),
            (self.family, self.tr("Family && dates")),
        ):
            page = scroll_page(tab)
            self.tabs.addTab(page, title)
            self._pages.append((page, tab.field_widgets()))
        self._field_messages = FieldMessages(
            {name: widget for _page, widgets in self._pages for name, widget in widgets.items()}
        )

        self.error_area = QLabel()
        self.error_area.setWordWrap(True)
        self.error_area.setStyleSheet(_ERROR_AREA_STYLE)
        self.error_area.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error_area.hide()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setToolTip(
            QKeySequence(QKeySequence.StandardKey.Save).toString(
                QKeySequence.SequenceFormat.NativeText
            )
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save)
        layout = QVBoxLayout(self)
        layout.addWidget(self.error_area)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)

        data = loaded.contact
        self.basic.load(data)
        self.relationship.load(data, contact_id is not None, loaded.referrer)
        self.rapport.load(data)
        self.family.load(data)
        self.basic.name.setFocus()

    def _read(self) -> "EditorData":
        """Everything the form shows, copied out of one unit of work."""
        contact_id = self._contact_id

        def work(session: Any) -> EditorData:
            loaded = EditorData(
                contact=ContactInput(name=""),
                companies=organization_names(session),
                tags=all_tags(session),
                limits=thresholds(session),
            )
            if contact_id is None:
                return loaded
            profile = contact_profile(session, contact_id)
            if profile is None:
                raise NotFoundError("contact", str(contact_id))
            loaded.contact = profile.data
            loaded.history = profile.history
            loaded.referrer = profile.referrer
            return loaded

        return read_now(self._book, work)

    def contact_input(self) -> ContactInput:
        """The form as a ContactInput (referred_by_id is resolved at save time)."""
        data = ContactInput(name="")
        for tab in (self.basic, self.relationship, self.rapport, self.family):
            tab.fill(data)
        return data

    def save(self) -> None:
        """Save in the background; the dialog closes once the book has it, or shows why not
        (and keeps what was typed)."""
        if self._saving:
            return
        self._saving = True
        save_contact(
            self,
            self._book,
            self._events,
            self._contact_id,
            self.contact_input(),
            self.relationship.referrer.text(),
            self.relationship.known_referrer(),
            datetime.now(),
        ).finished(self._save_over).success(self._saved).failure(self._not_saved).run()

    def _save_over(self) -> None:
        self._saving = False

    def _saved(self, saved: Saved) -> None:
        self.saved_id = saved.id
        self.accept()

    def _not_saved(self, problem: Exception) -> None:
        if isinstance(problem, ValidationError):
            self._show_problems([(e.field, self._error_text(e)) for e in problem.errors])
        elif isinstance(problem, AmbiguousError) or (
            isinstance(problem, NotFoundError) and problem.what == "referrer"
        ):
            self._show_problems([("referred_by_id", self._referrer_text(problem))])
        elif isinstance(problem, NotFoundError):
            self._show_problems([("", labels.problem_text(problem))])
        else:
            tell_problem(self, problem)

    def _error_text(self, error: FieldError) -> str:
        """The field's message; a move to lost without a reason says what to choose."""
        if error.field == "lost_reason" and error.code == "required":
            return self.tr("Choose why the customer was lost.")
        return labels.error_text(error)

    def _referrer_text(self, problem: NotFoundError | AmbiguousError) -> str:
        return (
            self.tr("%1: %2")
            .replace("%1", labels.field("referred_by_id"))
            .replace("%2", labels.problem_text(problem))
        )

    def _show_problems(self, problems: list[tuple[str, str]]) -> None:
        """List every message at the top (fields may be on other tabs), repeat each under its
        field with the field outlined, and open the first bad field's tab."""
        bad_fields = [name for name, _ in problems]
        self._field_messages.show_messages(problems)
        self.error_area.setText("\n".join(f"• {message}" for _, message in problems))
        self.error_area.show()
        pages = [page for name in bad_fields for page, widgets in self._pages if name in widgets]
        if pages:
            self.tabs.setCurrentWidget(pages[0])
