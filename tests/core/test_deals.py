"""The opportunity service: adding, moving, winning and losing, and the buying centre."""

from datetime import date

import pytest
from sqlalchemy import select

from relbook.core.deal_reads import deal_detail, deal_rows, deals_of_contact
from relbook.core.deal_stages import StageEdit, add_stage, deal_stages, save_stages
from relbook.core.deals import (
    DealInput,
    add_deal,
    delete_deal,
    edit_deal,
    get_deal,
    lose_deal,
    move_deal,
    remove_contact,
    set_role,
    win_deal,
)
from relbook.core.errors import NotFoundError, ValidationError
from relbook.core.models import Purchase, Task
from relbook.core.settings import set_setting
from tests.core.deal_helpers import NOW, TODAY, deal, people


def codes(problem: pytest.ExceptionInfo[ValidationError]) -> list[tuple[str, str]]:
    return [(e.field, e.code) for e in problem.value.errors]


def test_a_new_deal_starts_in_analysis_with_its_first_history_row(book):
    with book.session() as session:
        zhang, li = people(session, "张三", "李四")
        saved = add_deal(session, DealInput("服务器", [zhang, li], amount_cents=12_000_000), NOW)
        assert saved.changes.deals and saved.changes.contact_ids == {zhang, li}
        detail = deal_detail(session, saved.id, TODAY)
    assert detail.row.stage == "analysis" and detail.row.status == "open"
    assert detail.row.organization == "恒达"  # the first contact's organization
    assert [(s.from_stage, s.to_stage, s.status) for s in detail.history] == [
        (None, "analysis", "open")
    ]
    assert detail.no_decision_maker and detail.no_insider


def test_a_deal_needs_a_title_a_contact_and_a_known_stage(book):
    with book.session() as session, pytest.raises(ValidationError) as problem:
        add_deal(session, DealInput(" ", [], stage="nowhere"), NOW)
    assert codes(problem) == [
        ("deal_title", "required"),
        ("deal_stage", "unknown_stage"),
        ("contacts", "deal_needs_contact"),
    ]


def test_moves_record_history_and_the_same_stage_is_no_move(book):
    with book.session() as session:
        (zhang,) = people(session, "张三")
        deal_id = deal(session, [zhang], 5000)
        changes = move_deal(session, deal_id, "needs", date(2026, 11, 2), NOW)
        assert changes.deals and changes.contact_ids == {zhang}
        assert not move_deal(session, deal_id, "needs", date(2026, 11, 5), NOW).deals
        move_deal(session, deal_id, "value", date(2026, 11, 20), NOW, note="方案已演示")
        detail = deal_detail(session, deal_id, TODAY)
    assert [(s.changed_on, s.from_stage, s.to_stage, s.note) for s in detail.history] == [
        (date(2026, 10, 1), None, "analysis", ""),
        (date(2026, 11, 2), "analysis", "needs", ""),
        (date(2026, 11, 20), "needs", "value", "方案已演示"),
    ]
    assert detail.row.stage_since == date(2026, 11, 20) and detail.row.days_in_stage == 3


def test_a_move_may_not_go_back_before_the_stage_began_or_into_the_future(book):
    with book.session() as session:
        (zhang,) = people(session, "张三")
        deal_id = deal(session, [zhang], 5000, on=date(2026, 11, 10))
        with pytest.raises(ValidationError) as early:
            move_deal(session, deal_id, "trust", date(2026, 11, 9), NOW)
        with pytest.raises(ValidationError) as late:
            move_deal(session, deal_id, "trust", date(2026, 11, 24), NOW)
    assert codes(early) == [("deal_date", "before_stage_since")]
    assert codes(late) == [("deal_date", "in_future")]


