"""Win rates are learned per stage once five closed opportunities reached it."""

from datetime import date

from relbook.core.deal_stages import StageEdit, deal_stages, save_stages
from relbook.core.deals import delete_deal
from relbook.core.settings import set_setting
from relbook.core.win_rates import MIN_CLOSED, win_rates
from tests.core.deal_helpers import NOW, closed, deal, people

DAY = date(2026, 11, 20)


def test_the_default_rate_holds_until_the_fifth_closed_deal_then_it_is_learned(book):
    assert MIN_CLOSED == 5
    with book.session() as session:
        (zhang,) = people(session, "张三")
        for won in (True, False, False, True):
            closed(session, [zhang], ["analysis", "trust", "needs"], won, DAY)
        deal(session, [zhang], 1000, stage="needs")  # open deals teach nothing
        four = win_rates(session)
        closed(session, [zhang], ["analysis", "trust"], False, DAY)
        five = win_rates(session)
    assert (four["trust"].source, four["trust"].rate) == ("default", 0.2)
    assert (four["trust"].closed, four["trust"].won) == (4, 2)
    assert (five["trust"].source, five["trust"].rate) == ("learned", 2 / 5)
    assert (five["analysis"].source, five["analysis"].closed) == ("learned", 5)
    assert (five["needs"].source, five["needs"].rate, five["needs"].closed) == ("default", 0.3, 4)
    assert five["payment"].closed == 0 and five["payment"].rate == 0.9


def test_small_and_trashed_deals_do_not_teach(book):
    with book.session() as session:
        (zhang,) = people(session, "张三")
        for _ in range(4):
            closed(session, [zhang], ["value"], True, DAY)
        gone = closed(session, [zhang], ["value"], False, DAY)
        delete_deal(session, gone, NOW)
        assert win_rates(session)["value"].source == "default"
        closed(session, [zhang], ["value"], False, DAY)
        assert win_rates(session)["value"].rate == 4 / 5
        set_setting(session, "deal.funnel_min_amount", 1001)  # every deal here is 1000 yuan
        assert win_rates(session)["value"].source == "default"


def test_a_changed_default_rate_is_used_until_learned(book):
    with book.session() as session:
        edits = [StageEdit(s.code, s.name, s.default_rate) for s in deal_stages(session)]
        edits[2] = StageEdit("needs", "", 0.35)
        save_stages(session, edits)
        assert win_rates(session)["needs"].rate == 0.35
