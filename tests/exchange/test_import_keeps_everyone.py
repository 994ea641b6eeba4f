"""Issue 19: a record that names someone becomes a contact.

Each test builds a small file the way a real exporter writes it (Thunderbird, Outlook and
Google CSV, Lotus Notes and Outlook vCards, UTF-16 and "ANSI" files) and checks that every
named person arrives, with what could not be used kept in the note and reported with its
card line or column.
"""

import codecs
import re
import unicodedata
from datetime import date, datetime

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from relbook.core.contact_input import ContactInput, PhoneInput
from relbook.core.contacts import get_contact, to_input
from relbook.core.enums import PhoneLabel
from relbook.db.book import Book
from relbook.exchange import importer, vcard
from relbook.exchange.importer import ImportSource, SourceWarning
from relbook.exchange.sheets import write_xlsx
from tests.conftest import NOW

TODAY = NOW.date()

THUNDERBIRD_HEADER = (
    "First Name,Last Name,Display Name,Nickname,Primary Email,Secondary Email,Screen Name,"
    "Work Phone,Home Phone,Fax Number,Pager Number,Mobile Number,Home Address,Home Address 2,"
    "Home City,Home State,Home ZipCode,Home Country,Work Address,Work Address 2,Work City,"
    "Work State,Work ZipCode,Work Country,Job Title,Department,Organization,Web Page 1,"
    "Web Page 2,Birth Year,Birth Month,Birth Day,Custom 1,Custom 2,Custom 3,Custom 4,Notes,"
)
"""Thunderbird's "Comma Separated" export: the header ends with a comma, as do the rows."""

OUTLOOK_HEADER = (
    "Title|First Name|Middle Name|Last Name|Suffix|Company|Department|Job Title|"
    "Business Street|Business Street 2|Business Street 3|Business City|Business State|"
    "Business Postal Code|Business Country/Region|Home Street|Home Street 2|Home Street 3|"
    "Home City|Home State|Home Postal Code|Home Country/Region|Other Street|Other Street 2|"
    "Other Street 3|Other City|Other State|Other Postal Code|Other Country/Region|"
    "Assistant's Phone|Business Fax|Business Phone|Business Phone 2|Callback|Car Phone|"
    "Company Main Phone|Home Fax|Home Phone|Home Phone 2|ISDN|Mobile Phone|Other Fax|"
    "Other Phone|Pager|Primary Phone|Radio Phone|TTY/TDD Phone|Telex|Account|Anniversary|"
    "Assistant's Name|Billing Information|Birthday|Business Address PO Box|Categories|"
    "Children|Directory Server|E-mail Address|E-mail Type|E-mail Display Name|"
    "E-mail 2 Address|E-mail 2 Type|E-mail 2 Display Name|E-mail 3 Address|E-mail 3 Type|"
    "E-mail 3 Display Name|Gender|Government ID Number|Hobby|Home Address PO Box|Initials|"
    "Internet Free Busy|Keywords|Language|Location|Manager's Name|Mileage|Notes|"
    "Office Location|Organizational ID Number|Other Address PO Box|Priority|Private|"
    "Profession|Referred By|Sensitivity|Spouse|User 1|User 2|User 3|User 4|Web Page"
).split("|")
"""Outlook's "Comma Separated Values" export, every column quoted."""

GOOGLE_HEADER = (
    "First Name,Middle Name,Last Name,Phonetic First Name,Phonetic Middle Name,"
    "Phonetic Last Name,Name Prefix,Name Suffix,Nickname,File As,Organization Name,"
    "Organization Title,Organization Department,Birthday,Notes,Photo,Labels,E-mail 1 - Label,"
    "E-mail 1 - Value,Phone 1 - Label,Phone 1 - Value,Phone 2 - Label,Phone 2 - Value"
).split(",")
"""Google Contacts' current "Google CSV"."""


def _read(data: bytes, filename: str) -> ImportSource:
    return importer.read_import(data, filename, today=TODAY)


def _by_name(source: ImportSource) -> dict[str, importer.Candidate]:
    return {c.contact.name: c for c in source.candidates}


