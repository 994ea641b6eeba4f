"""Contacts from CSV and XLSX files: read the table, guess what each column means, build inputs."""

import codecs
import csv
import io
import re
import unicodedata
import zipfile
import zlib
from dataclasses import dataclass, field
from datetime import date, datetime, time
from functools import cache
from typing import Any

from relbook.core.contact_input import ContactInput, PhoneInput
from relbook.core.enums import DateKind, PhoneLabel, Source, Stage
from relbook.core.errors import RelbookError
from relbook.core.fields import IMPORT_TARGETS
from relbook.core.validation import born_in_future, validate_contact
from relbook.exchange.dates_typed import DateParseError, parse_typed_date
from relbook.exchange.salvage import Unusable, note_lines, salvage, with_notes

FIELDS: tuple[str, ...] = IMPORT_TARGETS
"""Everything a column can be mapped to, in the order the import dialog offers them."""

MULTI_FIELDS = frozenset({"phone", "address", "notes", "tags"})
"""Fields that collect every mapped column; the others take the first non-empty one."""

XLSX_SUFFIXES = (".xlsx", ".xlsm")


class TableError(RelbookError):
    """A file that is not a readable table; ``code`` and ``params`` say why for the UI."""

    def __init__(self, code: str, params: dict[str, Any] | None = None):
        super().__init__(f"{code} {params or {}}")
        self.code = code
        self.params = params or {}


@dataclass
class Table:
    """Cells as text; ``row_numbers[i]`` is where ``rows[i]`` starts in the file (1-based)."""

    headers: list[str]
    rows: list[list[str]]
    row_numbers: list[int]
    encoding: str | None = None
    sheet: str | None = None


# ---------------------------------------------------------------- reading


def read_table(
    data: bytes, filename: str, encoding: str | None = None, sheet: str | None = None
) -> Table:
    """The table in a CSV/TSV or XLSX file (chosen by content first, then by name)."""
    if not data.strip(b" \t\r\n\x00") or data in (codecs.BOM_UTF8, b"\xff\xfe", b"\xfe\xff"):
        raise TableError("empty", {"file": filename})
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise TableError("xls_not_supported", {"file": filename})
    if data.startswith(b"PK\x03\x04") or filename.lower().endswith(XLSX_SUFFIXES):
        return read_xlsx(data, filename, sheet)
    return read_csv(data, filename, encoding)


def _table(raw_rows: list[tuple[int, list[str]]], filename: str) -> Table:
    """Header from the first non-empty row; empty rows dropped; short rows padded."""
    filled = [(n, [_clean_cell(c) for c in cells]) for n, cells in raw_rows]
    filled = [(n, cells) for n, cells in filled if any(cells)]
    if not filled:
        raise TableError("empty", {"file": filename})
    headers = [h.lstrip("\ufeff") for h in filled[0][1]]
    while headers and not headers[-1]:
        headers.pop()
    width = len(headers)
    rows = [(cells + [""] * width)[:width] for _, cells in filled[1:]]
    return Table(headers, rows, [n for n, _ in filled[1:]])


def _clean_cell(text: str) -> str:
    """Trimmed, with line breaks inside a cell as plain "\n" (Excel mixes CRLF and LF)."""
    return text.replace("\r\n", "\n").replace("\r", "\n").strip()


def read_csv(data: bytes, filename: str = "", encoding: str | None = None) -> Table:
    text, used = decode_text(data, encoding)
    delimiter, text = _delimiter(text)
    raw_rows: list[tuple[int, list[str]]] = []
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    start = 1
    try:
        for cells in reader:
            raw_rows.append((start, [_unescape(c) for c in cells]))
            start = reader.line_num + 1
    except csv.Error as problem:
        raise TableError(
            "bad_csv", {"file": filename, "line": start, "detail": str(problem)}
        ) from problem
    table = _table(raw_rows, filename)
    table.encoding = used
    return table


def _unescape(cell: str) -> str:
    """Drop the apostrophe that keeps Excel from reading =, +, - or @ as a formula."""
    return cell[1:] if len(cell) > 1 and cell[0] == "'" and cell[1] in "=+-@" else cell


