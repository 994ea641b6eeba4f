"""Greeting templates per occasion, timing and personality style, and the greetings they make.

Defaults ship in ``resources/greetings/default.json`` (Chinese and English); the user's edits
are kept in the book (setting ``greetings.custom``) and win over the defaults key by key.

A template's key is ``occasion[@timing][/style]``: ``birthday``, ``birthday/driver``,
``birthday@ahead``, ``festival.qixi@belated/amiable``. The day itself has no timing in its key,
so the keys users saved before timings existed keep meaning the text for the day.
"""

import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from sqlalchemy.orm import Session

from relbook.core.changes import BookChanges
from relbook.core.enums import DateKind, Gender
from relbook.core.expiries import EXPIRY_KINDS
from relbook.core.greeting_words import TODAY, day_phrase, relation_phrase, shipped, timing_of
from relbook.core.reminders import Occurrence
from relbook.core.settings import get_setting, set_setting

SPECIAL_DAYS: tuple[str, ...] = tuple(kind for kind in DateKind if kind != DateKind.BIRTHDAY)
OCCASIONS: tuple[str, ...] = (
    "birthday",
    "family_birthday",
    *(f"special_date.{kind}" for kind in SPECIAL_DAYS),
    "festival",
    *(f"expiry.{kind}" for kind in EXPIRY_KINDS),
    "after_deal",
    "generic",
)
"""Every occasion with templates of its own, but the built-in festivals' (``festival.<code>``)."""
PLACEHOLDERS: tuple[str, ...] = (
    "salutation",
    "name",
    "title",
    "company",
    "festival",
    "day",
    "member",
    "relation",
    "label",
)
_PLACEHOLDER = re.compile(r"\{(\w+)\}")
_ADDRESS = r"\{(?:salutation|name)\}"
_ADDRESS_BEFORE_END = re.compile(
    r"[ \t]*[,，、]?[ \t]*" + _ADDRESS + r"(?=[ \t]*[!！.。?？;；:：])"
)
_ADDRESS_WITH_COMMA = re.compile(_ADDRESS + r"[ \t]*[,，、]?[ \t]*")


@lru_cache(maxsize=1)
def default_templates() -> dict[str, dict[str, str]]:
    """language -> template key -> text, as shipped."""
    return shipped("default.json")


def template_key(occasion: str, personality: str | None = None, timing: str = TODAY) -> str:
    key = occasion if timing == TODAY else f"{occasion}@{timing}"
    return f"{key}/{personality}" if personality else key


def occasion_for_reminder(kind: str, festival: str | None = None) -> str:
    """The template occasion that fits a reminder kind (stay in touch uses the generic one).

    A built-in festival has its own occasion, ``festival.<code>``, falling back to ``festival``.
    """
    if kind == "festival" and festival and not festival.startswith("custom:"):
        return f"festival.{festival}"
    return kind if kind in OCCASIONS else "generic"


def occasion_of(occurrence: Occurrence) -> str:
    """The template occasion of a reminder: a special day by its kind, an expiry by what
    expires, the others as ``occasion_for_reminder`` says."""
    details = occurrence.details
    if occurrence.kind == "special_date":
        kind = str(details.get("date_kind") or "")
        return f"special_date.{kind if kind in SPECIAL_DAYS else DateKind.CUSTOM.value}"
    if occurrence.kind == "expiry":
        return f"expiry.{details.get('expiry_kind')}"
    return occasion_for_reminder(occurrence.kind, str(details.get("festival") or "") or None)


def _fallbacks(occasion: str, personality: str | None, timing: str) -> list[str]:
    """The keys to look for, most specific first. The timing matters most (a text for the day
    itself is wrong two days early), then the occasion (a festival's own, then any festival's),
    then the style."""
    chain = [occasion]
    if "." in occasion:
        chain.append(occasion.split(".", 1)[0])
    keys: list[str] = []
    for when in dict.fromkeys((timing, TODAY)):
        for occasion_key in chain:
            if personality:
                keys.append(template_key(occasion_key, personality, when))
            keys.append(template_key(occasion_key, None, when))
    return keys + ["generic"]


def custom_templates(session: Session) -> dict[str, dict[str, str]]:
    value = get_setting(session, "greetings.custom")
    return value if isinstance(value, dict) else {}


def template_for(
    session: Session,
    language: str,
    occasion: str,
    personality: str | None = None,
    timing: str = TODAY,
) -> str:
    """The most specific template: see ``Greeter.template``."""
    return Greeter(session, language).template(occasion, personality, timing)


