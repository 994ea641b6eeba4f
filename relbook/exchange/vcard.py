"""vCard import (2.1, 3.0, 4.0 as phones and mail programs write them) and export (3.0, 4.0)."""

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import Any

import vobject
from sqlalchemy.orm import Session
from vobject.base import ContentLine, ParseError, parseLine, parseParams, patterns
from vobject.icalendar import stringToTextValues
from vobject.vcard import ADDRESS_ORDER, NAME_ORDER, Address, Name

from relbook.core.contact_input import ContactInput, DateInput, FamilyInput, PhoneInput
from relbook.core.contacts import stored_inputs
from relbook.core.enums import (
    CalendarKind,
    DateKind,
    FamilyRelation,
    Gender,
    PhoneLabel,
    Recurrence,
)
from relbook.core.errors import FieldError
from relbook.core.validation import (
    born_in_future,
    valid_email,
    valid_phone,
    valid_qq,
    validate_contact,
    validate_date,
)
from relbook.exchange._vcard_raw import (
    BINARY_PROPERTIES,
    RawCard,
    RawLine,
    clean_head,
    clean_value,
    decode_binary,
    decode_value,
    escape_text,
    fold,
    param_value,
    read_cards,
)
from relbook.exchange.salvage import Unusable, note_lines, salvage, with_notes

VERSIONS = ("3.0", "4.0")
LUNAR_PROPERTY = "X-RELBOOK-LUNAR-BIRTHDAY"
DATE_PROPERTY = "X-RELBOOK-DATE"
APPLE_OMIT_YEAR = 1604
"""Apple's stand-in year for a date without one (a leap year, so February 29 survives)."""

_IGNORED_CATEGORIES = frozenset({"mycontacts"})
_PHRASES: dict[str, dict[str, str]] = {
    "zh_CN": {
        "emails": "其他邮箱：",
        "addresses": "其他地址：",
        "related": "相关的人：",
        "urls": "网址：",
        "lunar": "农历生日 ",
    },
    "en": {
        "emails": "Other emails: ",
        "addresses": "Other addresses: ",
        "related": "Related: ",
        "urls": "Web pages: ",
        "lunar": "Lunar birthday ",
    },
}


@dataclass
class ParsedCard:
    """One card read well enough to import; ``warnings`` are codes of what was dropped.

    ``unusable``: the values that could not be used, each also a line of the contact's note.
    ``name_from``: the property the name was made from when the card has no FN or N
    (``ORG``, ``EMAIL`` or ``TEL``), else empty. ``line``: where BEGIN:VCARD stands.
    """

    card_number: int
    data: ContactInput
    warnings: list[str] = field(default_factory=list)
    photo: bytes | None = None
    unusable: list[Unusable] = field(default_factory=list)
    name_from: str = ""
    line: int = 0


@dataclass
class CardProblem:
    """A card that cannot be imported as is (or was cut off); ``line`` is where it starts."""

    card_number: int
    line: int
    code: str
    params: dict[str, Any] = field(default_factory=dict)
    errors: list[FieldError] = field(default_factory=list)


@dataclass
class VCardParse:
    records: list[ParsedCard] = field(default_factory=list)
    problems: list[CardProblem] = field(default_factory=list)


# ---------------------------------------------------------------- reading


def parse_vcards(
    data: bytes, encoding: str | None = None, language: str = "zh_CN", *, today: date
) -> VCardParse:
    """Every card in ``data``; one bad card becomes a problem and never stops the others.

    ``encoding`` is for lines without a CHARSET parameter; by default UTF-8, then GB18030.
    ``language`` words the lines added to notes (other emails, addresses, related people).
    A birthday after ``today`` keeps its month and day without the year (``future_birth_year``).
    """
    result = VCardParse()
    seen = _Seen()
    for raw in read_cards(data):
        if raw.truncated:
            result.problems.append(CardProblem(raw.number, raw.line, "truncated"))
        try:
            outcome = _parse_card(raw, encoding, language, seen, today)
        except Exception as error:  # any failure is reported per card
            outcome = _raw_fallback(raw, encoding, language, today, str(error))
        if isinstance(outcome, CardProblem):
            result.problems.append(outcome)
        else:
            result.records.append(outcome)
    return result


_Parsed = tuple[str, list[list[str]], str, str | None]
"""What ``vobject.base.parseLine`` gives: name, parameters, value, group."""


@dataclass
class _Seen:
    """What one file's lines have in common, worked out once: a file repeats a few dozen heads.

    ``heads``: a head as written -> its clean text and what vobject makes of it (name,
    parameters, group), None when vobject must read the whole line. ``forms``: see
    ``_HeadForms``.
    """

    heads: dict[bytes, tuple[str, tuple[str, list[list[str]], str | None] | None]] = field(
        default_factory=dict
    )
    forms: "_HeadForms" = field(default_factory=dict)


def _parse_card(
    raw: RawCard, encoding: str | None, language: str, seen: _Seen, today: date
) -> ParsedCard | CardProblem:
    warnings = ["skipped_lines"] if raw.skipped else []
    photo = _photo(raw, warnings)
    card = _Card(_PHRASES.get(language, _PHRASES["en"]), warnings, encoding)
    component, card.kept = _component(raw, encoding, warnings, seen, card.unusable)
    card.read(component)
    data = card.finish()
    if not data.name:
        return CardProblem(raw.number, raw.line, "no_name", _identity(data))
    card.drop_bad_dates(today)
    return _salvaged(raw, card, photo, language, today)


