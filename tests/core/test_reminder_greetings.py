"""The greeting a reminder copies is worded for the day it is copied and for the person: on
the day, ahead of it, late; the family member by name and relation; each special day, expiry
and festival with its own words, never the stay-in-touch text."""

from dataclasses import replace
from datetime import date, datetime, timedelta

import pytest

from relbook.core.contact_input import ContactInput, DateInput, FamilyInput
from relbook.core.contacts import create_contact
from relbook.core.demo import fill_demo
from relbook.core.enums import DateKind
from relbook.core.expiries import add_expiry
from relbook.core.festivals import DEFAULT_FESTIVALS, festival_days
from relbook.core.greeting_words import AHEAD
from relbook.core.greetings import (
    Addressee,
    Greeter,
    greeting_for,
    greetings_for,
    save_template,
)
from relbook.core.reminders import occurrences
from relbook.core.tasks import add_task

NOW = datetime(2026, 11, 23, 10)
MID_AUTUMN = next(
    day
    for festival in DEFAULT_FESTIVALS
    if festival.code == "mid_autumn"
    for day in festival_days(festival, date(2027, 1, 1), date(2027, 12, 31))
)
DAYS = {
    "birthday": date(2027, 3, 10),
    "family_birthday": date(2027, 4, 15),
    "wedding": date(2027, 5, 20),
    "expiry": date(2027, 6, 30),
    "festival": MID_AUTUMN,
}
FESTIVAL_NAMES = {"zh_CN": "中秋节", "en": "Mid-Autumn Festival"}
MONTHS = ["March", "April", "May", "June", "July", "August", "September", "October"]
ON_THE_DAY = {
    ("birthday", "zh_CN"): "王总，生日快乐！",
    ("birthday", "en"): "Happy birthday, 王总!",
    ("family_birthday", "zh_CN"): "王总，今天是您夫人李梅的生日",
    ("family_birthday", "en"): "Dear 王总, today is your wife 李梅's birthday!",
    ("wedding", "zh_CN"): "王总，今天是您的结婚纪念日",
    ("wedding", "en"): "Today is your wedding anniversary",
    ("expiry", "zh_CN"): "保修今天到期",
    ("expiry", "en"): "your warranty expires today",
    ("festival", "zh_CN"): "王总，中秋快乐！",
    ("festival", "en"): "Happy Mid-Autumn Festival, 王总!",
}
NAMED_DAYS = {
    "zh_CN": {1: "明天", 2: "后天", -1: "昨天", -2: "前天"},
    "en": {
        1: "tomorrow",
        2: "the day after tomorrow",
        -1: "yesterday",
        -2: "the day before yesterday",
    },
}
LATE = {"zh_CN": "迟到的祝福", "en": "elated"}
LATE_EXPIRY = {"zh_CN": "已于", "en": "expired"}
STAY_IN_TOUCH = ("好久没联系了", "it's been a while")


@pytest.fixture
def wang(book):
    """王建国 (称呼 王总), his wife 李梅's birthday, their wedding day, a warranty."""
    with book.session() as session:
        contact = create_contact(
            session,
            ContactInput(
                "王建国",
                salutation="王总",
                gender="male",
                dates=[
                    DateInput(3, 10, 1975),
                    DateInput(5, 20, 2001, kind=DateKind.WEDDING),
                ],
                family=[FamilyInput("李梅", relation="spouse", dates=[DateInput(4, 15, 1977)])],
            ),
            NOW,
        )
        add_expiry(session, contact.id, "warranty", DAYS["expiry"], NOW)
        return contact.id


def _reminder(session, case, contact_id):
    day = DAYS[case]
    kind = "special_date" if case == "wedding" else case
    (found,) = [o for o in occurrences(session, day, day) if o.kind == kind]
    if case == "festival":  # a festival greeting addressed to one of its recipients
        return replace(found, contact_id=contact_id, contact_name="王建国")
    return found


