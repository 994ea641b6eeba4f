"""Bring a book file to the newest schema with alembic, copying it aside first.

alembic takes a quarter of a second to import, so a book already at ``HEAD`` (every start but
the first after an update) is recognised without it.
"""

from __future__ import annotations

from datetime import datetime
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine

from relbook.crash_log import log_error
from relbook.db import backups
from relbook.db.errors import MigrationFailed, StorageError

if TYPE_CHECKING:
    from alembic.config import Config

HEAD = "0012"
"""The newest revision in migrations/versions; tests/db/test_migrations.py checks it is alembic's
head, so a new revision must move it."""


def alembic_config() -> Config:
    """An alembic config pointing at the packaged ``migrations`` directory."""
    from alembic.config import Config

    location = resources.files("relbook.migrations")
    config = Config()
    config.set_main_option("script_location", str(location))
    return config


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def _at_head(engine: Engine) -> bool:
    """Whether the book records exactly ``HEAD``, read with plain SQL (no alembic)."""
    with engine.connect() as connection:
        if not connection.exec_driver_sql(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'"
        ).first():
            return False
        rows = connection.exec_driver_sql("SELECT version_num FROM alembic_version").all()
    return [tuple(row) for row in rows] == [(HEAD,)]


def _holds_data(engine: Engine) -> bool:
    with engine.connect() as connection:
        count = connection.exec_driver_sql(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table'"
        ).scalar()
    return bool(count)


def upgrade(engine: Engine, db_path: Path, backup_to: Path, now: datetime) -> Path | None:
    """Apply pending revisions; returns the backup made first, if the file held anything."""
    if _at_head(engine):
        return None
    current = current_revision(engine)
    if current == head_revision():
        return None
    backup: Path | None = None
    if current is not None or _holds_data(engine):
        backup = backups.backup_file(db_path, backup_to, "before-migration", now)
    try:
        apply_revisions(engine)
    except StorageError:
        raise  # disk full, locked, read-only: that message says what to do
    except Exception as error:  # rolled back: the book is exactly as it was
        log_error(error, error.__traceback__, where=f"upgrade from {current}")
        raise MigrationFailed(
            str(db_path), current, head_revision(), str(backup) if backup else None
        ) from error
    return backup


def apply_revisions(engine: Engine, target: str = "head") -> None:
    """Run the revisions up to ``target`` in one transaction, foreign keys off meanwhile.

    Off, a batch migration that copies and drops a table does not cascade the drop into its
    children; the references are checked before the commit instead.
    """
    from alembic import command

    config = alembic_config()
    with engine.connect() as connection:
        driver = connection.connection.dbapi_connection
        assert driver is not None
        # SQLite ignores this pragma inside a transaction, so it is sent before BEGIN.
        driver.execute("PRAGMA foreign_keys=OFF")
        try:
            with connection.begin():
                config.attributes["connection"] = connection
                command.upgrade(config, target)
                _require_intact_references(connection)
        finally:
            driver.execute("PRAGMA foreign_keys=ON")


def _require_intact_references(connection: Connection) -> None:
    """Fail (and so roll the migration back) if it left a row pointing at a missing one."""
    broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
    if broken:
        raise RuntimeError(f"the migration broke {len(broken)} references, first: {broken[0]}")


def require_current(engine: Engine, db_path: Path) -> None:
    """A book opened read-only cannot be upgraded: it must be at the newest revision."""
    if _at_head(engine):
        return
    if current_revision(engine) != head_revision():
        raise StorageError("read_only", str(db_path), "the book needs an upgrade")
