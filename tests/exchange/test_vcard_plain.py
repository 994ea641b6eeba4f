"""Plain cards skip vobject's reader; what they give must be what vobject gave, card for card."""

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from vobject.base import parseLine

from relbook.exchange import _vcard_raw, vcard
from relbook.exchange.vcard import VCardParse, parse_vcards
from tests.conftest import NOW

from .test_fuzz_importers import _mutate

FIXTURES = Path(__file__).parent / "fixtures"
TODAY = NOW.date()
VCARDS = ["android_21.vcf", "apple_30.vcf", "google_30.vcf", "messy.vcf", "chinese_charsets.vcf"]
VCARDS += ["v40_dates.vcf"]

TRICKY = "\r\n".join(
    [
        "BEGIN:VCARD",
        "VERSION:3.0",
        r"FN:Wang\, Fang\;Jr\\ \q",
        r"N:王;芳,芳芳;;Dr.\;Ms;",
        "ORG:恒达;;采购部,二组;",
        r"CATEGORIES:VIP,,老乡\,同学,",
        "item1.TEL;type=CELL;type=pref:138 0013 8000",
        "item1.X-ABLABEL:_$!<Mobile>!$_",
        "TEL;WORK;VOICE:010-6234 5678",
        "EMAIL;TYPE=INTERNET,HOME;PREF=1:a@b.cn",
        r"ADR;TYPE=WORK:;;中山路1号\n二楼;广州;广东;510000;中国",
        r"NOTE:line one\nline two\, more\\",
        "BDAY:--03-08",
        'X-RELBOOK-DATE;KIND=custom;LABEL="A, B":2020-01-02',
        "IMPP;X-SERVICE-TYPE=QQ:x-apple:123456",
        "X-ABRELATEDNAMES;TYPE=spouse:刘洋",
        "GEO:39.9;116.4",
        "UID:urn:uuid:1,2",
        "END:VCARD",
        "BEGIN:VCARD",
        "VERSION:3.0",
        "FN:钱七",
        "NOTE;ENCODING=b:5L2g5aW9",
        "END:VCARD",
        "BEGIN:VCARD",
        "VERSION:2.1",
        "N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=E5=BC=A0;=E4=B8=89;;;",
        "FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=E5=BC=A0=E4=B8=89",
        "NOTE;QUOTED-PRINTABLE:first=0D=0Asecond",
        "TEL;CELL;BASE64:MTM4",
        "PROFILE:VCARD",
        "END:VCARD",
        "BEGIN:VCARD",
        "VERSION:3.0",
        "FN:李四",
        "BEGIN:VCALENDAR",
        "END:VCALENDAR",
        "TEL:13900001111",
        "END:VCARD",
        "BEGIN:VCARD",
        "VERSION:3.0",
        "FN:赵六",
        "N:赵;六",
        "TITLE:经理\\",
        "END:VCARD",
        "",
    ]
).encode("utf-8")

FUZZ = settings(
    max_examples=80,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def _both(data: bytes, monkeypatch: pytest.MonkeyPatch) -> tuple[VCardParse, VCardParse]:
    plain = parse_vcards(data, today=TODAY)
    with monkeypatch.context() as patched:
        patched.setattr(vcard, "_plain_card", lambda parsed, forms: None)
        through_vobject = parse_vcards(data, today=TODAY)
    return plain, through_vobject


@pytest.mark.parametrize("fixture", VCARDS)
def test_fixtures_read_the_same_without_vobjects_reader(
    fixture: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    plain, through_vobject = _both((FIXTURES / fixture).read_bytes(), monkeypatch)
    assert plain == through_vobject
    assert plain.records


def test_escapes_lists_and_odd_lines_read_the_same(monkeypatch: pytest.MonkeyPatch) -> None:
    taken: list[bool] = []
    real = vcard._plain_card

    def spy(parsed: list, forms: dict) -> object:
        card = real(parsed, forms)
        taken.append(card is not None)
        return card

    monkeypatch.setattr(vcard, "_plain_card", spy)
    plain = parse_vcards(TRICKY, today=TODAY)
    monkeypatch.setattr(vcard, "_plain_card", real)
    assert plain == _both(TRICKY, monkeypatch)[1]
    assert taken == [True, False, False, False, True]  # base64, 2.1 PROFILE, nested BEGIN
    first = plain.records[0].data
    assert (first.name, first.tags, first.department) == (
        "王芳,芳芳",
        ["VIP", "老乡,同学"],
        "采购部,二组",
    )
    assert first.notes == "line one\nline two, more\\" and first.family[0].name == "刘洋"


def test_written_cards_read_the_same(monkeypatch: pytest.MonkeyPatch) -> None:
    data = TRICKY + (FIXTURES / "apple_30.vcf").read_bytes()
    cards = parse_vcards(data, today=TODAY).records
    written = vcard.write_vcards([c.data for c in cards], "4.0").encode("utf-8")
    plain, through_vobject = _both(written, monkeypatch)
    assert plain == through_vobject


@pytest.mark.parametrize("fixture", ["android_21.vcf", "apple_30.vcf", "messy.vcf"])
@FUZZ
@given(seed=st.integers(0, 2**32 - 1))
def test_damaged_cards_read_the_same(fixture: str, seed: int) -> None:
    data = _mutate((FIXTURES / fixture).read_bytes() + TRICKY, seed)
    with pytest.MonkeyPatch.context() as monkeypatch:
        plain, through_vobject = _both(data, monkeypatch)
    assert plain == through_vobject


@settings(max_examples=400, deadline=None)
@given(
    head=st.text(alphabet='ab_-.;:",=Ä 1', min_size=1, max_size=24),
    value=st.text(alphabet='x:;,"\\ ', max_size=8),
)
def test_a_head_read_alone_is_read_as_in_its_line(head: str, value: str) -> None:
    """Heads are parsed once per file; vobject, given the whole line, must agree."""
    if _vcard_raw._split_outside_quotes(head.encode(), b":", 1)[0] != head.encode():
        return  # a line is only ever split at a colon outside quotes
    alone = vcard._parse_head(head)
    if alone is None:
        return  # such a line goes to vobject whole
    name, params, group = alone
    assert parseLine(f"{head}:{value}") == (name, params, value, group)
