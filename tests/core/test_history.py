from datetime import date, datetime
from decimal import Decimal

import pytest

from relbook.core.cadence import days_overdue, effective_cadence
from relbook.core.contact_input import ContactInput, FamilyInput
from relbook.core.contacts import create_contact, get_contact, to_input, update_contact
from relbook.core.errors import ValidationError
from relbook.core.gifts import (
    GiftInput,
    add_gift,
    add_idea,
    gifts_of,
    ideas_of,
    needs_audit,
    parse_amount,
    set_gifts_deleted,
    set_idea_status,
    similar_gifts,
    yearly_totals,
)
from relbook.core.history import (
    InteractionInput,
    delete_interactions,
    get_interaction,
    interaction_input,
    interactions_of,
    log_interaction,
    restore_interactions,
    update_interaction,
)
from relbook.core.referrals import (
    add_referral,
    referral_forest,
    referrals_of,
    relations_of,
    set_relation,
)
from relbook.core.search import ContactFilter, Sort, contact_ids
from relbook.core.timeline import timeline


def _people(book, now, *names):
    with book.session() as session:
        return [create_contact(session, ContactInput(n), now).id for n in names]


def test_logging_sets_last_contacted_for_everyone_involved(book, now):
    zhang, li, wang = _people(book, now, "张三", "李四", "王五")
    with book.session() as session:
        log_interaction(
            session,
            InteractionInput("meal", datetime(2026, 11, 20, 19), [zhang, li], place="海底捞"),
            now,
        )
        log_interaction(session, InteractionInput("call", datetime(2026, 11, 22, 9), [zhang]), now)
    with book.session() as session:
        assert get_contact(session, zhang).last_contacted_at == datetime(2026, 11, 22, 9)
        assert get_contact(session, li).last_contacted_at == datetime(2026, 11, 20, 19)
        assert get_contact(session, wang).last_contacted_at is None
        # never contacted first: the neglected come to the top
        assert contact_ids(session, ContactFilter(), Sort("last_contact")) == [wang, li, zhang]


def test_deleting_an_interaction_goes_to_trash_and_restores(book, now):
    (zhang,) = _people(book, now, "张三")
    with book.session() as session:
        old = log_interaction(
            session, InteractionInput("visit", datetime(2026, 1, 5, 10), [zhang]), now
        ).id
        new = log_interaction(
            session, InteractionInput("call", datetime(2026, 3, 5, 10), [zhang]), now
        ).id
    with book.session() as session:
        delete_interactions(session, [new], now)
    with book.session() as session:
        assert [i.id for i in interactions_of(session, zhang)] == [old]
        assert get_contact(session, zhang).last_contacted_at == datetime(2026, 1, 5, 10)
        assert [i.id for i in interactions_of(session, zhang, include_deleted=True)] == [new, old]
    with book.session() as session:
        restore_interactions(session, [new])
    with book.session() as session:
        assert get_contact(session, zhang).last_contacted_at == datetime(2026, 3, 5, 10)


def test_editing_moves_last_contacted_for_removed_participants(book, now):
    zhang, li = _people(book, now, "张三", "李四")
    with book.session() as session:
        meal = log_interaction(
            session, InteractionInput("meal", datetime(2026, 11, 1, 19), [zhang, li]), now
        ).id
    with book.session() as session:
        data = interaction_input(get_interaction(session, meal))
        data.contact_ids = [zhang]
        update_interaction(session, meal, data, now)
    with book.session() as session:
        assert get_contact(session, li).last_contacted_at is None


def test_interaction_validation(book, now):
    (zhang,) = _people(book, now, "张三")
    with pytest.raises(ValidationError) as caught, book.session() as session:
        log_interaction(
            session,
            InteractionInput("dance", now, [], next_step_due=datetime(2026, 12, 1)),
            now,
        )
    codes = {(e.field, e.code) for e in caught.value.errors}
    assert codes == {
        ("kind", "not_a_choice"),
        ("contacts", "required"),
        ("next_step", "due_needs_step"),
    }


def test_repeat_gift_check_and_yearly_totals(book, now):
    with book.session() as session:
        zhang = create_contact(
            session, ContactInput("张三", family=[FamilyInput("李梅", "spouse")]), now
        )
        spouse = zhang.family[0].id
        add_gift(
            session,
            GiftInput(zhang.id, "茅台 飞天", given_on=date(2025, 2, 1), value=Decimal("2999")),
            now,
        )
        add_gift(
            session,
            GiftInput(zhang.id, "月饼礼盒", given_on=date(2025, 9, 20), value=Decimal("388.5")),
            now,
        )
        add_gift(
            session,
            GiftInput(zhang.id, "丝巾", given_on=date(2026, 3, 8), family_member_id=spouse),
            now,
        )
        add_gift(
            session,
            GiftInput(
                zhang.id,
                "茶叶",
                direction="received",
                given_on=date(2026, 6, 1),
                value=Decimal("800"),
            ),
            now,
        )
    with book.session() as session:
        assert [g.item for g in similar_gifts(session, GiftInput(zhang.id, "茅台飞天"))] == [
            "茅台 飞天"
        ]
        assert similar_gifts(session, GiftInput(zhang.id, "丝巾")) == []
        assert (
            len(similar_gifts(session, GiftInput(zhang.id, "丝巾", family_member_id=spouse))) == 1
        )
        totals = {t.year: t for t in yearly_totals(session, zhang.id)}
        assert totals[2025].given == Decimal("3387.50") and totals[2025].given_count == 2
        assert totals[2026].received == Decimal("800.00") and totals[2026].given_count == 1
        received = next(g for g in gifts_of(session, zhang.id) if g.direction == "received")
        assert needs_audit(received, Decimal("500")) and not needs_audit(received, Decimal("800"))


