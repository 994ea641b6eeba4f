import json

from relbook.cli import main


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_reminders_json_lists_lunar_birthdays_and_festivals(capsys, data_dir, monkeypatch):
    monkeypatch.setenv("LANGUAGE", "en")
    d = str(data_dir)
    run(
        capsys,
        "--data-dir",
        d,
        "contact",
        "add",
        "--name",
        "张三",
        "--birthday",
        "--01-01",
        "--lunar",
    )
    code, out, _ = run(
        capsys, "--data-dir", d, "reminders", "--from", "2027-02-01", "--days", "10", "--json"
    )
    assert code == 0
    found = json.loads(out)
    birthday = next(o for o in found if o["kind"] == "birthday")
    assert birthday["date"] == "2027-02-06" and birthday["contact"] == "张三"
    assert birthday["calendar"] == "lunar"
    spring = next(o for o in found if o["kind"] == "festival" and o["date"] == "2027-02-06")
    # 张三 has no tier yet: the default audience greets him
    assert spring["contact"] is None and spring["recipients"] == 1
    assert {o["kind"] for o in found} <= {
        "birthday",
        "family_birthday",
        "special_date",
        "festival",
        "follow_up",
        "stay_in_touch",
        "after_deal",
        "expiry",
    }
    for item in found:
        assert {"date", "kind", "contact", "title", "calendar"} <= item.keys()


def test_reminders_bad_input(capsys, data_dir):
    code, _, err = run(capsys, "--data-dir", str(data_dir), "reminders", "--from", "2027-13-01")
    assert code == 1 and "2027-13-01" in err and "Traceback" not in err
    code, _, err = run(capsys, "--data-dir", str(data_dir), "reminders", "--days", "0")
    assert code == 1


def test_reminders_json_carries_the_greeting_for_the_first_day_and_the_family_member(
    capsys, data_dir
):
    """Issue 16: ``greeting`` is what "copy greeting" gives on ``--from``, in the book's
    language; a family birthday names the member and the relation, never "家人"."""
    from relbook.core.settings import set_setting
    from relbook.db.book import open_book

    book = open_book(data_dir)
    with book.session() as session:
        set_setting(session, "ui.language", "zh_CN")
    book.close()
    d = str(data_dir)
    run(capsys, "--data-dir", d, "contact", "add", "--name", "王建国", "--salutation", "王总")
    run(capsys, "--data-dir", d, "contact", "edit", "王建国", "--birthday", "1975-03-05")
    run(
        capsys,
        "--data-dir",
        d,
        "family",
        "add",
        "--contact",
        "王建国",
        "--name",
        "李梅",
        "--relation",
        "spouse",
        "--birthday",
        "--03-06",
    )
    code, out, _ = run(
        capsys, "--data-dir", d, "reminders", "--from", "2027-03-03", "--days", "5", "--json"
    )
    assert code == 0
    found = {o["kind"]: o for o in json.loads(out)}
    birthday, family = found["birthday"], found["family_birthday"]
    assert birthday["greeting"].startswith("王总") and "后天就是您的生日" in birthday["greeting"]
    assert "今天" not in birthday["greeting"]
    assert family["family_member"]["name"] == "李梅"
    assert family["family_member"]["relation"] == "spouse"
    assert "您爱人李梅" in family["greeting"] and "家人" not in family["greeting"]