_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_GB_FAMILY = {"gb18030", "gbk", "gb2312", "hz", "cp936"}
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


def decode_text(data: bytes, encoding: str | None = None) -> tuple[str, str]:
    """(text, encoding) for a text file from Excel, WPS, Google, Outlook or a text editor."""
    used = encoding or _guess_encoding(data)
    try:
        text = data.decode(used)
    except (UnicodeDecodeError, LookupError) as problem:
        raise TableError("bad_encoding", {"encoding": used, "detail": str(problem)}) from problem
    if _looks_binary(text):
        raise TableError("not_text")
    return text.lstrip("\ufeff"), used


def _guess_encoding(data: bytes) -> str:
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    try:
        data.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        pass
    guess = _normalizer_guess(data)
    if (guess or "").replace("_", "") in _GB_FAMILY or _reads_as_chinese(data):
        return "gb18030"
    if guess is None:
        raise TableError("not_text")
    return guess


def _normalizer_guess(data: bytes) -> str | None:
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best()
    return None if best is None else best.encoding.lower()


def _reads_as_chinese(data: bytes) -> bool:
    """GB18030 that decodes, has Chinese characters, and mostly common ones (GB2312 area).

    Western text misread as GB18030 also yields characters, but rare ones outside GB2312.
    """
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        return False
    chinese = _CJK.findall(text)
    if not chinese:
        return False
    common = sum(1 for c in chinese if _in_gb2312(c))
    return common * 2 >= len(chinese)


def _in_gb2312(char: str) -> bool:
    try:
        char.encode("gb2312")
        return True
    except UnicodeEncodeError:
        return False


def _looks_binary(text: str) -> bool:
    sample = text[:20_000]
    controls = sum(1 for c in sample if unicodedata.category(c) == "Cc" and c not in "\t\r\n")
    return "\x00" in sample or controls * 100 > len(sample)


def _delimiter(text: str) -> tuple[str, str]:
    """(delimiter, text without Excel's "sep=;" line): comma, semicolon or tab."""
    first, _, rest = text.partition("\n")
    hint = re.fullmatch(r"sep=(.)\r?", first)
    if hint:
        return hint[1], rest
    sample = "\n".join(text.splitlines()[:20])
    try:
        found = csv.Sniffer().sniff(sample, delimiters=",;\t").delimiter
    except csv.Error:
        found = ""
    counts = {d: _unquoted(first).count(d) for d in ",;\t"}
    if found and counts.get(found, 0) > 0:
        return found, text
    best = max(counts, key=lambda d: counts[d])
    return (best if counts[best] else ","), text


def _unquoted(line: str) -> str:
    return re.sub(r'"[^"]*"', "", line)


_DAMAGED_XLSX: tuple[type[BaseException], ...] = (
    zipfile.BadZipFile,
    zlib.error,
    EOFError,
    OSError,
    KeyError,
    IndexError,
    ValueError,
    TypeError,
    AttributeError,
    SyntaxError,
    RuntimeError,
)
"""What openpyxl lets through from zipfile, zlib and its XML parser on a damaged workbook
(found by tests/exchange/test_fuzz_importers.py); SyntaxError covers XML ParseError,
RuntimeError an unknown compression method or an encrypted member."""


def read_xlsx(data: bytes, filename: str = "", sheet: str | None = None) -> Table:
    """The first sheet (or ``sheet``) of a workbook, each cell as it reads on screen."""
    from openpyxl import load_workbook  # imported on use: it is slow to import

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except _DAMAGED_XLSX as problem:
        raise TableError("bad_xlsx", {"file": filename, "detail": str(problem)}) from problem
    try:
        worksheet = _pick_sheet(book, sheet, filename)
        worksheet.reset_dimensions()  # WPS and some tools write a wrong size
        raw_rows = [
            (number, [cell_text(v) for v in values])
            for number, values in enumerate(worksheet.iter_rows(values_only=True), start=1)
        ]
    except _DAMAGED_XLSX as problem:
        raise TableError("bad_xlsx", {"file": filename, "detail": str(problem)}) from problem
    finally:
        book.close()
    table = _table(raw_rows, filename)
    table.sheet = worksheet.title
    return table


