"""Settings are validated before they are stored; the export columns against the known keys."""

import pytest

from relbook.core.errors import ValidationError
from relbook.core.settings import (
    DEFAULT_EXPORT_COLUMNS,
    SETTINGS,
    get_int,
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


def test_backup_rotation_defaults_are_the_ones_the_backups_use() -> None:
    from relbook.db import backups

    assert SETTINGS["backup.keep_daily"].default == backups.DEFAULT_KEEP_DAILY
    assert SETTINGS["backup.keep_weekly"].default == backups.DEFAULT_KEEP_WEEKLY


def test_settings_answer_with_their_declared_type(book: Book) -> None:
    with book.session() as session:
        for key, definition in SETTINGS.items():
            value = get_setting(session, key)
            assert isinstance(value, definition.type) and value == definition.default
        assert get_int(session, "cadence.A") == 14
        with pytest.raises(TypeError):
            get_int(session, "ui.language")


@pytest.mark.parametrize(
    ("key", "value", "code"),
    [
        ("ui.language", "fr", "not_a_choice"),
        ("tier.a_min", 26, "too_large"),
        ("backup.keep_weekly", -1, "too_small"),
        ("ui.close_to_tray", 1, "wrong_type"),
        ("tier.a_min", True, "wrong_type"),
        ("remind.daily_time", "24:00", "bad_time"),
        ("deal.funnel_min_amount", -1, "too_small"),
        ("deal.funnel_min_amount", 1.5, "wrong_type"),
    ],
)
def test_each_setting_checks_its_own_rule(key: str, value: object, code: str) -> None:
    with pytest.raises(ValidationError) as caught:
        validate_setting(key, value)
    assert [(e.field, e.code) for e in caught.value.errors] == [(key, code)]
