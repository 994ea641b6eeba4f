"""The referral tree dialog and recording a referral from the Relations tab."""

from datetime import date

from relbook.core.contact_input import ContactInput
from relbook.core.contacts import create_contact
from relbook.core.referrals import add_referral, referrals_of
from relbook.ui.link_dialogs import ReferralDialog
from relbook.ui.referral_tree import ReferralTreeDialog
from tests.ui.test_contact_editor import type_ime


def test_tree_counts_everyone_who_came_through_a_referrer(qtbot, book, now, window):
    with book.session() as session:
        a, b, c, d = (create_contact(session, ContactInput(n), now).id for n in "甲乙丙丁")
        add_referral(session, a, b, date(2025, 3, 1), now)
        add_referral(session, b, c, date(2025, 6, 1), now)
        add_referral(session, a, d, date(2026, 1, 5), now)
    window.apply_filter()
    qtbot.waitUntil(lambda: window.runner.running() == 0)
    dialog = window.open_referral_tree()
    assert isinstance(dialog, ReferralTreeDialog)
    root = dialog.tree.topLevelItem(0)
    assert (root.text(0), root.text(3)) == ("甲", "3")
    children = {root.child(i).text(0): root.child(i) for i in range(root.childCount())}
    assert children["乙"].text(3) == "1" and children["丁"].text(3) == ""
    assert children["乙"].child(0).text(0) == "丙"
    assert "3 people" in dialog.summary_label.text()
    dialog.tree.itemActivated.emit(children["丁"], 0)
    assert window.pane.current_id() == d


def test_add_referral_from_the_relations_tab(qtbot, book, now, window):
    with book.session() as session:
        a = create_contact(session, ContactInput("甲"), now).id
        b = create_contact(session, ContactInput("乙"), now).id
    window.apply_filter()
    qtbot.waitUntil(lambda: window.runner.running() == 0)
    window.select_contact(a)
    window.pane.tabs.setCurrentIndex(3)
    relations = window.pane.relations
    relations.add_referral_button.click()
    dialog = relations.dialog
    assert isinstance(dialog, ReferralDialog)
    type_ime(dialog.picker, "乙")
    dialog.save()
    assert window.runner.wait_all()  # saved in the background
    with book.session() as session:
        _by, made = referrals_of(session, a)
        assert [r.referred_id for r in made] == [b]
    assert relations.referred_tree.topLevelItem(0).text(0) == "乙"
