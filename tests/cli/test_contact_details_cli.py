"""``contact add|edit --salutation --scores``, ``date add`` and ``family add``: the contracts
scripts rely on, with their errors."""

import json
from datetime import date, timedelta

import pytest

from tests.cli.runner import run


def _show(capsys, d: str, who: str) -> dict:
    code, out, _ = run(capsys, "--data-dir", d, "contact", "show", who, "--json")
    assert code == 0
    return json.loads(out)


@pytest.fixture
def d(capsys, data_dir) -> str:
    """A book holding 王建国 (id 1)."""
    folder = str(data_dir)
    assert run(capsys, "--data-dir", folder, "contact", "add", "--name", "王建国")[0] == 0
    return folder


def test_salutation_and_scores_on_add_and_edit(capsys, data_dir) -> None:
    d = str(data_dir)
    code, out, _ = run(
        capsys,
        "--data-dir",
        d,
        "contact",
        "add",
        "--name",
        "李明",
        "--salutation",
        "李老师",
        "--scores",
        "5,4,4,1,5",
    )
    assert code == 0 and "李明" in out
    shown = _show(capsys, d, "李明")
    assert shown["salutation"] == "李老师" and shown["tier"] == "A"
    answers = [shown[k] for k in ("score_near", "score_future", "score_profit", "score_risk")]
    assert answers + [shown["score_strategic"]] == [5, 4, 4, 1, 5]
    assert "李老师" in run(capsys, "--data-dir", d, "contact", "show", "李明")[1]
    edit = ["contact", "edit", "李明", "--salutation", "李总", "--scores", "2, 2, 2, 5, 2"]
    code, out, _ = run(capsys, "--data-dir", d, *edit)
    assert code == 0 and "Saved 李明" in out
    shown = _show(capsys, d, "李明")
    assert shown["salutation"] == "李总" and shown["tier"] == "C"
    assert run(capsys, "--data-dir", d, "contact", "edit", "李明", "--title", "校长")[0] == 0
    assert _show(capsys, d, "李明")["salutation"] == "李总"  # options not given stay


@pytest.mark.parametrize("scores", ["1,2,3", "1,2,3,4,5,5", "1,2,3,4,6", "0,1,1,1,1", "a,b,c,d,e"])
def test_a_bad_scores_list_names_the_option(capsys, d, scores) -> None:
    code, out, err = run(capsys, "--data-dir", d, "contact", "edit", "1", "--scores", scores)
    assert code == 1 and out == ""
    assert "--scores" in err and f'"{scores}"' in err and "Traceback" not in err
    add = ["contact", "add", "--name", "赵", "--scores", scores]
    code, _, err = run(capsys, "--data-dir", d, *add)
    assert code == 1 and "--scores" in err
    listed = json.loads(run(capsys, "--data-dir", d, "contact", "list", "--json")[1])
    assert [c["name"] for c in listed] == ["王建国"]
    assert _show(capsys, d, "1")["score_near"] is None


def test_adding_a_customer_says_the_thank_you_is_due(capsys, data_dir) -> None:
    d = str(data_dir)
    due = (date.today() + timedelta(days=2)).isoformat()
    code, out, _ = run(
        capsys, "--data-dir", d, "contact", "add", "--name", "张三", "--stage", "customer"
    )
    assert code == 0 and f"thank-you for the deal is due by {due}" in out
    code, out, _ = run(capsys, "--data-dir", d, "contact", "add", "--name", "李四")
    assert code == 0 and "thank-you" not in out
    code, out, _ = run(capsys, "--data-dir", d, "contact", "edit", "李四", "--stage", "customer")
    assert code == 0 and f"due by {due}" in out
    code, out, _ = run(capsys, "--data-dir", d, "contact", "edit", "李四", "--title", "经理")
    assert code == 0 and "thank-you" not in out
    code, out, _ = run(capsys, "--data-dir", d, "reminders", "--days", "3", "--json")
    thanks = [r["contact"] for r in json.loads(out) if r["kind"] == "after_deal"]
    assert sorted(thanks) == ["张三", "李四"]