def _pick_sheet(book: Any, sheet: str | None, filename: str) -> Any:
    if sheet is None:
        if not book.worksheets:
            raise TableError("empty", {"file": filename})
        return book.worksheets[0]
    if sheet not in book.sheetnames:
        raise TableError("no_sheet", {"sheet": sheet, "sheets": list(book.sheetnames)})
    return book[sheet]


def cell_text(value: object) -> str:
    """A cell as text: whole numbers without ".0" (phone numbers), dates in ISO."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else f"{value:.15g}"  # Excel's precision
    if isinstance(value, datetime):
        if value.time() == time(0, 0):
            return value.date().isoformat()
        return value.isoformat(sep=" ", timespec="minutes")
    if isinstance(value, date | time):
        return value.isoformat()
    return str(value)


# ---------------------------------------------------------------- mapping


def _key(header: str) -> str:
    """Header as compared: full-width folded, lower case, no spaces, colons or stars."""
    text = unicodedata.normalize("NFKC", header).casefold()
    return re.sub(r"[\s:_*'\"]+", "", text)


_ALIASES: dict[str, tuple[str, ...]] = {
    "name": (
        "name", "姓名", "名字", "联系人", "联系人姓名", "客户", "客户姓名", "客户名称",
        "full name", "display name",
    ),
    "family_name": ("姓", "姓氏", "last name", "family name", "surname"),
    "given_name": ("名", "first name", "given name"),
    "phone": (
        "手机", "手机号", "手机号码", "电话", "电话号码", "联系电话", "移动电话", "办公电话",
        "工作电话", "单位电话", "公司电话", "座机", "固话", "家庭电话", "住宅电话",
        "商务电话", "商务电话2", "住宅电话2", "其他电话", "主要电话", "phone", "phones",
        "mobile", "mobile phone", "cell", "cell phone", "telephone", "tel", "work phone",
        "business phone", "business phone 2", "home phone", "home phone 2", "other phone",
        "primary phone", "company main phone", "car phone", "mobile number",
        *(f"phone {n} - value" for n in range(1, 10)),
    ),
    "email": (
        "email", "e-mail", "mail", "邮箱", "电子邮箱", "邮件", "电子邮件", "电子邮件地址",
        "e-mail address", "email address", "e-mail 2 address", "e-mail 3 address",
        "primary email", "secondary email",
        *(f"e-mail {n} - value" for n in range(1, 5)),
    ),
    "company": (
        "公司", "单位", "公司名称", "单位名称", "工作单位", "所在公司", "企业", "企业名称",
        "company", "organization", "organisation", "organization name",
        "organization 1 - name",
    ),
    "department": (
        "部门", "所在部门", "department", "organization department",
        "organization 1 - department",
    ),
    "title": (
        "职位", "职务", "头衔", "职称", "岗位", "title", "job title", "position",
        "organization title", "organization 1 - title",
    ),
    "birthday": ("生日", "出生日期", "公历生日", "阳历生日", "新历生日", "birthday", "birth date"),
    "lunar_birthday": ("农历生日", "阴历生日", "旧历生日", "lunar birthday"),
    "birth_year": ("birth year", "出生年份", "出生年"),
    "birth_month": ("birth month", "出生月份", "出生月"),
    "birth_day": ("出生日",),
    "wechat": ("微信", "微信号", "wechat", "weixin", "wechat id"),
    "qq": ("qq", "qq号", "qq号码"),
    "address": (
        "地址", "联系地址", "通讯地址", "家庭地址", "住址", "公司地址", "单位地址", "办公地址",
        "address", "home address", "business address", "home street", "business street",
        "other street", "address 1 - formatted", "address 2 - formatted",
        "home address 2", "work address", "work address 2",
        "地址1-格式化",
    ),
    "notes": ("备注", "说明", "附注", "备忘", "notes", "note", "comment", "comments", "memo"),
    "tags": (
        "标签", "分组", "分类", "类别", "群组", "tags", "tag", "labels", "categories",
        "group membership", "groups",
    ),
    "level": (
        "关系层级", "关系等级", "关系级别", "层级", "级别", "level", "relationship level",
    ),
    "stage": ("客户阶段", "阶段", "客户状态", "stage", "customer stage"),
    "source": (
        "来源", "客户来源", "来源/如何认识", "如何认识", "认识途径", "source", "how met",
    ),
}  # fmt: skip

_BY_KEY: dict[str, str] = {_key(a): f for f, aliases in _ALIASES.items() for a in aliases}

_CONTAINS: tuple[tuple[str, str], ...] = (
    ("农历", "lunar_birthday"),
    ("阴历", "lunar_birthday"),
    ("生日", "birthday"),
    ("手机", "phone"),
    ("电话", "phone"),
    ("邮箱", "email"),
    ("邮件", "email"),
    ("微信", "wechat"),
    ("地址", "address"),
    ("备注", "notes"),
    ("职务", "title"),
    ("职位", "title"),
    ("姓名", "name"),
)
"""Chinese words that give a header away even with extra words around them (手机号码1)."""

_NOT_CONTAINS = ("拼音", "类型", "提醒", "标签")
"""Words that make a header about something else (姓名拼音, 电话类型, 生日提醒)."""


def guess_field(header: str) -> str | None:
    key = _key(header)
    if not key:
        return None
    exact = _BY_KEY.get(key)
    if exact is None and re.search("农历|阴历|旧历|lunar", key) and "生日" in key:
        exact = "lunar_birthday"  # 生日（农历）
    exact = exact or _BY_KEY.get(re.sub(r"\(.*?\)$", "", key))
    if exact:
        return exact
    if any(word in key for word in _NOT_CONTAINS):
        return None
    return next((f for word, f in _CONTAINS if word in key), None)


def guess_mapping(headers: list[str]) -> dict[int, str]:
    """Column index -> field for the headers we recognise; the others are left out.

    Outlook's "Title" is Mr./Ms. next to its "Job Title", so it only means the job title when
    there is no "Job Title" column.
    """
    mapping = {i: f for i, h in enumerate(headers) if (f := guess_field(h))}
    keys = [_key(h) for h in headers]
    if _key("job title") in keys:
        mapping = {i: f for i, f in mapping.items() if keys[i] != _key("title")}
    if "birth_month" in mapping.values():  # Thunderbird's "Birth Day" is the day of the month
        for index, header in enumerate(headers):
            if " ".join(header.casefold().split()) == "birth day":
                mapping[index] = "birth_day"
    return mapping


def ignored_columns(headers: list[str], mapping: dict[int, str]) -> list[str]:
    """Headers of the columns the mapping leaves out, for the import dialog."""
    return [h for i, h in enumerate(headers) if i not in mapping and h.strip()]


def unmapped_with_data(table: "Table", mapping: dict[int, str]) -> tuple[list[str], int]:
    """(headers of the unmapped columns holding text in some row, how many others are empty):
    what the preview names as not imported."""
    named: list[str] = []
    empty = 0
    for index, header in enumerate(table.headers):
        if index in mapping or not header.strip():
            continue
        if any(index < len(row) and row[index].strip() for row in table.rows):
            named.append(header)
        else:
            empty += 1
    return named, empty


# ---------------------------------------------------------------- rows to contacts


@dataclass(frozen=True)
class RowWarning:
    code: str
    params: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class ParsedRow:
    row_number: int
    contact: ContactInput
    warnings: list[RowWarning] = field(default_factory=list)


@dataclass(frozen=True)
class RowProblem:
    """A row that cannot be imported; ``field`` is set for validation errors."""

    row_number: int
    code: str
    params: dict[str, Any] = field(default_factory=dict)
    field: str = ""


@dataclass
class TabularParse:
    records: list[ParsedRow] = field(default_factory=list)
    problems: list[RowProblem] = field(default_factory=list)
    ignored_columns: list[str] = field(default_factory=list)


def rows_to_contacts(
    table: Table, mapping: dict[int, str], today: date, language: str = "zh_CN"
) -> TabularParse:
    """Every row as a ContactInput or a problem; a bad row never stops the others.

    A row with a name always becomes a record: a value that cannot be used (a phone, email,
    QQ or date that cannot be read, text too long) is left out of its field, kept in the note
    ("导入时未能识别：列名: 值", ``language``) and warned about (``not_recognised``,
    ``birthday_dropped``). A birthday after ``today`` keeps its month and day without the
    year (``future_birth_year``).
    """
    result = TabularParse(ignored_columns=ignored_columns(table.headers, mapping))
    mapping = {i: f for i, f in mapping.items() if i < len(table.headers)}
    phone_labels = _phone_label_columns(table.headers)
    for number, cells in zip(table.row_numbers, table.rows, strict=True):
        if not any(cells[i].strip() for i in mapping):
            continue
        outcome = _row_to_contact(
            number, cells, table.headers, mapping, phone_labels, today, language
        )
        if isinstance(outcome, ParsedRow):
            result.records.append(outcome)
        else:
            result.problems.extend(outcome)
    return result


def _row_to_contact(
    number: int,
    cells: list[str],
    headers: list[str],
    mapping: dict[int, str],
    phone_labels: dict[int, int],
    today: date,
    language: str = "zh_CN",
) -> ParsedRow | list[RowProblem]:
    values = _collect(cells, mapping)
    warnings: list[RowWarning] = []
    name = _full_name(values)
    if not name:
        return [RowProblem(number, "no_name")]
    contact = ContactInput(name=name)
    for single in ("company", "department", "title", "wechat", "qq"):
        setattr(contact, single, _first(values, single, warnings))
    contact.email = _first(values, "email", warnings, split=True)
    contact.address = ", ".join(_distinct(values.get("address", [])))
    contact.notes = "\n".join(_distinct(values.get("notes", [])))
    contact.tags = _tags(values.get("tags", []))
    contact.phones = _phones(cells, headers, mapping, phone_labels)
    _apply_choices(contact, values, warnings)
    _apply_birthday(contact, values, warnings, today)
    invalid = bool(validate_contact(contact, today))
    unusable = _unusable(contact, warnings, headers, mapping, cells, today, invalid)
    extras = [  # a second email, company, birthday...: kept in the note under its column
        f"{_header(headers, mapping, str(w.params['field']), str(w.params['value']), cells)}: "
        f"{w.params['value']}"
        for w in warnings
        if w.code == "extra_value"
    ]
    if extras or unusable:
        contact.notes = with_notes(contact.notes, extras + note_lines(unusable, language))
    errors = validate_contact(contact, today) if invalid else []
    problems = [RowProblem(number, e.code, dict(e.params), e.field) for e in errors]
    return problems or ParsedRow(number, contact, warnings)


_FIELD_OF_COLUMN = {"phones": "phone"}
"""A contact field whose columns are mapped under another code."""
_DATE_COLUMNS = ("birthday", "lunar_birthday", "birth_year", "birth_month", "birth_day")


def _unusable(
    contact: ContactInput,
    warnings: list[RowWarning],
    headers: list[str],
    mapping: dict[int, str],
    cells: list[str],
    today: date,
    invalid: bool,
) -> list[Unusable]:
    """What the row holds that cannot be used: dates that cannot be read (already warned
    about) and what validation refuses, taken out of ``contact`` and warned about here."""
    found = [
        Unusable(_header(headers, mapping, str(w.params["field"])), str(w.params["value"]))
        for w in warnings
        if w.code == "birthday_dropped"
    ]
    refused = salvage(contact, today) if invalid else []
    for field_name, value in refused:
        column = _FIELD_OF_COLUMN.get(field_name, field_name)
        header = _header(headers, mapping, column, value, cells)
        if field_name in ("birthday", "dates"):
            header = next((h for c in _DATE_COLUMNS if (h := _header(headers, mapping, c))), "")
        found.append(Unusable(header or field_name, value, None, field_name))
        params = {"field": column, "value": value, "column": header or field_name}
        warnings.append(RowWarning("not_recognised", params))
    return found


def _header(
    headers: list[str],
    mapping: dict[int, str],
    field: str,
    value: str = "",
    cells: list[str] | tuple[()] = (),
) -> str:
    """The header of the column ``field`` came from: the one holding ``value`` if given."""
    columns = [i for i, f in sorted(mapping.items()) if f == field]
    for index in columns:
        if value and index < len(cells) and value in unicodedata.normalize("NFKC", cells[index]):
            return headers[index]
    return headers[columns[0]] if columns else ""


_FOLDED = frozenset({"phone", "email", "qq", "level", "stage", "source", *_DATE_COLUMNS})
"""Fields read as codes or numbers: full-width forms folded (NFKC). Every other text is kept
character for character after NFC, so "…" stays "…"."""


def _collect(cells: list[str], mapping: dict[int, str]) -> dict[str, list[str]]:
    """Field -> the non-empty values of its columns, in column order."""
    values: dict[str, list[str]] = {}
    for index, field_name in sorted(mapping.items()):
        cell = cells[index]
        if not cell.isascii():
            cell = unicodedata.normalize("NFKC" if field_name in _FOLDED else "NFC", cell)
        text = cell.strip()
        if text:
            values.setdefault(field_name, []).append(text)
    return values


def _first(
    values: dict[str, list[str]], name: str, warnings: list[RowWarning], split: bool = False
) -> str:
    found = values.get(name, [])
    if split:
        found = [part for v in found for part in _split_multi(v)]
    for extra in found[1:]:
        warnings.append(RowWarning("extra_value", {"field": name, "value": extra}))
    return found[0] if found else ""


def _split_multi(text: str) -> list[str]:
    """Google Contacts puts several values in one cell separated by " ::: "."""
    return [p.strip() for p in text.split(":::") if p.strip()]


def _distinct(items: list[str]) -> list[str]:
    return list(dict.fromkeys(items))


def _full_name(values: dict[str, list[str]]) -> str:
    """The name column, else family and given joined (姓名 without a space, "Given Family")."""
    if values.get("name"):
        return values["name"][0]
    family = " ".join(values.get("family_name", []))
    given = " ".join(values.get("given_name", []))
    if _has_cjk(family + given):
        return family + given
    return " ".join(p for p in (given, family) if p)


def _has_cjk(text: str) -> bool:
    return _CJK.search(text) is not None


_SYSTEM_GROUPS = {"mycontacts", "starred", "friends", "family", "coworkers"}


def _tags(cells: list[str]) -> list[str]:
    """Tags split on ; , 、 | and Google's ":::", without Google's "* myContacts" groups."""
    found: list[str] = []
    for cell in cells:
        for part in re.split(r":::|[;,，；、|]", cell):
            tag = part.strip()
            if tag.startswith("*") and tag.lstrip("* ").casefold() in _SYSTEM_GROUPS:
                continue
            if tag and tag not in found:
                found.append(tag)
    return found


# ---------------------------------------------------------------- phones


_LABEL_WORDS: tuple[tuple[str, str], ...] = (
    ("mobile", PhoneLabel.MOBILE),
    ("cell", PhoneLabel.MOBILE),
    ("手机", PhoneLabel.MOBILE),
    ("移动", PhoneLabel.MOBILE),
    ("business", PhoneLabel.WORK),
    ("work", PhoneLabel.WORK),
    ("company", PhoneLabel.WORK),
    ("办公", PhoneLabel.WORK),
    ("工作", PhoneLabel.WORK),
    ("单位", PhoneLabel.WORK),
    ("公司", PhoneLabel.WORK),
    ("商务", PhoneLabel.WORK),
    ("座机", PhoneLabel.WORK),
    ("home", PhoneLabel.HOME),
    ("家", PhoneLabel.HOME),
    ("住宅", PhoneLabel.HOME),
    ("other", PhoneLabel.OTHER),
    ("其他", PhoneLabel.OTHER),
)
_CN_MOBILE = re.compile(r"^(\+?86)?1[3-9]\d{9}$")
_CN_LANDLINE = re.compile(r"^(\(?0\d{2,3}\)?[\s-]?)\d{7,8}")


def _phone_label_columns(headers: list[str]) -> dict[int, int]:
    """Google's "Phone 1 - Value" column -> its "Phone 1 - Label" (or "- Type") column."""
    keys = [_key(h) for h in headers]
    pairs: dict[int, int] = {}
    for index, key in enumerate(keys):
        match = re.fullmatch(r"phone(\d+)-value", key)
        if match:
            for word in ("label", "type"):
                sibling = f"phone{match[1]}-{word}"
                if sibling in keys:
                    pairs[index] = keys.index(sibling)
    return pairs


