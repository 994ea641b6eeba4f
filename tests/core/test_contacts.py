from datetime import date, datetime

import pytest

from relbook.core.contact_input import ContactInput, DateInput, FamilyInput, PhoneInput
from relbook.core.contacts import (
    change_level,
    contact_summary,
    create_contact,
    delete_contacts,
    find_contact,
    get_contact,
    purge_contacts,
    recompute_tiers,
    refresh_next_birthdays,
    restore_contacts,
    to_input,
    update_contact,
)
from relbook.core.errors import AmbiguousError, NotFoundError, ValidationError
from relbook.core.search import ContactFilter, Sort, contact_ids, contact_rows
from relbook.core.settings import set_setting


def _full_input() -> ContactInput:
    return ContactInput(
        name="张三",
        gender="male",
        company="杭州恒达科技有限公司",
        org_type="private",
        department="采购部",
        title="采购经理",
        buying_role="purchaser",
        is_insider=True,
        phones=[PhoneInput("138 0013 8000"), PhoneInput("0571-88886666", "work")],
        email="zhangsan@hengda.example",
        wechat="zs_wx",
        qq="12345678",
        source="classmate",
        hobbies="钓鱼",
        food_taboos="不吃辣",
        hometown="温州",
        level=3,
        level_note="第一次饭局",
        stage="interested",
        score_near=5,
        score_future=4,
        score_profit=4,
        score_risk=2,
        score_strategic=5,
        personality="driver",
        cadence_days=21,
        tags=["VIP", "高尔夫"],
        family=[
            FamilyInput(
                "李梅", "spouse", "喜欢旅游", [DateInput(8, 15, calendar="lunar", year=1985)]
            )
        ],
        dates=[DateInput(3, 8, 1982)],
    )


def test_create_stores_every_field_and_round_trips(book, now):
    with book.session() as session:
        contact = create_contact(session, _full_input(), now)
        contact_id = contact.id
    with book.session() as session:
        stored = get_contact(session, contact_id)
        again = to_input(stored)
        expected = _full_input()
        expected.level_note = ""
        assert again == expected
        assert stored.tier == "A"
        assert stored.name_pinyin == "zhang san"
        assert [(c.from_level, c.to_level, c.note) for c in stored.level_changes] == [
            (None, 3, "第一次饭局")
        ]
        assert stored.next_birthday == date(2027, 3, 8)


def test_validation_reports_each_field(book, now):
    bad = ContactInput(
        name="  ",
        email="not-an-email",
        level=7,
        dates=[DateInput(2, 30)],
        family=[FamilyInput("", "spouse")],
    )
    with pytest.raises(ValidationError) as caught, book.session() as session:
        create_contact(session, bad, now)
    codes = {(e.field, e.code) for e in caught.value.errors}
    assert ("name", "required") in codes
    assert ("email", "invalid_email") in codes
    assert ("level", "out_of_range") in codes
    assert ("birthday", "impossible_date") in codes
    assert ("family", "member_needs_name") in codes
    with book.session() as session:
        assert contact_ids(session, ContactFilter()) == []


def test_lunar_day_30_in_a_month_without_one_is_refused(book, now):
    with pytest.raises(ValidationError) as caught, book.session() as session:
        create_contact(
            session, ContactInput("王五", dates=[DateInput(2, 30, 2026, calendar="lunar")]), now
        )
    assert caught.value.errors[0].code == "lunar_day_missing"


def test_level_changes_are_recorded_with_notes(book, now):
    with book.session() as session:
        contact_id = create_contact(session, ContactInput("李四", level=1), now).id
    with book.session() as session:
        change_level(session, contact_id, 2, "展会上认识", datetime(2026, 12, 1, 9))
    with book.session() as session:
        data = to_input(get_contact(session, contact_id))
        data.level = 4
        data.level_note = "签了框架协议"
        update_contact(session, contact_id, data, datetime(2027, 1, 5, 9))
    with book.session() as session:
        history = get_contact(session, contact_id).level_changes
        assert [(h.changed_at, h.from_level, h.to_level, h.note) for h in history] == [
            (now.date(), None, 1, ""),
            (date(2026, 12, 1), 1, 2, "展会上认识"),
            (date(2027, 1, 5), 2, 4, "签了框架协议"),
        ]