def test_date_add_every_kind(capsys, d) -> None:
    added = [
        ("birthday", "1975-08-15", ["--lunar"]),
        ("wedding", "--05-20", []),
        ("founding", "2001-03-01", []),
        ("first_deal", "2026-01-08", []),
        ("promotion", "2024-07-01", ["--once"]),
        ("custom", "--06-02", ["--lunar", "--leap", "--title", "闰月纪念"]),
    ]
    for kind, day, extra in added:
        argv = ["date", "add", "--contact", "王建国", "--kind", kind, "--date", day, *extra]
        code, out, err = run(capsys, "--data-dir", d, *argv)
        assert code == 0 and err == "" and day in out and "王建国 (id 1)" in out
    dates = _show(capsys, d, "1")["dates"]
    assert [(x["kind"], x["month"], x["day"], x["year"]) for x in dates] == [
        ("birthday", 8, 15, 1975),
        ("wedding", 5, 20, None),
        ("founding", 3, 1, 2001),
        ("first_deal", 1, 8, 2026),
        ("promotion", 7, 1, 2024),
        ("custom", 6, 2, None),
    ]
    assert (dates[0]["calendar"], dates[4]["recurrence"]) == ("lunar", "once")
    assert (dates[5]["leap"], dates[5]["label"]) == (True, "闰月纪念")
    assert _show(capsys, d, "1")["birthday"] == "1975-08-15"


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--kind", "custom", "--date", "--01-01"], "a custom day needs its name, --title"),
        (["--kind", "founding", "--date", "--01-01", "--once"], "a one-time date needs a year"),
        (["--kind", "wedding", "--date", "2020-02-30"], "2020-02-30 does not exist"),
        (["--kind", "wedding", "--date", "20-1-1"], '"20-1-1" is not a date'),
        (["--kind", "wedding", "--date", "--03-01", "--leap"], "only lunar dates have leap"),
        (
            ["--kind", "birthday", "--date", "2999-01-01"],
            "Birthday: 2999-01-01 is after today",
        ),
    ],
)
def test_date_add_refuses_what_cannot_be_kept(capsys, d, argv, message) -> None:
    code, out, err = run(capsys, "--data-dir", d, "date", "add", "--contact", "1", *argv)
    assert code == 1 and out == "" and message in err
    assert _show(capsys, d, "1")["dates"] == []


def test_date_add_a_second_birthday_or_the_same_day_again_is_refused(capsys, d) -> None:
    base = ["--data-dir", d, "date", "add", "--contact", "1"]
    assert run(capsys, *base, "--kind", "birthday", "--date", "1975-08-15")[0] == 0
    code, _, err = run(capsys, *base, "--kind", "birthday", "--date", "1976-01-01")
    assert code == 1 and "already has one (1975-08-15)" in err and "contact edit" in err
    assert run(capsys, *base, "--kind", "wedding", "--date", "--05-20")[0] == 0
    code, _, err = run(capsys, *base, "--kind", "wedding", "--date", "--05-20")
    assert code == 1 and "already has this day (--05-20)" in err
    assert run(capsys, *base, "--kind", "wedding", "--date", "--05-20", "--lunar")[0] == 0
    dates = _show(capsys, d, "1")["dates"]
    assert [(x["kind"], x["calendar"]) for x in dates] == [
        ("birthday", "solar"),
        ("wedding", "solar"),
        ("wedding", "lunar"),
    ]


