"""Values an import cannot use, taken out of a record and kept in its note, so the person
whose record it is still arrives (issue 19: a record that names someone becomes a contact)."""

import unicodedata
from dataclasses import dataclass
from datetime import date

from relbook.core.contact_input import ContactInput, DateInput
from relbook.core.enums import (
    BuyingRole,
    DateKind,
    FamilyRelation,
    Gender,
    OrgType,
    Personality,
    PhoneLabel,
    Source,
    Stage,
)
from relbook.core.tiers import SCORE_FIELDS
from relbook.core.validation import (
    MAX_LENGTHS,
    born_in_future,
    valid_email,
    valid_phone,
    valid_qq,
    validate_date,
)

PHRASES: dict[str, str] = {
    "zh_CN": "导入时未能识别：",
    "en": "Imported, not recognised: ",
}
"""The start of each note line holding a value that could not be used."""

MAX_TAG = 60


@dataclass(frozen=True)
class Unusable:
    """A value left out of its field: ``label`` is how the file names it (``TEL;WORK`` or a
    column header), ``line`` the vCard line it stood on, ``field`` relbook's field code."""

    label: str
    value: str
    line: int | None = None
    field: str = ""


def phrase(language: str) -> str:
    return PHRASES.get(language, PHRASES["zh_CN" if language.startswith("zh") else "en"])


def note_lines(items: list[Unusable], language: str) -> list[str]:
    """One note line per value: "Imported, not recognised: TEL;WORK: 7yy-zzz-xxx"."""
    start = phrase(language)
    return [f"{start}{one_line(u.label)}: {one_line(u.value)}" for u in items]


def one_line(text: str) -> str:
    """``text`` with its line breaks and control characters made visible as spaces."""
    return "".join(" " if unicodedata.category(c)[0] == "C" else c for c in text).strip()


def with_notes(notes: str, lines: list[str]) -> str:
    return "\n".join(part for part in (notes, *lines) if part)


_CHOICES: dict[str, tuple[type, object]] = {
    "gender": (Gender, Gender.UNKNOWN),
    "org_type": (OrgType, None),
    "buying_role": (BuyingRole, None),
    "source": (Source, None),
    "stage": (Stage, Stage.POTENTIAL),
    "personality": (Personality, None),
}


def salvage(data: ContactInput, today: date) -> list[tuple[str, str]]:
    """Take out of ``data`` every value ``validate_contact`` refuses; (field, value) of each.

    A name longer than allowed keeps its beginning (the whole name is returned); anything else
    is cleared or removed from its list. What stays always validates, unless the name is empty.
    Callers check ``validate_contact`` first: nearly every record is valid, and checking costs.
    """
    taken: list[tuple[str, str]] = []
    if len(data.name) > MAX_LENGTHS["name"]:
        taken.append(("name", data.name))
        data.name = data.name[: MAX_LENGTHS["name"]].strip()
    for name, limit in MAX_LENGTHS.items():
        value = getattr(data, name) or ""
        if name != "name" and len(value) > limit:
            taken.append((name, value))
            setattr(data, name, "")
    if data.email.strip() and not valid_email(data.email):
        taken.append(("email", data.email))
        data.email = ""
    if data.qq.strip() and not valid_qq(data.qq):
        taken.append(("qq", data.qq))
        data.qq = ""
    kept_phones = []
    for phone in data.phones:
        if phone.number.strip() and not valid_phone(phone.number):
            taken.append(("phones", phone.number))
            continue
        if phone.label not in set(PhoneLabel):
            phone.label = PhoneLabel.OTHER
        kept_phones.append(phone)
    data.phones = kept_phones
    taken += [("tags", t) for t in data.tags if len(t.strip()) > MAX_TAG]
    data.tags = [t for t in data.tags if len(t.strip()) <= MAX_TAG]
    for name, (codes, default) in _CHOICES.items():
        value = getattr(data, name)
        if value not in (None, "") and value not in set(codes):  # type: ignore[call-overload]
            taken.append((name, str(value)))
            setattr(data, name, default)
    _salvage_numbers(data)
    data.dates = _good_dates(data.dates, today, taken)
    members = []
    for member in data.family:
        if not member.name.strip() or member.relation not in set(FamilyRelation):
            taken.append(("family", member.name))
            continue
        member.dates = _good_dates(member.dates, today, taken, "family")
        members.append(member)
    data.family = members
    return taken


def _salvage_numbers(data: ContactInput) -> None:
    if not 1 <= data.level <= 5:
        data.level = 1
    for name in SCORE_FIELDS:
        score = getattr(data, name)
        if score is not None and not 1 <= score <= 5:
            setattr(data, name, None)
    if data.cadence_days is not None and not 1 <= data.cadence_days <= 3650:
        data.cadence_days = None


def _good_dates(
    dates: list[DateInput], today: date, taken: list[tuple[str, str]], field: str = ""
) -> list[DateInput]:
    """The dates that validate, one birthday at most; the others are added to ``taken``."""
    kept: list[DateInput] = []
    has_birthday = False
    for special in dates:
        is_birthday = special.kind == DateKind.BIRTHDAY
        name = field or ("birthday" if is_birthday else "dates")
        bad = bool(validate_date(special, name)) or (is_birthday and has_birthday)
        if not bad and born_in_future(special, today):
            bad = True
        if bad:
            taken.append((name, _date_text(special)))
            continue
        has_birthday = has_birthday or is_birthday
        kept.append(special)
    return kept


def _date_text(special: DateInput) -> str:
    year = f"{special.year:04d}-" if special.year is not None else "--"
    leap = "leap " if special.leap else ""
    return f"{year}{leap}{special.month:02d}-{special.day:02d}"
