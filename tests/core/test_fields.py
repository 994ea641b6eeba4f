"""The contact-field catalogue agrees with the input record, the model and its own views."""

import typing

import pytest

from relbook.core import fields
from relbook.core.contact_input import RAPPORT_FIELDS, ContactInput
from relbook.core.contacts import search_text
from relbook.core.errors import ValidationError
from relbook.core.fields import BY_KEY, CONTACT_FIELDS, parse_export_columns
from relbook.core.models import Contact
from relbook.core.search import _sort_keys
from relbook.core.tiers import SCORE_FIELDS

NOT_FIELDS = {"level_note", "lost_reason", "lost_note"}
"""ContactInput attributes that are not fields of a contact: the notes (and the reason for a
move to lost) go to the level or stage history with the change they explain."""


def test_every_input_attribute_is_a_field_of_the_same_type() -> None:
    hints = typing.get_type_hints(ContactInput)
    assert set(hints) - NOT_FIELDS <= set(BY_KEY)
    for key, hint in hints.items():
        if key not in NOT_FIELDS:
            assert BY_KEY[key].type == hint, key


def test_a_stored_field_has_the_type_of_its_column() -> None:
    hints = typing.get_type_hints(Contact)
    for field in CONTACT_FIELDS:
        if field.column is not None:
            (stored,) = typing.get_args(hints[field.column])
            assert field.type == stored, field.key


def test_plain_fields_have_the_same_name_in_the_input_and_the_row() -> None:
    inputs = typing.get_type_hints(ContactInput)
    for key in fields.PLAIN_FIELDS:
        assert key in inputs and BY_KEY[key].column == key
    assert set(RAPPORT_FIELDS) | set(SCORE_FIELDS) <= set(fields.PLAIN_FIELDS)


def test_keys_and_export_columns_are_unique() -> None:
    assert len(BY_KEY) == len(CONTACT_FIELDS)
    assert len(set(fields.EXPORT_COLUMNS)) == len(fields.EXPORT_COLUMNS)


def test_the_views_keep_the_orders_users_know() -> None:
    assert fields.EXPORT_COLUMNS[:5] == ("name", "company", "department", "title", "phones")
    assert fields.LIST_COLUMNS == (
        "name",
        "company",
        "title",
        "level",
        "stage",
        "tier",
        "last_contact",
        "next_birthday",
    )
    assert fields.TRASH_COLUMNS == ("name", "company", "title", "level", "deleted_at")
    assert fields.LIST_EXPORT_COLUMNS[-2:] == ("last_contacted", "next_birthday")


def test_an_order_must_name_exactly_the_flagged_fields() -> None:
    with pytest.raises(ValueError):
        fields._in_order(["a", "b"], ("a",), "order")
    with pytest.raises(ValueError):
        fields._in_order(["a"], ("a", "a"), "order")
    with pytest.raises(ValueError):
        fields._in_order(["a", "a"], ("a",), "order")  # two fields claiming one import target


def test_the_search_text_lays_the_searched_fields_out_in_their_order() -> None:
    values = {f.key: f.key.upper() for f in fields.SEARCHED}
    values.update(phones=["138-0013"], tags=["b", "a"])
    assert search_text(values).split("\n") == [
        "company",
        "department",
        "title",
        "email",
        "wechat",
        "qq",
        "138-0013",
        "1380013",
        "a",
        "b",
        "notes",
    ]


def test_every_list_column_can_be_sorted_by() -> None:
    assert set(_sort_keys()) == {f.list_key for f in fields.SORTABLE}


def test_export_columns_are_parsed_against_the_catalogue() -> None:
    assert parse_export_columns("Next-Birthday, name", "columns") == ("next_birthday", "name")
    with pytest.raises(ValidationError) as caught:
        parse_export_columns("name,salary", "columns")
    assert caught.value.errors[0].params["choices"] == ", ".join(fields.EXPORT_COLUMNS)
