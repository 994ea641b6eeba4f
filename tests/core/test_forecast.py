"""The forecast adds booked revenue and the weighted pipeline; progress compares a week ago."""

from datetime import date

from relbook.core.deals import delete_deal, lose_deal, move_deal, win_deal
from relbook.core.forecast import forecast, quarter_of
from relbook.core.purchases import record_purchase
from relbook.core.settings import set_setting
from tests.core.deal_helpers import NOW, TODAY, closed, deal, people

Q4 = (date(2026, 10, 1), date(2026, 12, 31))


def test_quarters():
    assert quarter_of(date(2026, 11, 23)) == Q4
    assert quarter_of(date(2026, 1, 1)) == (date(2026, 1, 1), date(2026, 3, 31))
    assert quarter_of(date(2026, 6, 30)) == (date(2026, 4, 1), date(2026, 6, 30))


def test_the_forecast_against_a_hand_calculation(book):
    with book.session() as session:
        zhang, li = people(session, "张三", "李四")
        record_purchase(session, zhang, "保险", 3_000_000, date(2026, 10, 5), NOW)  # 30,000
        record_purchase(session, li, "旧单", 999_900, date(2026, 9, 30), NOW)  # before Q4
        deal(session, [zhang], 100_000, stage="analysis", close=date(2026, 12, 1))
        deal(session, [zhang], 50_000, stage="analysis", close=date(2026, 11, 30))
        deal(session, [li], 200_000, stage="value", close=date(2026, 12, 31))
        deal(session, [li], 80_000, stage="payment", close=date(2026, 10, 15))
        deal(session, [li], 70_000, stage="value", close=date(2027, 1, 2))  # next quarter
        deal(session, [li], 90_000, stage="value")  # no expected close
        lost = deal(session, [li], 60_000, stage="value", close=date(2026, 12, 2))
        lose_deal(session, lost, "price", date(2026, 11, 1), NOW)
        result = forecast(session, TODAY)
    assert (result.start, result.end) == Q4
    stages = {s.stage: s for s in result.now.stages}
    assert [s.stage for s in result.now.stages] == [
        "analysis", "trust", "needs", "value", "commitment", "payment"
    ]  # fmt: skip
    assert (stages["analysis"].count, stages["analysis"].amount_cents) == (2, 15_000_000)
    assert stages["analysis"].weighted_cents == 1_500_000  # 150,000 x 10%
    assert stages["value"].weighted_cents == 10_000_000  # 200,000 x 50%
    assert stages["payment"].weighted_cents == 7_200_000  # 80,000 x 90%
    assert stages["trust"].count == 0 and stages["trust"].rate_source == "default"
    assert result.now.booked_cents == 3_000_000
    assert result.now.pipeline_cents == 1_500_000 + 10_000_000 + 7_200_000
    assert result.now.forecast_cents == 3_000_000 + 18_700_000


def test_a_period_of_its_own(book):
    with book.session() as session:
        (zhang,) = people(session, "张三")
        deal(session, [zhang], 100_000, stage="commitment", close=date(2027, 1, 2))
        result = forecast(session, TODAY, date(2027, 1, 1), date(2027, 1, 31))
    assert result.now.pipeline_cents == 7_000_000 and result.now.booked_cents == 0


def test_out_of_the_funnel_deals_are_not_forecast(book):
    with book.session() as session:
        set_setting(session, "deal.funnel_min_amount", 10_000)
        (zhang,) = people(session, "张三")
        deal(session, [zhang], 9_999, stage="payment", close=date(2026, 12, 1))
        deal(session, [zhang], 10_000, stage="payment", close=date(2026, 12, 1))
        result = forecast(session, TODAY)
    payment = result.now.stages[-1]
    assert (payment.count, payment.amount_cents, result.now.pipeline_cents) == (
        1,
        1_000_000,
        900_000,
    )


def test_learned_rates_weigh_the_pipeline(book):
    with book.session() as session:
        (zhang,) = people(session, "张三")
        for won in (True, True, True, False, False):
            closed(session, [zhang], ["needs"], won, date(2026, 10, 20))
        deal(session, [zhang], 100_000, stage="needs", close=date(2026, 12, 1))
        result = forecast(session, TODAY)
    needs = result.now.stages[2]
    assert (needs.rate, needs.rate_source) == (0.6, "learned")
    assert needs.weighted_cents == 6_000_000
    assert result.now.booked_cents == 3 * 100_000  # the three wins were booked (1000 yuan)


def test_progress_compares_with_the_same_figures_a_week_ago(book):
    """A week ago (11-16): A in analysis, B in value, C in trust, D not started, E open.
    Since then A moved to commitment, B was won on 11-20, C was lost, D started in needs,
    E was trashed, and a purchase of 5,000 was booked on 11-18."""
    with book.session() as session:
        zhang, li = people(session, "张三", "李四")
        close = date(2026, 12, 15)
        a = deal(session, [zhang], 100_000, stage="analysis", close=close)
        b = deal(session, [zhang], 40_000, stage="value", close=close)
        c = deal(session, [li], 30_000, stage="trust", close=close)
        deal(session, [li], 20_000, stage="needs", close=close, on=date(2026, 11, 17))
        e = deal(session, [li], 10_000, stage="analysis", close=close)
        old = deal(session, [li], 50_000, stage="payment", close=close)
        win_deal(session, old, date(2026, 11, 10), NOW)  # booked 50,000 before last week
        move_deal(session, a, "commitment", date(2026, 11, 21), NOW)
        win_deal(session, b, date(2026, 11, 20), NOW)
        lose_deal(session, c, "timing", date(2026, 11, 19), NOW)
        delete_deal(session, e, NOW)
        record_purchase(session, li, "配件", 500_000, date(2026, 11, 18), NOW)
        result = forecast(session, TODAY)
    # a week ago: booked 50,000; pipeline A 10,000 + B 20,000 + C 6,000 + E 1,000 = 37,000
    assert result.last_week.booked_cents == 5_000_000
    assert result.last_week.pipeline_cents == 3_700_000
    assert result.last_week.forecast_cents == 8_700_000
    # now: booked 50,000 + 40,000 + 5,000; pipeline A 70,000 + D 6,000
    assert result.now.booked_cents == 9_500_000
    assert result.now.pipeline_cents == 7_600_000
    assert result.now.forecast_cents == 17_100_000
    # (171,000 - 87,000) + (95,000 - 50,000)
    assert result.progress_cents == 8_400_000 + 4_500_000
