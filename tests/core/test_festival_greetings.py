"""Who a festival's greeting goes to, and why; greeting them one by one, once a year."""

from datetime import date, datetime

import pytest
from sqlalchemy import event, func, select

from relbook.core.changes import BookChanges
from relbook.core.contact_input import ContactInput
from relbook.core.contacts import create_contact, delete_contacts, get_contact
from relbook.core.errors import NotFoundError, ValidationError
from relbook.core.festival_book import FestivalInput, add_festival
from relbook.core.festival_greetings import (
    Reason,
    Recipient,
    festival_codes,
    festival_recipients,
    find_festival,
    greeted_at,
    greeting_day,
    greeting_sheet,
    mark_greeted,
    occasion_key,
)
from relbook.core.greetings import occasion_for_reminder, template_for
from relbook.core.history import InteractionInput, delete_interactions, log_interaction
from relbook.core.models import Interaction, InteractionContact

TOP = dict(score_near=5, score_future=5, score_profit=5, score_risk=1, score_strategic=5)
LOW = dict(score_near=1, score_future=1, score_profit=1, score_risk=5, score_strategic=1)
LATER = datetime(2027, 2, 5, 20, 30)


@pytest.fixture
def people(book, now):
    """张三 (tier A customer, VIP, 张总 at 恒达), 李四 (no tier yet), 王五 (tier C), 赵六 (lost),
    钱七 (in the trash)."""
    with book.session() as session:
        ids = {
            "张三": create_contact(
                session,
                ContactInput(
                    "张三",
                    stage="customer",
                    salutation="张总",
                    company="恒达科技",
                    title="总经理",
                    gender="male",
                    personality="driver",
                    tags=["VIP", "老乡"],
                    **TOP,
                ),
                now,
            ).id,
            "李四": create_contact(session, ContactInput("李四", tags=["VIP"]), now).id,
            "王五": create_contact(session, ContactInput("王五", stage="customer", **LOW), now).id,
            "赵六": create_contact(
                session, ContactInput("赵六", stage="lost", lost_reason="cheaper_offer"), now
            ).id,
            "钱七": create_contact(session, ContactInput("钱七"), now).id,
        }
        delete_contacts(session, [ids["钱七"]], now)
    return ids


def test_recipients_say_who_and_why_in_pinyin_order(book, people):
    with book.session() as session:
        found = festival_recipients(session, "spring_festival", 2027)
    assert found == [
        Recipient(
            people["李四"],
            "李四",
            "",
            "",
            "",
            "unknown",
            None,
            None,
            "potential",
            (Reason("tier", "-"), Reason("stage", "potential")),
            False,
        ),
        Recipient(
            people["张三"],
            "张三",
            "张总",
            "总经理",
            "恒达科技",
            "male",
            "driver",
            "A",
            "customer",
            (Reason("tier", "A"), Reason("stage", "customer")),
            False,
        ),
    ]


def test_recipients_of_a_tagged_festival_name_the_tags_that_matched(book, people):
    with book.session() as session:
        festival_id = add_festival(
            session,
            FestivalInput("solar", 6, 18, name="店庆", tiers=(), stages=(), tags=("老乡", "VIP")),
        )
        found = festival_recipients(session, f"custom:{festival_id}", 2027)
        assert festival_recipients(session, "custom:999", 2027) == []
        assert festival_recipients(session, "no_such_festival", 2027) == []
    assert [(r.name, r.reasons) for r in found] == [
        ("李四", (Reason("tag", "VIP"),)),
        ("张三", (Reason("tag", "VIP"), Reason("tag", "老乡"))),
    ]