@pytest.mark.parametrize("language", ["zh_CN", "en"])
@pytest.mark.parametrize("case", list(DAYS))
def test_a_greeting_is_worded_for_the_day_it_is_copied(book, wang, case, language):
    with book.session() as session:
        reminder = _reminder(session, case, wang)
        texts = {
            ahead: greeting_for(
                session,
                reminder,
                language,
                on=reminder.date - timedelta(days=ahead),
                festival_name=FESTIVAL_NAMES[language],
            )
            for ahead in range(-3, 4)
        }
    day = reminder.date
    dated = (
        f"{day.month}月{day.day}日"
        if language == "zh_CN"
        else f"on {MONTHS[day.month - 3]} {day.day}"
    )
    late = (LATE_EXPIRY if case == "expiry" else LATE)[language]
    for ahead, text in texts.items():
        assert "王总" in text and "王建国" not in text
        assert not any(words in text for words in STAY_IN_TOUCH)
        if case == "family_birthday":
            assert ("您夫人李梅" if language == "zh_CN" else "your wife 李梅") in text
            assert "家人" not in text
        if ahead == 0:
            assert ON_THE_DAY[case, language] in text
            assert late not in text and dated not in text
            assert not any(word in text for word in NAMED_DAYS[language].values())
            continue
        assert ON_THE_DAY[case, language] not in text
        assert ("今天" if language == "zh_CN" else "today") not in text.lower()
        assert (late in text) == (ahead < 0)
        assert (NAMED_DAYS[language].get(ahead) or dated) in text
    assert "day after" not in texts[1] and "day before" not in texts[-1]


def test_the_date_carries_its_year_when_it_is_not_this_year(book, wang):
    with book.session() as session:
        reminder = _reminder(session, "expiry", wang)
        on = date(2026, 11, 23)
        assert "2027年6月30日" in greeting_for(session, reminder, "zh_CN", on)
        assert "on June 30, 2027" in greeting_for(session, reminder, "en", on)


@pytest.mark.parametrize(
    ("gender", "zh", "en"),
    [
        ("male", "您夫人李梅", "your wife 李梅"),
        ("female", "您先生李梅", "your husband 李梅"),
        ("unknown", "您爱人李梅", "your spouse 李梅"),
    ],
)
def test_a_spouse_is_named_by_the_contact_s_gender(book, gender, zh, en):
    with book.session() as session:
        create_contact(
            session,
            ContactInput(
                "周明",
                gender=gender,
                family=[FamilyInput("李梅", relation="spouse", dates=[DateInput(4, 15)])],
            ),
            NOW,
        )
        (reminder,) = [
            o
            for o in occurrences(session, DAYS["family_birthday"], DAYS["family_birthday"])
            if o.kind == "family_birthday"
        ]
        assert reminder.details["relation"] == "spouse" and reminder.details["member_id"]
        on = reminder.date
        assert zh in greeting_for(session, reminder, "zh_CN", on)
        assert en in greeting_for(session, reminder, "en", on)


def test_a_child_s_birthday_names_the_child(book):
    with book.session() as session:
        create_contact(
            session,
            ContactInput(
                "周明",
                family=[FamilyInput("周小宝", relation="child", dates=[DateInput(4, 15)])],
            ),
            NOW,
        )
        (reminder,) = [
            o
            for o in occurrences(session, DAYS["family_birthday"], DAYS["family_birthday"])
            if o.kind == "family_birthday"
        ]
        text = greeting_for(session, reminder, "zh_CN", reminder.date)
        assert text.startswith("周明，今天是您的孩子周小宝的生日")
        assert "your child 周小宝's birthday" in greeting_for(
            session, reminder, "en", reminder.date
        )


def test_the_salutation_falls_back_to_the_name(book):
    with book.session() as session:
        create_contact(session, ContactInput("赵六", dates=[DateInput(3, 10)]), NOW)
        (reminder,) = [
            o
            for o in occurrences(session, DAYS["birthday"], DAYS["birthday"])
            if o.kind == "birthday"
        ]
        assert greeting_for(session, reminder, "zh_CN", reminder.date).startswith("赵六，生日快乐")
        assert greeting_for(session, reminder, "en", reminder.date).startswith(
            "Happy birthday, 赵六!"
        )