def test_won_records_the_purchase_for_the_decision_maker_and_the_thank_you(book):
    with book.session() as session:
        zhang, li = people(session, "张三", "李四")
        deal_id = deal(session, [zhang, li], 80_000, title="ERP 升级")
        set_role(session, deal_id, li, "decision_maker", NOW)
        won = win_deal(session, deal_id, date(2026, 11, 22), NOW, amount_cents=7_500_000)
        assert won.changes.deals and won.changes.history
        purchase = session.get(Purchase, won.id)
        assert purchase is not None
        assert (purchase.contact_id, purchase.product, purchase.amount_cents) == (
            li,
            "ERP 升级",
            7_500_000,
        )
        assert purchase.opportunity_id == deal_id and purchase.bought_on == date(2026, 11, 22)
        thanks = session.scalars(select(Task).where(Task.kind == "after_deal")).all()
        assert [(t.contact_id, t.due_at.date()) for t in thanks] == [(li, date(2026, 11, 24))]
        detail = deal_detail(session, deal_id, TODAY)
        assert detail.row.status == "won" and detail.row.amount_cents == 7_500_000
        assert detail.history[-1].status == "won" and detail.purchase_ids == [won.id]
        with pytest.raises(ValidationError) as again:
            move_deal(session, deal_id, "payment", TODAY, NOW)
    assert codes(again) == [("deal", "deal_closed")]


def test_won_without_a_decision_maker_buys_for_the_first_contact(book):
    with book.session() as session:
        zhang, li = people(session, "张三", "李四")
        deal_id = deal(session, [zhang, li], 1000)
        won = win_deal(session, deal_id, TODAY, NOW)
        assert session.get(Purchase, won.id).contact_id == zhang


def test_lost_needs_a_known_reason(book):
    with book.session() as session:
        (zhang,) = people(session, "张三")
        deal_id = deal(session, [zhang], 1000)
        with pytest.raises(ValidationError) as missing:
            lose_deal(session, deal_id, None, TODAY, NOW)
        with pytest.raises(ValidationError) as unknown:
            lose_deal(session, deal_id, "bad_luck", TODAY, NOW)
        lose_deal(session, deal_id, "competitor", TODAY, NOW, note="对手降价两成")
        found = get_deal(session, deal_id)
        assert (found.status, found.lost_reason, found.lost_note) == (
            "lost",
            "competitor",
            "对手降价两成",
        )
        assert found.closed_on == TODAY and found.stage_changes[-1].status == "lost"
        assert session.scalars(select(Purchase)).all() == []
    assert codes(missing) == [("lost_reason", "lost_needs_reason")]
    assert "price, competitor, no_budget" in missing.value.errors[0].params["choices"]
    assert codes(unknown) == [("lost_reason", "unknown_lost_reason")]


def test_roles_and_the_insider_mark_in_the_buying_centre(book):
    with book.session() as session:
        zhang, li, wang = people(session, "张三", "李四", "王五")
        deal_id = deal(session, [zhang], 1000)
        set_role(session, deal_id, li, "decision_maker", NOW)  # added to the buying centre
        set_role(session, deal_id, zhang, "purchaser", NOW)
        changes = set_role(session, deal_id, zhang, "insider", NOW)  # keeps purchaser
        assert changes.contact_ids == {zhang, li}
        with pytest.raises(ValidationError) as bad:
            set_role(session, deal_id, wang, "boss", NOW)
        detail = deal_detail(session, deal_id, TODAY)
        assert [(m.name, m.role, m.is_insider, m.level) for m in detail.buying_centre] == [
            ("张三", "purchaser", True, 1),
            ("李四", "decision_maker", False, 1),
        ]
        assert not detail.no_decision_maker and not detail.no_insider
        removed = remove_contact(session, deal_id, li, NOW)
        assert li in removed.contact_ids
        with pytest.raises(ValidationError) as last:
            remove_contact(session, deal_id, zhang, NOW)
        assert [d.role for d in deals_of_contact(session, zhang)] == ["purchaser"]
        assert deals_of_contact(session, li) == []
    assert codes(bad) == [("buying_role", "unknown_role")]
    assert codes(last) == [("contacts", "deal_needs_contact")]


