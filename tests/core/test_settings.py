"""Settings are validated before they are stored; the export columns against the known keys."""

import pytest

from relbook.core.errors import ValidationError
from relbook.core.settings import (
    DEFAULT_EXPORT_COLUMNS,
    get_setting,
    set_setting,
    validate_setting,
)
from relbook.db.book import Book
from relbook.exchange.sheets import EXPORT_COLUMNS


def test_export_columns_default_to_every_column() -> None:
    assert DEFAULT_EXPORT_COLUMNS == ",".join(EXPORT_COLUMNS)


def test_export_columns_are_stored_in_the_chosen_order(book: Book) -> None:
    with book.session() as session:
        assert get_setting(session, "export.columns") == DEFAULT_EXPORT_COLUMNS
        set_setting(session, "export.columns", "phones,name,tags")
    with book.session() as session:
        assert get_setting(session, "export.columns") == "phones,name,tags"


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("name,salary", "unknown_column"),
        ("", "required"),
        ("name,name", "repeated_column"),
        (["name"], "wrong_type"),
    ],
)
def test_bad_export_columns_are_refused(value: object, code: str) -> None:
    with pytest.raises(ValidationError) as caught:
        validate_setting("export.columns", value)
    assert [(e.field, e.code) for e in caught.value.errors] == [("export.columns", code)]
