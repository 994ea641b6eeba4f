"""``contact add|edit --stage lost --lost-reason``, ``company show`` and ``purchase add|list``:
the contracts scripts rely on, with their errors."""

import json
from contextlib import closing
from datetime import date, timedelta

import pytest

from relbook.cli.contacts import LOST_REASONS
from relbook.core.enums import CustomerLostReason
from relbook.core.models import DealContact, Expiry, Opportunity, Task
from relbook.db.book import open_book
from tests.cli.runner import run


def _json(capsys, *argv: str):
    code, out, err = run(capsys, *argv)
    assert code == 0, err
    return json.loads(out)


@pytest.fixture
def d(capsys, data_dir) -> str:
    """A book holding 王建国 (id 1), a customer at 华信科技."""
    folder = str(data_dir)
    added = run(
        capsys,
        "--data-dir",
        folder,
        *("contact", "add", "--name", "王建国", "--company", "华信科技", "--stage", "customer"),
    )
    assert added[0] == 0
    return folder


def test_the_cli_knows_every_lost_reason() -> None:
    assert LOST_REASONS == tuple(r.value for r in CustomerLostReason)


def test_a_move_to_lost_needs_a_reason_and_records_it(capsys, d: str) -> None:
    code, _, err = run(capsys, "--data-dir", d, "contact", "edit", "王建国", "--stage", "lost")
    assert code == 1
    assert "--lost-reason" in err and "neglected, cheaper_offer" in err
    assert _json(capsys, "--data-dir", d, "contact", "show", "1", "--json")["stage"] == "customer"
    code, out, _ = run(
        capsys,
        "--data-dir",
        d,
        *("contact", "edit", "王建国", "--stage", "lost", "--lost-reason", "cheaper_offer"),
        *("--lost-note", "对手报价低两成"),
    )
    assert code == 0 and "Saved 王建国" in out
    shown = _json(capsys, "--data-dir", d, "contact", "show", "1", "--json")
    today = date.today().isoformat()
    assert shown["stage"] == "lost"
    assert shown["stage_history"] == [
        {"on": today, "from": None, "to": "customer", "reason": None, "note": ""},
        {
            "on": today,
            "from": "customer",
            "to": "lost",
            "reason": "cheaper_offer",
            "note": "对手报价低两成",
        },
    ]
    code, out, _ = run(capsys, "--data-dir", d, "contact", "show", "1")
    assert "Customer -> Lost / dormant" in out and "A cheaper offer" in out


def test_adding_a_lost_contact_and_misplaced_or_unknown_reasons(capsys, d: str) -> None:
    code, _, err = run(
        capsys, "--data-dir", d, "contact", "add", "--name", "李四", "--stage", "lost"
    )
    assert code == 1 and "--lost-reason" in err
    added = run(
        capsys,
        "--data-dir",
        d,
        *("contact", "add", "--name", "李四", "--stage", "lost", "--lost-reason", "moved_away"),
    )
    assert added[0] == 0
    shown = _json(capsys, "--data-dir", d, "contact", "show", "李四", "--json")
    assert shown["stage_history"][0]["reason"] == "moved_away"
    code, _, err = run(
        capsys, "--data-dir", d, "contact", "edit", "王建国", "--lost-reason", "death"
    )
    assert code == 1 and "go only with a move to lost" in err
    with pytest.raises(SystemExit):
        run(
            capsys, "--data-dir", d, "contact", "edit", "1", "--stage", "lost", "--lost-reason", "x"
        )


def test_company_show_json_lists_people_relations_and_gaps(capsys, d: str) -> None:
    for argv in (
        ("contact", "add", "--name", "李采购", "--company", "华信科技", "--title", "采购专员"),
        ("contact", "add", "--name", "陈外", "--company", "别家公司"),
    ):
        assert run(capsys, "--data-dir", d, *argv)[0] == 0
    with closing(open_book(d)) as book, book.session() as session:
        from relbook.core.referrals import set_relation

        set_relation(session, 2, 1, "superior")  # 王建国 is 李采购's superior
    shown = _json(capsys, "--data-dir", d, "company", "show", "华信科技", "--json")
    assert shown["organization"]["name"] == "华信科技"
    assert set(shown["organization"]) == {"id", "name", "type"}
    people = {p["name"]: p for p in shown["people"]}
    assert set(people) == {"王建国", "李采购"}
    assert people["李采购"]["superiors"] == [1] and people["王建国"]["superiors"] == []
    assert set(people["李采购"]) >= {
        "id",
        "name",
        "title",
        "department",
        "role",
        "level",
        "tier",
        "insider",
        "superiors",
    }
    assert shown["relations"] == [{"from": 1, "to": 2, "kind": "superior"}]
    assert shown["gaps"] == ["no_decision_maker", "no_insider", "all_below_level_3", "no_senior"]
    code, out, _ = run(capsys, "--data-dir", d, "company", "show", "华信科技")
    assert code == 0 and "No decision maker known" in out and "reports to 王建国" in out
    code, _, err = run(capsys, "--data-dir", d, "company", "show", "Initech")
    assert code == 1 and 'No company found for "Initech"' in err


