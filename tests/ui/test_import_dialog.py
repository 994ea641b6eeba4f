"""Importing from the window: preview, per-record choices, column mapping, cancel, archives."""

import threading
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox

from relbook.core.contact_input import ContactInput, PhoneInput
from relbook.core.contacts import count_contacts, create_contact
from relbook.core.models import Contact
from relbook.exchange import importer
from relbook.exchange.archive import write_archive
from relbook.ui.import_preview_model import ACTION, FOUND, NAME

NOW = datetime(2026, 11, 23, 10, 0)

VCARDS = """BEGIN:VCARD
VERSION:3.0
FN:张三
TEL;TYPE=CELL:138 0000 0001
END:VCARD
BEGIN:VCARD
VERSION:3.0
FN:李四
ORG:恒达科技
TEL;TYPE=CELL:13900000002
END:VCARD
BEGIN:VCARD
VERSION:3.0
NOTE:a card that names no one (no FN, N, ORG, EMAIL or TEL)
END:VCARD
"""


def _names(book) -> list[str]:
    with book.session() as session:
        return sorted(
            c.name for c in session.query(Contact).filter(Contact.deleted_at.is_(None)).all()
        )


def _with_zhang(book) -> None:
    with book.session() as session:
        create_contact(session, ContactInput("张三", phones=[PhoneInput("13800000001")]), NOW)


def _open(qtbot, window, path: Path):
    dialog = window.open_import(path)
    qtbot.waitUntil(lambda: dialog.loaded is not None or bool(dialog.error.text()), timeout=10000)
    return dialog


def _import(qtbot, dialog) -> None:
    dialog.import_button.click()
    qtbot.waitUntil(lambda: dialog.outcome is not None or bool(dialog.error.text()), timeout=10000)


def test_vcard_preview_shows_new_duplicates_and_unreadable_cards(qtbot, book, window, tmp_path):
    _with_zhang(book)
    path = tmp_path / "phone.vcf"
    path.write_text(VCARDS, encoding="utf-8")
    dialog = _open(qtbot, window, path)

    assert dialog.model.rowCount() == 2
    first = dialog.model.index(0, FOUND).data()
    assert dialog.model.index(0, NAME).data() == "张三"
    assert "张三" in first and "same phone" in first
    assert dialog.model.index(1, FOUND).data() == "New"
    assert dialog.problems.count() == 1
    assert dialog.problems.item(0).text().startswith("Card 3")
    assert "1 new, 1 likely duplicates, 1 cannot be imported" in dialog.summary.text()
    assert "add 1, merge 1 and skip 0" in dialog.summary.text()

    dialog.view.setCurrentIndex(dialog.view.findData("duplicates"))
    assert dialog.model.rowCount() == 1
    dialog.duplicates.setCurrentIndex(dialog.duplicates.findData("skip"))
    dialog.duplicates.activated.emit(dialog.duplicates.currentIndex())
    assert dialog.model.index(0, ACTION).data() == "Skip"
    assert "add 1, merge 0 and skip 1" in dialog.summary.text()

    _import(qtbot, dialog)
    assert dialog.outcome is not None
    assert "Created 1, merged 0, skipped 1." in dialog.summary.text()
    assert _names(book) == ["张三", "李四"]
    assert not dialog.import_button.isVisible()
    qtbot.waitUntil(lambda: window.model.rowCount() == 2, timeout=5000)


def test_one_duplicate_can_be_added_as_new_from_its_row(qtbot, book, window, tmp_path):
    _with_zhang(book)
    path = tmp_path / "phone.vcf"
    path.write_text(VCARDS, encoding="utf-8")
    dialog = _open(qtbot, window, path)
    dialog.show()

    cell = dialog.model.index(0, ACTION)
    dialog.table.setCurrentIndex(cell)
    dialog.table.edit(cell)
    combo = dialog.table.findChild(QComboBox)
    assert combo is not None
    assert [combo.itemData(i) for i in range(combo.count())] == ["merge", "skip", "add"]
    combo.setCurrentIndex(combo.findData("add"))
    combo.activated.emit(combo.currentIndex())
    assert dialog.model.actions[1] == "add"

    _import(qtbot, dialog)
    assert _names(book) == ["张三", "张三", "李四"]