def test_gift_trash_and_amount_parsing(book, now):
    (zhang,) = _people(book, now, "张三")
    assert parse_amount("¥1,280.50") == Decimal("1280.50")
    assert parse_amount("300元") == Decimal("300")
    with pytest.raises(ValidationError):
        parse_amount("a lot")
    with book.session() as session:
        gift = add_gift(session, GiftInput(zhang, "红酒", value=Decimal("500")), now).id
    with book.session() as session:
        set_gifts_deleted(session, [gift], now)
    with book.session() as session:
        assert yearly_totals(session, zhang) == []
        set_gifts_deleted(session, [gift], None)
    with book.session() as session:
        assert yearly_totals(session, zhang)[0].given == Decimal("500.00")


def test_gift_ideas(book, now):
    (zhang,) = _people(book, now, "张三")
    with book.session() as session:
        idea = add_idea(session, zhang, "喜欢普洱", now).id
        add_idea(session, zhang, "高尔夫球", now)
        set_idea_status(session, idea, "used")
    with book.session() as session:
        assert [(i.idea, i.status) for i in ideas_of(session, zhang)] == [
            ("高尔夫球", "open"),
            ("喜欢普洱", "used"),
        ]


def test_referral_tree_with_counts(book, now):
    a, b, c, d, e = _people(book, now, "甲", "乙", "丙", "丁", "戊")
    with book.session() as session:
        add_referral(session, a, b, date(2025, 1, 1), now)
        add_referral(session, b, c, date(2025, 2, 1), now)
        add_referral(session, a, d, date(2025, 3, 1), now)
    with book.session() as session:
        forest = referral_forest(session)
        assert [(n.name, n.descendants) for n in forest] == [("甲", 3)]
        assert [(n.name, n.descendants) for n in forest[0].children] == [("乙", 1), ("丁", 0)]
        assert get_contact(session, b).referred_by_id == a
        by, made = referrals_of(session, b)
        assert [r.referrer_id for r in by] == [a] and [r.referred_id for r in made] == [c]
        with pytest.raises(ValidationError):
            add_referral(session, c, a, date(2025, 4, 1), now)  # would make a cycle
        del e


def test_referred_by_in_the_editor_creates_a_referral(book, now):
    a, b = _people(book, now, "甲", "乙")
    with book.session() as session:
        data = to_input(get_contact(session, b))
        data.referred_by_id = a
        update_contact(session, b, data, now)
    with book.session() as session:
        assert [n.name for n in referral_forest(session)] == ["甲"]


def test_relations_show_from_both_sides(book, now):
    boss, clerk = _people(book, now, "王总", "小李")
    with book.session() as session:
        set_relation(session, clerk, boss, "superior", "直属领导")
    with book.session() as session:
        assert [(r.name, r.kind) for r in relations_of(session, clerk)] == [("王总", "superior")]
        assert [(r.name, r.kind) for r in relations_of(session, boss)] == [("小李", "subordinate")]


def test_timeline_is_newest_first_and_filters(book, now):
    with book.session() as session:
        contact = create_contact(
            session,
            ContactInput("张三", level=2),
            datetime(2024, 1, 1, 9),
        )
        contact_id = contact.id
        from relbook.core.contact_input import DateInput

        data = to_input(contact)
        data.dates = [DateInput(6, 1)]
        update_contact(session, contact_id, data, datetime(2024, 1, 1, 9))
        log_interaction(
            session, InteractionInput("visit", datetime(2026, 5, 1, 10), [contact_id]), now
        )
        add_gift(session, GiftInput(contact_id, "茶叶", given_on=date(2026, 9, 1)), now)
    with book.session() as session:
        entries = timeline(session, contact_id, date(2026, 11, 23))
        kinds = [(e.kind, e.when.date()) for e in entries]
        assert kinds[:3] == [
            ("gift", date(2026, 9, 1)),
            ("date", date(2026, 6, 1)),
            ("interaction", date(2026, 5, 1)),
        ]
        assert ("level", date(2024, 1, 1)) in kinds
        assert all(
            e.kind == "gift" for e in timeline(session, contact_id, date(2026, 11, 23), {"gift"})
        )


def test_cadence_rules():
    defaults = {"A": 14, "B": 30, "C": 90}
    assert effective_cadence(7, "A", "customer", defaults) == 7
    assert effective_cadence(None, "B", "customer", defaults) == 30
    assert effective_cadence(None, None, "customer", defaults) is None
    assert effective_cadence(None, "A", "lost", defaults) is None
    assert days_overdue(datetime(2026, 11, 1), None, 14, date(2026, 11, 23)) == 8
    assert days_overdue(None, datetime(2026, 11, 20), 14, date(2026, 11, 23)) == 0
