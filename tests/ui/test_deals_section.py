"""The contact pane's Deals tab: the contact's opportunities and purchases, and recording a
purchase with its thank-you and renewal reminder."""

from datetime import date, datetime, timedelta

import pytest
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from relbook.core.contact_input import ContactInput
from relbook.core.contacts import create_contact
from relbook.core.deal_reads import deals_of_contact
from relbook.core.deals import DealInput, add_deal, lose_deal, set_role
from relbook.core.demo import fill_demo, story_contact
from relbook.core.purchases import purchases_of, record_purchase
from relbook.core.tasks import follow_ups_of
from relbook.db.book import Book
from relbook.ui.contact_pane import ContactPane
from relbook.ui.deals_section import DealsSection
from relbook.ui.events import BookEvents
from relbook.ui.purchase_dialog import PurchaseDialog

TODAY = date.today()


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _contact(book: Book) -> int:
    with book.session() as session:
        return create_contact(session, ContactInput("王建国"), datetime.now()).id


def _section(qtbot: QtBot, book: Book, contact_id: int) -> DealsSection:
    section = DealsSection(book, BookEvents())
    qtbot.addWidget(section)
    section.show()
    section.load(contact_id)
    qtbot.waitUntil(lambda: section.shown is not None)
    return section


def _fill(dialog: PurchaseDialog, product: str, amount: str, bought: date) -> None:
    dialog.product_edit.setText(product)
    dialog.amount_edit.setText(amount)
    dialog.bought_edit.setDate(_qdate(bought))


def test_recording_a_purchase_adds_it_with_the_thank_you_and_the_renewal(
    qtbot: QtBot, book: Book, english: None
) -> None:
    contact_id = _contact(book)
    section = _section(qtbot, book, contact_id)
    assert section.no_purchases.isVisible() and section.no_deals.isVisible()
    dialog = section.record_purchase()
    assert dialog is not None
    assert dialog.bought_edit.date() == QDate.currentDate()  # today unless changed
    assert "thank-you" in dialog.note.text() and "renewal" in dialog.note.text()
    bought = TODAY - timedelta(days=3)
    renewal = bought.replace(year=bought.year + 1, day=min(bought.day, 28))
    _fill(dialog, "CRM licences, 50 seats", "12,800.5", bought)
    dialog.renews.setChecked(True)
    dialog.renewal_edit.setDate(_qdate(renewal))
    with qtbot.waitSignal(dialog.accepted):  # closes once the book has it
        dialog.save()

    with book.session() as session:
        (purchase,) = purchases_of(session, contact_id)
        tasks, expiries = follow_ups_of(session, contact_id)
    assert (purchase.product, purchase.amount_cents, purchase.bought_on, purchase.renewal_on) == (
        "CRM licences, 50 seats",
        1_280_050,
        bought,
        renewal,
    )
    thanks = [due for _id, due, _time, kind, _title in tasks if kind == "after_deal"]
    assert [due.date() for due in thanks] == [bought + timedelta(days=2)]
    assert [(day, kind, label) for _id, day, kind, label in expiries] == [
        (renewal, "contract", "CRM licences, 50 seats")
    ]
    # the section follows the change it made
    qtbot.waitUntil(lambda: section.purchases.topLevelItemCount() == 1)
    row = section.purchases.topLevelItem(0)
    assert row is not None
    assert row.text(0) == "CRM licences, 50 seats"
    assert row.text(1) == "12,800.50"
    assert "12,800.50" in section.total_label.text()


def test_the_purchase_dialog_shows_each_problem_under_its_field(
    qtbot: QtBot, book: Book, english: None
) -> None:
    contact_id = _contact(book)
    dialog = PurchaseDialog(book, BookEvents(), contact_id)
    qtbot.addWidget(dialog)
    dialog.show()
    _fill(dialog, "", "a lot", TODAY)
    dialog.save()
    assert "not an amount" in dialog.field_messages.labels["amount"].text()
    assert dialog.isVisible()

    _fill(dialog, "   ", "800", TODAY - timedelta(days=10))
    dialog.renews.setChecked(True)
    dialog.renewal_edit.setDate(_qdate(TODAY - timedelta(days=20)))
    dialog.save()
    assert dialog._events.runner.wait_all()
    assert "must not be empty" in dialog.field_messages.labels["product"].text()
    assert "before the day of the purchase" in dialog.field_messages.labels["renewal_on"].text()
    assert dialog.isVisible() and dialog.saved_id is None
    with book.session() as session:
        assert purchases_of(session, contact_id) == []
        assert follow_ups_of(session, contact_id) == ([], [])


def test_deleting_a_purchase_asks_first(
    qtbot: QtBot, book: Book, english: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    contact_id = _contact(book)
    now = datetime.now()
    with book.session() as session:
        record_purchase(session, contact_id, "Backup server", 18_800_000, TODAY, now, TODAY)
        session.commit()
    section = _section(qtbot, book, contact_id)
    section.purchases.setCurrentItem(section.purchases.topLevelItem(0))
    asked: list[str] = []

    def answer(reply: QMessageBox.StandardButton):
        def question(_parent, _title, text, *_args):
            asked.append(text)
            return reply

        return question

    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.No))
    section.delete_button.click()
    assert 'Delete the purchase "Backup server"' in asked[0]
    assert "renewal reminder" in asked[0]
    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.Yes))
    section.delete_button.click()
    qtbot.waitUntil(lambda: section.purchases.topLevelItemCount() == 0)
    with book.session() as session:
        assert purchases_of(session, contact_id) == []
        assert follow_ups_of(session, contact_id)[1] == []  # the renewal went with it


