"""GUI fixtures: a main window over a fresh book, with English or Chinese installed."""

from collections.abc import Iterator

import pytest

from relbook.app import AppController
from relbook.core.settings import set_setting
from relbook.words.i18n import install_language


@pytest.fixture
def english(qapp) -> Iterator[None]:
    install_language("en")
    yield
    install_language("en")


@pytest.fixture
def controller(qtbot, book, english) -> Iterator[AppController]:
    with book.session() as session:
        set_setting(session, "ui.language", "en")
    app_controller = AppController(book)
    window = app_controller.start()
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.runner.running() == 0)
    yield app_controller
    if app_controller.window is not None:
        app_controller.window.runner.wait_all()
        app_controller.window.close()


@pytest.fixture
def window(controller):
    return controller.window
