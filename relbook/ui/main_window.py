"""The main window: search and filters over the contact list, the contact pane beside it.

The window is painted before the book has opened: this module and the ones it imports load no
database code, and the Contacts tab (``contacts_page``, which does) is built by
``attach_book``. The dialogs are imported when first opened, not with the window: between them
they load the import and export formats (openpyxl, vobject, icalendar) and alembic, which
starting up never needs (see bench/README.md, cold start).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QKeySequence,
    QPaintEvent,
)
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QLineEdit,
    QMainWindow,
    QTableView,
    QTabWidget,
    QToolBar,
    QWidget,
)

from relbook.core.changes import BookChanges
from relbook.ui import gc_policy
from relbook.ui.events import BookEvents
from relbook.ui.today_view import TodayView
from relbook.ui.worker import JobRunner
from relbook.words.i18n import resolve_language

if TYPE_CHECKING:
    from relbook.db.book import Book
    from relbook.ui.about_dialog import AboutDialog
    from relbook.ui.backups_dialog import BackupsDialog
    from relbook.ui.company_map_window import CompanyMapWindow
    from relbook.ui.contact_editor import ContactEditor
    from relbook.ui.contact_list_model import ContactListModel
    from relbook.ui.contact_pane import ContactPane
    from relbook.ui.contacts_page import ContactsPage
    from relbook.ui.deal_editor import DealEditor
    from relbook.ui.deals_page import DealsPage
    from relbook.ui.duplicates_dialog import DuplicatesDialog
    from relbook.ui.export_dialog import ExportDialog
    from relbook.ui.filter_bar import FilterBar
    from relbook.ui.greet_window import GreetWindow
    from relbook.ui.import_dialog import ImportDialog
    from relbook.ui.pipeline_report_dialog import PipelineReportDialog
    from relbook.ui.quick_log import QuickLogDialog
    from relbook.ui.referral_tree import ReferralTreeDialog
    from relbook.ui.report_dialog import ActivityReportDialog, DossierExport

BOOK_MODULES = (
    "relbook.ui.contacts_page",
    "relbook.ui.deals_page",
    "relbook.ui.report_dialog",
    "relbook.core.contacts",
)
"""What ``attach_book`` builds from: loaded by ``load_book_modules``, off the UI thread."""


def load_book_modules() -> None:
    """Import what showing a book needs (the database layer with it), so that building the
    Contacts tab afterwards does not stall the window on imports."""
    for name in BOOK_MODULES:
        importlib.import_module(name)


SEARCH_DELAY_MS = 150
TODAY_REFRESH_DELAY_MS = 1500


class MainWindow(QMainWindow):
    """One open book. ``language_change_requested`` asks the app to rebuild in a new language."""

    language_change_requested = Signal()
    book_replaced = Signal()
    """A backup was restored: the app rebuilds the window over the restored book."""
    handle_reminders_requested = Signal(list)
    quit_requested = Signal()
    """File > Quit: the app ends even when closing the window would only hide it to the tray."""
    first_painted = Signal()
    """Once, after the window's first paint (from the event loop, when the whole paint pass is
    done): the start opens the book from here, so its loading cannot hold that paint up."""

    def __init__(
        self,
        book: Book | None,
        parent: QWidget | None = None,
        clock: Callable[[], datetime] = datetime.now,
        data_dir: Path | None = None,
    ):
        """The window over ``book``; with None, over the book in ``data_dir`` still opening.

        Until ``attach_book`` the Today tab says the book is opening, the Contacts tab is
        empty and every command that needs the book is off.
        """
        super().__init__(parent)
        self.book: Book | None = None
        if data_dir is None:
            if book is None:
                raise ValueError("a window needs a book or the folder of one")
            data_dir = book.data_dir
        self.data_dir = data_dir
        self.runner = JobRunner(self)
        self.events = BookEvents(self, self.runner)
        self._clock = clock
        self._last_deleted: list[int] = []
        """Contacts of the last deletion, which Undo brings back (or ``_last_record``)."""
        self._last_record: tuple[str, int] | None = None
        """The interaction or gift (kind, id) last moved to the trash, if that came last."""
        self._pending_select: int | None = None
        self._pending_row: int | None = None
        self.persist_layout = True
        self._painted = False
        self.editor: ContactEditor | None = None
        self.export_dialog: ExportDialog | None = None
        self.backups_dialog: BackupsDialog | None = None
        self.import_dialog: ImportDialog | None = None
        self.quick_log: QuickLogDialog | None = None
        self.referral_tree: ReferralTreeDialog | None = None
        self.duplicates_dialog: DuplicatesDialog | None = None
        self.activity_dialog: ActivityReportDialog | None = None
        self.pipeline_dialog: PipelineReportDialog | None = None
        self.dossier_export: DossierExport | None = None
        self.contacts: ContactsPage | None = None
        self.deals: DealsPage | None = None
        self.greet_windows: dict[tuple[str, date], GreetWindow] = {}
        """The open Greet windows by festival code and day: opening one again raises it."""
        self.company_maps: dict[str, CompanyMapWindow] = {}
        """The open company maps by organization name: opening one again raises it."""
        self.setWindowTitle(self.tr("relbook - relationship book"))
        self.resize(1280, 800)

        self.search = QLineEdit(self)
        self.search.setObjectName("search")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(
            self.tr("Search name or pinyin (zs, zhangsan), company, phone, email, tag, notes")
        )
        self.search.setMinimumWidth(420)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_filter)
        self.search.textChanged.connect(lambda _text: self._search_timer.start())

        self.today = TodayView(None, self.runner, clock=clock, parent=self)
        self.today.open_contact_requested.connect(self.select_contact)
        self.today.handle_requested.connect(self.handle_reminders_requested.emit)
        self.today.greet_requested.connect(self.open_greet)
        self._today_timer = QTimer(self)
        self._today_timer.setSingleShot(True)
        self._today_timer.setInterval(TODAY_REFRESH_DELAY_MS)
        self._today_timer.timeout.connect(self.today.refresh)
        self.opening = QLabel(self.tr("Opening the book…"), self)
        self.opening.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.views = QTabWidget(self)
        self.views.setDocumentMode(True)
        self.views.addTab(self.today, self.tr("Today"))
        self.views.addTab(self.opening, self.tr("Contacts"))
        self.views.setCurrentWidget(self.opening)
        self.setCentralWidget(self.views)

        self.read_only_banner: QToolBar | None = None
        self._build_actions()
        self.events.changed.connect(self._book_changed)
        self.events.record_trashed.connect(self._record_trashed)
        stored = self._layout_settings().value("main/geometry")
        if stored is not None:
            self.restoreGeometry(stored)
        self._update_actions()
        self.setAcceptDrops(True)
        if book is not None:
            self.attach_book(book)

    def attach_book(self, book: Book) -> None:
        """Show ``book``: build the Contacts tab in place of the waiting one, switch the
        commands on and give the Today tab its book. The caller loads the list
        (``apply_filter``) and refreshes Today when it wants them."""
        from relbook.ui.contacts_page import ContactsPage
        from relbook.ui.deals_page import DealsPage
        from relbook.ui.report_dialog import DossierExport

        self.book = book
        self.dossier_export = DossierExport(book, self.runner, self)
        self.dossier_export.written.connect(self._report_written)
        self.contacts = page = ContactsPage(book, self.events, self.runner, self)
        self.model: ContactListModel = page.model
        self.table: QTableView = page.table
        self.filters: FilterBar = page.filters
        self.pane: ContactPane = page.pane
        self.splitter: ContactsPage = page
        self.search.installEventFilter(self.model)  # focus: the model readies its search
        self.filters.changed.connect(self.apply_filter)
        self.pane.edit_requested.connect(self.edit_contact)
        self.pane.delete_requested.connect(lambda contact_id: self.delete_contacts([contact_id]))
        self.pane.log_requested.connect(lambda contact_id: self.log_interaction([contact_id]))
        self.pane.dossier_requested.connect(self.dossier_export.run)
        self.pane.open_contact_requested.connect(self.select_contact)
        self.pane.company_map_requested.connect(self.open_company_map)
        self.pane.status_message.connect(lambda text: self.statusBar().showMessage(text, 6000))
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_actions())
        self.table.doubleClicked.connect(lambda index: self.edit_selected())
        self.model.loaded.connect(self._after_load)
        self.model.load_failed.connect(self._show_load_error)

        count = self.filters.count_label
        self.statusBar().addPermanentWidget(count)
        self.views.currentChanged.connect(
            lambda index: count.setVisible(self.views.widget(index) is page)
        )
        showing_contacts = self.views.currentWidget() is self.opening
        self.views.removeTab(1)
        self.views.insertTab(1, page, self.tr("Contacts"))
        self.opening.deleteLater()
        if showing_contacts:
            self.views.setCurrentWidget(page)
        self.deals = DealsPage(book, self.events, self._clock, self)
        self.deals.status_message.connect(lambda text: self.statusBar().showMessage(text, 6000))
        self.views.insertTab(2, self.deals, self.tr("Opportunities"))
        deals = self.deals
        self.pane.deals.new_deal_requested.connect(lambda contact_id: deals.new_deal([contact_id]))
        self.pane.deals.open_deal_requested.connect(deals.open_deal)
        self.pane.deals.offer_deal_editor()
        count.setVisible(self.views.currentWidget() is page)
        self.today.attach(book)
        self._restore_page_layout()
        if book.read_only and self.read_only_banner is None:
            self._show_read_only_banner()
        self._update_actions()

    # --- construction --------------------------------------------------------------------
    def _action(
        self,
        text: str,
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None,
        slot: object,
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
            action.setToolTip(f"{text} ({QKeySequence(shortcut).toString()})")
        action.triggered.connect(slot)
        return action

    def _build_actions(self) -> None:
        self.new_action = self._action(
            self.tr("New contact"), QKeySequence.StandardKey.New, self.new_contact
        )
        self.edit_action = self._action(self.tr("Edit"), "Ctrl+E", self.edit_selected)
        self.delete_action = self._action(
            self.tr("Delete"), QKeySequence.StandardKey.Delete, self.delete_selected
        )
        self.undo_action = self._action(
            self.tr("Undo delete"), QKeySequence.StandardKey.Undo, self.undo_delete
        )
        self.log_action = self._action(self.tr("Log…"), "Ctrl+L", self.log_selected)
        self.new_deal_action = self._action(
            self.tr("New opportunity…"), "Ctrl+Shift+N", lambda: self.new_deal()
        )
        self.deals_action = self._action(self.tr("Opportunities"), "Ctrl+Shift+O", self.show_deals)
        self.referrals_action = self._action(self.tr("Referrals"), None, self.open_referral_tree)
        self.trash_action = self._action(self.tr("Trash"), None, self.open_trash)
        self.duplicates_action = self._action(
            self.tr("Find duplicates…"), None, self.open_duplicates
        )
        self.export_action = self._action(self.tr("Export…"), "Ctrl+Shift+E", self.open_export)
        self.activity_action = self._action(
            self.tr("Activity report…"), None, self.open_activity_report
        )
        self.pipeline_action = self._action(
            self.tr("Pipeline report…"), None, self.open_pipeline_report
        )
        self.import_action = self._action(
            self.tr("Import…"), "Ctrl+Shift+I", lambda: self.open_import()
        )
        self.settings_action = self._action(self.tr("Settings"), None, self.open_settings)
        self.backups_action = self._action(self.tr("Backups…"), None, self.open_backups)
        self.find_action = self._action(
            self.tr("Find"), QKeySequence.StandardKey.Find, self.focus_search
        )
        toolbar = QToolBar(self.tr("Main"), self)
        toolbar.setObjectName("main_toolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for action in (self.new_action, self.edit_action, self.delete_action, self.undo_action):
            toolbar.addAction(action)
        toolbar.addSeparator()
        toolbar.addAction(self.log_action)
        toolbar.addAction(self.referrals_action)
        toolbar.addSeparator()
        toolbar.addAction(self.import_action)
        toolbar.addAction(self.export_action)
        toolbar.addAction(self.activity_action)
        toolbar.addAction(self.trash_action)
        toolbar.addAction(self.backups_action)
        toolbar.addAction(self.settings_action)
        toolbar.addSeparator()
        toolbar.addWidget(self.search)
        self.addToolBar(toolbar)
        self.addAction(self.find_action)
        self._build_menus()

    def _build_menus(self) -> None:
        """The same actions as the toolbar, grouped, plus Quit and About."""
        self.quit_action = self._action(
            self.tr("Quit relbook"), QKeySequence.StandardKey.Quit, self.quit_requested.emit
        )
        self.about_action = self._action(self.tr("About relbook"), None, self.open_about)
        menus = self.menuBar()
        book = menus.addMenu(self.tr("&Book"))
        for action in (
            self.import_action,
            self.export_action,
            self.activity_action,
            self.pipeline_action,
        ):
            book.addAction(action)
        book.addSeparator()
        book.addAction(self.backups_action)
        book.addAction(self.settings_action)
        book.addSeparator()
        book.addAction(self.quit_action)
        people = menus.addMenu(self.tr("&Contacts"))
        for action in (self.new_action, self.edit_action, self.delete_action, self.undo_action):
            people.addAction(action)
        people.addSeparator()
        for action in (self.log_action, self.referrals_action, self.find_action):
            people.addAction(action)
        people.addSeparator()
        people.addAction(self.duplicates_action)
        people.addAction(self.trash_action)
        deals = menus.addMenu(self.tr("&Opportunities"))
        deals.addAction(self.new_deal_action)
        deals.addAction(self.deals_action)
        help_menu = menus.addMenu(self.tr("&Help"))
        help_menu.addAction(self.about_action)

    def open_about(self) -> AboutDialog:
        from relbook.ui.about_dialog import AboutDialog

        dialog = AboutDialog(self._book, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.about_dialog = dialog
        dialog.open()
        return dialog

    # --- layout persistence --------------------------------------------------------------
    def _layout_settings(self) -> QSettings:
        return QSettings(str(self.data_dir / "window.ini"), QSettings.Format.IniFormat)

    def _restore_page_layout(self) -> None:
        stored = self._layout_settings()
        splitter = stored.value("main/splitter")
        if splitter is not None:
            self.splitter.restoreState(splitter)
        header = stored.value("main/header")
        if header is not None:
            self.table.horizontalHeader().restoreState(header)

    def save_layout(self) -> None:
        stored = self._layout_settings()
        stored.setValue("main/geometry", self.saveGeometry())
        if self.contacts is not None:
            stored.setValue("main/splitter", self.splitter.saveState())
            stored.setValue("main/header", self.table.horizontalHeader().saveState())
        stored.sync()

    def _dropped_file(self, event: QDragEnterEvent | QDropEvent) -> Path | None:
        """The one local contacts file being dragged onto the window, if it is one."""
        from relbook.exchange.importer import importable

        urls = event.mimeData().urls()
        if len(urls) != 1 or not urls[0].isLocalFile():
            return None
        path = Path(urls[0].toLocalFile())
        return path if importable(path.name) else None

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._dropped_file(event) is not None:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        path = self._dropped_file(event)
        if path is not None and self.book is not None:
            event.acceptProposedAction()
            self.open_import(path)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            QTimer.singleShot(0, self.first_painted.emit)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.persist_layout:
            self.save_layout()
        self._today_timer.stop()  # its refresh would start a job on the stopped runner
        self.runner.shutdown()
        super().closeEvent(event)

    # --- filtering -----------------------------------------------------------------------
    def apply_filter(self) -> None:
        """Load the list for the search box and filters (once the book is attached)."""
        self._search_timer.stop()
        if self.contacts is not None:
            self.model.set_filter(self.contacts.current_filter(self.search.text()))

    def show_today(self) -> None:
        self.views.setCurrentWidget(self.today)
        self.today.refresh()

    def show_contacts(self) -> None:
        self.views.setCurrentIndex(1)

    def show_deals(self) -> None:
        if self.deals is not None:
            self.views.setCurrentWidget(self.deals)

    def focus_search(self) -> None:
        self.show_contacts()
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def _after_load(self, count: int) -> None:
        self.filters.set_count(count)
        QTimer.singleShot(0, gc_policy.freeze_after_start)  # once the first list is shown
        wanted = self._pending_select
        if wanted is None and self._pending_row is None:
            wanted = self.pane.current_id()
        row = self.model.row_of(wanted) if wanted is not None else None
        if row is None and self._pending_row is not None and count:
            row = min(self._pending_row, count - 1)
        if row is None and count:
            row = 0
        self._pending_select = None
        self._pending_row = None
        if row is not None:
            self.select_row(row)
        else:
            self.pane.show_contact(None)
        self._update_actions()

    def _show_load_error(self, message: str) -> None:
        self.statusBar().showMessage(self.tr("Could not read the book: %1").replace("%1", message))

    def select_row(self, row: int) -> None:
        index = self.model.index(row, 0)
        self.table.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.table.scrollTo(index)

    def select_when_loaded(self, contact_id: int) -> None:
        """Select ``contact_id`` once the next list load arrives."""
        self._pending_select = contact_id

    def select_contact(self, contact_id: int) -> None:
        """Show a contact, clearing the filters if they hide it."""
        self.show_contacts()
        if self.contacts is None:
            self._pending_select = contact_id  # the first list load selects it
            return
        row = self.model.row_of(contact_id)
        if row is not None:
            self.select_row(row)
            return
        self._pending_select = contact_id
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self.filters.blockSignals(True)
        self.filters.clear()
        self.filters.blockSignals(False)
        self.apply_filter()

    def _current_changed(self, current: object, _previous: object) -> None:
        row = current.row() if current is not None and current.isValid() else -1  # type: ignore[attr-defined]
        self.pane.show_contact(self.model.contact_id(row))
        self._update_actions()

    def selected_ids(self) -> list[int]:
        if self.contacts is None:
            return []
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        ids = [self.model.contact_id(row) for row in rows]
        return [i for i in ids if i is not None]

    def _update_actions(self) -> None:
        for action in self._book_actions():
            action.setEnabled(self.book is not None)
        has_selection = bool(self.selected_ids())
        self.edit_action.setEnabled(has_selection)
        self.log_action.setEnabled(has_selection)
        self.delete_action.setEnabled(has_selection)
        self.undo_action.setEnabled(bool(self._last_deleted) or self._last_record is not None)
        if self.book is not None and self.book.read_only:
            for action in self._editing_actions():
                action.setEnabled(False)

    def _editing_actions(self) -> tuple[QAction, ...]:
        """The commands that change the book: off for a book opened read-only."""
        return (
            self.new_action,
            self.edit_action,
            self.delete_action,
            self.undo_action,
            self.log_action,
            self.new_deal_action,
            self.import_action,
            self.trash_action,
            self.settings_action,
        )

    def _show_read_only_banner(self) -> None:
        """A bar above the tabs saying the book cannot be changed (export and copy work)."""
        banner = QToolBar(self.tr("Read-only"), self)
        banner.setObjectName("read_only_banner")
        banner.setMovable(False)
        label = QLabel(
            self.tr(
                "Read-only: the book's folder cannot be written, so nothing can be changed. "
                "Looking up, exporting and copying work."
            ),
            banner,
        )
        label.setObjectName("read_only_banner_text")
        label.setStyleSheet("QLabel { background: #fff4c2; color: #5c4400; padding: 4px 8px; }")
        banner.addWidget(label)
        self.addToolBarBreak()
        self.addToolBar(banner)
        self.read_only_banner = banner

    def _book_actions(self) -> tuple[QAction, ...]:
        """The commands that work on the book, off while it opens."""
        return (
            self.new_action,
            self.new_deal_action,
            self.deals_action,
            self.referrals_action,
            self.trash_action,
            self.duplicates_action,
            self.export_action,
            self.activity_action,
            self.pipeline_action,
            self.import_action,
            self.settings_action,
            self.backups_action,
            self.about_action,
        )

    @property
    def _book(self) -> Book:
        """The open book; the commands that use it are off until ``attach_book``."""
        if self.book is None:
            raise RuntimeError("the book is still opening")
        return self.book

    # --- commands ------------------------------------------------------------------------
    def new_contact(self) -> ContactEditor:
        """Open the editor for a new contact (window-modal; the list follows when it saves)."""
        return self._open_editor(None)

    def edit_selected(self) -> None:
        ids = self.selected_ids()
        if ids:
            self.edit_contact(ids[0])

    def edit_contact(self, contact_id: int) -> ContactEditor:
        return self._open_editor(contact_id)

    def _open_editor(self, contact_id: int | None) -> ContactEditor:
        from relbook.ui.contact_editor import ContactEditor

        editor = ContactEditor(self._book, self.events, contact_id, self)
        editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        editor.accepted.connect(lambda: self._editor_saved(editor, contact_id is None))
        self.editor = editor
        editor.open()
        return editor

    def _editor_saved(self, editor: ContactEditor, created: bool) -> None:
        if editor.saved_id is not None:
            self.select_contact(editor.saved_id)
        message = self.tr("Contact added.") if created else self.tr("Contact saved.")
        self.statusBar().showMessage(message, 4000)

    def new_deal(self) -> DealEditor | None:
        """The opportunity editor for a new deal; from the Contacts tab, with the selected
        contacts as its buying centre."""
        if self.deals is None:
            return None
        chosen = self.selected_ids() if self.views.currentWidget() is self.contacts else []
        return self.deals.new_deal(chosen)

    def log_selected(self) -> None:
        """Quick log with every selected contact involved."""
        ids = self.selected_ids()
        if ids:
            self.log_interaction(ids)

    def log_interaction(self, contact_ids: list[int]) -> QuickLogDialog:
        from relbook.ui.quick_log import QuickLogDialog

        dialog = QuickLogDialog(self._book, self.events, contact_ids, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(
            lambda: self.statusBar().showMessage(self.tr("Interaction logged."), 4000)
        )
        self.quick_log = dialog
        dialog.open()
        return dialog

    def open_referral_tree(self) -> ReferralTreeDialog:
        from relbook.ui.referral_tree import ReferralTreeDialog

        dialog = ReferralTreeDialog(self._book, self.events, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open_contact_requested.connect(self.select_contact)
        self.referral_tree = dialog
        dialog.show()
        return dialog

    def delete_selected(self) -> None:
        self.delete_contacts(self.selected_ids())

    def delete_contacts(self, ids: list[int]) -> None:
        """Move to the trash at once (no question asked: Undo and the trash bring them back)."""
        if not ids:
            return
        first_row = min(
            (r for r in (self.model.row_of(i) for i in ids) if r is not None), default=0
        )
        from relbook.ui.operations.contacts import delete_contacts

        def deleted(_changes: BookChanges) -> None:
            self._last_deleted, self._last_record = list(ids), None
            self.statusBar().showMessage(
                self.tr("%1 contacts moved to the trash. Press %2 to undo.")
                .replace("%1", str(len(ids)))
                .replace("%2", self._undo_keys()),
                8000,
            )
            self._update_actions()

        self._pending_select = None
        self._pending_row = first_row
        delete_contacts(self, self._book, self.events, ids, datetime.now()).success(deleted).run()

    def _undo_keys(self) -> str:
        return self.undo_action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)

    def _record_trashed(self, kind: str, ref_id: int) -> None:
        """An interaction or a gift went to the trash (from the pane): Undo brings it back."""
        self._last_deleted, self._last_record = [], (kind, ref_id)
        self.statusBar().showMessage(
            self.tr("Moved to the trash. Press %1 to undo.").replace("%1", self._undo_keys()),
            8000,
        )
        self._update_actions()

    def undo_delete(self) -> None:
        """Bring back what was last moved to the trash: contacts, or an interaction or gift."""
        if self._last_record is not None:
            from relbook.ui.operations.history import restore_records

            record, self._last_record = self._last_record, None
            restore_records(self, self._book, self.events, [record]).success(self._restored).run()
            return
        if not self._last_deleted:
            return
        ids, self._last_deleted = self._last_deleted, []
        from relbook.ui.operations.contacts import restore_contacts

        self._pending_select = ids[0]
        restore_contacts(self, self._book, self.events, ids, datetime.now()).success(
            self._restored
        ).run()

    def _restored(self, _changes: BookChanges) -> None:
        self.statusBar().showMessage(self.tr("Restored from the trash."), 4000)
        self._update_actions()

    def open_import(self, path: Path | None = None) -> ImportDialog | None:
        """Ask for a file (unless given one), then preview it in the import dialog."""
        from relbook.ui.import_dialog import ImportDialog, import_file_filter

        if path is None:
            chosen, _filter = QFileDialog.getOpenFileName(
                self, self.tr("Import from"), str(Path.home()), import_file_filter(self.tr)
            )
            if not chosen:
                return None
            path = Path(chosen)
        dialog = ImportDialog(self._book, self.runner, self.events, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.imported.connect(
            lambda _outcome: self.statusBar().showMessage(dialog.summary.text(), 10000)
        )
        self.import_dialog = dialog
        dialog.open()
        dialog.load(path)
        return dialog

    def _language(self) -> str:
        """The book's language: exports and greetings are worded in it."""
        from relbook.core.settings import get_setting
        from relbook.ui.operations import read_now

        return resolve_language(read_now(self._book, lambda s: get_setting(s, "ui.language")))

    def open_greet(self, festival_code: str, day: date) -> GreetWindow:
        """The Greet window of a festival's day: its recipients, each with their greeting."""
        from relbook.ui.greet_window import GreetWindow

        key = (festival_code, day)
        window = self.greet_windows.get(key)
        if window is None:
            window = GreetWindow(
                self._book,
                self.events,
                self.runner,
                festival_code,
                day,
                self._language(),
                clock=self._clock,
                parent=self,
            )
            window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            window.destroyed.connect(lambda _object=None: self.greet_windows.pop(key, None))
            self.greet_windows[key] = window
        window.show()
        window.raise_()
        window.activateWindow()
        return window

    def open_company_map(self, organization: str) -> CompanyMapWindow:
        """The company map of an organization: its people as an org chart, and the gaps."""
        from relbook.ui.company_map_window import CompanyMapWindow

        window = self.company_maps.get(organization)
        if window is None:
            window = CompanyMapWindow(self._book, self.events, organization, parent=self)
            window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            window.open_contact_requested.connect(self.select_contact)
            window.destroyed.connect(lambda _object=None: self.company_maps.pop(organization, None))
            self.company_maps[organization] = window
        window.show()
        window.raise_()
        window.activateWindow()
        return window

    def open_export(self) -> ExportDialog:
        from relbook.ui.export_dialog import ExportDialog

        dialog = ExportDialog(
            self._book,
            self.runner,
            self.model.ids(),
            self.selected_ids(),
            self._language(),
            self,
            self.events,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(
            lambda: self.statusBar().showMessage(
                self.tr("Exported to %1").replace("%1", str(dialog.done_path)), 8000
            )
        )
        self.export_dialog = dialog
        dialog.open()
        return dialog

    def open_activity_report(self) -> ActivityReportDialog:
        from relbook.ui.report_dialog import ActivityReportDialog

        dialog = ActivityReportDialog(self._book, self.runner, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._report_written(dialog.done_path))
        self.activity_dialog = dialog
        dialog.open()
        return dialog

    def open_pipeline_report(self) -> PipelineReportDialog:
        from relbook.ui.pipeline_report_dialog import PipelineReportDialog

        dialog = PipelineReportDialog(self._book, self.runner, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._report_written(dialog.done_path))
        self.pipeline_dialog = dialog
        dialog.open()
        return dialog

    def _report_written(self, path: object) -> None:
        self.statusBar().showMessage(self.tr("Report saved to %1").replace("%1", str(path)), 8000)

    def open_duplicates(self) -> DuplicatesDialog:
        from relbook.ui.duplicates_dialog import DuplicatesDialog

        dialog = DuplicatesDialog(self._book, self.events, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open_contact_requested.connect(self.select_contact)
        self.duplicates_dialog = dialog
        dialog.show()
        return dialog

    def open_trash(self) -> None:
        from relbook.ui.trash_dialog import TrashDialog

        TrashDialog(self._book, self.events, self.runner, self).exec()

    def open_settings(self) -> None:
        from relbook.ui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self._book, self.events, self)
        accepted = dialog.exec()
        if dialog.book_replaced:
            self.book_replaced.emit()
        elif accepted and dialog.language_changed:
            self.language_change_requested.emit()

    def open_backups(self) -> BackupsDialog:
        from relbook.ui.backups_dialog import BackupsDialog

        dialog = BackupsDialog(self._book, self.runner, self, self.events)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.restored.connect(self.book_replaced.emit)
        self.backups_dialog = dialog
        dialog.open()
        return dialog

    # --- refresh -------------------------------------------------------------------------
    def _book_changed(self, changes: BookChanges) -> None:
        """Refresh what the change touches: the tag choices when a tag was first used; the
        list reads its ids again only when rows can come, go or move, else repaints the
        changed contacts' rows (the pane follows its own contact); Today a moment later."""
        self._today_timer.start()
        if self.contacts is None:
            return
        if changes.tags:
            self.filters.reload_tags()
        self.model.follow(changes)
