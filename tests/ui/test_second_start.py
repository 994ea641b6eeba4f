"""A second start on a book that is open brings its window forward instead of a second writer."""

from PySide6.QtWidgets import QMessageBox

from relbook import app as app_module
from relbook.db.writer_lock import WriterLock
from relbook.ui.crash_dialog import UnexpectedErrorNotice
from relbook.ui.single_instance import InstanceServer


def test_a_second_start_activates_the_running_window(qtbot, tmp_path):
    with WriterLock(tmp_path):
        server = InstanceServer(tmp_path)
        assert server.listen()
        try:
            with qtbot.waitSignal(server.activate_requested, timeout=5000):
                assert app_module.run_gui(str(tmp_path)) == 0
        finally:
            server.close()


def test_a_book_busy_with_a_command_is_explained(qtbot, tmp_path, monkeypatch, english):
    told: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "critical", staticmethod(lambda _parent, _title, text: told.append(text))
    )
    with WriterLock(tmp_path):
        assert app_module.run_gui(str(tmp_path)) == 1
    assert told and "already working on the book" in told[0]


def test_the_window_comes_to_the_front_when_asked(controller, window):
    window.showMinimized()
    controller.bring_to_front()
    assert window.isVisible() and not window.isMinimized()


def test_an_unexpected_error_names_the_log_once_at_a_time(qapp, tmp_path, monkeypatch, english):
    told: list[str] = []
    notice = UnexpectedErrorNotice()

    def critical(_parent, _title, text):
        told.append(text)
        notice(tmp_path / "again.log")  # a second error while the first message is open

    monkeypatch.setattr(QMessageBox, "critical", staticmethod(critical))
    notice(tmp_path / "relbook.log")
    assert len(told) == 1 and str(tmp_path / "relbook.log") in told[0]
    assert notice.shown == 1