def test_mark_greeted_logs_one_greeting_each_and_moves_last_contacted(book, people, now):
    zhang, li = people["张三"], people["李四"]
    with book.session() as session:
        log_interaction(session, InteractionInput("call", datetime(2027, 1, 3, 9), [zhang]), now)
        changes = mark_greeted(session, "spring_festival", 2027, [zhang, li, zhang], LATER, "拜年")
    assert changes == BookChanges(
        contact_ids=frozenset({zhang, li}), history=True, fields=frozenset({"last_contacted_at"})
    )
    with book.session() as session:
        greetings = session.scalars(
            select(Interaction).where(Interaction.kind == "greeting").order_by(Interaction.id)
        ).all()
        assert [
            ([p.contact_id for p in g.participants], g.occurred_at, g.notes, g.occasion_key)
            for g in greetings
        ] == [
            ([zhang], LATER, "拜年", "festival:spring_festival:2027"),
            ([li], LATER, "拜年", "festival:spring_festival:2027"),
        ]
        assert get_contact(session, zhang).last_contacted_at == LATER
        assert get_contact(session, li).last_contacted_at == LATER
        sent = {r.name: r.sent for r in festival_recipients(session, "spring_festival", 2027)}
        assert sent == {"李四": True, "张三": True}
        next_year = festival_recipients(session, "spring_festival", 2028)
        assert [r.sent for r in next_year] == [False, False]
        assert [r.sent for r in festival_recipients(session, "lantern", 2027)] == [False, False]


def test_marking_again_logs_nothing_more_and_a_trashed_greeting_counts_as_not_sent(
    book, people, now
):
    zhang, li = people["张三"], people["李四"]
    with book.session() as session:
        mark_greeted(session, "spring_festival", 2027, [zhang], LATER)
    with book.session() as session:
        again = mark_greeted(session, "spring_festival", 2027, [zhang, li], LATER)
        assert again.contact_ids == frozenset({li})
        assert mark_greeted(session, "spring_festival", 2027, [zhang, li], LATER) == BookChanges()
        assert _greetings(session) == 2
        first = session.scalar(
            select(Interaction.id)
            .join(InteractionContact)
            .where(InteractionContact.contact_id == zhang, Interaction.kind == "greeting")
        )
        delete_interactions(session, [first], now)
    with book.session() as session:
        assert [
            (r.name, r.sent) for r in festival_recipients(session, "spring_festival", 2027)
        ] == [
            ("李四", True),
            ("张三", False),
        ]
        mark_greeted(session, "spring_festival", 2027, [zhang], LATER)
        assert _greetings(session) == 3
        assert occasion_key("custom:4", 2027) == "festival:custom:4:2027"


def test_a_later_interaction_stays_the_last_contact(book, people, now):
    zhang = people["张三"]
    visit = datetime(2027, 3, 1, 10)
    with book.session() as session:
        log_interaction(session, InteractionInput("visit", visit, [zhang]), now)
        mark_greeted(session, "spring_festival", 2027, [zhang], LATER)
    with book.session() as session:
        assert get_contact(session, zhang).last_contacted_at == visit


def test_mark_greeted_refuses_unknown_festivals_and_contacts(book, people, now):
    with book.session() as session:
        with pytest.raises(NotFoundError):
            mark_greeted(session, "no_such_festival", 2027, [people["张三"]], LATER)
        with pytest.raises(ValidationError) as caught:
            mark_greeted(session, "spring_festival", 2027, [people["张三"], people["钱七"]], LATER)
        assert [(e.field, e.code, e.params) for e in caught.value.errors] == [
            ("contacts", "not_found", {"id": people["钱七"]})
        ]
        assert _greetings(session) == 0


def test_recipients_and_greeting_take_the_same_queries_for_many_people(book, now):
    """One query for the recipients, whatever their number; bulk writes for the greetings."""

    def statements(count):
        with book.session() as session:
            start = len(festival_recipients(session, "spring_festival", 2027))
            for n in range(count):
                create_contact(session, ContactInput(f"客户{start + n}"), now)
        with book.session() as session:
            seen: list[str] = []
            engine = session.get_bind()
            listener = lambda *args: seen.append(args[2])  # noqa: E731
            event.listen(engine, "before_cursor_execute", listener)
            try:
                people = festival_recipients(session, "spring_festival", 2027)
                reading = len(seen)
                mark_greeted(
                    session, "spring_festival", 2027, [p.contact_id for p in people], LATER
                )
            finally:
                event.remove(engine, "before_cursor_execute", listener)
            assert len(people) == start + count
            return reading, len(seen) - reading

    assert statements(3) == statements(120)