def _codes(warnings: list[SourceWarning]) -> list[str]:
    return [w.code for w in warnings]


def _outlook_row(**cells: str) -> str:
    return ",".join(f'"{cells.get(h, "")}"' for h in OUTLOOK_HEADER)


# ---------------------------------------------------------------- CSV from mail programs


def test_thunderbird_csv_maps_emails_phones_company_and_birthday_parts() -> None:
    rows = [
        THUNDERBIRD_HEADER,
        "Anna,Schmidt,Anna Schmidt,,anna@example.de,anna.privat@example.de,,+49 30 1234567,,"
        ",,+49 170 1234567,Hauptstr. 1,,Berlin,,10115,Germany,,,,,,,Einkauf,Beschaffung,"
        "Siemens AG,,,1980,3,8,,,,,Trinkt gern Tee…,",
        "Wei,Zhang,,,zhang.wei@example.cn,,,,,,,13800138000,,,,,,,,,,,,,,,,,,,,,,,,,,",
    ]
    data = ("\r\n".join(rows) + "\r\n").encode("utf-8")
    source = _read(data, "thunderbird.csv")
    anna, wei = source.candidates
    assert anna.contact.name == "Anna Schmidt" and wei.contact.name == "Wei Zhang"
    assert (anna.contact.email, wei.contact.email) == ("anna@example.de", "zhang.wei@example.cn")
    assert [(p.number, p.label) for p in anna.contact.phones] == [
        ("+49 30 1234567", PhoneLabel.WORK),
        ("+49 170 1234567", PhoneLabel.MOBILE),
    ]
    assert wei.contact.phones[0].number == "13800138000"
    assert (anna.contact.company, anna.contact.department, anna.contact.title) == (
        "Siemens AG",
        "Beschaffung",
        "Einkauf",
    )
    birthday = anna.contact.birthday()
    assert birthday is not None and (birthday.year, birthday.month, birthday.day) == (1980, 3, 8)
    # the second email is not lost: the field holds one, the note keeps the other
    assert "Secondary Email: anna.privat@example.de" in anna.contact.notes
    assert anna.contact.notes.startswith("Trinkt gern Tee…")  # U+2026 kept, not "..."
    assert "Hauptstr. 1" in anna.contact.address
    # what is not mapped is named (columns with text first), and can be mapped by hand
    assert source.not_imported == ["Home City", "Home ZipCode", "Home Country"]
    assert "Primary Email" not in source.ignored_columns


def test_outlook_csv_with_bad_values_keeps_the_person() -> None:
    rows = [
        ",".join(f'"{h}"' for h in OUTLOOK_HEADER),
        _outlook_row(
            **{
                "First Name": "建国",
                "Last Name": "孙",
                "Company": "中石化华北分公司",
                "Business Phone": "022-23456789转102",
                "Mobile Phone": "BusinessPhone",
                "Birthday": "31/31/1968",
                "E-mail Address": "contact1@invalid",
                "Notes": "老家山东…",
            }
        ),
        _outlook_row(
            **{
                "First Name": "Mary",
                "Last Name": "Major",
                "E-mail Address": "mary@example.com",
                "Birthday": "1/0/00",
                "Business Phone": "+1-800-MYFAX",
            }
        ),
    ]
    data = codecs.BOM_UTF8 + ("\r\n".join(rows) + "\r\n").encode("utf-8")
    source = _read(data, "outlook.csv")
    assert source.problems == []
    people = _by_name(source)
    sun, mary = people["孙建国"], people["Mary Major"]
    assert [p.number for p in sun.contact.phones] == ["022-23456789转102"]
    assert (sun.contact.email, sun.contact.dates) == ("", [])
    assert sun.contact.notes.split("\n") == [
        "老家山东…",
        "导入时未能识别：Birthday: 31/31/1968",
        "导入时未能识别：E-mail Address: contact1@invalid",
        "导入时未能识别：Mobile Phone: BusinessPhone",
    ]
    assert sorted(_codes(sun.warnings)) == ["birthday_dropped", "not_recognised", "not_recognised"]
    assert {w.params.get("column") for w in sun.warnings} >= {"Mobile Phone", "E-mail Address"}
    assert [p.number for p in mary.contact.phones] == ["+1-800-MYFAX"]  # letters as typed
    assert mary.contact.email == "mary@example.com"