def _salvaged(
    raw: RawCard, card: "_Card", photo: bytes | None, language: str, today: date
) -> ParsedCard | CardProblem:
    """The card with what validation still refuses moved to the note, and that note written."""
    data = card.data
    errors = validate_contact(data, today)
    for field_name, value in salvage(data, today) if errors else ():
        label = _PROPERTY_OF.get(field_name, field_name.upper())
        found = card.lines().get(label)
        line = found[0].number if found and len(found) == 1 else None
        card.unusable.append(Unusable(label, value, line, field_name))
    if card.unusable:
        data.notes = with_notes(data.notes, note_lines(card.unusable, language))
    if errors:
        errors = validate_contact(data, today)
    if errors:  # a note too long for nothing, or no name left: cannot happen, but say so
        return CardProblem(raw.number, raw.line, "invalid", {"name": data.name}, errors)
    parsed = ParsedCard(raw.number, data, card.warnings, photo, card.unusable, card.name_from)
    parsed.line = raw.line
    return parsed


_PROPERTY_OF = {
    "name": "FN",
    "company": "ORG",
    "department": "ORG",
    "title": "TITLE",
    "email": "EMAIL",
    "qq": "X-QQ",
    "wechat": "X-WECHAT",
    "phones": "TEL",
    "tags": "CATEGORIES",
    "birthday": "BDAY",
    "dates": "X-RELBOOK-DATE",
    "family": "RELATED",
    "address": "ADR",
}
"""The property a field's refused value most likely came from, for the note."""


def _raw_fallback(
    raw: RawCard, encoding: str | None, language: str, today: date, message: str
) -> ParsedCard | CardProblem:
    """A card that could not be read property by property: its name from FN (else N) as
    written, every other line kept in the note. Without a name it stays unreadable."""
    name = ""
    unusable: list[Unusable] = []
    for line in raw.lines:
        if line.name in BINARY_PROPERTIES or line.name in ("VERSION", "PROFILE"):
            continue
        text = _nfc(decode_value(line, encoding))
        if line.name in ("FN", "N") and not name:
            parts = [p.strip() for p in text.replace("\\,", ",").split(";")]
            name = parts[0] if line.name == "FN" else " ".join(p for p in parts[1::-1] if p)
            continue
        if text.strip():
            unusable.append(Unusable(_note_head(line), text, line.number))
    name = " ".join(name.split())
    if not name:
        return CardProblem(raw.number, raw.line, "unreadable", {"message": message})
    data = ContactInput(name=name)
    card = _Card(_PHRASES.get(language, _PHRASES["en"]), [], encoding)
    card.data, card.unusable = data, unusable
    return _salvaged(raw, card, None, language, today)


def _note_head(line: RawLine) -> str:
    """A line's property and parameters as a note shows them: ``TEL;WORK``."""
    dropped = ("CHARSET=", "ENCODING=", "QUOTED-PRINTABLE")
    tokens = [t for t in line.tokens if not t.upper().startswith(dropped)]
    return ";".join([line.name, *tokens])


def _nfc(text: str) -> str:
    return text if text.isascii() else unicodedata.normalize("NFC", text)


def _identity(data: ContactInput) -> dict[str, Any]:
    """What little a nameless card says, so the user can tell which one it was."""
    found = {
        "phone": data.phones[0].number if data.phones else "",
        "email": data.email,
        "company": data.company,
    }
    return {key: value for key, value in found.items() if value}


def _photo(raw: RawCard, warnings: list[str]) -> bytes | None:
    line = next((x for x in raw.lines if x.name == "PHOTO"), None)
    if line is None:
        return None
    try:
        photo = decode_binary(line)
    except ValueError:
        warnings.append("bad_photo")
        return None
    if photo is None:
        warnings.append("photo_not_embedded")
    return photo


_Lines = dict[str, list[RawLine]]
"""A card's raw lines by property name, in file order: where each value stood."""
_At = Any
"""The content line being read (its raw line is looked up only when needed), or None."""


def _component(
    raw: RawCard,
    encoding: str | None,
    warnings: list[str],
    seen: _Seen,
    unusable: list[Unusable],
) -> tuple[Any, list[RawLine]]:
    """The card as a vobject component, from lines already rid of the vCard 2.1 quirks, and
    the raw lines it holds (what the card reader needs to say which line a value came from).

    A plain card (nearly every card) is handed over as a ``_PlainCard`` instead, which holds
    what vobject would: building vobject's own objects took over half the time of a card.
    When vobject cannot read the card whole, it reads it line by line and the lines it
    refuses go to ``unusable``.
    """
    texts = ["BEGIN:VCARD", "VERSION:3.0"]
    parsed: list[_Parsed] = [("VERSION", [], "3.0", None)]
    version = raw.version
    one_line_each = True
    kept: list[RawLine] = []
    for line in raw.lines:
        if line.name in _NOT_READ:
            continue
        value = clean_value(line, encoding, version)
        known = seen.heads.get(line.head)
        if known is None:
            head = clean_head(line)
            known = seen.heads[line.head] = (head, _parse_head(head))
        head, parts = known
        text = head + ":" + value
        try:
            if parts is None:
                parsed.append(parseLine(text))
            else:
                parsed.append((parts[0], parts[1], value, parts[2]))
        except ParseError:
            unusable.append(
                Unusable(_note_head(line), _nfc(decode_value(line, encoding)), line.number)
            )
            continue
        texts.append(text)
        kept.append(line)
        one_line_each = one_line_each and "\n" not in text and "\r" not in text
    texts.append("END:VCARD")
    # vobject's reader would split a line holding a line break: such cards go to vobject
    plain = _plain_card(parsed, seen.forms) if one_line_each else None
    if plain is not None:
        return plain, kept
    try:
        return vobject.readOne("\r\n".join(texts) + "\r\n"), kept
    except Exception:  # one line vobject cannot take: read the others one by one
        return _line_by_line(texts[2:-1], kept, encoding, unusable), kept


