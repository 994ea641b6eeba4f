import json
from datetime import datetime

import pytest

from relbook.cli import main
from relbook.core.contact_input import FamilyInput
from relbook.core.contacts import find_contact, to_input, update_contact
from relbook.core.referrals import set_relation
from relbook.db.book import open_book
from tests.cli.runner import run


@pytest.fixture
def d(capsys, data_dir) -> str:
    """A book with 张三 (1) and 李四 (2) at 恒达, and 王五 (3)."""
    for name, company in (("张三", "恒达"), ("李四", "恒达"), ("王五", "华信")):
        assert run(capsys, "--data-dir", str(data_dir), "contact", "add", "--name", name,
                   "--company", company)[0] == 0  # fmt: skip
    return str(data_dir)


def show(capsys, d: str, who: str) -> dict:
    code, out, err = run(capsys, "--data-dir", d, "contact", "show", who, "--json")
    assert code == 0, err
    return json.loads(out)


def test_log_with_several_contacts_and_a_next_step(capsys, d):
    code, out, err = run(
        capsys, "--data-dir", d, "log", "--contact", "张三", "--contact", "2", "--type", "meal",
        "--date", "2026-11-20T19:30", "--place", "海底捞", "--note", "聊了预算",
        "--outcome", "下月有预算", "--next-step", "发报价", "--due", "2026-11-25",
    )  # fmt: skip
    assert code == 0 and "张三" in out and "李四" in out, err
    zhang, li = show(capsys, d, "张三"), show(capsys, d, "李四")
    logged = zhang["interactions"][0]
    assert logged["type"] == "meal" and logged["date"] == "2026-11-20T19:30"
    assert logged["place"] == "海底捞" and logged["outcome"] == "下月有预算"
    assert logged["next_step"] == "发报价" and logged["next_step_due"] == "2026-11-25T09:00"
    assert logged["with"] == ["李四"] and li["interactions"][0]["with"] == ["张三"]
    assert zhang["last_contacted"] == li["last_contacted"] == "2026-11-20T19:30"
    assert show(capsys, d, "王五")["interactions"] == []
    run(capsys, "--data-dir", d, "log", "--contact", "张三", "--type", "call", "--date",
        "2026-11-22 10:15")  # fmt: skip
    zhang = show(capsys, d, "张三")
    assert [i["type"] for i in zhang["interactions"]] == ["call", "meal"]
    assert zhang["last_contacted"] == "2026-11-22T10:15"
    code, out, _ = run(capsys, "--data-dir", d, "contact", "show", "张三")
    assert code == 0 and "Last contacted: 2026-11-22 10:15" in out
    assert "2026-11-20 19:30  Meal  海底捞" in out and "with 李四" in out


def test_log_date_without_time_is_nine_in_the_morning(capsys, d):
    assert run(capsys, "--data-dir", d, "log", "--contact", "王五", "--type", "visit",
               "--date", "2026-03-08")[0] == 0  # fmt: skip
    assert show(capsys, d, "王五")["interactions"][0]["date"] == "2026-03-08T09:00"


def test_log_mistakes_are_messages_with_exit_codes(capsys, d):
    code, _, err = run(capsys, "--data-dir", d, "log", "--contact", "张三", "--type", "call",
                       "--date", "20.11.2026")  # fmt: skip
    assert code == 1 and '(--date): "20.11.2026" is not a date' in err
    assert "YYYY-MM-DDTHH:MM" in err and "Traceback" not in err
    code, _, err = run(capsys, "--data-dir", d, "log", "--contact", "张三", "--type", "call",
                       "--due", "2026-02-30")  # fmt: skip
    assert code == 1 and '(--due): "2026-02-30" is not a date' in err
    code, _, err = run(capsys, "--data-dir", d, "log", "--contact", "张三", "--type", "call",
                       "--due", "2026-12-01")  # fmt: skip
    assert code == 1 and "a due date needs a next step" in err
    with pytest.raises(SystemExit) as usage:
        main(["--data-dir", d, "log", "--contact", "张三", "--type", "phone"])
    assert usage.value.code == 2
    code, _, err = run(capsys, "--data-dir", d, "log", "--contact", "nobody", "--type", "call")
    assert code == 1 and 'No contact found for "nobody"' in err
    assert show(capsys, d, "张三")["interactions"] == []


def test_ambiguous_names_list_the_ids(capsys, d):
    run(capsys, "--data-dir", d, "contact", "add", "--name", "张三", "--company", "鼎盛")
    code, _, err = run(capsys, "--data-dir", d, "log", "--contact", "张三", "--type", "call")
    assert code == 1 and "1\t张三 (恒达)" in err and "4\t张三 (鼎盛)" in err
    code, _, err = run(capsys, "--data-dir", d, "gift", "add", "--contact", "张三", "--item", "茶")
    assert code == 1 and "matches several contacts" in err
    code, _, err = run(capsys, "--data-dir", d, "refer", "--from", "张三", "--to", "王五")
    assert code == 1 and "4\t张三 (鼎盛)" in err


def _edit_book(d: str, change) -> None:
    """Change the book through the services, for what the CLI has no option for."""
    book = open_book(d)
    try:
        with book.session() as session:
            change(session)
    finally:
        book.close()


def _add_family(session) -> None:
    contact = find_contact(session, "张三")
    data = to_input(contact)
    data.family = [FamilyInput(name="王芳", relation="spouse"), FamilyInput(name="张小明")]
    update_contact(session, contact.id, data, datetime(2026, 11, 23))