def test_a_sheet_with_unknown_headers_is_mapped_in_the_columns_dialog(
    qtbot, book, window, tmp_path
):
    path = tmp_path / "客户.csv"
    path.write_bytes("甲列,乙列,丙列\n王五,13600000004,恒达科技\n赵六,13500000005,\n".encode("gbk"))
    dialog = _open(qtbot, window, path)
    assert dialog.columns_button.isVisible()
    assert dialog.model.rowCount() == 0 or "王五" not in dialog.model.index(0, NAME).data()

    mapping = dialog.edit_columns()
    assert mapping is not None
    assert mapping.grid.item(0, 1).text() == "王五 · 赵六"
    mapping.set_field(0, "")
    mapping.set_field(2, "")
    assert not mapping.ok_button.isEnabled()
    assert "name" in mapping.error.text()
    mapping.set_field(0, "name")
    mapping.set_field(1, "phone")
    mapping.set_field(2, "company")
    assert mapping.ok_button.isEnabled()
    mapping.ok_button.click()
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 2 and not dialog._busy, timeout=10000)
    assert dialog.model.index(0, NAME).data() == "王五"

    _import(qtbot, dialog)
    assert _names(book) == ["王五", "赵六"]
    with book.session() as session:
        wang = session.query(Contact).filter_by(name="王五").one()
        assert wang.organization.name == "恒达科技"
        assert wang.phones[0].number == "13600000004"


def test_cancelling_while_writing_leaves_the_book_unchanged(
    qtbot, book, window, tmp_path, monkeypatch
):
    path = tmp_path / "phone.vcf"
    path.write_text(VCARDS, encoding="utf-8")
    dialog = _open(qtbot, window, path)
    gate = threading.Event()

    def slow_backup(*_args, **_kwargs):
        gate.wait(5)
        return None

    monkeypatch.setattr(importer, "backup_before_import", slow_backup)
    dialog.import_button.click()
    assert dialog.progress is not None
    dialog.progress.canceled.emit()
    gate.set()
    qtbot.waitUntil(lambda: not dialog._busy, timeout=10000)
    assert "cancelled; nothing was written" in dialog.error.text()
    assert dialog.outcome is None
    assert _names(book) == []
    assert dialog.import_button.isEnabled()


def test_a_broken_file_says_what_is_wrong(qtbot, window, tmp_path):
    path = tmp_path / "empty.csv"
    path.write_bytes(b"")
    dialog = _open(qtbot, window, path)
    assert "empty.csv" in dialog.error.text()
    assert not dialog.import_button.isEnabled()


def test_an_archive_is_copied_into_the_empty_book(qtbot, book, window, tmp_path, data_dir):
    from relbook.db.book import open_book

    other = open_book(tmp_path / "other", now=NOW)
    try:
        with other.session() as session:
            create_contact(session, ContactInput("周七", company="远航保险"), NOW)
            archive = write_archive(session, NOW)
    finally:
        other.close()
    path = tmp_path / "handover.json"
    path.write_bytes(archive)
    dialog = _open(qtbot, window, path)
    assert "copy" in dialog.summary.text()
    assert not dialog.tabs.isVisible()
    _import(qtbot, dialog)
    assert dialog.outcome is not None
    with book.session() as session:
        assert count_contacts(session) == 1
    assert _names(book) == ["周七"]
    assert dialog.buttons.button(dialog.buttons.StandardButton.Cancel).text() == "Close"


def test_dropping_a_vcard_file_on_the_window_opens_its_preview(qtbot, window, tmp_path):
    from PySide6.QtCore import QMimeData, QPointF, QUrl
    from PySide6.QtGui import QDropEvent

    path = tmp_path / "phone.vcf"
    path.write_text(VCARDS, encoding="utf-8")
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(path))])
    event = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        data,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.dropEvent(event)
    dialog = window.import_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.loaded is not None, timeout=10000)
    assert dialog.model.rowCount() == 2

    other = QMimeData()
    other.setUrls([QUrl.fromLocalFile(str(tmp_path / "photo.jpg"))])
    assert (
        window._dropped_file(
            QDropEvent(
                QPointF(1, 1),
                Qt.DropAction.CopyAction,
                other,
                Qt.MouseButton.LeftButton,
                Qt.KeyboardModifier.NoModifier,
            )
        )
        is None
    )


