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
    with book.session() as session:
        assert template_for(session, "en", "festival") == "Happy {festival}, {name}! {oops}"
    editor.reset_button.click()
    with book.session() as session:
        assert template_for(session, "en", "festival").startswith("Happy {festival}, {salutation}!")
    assert "{oops}" not in editor.text.toPlainText()
