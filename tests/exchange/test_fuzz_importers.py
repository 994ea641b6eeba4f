"""Random and mutated files never crash an importer, and every rejection says where and why.

Mutations start from the real-looking fixtures (an Android vCard, a GBK Excel CSV, a Google CSV)
and from files relbook writes itself (XLSX, JSON archive): bytes flipped, lines cut, duplicated
or dropped, the file truncated. Whatever comes out, reading either gives candidates and problems
(each problem with a position and a worded reason) or one whole-file error naming the file, and
writing either commits whole records or nothing.
"""

import io
import json
import random
from datetime import date, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import text

from relbook.core.contact_input import ContactInput, DateInput
from relbook.core.contacts import count_contacts, create_contact
from relbook.core.errors import ValidationError
from relbook.core.validation import validate_contact
from relbook.exchange import importer
from relbook.exchange.archive import import_archive, write_archive
from relbook.exchange.dates_typed import DateParseError, parse_typed_date
from relbook.exchange.sheets import write_xlsx
from relbook.words.labels import error_text

FIXTURES = Path(__file__).parent / "fixtures"
NOW = datetime(2026, 11, 23, 10, 0)
LAST_DAY = date.max
"""A today after every year a typed date can hold: these tests are about real days (whether
one is a birth still to come is the importer's question, ``future_birth_year``)."""
FUZZ = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def _mutate(data: bytes, seed: int) -> bytes:
    """A few random edits of the kinds damaged files show."""
    rng = random.Random(seed)
    lines = data.split(b"\n")
    for _ in range(rng.randint(1, 4)):
        kind = rng.choice(("flip", "cut", "dup", "drop", "truncate", "insert"))
        if not lines:
            break
        at = rng.randrange(len(lines))
        if kind == "flip" and lines[at]:
            line = bytearray(lines[at])
            line[rng.randrange(len(line))] = rng.randrange(256)
            lines[at] = bytes(line)
        elif kind == "cut" and lines[at]:
            lines[at] = lines[at][: rng.randrange(len(lines[at]))]
        elif kind == "dup":
            lines.insert(at, lines[at])
        elif kind == "drop":
            del lines[at]
        elif kind == "insert":
            lines.insert(at, bytes(rng.randrange(256) for _ in range(rng.randint(1, 30))))
        else:
            lines = lines[: at + 1]
    return b"\n".join(lines)


def _check_source(filename: str, data: bytes) -> importer.ImportSource | None:
    """Read ``data``; a failure must be one whole-file error that names the file."""
    try:
        source = importer.read_import(data, filename, today=NOW.date())
    except ValidationError as problem:
        assert [e.field for e in problem.errors] == ["file"]
        assert problem.errors[0].params.get("value") == filename
        assert error_text(problem.errors[0])
        return None
    for problem in source.problems:
        assert problem.position >= 1 and problem.line >= 1
        assert problem.errors and all(error_text(e) for e in problem.errors)
    for candidate in source.candidates:
        assert candidate.contact.name.strip()
    return source


def _write_all(book, source: importer.ImportSource) -> None:
    """Writing keeps whole, valid records only; the book stays consistent."""
    with book.session() as session:
        before = count_contacts(session)
        result = importer.apply_import(session, importer.preview(session, source), "add", now=NOW)
        assert count_contacts(session) == before + len(result.created)
        for problem in result.failed:
            assert problem.errors
        assert session.execute(text("PRAGMA foreign_key_check")).all() == []


@pytest.mark.parametrize(
    "fixture", ["android_21.vcf", "apple_30.vcf", "messy.vcf", "chinese_charsets.vcf"]
)
@FUZZ
@given(seed=st.integers(0, 2**32 - 1))
def test_mutated_vcards_are_read_or_refused_with_reasons(fixture, seed):
    _check_source(fixture, _mutate((FIXTURES / fixture).read_bytes(), seed))


@pytest.mark.parametrize(
    "fixture", ["excel_gbk.csv", "google_contacts.csv", "outlook_contacts.csv"]
)
@FUZZ
@given(seed=st.integers(0, 2**32 - 1))
def test_mutated_csv_files_are_read_or_refused_with_reasons(fixture, seed):
    _check_source(fixture, _mutate((FIXTURES / fixture).read_bytes(), seed))