OFFICE_CARDS = VCARDS.replace(
    "ORG:恒达科技\nTEL;TYPE=CELL:13900000002", "TEL;TYPE=WORK:010-6555 0002"
)


def test_someone_elses_landline_is_shown_and_added_as_new(qtbot, book, window, tmp_path):
    with book.session() as session:  # 李四's card carries 王五's office number
        create_contact(session, ContactInput("王五", phones=[PhoneInput("01065550002")]), NOW)
    path = tmp_path / "phone.vcf"
    path.write_text(OFFICE_CARDS, encoding="utf-8")
    dialog = _open(qtbot, window, path)
    dialog.show()

    assert dialog.model.index(1, NAME).data() == "李四"
    assert dialog.model.index(1, FOUND).data() == (
        "王五 in the book has the same landline under another name: added as new"
    )
    assert dialog.model.index(1, ACTION).data() == "Add as a new contact"
    assert "2 new, 0 likely duplicates" in dialog.summary.text()
    assert "1 of the new have the landline of someone of another name" in dialog.summary.text()
    cell = dialog.model.index(1, ACTION)
    dialog.table.setCurrentIndex(cell)
    dialog.table.edit(cell)
    combo = dialog.table.findChild(QComboBox)
    assert combo is not None
    assert [combo.itemData(i) for i in range(combo.count())] == ["add", "merge", "skip"]

    _import(qtbot, dialog)
    assert _names(book) == ["张三", "李四", "王五"]


WARNED_CARDS = """BEGIN:VCARD
VERSION:3.0
PROFILE:VCARD
FN:吴海涛
TEL;TYPE=CELL:13722223333
TEL;TYPE=WORK:7yy-zzz-xxx
EMAIL:wuht@invalid
END:VCARD
BEGIN:VCARD
VERSION:2.1
N:;;;;
ORG:恒通物流
END:VCARD
"""


def test_values_that_cannot_be_used_are_warned_about_and_kept(qtbot, book, window, tmp_path):
    path = tmp_path / "notes.vcf"
    path.write_text(WARNED_CARDS, encoding="utf-8")
    dialog = _open(qtbot, window, path)
    dialog.show()
    assert dialog.model.rowCount() == 2 and dialog.problems.count() == 0
    assert "2 have values that cannot be used" in dialog.summary.text()
    assert dialog.model.index(1, NAME).data() == "恒通物流"
    dialog.table.setCurrentIndex(dialog.model.index(0, NAME))
    assert dialog.details.text().split("\n") == [
        "Card 1 吴海涛:",
        'Line 6: TEL;TYPE=WORK "7yy-zzz-xxx" not recognised; kept in the note.',
        'Line 7: EMAIL "wuht@invalid" not recognised; kept in the note.',
    ]
    _import(qtbot, dialog)
    assert "With warnings: 2" in dialog.summary.text()
    assert dialog.view.currentData() == "notes"
    assert _names(book) == ["吴海涛", "恒通物流"]
    with book.session() as session:
        wu = session.query(Contact).filter_by(name="吴海涛").one()
        assert "导入时未能识别：TEL;TYPE=WORK: 7yy-zzz-xxx" in wu.notes


def test_columns_not_imported_are_named(qtbot, book, window, tmp_path):
    path = tmp_path / "thunderbird.csv"
    path.write_text(
        "First Name,Last Name,Display Name,Nickname,Primary Email,Custom 1,Notes,\r\n"
        "Anna,Schmidt,Anna Schmidt,Annie,anna@example.de,,,\r\n",
        encoding="utf-8",
    )
    dialog = _open(qtbot, window, path)
    assert "Not imported: Nickname (and 1 empty columns)." in dialog.summary.text()
    assert dialog.model.rowCount() == 1
