from relbook.core.greetings import (
    GreetingValues,
    fill,
    save_template,
    template_for,
    unknown_placeholders,
)


def test_specific_style_template_wins_then_falls_back(book):
    with book.session() as session:
        driver = template_for(session, "zh_CN", "birthday", "driver")
        plain = template_for(session, "zh_CN", "birthday", None)
        fallback = template_for(session, "zh_CN", "festival", "analytical")
    assert driver != plain and "{name}" in driver
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
        assert template_for(session, "en", "after_deal").startswith("Dear {name}")


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
