"""Bring a book file to the newest schema with alembic, copying it aside first."""

import sqlite3
from datetime import datetime
from importlib import resources
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine


def alembic_config() -> Config:
    """An alembic config pointing at the packaged ``migrations`` directory."""
    location = resources.files("relbook.migrations")
    config = Config()
    config.set_main_option("script_location", str(location))
    return config


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def backup_copy(db_path: Path, target_dir: Path, reason: str, now: datetime) -> Path:
    """A consistent copy of the book via SQLite's online backup API."""
    target_dir.mkdir(parents=True, exist_ok=True)
    target = target_dir / f"relbook-{now:%Y%m%d-%H%M%S}-{reason}.sqlite"
    counter = 1
    while target.exists():
        target = target_dir / f"relbook-{now:%Y%m%d-%H%M%S}-{reason}-{counter}.sqlite"
        counter += 1
    source = sqlite3.connect(db_path)
    try:
        destination = sqlite3.connect(target)
        try:
            source.backup(destination)
        finally:
            destination.close()
    finally:
        source.close()
    return target


def _holds_data(engine: Engine) -> bool:
    with engine.connect() as connection:
        count = connection.exec_driver_sql(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table'"
        ).scalar()
    return bool(count)


def upgrade(engine: Engine, db_path: Path, backup_to: Path, now: datetime) -> Path | None:
    """Apply pending revisions; returns the backup made first, if the file held anything."""
    current = current_revision(engine)
    if current == head_revision():
        return None
    backup: Path | None = None
    if current is not None or _holds_data(engine):
        backup = backup_copy(db_path, backup_to, f"before-{head_revision()}", now)
    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
    return backup
