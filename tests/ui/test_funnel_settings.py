"""The settings' Opportunities page: renaming, reordering, adding and removing the funnel's
stages, and the out-of-funnel threshold."""

from datetime import datetime

from pytestqt.qtbot import QtBot

from relbook.core.contact_input import ContactInput
from relbook.core.contacts import create_contact
from relbook.core.deal_stages import deal_stages
from relbook.core.deals import DealInput, add_deal
from relbook.core.settings import get_setting
from relbook.db.book import Book
from relbook.ui.events import BookEvents
from relbook.ui.funnel_settings import NAME, RATE, FunnelPage
from relbook.ui.settings_dialog import SettingsDialog


def _dialog(qtbot: QtBot, book: Book) -> SettingsDialog:
    dialog = SettingsDialog(book, BookEvents())
    qtbot.addWidget(dialog)
    dialog.pages.setCurrentWidget(dialog.funnel_tab)
    dialog.show()
    qtbot.waitUntil(dialog.funnel.loaded)
    return dialog


def _names(page: FunnelPage) -> list[str]:
    return [page.table.item(row, NAME).text() for row in range(page.table.rowCount())]  # type: ignore[union-attr]


def _select(page: FunnelPage, name: str) -> None:
    page.table.selectRow(_names(page).index(name))


def _deal_in(book: Book, stage: str) -> None:
    now = datetime.now()
    with book.session() as session:
        contact_id = create_contact(session, ContactInput("李红梅"), now).id
        add_deal(session, DealInput("Annual service", [contact_id], 5_000_000, stage), now)
        session.commit()


def _saved(qtbot: QtBot, dialog: SettingsDialog) -> None:
    with qtbot.waitSignal(dialog.accepted):
        dialog.save()


def test_stages_show_their_words_and_rates_learned_or_default(
    qtbot: QtBot, book: Book, english: None
) -> None:
    page = _dialog(qtbot, book).funnel
    assert _names(page) == [
        "Customer analysis",
        "Building trust",
        "Uncovering needs",
        "Presenting value",
        "Winning commitment",
        "Collecting payment",
    ]
    rates = [page.table.item(row, RATE).data(0) for row in range(6)]  # type: ignore[union-attr]
    assert rates == [10, 20, 30, 50, 70, 90]
    in_use = page.table.item(1, 2).text()  # type: ignore[union-attr]
    assert in_use == "20% · default (0 of 5 closed)"
    assert "once 5 that reached a stage have closed" in page.rates_note.text()
    assert page.changed_stages() is None  # nothing to store until something changes


def test_renamed_reordered_and_added_stages_and_the_threshold_are_kept(
    qtbot: QtBot, book: Book, english: None
) -> None:
    dialog = _dialog(qtbot, book)
    page = dialog.funnel
    page.table.item(0, NAME).setText("摸底")  # type: ignore[union-attr]
    page.table.item(0, RATE).setData(2, 15)  # type: ignore[union-attr]
    _select(page, "Presenting value")
    page.up_button.click()
    page.add_button.click()
    page.table.item(6, NAME).setText("Signing the contract")  # type: ignore[union-attr]
    page.table.item(6, RATE).setData(2, 80)  # type: ignore[union-attr]
    _select(page, "Collecting payment")
    page.remove_button.click()  # used by nobody: it goes
    page.threshold.setValue(5000)
    _saved(qtbot, dialog)

    with book.session() as session:
        stages = [(s.code, s.name, round(s.default_rate * 100)) for s in deal_stages(session)]
        threshold = get_setting(session, "deal.funnel_min_amount")
    assert stages == [
        ("analysis", "摸底", 15),
        ("trust", "", 20),  # built-in stages left alone keep their translated words
        ("value", "", 50),
        ("needs", "", 30),
        ("commitment", "", 70),
        ("signing_the_contract", "Signing the contract", 80),
    ]
    assert threshold == 5000

    again = _dialog(qtbot, book)
    assert _names(again.funnel) == [
        "摸底",
        "Building trust",
        "Presenting value",
        "Uncovering needs",
        "Winning commitment",
        "Signing the contract",
    ]
    assert again.funnel.threshold.value() == 5000


def test_a_stage_an_opportunity_uses_is_not_removed(
    qtbot: QtBot, book: Book, english: None
) -> None:
    _deal_in(book, "trust")
    dialog = _dialog(qtbot, book)
    page = dialog.funnel
    _select(page, "Building trust")
    page.remove_button.click()
    assert "Building trust" in _names(page)
    assert page.message.isVisible()
    assert 'the stage "Building trust" cannot be removed' in page.message.text()


def test_the_book_refuses_to_remove_a_stage_used_since_the_page_was_read(
    qtbot: QtBot, book: Book, english: None
) -> None:
    dialog = _dialog(qtbot, book)
    page = dialog.funnel
    _deal_in(book, "needs")  # after the page was read
    _select(page, "Uncovering needs")
    page.remove_button.click()
    assert "Uncovering needs" not in _names(page)
    page.threshold.setValue(900)
    dialog.pages.setCurrentIndex(0)
    dialog.save()
    assert dialog._events.runner.wait_all()

    assert dialog.isVisible()
    assert dialog.pages.currentWidget() is dialog.funnel_tab
    assert 'the stage "Uncovering needs" cannot be removed' in page.message.text()
    with book.session() as session:  # nothing was stored, the threshold neither
        assert "needs" in [s.code for s in deal_stages(session)]
        assert get_setting(session, "deal.funnel_min_amount") == 0


def test_a_stage_of_ones_own_needs_a_name(qtbot: QtBot, book: Book, english: None) -> None:
    dialog = _dialog(qtbot, book)
    page = dialog.funnel
    page.add_button.click()
    page.table.item(6, NAME).setText("  ")  # type: ignore[union-attr]
    page.table.item(0, NAME).setText("")  # type: ignore[union-attr]  # built-in: its words back
    dialog.save()
    assert "Stage name must not be empty." in page.message.text()
    page.table.item(6, NAME).setText("Pilot")  # type: ignore[union-attr]
    _saved(qtbot, dialog)
    with book.session() as session:
        stages = deal_stages(session)
    assert (stages[0].code, stages[0].name) == ("analysis", "")
    assert stages[-1].name == "Pilot"
