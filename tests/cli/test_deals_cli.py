"""``relbook deal ...`` and ``relbook forecast`` run against a real book in a temporary folder."""

import json
from datetime import date, datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from relbook import cli
from relbook.cli import deals as deals_cli
from relbook.core.models import Task
from relbook.db.book import open_book
from relbook.db.writer_lock import WriterLock
from tests.cli.runner import run

NOW = datetime(2026, 11, 23, 10, 0)


@pytest.fixture
def d(capsys, data_dir, monkeypatch) -> str:
    """A book with 张三 (1) and 李四 (2) at 恒达, 王五 (3) at 华信; the clock at 2026-11-23."""
    monkeypatch.setattr(deals_cli, "_now", lambda: NOW)
    for name, company in (("张三", "恒达"), ("李四", "恒达"), ("王五", "华信")):
        assert run(capsys, "--data-dir", str(data_dir), "contact", "add", "--name", name,
                   "--company", company)[0] == 0  # fmt: skip
    return str(data_dir)


def ok(capsys, d: str, *argv: str) -> str:
    code, out, err = run(capsys, "--data-dir", d, *argv)
    assert code == 0, err
    return out


def as_json(capsys, d: str, *argv: str):
    return json.loads(ok(capsys, d, *argv, "--json"))


def test_add_move_role_and_show(capsys, d):
    out = ok(capsys, d, "deal", "add", "--contact", "张三", "--contact", "2", "--title",
             "服务器采购", "--amount", "120000", "--close", "2026-12-20")  # fmt: skip
    assert out == "Added 服务器采购 (id 1).\n"
    out = ok(capsys, d, "deal", "move", "1", "--stage", "needs", "--note", "约了演示")
    assert out == "Moved 服务器采购 (id 1) to Uncovering needs on 2026-11-23.\n"
    out = ok(capsys, d, "deal", "move", "1", "--stage", "needs")
    assert "already in Uncovering needs" in out
    ok(capsys, d, "deal", "role", "1", "--contact", "李四", "--role", "decision_maker")
    ok(capsys, d, "deal", "role", "1", "--contact", "王五", "--role", "insider")
    shown = as_json(capsys, d, "deal", "show", "1")
    assert (shown["title"], shown["organization"], shown["amount"]) == (
        "服务器采购",
        "恒达",
        120000,
    )
    assert (shown["stage"], shown["status"], shown["expected_close"]) == (
        "needs",
        "open",
        "2026-12-20",
    )
    assert (shown["days_in_stage"], shown["rate"], shown["weighted"]) == (0, 0.3, 36000)
    assert [(s["date"], s["from"], s["to"], s["note"]) for s in shown["history"]] == [
        ("2026-11-23", None, "analysis", ""),
        ("2026-11-23", "analysis", "needs", "约了演示"),
    ]
    assert [(m["name"], m["role"], m["insider"], m["level"]) for m in shown["buying_centre"]] == [
        ("张三", None, False, 1),
        ("李四", "decision_maker", False, 1),
        ("王五", None, True, 1),
    ]
    assert shown["no_decision_maker"] is False and shown["no_insider"] is False
    text = ok(capsys, d, "deal", "show", "1")
    assert "Funnel stage: Uncovering needs" in text and "Decision maker" in text
    assert "Insider" in text and "Customer analysis -> Uncovering needs" in text
    contact = as_json(capsys, d, "contact", "show", "李四")
    assert contact["deals"] == [
        {"id": 1, "title": "服务器采购", "amount": 120000, "stage": "needs", "status": "open",
         "expected_close": "2026-12-20", "closed_on": None, "role": "decision_maker",
         "insider": False}
    ]  # fmt: skip


def test_a_deal_cannot_move_back_before_it_started(capsys, d):
    ok(capsys, d, "deal", "add", "--contact", "张三", "--title", "T", "--amount", "1")
    code, _, err = run(capsys, "--data-dir", d, "deal", "move", "1", "--stage", "trust",
                       "--date", "2026-11-20")  # fmt: skip
    assert code == 1 and "only since 2026-11-23" in err


