from datetime import date

from relbook.core.contact_input import ContactInput
from relbook.core.contacts import create_contact, get_contact
from relbook.core.referrals import add_referral, referral_forest, relations_of, set_relation
from relbook.ui.events import BookEvents
from relbook.ui.relations_tab import RelationsTab


def test_remove_a_relation_and_a_referral_recorded_by_mistake(qtbot, book, now, english):
    with book.session() as session:
        boss = create_contact(session, ContactInput("王总"), now).id
        clerk = create_contact(session, ContactInput("小李"), now).id
        set_relation(session, clerk, boss, "superior")
        add_referral(session, boss, clerk, date(2026, 1, 5), now)
    tab = RelationsTab(book, BookEvents())
    qtbot.addWidget(tab)
    tab.load(clerk)
    assert tab.relations_tree.topLevelItemCount() == 1
    tab.remove_link(tab.relations_tree, tab.relations_tree.topLevelItem(0))
    tab.remove_link(tab.referred_by_tree, tab.referred_by_tree.topLevelItem(0))
    assert tab._events.runner.wait_all()  # both are removed in the background
    assert tab.relations_tree.topLevelItemCount() == 0
    assert tab.referred_by_tree.topLevelItemCount() == 0
    with book.session() as session:
        assert relations_of(session, boss) == []
        assert referral_forest(session) == []
        assert get_contact(session, clerk).referred_by_id is None