def test_google_csv_headers_map_without_help() -> None:
    row = dict.fromkeys(GOOGLE_HEADER, "")
    row.update(
        {
            "First Name": "明",
            "Last Name": "周",
            "Organization Name": "南京金陵建设",
            "Organization Title": "项目经理",
            "Birthday": "1982-07-19",
            "E-mail 1 - Value": "zhouming@jinling.cn",
            "Phone 1 - Label": "Mobile",
            "Phone 1 - Value": "138 1234 5678 ::: 7yy-zzz-xxx",
            "Phone 2 - Label": "Work",
            "Phone 2 - Value": "0987 /6543",
        }
    )
    text = ",".join(GOOGLE_HEADER) + "\n" + ",".join(row.values()) + "\n"
    source = _read(text.encode("utf-8"), "contacts.csv")
    (zhou,) = source.candidates
    assert zhou.contact.name == "周明" and zhou.contact.company == "南京金陵建设"
    assert zhou.contact.email == "zhouming@jinling.cn" and zhou.contact.title == "项目经理"
    assert [p.number for p in zhou.contact.phones] == ["138 1234 5678", "0987 /6543"]
    assert "导入时未能识别：Phone 1 - Value: 7yy-zzz-xxx" in zhou.contact.notes
    assert zhou.contact.birthday() is not None


def test_a_utf16_csv_with_bom_imports() -> None:
    text = "姓名\t手机\t备注\r\n王芳\t13900139000\t喜欢…\r\n"
    source = _read(codecs.BOM_UTF16_LE + text.encode("utf-16-le"), "export.txt")
    assert [(c.contact.name, c.contact.notes) for c in source.candidates] == [("王芳", "喜欢…")]


# ---------------------------------------------------------------- vCards


LOTUS_NOTES = """BEGIN:VCARD
VERSION:3.0
PROFILE:VCARD
PRODID:-//IBM//Lotus Notes//EN
N:Perreault;Simon;;;
FN:Simon Perreault
ORG:Viagenie;
TEL;TYPE=WORK,VOICE:+1-418-656-9254;ext=102
TEL;TYPE=WORK,FAX:+1-800-MYFAX
TEL;TYPE=HOME:034441/ 2 22 67
TEL;TYPE=WORK:7yy-zzz-xxx
TEL;TYPE=WORK:Tel geschäftlich
EMAIL;TYPE=INTERNET:contact1@invalid
X-QQ:IM6
NOTE:Met at the IETF…
END:VCARD
BEGIN:VCARD
VERSION:3.0
profile:vCard
FN:Jane Doe
EMAIL;TYPE=INTERNET:jane@example.com
END:VCARD
"""


def test_lotus_notes_profile_and_bad_values_keep_the_card() -> None:
    source = _read(LOTUS_NOTES.replace("\n", "\r\n").encode("utf-8"), "notes.vcf")
    assert source.problems == []
    simon, jane = source.candidates
    assert jane.contact.name == "Jane Doe" and jane.warnings == []
    assert simon.contact.name == "Simon Perreault" and simon.contact.company == "Viagenie"
    assert [p.number for p in simon.contact.phones] == [
        "+1-418-656-9254;ext=102",
        "+1-800-MYFAX",
        "034441/ 2 22 67",
    ]
    assert (simon.contact.email, simon.contact.qq) == ("", "")
    assert simon.contact.notes.split("\n") == [
        "Met at the IETF…",
        "导入时未能识别：TEL;TYPE=WORK: 7yy-zzz-xxx",
        "导入时未能识别：TEL;TYPE=WORK: Tel geschäftlich",
        "导入时未能识别：EMAIL;TYPE=INTERNET: contact1@invalid",
        "导入时未能识别：X-QQ: IM6",
    ]
    said = [(w.params["line"], w.params["value"]) for w in simon.warnings]
    assert said == [
        (11, "7yy-zzz-xxx"),
        (12, "Tel geschäftlich"),
        (13, "contact1@invalid"),
        (14, "IM6"),
    ]
    assert _codes(simon.warnings) == ["not_recognised"] * 4