def test_the_flags_say_what_the_buying_centre_lacks(capsys, d):
    ok(capsys, d, "deal", "add", "--contact", "王五", "--title", "T", "--amount", "1")
    shown = as_json(capsys, d, "deal", "show", "1")
    assert shown["no_decision_maker"] and shown["no_insider"]
    text = ok(capsys, d, "deal", "show", "1")
    assert "! No decision maker known" in text and "! No insider" in text


def test_won_records_the_purchase_and_the_thank_you(capsys, d):
    ok(capsys, d, "deal", "add", "--contact", "张三", "--contact", "李四", "--title", "ERP",
       "--amount", "80000", "--stage", "commitment")  # fmt: skip
    ok(capsys, d, "deal", "role", "1", "--contact", "李四", "--role", "decision_maker")
    out = ok(capsys, d, "deal", "won", "1", "--amount", "75000.5")
    assert "Won ERP (id 1): recorded the purchase of 75,000.50 yuan by 李四." in out
    assert "A thank-you for the deal is due by 2026-11-25." in out
    shown = as_json(capsys, d, "deal", "show", "1")
    assert (shown["status"], shown["amount"], shown["closed_on"]) == ("won", 75000.5, "2026-11-23")
    assert len(shown["purchase_ids"]) == 1
    book = open_book(d)
    try:
        with book.session() as session:
            thanks = session.scalars(select(Task).where(Task.kind == "after_deal")).all()
            assert [(t.contact_id, t.due_at.date()) for t in thanks] == [(2, date(2026, 11, 25))]
    finally:
        book.close()
    code, _, err = run(capsys, "--data-dir", d, "deal", "lost", "1", "--reason", "price")
    assert code == 1 and "already closed" in err


def test_lost_needs_a_reason_listing_the_codes(capsys, d):
    ok(capsys, d, "deal", "add", "--contact", "张三", "--title", "T", "--amount", "500")
    code, out, err = run(capsys, "--data-dir", d, "deal", "lost", "1")
    assert code == 1 and out == ""
    assert "price, competitor, no_budget, no_decision, timing, relationship, other" in err
    code, _, err = run(capsys, "--data-dir", d, "deal", "lost", "1", "--reason", "luck")
    assert code == 1 and '"luck" is not a reason' in err
    out = ok(capsys, d, "deal", "lost", "1", "--reason", "competitor", "--note", "对手降价",
             "--date", "2026-11-23")  # fmt: skip
    assert out == "Marked T (id 1) lost on 2026-11-23: Competitor.\n"
    shown = as_json(capsys, d, "deal", "show", "1")
    assert (shown["status"], shown["lost_reason"], shown["lost_note"]) == (
        "lost",
        "competitor",
        "对手降价",
    )


def test_list_and_open_only(capsys, d):
    ok(capsys, d, "deal", "add", "--contact", "张三", "--title", "甲", "--amount", "1000",
       "--stage", "value", "--scores", "5,5,4,2,4")  # fmt: skip
    ok(capsys, d, "deal", "add", "--contact", "王五", "--title", "乙", "--amount", "2000")
    ok(capsys, d, "deal", "lost", "2", "--reason", "timing")
    listed = as_json(capsys, d, "deal", "list")
    assert [(r["id"], r["stage"], r["status"]) for r in listed] == [
        (2, "analysis", "lost"),
        (1, "value", "open"),
    ]
    assert [r["title"] for r in as_json(capsys, d, "deal", "list", "--open")] == ["甲"]
    assert (listed[1]["importance"], listed[1]["tier"]) == (22, "A")
    text = ok(capsys, d, "deal", "list", "--open")
    assert text == "1\t甲\t恒达\tPresenting value\tOpen\t1,000\t-\t张三\n"


