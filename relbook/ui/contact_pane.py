"""The contact beside the list: profile, timeline, gifts and relations, with their actions."""

from datetime import date, datetime
from html import escape
from typing import cast

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from relbook.core.cadence import RULE_OWN, RULE_TIER
from relbook.core.calendar import next_occurrence
from relbook.core.changes import BookChanges
from relbook.core.contact_input import RAPPORT_FIELDS, ContactInput, DateInput
from relbook.core.contacts import ContactProfile, contact_profile
from relbook.core.enums import CalendarKind, DateKind, Recurrence
from relbook.core.errors import RelbookError
from relbook.core.tiers import SCORE_FIELDS, importance_total
from relbook.db.book import Book
from relbook.ui.date_text import calendar_date_text, next_text, solar_text
from relbook.ui.deals_section import DealsSection
from relbook.ui.events import BookEvents
from relbook.ui.followups_tab import FollowUpsTab
from relbook.ui.gifts_tab import GiftsTab
from relbook.ui.level_history import level_change_text
from relbook.ui.operations import read_now
from relbook.ui.operations.contacts import change_level
from relbook.ui.playbook import playbook_html
from relbook.ui.relations_tab import RelationsTab
from relbook.ui.stage_history import stage_change_text, stage_reason_text
from relbook.ui.timeline_tab import TimelineTab
from relbook.words import labels

_STYLE = """
h3 { margin-top: 14px; margin-bottom: 4px; color: #37474f; }
td.k { color: #607d8b; padding-right: 12px; white-space: nowrap; }
td { padding-bottom: 3px; }
span.chip { background-color: #e3f2fd; color: #0d47a1; }
span.badge { background-color: #e8f5e9; color: #1b5e20; font-weight: bold; }
"""


def _text(value: str) -> str:
    """Escaped, with line breaks kept."""
    return escape(value).replace("\n", "<br>")


Profile = ContactProfile


