"""Guards against Qt binding releases that corrupt Python's reference counts."""

import sys

from PySide6.QtWidgets import QLabel


def test_void_qt_calls_do_not_drop_references_to_none(qtbot):
    label = QLabel()
    qtbot.addWidget(label)
    before = sys.getrefcount(None)
    for _ in range(3000):
        label.setText("x")
    # a healthy binding leaves None's count where it was; PySide6 6.12.0 lost one per call
    assert sys.getrefcount(None) - before > -100