def test_a_festival_without_a_contact_leaves_the_address_out(book):
    with book.session() as session:
        create_contact(
            session, ContactInput("钱七"), NOW
        )  # a festival with no one to greet is not listed
        (reminder,) = [
            o for o in occurrences(session, MID_AUTUMN, MID_AUTUMN) if o.kind == "festival"
        ]
        assert reminder.contact_id is None

        def text(language: str, ahead: int) -> str:
            on = MID_AUTUMN - timedelta(days=ahead)
            return greeting_for(session, reminder, language, on, FESTIVAL_NAMES[language])

        assert text("zh_CN", 0).startswith("中秋快乐！月圆人团圆")
        assert text("zh_CN", 1).startswith("明天就是中秋节了，提前祝您")
        assert text("zh_CN", -1).startswith("迟到的祝福：昨天是中秋节，")
        assert text("en", 0).startswith("Happy Mid-Autumn Festival! May you")
        assert text("en", 2).startswith("Happy Mid-Autumn Festival in advance! With the holiday")
        assert text("en", -2).startswith("Belated Mid-Autumn Festival wishes! I hope")


def test_a_festival_greeting_for_one_recipient_uses_their_style(book):
    with book.session() as session:
        greeter = Greeter(session, "zh_CN")
        boss = Addressee("王建国", salutation="王总", personality="driver")
        on_the_day = greeter.festival(boss, "qixi", date(2027, 8, 8), date(2027, 8, 8), "七夕")
        early = greeter.festival(boss, "qixi", date(2027, 8, 8), date(2027, 8, 6), "七夕")
    assert on_the_day == "王总，七夕快乐！祝您事业蒸蒸日上、马到成功！"
    assert early.startswith("王总，后天就是七夕了")


def test_the_user_s_template_wins_and_old_keys_still_count(book, wang):
    with book.session() as session:
        save_template(
            session, "zh_CN", "special_date.wedding", None, "{day}，恭喜{salutation}！", AHEAD
        )
        save_template(session, "zh_CN", "birthday", None, "{salutation}，寿辰快乐！")
    with book.session() as session:
        wedding = _reminder(session, "wedding", wang)
        birthday = _reminder(session, "birthday", wang)
        early = wedding.date - timedelta(days=1)
        assert greeting_for(session, wedding, "zh_CN", early) == "明天，恭喜王总！"
        assert greeting_for(session, birthday, "zh_CN", birthday.date) == "王总，寿辰快乐！"
        # a text the user wrote for the day is not sent two days early
        early = birthday.date - timedelta(days=2)
        assert greeting_for(session, birthday, "zh_CN", early).startswith("王总，后天就是您的生日")


def test_the_batch_gives_what_one_at_a_time_gives(book, wang):
    with book.session() as session:
        fill_demo(session, 60, 3, NOW)
        add_task(session, "", NOW + timedelta(days=2), NOW, contact_id=wang, kind="after_deal")
        add_expiry(session, wang, "policy", date(2027, 2, 1), NOW)
        year = occurrences(session, NOW.date(), NOW.date() + timedelta(days=364))
        kinds = {o.kind for o in year}
        assert {"birthday", "family_birthday", "special_date", "festival", "expiry"} <= kinds
        assert {"stay_in_touch", "after_deal"} <= kinds
        on = NOW.date()
        for language in ("zh_CN", "en"):
            names = {"mid_autumn": FESTIVAL_NAMES[language]}
            batch = greetings_for(session, year, language, on, names)
            single = [
                greeting_for(
                    session, o, language, on, names.get(str(o.details.get("festival")), "")
                )
                for o in year
            ]
            assert batch == single
            assert all(batch)
            for reminder, text in zip(year, batch, strict=True):
                if reminder.kind in ("family_birthday", "special_date", "expiry"):
                    assert not any(words in text for words in STAY_IN_TOUCH)


def test_a_festival_the_user_added_is_greeted_by_its_own_name(book):
    with book.session() as session:
        create_contact(
            session, ContactInput("钱七"), NOW
        )  # a festival with no one to greet is not listed
        (mid_autumn,) = [
            o for o in occurrences(session, MID_AUTUMN, MID_AUTUMN) if o.kind == "festival"
        ]
        party = replace(mid_autumn, details={"festival": "custom:9", "name": "公司年会"})
        assert greeting_for(session, party, "zh_CN", MID_AUTUMN).startswith("公司年会快乐！")
        ahead = greeting_for(session, party, "zh_CN", MID_AUTUMN - timedelta(days=1), "中秋节")
        assert ahead.startswith("明天就是公司年会了")