OUTLOOK_21 = """BEGIN:VCARD
VERSION:2.1
N;LANGUAGE=en-us:;;;;
ORG:Contoso Ltd.
TEL;WORK;VOICE:(425) 555-0100
EMAIL;PREF;INTERNET:info@contoso.example
PHOTO;TYPE=JPEG;ENCODING=BASE64:
 /9j/4AAQSkZJRgABAQEAYABgAAAAAQIDBAUGBwgJCgsMDQ4PEBESExQVFhcY
 GRobHB0eHyAhIiMkJSYn

X-MS-OL-DEFAULT-POSTAL-ADDRESS:0
REV:20240101T000000Z
END:VCARD
BEGIN:VCARD
VERSION:2.1
N;LANGUAGE=en-us:Major;Mary
PHOTO;TYPE=JPEG;ENCODING=BASE64:
 /9j/4AAQSkZJRgABAQEAYABgAAAAAQIDBAUGBwgJCgsMDQ4PEBESExQVFhcY
 GRobHB0eHyAhIiMkJSYn

END:VCARD
BEGIN:VCARD
VERSION:2.1
EMAIL;INTERNET:sales@fabrikam.example
END:VCARD
BEGIN:VCARD
VERSION:2.1
TEL;CELL:13912345678
END:VCARD
"""


def test_outlook_cards_without_fn_are_named_from_n_org_email_or_phone() -> None:
    source = _read(OUTLOOK_21.replace("\n", "\r\n").encode("cp1252"), "outlook.vcf")
    assert source.problems == []
    names = [c.contact.name for c in source.candidates]
    assert names == ["Contoso Ltd.", "Mary Major", "sales@fabrikam.example", "13912345678"]
    contoso, mary, sales, mobile = source.candidates
    assert mary.warnings == []  # N is a name
    assert [(w.code, w.params["field"]) for w in contoso.warnings] == [("name_derived", "ORG")]
    assert sales.warnings[0].params["field"] == "EMAIL"
    assert mobile.warnings[0].params["field"] == "TEL"
    assert contoso.contact.email == "info@contoso.example"


_PHONE_CARD = (
    "BEGIN:VCARD\r\nVERSION:2.1\r\nN:张;伟\r\nFN:张伟\r\nORG:北京华宇科技\r\n"
    "TEL;CELL:13800138000\r\nNOTE:喜欢喝茶…\r\nEND:VCARD\r\n"
)


def _one(data: bytes) -> importer.Candidate:
    source = _read(data, "phone.vcf")
    assert source.problems == [] and len(source.candidates) == 1
    return source.candidates[0]


def _is_zhang(candidate: importer.Candidate) -> bool:
    data = candidate.contact
    return (data.name, data.company, data.notes) == ("张伟", "北京华宇科技", "喜欢喝茶…")


def test_utf16_files_with_and_without_bom() -> None:
    for data in (
        codecs.BOM_UTF16_LE + _PHONE_CARD.encode("utf-16-le"),
        codecs.BOM_UTF16_BE + _PHONE_CARD.encode("utf-16-be"),
        _PHONE_CARD.encode("utf-16-le"),
    ):
        assert _is_zhang(_one(data))


def test_ansi_cards_without_charset_gb18030_gbk_and_western() -> None:
    assert _is_zhang(_one(_PHONE_CARD.encode("gb18030")))
    gbk = _one(_PHONE_CARD.replace("…", "，").encode("gbk"))
    assert gbk.contact.notes == "喜欢喝茶，"
    western = (
        "BEGIN:VCARD\r\nVERSION:2.1\r\nN:Müller;Jürgen\r\nFN:Jürgen Müller\r\n"
        "ORG:Bäckerei Schön\r\nNOTE:Grüße – €5\r\nEND:VCARD\r\n"
    )
    card = _one(western.encode("cp1252")).contact
    assert (card.name, card.company, card.notes) == (
        "Jürgen Müller",
        "Bäckerei Schön",
        "Grüße – €5",
    )