def test_mistakes_are_messages(capsys, d):
    code, _, err = run(capsys, "--data-dir", d, "deal", "show", "7")
    assert code == 1 and "No opportunity with id 7." in err
    code, _, err = run(capsys, "--data-dir", d, "deal", "add", "--contact", "nobody",
                       "--title", "T", "--amount", "1")  # fmt: skip
    assert code == 1 and 'No contact found for "nobody"' in err
    code, _, err = run(capsys, "--data-dir", d, "deal", "add", "--contact", "张三",
                       "--title", "T", "--amount", "十万")  # fmt: skip
    assert code == 1 and '(--amount): "十万" is not an amount' in err
    code, _, err = run(capsys, "--data-dir", d, "deal", "add", "--contact", "张三",
                       "--title", "T", "--amount", "1", "--close", "2026-02-30")  # fmt: skip
    assert code == 1 and '(--close): "2026-02-30" is not a date' in err
    code, _, err = run(capsys, "--data-dir", d, "deal", "add", "--contact", "张三",
                       "--title", "T", "--amount", "1", "--stage", "closing")  # fmt: skip
    assert code == 1 and '"closing" is not a stage' in err and "analysis, trust" in err
    code, _, err = run(capsys, "--data-dir", d, "forecast", "--from", "2026-12-01",
                       "--to", "2026-11-01")  # fmt: skip
    assert code == 1 and "ends before it begins" in err
    with pytest.raises(SystemExit) as usage:
        cli.main(["--data-dir", d, "deal", "role", "1", "--contact", "张三", "--role", "boss"])
    assert usage.value.code == 2
    assert as_json(capsys, d, "deal", "list") == []


def test_ambiguous_contacts_list_the_ids(capsys, d):
    ok(capsys, d, "contact", "add", "--name", "张三", "--company", "鼎盛")
    code, _, err = run(capsys, "--data-dir", d, "deal", "add", "--contact", "张三",
                       "--title", "T", "--amount", "1")  # fmt: skip
    assert code == 1 and "1\t张三 (恒达)" in err and "4\t张三 (鼎盛)" in err


def test_the_forecast_json_against_a_hand_calculation(capsys, d):
    ok(capsys, d, "deal", "add", "--contact", "张三", "--title", "A", "--amount", "100000",
       "--stage", "value", "--close", "2026-12-15")  # fmt: skip
    ok(capsys, d, "deal", "add", "--contact", "李四", "--title", "B", "--amount", "40000",
       "--stage", "payment", "--close", "2026-10-31")  # fmt: skip
    ok(capsys, d, "deal", "add", "--contact", "王五", "--title", "C", "--amount", "30000",
       "--stage", "trust", "--close", "2027-01-15")  # fmt: skip
    ok(capsys, d, "deal", "add", "--contact", "王五", "--title", "D", "--amount", "20000",
       "--stage", "commitment", "--close", "2026-12-01")  # fmt: skip
    ok(capsys, d, "deal", "won", "4", "--amount", "20000.5")
    result = as_json(capsys, d, "forecast")
    assert (result["from"], result["to"]) == ("2026-10-01", "2026-12-31")
    stages = {s["stage"]: s for s in result["stages"]}
    assert stages["value"] == {"stage": "value", "count": 1, "amount": 100000, "rate": 0.5,
                               "rate_source": "default", "weighted": 50000, "closed": 0,
                               "won": 0}  # fmt: skip
    assert (stages["payment"]["count"], stages["payment"]["weighted"]) == (1, 36000)
    assert stages["trust"]["count"] == 0  # expected next quarter
    assert result["booked"] == 20000.5
    assert result["pipeline"] == 86000
    assert result["forecast"] == 106000.5
    # nothing existed a week ago: progress = 106,000.5 + 20,000.5
    assert result["progress"] == 126001
    assert result["last_week"]["forecast"] == 0
    january = as_json(capsys, d, "forecast", "--from", "2027-01-01", "--to", "2027-01-31")
    assert january["pipeline"] == 6000 and january["booked"] == 0
    text = ok(capsys, d, "forecast")
    assert "Sales forecast 2026-10-01 to 2026-12-31" in text
    assert "Presenting value" in text and "50% (default)" in text
    assert "Progress this week" in text and "+126,001" in text


def test_writing_deal_commands_wait_for_the_writer_lock(capsys, d):
    ok(capsys, d, "deal", "add", "--contact", "张三", "--title", "T", "--amount", "1")
    with WriterLock(Path(d)):
        code, _, err = run(capsys, "--data-dir", d, "deal", "move", "1", "--stage", "trust")
        assert code == cli.EXIT_IN_USE and "already working on the book" in err
        assert run(capsys, "--data-dir", d, "deal", "list")[0] == 0
        assert run(capsys, "--data-dir", d, "forecast")[0] == 0
