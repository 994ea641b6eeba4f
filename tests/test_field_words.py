"""Every contact field of the catalogue and every list column is worded for people."""

from relbook.core import fields
from relbook.ui.contact_list_model import column_title
from relbook.words import labels


def test_every_worded_field_has_words() -> None:
    for field in fields.CONTACT_FIELDS:
        if field.label is not None:
            assert labels.field(field.label) != field.label, field.key


def test_every_list_column_has_a_title() -> None:
    for column in (*fields.LIST_COLUMNS, *fields.TRASH_COLUMNS):
        assert column_title(column)
