"""Open a book: find its file, upgrade its schema (after a backup), hand out sessions."""

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import Engine, event
from sqlalchemy.orm import Session, sessionmaker

from relbook.core.search import sql_functions
from relbook.db import location, migrate
from relbook.db.engine import make_engine, make_session_factory


@dataclass
class Book:
    """An open book file. ``session()`` is the unit of work every caller uses."""

    data_dir: Path
    db_path: Path
    engine: Engine
    sessions: sessionmaker[Session]
    backup_made: Path | None = None

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A session committed on success and rolled back on any error."""
        session = self.sessions()
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    def close(self) -> None:
        self.engine.dispose()


def _install_functions(engine: Engine) -> None:
    def register(dbapi_connection: object, _record: object) -> None:
        for name, (arity, function) in sql_functions().items():
            dbapi_connection.create_function(  # type: ignore[attr-defined]
                name, arity, function, deterministic=True
            )

    event.listen(engine, "connect", register)


def open_book(data_dir: str | Path | None = None, now: datetime | None = None) -> Book:
    """Open (creating or upgrading as needed) the book in ``data_dir`` or the default place."""
    resolved = location.resolve_data_dir(data_dir)
    db_path = location.database_path(resolved)
    engine = make_engine(db_path)
    _install_functions(engine)
    backup = migrate.upgrade(engine, db_path, location.backup_dir(resolved), now or datetime.now())
    return Book(resolved, db_path, engine, make_session_factory(engine), backup)