def test_edit_keeps_roles_and_a_new_stage_is_a_move(book):
    with book.session() as session:
        zhang, li = people(session, "张三", "李四")
        deal_id = deal(session, [zhang], 1000)
        set_role(session, deal_id, zhang, "user", NOW)
        saved = edit_deal(
            session,
            deal_id,
            DealInput(
                "新标题", [zhang, li], amount_cents=200_000, stage="trust", organization="华信"
            ),
            NOW,
        )
        assert saved.changes.contact_ids == {zhang, li}
        detail = deal_detail(session, deal_id, TODAY)
    assert detail.row.title == "新标题" and detail.row.organization == "华信"
    assert detail.row.stage == "trust" and detail.history[-1].from_stage == "analysis"
    assert [m.role for m in detail.buying_centre] == ["user", None]


def test_deleted_deals_are_gone_from_the_lists(book):
    with book.session() as session:
        (zhang,) = people(session, "张三")
        deal_id = deal(session, [zhang], 1000)
        delete_deal(session, deal_id, NOW)
        assert deal_rows(session, TODAY) == [] and deals_of_contact(session, zhang) == []
        with pytest.raises(NotFoundError) as gone:
            get_deal(session, deal_id)
    assert gone.value.what == "opportunity"


def test_rows_weigh_open_deals_and_leave_small_ones_out_of_the_funnel(book):
    with book.session() as session:
        set_setting(session, "deal.funnel_min_amount", 5000)
        zhang, li = people(session, "张三", "李四")
        big = deal(session, [zhang, li], 100_000, stage="value", close=date(2026, 12, 1))
        small = deal(session, [zhang], 4_999, stage="value")
        rows = {row.id: row for row in deal_rows(session, TODAY)}
    assert rows[big].in_funnel and rows[big].rate == 0.5
    assert rows[big].weighted_cents == 5_000_000 and rows[big].contact_names == ("张三", "李四")
    assert not rows[small].in_funnel and rows[small].weighted_cents == 0
    assert rows[big].days_in_stage == (TODAY - date(2026, 10, 1)).days


def test_a_deal_is_scored_and_tiered_like_a_contact(book):
    with book.session() as session:
        (zhang,) = people(session, "张三")
        data = DealInput("大单", [zhang], score_near=5, score_future=5, score_profit=4,
                         score_risk=2, score_strategic=4)  # fmt: skip
        deal_id = add_deal(session, data, NOW).id
        (row,) = deal_rows(session, TODAY)
    assert row.id == deal_id and row.importance == 22 and row.tier == "A"


def test_stages_are_renamed_reordered_added_and_kept_while_in_use(book):
    with book.session() as session:
        (zhang,) = people(session, "张三")
        code, changes = add_stage(session, "签合同", 0.8)
        assert code == "qian_he_tong" and changes.deals and changes.settings
        stages = deal_stages(session)
        edits = [StageEdit(s.code, s.name, s.default_rate) for s in stages]
        edits[0] = StageEdit("analysis", "摸底", 0.15)
        edits.insert(1, edits.pop())  # the new stage second
        save_stages(session, [e for e in edits if e.code != "trust"])  # trust removed
        after = deal_stages(session)
        assert [s.code for s in after][:3] == ["analysis", "qian_he_tong", "needs"]
        assert (after[0].name, after[0].default_rate) == ("摸底", 0.15)
        deal(session, [zhang], 1000, stage="needs")
        with pytest.raises(ValidationError) as in_use:
            save_stages(session, [e for e in edits if e.code not in ("trust", "needs")])
        again, _ = add_stage(session, "签 合同!", 0.5)
    assert codes(in_use) == [("deal_stages", "stage_in_use")]
    assert again == "qian_he_tong_2"


def test_an_edit_without_an_organization_keeps_the_one_it_has(book):
    with book.session() as session:
        zhang, wang = people(session, "张三", "王五")
        deal_id = add_deal(session, DealInput("单", [zhang], organization="华信"), NOW).id
        edit_deal(session, deal_id, DealInput("单", [wang, zhang]), NOW)
        assert deal_detail(session, deal_id, TODAY).row.organization == "华信"