def test_the_pane_lists_the_contacts_deals_and_purchases_on_the_demo_book(
    qtbot: QtBot, book: Book, english: None
) -> None:
    now = datetime.now().replace(microsecond=0)
    with book.session() as session:
        fill_demo(session, 60, seed=3, now=now)
        contact_id = story_contact(session)
        assert contact_id is not None
        first = add_deal(
            session,
            DealInput(
                "数据中心扩容二期", [contact_id], 128_000_000, "value", TODAY + timedelta(40)
            ),
            now,
        ).id
        set_role(session, first, contact_id, "decision_maker", now)
        set_role(session, first, contact_id, "insider", now)
        lost = add_deal(session, DealInput("安全审计", [contact_id], 21_000_000), now).id
        lose_deal(session, lost, "price", TODAY, now)
        record_purchase(session, contact_id, "备份一体机", 18_800_000, TODAY, now)
        session.commit()
        expected_deals = deals_of_contact(session, contact_id)
        expected_purchases = purchases_of(session, contact_id)
    events = BookEvents()
    pane = ContactPane(book, events)
    qtbot.addWidget(pane)
    pane.show()
    pane.show_contact(contact_id)
    pane.tabs.setCurrentWidget(pane.deals)
    section = pane.deals
    qtbot.waitUntil(lambda: section.shown is not None)

    titles = [
        section.deals.topLevelItem(i).text(0).split("\n")[0]  # type: ignore[union-attr]
        for i in range(section.deals.topLevelItemCount())
    ]
    assert titles == [deal.title for deal in expected_deals]
    assert {"数据中心扩容二期", "安全审计"} <= set(titles)
    open_row = section.deals.topLevelItem(titles.index("数据中心扩容二期"))
    assert open_row is not None
    assert open_row.text(0).split("\n")[1] == "Decision maker · Insider"
    assert open_row.text(1).startswith("Presenting value\nOpen · expected ")
    assert open_row.text(2) == "1,280,000"
    lost_row = section.deals.topLevelItem(titles.index("安全审计"))
    assert lost_row is not None and "\nLost · " in lost_row.text(1)
    products = [
        section.purchases.topLevelItem(i).text(0)  # type: ignore[union-attr]
        for i in range(section.purchases.topLevelItemCount())
    ]
    assert products == [p.product for p in expected_purchases] and "备份一体机" in products

    # a change to this contact's deals refreshes the section
    with book.session() as session:
        record_purchase(session, contact_id, "软件维保", 4_250_050, TODAY, now)
        changes = record_purchase(session, contact_id, "耗材", 100_00, TODAY, now).changes
        session.commit()
    events.emit_changes(changes)
    qtbot.waitUntil(lambda: section.purchases.topLevelItemCount() == len(expected_purchases) + 2)


def test_opening_and_adding_deals_are_offered_only_when_the_window_handles_them(
    qtbot: QtBot, book: Book, english: None
) -> None:
    contact_id = _contact(book)
    with book.session() as session:
        deal_id = add_deal(session, DealInput("Renewal", [contact_id], 100_000), datetime.now()).id
        session.commit()
    section = _section(qtbot, book, contact_id)
    assert not section.new_deal_button.isVisible()
    section.offer_deal_editor()
    assert section.new_deal_button.isVisible()
    with qtbot.waitSignal(section.new_deal_requested) as new:
        section.new_deal_button.click()
    assert new.args == [contact_id]
    section.deals.setCurrentItem(section.deals.topLevelItem(0))
    with qtbot.waitSignal(section.open_deal_requested) as opened:
        section.open_deal_button.click()
    assert opened.args == [deal_id]


def test_the_window_opens_its_opportunity_editor_from_the_pane(
    qtbot: QtBot, book: Book, window, monkeypatch: pytest.MonkeyPatch
) -> None:
    contact_id = _contact(book)
    with book.session() as session:
        deal_id = add_deal(session, DealInput("机房改造", [contact_id], 100_000), datetime.now()).id
        session.commit()
    window.model.reload_now()
    window.select_contact(contact_id)
    section = window.pane.deals
    window.pane.tabs.setCurrentWidget(section)
    qtbot.waitUntil(lambda: section.deals.topLevelItemCount() == 1)
    opened = []
    monkeypatch.setattr("relbook.ui.deal_editor.DealEditor.open", lambda self: opened.append(self))

    section.new_deal_button.click()
    (new,) = opened
    assert new.loaded is None and [m.contact_id for m in new.members] == [contact_id]
    new.reject()
    section.deals.setCurrentItem(section.deals.topLevelItem(0))
    section.open_deal_button.click()
    assert opened[1].loaded is not None and opened[1].loaded.row.id == deal_id
    opened[1].reject()