def test_mixed_21_and_30_cards_in_several_encodings() -> None:
    data = (
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:李娜\r\nTEL;TYPE=CELL:139 0000 1111\r\nEND:VCARD\r\n"
    ).encode()
    data += _PHONE_CARD.encode("gb18030")  # an "ANSI" 2.1 card without CHARSET
    data += (
        b"BEGIN:VCARD\r\nVERSION:2.1\r\n"
        b"N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=E7=8E=8B;=E8=8A=B3;;;\r\n"
        b"FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=E7=8E=8B=E8=8A=B3\r\n"
        b"NOTE;CHARSET=GBK;ENCODING=QUOTED-PRINTABLE:=CF=B2=BB=B6=\r\n=B2=E8\r\n"
        b"END:VCARD\r\n"
    )
    source = _read(data, "mixed.vcf")
    assert source.problems == []
    assert [c.contact.name for c in source.candidates] == ["李娜", "张伟", "王芳"]
    assert _is_zhang(source.candidates[1])
    assert source.candidates[2].contact.notes == "喜欢茶"


def test_text_is_kept_after_nfc_only() -> None:
    card = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Rene\u0301\r\nNOTE:Wait… ① ＡＢＣ\r\nEND:VCARD\r\n"
    data = _one(card.encode("utf-8")).contact
    assert data.name == "René" == unicodedata.normalize("NFC", "Rene\u0301")
    assert data.notes == "Wait… ① ＡＢＣ"
    sheet = _read("姓名,备注\nRene\u0301,Wait… ① ＡＢＣ\n".encode(), "x.csv").candidates[0]
    assert (sheet.contact.name, sheet.contact.notes) == ("René", "Wait… ① ＡＢＣ")


def test_kept_values_arrive_in_the_book(book: Book, now: datetime) -> None:
    source = _read(LOTUS_NOTES.encode("utf-8"), "notes.vcf")
    with book.session() as session:
        result = importer.apply_import(session, importer.preview(session, source), now=now)
        assert result.failed == [] and len(result.created) == 2
        assert importer.written_with_warnings(source, result) == 1
        simon = to_input(get_contact(session, result.created[1]))
    assert "导入时未能识别：TEL;TYPE=WORK: 7yy-zzz-xxx" in simon.notes
    assert "+1-418-656-9254;ext=102" in [p.number for p in simon.phones]


def test_extensions_do_not_make_a_new_person() -> None:
    assert importer.phone_key("+1-418-656-9254;ext=102") == importer.phone_key("+1 418 656 9254")
    assert importer.phone_key("010-62345678转102") == importer.phone_key("010-62345678")
    assert importer.phone_key("555-123-4567 x12") == "5551234567"


# ---------------------------------------------------------------- no bad value drops a card

_PROPERTIES = ("TEL", "EMAIL", "X-QQ", "BDAY", "ORG", "NOTE", "ADR", "URL")
_NAMES = st.text(
    st.characters(whitelist_categories=("Lu", "Ll", "Lo"), max_codepoint=0x9FFF),
    min_size=1,
    max_size=12,
)