def test_gift_add_with_amount_received_and_family(capsys, d):
    _edit_book(d, _add_family)
    code, out, err = run(
        capsys, "--data-dir", d, "gift", "add", "--contact", "张三", "--item", "茶叶礼盒",
        "--value", "1,280", "--received", "--date", "2026-02-10", "--occasion", "春节",
    )  # fmt: skip
    assert code == 0 and "茶叶礼盒" in out and err == ""
    code, out, err = run(
        capsys, "--data-dir", d, "gift", "add", "--contact", "张三", "--item", "乐高积木",
        "--value", "¥388.5", "--for-family", "张小明", "--occasion", "birthday",
        "--date", "2026-06-01",
    )  # fmt: skip
    assert code == 0, err
    run(capsys, "--data-dir", d, "gift", "add", "--contact", "张三", "--item", "字画",
        "--occasion", "乔迁之喜")  # fmt: skip
    gifts = show(capsys, d, "张三")["gifts"]
    by_item = {g["item"]: g for g in gifts}
    assert (
        by_item["茶叶礼盒"]["direction"] == "received" and by_item["茶叶礼盒"]["value"] == "1280.00"
    )
    assert by_item["茶叶礼盒"]["occasion"] == "spring_festival"
    assert by_item["茶叶礼盒"]["date"] == "2026-02-10" and by_item["茶叶礼盒"]["recipient"] is None
    assert by_item["乐高积木"]["recipient"] == "张小明" and by_item["乐高积木"]["value"] == "388.50"
    assert (
        by_item["乐高积木"]["direction"] == "given"
        and by_item["乐高积木"]["occasion"] == "birthday"
    )
    assert by_item["字画"]["occasion"] == "乔迁之喜" and by_item["字画"]["value"] is None
    assert [g["item"] for g in gifts][-1] == "茶叶礼盒", "newest first"

    code, _, err = run(capsys, "--data-dir", d, "gift", "add", "--contact", "张三", "--item", "花",
                       "--for-family", "张大明")  # fmt: skip
    assert code == 1 and '"张大明" is not a family member' in err and "王芳, 张小明" in err
    code, _, err = run(capsys, "--data-dir", d, "gift", "add", "--contact", "王五", "--item", "花",
                       "--for-family", "王芳")  # fmt: skip
    assert code == 1 and "has none recorded" in err
    code, _, err = run(capsys, "--data-dir", d, "gift", "add", "--contact", "王五", "--item", "花",
                       "--value", "很多")  # fmt: skip
    assert code == 1 and '"很多" is not an amount' in err
    code, _, err = run(capsys, "--data-dir", d, "gift", "add", "--contact", "王五", "--item", "花",
                       "--date", "2026-6-1x")  # fmt: skip
    assert code == 1 and '(--date): "2026-6-1x" is not a date; write YYYY-MM-DD.' in err
    assert len(show(capsys, d, "张三")["gifts"]) == 3 and show(capsys, d, "王五")["gifts"] == []


def test_repeat_gift_warns_on_stderr_but_saves(capsys, d):
    gift = ("--data-dir", d, "gift", "add", "--contact", "李四", "--item")
    assert run(capsys, *gift, "月饼礼盒", "--date", "2025-10-06", "--occasion", "中秋")[2] == ""
    code, out, err = run(capsys, *gift, "月饼 礼盒", "--date", "2026-09-25")
    assert code == 0 and "Recorded gift" in out
    assert "already given to 李四 on 2025-10-06" in err
    assert run(capsys, *gift, "月饼礼盒", "--received")[2] == "", "received gifts are not repeats"
    assert len(show(capsys, d, "李四")["gifts"]) == 3


def test_refer_shows_on_both_sides(capsys, d):
    code, out, err = run(capsys, "--data-dir", d, "refer", "--from", "张三", "--to", "王五",
                         "--date", "2026-05-04", "--outcome", "已签单")  # fmt: skip
    assert code == 0 and "张三" in out and "王五" in out, err
    zhang, wang = show(capsys, d, "张三"), show(capsys, d, "王五")
    assert zhang["referrals"] == {
        "referred_by": [],
        "referred": [{"id": 3, "name": "王五", "date": "2026-05-04", "outcome": "已签单"}],
    }
    assert wang["referrals"]["referred_by"] == [{"id": 1, "name": "张三", "date": "2026-05-04"}]
    assert wang["referred_by_id"] == 1 and wang["source"] == "referral"
    code, _, err = run(capsys, "--data-dir", d, "refer", "--from", "王五", "--to", "张三")
    assert code == 1 and "referral tree" in err
    code, _, err = run(capsys, "--data-dir", d, "refer", "--from", "王五", "--to", "王五")
    assert code == 1 and "cannot refer themselves" in err
    code, _, err = run(capsys, "--data-dir", d, "refer", "--from", "李四", "--to", "王五",
                       "--date", "yesterday")  # fmt: skip
    assert code == 1 and '(--date): "yesterday" is not a date' in err


def test_show_json_has_every_history_key(capsys, d):
    shown = show(capsys, d, "王五")
    for key in ("interactions", "gifts", "gift_ideas", "referrals", "relations", "last_contacted"):
        assert key in shown
    assert shown["relations"] == [] and shown["last_contacted"] is None
    assert shown["referrals"] == {"referred_by": [], "referred": []}


def test_show_json_relations_say_how_the_other_stands(capsys, d):
    _edit_book(d, lambda session: set_relation(session, 2, 1, "superior", "部门经理"))
    assert show(capsys, d, "李四")["relations"] == [
        {"id": 1, "name": "张三", "kind": "superior", "note": "部门经理"}
    ]
    assert show(capsys, d, "张三")["relations"] == [
        {"id": 2, "name": "李四", "kind": "subordinate", "note": "部门经理"}
    ]