def test_date_add_finds_the_contact_by_name_or_id(capsys, d) -> None:
    base = ["date", "add", "--kind", "wedding", "--date", "--05-20", "--contact"]
    code, _, err = run(capsys, "--data-dir", d, *base, "nobody")
    assert code == 1 and 'No contact found for "nobody"' in err
    assert run(capsys, "--data-dir", d, "contact", "add", "--name", "王建国")[0] == 0
    code, _, err = run(capsys, "--data-dir", d, *base, "王建国")
    assert code == 1 and "matches several contacts" in err and "  2\t王建国" in err
    assert run(capsys, "--data-dir", d, *base, "2")[0] == 0
    assert [len(_show(capsys, d, i)["dates"]) for i in ("1", "2")] == [0, 1]
    for usage in (["--kind", "anniversary"], ["--date"]):  # a wrong kind, no date: usage
        with pytest.raises(SystemExit) as stopped:
            run(capsys, "--data-dir", d, "date", "add", "--contact", "1", *usage)
        assert stopped.value.code == 2


def test_family_add(capsys, d) -> None:
    base = ["--data-dir", d, "family", "add", "--contact", "王建国"]
    child = ["--name", "王小明", "--relation", "child", "--birthday", "--06-01", "--lunar"]
    code, out, _ = run(capsys, *base, *child, "--note", "上小学")
    assert code == 0 and "王小明" in out and "王建国 (id 1)" in out
    for name, relation in (("刘芳", "spouse"), ("王老爷子", "parent"), ("王哥", "sibling")):
        assert run(capsys, *base, "--name", name, "--relation", relation)[0] == 0
    other = ["--name", "老李", "--relation", "other", "--birthday", "2026-01-05"]
    assert run(capsys, *base, *other)[0] == 0
    family = _show(capsys, d, "1")["family"]
    assert [(m["name"], m["relation"]) for m in family] == [
        ("王小明", "child"),
        ("刘芳", "spouse"),
        ("王老爷子", "parent"),
        ("王哥", "sibling"),
        ("老李", "other"),
    ]
    assert family[0]["notes"] == "上小学"
    (birthday,) = family[0]["dates"]
    assert (birthday["calendar"], birthday["month"], birthday["day"], birthday["year"]) == (
        "lunar",
        6,
        1,
        None,
    )
    assert family[4]["dates"][0]["year"] == 2026


@pytest.mark.parametrize(
    ("argv", "code", "message"),
    [
        (["--name", "刘芳", "--relation", "spouse"], 1, '"刘芳" is already recorded'),
        (
            ["--name", "王宝", "--relation", "child", "--birthday", "2999-06-01"],
            1,
            "Family members: 2999-06-01 is after today",
        ),
        (["--name", "王宝", "--relation", "child", "--lunar"], 1, "need --birthday"),
        (["--name", "王宝", "--relation", "child", "--birthday", "6/1"], 1, "is not a date"),
        (["--name", " ", "--relation", "child"], 1, "every family member needs a name"),
        (["--name", "王宝", "--relation", "cousin"], 2, "invalid choice"),
        (["--name", "王宝"], 2, "--relation"),
    ],
)
def test_family_add_refuses(capsys, d, argv, code, message) -> None:
    base = ["--data-dir", d, "family", "add", "--contact", "1"]
    assert run(capsys, *base, "--name", "刘芳", "--relation", "spouse")[0] == 0
    if code == 2:
        with pytest.raises(SystemExit) as stopped:
            run(capsys, *base, *argv)
        assert stopped.value.code == 2 and message in capsys.readouterr().err
    else:
        refused, out, err = run(capsys, *base, *argv)
        assert refused == 1 and out == "" and message in err
    assert [m["name"] for m in _show(capsys, d, "1")["family"]] == ["刘芳"]


def test_date_and_family_take_the_writer_lock(capsys, d, monkeypatch) -> None:
    from relbook import cli

    seen = []
    monkeypatch.setattr(cli, "_run_command", lambda args, _app: seen.append(cli._writes(args)) or 0)
    wedding = ["--contact", "1", "--kind", "wedding", "--date", "--05-20"]
    run(capsys, "--data-dir", d, "date", "add", *wedding)
    child = ["--contact", "1", "--name", "x", "--relation", "child"]
    run(capsys, "--data-dir", d, "family", "add", *child)
    assert seen == [True, True]