def _label_from_words(text: str) -> str | None:
    key = _key(text)
    return next((label for word, label in _LABEL_WORDS if word in key), None)


def _phones(
    cells: list[str], headers: list[str], mapping: dict[int, str], labels: dict[int, int]
) -> list[PhoneInput]:
    """Every number of every phone column, labelled from its header or Google's label column."""
    found: list[PhoneInput] = []
    seen: set[str] = set()
    for index in sorted(i for i, f in mapping.items() if f == "phone"):
        words = cells[labels[index]] if index in labels else headers[index]
        for number in _numbers(unicodedata.normalize("NFKC", cells[index])):
            number = number.strip()
            digits = re.sub(r"\D", "", number)
            if not number or digits in seen:
                continue
            seen.add(digits)
            label = _label_from_words(words) or _label_from_number(number)
            if label == PhoneLabel.MOBILE and _CN_LANDLINE.match(number):
                label = PhoneLabel.OTHER  # a desk number in the 手机 column
            found.append(PhoneInput(number=number, label=label))
    return found


def _numbers(cell: str) -> list[str]:
    """The numbers in a phone cell: split on ``;`` ``,`` ``、`` and Google's ``:::``, and on
    ``/`` only between whole numbers ("13800138000/13900139000"): a slash inside a number is
    a separator people type ("0987 /6543", "034441/ 2 22 67")."""
    numbers: list[str] = []
    for part in re.split(r":::|[;；,，、]", cell):
        if numbers and _EXTENSION_ONLY.match(part):
            numbers[-1] += ";" + part.strip()  # "+1-418-656-9254;ext=102": one number
            continue
        pieces = part.split("/")
        whole = all(sum(c.isdigit() for c in p) >= _WHOLE_NUMBER for p in pieces)
        numbers += pieces if len(pieces) > 1 and whole else [part]
    return numbers