def save_template(
    session: Session,
    language: str,
    occasion: str,
    personality: str | None,
    text: str,
    timing: str = TODAY,
) -> BookChanges:
    """Keep the user's version of one template; an empty text restores the shipped one."""
    custom = custom_templates(session)
    table = dict(custom.get(language, {}))
    key = template_key(occasion, personality, timing)
    if text.strip():
        table[key] = text.strip()
    else:
        table.pop(key, None)
    custom = {**custom, language: table}
    set_setting(session, "greetings.custom", custom)
    return BookChanges(settings=True, festivals=True)


@dataclass(frozen=True)
class GreetingValues:
    """What fills a template; an empty ``salutation`` means the name."""

    name: str
    title: str = ""
    company: str = ""
    festival: str = ""
    salutation: str = ""
    day: str = ""
    member: str = ""
    relation: str = ""
    label: str = ""

    def mapping(self) -> dict[str, str]:
        """Placeholder -> text (the fields are named as the placeholders)."""
        values = dict(vars(self))
        values["salutation"] = self.salutation or self.name
        return values


def _escaped(text: str) -> str:
    return text.replace("{", "{{").replace("}", "}}")


@lru_cache(maxsize=1024)
def _format(template: str, addressed: bool) -> str:
    """The template as a ``str.format`` string of the known placeholders (others stay as
    typed). Without anyone to address, the address goes with the comma that set it off:
    "{salutation}，新春快乐！" and "Happy {festival}, {salutation}!" lose "{salutation}，" and
    ", {salutation}"."""
    if not addressed:
        template = _ADDRESS_BEFORE_END.sub("", template)
        template = _ADDRESS_WITH_COMMA.sub("", template)
    parts: list[str] = []
    last = 0
    for match in _PLACEHOLDER.finditer(template):
        parts.append(_escaped(template[last : match.start()]))
        known = match.group(1) in PLACEHOLDERS
        parts.append("{" + match.group(1) + "}" if known else _escaped(match.group(0)))
        last = match.end()
    parts.append(_escaped(template[last:]))
    return "".join(parts)


def _filled(template: str, values: dict[str, str]) -> str:
    return _format(template, bool(values["salutation"])).format_map(values)


def fill(template: str, values: GreetingValues) -> str:
    """Replace known placeholders; unknown ones stay as typed so mistakes are visible."""
    return _filled(template, values.mapping())


def unknown_placeholders(template: str) -> list[str]:
    """Placeholders a template uses that will not be filled (shown as a warning when editing)."""
    return sorted({m for m in _PLACEHOLDER.findall(template) if m not in PLACEHOLDERS})


@dataclass(frozen=True)
class Addressee:
    """Who a greeting is written to: what its placeholders and its style come from."""

    name: str
    salutation: str = ""
    title: str = ""
    company: str = ""
    personality: str | None = None
    gender: str = Gender.UNKNOWN.value


_NOBODY = Addressee("")


_ADDRESSEES_SQL = """
SELECT c.id, c.name, c.salutation, c.title, coalesce(o.name, ''), c.personality, c.gender
FROM contact c LEFT OUTER JOIN organization o ON o.id = c.organization_id
WHERE c.id IN ({marks})
"""


def addressees(session: Session, contact_ids: Collection[int]) -> dict[int, Addressee]:
    """The contacts of ``contact_ids`` (those in the trash too) as addressees, by id: 900 at
    a time, within SQLite's limit on parameters, as plain rows (a year of reminders of a large
    book greets tens of thousands of contacts; ORM rows would cost twice the time)."""
    wanted = list(contact_ids)
    found: dict[int, Addressee] = {}
    connection = session.connection()
    for first in range(0, len(wanted), 900):
        chunk = tuple(wanted[first : first + 900])
        rows = connection.exec_driver_sql(
            _ADDRESSEES_SQL.format(marks=",".join("?" * len(chunk))), chunk
        )
        for contact_id, name, salutation, title, company, personality, gender in rows:
            found[contact_id] = Addressee(name, salutation, title, company, personality, gender)
    return found