_NOT_READ = BINARY_PROPERTIES | {"VERSION", "PROFILE"}
"""Lines kept from vobject: binary ones (read apart), VERSION (given), PROFILE (vCard 3.0's
``PROFILE:VCARD`` says nothing, and vobject refuses one not in upper case)."""


def _line_by_line(
    texts: list[str], lines: list[RawLine], encoding: str | None, unusable: list[Unusable]
) -> "_PlainCard":
    """Each line read by vobject on its own; those it refuses go to ``unusable``."""
    children: list[Any] = []
    for text, line in zip(texts, lines, strict=True):
        try:
            card = vobject.readOne(f"BEGIN:VCARD\r\nVERSION:3.0\r\n{text}\r\nEND:VCARD\r\n")
            children += [c for c in card.getChildren() if c.name != "VERSION"]
        except Exception:
            unusable.append(
                Unusable(_note_head(line), _nfc(decode_value(line, encoding)), line.number)
            )
    return _PlainCard(children)


_HEAD = re.compile(
    r"^((?P<group>{name})\.)?(?P<name>{name})(?P<params>;?(?:{param})*)\Z".format(**patterns),
    re.DOTALL | re.VERBOSE,
)
"""The start of vobject's ``line_re``, up to the colon, from vobject's own pieces."""


def _parse_head(head: str) -> tuple[str, list[list[str]], str | None] | None:
    """What ``parseLine`` makes of any line starting with ``head`` and its colon, or None when
    that depends on the rest of the line.

    The head has no colon outside quotes (the line was split there); once it matches on its
    own, vobject's greedy parameters stop at that colon and everything after is the value.
    """
    match = _HEAD.match(head)
    if match is None:
        return None
    name = match.group("name").replace("_", "-")
    return name, parseParams(match.group("params")), match.group("group")


@dataclass(slots=True)
class _PlainLine:
    """A content line as vobject's reader leaves it: name upper case, parameters by name."""

    name: str
    group: str | None
    params: dict[str, list[str]]
    singletonparams: list[str]
    value: Any


@dataclass
class _PlainCard:
    """Lines grouped by name in the order names first appear, as ``Component.getChildren``."""

    children: list[_PlainLine]

    def getChildren(self) -> list[_PlainLine]:  # noqa: N802 (vobject's name)
        return self.children


_READER_NAMES = frozenset({"BEGIN", "END", "PROFILE"})
"""Names vobject's reader acts on (nested components, profiles): such cards go to vobject."""
_ENCODED = frozenset({"BASE64", "QUOTED-PRINTABLE"})
_RAW_VALUES = frozenset({"VERSION", "GEO"})
"""Properties vobject leaves encoded (no behaviour, or one that does not decode)."""
_STRUCTURED = frozenset({"N", "ADR", "ORG", "CATEGORIES"})
"""Properties whose value vobject turns into an object or a list, even without a separator."""


_HeadForm = tuple[str, str, dict[str, list[str]], list[str]] | None
"""A line's name (upper and lower case) and parameters as vobject's ``ContentLine`` holds
them, or None for a line that sends its card to vobject."""
_HeadForms = dict[int, tuple[list[list[str]], _HeadForm]]
"""``parseLine``'s parameter lists (kept, so their ids stay theirs) -> what they become. Lines
with the same head share one list, so each head is worked out once per file."""


def _plain_card(parsed: list[_Parsed], forms: _HeadForms) -> _PlainCard | None:
    """What ``vobject.readOne`` would give for the card's lines, or None when unsure.

    vCard 3.0 as vobject reads it: N and ADR become a Name and an Address, ORG a list of its
    units and CATEGORIES a list; VERSION and GEO stay as written; every other value loses its
    backslash escapes and is cut at its first unescaped comma. A line carrying an ENCODING
    (base64, quoted-printable) or a name the reader treats specially sends the card to vobject.
    Lines with the same head share their parameters (the handlers only read them); lines no
    handler reads are left out.
    """
    named: dict[str, list[_PlainLine]] = {}
    for raw_name, raw_params, value, group in parsed:
        known = forms.get(id(raw_params))
        if known is None or known[0] is not raw_params:
            known = forms[id(raw_params)] = (raw_params, _head_form(raw_name, raw_params))
        form = known[1]
        if form is None:
            return None
        name, lower, params, singles = form
        if name not in _HANDLERS and name != "X-ABLABEL":
            continue  # no one reads it (PRODID, UID, ...)
        if name in _STRUCTURED or "\\" in value or "," in value:
            value = _plain_value(name, value)  # other text stays as it is
        named.setdefault(lower, []).append(_PlainLine(name, group, params, singles, value))
    return _PlainCard([line for lines in named.values() for line in lines])


def _head_form(raw_name: str, raw_params: list[list[str]]) -> _HeadForm:
    name = raw_name.upper()
    if name in _READER_NAMES:
        return None
    params: dict[str, list[str]] = {}
    singles: list[str] = []
    for param in raw_params:
        if len(param) == 1:
            singles += param
        else:
            params.setdefault(param[0].upper(), []).extend(param[1:])
    if "ENCODING" in params or (singles and not _ENCODED.isdisjoint(map(str.upper, singles))):
        return None
    return name, name.lower(), params, singles


def _plain_value(name: str, value: str) -> Any:
    if name == "N":
        return Name(**dict(zip(NAME_ORDER, _fields(value), strict=False)))
    if name == "ADR":
        return Address(**dict(zip(ADDRESS_ORDER, _fields(value), strict=False)))
    if name == "ORG":
        return _fields(value)
    if name == "CATEGORIES":
        return _text_values(value)
    if name in _RAW_VALUES:
        return value
    return _text_values(value)[0]


