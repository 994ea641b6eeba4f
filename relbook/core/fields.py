"""The contact-field catalogue: every field of a contact declared once, with where it is used.

Search, the contact list, the exports (CSV, Excel, the PDF list), the import's column mapping,
the reports and the words all read this module instead of keeping lists of their own. Each
``ContactField`` says what the field is (key, Python type, the code ``labels.field`` words,
the model column that stores it) and where it takes part (searched, exported, imported,
listed). The catalogue is in the order of the export's columns, the order a contact's fields
are shown side by side; the uses whose order users already know otherwise (the search text's
layout, the import dialog's choices, the list's columns) keep that order in
``SEARCH_TEXT_ORDER``, ``IMPORT_ORDER`` and ``LIST_ORDER``, checked against the flags when this
module loads.

Adding a field is described step by step in docs/architecture.md ("Adding a contact field").
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from relbook.core.calendar import CalendarDate
from relbook.core.contact_input import DateInput, FamilyInput, PhoneInput
from relbook.core.errors import FieldError, ValidationError
from relbook.core.tiers import SCORE_FIELDS


@dataclass(frozen=True)
class ContactField:
    """One field of a contact and the places it takes part in."""

    key: str
    """Its name: the ``ContactInput`` attribute where it has one (or a derived value's name)."""
    type: object
    """The Python type of its value (``str``, ``int | None``, ``list[PhoneInput]``, ...)."""
    label: str | None = ""
    """The code ``labels.field`` words it by ("": the key); None when it is not worded as a
    field (a column the lists title themselves)."""
    column: str | None = None
    """The ``Contact`` model attribute that stores it as it is; None when it is derived or
    lives in other tables (company, phones, tags, dates)."""
    plain: bool = False
    """Copied as it is between ``ContactInput`` and the contact's row on every save."""
    export: str | None = None
    """Its column key in CSV and Excel exports (and ``export.columns``); None: not exported."""
    imported: tuple[str, ...] = ()
    """The import mapping's targets that fill it (a table column is mapped to one of them)."""
    searched: bool = False
    """Part of the search text that as-you-type search finds by substring. The name is found
    by its own pinyin matcher and is not part of it."""
    listed: bool = False
    """A column of the contact list."""
    in_trash: bool = False
    """A column of the trash's list."""
    list_key: str = ""
    """Its column and sort key in the lists ("": the key)."""

    def __post_init__(self) -> None:
        if self.label == "":
            object.__setattr__(self, "label", self.key)
        if not self.list_key:
            object.__setattr__(self, "list_key", self.key)


def _text(
    key: str,
    *,
    export: bool = False,
    imported: bool = False,
    searched: bool = False,
    listed: bool = False,
    in_trash: bool = False,
) -> ContactField:
    """A plain text field, stored in the contact's column of its name and, when exported or
    imported, known by its name there too."""
    return ContactField(
        key,
        str,
        column=key,
        plain=True,
        export=key if export else None,
        imported=(key,) if imported else (),
        searched=searched,
        listed=listed,
        in_trash=in_trash,
    )


CONTACT_FIELDS: tuple[ContactField, ...] = (
    ContactField(
        "name",
        str,
        column="name",
        export="name",
        imported=("name", "family_name", "given_name"),
        listed=True,
        in_trash=True,
    ),
    ContactField(
        "company",
        str,
        export="company",
        imported=("company",),
        searched=True,
        listed=True,
        in_trash=True,
    ),
    _text("department", export=True, imported=True, searched=True),
    _text("title", export=True, imported=True, searched=True, listed=True, in_trash=True),
    ContactField("phones", list[PhoneInput], export="phones", imported=("phone",), searched=True),
    _text("email", export=True, imported=True, searched=True),
    _text("wechat", export=True, imported=True, searched=True),
    _text("qq", export=True, imported=True, searched=True),
    _text("address", export=True, imported=True),
    ContactField(
        "level",
        int,
        column="level",
        export="level",
        imported=("level",),
        listed=True,
        in_trash=True,
    ),
    ContactField(
        "stage",
        str,
        column="stage",
        plain=True,
        export="stage",
        imported=("stage",),
        listed=True,
    ),
    ContactField("tier", str | None, column="tier", export="tier", listed=True),
    ContactField("tags", list[str], export="tags", imported=("tags",), searched=True),
    ContactField(
        "source", str | None, column="source", plain=True, export="source", imported=("source",)
    ),
    ContactField(
        "birthday",
        CalendarDate | None,
        export="birthday",
        imported=("birthday", "lunar_birthday", "birth_year", "birth_month", "birth_day"),
    ),
    ContactField(
        "next_birthday", date | None, column="next_birthday", export="next_birthday", listed=True
    ),
    ContactField(
        "last_contacted",
        datetime | None,
        column="last_contacted_at",
        export="last_contacted",
        listed=True,
        list_key="last_contact",
    ),
    _text("notes", export=True, imported=True, searched=True),
    _text("gender", export=True),
    ContactField("personality", str | None, column="personality", plain=True, export="personality"),
    _text("hometown", export=True),
    _text("school", export=True),
    _text("hobbies", export=True),
    ContactField("created_at", datetime, column="created_at", export="created_at"),
    # not exported
    _text("salutation"),
    ContactField("org_type", str | None),
    ContactField("buying_role", str | None, column="buying_role", plain=True),
    ContactField("is_insider", bool, column="is_insider", plain=True),
    _text("source_detail"),
    ContactField("referred_by_id", int | None, column="referred_by_id", plain=True),
    _text("topics"),
    _text("food_likes"),
    _text("food_taboos"),
    _text("proud_moments"),
    _text("quotes"),
    *(ContactField(score, int | None, column=score, plain=True) for score in SCORE_FIELDS),
    ContactField("cadence_days", int | None, column="cadence_days", plain=True),
    ContactField("dates", list[DateInput]),
    ContactField("family", list[FamilyInput]),
    ContactField("deleted_at", datetime | None, label=None, column="deleted_at", in_trash=True),
)
"""Every field of a contact, in the export's column order (the others after)."""

BY_KEY: dict[str, ContactField] = {f.key: f for f in CONTACT_FIELDS}

SEARCH_TEXT_ORDER: tuple[str, ...] = (
    "company",
    "department",
    "title",
    "email",
    "wechat",
    "qq",
    "phones",
    "tags",
    "notes",
)
"""The searched fields in the order the search text lays them out. Books store the text, so
the order stays as the first books were written; a newly searched field goes at the end."""

IMPORT_ORDER: tuple[str, ...] = (
    "name",
    "family_name",
    "given_name",
    "phone",
    "email",
    "company",
    "department",
    "title",
    "birthday",
    "lunar_birthday",
    "birth_year",
    "birth_month",
    "birth_day",
    "wechat",
    "qq",
    "address",
    "notes",
    "tags",
    "level",
    "stage",
    "source",
)
"""The import targets in the order the import dialog has always offered them."""

LIST_ORDER: tuple[str, ...] = (
    "name",
    "company",
    "title",
    "level",
    "stage",
    "tier",
    "last_contacted",
    "next_birthday",
)
"""The contact list's columns, left to right (when last in touch before the next birthday)."""


def _in_order(keys: Iterable[str], order: tuple[str, ...], what: str) -> tuple[str, ...]:
    """``order``, checked to name each of ``keys`` exactly once (and ``keys`` to hold no key
    twice)."""
    flagged = sorted(keys)
    if sorted(order) != flagged or len(set(flagged)) != len(flagged):
        raise ValueError(f"{what} must name each of {flagged} once, not {order}")
    return order


PLAIN_FIELDS: tuple[str, ...] = tuple(f.key for f in CONTACT_FIELDS if f.plain)
"""Fields a save copies as they are from the input to the contact's row (and back)."""

EXPORT_COLUMNS: tuple[str, ...] = tuple(f.export for f in CONTACT_FIELDS if f.export)
"""Every column an export can write, in the default order."""

ROUND_TRIP_COLUMNS: tuple[str, ...] = tuple(
    f.export for f in CONTACT_FIELDS if f.export and f.imported
)
"""Export columns that an import reads: an export followed by an import gives them back."""

SEARCHED: tuple[ContactField, ...] = tuple(
    BY_KEY[key]
    for key in _in_order(
        (f.key for f in CONTACT_FIELDS if f.searched), SEARCH_TEXT_ORDER, "SEARCH_TEXT_ORDER"
    )
)
"""The fields of the search text, in its order."""

IMPORT_TARGETS: tuple[str, ...] = _in_order(
    (code for f in CONTACT_FIELDS for code in f.imported), IMPORT_ORDER, "IMPORT_ORDER"
)
"""Everything a table column can be mapped to, in the order the import dialog offers them."""

LISTED: tuple[ContactField, ...] = tuple(
    BY_KEY[key]
    for key in _in_order((f.key for f in CONTACT_FIELDS if f.listed), LIST_ORDER, "LIST_ORDER")
)
LIST_COLUMNS: tuple[str, ...] = tuple(f.list_key for f in LISTED)
"""The contact list's column keys."""
TRASH_COLUMNS: tuple[str, ...] = tuple(f.list_key for f in CONTACT_FIELDS if f.in_trash)
"""The trash list's column keys."""
SORTABLE: tuple[ContactField, ...] = tuple(
    dict.fromkeys((*LISTED, *(f for f in CONTACT_FIELDS if f.in_trash)))
)
"""The fields either list can be sorted by (each list sorts by any of its columns)."""
LIST_EXPORT_COLUMNS: tuple[str, ...] = tuple(f.export for f in LISTED if f.export)
"""The contact list as export columns: the PDF list report's columns."""


def parse_export_columns(text: str, field_name: str) -> tuple[str, ...]:
    """Export column keys from ``"name, company,phones"``, in the order given.

    Keys are matched ignoring case, spaces and ``-`` for ``_``. No key at all, unknown keys
    (the error lists the known ones) or a key given twice raise one ValidationError about
    ``field_name``.
    """
    keys = [key for key in (_column_key(part) for part in text.split(",")) if key]
    if not keys:
        raise ValidationError.single(field_name, "required")
    errors: list[FieldError] = []
    unknown = [key for key in keys if key not in EXPORT_COLUMNS]
    if unknown:
        params = {"value": ", ".join(unknown), "choices": ", ".join(EXPORT_COLUMNS)}
        errors.append(FieldError(field_name, "unknown_column", params))
    twice = dict.fromkeys(key for index, key in enumerate(keys) if key in keys[:index])
    errors += [FieldError(field_name, "repeated_column", {"value": key}) for key in twice]
    if errors:
        raise ValidationError(errors)
    return tuple(keys)


def _column_key(text: str) -> str:
    return text.strip().lower().replace("-", "_")
