"""A second start on the same book asks the running window to come to the front."""

import subprocess
import sys
import textwrap

from relbook.ui.single_instance import InstanceServer, ask_running_window, server_name


def test_names_differ_per_data_folder(tmp_path):
    assert server_name(tmp_path / "a") != server_name(tmp_path / "b")
    assert server_name(tmp_path / "a") == server_name(tmp_path / "a")


def test_a_second_start_reaches_the_running_window(qtbot, tmp_path):
    server = InstanceServer(tmp_path)
    assert server.listen()
    try:
        asker = subprocess.Popen(
            [
                sys.executable,
                "-c",
                textwrap.dedent(
                    f"""
                    from pathlib import Path
                    from PySide6.QtCore import QCoreApplication
                    from relbook.ui.single_instance import ask_running_window
                    app = QCoreApplication([])
                    print(ask_running_window(Path({str(tmp_path)!r})))
                    """
                ),
            ],
            stdout=subprocess.PIPE,
            text=True,
        )
        with qtbot.waitSignal(server.activate_requested, timeout=10000):
            pass
        out, _ = asker.communicate(timeout=10)
        assert out.strip() == "True"
    finally:
        server.close()


def test_no_running_window_answers_false(qapp, tmp_path):
    assert ask_running_window(tmp_path / "nobody") is False