class Greeter:
    """Words greetings in one language. The user's templates are read once, and each
    (occasion, style, timing) is resolved once, so thousands of greetings cost little more
    than filling them in."""

    def __init__(self, session: Session, language: str):
        self.language = language
        self._custom = custom_templates(session).get(language, {})
        shipped = default_templates()
        self._shipped = shipped.get(language) or shipped["en"]
        self._templates: dict[tuple[str, str | None, str], str] = {}
        self._days: dict[tuple[date, date], str] = {}

    def template(self, occasion: str, personality: str | None = None, timing: str = TODAY) -> str:
        """The most specific template for a greeting copied at ``timing`` (``TIMINGS``): for
        that timing, then for the day itself; the occasion's own, then its family's (a
        festival's, then any festival's); for the style, then for any style; the user's
        before the shipped one at each step."""
        wanted = (occasion, personality, timing)
        if wanted not in self._templates:
            self._templates[wanted] = next(
                (
                    table[key]
                    for key in _fallbacks(occasion, personality, timing)
                    for table in (self._custom, self._shipped)
                    if table.get(key)
                ),
                "",
            )
        return self._templates[wanted]

    def _day(self, day: date, on: date) -> str:
        if (day, on) not in self._days:
            self._days[day, on] = day_phrase(self.language, day, on)
        return self._days[day, on]

    def _values(self, addressee: Addressee | None, day: date, on: date) -> dict[str, str]:
        person = addressee or _NOBODY
        values = dict.fromkeys(PLACEHOLDERS, "")
        values.update(
            salutation=person.salutation or person.name,
            name=person.name,
            title=person.title,
            company=person.company,
            day=self._day(day, on),
        )
        return values

    def festival(
        self,
        addressee: Addressee | None,
        festival: str,
        day: date,
        on: date,
        festival_name: str,
    ) -> str:
        """The greeting for festival ``festival`` (its code) on ``day``, copied on ``on``, to
        ``addressee``, or to nobody in particular when None."""
        values = self._values(addressee, day, on)
        values["festival"] = festival_name
        occasion = occasion_for_reminder("festival", festival)
        personality = addressee.personality if addressee else None
        return _filled(self.template(occasion, personality, timing_of(day, on)), values)

    def occurrence(
        self, occurrence: Occurrence, addressee: Addressee | None, on: date, festival_name: str = ""
    ) -> str:
        """The greeting for a reminder copied on ``on``, to ``addressee`` (its contact)."""
        if addressee is None and occurrence.contact_name:
            addressee = Addressee(occurrence.contact_name)
        values = self._values(addressee, occurrence.date, on)
        details = occurrence.details
        if occurrence.kind == "festival":
            # the user's own name for a festival first, as the reminder itself shows it
            values["festival"] = str(details.get("name") or "") or festival_name or occurrence.title
        elif occurrence.kind == "family_birthday":
            values["member"] = occurrence.title
            gender = addressee.gender if addressee else Gender.UNKNOWN.value
            relation = str(details.get("relation") or "other")
            values["relation"] = relation_phrase(self.language, relation, gender)
        elif occurrence.kind in ("special_date", "expiry"):
            values["label"] = occurrence.title
        personality = addressee.personality if addressee else None
        template = self.template(
            occasion_of(occurrence), personality, timing_of(occurrence.date, on)
        )
        return _filled(template, values)


def greetings_for(
    session: Session,
    occurrences: Sequence[Occurrence],
    language: str,
    on: date,
    festival_names: Mapping[str, str] | None = None,
) -> list[str]:
    """The greeting of each reminder if copied on ``on``, in order. ``festival_names`` holds
    the built-in festivals' names in ``language`` by code (``mid_autumn``: the words come from
    Qt); a festival the user added or named has its own name in the reminder."""
    greeter = Greeter(session, language)
    people = addressees(session, {o.contact_id for o in occurrences if o.contact_id is not None})
    names = festival_names or {}
    return [
        greeter.occurrence(
            o,
            None if o.contact_id is None else people.get(o.contact_id),
            on,
            names.get(str(o.details.get("festival") or ""), "") if o.kind == "festival" else "",
        )
        for o in occurrences
    ]


def greeting_for(
    session: Session, occurrence: Occurrence, language: str, on: date, festival_name: str = ""
) -> str:
    """The text "copy greeting" gives for one reminder if copied on ``on``: on its day, ahead
    of it or late. ``festival_name`` is the festival's name in ``language``; a festival
    reminder without a contact leaves the address out."""
    code = str(occurrence.details.get("festival") or "")
    names = {code: festival_name} if festival_name else None
    return greetings_for(session, [occurrence], language, on, names)[0]
