import json

import pytest

from relbook.cli import main
from tests.cli.runner import run


def test_add_show_edit_list(capsys, data_dir):
    d = str(data_dir)
    code, out, _ = run(
        capsys,
        "--data-dir",
        d,
        "contact",
        "add",
        "--name",
        "张三",
        "--company",
        "恒达科技",
        "--title",
        "采购经理",
        "--phone",
        "13800138000",
        "--level",
        "3",
        "--stage",
        "customer",
        "--tag",
        "VIP",
        "--tag",
        "老乡",
        "--birthday",
        "1980-08-15",
        "--lunar",
        "--cadence",
        "14",
    )
    assert code == 0 and "张三" in out
    code, out, _ = run(capsys, "--data-dir", d, "contact", "show", "张三", "--json")
    shown = json.loads(out)
    assert shown["company"] == "恒达科技"
    assert shown["birthday"] == "1980-08-15" and shown["birthday_calendar"] == "lunar"
    assert shown["level_history"][0]["to"] == 3
    assert run(capsys, "--data-dir", d, "contact", "edit", "张三", "--level", "4")[0] == 0
    shown = json.loads(run(capsys, "--data-dir", d, "contact", "show", "张三", "--json")[1])
    assert [(h["from"], h["to"]) for h in shown["level_history"]] == [(None, 3), (3, 4)]
    code, out, _ = run(capsys, "--data-dir", d, "contact", "list", "--search", "zs", "--json")
    listed = json.loads(out)
    assert [c["name"] for c in listed] == ["张三"]
    assert listed[0]["tags"] == ["VIP", "老乡"] and listed[0]["tier"] is None
    assert listed[0]["level"] == 4 and listed[0]["stage"] == "customer"


def test_birthday_without_year(capsys, data_dir):
    d = str(data_dir)
    assert (
        run(capsys, "--data-dir", d, "contact", "add", "--name", "李四", "--birthday", "--03-08")[0]
        == 0
    )
    listed = json.loads(run(capsys, "--data-dir", d, "contact", "list", "--json")[1])
    assert listed[0]["birthday"] == "--03-08" and listed[0]["birthday_calendar"] == "solar"


def test_bad_input_is_a_clear_message_not_a_traceback(capsys, data_dir):
    d = str(data_dir)
    code, out, err = run(
        capsys, "--data-dir", d, "contact", "add", "--name", "王五", "--birthday", "2023-02-29"
    )
    assert code == 1 and "2023-02-29 does not exist" in err and "Traceback" not in err
    code, _, err = run(capsys, "--data-dir", d, "contact", "add", "--name", "  ")
    assert code == 1 and "Name must not be empty" in err
    code, _, err = run(capsys, "--data-dir", d, "contact", "show", "nobody")
    assert code == 1 and "No contact found" in err
    listed = json.loads(run(capsys, "--data-dir", d, "contact", "list", "--json")[1])
    assert listed == []


def test_ambiguous_name_lists_ids(capsys, data_dir):
    d = str(data_dir)
    run(capsys, "--data-dir", d, "contact", "add", "--name", "张伟", "--company", "甲")
    run(capsys, "--data-dir", d, "contact", "add", "--name", "张伟", "--company", "乙")
    code, _, err = run(capsys, "--data-dir", d, "contact", "edit", "张伟", "--level", "2")
    assert code == 1 and "1\t张伟 (甲)" in err and "2\t张伟 (乙)" in err


def test_demo_is_the_same_for_the_same_seed(capsys, tmp_path):
    first, second = tmp_path / "a", tmp_path / "b"
    for target in (first, second):
        assert (
            run(capsys, "--data-dir", str(target), "demo", "--contacts", "40", "--seed", "7")[0]
            == 0
        )
    a = json.loads(run(capsys, "--data-dir", str(first), "contact", "list", "--json")[1])
    b = json.loads(run(capsys, "--data-dir", str(second), "contact", "list", "--json")[1])
    strip = [{k: v for k, v in row.items() if k != "next_birthday"} for row in a]
    assert len(a) == 40 and strip == [
        {k: v for k, v in r.items() if k != "next_birthday"} for r in b
    ]
    assert {row["birthday_calendar"] for row in a} == {"solar", "lunar"}


def test_relbook_home_is_used(capsys, tmp_path, monkeypatch):
    monkeypatch.setenv("RELBOOK_HOME", str(tmp_path / "home"))
    assert run(capsys, "contact", "add", "--name", "赵六")[0] == 0
    assert (tmp_path / "home" / "relbook.sqlite").exists()


def test_version(capsys):
    with pytest.raises(SystemExit) as done:
        main(["--version"])
    assert done.value.code == 0
    assert "relbook 0.1.0" in capsys.readouterr().out