class ChangeLevelDialog(QDialog):
    """Pick the new level and say why; the step goes into the level history."""

    chosen = Signal(int, str)
    """The new level and the note, when the user confirms."""

    def __init__(self, current: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Change level"))
        self.level_combo = QComboBox()
        for code in range(1, 6):
            self.level_combo.addItem(labels.level_with_number(code), code)
        self.level_combo.setCurrentIndex(self.level_combo.findData(current))
        self.note_edit = QLineEdit()
        self.note_edit.setPlaceholderText(self.tr("What happened, e.g. agreed to a second meeting"))
        self.note_edit.setMinimumWidth(320)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Current level"), QLabel(labels.level_with_number(current)))
        form.addRow(self.tr("New level"), self.level_combo)
        form.addRow(self.tr("Note"), self.note_edit)
        form.addRow(buttons)

    def level(self) -> int:
        return int(self.level_combo.currentData())

    def note(self) -> str:
        return self.note_edit.text()

    def accept(self) -> None:
        self.chosen.emit(self.level(), self.note())
        super().accept()


class ContactPane(QWidget):
    """Shows one contact; refreshes itself when a change touches that contact."""

    edit_requested = Signal(int)
    delete_requested = Signal(int)
    log_requested = Signal(int)
    dossier_requested = Signal(int)
    """Print the shown contact's dossier to PDF."""
    open_contact_requested = Signal(int)
    """Another contact was clicked (a relation or a referral)."""
    company_map_requested = Signal(str)
    """The company map of the shown contact's organization (its name) was asked for."""
    status_message = Signal(str)

    def __init__(self, book: Book, events: BookEvents, parent: QWidget | None = None):
        super().__init__(parent)
        self._book = book
        self._events = events
        self._profile: Profile | None = None

        self.empty_label = QLabel(self.tr("Select a contact, or press Ctrl+N to add one."))
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.empty_label.setStyleSheet("color: #78909c;")
        self.name_label = QLabel()
        font = self.name_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.name_label.setFont(font)
        self.name_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.salutation_label = QLabel()
        self.salutation_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.salutation_label.setStyleSheet("color: #0d47a1;")
        self.subtitle_label = QLabel()
        self.subtitle_label.setWordWrap(True)
        self.subtitle_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.company_link = QLabel()
        self.company_link.setTextFormat(Qt.TextFormat.RichText)
        self.company_link.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse)
        self.company_link.setToolTip(
            self.tr("Who is known at this company, how they stand, and what is missing")
        )
        self.company_link.linkActivated.connect(self._request_company_map)
        self.edit_button = QPushButton(self.tr("Edit"))
        self.log_button = QPushButton(self.tr("Log…"))
        self.log_button.setToolTip(self.tr("Log a visit, call or meal (Ctrl+L)"))
        self.level_button = QPushButton(self.tr("Change level…"))
        self.delete_button = QPushButton(self.tr("Delete"))
        self.dossier_button = QPushButton(self.tr("Dossier PDF…"))
        self.dossier_button.setToolTip(
            self.tr("Everything about this contact, to read before a visit")
        )
        self.edit_button.clicked.connect(self._request_edit)
        self.log_button.clicked.connect(self._request_log)
        self.level_button.clicked.connect(self._ask_level)
        self.delete_button.clicked.connect(self._request_delete)
        self.dossier_button.clicked.connect(self._request_dossier)
        self.body = QTextBrowser()
        self.body.setOpenLinks(False)
        self.body.document().setDefaultStyleSheet(_STYLE)
        self.timeline = TimelineTab(book, events)
        self.gifts = GiftsTab(book, events)
        self.relations = RelationsTab(book, events)
        self.followups = FollowUpsTab(book, events)
        self.deals = DealsSection(book, events)
        self.deals.status_message.connect(self.status_message)
        self.timeline.status_message.connect(self.status_message)
        self.gifts.status_message.connect(self.status_message)
        self.relations.open_contact_requested.connect(self.open_contact_requested)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.body, self.tr("Profile"))
        self.tabs.addTab(self.timeline, self.tr("Timeline"))
        self.tabs.addTab(self.gifts, self.tr("Gifts"))
        self.tabs.addTab(self.relations, self.tr("Relations"))
        self.tabs.addTab(self.followups, self.tr("Follow-ups"))
        self.tabs.addTab(self.deals, self.tr("Deals"))
        self._loaded_tabs: set[int] = set()
        self.tabs.currentChanged.connect(lambda _index: self._load_current_tab())

        buttons = QHBoxLayout()
        for button in (self.edit_button, self.log_button, self.level_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.dossier_button)
        profile_page = QWidget()
        profile_layout = QVBoxLayout(profile_page)
        profile_layout.setContentsMargins(0, 0, 0, 0)
        heading = QHBoxLayout()
        heading.addWidget(self.name_label)
        heading.addWidget(self.salutation_label, 0, Qt.AlignmentFlag.AlignVCenter)
        heading.addStretch(1)
        profile_layout.addLayout(heading)
        subtitle = QHBoxLayout()
        subtitle.addWidget(self.subtitle_label, 1)
        subtitle.addWidget(self.company_link, 0, Qt.AlignmentFlag.AlignTop)
        profile_layout.addLayout(subtitle)
        profile_layout.addLayout(buttons)
        profile_layout.addWidget(self.tabs, 1)
        self.pages = QStackedWidget()
        self.pages.addWidget(self.empty_label)
        self.pages.addWidget(profile_page)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)
        events.changed.connect(self._on_changed)

    def current_id(self) -> int | None:
        return self._profile.contact_id if self._profile else None

    def show_contact(self, contact_id: int | None) -> None:
        """Show a contact, or the empty state for None or a contact that is gone."""
        self._profile = self._read(contact_id) if contact_id is not None else None
        self._loaded_tabs.clear()
        if self._profile is None:
            self.pages.setCurrentWidget(self.empty_label)
            return
        data = self._profile.data
        self.name_label.setText(data.name)
        salutation = data.salutation.strip()
        self.salutation_label.setText(self.tr("Salutation: %1").replace("%1", salutation))
        self.salutation_label.setVisible(bool(salutation))
        parts = [p.strip() for p in (data.company, data.department, data.title) if p.strip()]
        self.subtitle_label.setText(" · ".join(parts))
        self.subtitle_label.setVisible(bool(parts))
        company = data.company.strip()
        link = self.tr("Company map of %1").replace("%1", escape(company))
        self.company_link.setText(f"<a href='company'>{link}</a>")
        self.company_link.setVisible(bool(company))
        self.body.setHtml(self._html(self._profile, cast(date, QDate.currentDate().toPython())))
        self.pages.setCurrentIndex(1)
        self._load_current_tab()

    def _load_current_tab(self) -> None:
        """Fill the history tab on view only, once per contact shown."""
        index = self.tabs.currentIndex()
        current = self.current_id()
        if current is None or index in self._loaded_tabs:
            return
        self._loaded_tabs.add(index)
        page = self.tabs.widget(index)
        if isinstance(page, (TimelineTab, GiftsTab, RelationsTab, FollowUpsTab, DealsSection)):
            page.load(current)

    def _read(self, contact_id: int) -> Profile | None:
        return read_now(self._book, lambda session: contact_profile(session, contact_id))

    def _on_changed(self, changes: BookChanges) -> None:
        current = self.current_id()
        if current is None:
            return
        if (
            current in changes.contact_ids
            or (changes.contacts and not changes.contact_ids)
            or changes.settings
        ):
            self.show_contact(current)

    def _request_edit(self) -> None:
        current = self.current_id()
        if current is not None:
            self.edit_requested.emit(current)

    def _request_company_map(self, _link: str = "") -> None:
        if self._profile is not None and self._profile.data.company.strip():
            self.company_map_requested.emit(self._profile.data.company.strip())

    def _request_log(self) -> None:
        current = self.current_id()
        if current is not None:
            self.log_requested.emit(current)

    def _request_delete(self) -> None:
        current = self.current_id()
        if current is not None:
            self.delete_requested.emit(current)

    def _request_dossier(self) -> None:
        current = self.current_id()
        if current is not None:
            self.dossier_requested.emit(current)

    def _ask_level(self) -> None:
        """Non-blocking, so the rest of the window keeps painting while it is open."""
        if self._profile is None:
            return
        dialog = ChangeLevelDialog(self._profile.data.level, self)
        contact_id = self._profile.contact_id
        dialog.chosen.connect(lambda level, note: self._apply_level(contact_id, level, note))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _apply_level(self, contact_id: int, level: int, note: str) -> None:
        change_level(
            self, self._book, self._events, contact_id, level, note, datetime.now()
        ).failure(self._level_not_changed).run()

    def _level_not_changed(self, problem: Exception) -> None:
        """A service's own error (a wrong level, a contact gone) under this dialog's title."""
        assert isinstance(problem, RelbookError)
        QMessageBox.warning(self, self.tr("Change level"), labels.problem_text(problem))

    def _html(self, profile: Profile, today: date) -> str:
        data = profile.data
        parts = [self._summary(data, profile), self._relationship(profile, today)]
        parts.append(self._reach(data, profile.referrer))
        rapport = [(labels.field(n), _text(getattr(data, n))) for n in RAPPORT_FIELDS]
        parts.append(self._section(self.tr("Rapport"), [(k, v) for k, v in rapport if v]))
        parts.append(self._family(data, today))
        parts.append(self._dates(data, today))
        return "".join(parts)

    @staticmethod
    def _section(title: str, rows: list[tuple[str, str]]) -> str:
        """A heading and a two-column table; nothing at all when there are no rows.

        Keys are plain words (escaped here); values are HTML the caller already escaped.
        """
        if not rows:
            return ""
        cells = "".join(
            f"<tr><td class='k'>{escape(key)}</td><td>{value}</td></tr>" for key, value in rows
        )
        return f"<h3>{escape(title)}</h3><table>{cells}</table>"

    def _summary(self, data: ContactInput, profile: Profile) -> str:
        rows: list[tuple[str, str]] = []
        if data.org_type:
            rows.append((labels.field("org_type"), escape(labels.org_type(data.org_type))))
        if data.buying_role or data.is_insider:
            role = escape(labels.buying_role(data.buying_role))
            if data.is_insider:
                badge = f"<span class='badge'>&nbsp;{escape(self.tr('Insider'))}&nbsp;</span>"
                role = f"{role} {badge}" if role else badge
            rows.append((labels.field("buying_role"), role))
        if data.tags:
            chips = " ".join(
                f"<span class='chip'>&nbsp;{escape(tag)}&nbsp;</span>" for tag in data.tags
            )
            rows.append((labels.field("tags"), chips))
        return self._section(self.tr("Profile"), rows)

    def _relationship(self, profile: Profile, today: date) -> str:
        data = profile.data
        rows = [
            (labels.field("level"), escape(labels.level_with_number(data.level))),
            (labels.field("stage"), escape(labels.stage(data.stage))),
            (labels.field("tier"), escape(self._tier_text(profile))),
        ]
        rows.append((self.tr("Stay in touch"), escape(self._cadence_text(profile))))
        birthday = data.birthday()
        if birthday is not None:
            upcoming = next_occurrence(
                birthday.as_calendar_date(), Recurrence(birthday.recurrence), today
            )
            if upcoming is not None:
                rows.append((self.tr("Next birthday"), escape(solar_text(upcoming))))
        if data.personality:
            style = f"<b>{escape(labels.personality(data.personality))}</b>"
            rows.append((labels.field("personality"), style + playbook_html(data.personality)))
        history = "".join(
            f"<tr><td>{escape(solar_text(when))}</td>"
            f"<td>{escape(level_change_text(old, new))}</td><td>{_text(note)}</td></tr>"
            for when, old, new, note in profile.history
        )
        if history:
            rows.append(
                (
                    self.tr("Level history"),
                    f"<table cellspacing='0' cellpadding='2'>{history}</table>",
                )
            )
        stages = "".join(
            f"<tr><td>{escape(solar_text(step.on))}</td>"
            f"<td>{escape(stage_change_text(step.from_stage, step.to_stage))}</td>"
            f"<td>{_text(stage_reason_text(step))}</td></tr>"
            for step in profile.stage_history
        )
        if stages:
            rows.append(
                (
                    labels.field("stage_history"),
                    f"<table cellspacing='0' cellpadding='2'>{stages}</table>",
                )
            )
        return self._section(self.tr("Relationship"), rows)

    def _cadence_text(self, profile: Profile) -> str:
        """Every how many days, and which rule says so (its own, its tier's, its stage's)."""
        if profile.cadence_days is None:
            return self.tr("not watched (lost customer)")
        every = self.tr("every %1 days").replace("%1", str(profile.cadence_days))
        if profile.cadence_rule == RULE_OWN:
            why = self.tr("set for this contact")
        elif profile.cadence_rule == RULE_TIER:
            why = self.tr("default for tier %1").replace("%1", profile.tier or "")
        else:
            why = self.tr("default for the stage %1").replace(
                "%1", labels.stage(profile.data.stage)
            )
        return f"{every} · {why}"

    def _tier_text(self, profile: Profile) -> str:
        scores = {name: getattr(profile.data, name) for name in SCORE_FIELDS}
        total = importance_total(scores)
        if profile.tier is None or total is None:
            return self.tr("not rated (answer all five importance questions)")
        return (
            self.tr("%1 (importance %2 of 25)")
            .replace("%1", profile.tier)
            .replace("%2", str(total))
        )

    def _reach(self, data: ContactInput, referrer: str) -> str:
        rows = [
            (labels.phone_label(p.label), escape(p.number)) for p in data.phones if p.number.strip()
        ]
        for name in ("email", "wechat", "qq", "address"):
            value = getattr(data, name)
            if value.strip():
                rows.append((labels.field(name), _text(value)))
        if data.source or data.source_detail:
            met = " — ".join(
                p for p in (labels.source(data.source), data.source_detail.strip()) if p
            )
            rows.append((labels.field("source"), escape(met)))
        if referrer:
            rows.append((labels.field("referred_by_id"), escape(referrer)))
        return self._section(self.tr("Contact details"), rows)

    def _date_html(self, value: DateInput, today: date) -> str:
        """The date as entered; a lunar one also with the solar day it next falls on."""
        text = escape(calendar_date_text(value.as_calendar_date()))
        if value.calendar == CalendarKind.LUNAR:
            upcoming = next_occurrence(
                value.as_calendar_date(), Recurrence(value.recurrence), today
            )
            if upcoming is not None:
                text += f" <i>({escape(next_text(upcoming))})</i>"
        return text

    def _family(self, data: ContactInput, today: date) -> str:
        rows: list[tuple[str, str]] = []
        for member in data.family:
            lines = [f"<b>{escape(member.name)}</b>"]
            for special in member.dates:
                kind = labels.date_kind(special.kind)
                lines.append(
                    self.tr("%1: %2")
                    .replace("%1", escape(kind))
                    .replace("%2", self._date_html(special, today))
                )
            if member.notes.strip():
                lines.append(_text(member.notes))
            rows.append((labels.relation(member.relation), "<br>".join(lines)))
        return self._section(labels.field("family"), rows)

    def _dates(self, data: ContactInput, today: date) -> str:
        rows: list[tuple[str, str]] = []
        for special in data.dates:
            name = special.label.strip() if special.kind == DateKind.CUSTOM else ""
            text = self._date_html(special, today)
            if special.recurrence == Recurrence.ONCE:
                text += " · " + escape(labels.recurrence(special.recurrence))
            rows.append((name or labels.date_kind(special.kind), text))
        return self._section(labels.field("dates"), rows)
