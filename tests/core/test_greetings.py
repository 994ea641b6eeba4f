from dataclasses import replace
from datetime import date, timedelta

import pytest

from relbook.core.enums import Personality
from relbook.core.festivals import DEFAULT_FESTIVALS
from relbook.core.greeting_words import (
    AHEAD,
    BELATED,
    TIMINGS,
    TODAY,
    day_phrase,
    relation_phrase,
    timing_of,
)
from relbook.core.greetings import (
    OCCASIONS,
    Greeter,
    GreetingValues,
    default_templates,
    fill,
    save_template,
    template_for,
    template_key,
    unknown_placeholders,
)


def test_specific_style_template_wins_then_falls_back(book):
    with book.session() as session:
        driver = template_for(session, "zh_CN", "birthday", "driver")
        plain = template_for(session, "zh_CN", "birthday", None)
        fallback = template_for(session, "zh_CN", "festival", "analytical")
    assert driver != plain and "{salutation}" in driver
    assert "{festival}" in fallback


def test_fill_replaces_placeholders_and_keeps_unknown_ones():
    text = fill(
        "{name}，{festival}快乐！{title}{oops}", GreetingValues("张总", "总经理", "", "中秋节")
    )
    assert text == "张总，中秋节快乐！总经理{oops}"
    assert unknown_placeholders("{name} {oops}") == ["oops"]


def test_user_templates_override_and_reset(book):
    with book.session() as session:
        save_template(session, "en", "after_deal", None, "Thanks {name}!")
    with book.session() as session:
        assert template_for(session, "en", "after_deal") == "Thanks {name}!"
        save_template(session, "en", "after_deal", None, "")
    with book.session() as session:
        assert template_for(session, "en", "after_deal").startswith("Dear {salutation}")


def test_each_festival_can_have_its_own_template(book):
    from relbook.core.greetings import occasion_for_reminder

    with book.session() as session:
        spring = template_for(
            session, "zh_CN", occasion_for_reminder("festival", "spring_festival")
        )
        qixi = template_for(session, "zh_CN", occasion_for_reminder("festival", "qixi"))
        general = template_for(session, "zh_CN", "festival")
        save_template(session, "zh_CN", "festival.qixi", None, "{name}，七夕快乐！")
    assert "新春" in spring and qixi == general
    with book.session() as session:
        assert template_for(session, "zh_CN", "festival.qixi", "driver") == "{name}，七夕快乐！"
    assert occasion_for_reminder("festival", "custom:3") == "festival"


def test_template_keys_name_the_timing_and_the_style():
    assert template_key("birthday") == "birthday"
    assert template_key("birthday", "driver") == "birthday/driver"
    assert template_key("festival.qixi", "amiable", BELATED) == "festival.qixi@belated/amiable"
    assert template_key("expiry.policy", None, AHEAD) == "expiry.policy@ahead"


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_every_dated_occasion_has_its_own_words_for_each_timing_and_style(book, language):
    """Ahead and late, the text says which day it is ({day}) and never "today"; a special day,
    family birthday or expiry never falls back to the stay-in-touch text."""
    dated = [o for o in OCCASIONS if o not in ("after_deal", "generic")]
    styles = [None, *(style.value for style in Personality)]
    with book.session() as session:
        greeter = Greeter(session, language)
        for occasion in dated + [f"festival.{f.code}" for f in DEFAULT_FESTIVALS]:
            for style in styles:
                for timing in TIMINGS:
                    text = greeter.template(occasion, style, timing)
                    assert text != greeter.template("generic", style, timing), occasion
                    assert "{salutation}" in text
                    if timing != TODAY:
                        assert "{day}" in text, (occasion, timing)
                        assert ("今天" if language == "zh_CN" else "today") not in text.lower()
    for key, text in default_templates()[language].items():
        if not key.startswith("generic"):
            assert "好久没联系了" not in text and "it's been a while" not in text


def test_a_text_for_any_day_serves_every_timing(book):
    with book.session() as session:
        greeter = Greeter(session, "en")
        thanks = greeter.template("after_deal", "driver")
        assert greeter.template("after_deal", "driver", AHEAD) == thanks
        assert greeter.template("after_deal", None, BELATED) == thanks


def test_new_placeholders_are_known_and_the_salutation_falls_back_to_the_name():
    assert unknown_placeholders("{salutation}{day}{member}{relation}{label}{oops}") == ["oops"]
    template = "{salutation}，{day}是{relation}{member}的生日"
    values = GreetingValues("王建国", day="明天", member="李梅", relation="您夫人")
    assert fill(template, values) == "王建国，明天是您夫人李梅的生日"
    assert fill(template, replace(values, salutation="王总")) == "王总，明天是您夫人李梅的生日"


def test_with_nobody_to_address_the_address_goes_with_its_comma():
    nobody = GreetingValues("", festival="Mid-Autumn Festival", day="明天")
    assert fill("{salutation}，{day}就是中秋了！", nobody) == "明天就是中秋了！"
    assert fill("迟到的祝福：{name}，{day}是中秋", nobody) == "迟到的祝福：明天是中秋"
    assert (
        fill("Happy {festival}, {salutation}! Enjoy.", nobody)
        == "Happy Mid-Autumn Festival! Enjoy."
    )
    assert fill("{salutation}您好", nobody) == "您好"
    assert fill("{oops}, {name}", GreetingValues("王总")) == "{oops}, 王总"


def test_day_phrases_and_relations_come_from_the_words_file():
    on = date(2027, 3, 1)
    assert [day_phrase("zh_CN", on + timedelta(days=n), on) for n in (-2, -1, 0, 1, 2, 3)] == [
        "前天",
        "昨天",
        "今天",
        "明天",
        "后天",
        "3月4日",
    ]
    assert day_phrase("en", date(2028, 1, 5), on) == "on January 5, 2028"
    assert day_phrase("fr", on, on) == "today"  # a language without words speaks English
    assert timing_of(on, on) == TODAY
    assert timing_of(on, on - timedelta(days=9)) == AHEAD
    assert timing_of(on, on + timedelta(days=1)) == BELATED
    assert relation_phrase("zh_CN", "spouse", "female") == "您先生"
    assert relation_phrase("en", "spouse", "unknown") == "your spouse"
    assert relation_phrase("zh_CN", "child", "male") == "您的孩子"
    assert relation_phrase("en", "cousin", "male") == "your family member"
