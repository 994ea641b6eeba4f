"""Where the book lives: ``--data-dir``, else ``RELBOOK_HOME``, else the platform's data dir."""

import os
from pathlib import Path

from platformdirs import user_data_dir

DB_FILENAME = "relbook.sqlite"
BACKUP_DIRNAME = "backups"


def resolve_data_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    """The data directory to use, created if missing."""
    if explicit:
        chosen = Path(explicit)
    elif os.environ.get("RELBOOK_HOME"):
        chosen = Path(os.environ["RELBOOK_HOME"])
    else:
        chosen = Path(user_data_dir("relbook", appauthor=False))
    chosen = chosen.expanduser().resolve()
    chosen.mkdir(parents=True, exist_ok=True)
    return chosen


def read_only_uri(db_path: Path, immutable: bool = False) -> str:
    """A ``file:`` URI opening ``db_path`` read-only (percent-encoded, so any name works)."""
    uri = db_path.absolute().as_uri() + "?mode=ro"
    return uri + "&immutable=1" if immutable else uri


def database_path(data_dir: Path) -> Path:
    return data_dir / DB_FILENAME


def backup_dir(data_dir: Path) -> Path:
    return data_dir / BACKUP_DIRNAME
