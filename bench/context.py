"""What every measurement gets: the book, its size, how many runs, a scratch folder."""

from dataclasses import dataclass
from pathlib import Path


@dataclass
class Context:
    data_dir: Path
    """The demo book's data folder; measurements that write copy it first (books.scratch_copy)."""
    contacts: int
    repeat: int
    scratch: Path
    quick: bool

    @property
    def db_path(self) -> Path:
        return self.data_dir / "relbook.sqlite"
