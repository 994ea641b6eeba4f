"""The Find duplicates window: scan in the background, compare, merge, dismiss, skip; a merge
is undone from the trash."""

from relbook.core.contact_input import ContactInput, PhoneInput
from relbook.core.contacts import create_contact, get_contact
from relbook.core.duplicates import find_duplicates
from relbook.core.errors import NotFoundError
from relbook.ui.duplicates_dialog import DuplicatesDialog


def _people(book, now) -> dict[str, int]:
    with book.session() as session:
        return {
            name: create_contact(
                session,
                ContactInput(name, phones=[PhoneInput(phone)] if phone else [], email=email),
                now,
            ).id
            for name, phone, email in (
                ("张伟", "13800138000", "zw@example.com"),
                ("章伟", "+86 138-0013-8000", ""),
                ("李娜", "", "lina@example.com"),
                ("李娜娜", "", "LINA@example.com"),
                ("王芳", "", ""),
                ("汪芳", "", ""),
            )
        }


def _open(qtbot, window) -> DuplicatesDialog:
    dialog = window.open_duplicates()
    qtbot.waitUntil(lambda: window.runner.running() == 0)
    qtbot.waitUntil(lambda: dialog.compare.topLevelItemCount() > 0)
    return dialog


def test_the_window_lists_each_pair_with_its_reason_and_compares_it(qtbot, book, now, window):
    ids = _people(book, now)
    dialog = _open(qtbot, window)
    rows = [
        tuple(dialog.model.index(r, c).data() for c in range(4))
        for r in range(dialog.model.rowCount())
    ]
    assert rows == [
        ("张伟", "章伟", "same mobile, name reads the same, one character differs", "likely"),
        ("李娜", "李娜娜", "same email", "likely"),
        ("王芳", "汪芳", "name reads the same, one character differs", "possible"),
    ]
    assert "2 likely and 1 possible" in dialog.status.text()
    compared = {
        dialog.compare.topLevelItem(i).text(0): (
            dialog.compare.topLevelItem(i).text(1),
            dialog.compare.topLevelItem(i).text(2),
        )
        for i in range(dialog.compare.topLevelItemCount())
    }
    assert compared["Name"] == ("张伟", "章伟")
    assert compared["Phones"] == ("13800138000", "+86 138-0013-8000")
    assert compared["Interactions"] == ("0", "0")
    assert dialog.keep_first.isChecked() and f"#{ids['张伟']}" in dialog.keep_first.text()


def test_merge_keeps_the_chosen_one_and_the_trash_undoes_it(qtbot, book, now, window):
    ids = _people(book, now)
    dialog = _open(qtbot, window)
    dialog.keep_second.setChecked(True)  # keep 章伟, merge 张伟 into it
    dialog.merge_current()
    qtbot.waitUntil(lambda: window.runner.running() == 0)
    assert dialog.model.rowCount() == 2
    assert "张伟 was merged into 章伟" in dialog.status.text()
    with book.session() as session:
        kept = get_contact(session, ids["章伟"])
        assert kept.email == "zw@example.com"
        try:
            get_contact(session, ids["张伟"])
            raise AssertionError("the merged contact should be in the trash")
        except NotFoundError:
            pass
    from relbook.ui.trash_dialog import TrashDialog

    trash = TrashDialog(book, window.events, window.runner, window)
    qtbot.addWidget(trash)
    assert trash.model.rowCount() == 1
    trash.table.selectRow(0)
    trash.restore_button.click()
    qtbot.waitUntil(lambda: window.runner.running() == 0)
    with book.session() as session:
        assert get_contact(session, ids["章伟"]).email == ""
        assert get_contact(session, ids["张伟"]).email == "zw@example.com"
        assert len(find_duplicates(session) or []) == 3


def test_not_duplicates_is_remembered_and_skip_moves_on(qtbot, book, now, window):
    _people(book, now)
    dialog = _open(qtbot, window)
    dialog.skip()
    assert dialog.table.currentIndex().row() == 1
    dialog.dismiss_current()  # 李娜 / 李娜娜 are two people
    qtbot.waitUntil(lambda: window.runner.running() == 0)
    assert [dialog.model.index(r, 0).data() for r in range(dialog.model.rowCount())] == [
        "张伟",
        "王芳",
    ]
    dialog.close()
    again = _open(qtbot, window)
    assert again.model.rowCount() == 2


def test_the_scan_can_be_cancelled(qtbot, book, now, window):
    _people(book, now)
    dialog = window.open_duplicates()
    dialog.cancel_button.click()
    qtbot.waitUntil(lambda: window.runner.running() == 0)
    qtbot.waitUntil(lambda: dialog.rescan_button.isEnabled())
    assert dialog.model.rowCount() in (0, 3)  # a cancel after the scan finished changes nothing


def test_the_contacts_menu_has_find_duplicates(window):
    menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Contacts")
    assert window.duplicates_action in menu.actions()


def test_possible_pairs_can_be_hidden(qtbot, book, now, window):
    _people(book, now)
    dialog = _open(qtbot, window)
    dialog.show_weak.setChecked(False)
    assert [dialog.model.index(r, 3).data() for r in range(dialog.model.rowCount())] == [
        "likely",
        "likely",
    ]
    assert "2 likely and 1 possible" in dialog.status.text()
    dialog.show_weak.setChecked(True)
    assert dialog.model.rowCount() == 3
