"""Database size per 1,000 contacts with their history (reported, no target)."""

import sqlite3

from bench.context import Context
from bench.figures import Figure


def measure(context: Context) -> list[Figure]:
    connection = sqlite3.connect(f"{context.db_path.as_uri()}?mode=ro", uri=True)
    try:
        pages = connection.execute("PRAGMA page_count").fetchone()[0]
        page_size = connection.execute("PRAGMA page_size").fetchone()[0]
        counts = {
            table: connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in ("contact", "interaction", "gift", "special_date", "family_member")
        }
    finally:
        connection.close()
    size_mb = pages * page_size / 1_000_000
    per_thousand = size_mb / max(counts["contact"], 1) * 1000
    rows = ", ".join(f"{n:,} {t}" for t, n in counts.items())
    return [
        Figure("database size per 1,000 contacts", per_thousand, "MB", notes=rows),
        Figure("database size, whole book", size_mb, "MB", notes=rows),
    ]