def _text_values(text: str, separator: str = ",", escapable: str | None = None) -> list[str]:
    """vobject's ``stringToTextValues``; text without a backslash is simply split."""
    if "\\" in text:
        return stringToTextValues(text, listSeparator=separator, charList=escapable)
    parts = text.split(separator)
    if len(parts) > 1 and not parts[-1]:
        parts.pop()  # vobject drops an empty last value (but keeps an empty only one)
    return parts


def _fields(text: str) -> list[Any]:
    """vobject's ``splitFields``: the ;-separated fields, each a string or a list of them."""
    fields = []
    for part in _text_values(text, ";", ";"):
        values = _text_values(part)
        fields.append(values[0] if len(values) == 1 else values)
    return fields


def _text(value: Any) -> str:
    """A decoded vobject value as one string (vobject turns comma lists into Python lists)."""
    if isinstance(value, list):
        return ",".join(_text(v) for v in value).strip()
    return str(value or "").strip()


def _has_han(text: str) -> bool:
    return any("\u3400" <= c <= "\u9fff" or "\uf900" <= c <= "\ufaff" for c in text)


_APPLE_LABEL = re.compile(r"_\$!<(.*)>!\$_")


def _apple_label(text: str) -> str:
    """``_$!<Mobile>!$_`` -> ``mobile``; custom labels are kept as typed (lower case)."""
    match = _APPLE_LABEL.fullmatch(text.strip())
    return (match.group(1) if match else text).strip().lower()


_PHONE_WORDS: tuple[tuple[PhoneLabel, tuple[str, ...]], ...] = (
    (PhoneLabel.OTHER, ("fax", "pager", "传真", "寻呼")),
    (PhoneLabel.MOBILE, ("cell", "mobile", "iphone", "手机", "移动")),
    (PhoneLabel.WORK, ("work", "main", "company", "工作", "单位", "公司", "办公")),
    (PhoneLabel.HOME, ("home", "家", "住宅")),
    (PhoneLabel.OTHER, ("other", "voice", "其他")),
)
_CHINESE_MOBILE = re.compile(r"^(\+?86)?1[3-9]\d{9}$")


def _phone_label(types: set[str], number: str) -> PhoneLabel:
    """A relbook label from TYPE values and Apple labels; a bare number is judged by its form."""
    named = _label_of(frozenset(types))
    if named is not None:
        return named
    digits = re.sub(r"[^\d+]", "", number)
    return PhoneLabel.MOBILE if _CHINESE_MOBILE.match(digits) else PhoneLabel.OTHER


@lru_cache(maxsize=1024)
def _label_of(types: frozenset[str]) -> PhoneLabel | None:
    """The label TYPE values and Apple labels name (a file uses a handful of sets of them)."""
    for label, words in _PHONE_WORDS:
        if any(word == t or (not word.isascii() and word in t) for t in types for word in words):
            return label
    return None


_RELATIONS: tuple[tuple[FamilyRelation, tuple[str, ...]], ...] = (
    (FamilyRelation.SPOUSE, ("spouse", "wife", "husband", "partner", "配偶", "妻", "夫", "老婆")),
    (FamilyRelation.CHILD, ("child", "son", "daughter", "孩子", "儿子", "女儿")),
    (FamilyRelation.PARENT, ("parent", "mother", "father", "父", "母", "爸", "妈")),
    (FamilyRelation.SIBLING, ("sibling", "brother", "sister", "哥", "姐", "弟", "妹")),
    (FamilyRelation.OTHER, ("other", "kin", "relative", "亲戚")),
)


def _relation(types: set[str]) -> FamilyRelation | None:
    """The family relation a related-name label means; None for friends, managers and such."""
    return _relation_of(frozenset(types))


@lru_cache(maxsize=1024)
def _relation_of(types: frozenset[str]) -> FamilyRelation | None:
    for relation, words in _RELATIONS:
        if any(word == t or (not word.isascii() and word in t) for t in types for word in words):
            return relation
    return None


_DATE_PATTERNS = (
    re.compile(r"^(?P<y>\d{4})-?(?P<m>\d{2})-?(?P<d>\d{2})(T.*)?$"),
    re.compile(r"^--(?P<m>\d{2})-?(?P<d>\d{2})$"),
    re.compile(r"^(?:(?P<y>\d{4})年)?(?P<m>\d{1,2})月(?P<d>\d{1,2})[日号]?$"),
)


def parse_date(text: str, omit_year: str | None = None) -> tuple[int | None, int, int] | None:
    """(year, month, day) from the date forms exporters write; None when it is not a date.

    Year 0000 and Apple's ``X-APPLE-OMIT-YEAR`` stand-in year both mean no year.
    """
    cleaned = text.strip().replace(" ", "")
    for pattern in _DATE_PATTERNS:
        match = pattern.match(cleaned)
        if match:
            year_text = match.groupdict().get("y")
            year = int(year_text) if year_text else None
            if year == 0 or (year is not None and omit_year and year_text == omit_year.strip()):
                year = None
            return year, int(match.group("m")), int(match.group("d"))
    return None


