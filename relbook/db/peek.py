"""Read one setting of a book without opening it: plain sqlite3, read-only, nothing written.

For what is needed before the book is opened: the window's language at start, and the backup
folder of a book that failed its check. Light to import (no database layer).
"""

import json
import sqlite3
from pathlib import Path

from relbook.db.location import read_only_uri

PEEK_TIMEOUT_S = 5.0


def stored_setting(db_path: Path, key: str) -> object | None:
    """The stored value of setting ``key``, or None when it is unset or cannot be read
    (no book yet, a damaged or busy file, a value that is not JSON)."""
    if not db_path.is_file():
        return None
    try:
        connection = sqlite3.connect(read_only_uri(db_path), uri=True, timeout=PEEK_TIMEOUT_S)
        try:
            row = connection.execute("SELECT value FROM setting WHERE key = ?", (key,)).fetchone()
        finally:
            connection.close()
        return json.loads(row[0]) if row else None
    except (sqlite3.Error, ValueError, TypeError):
        return None
