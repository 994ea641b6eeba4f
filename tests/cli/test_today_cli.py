"""``relbook today``: the Today view from the function the window uses (issue 16)."""

import json

from tests.cli.runner import run


def test_today_json_has_the_window_s_three_lists(capsys, data_dir, monkeypatch):
    monkeypatch.setenv("LANGUAGE", "en")
    d = str(data_dir)
    run(capsys, "--data-dir", d, "contact", "add", "--name", "张三", "--birthday", "2000-03-03")
    run(capsys, "--data-dir", d, "contact", "add", "--name", "李四", "--stage", "customer")
    code, out, _ = run(capsys, "--data-dir", d, "today", "--date", "2027-03-02", "--json")
    assert code == 0
    found = json.loads(out)
    assert set(found) == {"date", "due", "next_30_days", "gone_quiet"}
    assert found["date"] == "2027-03-02"
    (birthday,) = [o for o in found["due"] if o["kind"] == "birthday"]
    assert birthday["contact"] == "张三" and birthday["date"] == "2027-03-03"
    assert {"date", "kind", "contact", "contact_id", "title", "key"} <= set(birthday)
    quiet = {person["contact"]: person for person in found["gone_quiet"]}
    assert quiet["李四"]["cadence"] == 30 and quiet["李四"]["cadence_rule"] == "stage"
    assert quiet["张三"]["cadence_rule"] == "stage" and quiet["张三"]["days_overdue"] > 0


def test_today_as_text_and_a_bad_date(capsys, data_dir, monkeypatch):
    monkeypatch.setenv("LANGUAGE", "en")
    d = str(data_dir)
    run(capsys, "--data-dir", d, "contact", "add", "--name", "张三", "--birthday", "--03-03")
    code, out, _ = run(capsys, "--data-dir", d, "today", "--date", "2027-03-03")
    assert code == 0
    assert out.splitlines()[0] == "Due now (1)"
    assert "Birthday\t张三" in out and "Gone quiet (1)" in out
    code, _, err = run(capsys, "--data-dir", d, "today", "--date", "2027-02-30")
    assert code != 0 and "--date" in err and "2027-02-30" in err