class _Card:
    """What one card says, gathered property by property before it becomes a ContactInput."""

    def __init__(self, phrases: dict[str, str], warnings: list[str], encoding: str | None = None):
        self.phrases = phrases
        self.warnings = warnings
        self.encoding = encoding
        self.unusable: list[Unusable] = []
        self.kept: list[RawLine] = []
        self._lines: _Lines | None = None
        self.at: _At = None
        self.children: list[Any] = []
        """Which line of the card is being read (worked out into a RawLine only when needed)."""
        self.date_lines: dict[int, tuple[_At, str]] = {}
        self.name_from = ""
        self.data = ContactInput(name="")
        self.labels: dict[str, str] = {}
        self.formatted = ""
        self.structured = ""
        self.emails: list[str] = []
        self.addresses: list[str] = []
        self.notes: list[str] = []
        self.related: list[str] = []
        self.urls: list[str] = []
        self.lunar_from_relbook = False

    def read(self, component: Any) -> None:
        children = list(component.getChildren())
        for child in children:
            if child.name == "X-ABLABEL" and child.group:
                self.labels[child.group.lower()] = _apple_label(_text(child.value))
        self.children = children
        for child in children:
            handler = _HANDLERS.get(child.name)
            if handler is None:
                continue
            self.at = child
            try:
                handler(self, child)
            except Exception:  # a value no handler foresaw: kept in the note, never fatal
                self.reject(_text(getattr(child, "value", "")), child)
        self.at = None

    def lines(self) -> _Lines:
        """The card's raw lines by property name, in file order."""
        if self._lines is None:
            self._lines = {}
            for line in self.kept:
                self._lines.setdefault(line.name, []).append(line)
        return self._lines

    def line_at(self, at: _At) -> RawLine | None:
        """The raw line a content line came from: vobject's reader and ours keep the lines of
        each name in file order, so the n-th TEL is the n-th raw TEL line."""
        if at is None:
            return None
        name = getattr(at, "name", "")
        same = [c for c in self.children if c.name == name]
        index = next((i for i, c in enumerate(same) if c is at), None)
        found = self.lines().get(name.replace("_", "-"), [])
        return found[index] if index is not None and index < len(found) else None

    def reject(self, value: str, child: Any = None) -> None:
        """Keep ``value`` of the property being read in the note: it cannot be used."""
        line = self.line_at(self.at)
        if line is not None:
            label, number = _note_head(line), line.number
            if not value.strip():
                value = decode_value(line, self.encoding)
        else:
            label, number = str(getattr(child, "name", "") or "?"), None
        if value.strip():
            self.unusable.append(Unusable(label, _nfc(value), number))

    def drop_bad_dates(self, today: date) -> None:
        """Impossible dates (February 30, a leap month that year lacks) go to the note.

        A birthday after ``today`` is most likely a mistyped year: its month and day are kept.
        """
        kept: list[DateInput] = []
        for special in self.data.dates:
            is_birthday = special.kind == DateKind.BIRTHDAY
            if validate_date(special, "birthday" if is_birthday else "dates"):
                self.warnings.append("bad_birthday" if is_birthday else "bad_date")
                at, text = self.date_lines.get(id(special), (None, ""))
                line = self.line_at(at)
                label = _note_head(line) if line is not None else "BDAY"
                number = line.number if line is not None else None
                self.unusable.append(Unusable(label, text or _date_text(special), number))
                continue
            if born_in_future(special, today):
                self.warnings.append("future_birth_year")
                special.year, special.recurrence = None, Recurrence.YEARLY
            kept.append(special)
        self.data.dates = kept

    def types(self, child: ContentLine) -> set[str]:
        """TYPE values, vCard 2.1 bare parameters and the Apple label of the item group."""
        found = {t.strip().lower() for v in child.params.get("TYPE", []) for t in v.split(",")}
        found |= {s.lower() for s in child.singletonparams}
        if child.group and child.group.lower() in self.labels:
            found.add(self.labels[child.group.lower()])
        return found - {""}

    def label(self, child: ContentLine) -> str:
        return self.labels.get((child.group or "").lower(), "")

    def add_date(self, child: ContentLine, kind: DateKind, label: str = "") -> None:
        omit = next(iter(child.params.get("X-APPLE-OMIT-YEAR", [])), None)
        text = _text(child.value)
        parsed = parse_date(text, omit)
        if parsed is None:
            self.warnings.append("bad_birthday" if kind == DateKind.BIRTHDAY else "bad_date")
            self.reject(text, child)
            return
        if kind == DateKind.BIRTHDAY and self.data.birthday() is not None:
            return
        year, month, day = parsed
        self.add_special(DateInput(month, day, year, kind=kind, label=label), text)

    def add_special(self, special: DateInput, text: str) -> None:
        """A date read; its line is remembered in case it turns out impossible."""
        self.date_lines[id(special)] = (self.at, text)
        self.data.dates.append(special)

    def finish(self) -> ContactInput:
        data = self.data
        data.name = self.structured if _prefer_structured(self) else self.formatted
        data.name = data.name or self.structured
        if self.emails:
            data.email = self.emails[0]
        if not data.name.strip():
            self.name_from, data.name = _derived_name(data)
        notes = [n for n in self.notes if n]
        if self.lunar_from_relbook:
            notes = [_without_lunar_lines(n) for n in notes]
        extras = [
            (self.phrases["emails"], self.emails[1:]),
            (self.phrases["addresses"], self.addresses[1:]),
            (self.phrases["related"], self.related),
            (self.phrases["urls"], self.urls),
        ]
        notes += [words + "; ".join(items) for words, items in extras if items]
        data.notes = "\n".join(n for n in notes if n)
        return data


def _derived_name(data: ContactInput) -> tuple[str, str]:
    """(property, name) for a card without FN or N: its company, else email, else phone."""
    for prop, value in (
        ("ORG", data.company or data.department),
        ("EMAIL", data.email),
        ("TEL", data.phones[0].number if data.phones else ""),
    ):
        if value.strip():
            return prop, " ".join(value.split())
    return "", ""


def _date_text(special: DateInput) -> str:
    year = f"{special.year:04d}-" if special.year is not None else "--"
    return f"{year}{special.month:02d}-{special.day:02d}"


def _prefer_structured(card: _Card) -> bool:
    """A Chinese name shown Western style in FN ("三 张") is better rebuilt from N ("张三")."""
    if not card.formatted or not card.structured or not _has_han(card.structured):
        return False
    return " " in card.formatted and card.formatted.replace(" ", "") != card.structured


def _without_lunar_lines(note: str) -> str:
    prefixes = tuple(p["lunar"] for p in _PHRASES.values())
    return "\n".join(line for line in note.split("\n") if not line.startswith(prefixes))