def _greetings(session) -> int:
    return session.scalar(
        select(func.count()).select_from(Interaction).where(Interaction.kind == "greeting")
    )


def test_qingming_is_a_day_of_remembrance_not_a_happy_one(book):
    """清明 remembers the dead: "清明快乐" (the general festival template) would offend."""
    occasion = occasion_for_reminder("festival", "qingming")
    with book.session() as session:
        for language, happy in (("zh_CN", "快乐"), ("en", "Happy")):
            assert happy not in template_for(session, language, occasion)
            assert happy in template_for(session, language, "festival")


def test_a_greeting_sheet_words_each_recipient_s_greeting_for_the_day_it_is_copied(book, people):
    """The Greet window's and ``relbook greet``'s rows: 张三 is addressed by his salutation,
    李四 by name; two days early both say "后天"; who was greeted says when."""
    mid_autumn = date(2027, 9, 15)
    with book.session() as session:
        mark_greeted(session, "mid_autumn", 2027, [people["张三"]], LATER)
    with book.session() as session:
        sheet = greeting_sheet(
            session, "mid_autumn", mid_autumn, date(2027, 9, 13), "zh_CN", {"mid_autumn": "中秋节"}
        )
    assert sheet.festival.code == "mid_autumn" and sheet.year == 2027
    assert sheet.day == mid_autumn
    assert [row.recipient.name for row in sheet.rows] == ["李四", "张三"]
    li, zhang = sheet.rows
    assert li.greeting.startswith("李四，后天就是中秋节了") and li.greeted_at is None
    assert zhang.greeting.startswith("张总，后天就是中秋节了") and zhang.greeted_at == LATER
    assert zhang.recipient.sent and not li.recipient.sent


def test_an_unknown_festival_names_the_book_s_festivals(book):
    with book.session() as session:
        festival_id = add_festival(session, FestivalInput("solar", 6, 18, name="店庆"))
        with pytest.raises(ValidationError) as caught:
            find_festival(session, "moon")
        assert find_festival(session, f"custom:{festival_id}")[0].name == "店庆"
        assert festival_codes(session)[-1] == f"custom:{festival_id}"
    (error,) = caught.value.errors
    assert (error.field, error.code, error.params["value"]) == (
        "festival",
        "unknown_festival",
        "moon",
    )
    assert "mid_autumn" in error.params["choices"]
    assert f"custom:{festival_id} (店庆)" in error.params["choices"]


def test_the_day_greeted_is_the_next_one_or_one_missed_while_it_is_still_due(book):
    """A missed festival stays due three days (``due.LATE_DAYS``): it is still greeted."""
    with book.session() as session:
        festival, _audience = find_festival(session, "mid_autumn")
    assert greeting_day(festival, date(2027, 9, 1)) == date(2027, 9, 15)
    assert greeting_day(festival, date(2027, 9, 18)) == date(2027, 9, 15)
    assert greeting_day(festival, date(2027, 9, 19)) == date(2028, 10, 3)
    assert greeting_day(festival, date(2027, 9, 19), year=2027) == date(2027, 9, 15)
    assert greeting_day(festival, date(2027, 9, 19), year=2300) is None


def test_greeted_at_says_when_each_was_greeted(book, people):
    with book.session() as session:
        mark_greeted(session, "mid_autumn", 2027, [people["李四"]], LATER)
        assert greeted_at(session, "mid_autumn", 2027) == {people["李四"]: LATER}
        assert greeted_at(session, "mid_autumn", 2028) == {}