def test_delete_moves_to_trash_and_restore_brings_back(book, now):
    with book.session() as session:
        contact_id = create_contact(session, _full_input(), now).id
    with book.session() as session:
        delete_contacts(session, [contact_id], now)
    with book.session() as session:
        assert contact_ids(session, ContactFilter()) == []
        assert contact_ids(session, ContactFilter(trash=True)) == [contact_id]
        with pytest.raises(NotFoundError):
            get_contact(session, contact_id)
    with book.session() as session:
        restore_contacts(session, [contact_id], now)
    with book.session() as session:
        assert contact_ids(session, ContactFilter()) == [contact_id]
        assert get_contact(session, contact_id).family[0].name == "李梅"


def test_purge_only_removes_trashed_contacts(book, now):
    with book.session() as session:
        keep = create_contact(session, ContactInput("甲"), now).id
        gone = create_contact(session, ContactInput("乙"), now).id
        delete_contacts(session, [gone], now)
    with book.session() as session:
        purge_contacts(session, [keep, gone])
    with book.session() as session:
        assert contact_ids(session, ContactFilter()) == [keep]
        assert contact_ids(session, ContactFilter(trash=True)) == []


def test_search_by_pinyin_company_phone_tag_and_notes(book, now):
    with book.session() as session:
        zhang = create_contact(session, _full_input(), now).id
        li = create_contact(session, ContactInput("李四", notes="喜欢茶叶"), now).id
        create_contact(session, ContactInput("Tom Lee", email="tom@acme.example"), now)
    with book.session() as session:

        def find(text: str) -> list[int]:
            return contact_ids(session, ContactFilter(text=text))

        for query in ("zs", "zhangsan", "张", "张s", "恒达", "13800138000", "高尔夫", "vip"):
            assert find(query) == [zhang], query
        assert find("茶叶") == [li]
        assert find("acme") != []
        assert find("100%") == []


def test_filters_and_sorting(book, now):
    with book.session() as session:
        a = create_contact(session, ContactInput("王五", level=5, stage="customer"), now).id
        b = create_contact(session, ContactInput("安娜", level=2, tags=["同学"]), now).id
        c = create_contact(session, ContactInput("赵六", level=5, personality="amiable"), now).id
    with book.session() as session:
        assert contact_ids(session, ContactFilter()) == [b, a, c]
        assert contact_ids(session, ContactFilter(level=5)) == [a, c]
        assert contact_ids(session, ContactFilter(stage="customer")) == [a]
        assert contact_ids(session, ContactFilter(tag="同学")) == [b]
        assert contact_ids(session, ContactFilter(personality="amiable")) == [c]
        assert contact_ids(session, ContactFilter(), Sort("level", True)) == [a, c, b]
        rows = contact_rows(session, [a, b])
        assert rows[b].tags == ("同学",)


def test_find_contact_by_name_or_id_and_ambiguity(book, now):
    with book.session() as session:
        first = create_contact(session, ContactInput("张伟", company="甲公司"), now).id
        create_contact(session, ContactInput("张伟", company="乙公司"), now)
    with book.session() as session:
        assert find_contact(session, str(first)).id == first
        with pytest.raises(AmbiguousError) as caught:
            find_contact(session, "张伟")
        assert len(caught.value.candidates) == 2
        with pytest.raises(NotFoundError):
            find_contact(session, "没有这个人")


def test_tier_thresholds_are_configurable(book, now):
    scores = dict(score_near=3, score_future=3, score_profit=3, score_risk=3, score_strategic=3)
    with book.session() as session:
        contact_id = create_contact(session, ContactInput("钱七", **scores), now).id
        assert get_contact(session, contact_id).tier == "B"
    with book.session() as session:
        set_setting(session, "tier.b_min", 16)
        recompute_tiers(session)
    with book.session() as session:
        assert get_contact(session, contact_id).tier == "C"


def test_next_birthdays_roll_forward(book, now):
    with book.session() as session:
        contact_id = create_contact(session, ContactInput("孙八", dates=[DateInput(12, 1)]), now).id
    with book.session() as session:
        assert refresh_next_birthdays(session, date(2026, 12, 2)) == 1
    with book.session() as session:
        assert get_contact(session, contact_id).next_birthday == date(2027, 12, 1)


def test_summary_is_json_ready(book, now):
    import json

    with book.session() as session:
        contact = create_contact(session, _full_input(), now)
        summary = contact_summary(contact)
    text = json.dumps(summary, ensure_ascii=False)
    assert summary["birthday"] == "1982-03-08"
    assert summary["birthday_calendar"] == "solar"
    assert summary["level_history"][0]["to"] == 3
    assert "李梅" in text