@FUZZ
@given(data=st.binary(max_size=2000), name=st.sampled_from(["x.vcf", "x.csv", "x.xlsx"]))
def test_random_bytes_never_crash_a_reader(data, name):
    _check_source(name, data)


@FUZZ
@given(
    rows=st.lists(st.lists(st.text(max_size=12), min_size=4, max_size=4), min_size=1, max_size=8),
    seed=st.integers(0, 2**32 - 1),
)
def test_xlsx_with_random_cells_or_damage_is_read_or_refused(rows, seed):
    buffer = io.BytesIO()
    write_xlsx(rows, ["姓名", "手机", "生日", "备注"], buffer)
    data = buffer.getvalue()
    _check_source("sheet.xlsx", data)
    damaged = bytearray(data)
    rng = random.Random(seed)
    for _ in range(3):
        damaged[rng.randrange(len(damaged))] = rng.randrange(256)
    _check_source("sheet.xlsx", bytes(damaged))


@FUZZ
@given(seed=st.integers(0, 2**32 - 1))
def test_what_is_read_from_damaged_files_is_written_whole(book, seed):
    data = _mutate((FIXTURES / "messy.vcf").read_bytes(), seed)
    source = _check_source("messy.vcf", data)
    if source is not None:
        _write_all(book, source)


@pytest.fixture
def archive_bytes(tmp_path) -> bytes:
    from relbook.db.book import open_book

    other = open_book(tmp_path / "source", now=NOW)
    try:
        with other.session() as session:
            for name in ("张三", "李四"):
                create_contact(
                    session, ContactInput(name, dates=[DateInput(8, 15, calendar="lunar")]), NOW
                )
            return write_archive(session, NOW)
    finally:
        other.close()


def _damage_json(value: object, rng: random.Random) -> object:
    """Drop keys, change types and values here and there, deep in the archive."""
    if isinstance(value, dict):
        out = {}
        for key, item in value.items():
            roll = rng.random()
            if roll < 0.04:
                continue
            out[key] = (
                rng.choice([None, 7, "x", [], {}, -1]) if roll < 0.08 else _damage_json(item, rng)
            )
        return out
    if isinstance(value, list):
        return [_damage_json(item, rng) for item in value if rng.random() > 0.04]
    return value


@FUZZ
@given(seed=st.integers(0, 2**32 - 1))
def test_a_damaged_archive_is_merged_whole_or_refused_whole(book, archive_bytes, seed):
    rng = random.Random(seed)
    damaged = json.dumps(_damage_json(json.loads(archive_bytes), rng)).encode()
    session = book.sessions()
    try:
        with book.session() as counting:
            before = count_contacts(counting)
        try:
            import_archive(session, damaged, NOW, filename="handover.json")
        except ValidationError as problem:
            assert [e.field for e in problem.errors] == ["file"]
            assert error_text(problem.errors[0])
            session.rollback()
            assert count_contacts(session) == before
        else:
            assert session.execute(text("PRAGMA foreign_key_check")).all() == []
    finally:
        session.rollback()
        session.close()


@settings(max_examples=300, deadline=None)
@given(value=st.one_of(st.text(max_size=20), st.integers(), st.floats(allow_nan=True)))
def test_typed_dates_are_read_or_refused_never_crash(value):
    try:
        parsed = parse_typed_date(value)
    except DateParseError as problem:
        assert problem.code
        return
    if parsed is not None:
        assert validate_contact(ContactInput("x", dates=[parsed]), LAST_DAY) == []


@settings(max_examples=300, deadline=None)
@given(
    year=st.integers(1, 9999),
    month=st.integers(0, 14),
    day=st.integers(0, 33),
    style=st.sampled_from(["{y}-{m}-{d}", "{y}/{m}/{d}", "{y}年{m}月{d}日", "{m}月{d}日"]),
    lunar=st.booleans(),
)
def test_typed_date_styles_accept_only_real_days(year, month, day, style, lunar):
    written = style.format(y=year, m=month, d=day)
    try:
        parsed = parse_typed_date(written, lunar_hint=lunar)
    except DateParseError:
        return
    assert parsed is not None
    assert validate_contact(ContactInput("x", dates=[parsed]), LAST_DAY) == []
