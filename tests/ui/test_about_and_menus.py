"""The menu bar offers every action grouped; About names the version and the folders."""

from PySide6.QtWidgets import QApplication

from relbook import __version__


def test_menus_hold_the_toolbar_actions_and_quit(window):
    titles = [action.text() for action in window.menuBar().actions()]
    assert titles == ["&Book", "&Contacts", "&Opportunities", "&Help"]
    book_menu = window.menuBar().actions()[0].menu()
    assert window.import_action in book_menu.actions()
    assert window.backups_action in book_menu.actions()
    assert window.quit_action in book_menu.actions()
    deals_menu = window.menuBar().actions()[2].menu()
    assert window.new_deal_action in deals_menu.actions()


def test_quit_ends_the_app_even_with_close_to_tray(controller, window, monkeypatch):
    quits: list[bool] = []
    monkeypatch.setattr(QApplication, "quit", staticmethod(lambda: quits.append(True)))
    window.show()
    window.quit_action.trigger()
    assert quits == [True]
    assert not window.isVisible()


def test_about_shows_the_version_and_the_folders(window, book, monkeypatch):
    dialog = window.open_about()
    from PySide6.QtWidgets import QLabel

    texts = [label.text() for label in dialog.findChildren(QLabel)]
    assert any(__version__ in text for text in texts)
    assert str(book.data_dir) in texts
    assert str(book.data_dir / "logs") in texts
    opened: list[str] = []
    monkeypatch.setattr(
        "relbook.ui.about_dialog.QDesktopServices.openUrl",
        staticmethod(lambda url: opened.append(url.toLocalFile()) or True),
    )
    assert dialog.open_folder(book.data_dir)
    assert opened == [str(book.data_dir)]