_EXTENSION_ONLY = re.compile(r"\s*(?:ext\.?|extension|x|转|分机)\s*=?\s*\d+\s*$", re.I)
"""A part of a phone cell that is the extension of the number before it."""


_WHOLE_NUMBER = 7
"""Digits of the shortest number that stands alone (a landline without its area code)."""


def _label_from_number(number: str) -> str:
    compact = re.sub(r"[\s\-()]", "", number)
    return PhoneLabel.MOBILE if _CN_MOBILE.match(compact) else PhoneLabel.OTHER


# ---------------------------------------------------------------- level, stage, source


_STAGE_WORDS: dict[str, str] = {
    "潜在": Stage.POTENTIAL,
    "潜在客户": Stage.POTENTIAL,
    "potential": Stage.POTENTIAL,
    "意向": Stage.INTERESTED,
    "意向客户": Stage.INTERESTED,
    "有意向": Stage.INTERESTED,
    "interested": Stage.INTERESTED,
    "成交": Stage.CUSTOMER,
    "已成交": Stage.CUSTOMER,
    "成交客户": Stage.CUSTOMER,
    "customer": Stage.CUSTOMER,
    "流失": Stage.LOST,
    "休眠": Stage.LOST,
    "流失/休眠": Stage.LOST,
    "lost": Stage.LOST,
    "lost/dormant": Stage.LOST,
    "dormant": Stage.LOST,
}
_SOURCE_WORDS: dict[str, str] = {
    "亲戚": Source.RELATIVE,
    "同学": Source.CLASSMATE,
    "邻居": Source.NEIGHBOUR,
    "同事": Source.COLLEAGUE,
    "朋友": Source.FRIEND,
    "转介绍": Source.REFERRAL,
    "介绍": Source.REFERRAL,
    "活动": Source.EVENT,
    "陌生拜访": Source.COLD_CALL,
    "陌拜": Source.COLD_CALL,
    "其他": Source.OTHER,
    "cold call": Source.COLD_CALL,
}