def test_purchase_add_records_the_thanks_and_the_renewal(capsys, d: str) -> None:
    today = date.today()
    bought = today - timedelta(days=1)
    renewal = today + timedelta(days=365)
    code, out, err = run(
        capsys,
        "--data-dir",
        d,
        *("purchase", "add", "--contact", "王建国", "--product", "年度维保"),
        *("--amount", "1,280.5", "--date", bought.isoformat(), "--renewal", renewal.isoformat()),
    )
    assert code == 0, err
    assert "Recorded purchase 年度维保 for 王建国 (id 1)." in out
    assert (bought + timedelta(days=2)).isoformat() in out
    with closing(open_book(d)) as book, book.session() as session:
        expiry = session.query(Expiry).one()
        assert (expiry.contact_id, expiry.expires_on, expiry.label) == (1, renewal, "年度维保")
        thanks = [t for t in session.query(Task).all() if t.kind == "after_deal"]
        assert any(t.due_at.date() == bought + timedelta(days=2) for t in thanks)
    listed = _json(capsys, "--data-dir", d, "purchase", "list", "--contact", "1", "--json")
    assert listed == [
        {
            "id": 1,
            "contact_id": 1,
            "contact": "王建国",
            "product": "年度维保",
            "amount": 1280.5,
            "date": bought.isoformat(),
            "renewal": renewal.isoformat(),
        }
    ]
    assert _json(capsys, "--data-dir", d, "purchase", "list", "--json") == listed
    shown = _json(capsys, "--data-dir", d, "contact", "show", "1", "--json")
    assert shown["purchases"] == [
        {
            "id": 1,
            "product": "年度维保",
            "amount": 1280.5,
            "date": bought.isoformat(),
            "renewal": renewal.isoformat(),
        }
    ]


def test_purchase_add_refuses_a_future_day_and_a_bad_amount(capsys, d: str) -> None:
    tomorrow = (date.today() + timedelta(days=1)).isoformat()
    base = ("--data-dir", d, "purchase", "add", "--contact", "1", "--product", "保险")
    code, _, err = run(capsys, *base, "--amount", "5000", "--date", tomorrow)
    assert code == 1 and f"Bought on: {tomorrow} is after today." in err
    code, _, err = run(capsys, *base, "--amount", "五千")
    assert code == 1 and 'Amount (CNY): "五千" is not an amount' in err
    code, _, err = run(capsys, *base, "--amount", "-5")
    assert code == 1 and "Amount (CNY) must be between 0 and" in err
    code, _, err = run(capsys, *base, "--amount", "5", "--date", "2026-02-30")
    assert code == 1 and "--date" in err and "2026-02-30" in err
    assert _json(capsys, "--data-dir", d, "purchase", "list", "--json") == []


def test_contact_show_lists_the_deals_the_contact_is_in(capsys, d: str) -> None:
    with closing(open_book(d)) as book, book.session() as session:
        from datetime import datetime

        now = datetime.now()
        deal = Opportunity(
            title="机房改造",
            amount_cents=12_000_000,
            stage="value",
            stage_since=now.date(),
            status="open",
            expected_close=date(2027, 3, 31),
            created_at=now,
            updated_at=now,
        )
        session.add(deal)
        session.flush()
        session.add(
            DealContact(
                opportunity_id=deal.id, contact_id=1, role="decision_maker", is_insider=True
            )
        )
    shown = _json(capsys, "--data-dir", d, "contact", "show", "1", "--json")
    assert shown["deals"] == [
        {
            "id": 1,
            "title": "机房改造",
            "stage": "value",
            "status": "open",
            "amount": 120000,
            "expected_close": "2027-03-31",
            "closed_on": None,
            "role": "decision_maker",
            "insider": True,
        }
    ]
    assert shown["purchases"] == []
