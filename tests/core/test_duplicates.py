"""The book-wide duplicate scan: each kind of pair, found through keys, dismissed for good."""

from datetime import datetime

import pytest

from relbook.core.contact_input import ContactInput, PhoneInput
from relbook.core.contacts import create_contact, delete_contacts
from relbook.core.demo import fill_demo
from relbook.core.duplicates import (
    MAX_GROUP,
    dismiss_pair,
    find_duplicates,
    forget_dismissals,
    name_buckets,
)
from relbook.core.errors import ValidationError

NOW = datetime(2026, 11, 23, 10, 0)


def _add(session, name: str, *, phones=(), email="", company="") -> int:
    data = ContactInput(name, phones=[PhoneInput(p) for p in phones], email=email, company=company)
    return create_contact(session, data, NOW).id


def _found(session) -> dict[tuple[int, int], tuple[tuple[str, ...], str]]:
    return {p.ids: (p.reasons, p.strength) for p in find_duplicates(session) or []}


def test_the_same_mobile_in_any_format(book):
    with book.session() as session:
        a = _add(session, "王总", phones=["13800138000"])
        b = _add(session, "王建国", phones=["+86 138-0013-8000"])
        c = _add(session, "王建国夫人", phones=["0086 138 0013 8000"])
        _add(session, "前台", phones=["0571-88886666"])
        _add(session, "财务", phones=["+86 571 8888 6666"])  # a shared landline is no person's
        found = _found(session)
    assert found == {
        (a, b): (("same_mobile",), "strong"),
        (a, c): (("same_mobile",), "strong"),
        (b, c): (("same_mobile",), "strong"),
    }


def test_the_same_email_whatever_its_case(book):
    with book.session() as session:
        a = _add(session, "Li Na", email="li.na@example.com")
        b = _add(session, "李娜", email=" LI.NA@Example.com")
        _add(session, "李娜娜", email="lina@example.com")
        assert _found(session) == {(a, b): (("same_email",), "strong")}


def test_the_same_name_at_the_same_company(book):
    with book.session() as session:
        a = _add(session, "张伟", company="恒达科技")
        b = _add(session, " 张 伟 ", company="恒达科技")
        _add(session, "张伟", company="华信贸易")  # another 张伟 elsewhere: two people
        found = _found(session)
    assert found[(a, b)] == (("same_name_company",), "strong")
    assert len(found) == 1


def test_a_name_read_alike_with_one_character_different_is_weaker(book):
    with book.session() as session:
        a = _add(session, "张伟", company="恒达科技")
        b = _add(session, "章伟")
        c = _add(session, "张伟伟")  # one character more: not the same reading
        d = _add(session, "李伟")
        e = _add(session, "张玮", phones=["13900000000"])
        f = _add(session, "章玮", phones=["139 0000 0000"])
        found = _found(session)
    assert found[(a, b)] == (("similar_name",), "weak")
    assert found[(e, f)] == (("same_mobile", "similar_name"), "strong")
    assert found[(a, e)] == (("similar_name",), "weak")  # 伟 and 玮 are both wei
    assert all(c not in ids and d not in ids for ids in found)
    strengths = [s for _, s in found.values()]
    assert strengths == sorted(strengths, key=lambda s: s != "strong")  # strong ones first


def test_name_buckets_blank_each_han_character_once():
    assert name_buckets("张伟", "zhang wei") == [("zhang wei", "\x00伟"), ("zhang wei", "张\x00")]
    assert name_buckets("伟", "wei") == []
    assert name_buckets("Tom 李", "t o m li") == [("t o m li", "Tom\x00")]


def test_trashed_contacts_are_left_out(book):
    with book.session() as session:
        a = _add(session, "甲", email="x@example.com")
        _add(session, "乙", email="x@example.com")
        delete_contacts(session, [a], NOW)
        assert _found(session) == {}


def test_a_key_shared_by_a_crowd_tells_nothing(book):
    with book.session() as session:
        for n in range(MAX_GROUP + 1):
            _add(session, f"员工{n}", email="info@example.com")
        assert _found(session) == {}


def test_a_dismissed_pair_is_not_shown_again(book):
    with book.session() as session:
        a = _add(session, "张伟", email="zw@example.com")
        b = _add(session, "张伟", email="zw@example.com")
        c = _add(session, "张伟", email="zw@example.com")
        changes = dismiss_pair(session, b, a, NOW)
        dismiss_pair(session, a, b, NOW)  # twice is once
        assert changes.contact_ids == {a, b}
        assert set(_found(session)) == {(a, c), (b, c)}
        with pytest.raises(ValidationError):
            dismiss_pair(session, a, a, NOW)
        assert forget_dismissals(session) == 1
        assert set(_found(session)) == {(a, b), (a, c), (b, c)}


def test_a_cancelled_scan_returns_nothing(book):
    with book.session() as session:
        _add(session, "甲", email="x@example.com")
        _add(session, "乙", email="x@example.com")
        calls: list[tuple[int, int]] = []

        def report(done: int, total: int) -> bool:
            calls.append((done, total))
            return done < 2

        assert find_duplicates(session, report) is None
        assert calls[-1] == (2, 5)


def test_the_demo_book_has_planted_pairs_of_every_kind(book):
    with book.session() as session:
        fill_demo(session, 300, 1, NOW)
    with book.session() as session:
        pairs = find_duplicates(session) or []
    kinds = {reason for pair in pairs for reason in pair.reasons}
    assert kinds == {"same_mobile", "same_email", "same_name_company", "similar_name"}
    by_kind = {k: sum(1 for p in pairs if k in p.reasons) for k in kinds}
    assert all(count >= 2 for count in by_kind.values()), by_kind