def _apply_choices(
    contact: ContactInput, values: dict[str, list[str]], warnings: list[RowWarning]
) -> None:
    """Level, stage and source from codes, numbers or the words the app itself exports."""
    level_text = _first(values, "level", warnings)
    if level_text:
        match = re.match(r"\s*([1-5])(?!\d)", level_text)
        if match:
            contact.level = int(match[1])
        else:
            warnings.append(RowWarning("level_ignored", {"value": level_text}))
    stage_text = _first(values, "stage", warnings)
    if stage_text:
        stage = _choice(stage_text, Stage, _STAGE_WORDS)
        if stage:
            contact.stage = stage
        else:
            warnings.append(RowWarning("stage_ignored", {"value": stage_text}))
    source_text = _first(values, "source", warnings)
    if source_text:
        contact.source = _choice(source_text, Source, _SOURCE_WORDS) or Source.OTHER
        if contact.source == Source.OTHER and _key(source_text) not in ("other", "其他"):
            contact.source_detail = source_text


def _choice(text: str, codes: type, words: dict[str, str]) -> str | None:
    """The code ``text`` names: a code or its name first (in the enum's order), then a word."""
    return _choice_keys(codes, tuple(words.items())).get(_key(text))


@cache
def _choice_keys(codes: type, words: tuple[tuple[str, str], ...]) -> dict[str, str]:
    """Compared form -> code, built once per vocabulary; the first claim to a form wins."""
    keys: dict[str, str] = {}
    for code in codes:  # type: ignore[attr-defined]
        for form in (code.value, code.name):
            keys.setdefault(_key(form), str(code.value))
    for word, code in words:
        keys.setdefault(_key(word), code)
    return keys


