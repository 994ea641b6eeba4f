from datetime import date

from relbook.core.greeting_words import AHEAD
from relbook.core.greetings import template_for
from relbook.ui.greetings_editor import GreetingsEditor


def test_edit_preview_save_and_reset(qtbot, book, english):
    editor = GreetingsEditor(book, "en")
    qtbot.addWidget(editor)
    editor.occasion.setCurrentIndex(editor.occasion.findData("festival"))
    editor.text.setPlainText("Happy {festival}, {name}! {oops}")
    assert editor.preview.text() == "Happy Mid-Autumn Festival, Mr Zhang! {oops}"
    assert "{oops}" in editor.warning.text()
    editor.save_button.click()
    assert editor._events.runner.wait_all()  # saved in the background
    with book.session() as session:
        assert template_for(session, "en", "festival") == "Happy {festival}, {name}! {oops}"
    editor.reset_button.click()
    assert editor._events.runner.wait_all()
    with book.session() as session:
        assert template_for(session, "en", "festival").startswith("Happy {festival}, {salutation}!")
    assert "{oops}" not in editor.text.toPlainText()


def test_a_special_day_previewed_as_copied_ahead_late_and_on_the_day(qtbot, book, english):
    editor = GreetingsEditor(book, "en", today=date(2026, 11, 23))
    qtbot.addWidget(editor)
    occasions = [editor.occasion.itemData(i) for i in range(editor.occasion.count())]
    assert {"special_date.founding", "expiry.policy", "festival.qixi"} <= set(occasions)
    editor.occasion.setCurrentIndex(editor.occasion.findData("special_date.wedding"))
    assert editor.occasion.currentText() == "Special day: Wedding anniversary"
    assert editor.preview.text().startswith(
        "Happy anniversary, Mr Zhang! Today is your wedding anniversary"
    )
    editor.copied.setCurrentIndex(editor.copied.findData(2))
    assert "anniversary is coming up the day after tomorrow" in editor.preview.text()
    editor.copied.setCurrentIndex(editor.copied.findData(5))
    assert "anniversary is coming up on November 28" in editor.preview.text()
    editor.copied.setCurrentIndex(editor.copied.findData(-2))
    assert editor.preview.text().startswith(
        "Belated happy anniversary, Mr Zhang! I hope your wedding anniversary the day before"
        " yesterday"
    )
    editor.copied.setCurrentIndex(editor.copied.findData(1))
    editor.text.setPlainText("{salutation}, {day} is your big day!")
    assert editor.preview.text() == "Mr Zhang, tomorrow is your big day!"
    editor.save_button.click()
    assert editor._events.runner.wait_all()
    with book.session() as session:
        ahead = template_for(session, "en", "special_date.wedding", None, AHEAD)
        on_the_day = template_for(session, "en", "special_date.wedding")
    assert ahead == "{salutation}, {day} is your big day!"
    assert on_the_day.startswith("Happy anniversary, {salutation}!")


def test_a_family_birthday_preview_names_the_member_and_relation(qtbot, book, english):
    editor = GreetingsEditor(book, "zh_CN", today=date(2026, 11, 23))
    qtbot.addWidget(editor)
    editor.occasion.setCurrentIndex(editor.occasion.findData("family_birthday"))
    assert editor.preview.text().startswith("张总，今天是您夫人李梅的生日")
    editor.copied.setCurrentIndex(editor.copied.findData(-2))
    assert editor.preview.text().startswith("迟到的祝福：张总，前天是您夫人李梅的生日")
