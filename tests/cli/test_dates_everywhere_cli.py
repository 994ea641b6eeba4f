"""Any day given to any command ends cleanly: saved, or refused with a message naming the field.

Random days (0001-01-01, 9999-12-31, February 30, years of five digits, and random ones) go
to every option that takes a date; the exit code is 0, 1 or 2 and nothing prints a traceback.
"""

from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from relbook.cli import main

EXTREMES = (
    "0001-01-01",
    "9999-12-31",
    "2023-02-30",
    "99999-99-99",
    "1899-12-31",
    "1900-01-01",
    "2100-12-31",
    "2101-01-01",
)

day_texts = st.one_of(
    st.sampled_from(EXTREMES),
    st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)).map(date.isoformat),
    st.builds(
        lambda y, m, d: f"{y:04d}-{m:02d}-{d:02d}",
        st.integers(0, 99999),
        st.integers(0, 13),
        st.integers(0, 32),
    ),
)


def commands(day: str, other: str, n: int) -> list[list[str]]:
    """Every command that takes a day, given ``day`` (and ``other`` as a second day)."""
    return [
        ["contact", "add", "--name", f"人{n}", "--birthday", day],
        ["contact", "add", "--name", f"农{n}", "--birthday", day, "--lunar"],
        ["contact", "edit", "X", "--birthday", day],
        ["date", "add", "--contact", "X", "--kind", "wedding", "--date", day],
        ["date", "add", "--contact", "X", "--kind", "promotion", "--date", day, "--once"],
        [
            "family",
            "add",
            "--contact",
            "X",
            "--name",
            f"亲{n}",
            "--relation",
            "child",
            "--birthday",
            day,
        ],
        ["log", "--contact", "X", "--type", "call", "--date", day],
        ["log", "--contact", "X", "--type", "call", "--date", f"{day}T23:59"],
        ["log", "--contact", "X", "--type", "call", "--next-step", "call", "--due", day],
        ["gift", "add", "--contact", "X", "--item", "茶", "--date", day],
        ["refer", "--from", "X", "--to", "Y", "--date", day],
        ["deal", "add", "--contact", "X", "--title", f"单{n}", "--amount", "100", "--close", day],
        ["deal", "move", "--stage", "trust", "--date", day, "1"],
        ["deal", "won", "--date", day, "2"],
        ["deal", "lost", "--reason", "price", "--date", day, "3"],
        ["export", "--format", "pdf", "-o", "report.pdf", "--from", day, "--to", other],
        ["export", "--format", "ics", "-o", "book.ics"],
        ["reminders", "--from", day, "--days", "40"],
        ["today", "--date", day],
        ["greet", "--festival", "spring_festival", "--year", day[:4]],
        ["greet", "--festival", "mid_autumn", "--year", day.split("-")[0] or "0"],
        ["forecast", "--from", day, "--to", other],
        ["contact", "list"],
    ]


def run_clean(data_dir: Path, argv: list[str], capsys) -> tuple[int, str]:
    try:
        code = main(["--data-dir", str(data_dir), *argv])
    except SystemExit as stopped:  # argparse refuses a malformed option
        code = stopped.code if isinstance(stopped.code, int) else 2
    err = capsys.readouterr().err
    return code, err


@pytest.fixture(scope="module")
def book_dir(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("dates")
    for argv in (
        ["contact", "add", "--name", "X", "--cadence", "30"],
        ["contact", "add", "--name", "Y"],
        ["deal", "add", "--contact", "X", "--title", "一", "--amount", "100"],
        ["deal", "add", "--contact", "X", "--title", "二", "--amount", "100"],
        ["deal", "add", "--contact", "X", "--title", "三", "--amount", "100"],
    ):
        assert main(["--data-dir", str(folder), *argv]) == 0
    return folder


counter = iter(range(10**9))


@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(day=day_texts, other=day_texts)
@example(day="0001-01-01", other="0001-01-01")
@example(day="9999-12-25", other="9999-12-31")
@example(day="2023-02-30", other="2023-03-01")
@example(day="99999-99-99", other="2024-01-01")
@example(day="1900-01-01", other="2100-12-31")
def test_every_command_taking_a_day_ends_cleanly(
    day: str, other: str, book_dir: Path, capsys, monkeypatch
) -> None:
    monkeypatch.chdir(book_dir)
    n = next(counter)
    for argv in commands(day, other, n):
        code, err = run_clean(book_dir, argv, capsys)
        assert code in (0, 1, 2), (argv, code, err)
        assert "Traceback" not in err, (argv, err)
        assert "unexpected error" not in err, (argv, err)


def test_a_day_out_of_range_is_refused_naming_the_field(tmp_path: Path, capsys) -> None:
    assert main(["--data-dir", str(tmp_path), "contact", "add", "--name", "X"]) == 0
    capsys.readouterr()
    code, err = run_clean(
        tmp_path, ["log", "--contact", "X", "--type", "call", "--date", "9999-12-31T23:59"], capsys
    )
    assert code == 1
    assert "9999-12-31 is outside the days relbook can compute (1900-01-01 to 2100-12-31)" in err
    code, err = run_clean(tmp_path, ["reminders", "--from", "0001-01-01"], capsys)
    assert code == 1 and "First day: 0001-01-01 is outside the days" in err
    code, err = run_clean(
        tmp_path, ["contact", "add", "--name", "Z", "--birthday", "9999-12-31"], capsys
    )
    assert code == 1 and "Birthday: 9999-12-31 is after today" in err
    report = tmp_path / "r.pdf"
    argv = ["export", "--format", "pdf", "-o", str(report), "--from", "9999-12-25"]
    code, err = run_clean(tmp_path, [*argv, "--to", "9999-12-31"], capsys)
    assert code == 1 and "Last day: 9999-12-31 is outside the days" in err
    assert not report.exists()


def test_search_text_is_matched_literally(tmp_path: Path, capsys) -> None:
    for name in ("a_b", "X", "百分%比"):
        assert main(["--data-dir", str(tmp_path), "contact", "add", "--name", name]) == 0
    capsys.readouterr()

    def names(text: str) -> list[str]:
        assert main(["--data-dir", str(tmp_path), "contact", "list", f"--search={text}"]) == 0
        return [line.split("\t")[1] for line in capsys.readouterr().out.splitlines()]

    assert names("_") == ["a_b"]
    assert names("%") == ["百分%比"]
    assert sorted(names("")) == sorted(["a_b", "X", "百分%比"])
