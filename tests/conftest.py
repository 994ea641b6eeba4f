"""Shared fixtures: a temporary data dir holding a fresh book, and a fixed clock."""

import os
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from relbook.db.book import Book, open_book  # noqa: E402

NOW = datetime(2026, 11, 23, 10, 0, 0)


@pytest.fixture
def now() -> datetime:
    return NOW


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    target = tmp_path / "book"
    target.mkdir()
    return target


@pytest.fixture
def book(data_dir: Path) -> Iterator[Book]:
    opened = open_book(data_dir, now=NOW)
    yield opened
    opened.close()


@pytest.fixture(scope="session", autouse=True)
def _one_qapplication(qapp):
    """Create the QApplication first, so no test leaves a bare QCoreApplication behind."""
    return qapp