def _on_fn(card: _Card, child: ContentLine) -> None:
    card.formatted = card.formatted or _text(child.value)


def _on_n(card: _Card, child: ContentLine) -> None:
    name = child.value
    parts = [_text(getattr(name, key, "")) for key in ("prefix", "given", "additional")]
    family = _text(getattr(name, "family", ""))
    suffix = _text(getattr(name, "suffix", ""))
    if _has_han(family + parts[1]):
        card.structured = family + parts[1] + parts[2]
    else:
        card.structured = " ".join(p for p in (*parts, family, suffix) if p)


def _on_tel(card: _Card, child: ContentLine) -> None:
    typed = _text(child.value)
    number = unicodedata.normalize("NFKC", typed) if not typed.isascii() else typed
    number = re.sub(r"^tel:", "", number, flags=re.IGNORECASE).replace(".", "-").strip()
    if not number:
        return
    if not valid_phone(number):
        card.reject(typed, child)
        return
    card.data.phones.append(PhoneInput(number, _phone_label(card.types(child), number)))


def _on_email(card: _Card, child: ContentLine) -> None:
    address = re.sub(r"^mailto:", "", _text(child.value), flags=re.IGNORECASE)
    if not address:
        return
    if not valid_email(address):
        card.reject(address, child)
        return
    preferred = "pref" in card.types(child) or child.params.get("PREF") == ["1"]
    card.emails.insert(0 if preferred and card.emails else len(card.emails), address)


def _on_org(card: _Card, child: ContentLine) -> None:
    if card.data.company or card.data.department:
        return
    units = [_text(u) for u in (child.value if isinstance(child.value, list) else [child.value])]
    card.data.company = units[0] if units else ""
    card.data.department = " ".join(u for u in units[1:] if u)


def _on_title(card: _Card, child: ContentLine) -> None:
    card.data.title = card.data.title or _text(child.value)


def _on_adr(card: _Card, child: ContentLine) -> None:
    text = join_address(child.value)
    if text:
        card.addresses.append(text)
        card.data.address = card.addresses[0]


def join_address(address: Any) -> str:
    """One line from ADR's parts: big to small with no spaces if Chinese, else comma separated."""
    keys = ("box", "extended", "street", "city", "region", "code", "country")
    box, extended, street, city, region, code, country = (
        _text(getattr(address, key, "")) for key in keys
    )
    if _has_han(street + city + region + country):
        text = ""
        for part in (country, region, city, street, extended, box):
            if part and (part == street or part not in street) and part not in text:
                text += part
        return f"{text} {code}".strip()
    locality = " ".join(p for p in (region, code) if p)
    return ", ".join(p for p in (street, extended, box, city, locality, country) if p)


def _on_note(card: _Card, child: ContentLine) -> None:
    card.notes.append(_text(child.value).replace("\r\n", "\n"))


def _on_bday(card: _Card, child: ContentLine) -> None:
    card.add_date(child, DateKind.BIRTHDAY)


def _on_anniversary(card: _Card, child: ContentLine) -> None:
    card.add_date(child, DateKind.WEDDING)


def _on_abdate(card: _Card, child: ContentLine) -> None:
    """Apple's and Google's labelled dates: the anniversary is a wedding, others custom dates."""
    label = card.label(child)
    if label == "anniversary" or "结婚" in label:
        card.add_date(child, DateKind.WEDDING)
    else:
        card.add_date(child, DateKind.CUSTOM, label or "vCard")


def _on_lunar(card: _Card, child: ContentLine) -> None:
    text = _text(child.value)
    parsed = parse_date(text)
    if parsed is None or card.data.birthday() is not None:
        card.warnings.append("bad_birthday")
        card.reject(text, child)
        return
    year, month, day = parsed
    leap = child.params.get("LEAP", ["0"])[0] == "1"
    card.add_special(DateInput(month, day, year, CalendarKind.LUNAR, leap), text)
    card.lunar_from_relbook = True


def _on_relbook_date(card: _Card, child: ContentLine) -> None:
    text = _text(child.value)
    parsed = parse_date(text)
    first = {key.lower(): values[0] for key, values in child.params.items() if values}
    if parsed is None:
        card.warnings.append("bad_date")
        card.reject(text, child)
        return
    year, month, day = parsed
    special = DateInput(
        month,
        day,
        year,
        calendar=first.get("calendar", CalendarKind.SOLAR),
        leap=first.get("leap") == "1",
        kind=first.get("kind", DateKind.CUSTOM),
        recurrence=first.get("recurrence", Recurrence.YEARLY),
        label=first.get("label", ""),
    )
    card.add_special(special, text)


def _on_wechat(card: _Card, child: ContentLine) -> None:
    card.data.wechat = card.data.wechat or _text(child.value)


def _on_qq(card: _Card, child: Any) -> None:
    number = _text(child.value)
    if number and not valid_qq(number):
        card.reject(number, child)
    elif not card.data.qq:
        card.data.qq = number


def _on_impp(card: _Card, child: ContentLine) -> None:
    """Instant messaging as Apple (X-SERVICE-TYPE) and 4.0 (a scheme) write it."""
    scheme, _, handle = _text(child.value).partition(":")
    service = " ".join([scheme, *child.params.get("X-SERVICE-TYPE", []), *card.types(child)])
    service = service.lower()
    if "qq" in service:
        _on_qq(card, _Plain(handle or scheme))
    elif "wechat" in service or "weixin" in service or "微信" in service:
        _on_wechat(card, _Plain(handle or scheme))


@dataclass
class _Plain:
    """Just enough of a ContentLine to hand a value on to another handler."""

    value: str