# ---------------------------------------------------------------- birthday


def _apply_birthday(
    contact: ContactInput, values: dict[str, list[str]], warnings: list[RowWarning], today: date
) -> None:
    """The first readable birthday; an unreadable one is dropped with a warning, never fatal.

    One after ``today`` most likely has a mistyped year: its month and day are kept.
    Thunderbird's Birth Year, Birth Month and Birth Day columns make one birthday.
    """
    parts = _birthday_from_parts(values)
    if parts:
        values = {**values, "birth_year": [parts]}
    for name, lunar in (("birthday", False), ("lunar_birthday", True), ("birth_year", False)):
        for text in values.get(name, []):
            try:
                parsed = parse_typed_date(text, lunar_hint=lunar)
            except DateParseError as problem:
                warnings.append(
                    RowWarning(
                        "birthday_dropped", {"value": text, "reason": problem.code, "field": name}
                    )
                )
                continue
            if parsed is None:
                continue
            if contact.dates:
                warnings.append(RowWarning("extra_value", {"field": name, "value": text}))
                continue
            parsed.kind = DateKind.BIRTHDAY
            if born_in_future(parsed, today):
                warnings.append(RowWarning("future_birth_year", {"field": name, "value": text}))
                parsed.year = None
            contact.dates.append(parsed)


def _birthday_from_parts(values: dict[str, list[str]]) -> str:
    """ "1980-03-08" (or "--03-08" without a year) from separate year, month and day columns;
    the parts as typed, joined by "/", when they are not numbers (the date parser then says
    why); empty when there is no month and day."""
    year, month, day = (
        (values.get(name) or [""])[0] for name in ("birth_year", "birth_month", "birth_day")
    )
    if not (month or day):
        return ""  # a year alone says no birthday (Thunderbird writes none, some tools do)
    if month.isdigit() and day.isdigit() and (year.isdigit() or not year):
        prefix = f"{int(year):04d}-" if year and int(year) else "--"
        return f"{prefix}{int(month):02d}-{int(day):02d}"
    return "/".join(p for p in (year, month, day) if p)
