"""The company map window, opened from the contact pane: the people as an org chart, the
gaps in words, double-click to open a person, and reloading when the book changes."""

from datetime import datetime

from relbook.core.changes import BookChanges
from relbook.core.company_map import MapPerson
from relbook.core.contact_input import ContactInput
from relbook.core.contacts import create_contact
from relbook.core.referrals import set_relation
from relbook.ui.company_map_window import NAME, chart_rows
from relbook.ui.main_window import MainWindow
from relbook.words import labels

NOW = datetime(2026, 11, 23, 10, 0)


def _people(book) -> dict[str, int]:
    with book.session() as session:
        ids = {
            name: create_contact(session, ContactInput(name, company="华信科技", **values), NOW).id
            for name, values in (
                ("王总", dict(title="总经理", buying_role="decision_maker", level=2)),
                ("李采购", dict(title="采购专员", buying_role="purchaser", level=2)),
                ("赵工", dict(title="工程师", is_insider=True, level=1)),
            )
        }
        set_relation(session, ids["李采购"], ids["王总"], "superior")
        set_relation(session, ids["赵工"], ids["李采购"], "superior")
    return ids


def _open_map(qtbot, window: MainWindow, contact_id: int):
    window.select_contact(contact_id)
    qtbot.waitUntil(lambda: window.pane.current_id() == contact_id, timeout=3000)
    assert window.pane.company_link.isVisibleTo(window.pane)
    assert "华信科技" in window.pane.company_link.text()
    window.pane.company_link.linkActivated.emit("company")
    company_map = window.company_maps["华信科技"]
    qtbot.waitUntil(lambda: company_map.company is not None, timeout=3000)
    return company_map


def test_the_map_shows_the_chart_and_the_gaps(qtbot, book, window: MainWindow) -> None:
    ids = _people(book)
    company_map = _open_map(qtbot, window, ids["赵工"])
    tree = company_map.tree
    assert tree.topLevelItemCount() == 1
    boss = tree.topLevelItem(0)
    assert boss.text(NAME) == "王总"
    assert boss.text(3) == labels.buying_role("decision_maker")
    assert boss.text(4) == labels.level_with_number(2)
    buyer = boss.child(0)
    assert buyer.text(NAME) == "李采购"
    engineer = buyer.child(0)
    assert engineer.text(NAME) == "赵工" and engineer.text(5) == "Insider"
    gaps = company_map.gaps.text()
    assert "Every relationship here is below 3 Engaged" in gaps
    assert "No decision maker known" not in gaps and "Nobody senior known" not in gaps

    tree.itemDoubleClicked.emit(company_map.person_item(ids["王总"]), 0)
    qtbot.waitUntil(lambda: window.pane.current_id() == ids["王总"], timeout=3000)

    with book.session() as session:  # someone new joins the company: the map reads again
        newcomer = create_contact(session, ContactInput("钱处长", company="华信科技", level=4), NOW)
        newcomer_id = newcomer.id
    window.events.emit_changes(BookChanges(contact_ids=frozenset({newcomer_id}), contacts=True))
    qtbot.waitUntil(lambda: company_map.person_item(newcomer_id) is not None, timeout=3000)
    assert "Every relationship here is below" not in company_map.gaps.text()


def test_a_company_with_nobody_senior_or_inside(qtbot, book, window: MainWindow) -> None:
    with book.session() as session:
        clerk = create_contact(session, ContactInput("小张", company="远方集团"), NOW).id
    window.select_contact(clerk)
    qtbot.waitUntil(lambda: window.pane.current_id() == clerk, timeout=3000)
    company_map = window.open_company_map("远方集团")
    qtbot.waitUntil(lambda: company_map.company is not None, timeout=3000)
    gaps = company_map.gaps.text()
    for words in (
        "No decision maker known",
        "No insider who helps you",
        "Nobody senior known",
    ):
        assert words in gaps
    assert window.open_company_map("远方集团") is company_map  # one window per company


def test_a_loop_of_superiors_is_shown_once() -> None:
    def person(pid: int, *above: int) -> MapPerson:
        return MapPerson(pid, str(pid), "", "", None, False, 1, None, tuple(above))

    rows = chart_rows([person(1, 2), person(2, 1), person(3), person(4, 3)])
    assert [(p.id, parent) for p, parent in rows] == [(3, None), (4, 3), (1, None), (2, 1)]