def _meaningful(value: str) -> str:
    """What of a raw vCard value says something: no escapes, separators or invisible marks."""
    text = re.sub(r"\\[nN]", "", value)
    return "".join(c for c in text if c not in ";,\\" and unicodedata.category(c)[0] not in "CZ")


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    name=_NAMES,
    prop=st.sampled_from(_PROPERTIES),
    value=st.text(max_size=80),
    position=st.integers(min_value=0, max_value=4),
    version=st.sampled_from(("2.1", "3.0", "4.0")),
)
def test_no_single_bad_value_drops_a_named_card(
    name: str, prop: str, value: str, position: int, version: str
) -> None:
    name = name.strip()
    if not name:
        return
    # a value holds no raw line break: writers escape one as \n (a raw one starts a new line)
    typed = re.sub(r"\r\n|\r|\n", r"\\n", value)
    lines = [f"FN:{name}", "N:;;;;", "TEL;TYPE=CELL:13800138000", "TITLE:经理"]
    lines.insert(position, f"{prop}:{typed}")
    text = "\r\n".join(["BEGIN:VCARD", f"VERSION:{version}", *lines, "END:VCARD"]) + "\r\n"
    bad_line = 3 + position
    source = importer.read_import(text.encode("utf-8"), "one.vcf", today=date(2026, 12, 7))
    assert source.problems == []
    # kept as typed after Unicode NFC only (U+0F43 is stored as U+0F42 U+0FB7, its NFC form)
    assert [c.contact.name for c in source.candidates] == [unicodedata.normalize("NFC", name)]
    candidate = source.candidates[0]
    base = importer.read_import(
        "\r\n".join(
            [
                "BEGIN:VCARD",
                f"VERSION:{version}",
                *lines[:position],
                *lines[position + 1 :],
                "END:VCARD",
                "",
            ]
        ).encode(),
        "base.vcf",
        today=date(2026, 12, 7),
    ).candidates[0]
    used = candidate.contact != base.contact
    reported = any(
        w.params.get("line") == bad_line for w in candidate.warnings if w.code != "name_derived"
    )
    assert used or reported or not _meaningful(typed), (prop, typed)


def test_a_merge_keeps_the_values_that_could_not_be_used() -> None:
    existing = ContactInput(name="张伟", notes="老客户", phones=[PhoneInput("13800138000")])
    incoming = ContactInput(
        name="张伟", notes="喜欢茶\n导入时未能识别：TEL;WORK: 7yy-zzz-xxx", phones=[]
    )
    merged = importer.merge_input(existing, incoming)
    assert merged.notes == "老客户\n导入时未能识别：TEL;WORK: 7yy-zzz-xxx"
    assert importer.merge_input(merged, incoming).notes == merged.notes


def test_xlsx_rows_with_bad_values_are_imported(tmp_path) -> None:
    path = tmp_path / "客户.xlsx"
    write_xlsx(
        [["王芳", "not a phone", "wang@", "1990-02-30"], ["李娜", "13900139000", "", "1985-03-08"]],
        ["姓名", "手机", "邮箱", "生日"],
        path,
    )
    source = _read(path.read_bytes(), "客户.xlsx")
    assert source.problems == []
    wang, li = source.candidates
    assert (wang.contact.name, wang.contact.phones, wang.contact.email) == ("王芳", [], "")
    assert wang.contact.notes.split("\n") == [
        "导入时未能识别：生日: 1990-02-30",
        "导入时未能识别：邮箱: wang@",
        "导入时未能识别：手机: not a phone",
    ]
    assert sorted(_codes(wang.warnings)) == ["birthday_dropped", "not_recognised", "not_recognised"]
    assert li.warnings == [] and li.contact.birthday() is not None


def test_a_card_that_cannot_be_read_property_by_property_keeps_its_name(monkeypatch) -> None:
    def broken(self, component) -> None:
        raise RuntimeError("a reader bug")

    monkeypatch.setattr(vcard._Card, "read", broken)
    card = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:李娜\r\nTEL:13900139000\r\nEND:VCARD\r\n"
    (only,) = _read(card.encode(), "x.vcf").candidates
    assert only.contact.name == "李娜"
    assert only.contact.notes == "导入时未能识别：TEL: 13900139000"
    assert [(w.params["line"], w.params["value"]) for w in only.warnings] == [(4, "13900139000")]


def test_a_csv_phone_cell_keeps_its_extension_with_its_number() -> None:
    header = "First Name,Last Name,Display Name,Work Phone,Mobile Number\n"
    row = "John,Doe,John Doe,+1-418-656-9254;ext=102,13911112222; 转 8\n"
    source = _read((header + row).encode("utf-8"), "thunderbird.csv")
    john = _by_name(source)["John Doe"]
    numbers = [phone.number for phone in john.contact.phones]
    assert numbers == ["+1-418-656-9254;ext=102", "13911112222;转 8"]
    assert john.warnings == []