def _on_categories(card: _Card, child: ContentLine) -> None:
    values = child.value if isinstance(child.value, list) else _text(child.value).split(",")
    for value in (_text(v) for v in values):
        if value and value.lower() not in _IGNORED_CATEGORIES and value not in card.data.tags:
            card.data.tags.append(value)


def _on_gender(card: _Card, child: ContentLine) -> None:
    sex = _text(child.value).split(";")[0].strip().lower()
    if sex in ("m", "male", "男"):
        card.data.gender = Gender.MALE
    elif sex in ("f", "female", "女"):
        card.data.gender = Gender.FEMALE


def _on_related(card: _Card, child: ContentLine) -> None:
    """Apple's X-ABRELATEDNAMES and 4.0 RELATED: family become members, others a note."""
    name = _text(child.value)
    if not name or re.match(r"^(urn|https?|mailto):", name, re.IGNORECASE):
        return
    types = card.types(child) - {"pref"}
    relation = _relation(types)
    if relation is None:
        label = ", ".join(sorted(types))
        card.related.append(f"{name} ({label})" if label else name)
    else:
        card.data.family.append(FamilyInput(name, relation))


def _on_url(card: _Card, child: ContentLine) -> None:
    """Web pages have no field: they are kept in the note."""
    url = _text(child.value)
    if url and url not in card.urls:
        card.urls.append(url)


_HANDLERS: dict[str, Callable[[_Card, Any], None]] = {
    "FN": _on_fn,
    "N": _on_n,
    "TEL": _on_tel,
    "EMAIL": _on_email,
    "ORG": _on_org,
    "TITLE": _on_title,
    "ADR": _on_adr,
    "NOTE": _on_note,
    "BDAY": _on_bday,
    "ANNIVERSARY": _on_anniversary,
    "X-ANNIVERSARY": _on_anniversary,
    "X-ABDATE": _on_abdate,
    LUNAR_PROPERTY: _on_lunar,
    DATE_PROPERTY: _on_relbook_date,
    "X-WECHAT": _on_wechat,
    "X-WEIXIN": _on_wechat,
    "X-QQ": _on_qq,
    "IMPP": _on_impp,
    "CATEGORIES": _on_categories,
    "GENDER": _on_gender,
    "X-GENDER": _on_gender,
    "X-ABRELATEDNAMES": _on_related,
    "RELATED": _on_related,
    "URL": _on_url,
}


# ---------------------------------------------------------------- writing

_COMPOUND_SURNAMES = frozenset(
    "欧阳 司马 诸葛 上官 东方 皇甫 尉迟 公孙 慕容 长孙 万俟 夏侯 司徒 令狐 宇文 轩辕 独孤 南宫 "
    "西门 端木 闻人 澹台 申屠 呼延 东郭 百里 钟离 赫连 拓跋 太史".split()
)


def split_name(name: str) -> tuple[str, str]:
    """(family, given): a Chinese name's surname is its first character, or two if compound."""
    name = name.strip()
    if _has_han(name[:1]):
        size = 2 if name[:2] in _COMPOUND_SURNAMES and len(name) > 2 else 1
        return name[:size], name[size:].strip()
    given, _, family = name.rpartition(" ")
    return (family, given.strip()) if given else ("", family)


@dataclass
class _Writer:
    """The content lines of one card, unfolded; Apple item groups are numbered as they come."""

    version: str
    lines: list[str] = field(default_factory=list)
    items: int = 0

    def add(self, name: str, value: str, params: tuple[str, ...] = (), group: str = "") -> None:
        head = ";".join([f"{group}.{name}" if group else name, *params])
        self.lines.append(f"{head}:{value}")

    def item(self) -> str:
        self.items += 1
        return f"item{self.items}"

    @property
    def modern(self) -> bool:
        return self.version == "4.0"


_PHONE_TYPES = {
    "3.0": {
        PhoneLabel.MOBILE: "CELL,VOICE",
        PhoneLabel.WORK: "WORK,VOICE",
        PhoneLabel.HOME: "HOME,VOICE",
        PhoneLabel.OTHER: "VOICE",
    },
    "4.0": {
        PhoneLabel.MOBILE: "cell",
        PhoneLabel.WORK: "work,voice",
        PhoneLabel.HOME: "home,voice",
        PhoneLabel.OTHER: "voice",
    },
}
_APPLE_RELATIONS = {
    FamilyRelation.SPOUSE: "_$!<Spouse>!$_",
    FamilyRelation.CHILD: "_$!<Child>!$_",
    FamilyRelation.PARENT: "_$!<Parent>!$_",
    FamilyRelation.SIBLING: "_$!<Sibling>!$_",
    FamilyRelation.OTHER: "_$!<Other>!$_",
}


def write_vcards(
    contacts: list[ContactInput], version: str = "3.0", language: str = "zh_CN"
) -> str:
    """The contacts as one vCard file: UTF-8 text, CRLF lines folded at 75 octets.

    ``language`` words the note line that carries a lunar birthday for other programs.
    """
    if version not in VERSIONS:
        raise ValueError(f"vCard version must be one of {VERSIONS}, not {version!r}")
    return "".join(_card_text(c, version, language) for c in contacts)


def export_vcards(
    session: Session, contact_ids: list[int], version: str = "3.0", language: str = "zh_CN"
) -> str:
    """The stored contacts ``contact_ids`` as a vCard file (see ``write_vcards``)."""
    return write_vcards(stored_inputs(session, contact_ids), version, language)


