"""Services say what they changed (``BookChanges``), so screens refresh only that."""

from datetime import datetime

import pytest

from relbook.core.changes import BookChanges
from relbook.core.contact_input import ContactInput
from relbook.core.contacts import (
    change_level,
    contact_profile,
    create_contact,
    delete_contacts,
    get_contact,
    resolve_referrer,
    save_contact,
    to_input,
)
from relbook.core.errors import AmbiguousError, NotFoundError
from relbook.core.gifts import GiftInput, add_gift, set_gifts_deleted
from relbook.core.history import (
    InteractionInput,
    delete_interactions,
    save_interaction,
    trashed_records,
)
from relbook.core.referrals import links_of, record_referral, set_relation

NOW = datetime(2026, 11, 23, 10, 0)


def test_merged_changes_keep_both_sides_and_any_column_wins():
    edit = BookChanges(contact_ids=frozenset({1}), contacts=True, fields=frozenset({"title"}))
    logged = BookChanges(
        contact_ids=frozenset({2}), history=True, fields=frozenset({"last_contacted_at"})
    )
    both = edit | logged
    assert both.contact_ids == {1, 2} and both.contacts and both.history
    assert both.fields == {"title", "last_contacted_at"}
    added = BookChanges(contact_ids=frozenset({3}), contacts=True)
    assert (edit | added).fields == frozenset()  # a new contact: any column may be new


def test_a_new_contact_says_so_with_its_new_tags_and_company(book):
    with book.session() as session:
        create_contact(session, ContactInput("张三", tags=["老乡"], company="恒达"), NOW)
        saved = save_contact(
            session, None, ContactInput("李四", tags=["老乡"], company="恒达"), NOW
        )
        again = save_contact(session, None, ContactInput("王五", tags=["VIP"], company="远航"), NOW)
    assert saved.changes == BookChanges(contact_ids=frozenset({saved.id}), contacts=True)
    assert again.changes.tags and again.changes.organizations
    assert again.changes.fields == frozenset()  # added: the lists read their ids again


def test_an_edit_names_the_columns_it_changed(book):
    with book.session() as session:
        contact_id = create_contact(session, ContactInput("张三", tags=["老乡"]), NOW).id
        data = to_input(get_contact(session, contact_id))
        data.title = "采购经理"
        retitled = save_contact(session, contact_id, data, NOW.replace(hour=11))
        data.name, data.tags = "张三丰", ["老乡", "VIP"]
        renamed = save_contact(session, contact_id, data, NOW.replace(hour=12))
    assert retitled.changes.contact_ids == {contact_id}
    assert {"title", "search_text", "updated_at"} <= retitled.changes.fields
    assert "name" not in retitled.changes.fields and "tags" not in retitled.changes.fields
    assert not retitled.changes.tags
    assert {"name", "name_pinyin", "sort_key", "tags"} <= renamed.changes.fields
    assert renamed.changes.tags  # "VIP" is a new tag name


def test_a_changed_referrer_touches_both_referrers(book):
    with book.session() as session:
        old = create_contact(session, ContactInput("李四"), NOW).id
        new = create_contact(session, ContactInput("王五"), NOW).id
        contact_id = create_contact(session, ContactInput("张三", referred_by_id=old), NOW).id
        data = to_input(get_contact(session, contact_id))
        data.referred_by_id = new
        changes = save_contact(session, contact_id, data, NOW).changes
    assert changes.contact_ids == {contact_id, old, new} and changes.history


def test_the_referrer_is_the_known_one_by_name_or_one_found(book):
    with book.session() as session:
        first = create_contact(session, ContactInput("李娜"), NOW).id
        second = create_contact(session, ContactInput("李娜"), NOW).id
        assert resolve_referrer(session, "  ") is None
        assert resolve_referrer(session, "李娜", ("李娜", second)) == second
        assert resolve_referrer(session, str(first)) == first
        with pytest.raises(AmbiguousError):
            resolve_referrer(session, "李娜")
        with pytest.raises(NotFoundError) as missing:
            resolve_referrer(session, "无名氏")
    assert missing.value.what == "referrer" and missing.value.key == "无名氏"


def test_level_interactions_and_referrals_name_the_columns_lists_sort_by(book):
    with book.session() as session:
        a = create_contact(session, ContactInput("张三"), NOW).id
        b = create_contact(session, ContactInput("李四"), NOW).id
        level = change_level(session, a, 3, "", NOW)
        logged = save_interaction(session, None, InteractionInput("call", NOW, [a, b]), NOW)
        trashed = delete_interactions(session, [logged.id], NOW)
        referred = record_referral(session, a, b, NOW.date(), NOW)
    assert level.fields == {"level", "updated_at"}
    assert logged.changes == BookChanges(
        contact_ids=frozenset({a, b}), history=True, fields=frozenset({"last_contacted_at"})
    )
    assert trashed.trash and trashed.fields == {"last_contacted_at"} and not trashed.contacts
    assert referred.contact_ids == {a, b} and "referred_by_id" in referred.fields


def test_profile_links_and_trash_are_read_as_plain_values(book):
    with book.session() as session:
        boss = create_contact(session, ContactInput("王总"), NOW).id
        clerk = create_contact(session, ContactInput("小李", referred_by_id=boss), NOW).id
        set_relation(session, clerk, boss, "superior", "his manager")
        gift = add_gift(session, GiftInput(clerk, "茶叶"), NOW).id
        set_gifts_deleted(session, [gift], NOW)
        profile = contact_profile(session, clerk)
        links = links_of(session, clerk)
        records = trashed_records(session)
        delete_contacts(session, [boss], NOW)
        assert contact_profile(session, boss) is None
    assert profile is not None and profile.referrer == "王总"
    assert profile.data.name == "小李" and profile.history[0][2] == 1
    assert links is not None and [r[2] for r in links.relations] == ["王总"]
    assert [(r.kind, r.ref_id, r.contacts, r.summary) for r in records] == [
        ("gift", gift, ("小李",), "茶叶")
    ]
