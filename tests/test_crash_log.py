"""Unexpected errors are logged with their stack and SQL, never with the values users typed."""

import sqlite3
import sys
import threading

from sqlalchemy import create_engine, text
from sqlalchemy.exc import IntegrityError

from relbook import crash_log


def _integrity_error() -> IntegrityError:
    engine = create_engine("sqlite://")
    with engine.connect() as connection:
        connection.execute(text("CREATE TABLE contact (name TEXT UNIQUE, phone TEXT)"))
        insert = text("INSERT INTO contact (name, phone) VALUES (:n, :p)")
        connection.execute(insert, {"n": "张三", "p": ""})
        try:
            connection.execute(insert, {"n": "张三", "p": "13800000001"})
        except IntegrityError as problem:
            return problem
    raise AssertionError("no error")


def test_the_log_keeps_classes_statements_and_frames_but_no_values(tmp_path):
    target = crash_log.start_logging(tmp_path)
    problem = _integrity_error()
    crash_log.log_error(problem, problem.__traceback__)
    logged = target.read_text(encoding="utf-8")
    assert "sqlalchemy.exc.IntegrityError" in logged
    assert "statement: INSERT INTO contact (name, phone) VALUES (?, ?)" in logged
    assert "test_crash_log.py" in logged
    assert "张三" not in logged and "13800000001" not in logged
    assert sqlite3.IntegrityError.__name__ in logged


def test_uncaught_errors_are_logged_and_shown(tmp_path, monkeypatch):
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    shown = []
    target = crash_log.start_logging(tmp_path)
    crash_log.install_hooks(tmp_path, shown.append)
    try:
        raise ValueError("客户 王五 的电话 13900000002")
    except ValueError as problem:
        sys.excepthook(ValueError, problem, problem.__traceback__)
    worker = threading.Thread(target=lambda: 1 / 0, name="relbook-job-1")
    worker.start()
    worker.join()
    logged = target.read_text(encoding="utf-8")
    assert shown == [target]
    assert "builtins.ValueError" in logged and "王五" not in logged
    assert "builtins.ZeroDivisionError" in logged and "relbook-job-1" in logged