def _card_text(data: ContactInput, version: str, language: str) -> str:
    writer = _Writer(version)
    writer.add("BEGIN", "VCARD")
    writer.add("VERSION", version)
    writer.add("PRODID", "-//relbook//relbook//EN")
    _write_identity(writer, data)
    _write_reach(writer, data)
    _write_dates(writer, data)
    _write_family(writer, data)
    if data.tags:
        writer.add("CATEGORIES", ",".join(escape_text(t) for t in data.tags))
    note = "\n".join(p for p in (data.notes.strip(), _lunar_note(data, language)) if p)
    if note:
        writer.add("NOTE", escape_text(note))
    writer.add("END", "VCARD")
    return "".join(fold(line) for line in writer.lines)


def _write_identity(writer: _Writer, data: ContactInput) -> None:
    name = data.name.strip()
    writer.add("FN", escape_text(name))
    family, given = split_name(name)
    writer.add("N", ";".join([escape_text(family), escape_text(given), "", "", ""]))
    sex = {Gender.MALE: "M", Gender.FEMALE: "F"}.get(Gender(data.gender))
    if sex:
        writer.add("GENDER" if writer.modern else "X-GENDER", sex)
    if data.company.strip() or data.department.strip():
        units = [escape_text(data.company.strip()), escape_text(data.department.strip())]
        writer.add("ORG", ";".join(units) if units[1] else units[0])
    if data.title.strip():
        writer.add("TITLE", escape_text(data.title.strip()))


def _write_reach(writer: _Writer, data: ContactInput) -> None:
    for phone in data.phones:
        if phone.number.strip():
            types = _PHONE_TYPES[writer.version][PhoneLabel(phone.label)]
            writer.add("TEL", escape_text(phone.number.strip()), (f"TYPE={param_value(types)}",))
    if data.email.strip():
        params = () if writer.modern else ("TYPE=INTERNET",)
        writer.add("EMAIL", escape_text(data.email.strip()), params)
    if data.address.strip():
        street = escape_text(data.address.strip())
        writer.add("ADR", f";;{street};;;;", ("TYPE=WORK" if not writer.modern else "TYPE=work",))
    if data.wechat.strip():
        writer.add("X-WECHAT", escape_text(data.wechat.strip()))
    if data.qq.strip():
        writer.add("X-QQ", escape_text(data.qq.strip()))


def _iso(special: DateInput, compact: bool) -> str:
    if special.year is None:
        return f"--{special.month:02d}{special.day:02d}" if compact else special_iso(special)
    if compact:
        return f"{special.year:04d}{special.month:02d}{special.day:02d}"
    return special_iso(special)


def special_iso(special: DateInput) -> str:
    return special.as_calendar_date().iso()


def _write_solar(writer: _Writer, name: str, special: DateInput, group: str = "") -> None:
    """A solar date: 4.0 basic form, 3.0 extended form with Apple's stand-in for no year."""
    if writer.modern or special.year is not None:
        writer.add(name, _iso(special, writer.modern), group=group)
        return
    value = f"{APPLE_OMIT_YEAR}-{special.month:02d}-{special.day:02d}"
    writer.add(name, value, (f"X-APPLE-OMIT-YEAR={APPLE_OMIT_YEAR}",), group)


def _write_dates(writer: _Writer, data: ContactInput) -> None:
    for special in data.dates:
        solar = special.calendar == CalendarKind.SOLAR
        yearly = special.recurrence == Recurrence.YEARLY
        if special.kind == DateKind.BIRTHDAY and solar:
            _write_solar(writer, "BDAY", special)
        elif special.kind == DateKind.BIRTHDAY:
            params = ("LEAP=1",) if special.leap else ()
            writer.add(LUNAR_PROPERTY, special_iso(special), params)
        elif special.kind == DateKind.WEDDING and solar and yearly and writer.modern:
            _write_solar(writer, "ANNIVERSARY", special)
        elif special.kind == DateKind.WEDDING and solar and yearly:
            group = writer.item()
            _write_solar(writer, "X-ABDATE", special, group)
            writer.add("X-ABLabel", "_$!<Anniversary>!$_", group=group)
        else:
            _write_relbook_date(writer, special)


def _write_relbook_date(writer: _Writer, special: DateInput) -> None:
    """Dates vCard has no words for (lunar, one-off, founding, ...), for relbook to read back."""
    params = [f"KIND={special.kind}", f"CALENDAR={special.calendar}"]
    if special.leap:
        params.append("LEAP=1")
    if special.recurrence != Recurrence.YEARLY:
        params.append(f"RECURRENCE={special.recurrence}")
    if special.label.strip():
        params.append(f"LABEL={param_value(special.label.strip())}")
    writer.add(DATE_PROPERTY, special_iso(special), tuple(params))


def _write_family(writer: _Writer, data: ContactInput) -> None:
    for member in data.family:
        if not member.name.strip():
            continue
        relation = FamilyRelation(member.relation)
        if writer.modern:
            kind = "kin" if relation == FamilyRelation.OTHER else relation.value
            writer.add("RELATED", escape_text(member.name.strip()), (f"TYPE={kind}", "VALUE=text"))
        else:
            group = writer.item()
            writer.add("X-ABRELATEDNAMES", escape_text(member.name.strip()), group=group)
            writer.add("X-ABLabel", _APPLE_RELATIONS[relation], group=group)


def _lunar_note(data: ContactInput, language: str) -> str:
    """A lunar birthday in words, for phones that cannot read X-RELBOOK-LUNAR-BIRTHDAY."""
    birthday = data.birthday()
    if birthday is None or birthday.calendar != CalendarKind.LUNAR:
        return ""
    if language.startswith("zh"):
        year = f"{birthday.year}年" if birthday.year else ""
        leap = "闰" if birthday.leap else ""
        return f"{_PHRASES['zh_CN']['lunar']}{year}{leap}{birthday.month}月{birthday.day}日"
    year = f"{birthday.year}-" if birthday.year else ""
    leap = "leap " if birthday.leap else ""
    return f"{_PHRASES['en']['lunar']}{year}{leap}{birthday.month}-{birthday.day}"
