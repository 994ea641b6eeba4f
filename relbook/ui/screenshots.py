"""Render every main screen offscreen to PNG files, with whatever the book holds."""

import os
from pathlib import Path

from relbook.book import Book
from relbook.core.pinyin import initials


def render_screenshots(book: Book, outdir: Path) -> list[Path]:
    """Write one PNG per screen into ``outdir``; returns the files written."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from relbook.app import AppController

    app = QApplication.instance() or QApplication(["relbook"])
    outdir.mkdir(parents=True, exist_ok=True)
    controller = AppController(book)
    window = controller.start()
    window.persist_layout = False
    window.resize(1400, 860)
    window.model.reload_now()
    if window.model.rowCount():
        window.select_row(min(2, window.model.rowCount() - 1))
    app.processEvents()
    written: list[Path] = []

    def save(widget: object, name: str) -> None:
        app.processEvents()
        target = outdir / f"{name}.png"
        widget.grab().save(str(target))  # type: ignore[attr-defined]
        written.append(target)

    save(window, "01-contacts")

    from relbook.ui.contact_editor import ContactEditor
    from relbook.ui.settings_dialog import SettingsDialog
    from relbook.ui.trash_dialog import TrashDialog

    editor = ContactEditor(book, window.events, window.pane.current_id(), window)
    editor.resize(1000, 720)
    editor.show()
    for index in range(editor.tabs.count()):
        editor.tabs.setCurrentIndex(index)
        save(editor, f"02-editor-{index + 1}")
    editor.close()

    shown = window.model.row_record(window.table.currentIndex().row())
    window.search.setText(initials(shown.name) if shown else "zs")
    window.apply_filter()
    window.runner.wait_all()
    app.processEvents()
    save(window, "03-search-pinyin")

    trash = TrashDialog(book, window.events, window.runner, window)
    trash.show()
    save(trash, "04-trash")
    trash.close()

    settings = SettingsDialog(book, window.events, window)
    settings.show()
    save(settings, "05-settings")
    settings.close()
    window.close()
    return written
