"""The funnel in the reports: the pipeline report, the activity report's progress, deals
closed and purchases, and the dossier's deals and purchases."""

from datetime import date

from relbook.core.deal_reports import pipeline_report
from relbook.core.deals import delete_deal
from relbook.core.forecast import forecast
from relbook.core.purchases import delete_purchase, purchases_of
from relbook.core.reports import Period, activity_report, dossier
from tests.deal_report_seed import PROGRESS_CENTS, seed_deals
from tests.report_seed import NOW, WEEK, seed_report_book

Q4 = (date(2026, 10, 1), date(2026, 12, 31))


def test_the_pipeline_lists_open_deals_by_stage_then_won_then_lost(book):
    with book.session() as session:
        deals = seed_deals(session, seed_report_book(session))
        report = pipeline_report(session, NOW.date())
    assert [line.row.id for line in report.lines] == [
        deals.upkeep,  # analysis
        deals.erp,  # value
        deals.cameras,  # won
        deals.fleet,  # lost 11-20
        deals.old,  # lost 10-20
    ]
    erp = report.lines[1]
    assert (erp.row.rate, erp.rate_source, erp.row.weighted_cents) == (0.5, "default", 10_000_000)
    assert erp.row.days_in_stage == 5 and erp.row.contact_names == ("张伟",)
    fleet = report.lines[3]
    assert fleet.rate_source is None and fleet.row.lost_reason == "competitor"
    assert fleet.lost_note == "对手给了免费试用"
    assert report.open_amount_cents == 32_000_000
    assert report.open_weighted_cents == 10_000_000 + 1_200_000
    assert (report.forecast.start, report.forecast.end) == Q4
    assert report.stage_names["value"] == ""  # built in: worded by the caller


def test_the_pipeline_forecast_is_the_forecast_of_the_period(book):
    with book.session() as session:
        seed_deals(session, seed_report_book(session))
        report = pipeline_report(session, NOW.date(), date(2026, 12, 1), date(2026, 12, 31))
        expected = forecast(session, NOW.date(), date(2026, 12, 1), date(2026, 12, 31))
    assert report.forecast == expected
    assert report.forecast.now.booked_cents == 0  # nothing bought in December yet


def test_trashed_deals_are_left_out(book):
    with book.session() as session:
        deals = seed_deals(session, seed_report_book(session))
        delete_deal(session, deals.upkeep, NOW)
        report = pipeline_report(session, NOW.date())
    assert deals.upkeep not in [line.row.id for line in report.lines]


def test_the_weekly_report_has_the_forecasts_progress_for_that_week(book):
    with book.session() as session:
        seed_deals(session, seed_report_book(session))
        report = activity_report(session, Period(*WEEK), NOW.date())
        expected = forecast(session, WEEK[1])
    progress = report.deals.forecast
    assert progress == expected
    assert progress.progress_cents == PROGRESS_CENTS
    assert progress.now.as_of == WEEK[1] and progress.last_week.as_of == date(2026, 11, 15)
    assert (progress.now.booked_cents, progress.last_week.booked_cents) == (10_080_050, 0)
    assert progress.now.forecast_cents == 10_080_050 + 11_200_000


def test_a_period_running_past_today_is_seen_as_of_today(book):
    with book.session() as session:
        seed_deals(session, seed_report_book(session))
        report = activity_report(
            session, Period(date(2026, 11, 23), date(2026, 11, 29)), NOW.date()
        )
        expected = forecast(session, NOW.date())
    assert report.deals.forecast == expected


def test_the_weekly_report_lists_deals_won_and_lost_and_new_purchases(book):
    with book.session() as session:
        deals = seed_deals(session, seed_report_book(session))
        report = activity_report(session, Period(*WEEK), NOW.date())
    funnel = report.deals
    assert [(d.id, d.title, d.amount_cents, d.closed_on) for d in funnel.won] == [
        (deals.cameras, "安防监控改造", 8_800_000, date(2026, 11, 19))
    ]
    (lost,) = funnel.lost
    assert (lost.id, lost.lost_reason, lost.lost_note) == (
        deals.fleet,
        "competitor",
        "对手给了免费试用",
    )
    assert lost.stage == "needs" and lost.contact_names == ("欧阳晓明",)
    assert [
        (p.product, p.contact_name, p.company, p.amount_cents, p.renewal_on)
        for p in funnel.purchases
    ] == [
        ("延保服务", "王芳", "华信贸易", 1_280_050, date(2027, 11, 17)),
        ("安防监控改造", "张伟", "恒达科技", 8_800_000, None),
    ]
    assert funnel.purchases[1].deal_title == "安防监控改造"
    assert (funnel.won_cents, funnel.lost_cents, funnel.purchased_cents) == (
        8_800_000,
        5_000_000,
        10_080_050,
    )


def test_trashed_purchases_are_not_new_purchases(book):
    with book.session() as session:
        ids = seed_report_book(session)
        seed_deals(session, ids)
        (extended, *_rest) = purchases_of(session, ids.wang)
        delete_purchase(session, extended.id, NOW)
        report = activity_report(session, Period(*WEEK), NOW.date())
    assert [p.product for p in report.deals.purchases] == ["安防监控改造"]


def test_the_dossier_has_the_contacts_deals_and_purchases(book):
    with book.session() as session:
        ids = seed_report_book(session)
        deals = seed_deals(session, ids)
        zhang = dossier(session, ids.zhang, NOW.date())
        wang = dossier(session, ids.wang, NOW.date())
    assert [(d.id, d.status, d.role, d.is_insider) for d in zhang.deals.deals] == [
        (deals.erp, "open", "decision_maker", True),
        (deals.cameras, "won", None, False),
    ]
    assert [(p.product, p.amount_cents) for p in zhang.deals.purchases] == [
        ("安防监控改造", 8_800_000)
    ]
    assert zhang.deals.deal_titles == {deals.cameras: "安防监控改造"}
    assert [d.title for d in wang.deals.deals] == ["年度维保合同", "旧项目"]
    (bought,) = wang.deals.purchases
    assert (bought.product, bought.renewal_on) == ("延保服务", date(2027, 11, 17))
