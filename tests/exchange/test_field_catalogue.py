"""The exchange formats read the contact-field catalogue: every column it names can be written,
and every import target has the header words that recognise it."""

from relbook.core import fields
from relbook.exchange import pdf, sheets, tabular


def test_every_export_column_is_loaded_for_the_sheets() -> None:
    assert set(sheets._LOADED) == set(fields.EXPORT_COLUMNS)
    assert set(pdf.LIST_COLUMNS) <= set(fields.EXPORT_COLUMNS)


def test_every_import_target_has_header_words_and_nothing_else_has() -> None:
    assert tuple(tabular._ALIASES) == fields.IMPORT_TARGETS == tabular.FIELDS
    assert tabular.MULTI_FIELDS <= set(fields.IMPORT_TARGETS)
    assert {target for _, target in tabular._CONTAINS} <= set(fields.IMPORT_TARGETS)
