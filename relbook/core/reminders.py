"""The reminder engine: every occasion due in a date range, computed from the book itself.

``today`` and ``now`` are always parameters. Yearly dates are found by index, not by looping
over contacts: the range is turned into the stored (month, day) pairs it keeps (lunar pairs
with the day-30 and leap-month rules applied), and SQLite returns only those dates.
"""

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from typing import Any

from sqlalchemy import ColumnElement, and_, or_, select
from sqlalchemy.orm import Session

from relbook.core.bulk import sql_datetime
from relbook.core.cadence import TIERS, WATCHED_STAGES, default_cadences
from relbook.core.calendar import (
    CalendarDate,
    lunar_keys_for_day,
    solar_keys_for_day,
    solar_to_lunar,
    to_solar,
)
from relbook.core.enums import CalendarKind, DateKind, FestivalRule, Recurrence, SolarTerm, Stage
from relbook.core.festivals import (
    DEFAULT_STAGES,
    DEFAULT_TIERS,
    NO_TIER,
    Festival,
    festival_days,
)
from relbook.core.models import (
    Contact,
    ContactTag,
    Expiry,
    FestivalRow,
    Tag,
    Task,
)
from relbook.core.reminder_kinds import KIND_RANK
from relbook.core.settings import get_setting
from relbook.core.supported_days import is_supported, supported_window


@dataclass(frozen=True)
class Occurrence:
    """One occasion. ``key`` identifies it across runs (to record what fired and was done)."""

    key: str
    kind: str
    date: dt.date
    notice_from: dt.date  # ``dt.``: inside the class, ``date`` is the field above
    contact_id: int | None
    contact_name: str | None
    title: str
    calendar: str = CalendarKind.SOLAR
    at: datetime | None = None
    recipients: int | None = None
    overdue: bool = False
    details: dict[str, object] = field(default_factory=dict)


_new = object.__new__
_set = object.__setattr__


def _occurrence(
    key: str,
    kind: str,
    when: date,
    notice_from: date,
    contact_id: int | None,
    contact_name: str | None,
    title: str,
    details: dict[str, object],
    calendar: str = CalendarKind.SOLAR,
    at: datetime | None = None,
    overdue: bool = False,
) -> Occurrence:
    """``Occurrence(...)`` made about three times faster, for the engine's bulk (a year of a
    large book is 280,000 of them): the frozen dataclass's ``__init__`` sets each field through
    ``object.__setattr__``; this fills the instance's dictionary in one go. Same object."""
    occurrence = _new(Occurrence)
    _set(
        occurrence,
        "__dict__",
        {
            "key": key,
            "kind": kind,
            "date": when,
            "notice_from": notice_from,
            "contact_id": contact_id,
            "contact_name": contact_name,
            "title": title,
            "calendar": calendar,
            "at": at,
            "recipients": None,
            "overdue": overdue,
            "details": details,
        },
    )
    return occurrence


@dataclass(frozen=True)
class FestivalAudience:
    """Who a festival greeting goes to; empty tuples mean "any". ``tiers`` may hold
    ``NO_TIER``: the contacts with no tier yet."""

    tiers: tuple[str, ...] = DEFAULT_TIERS
    stages: tuple[str, ...] = DEFAULT_STAGES
    tags: tuple[str, ...] = ()

    def tier_codes(self) -> tuple[tuple[str, ...], bool]:
        """The tier codes wanted, and whether contacts without a tier are (their ``tier`` is
        NULL, or empty as an optional code may be, so ``""`` is among the codes then)."""
        untiered = NO_TIER in self.tiers
        codes = tuple(t for t in self.tiers if t != NO_TIER)
        return (*codes, "") if untiered else codes, untiered


@dataclass(frozen=True)
class _Stored:
    """The columns of a special date the engine needs (plain values, no ORM instance)."""

    id: int
    kind: str
    label: str
    calendar: str
    year: int | None
    month: int
    day: int
    is_leap_month: bool
    recurrence: str


def _days(start: date, end: date) -> list[date]:
    return [start + timedelta(days=n) for n in range((end - start).days + 1)]


@lru_cache(maxsize=4096)
def _kept_year(day: date, calendar: str) -> int:
    """The year of ``day`` in ``calendar``: a yearly date with a year is kept from that year
    on, and a lunar date's year is a lunar one (lunar 12th months end in solar January)."""
    if calendar == CalendarKind.LUNAR and is_supported(day):
        return solar_to_lunar(day).year or day.year
    return day.year


def _yearly_keys(start: date, end: date) -> dict[str, dict[tuple[int, int], list[date]]]:
    """For each calendar: stored (month, day) -> the solar days in range that keep it."""
    keys: dict[str, dict[tuple[int, int], list[date]]] = {"solar": {}, "lunar": {}}
    start, end = supported_window(start, end)
    for day in _days(start, end):
        for pair in solar_keys_for_day(day):
            keys["solar"].setdefault(pair, []).append(day)
        for pair in lunar_keys_for_day(day):
            keys["lunar"].setdefault(pair, []).append(day)
    return keys


_DATES_SQL = """
WITH wanted(calendar, month, day) AS (VALUES {pairs})
SELECT sd.id, sd.kind, sd.label, sd.calendar, sd.year, sd.month, sd.day, sd.is_leap_month,
       sd.recurrence, {owner}, fm.name, fm.id, fm.relation
FROM wanted
JOIN special_date sd INDEXED BY ix_special_date_day
  ON sd.month = wanted.month AND sd.day = wanted.day AND sd.calendar = wanted.calendar
LEFT OUTER JOIN family_member fm ON fm.id = sd.family_member_id
{contact}
"""
# the stored (calendar, month, day) triples of the range are looked up in the index by day
# (revision 0007), which holds every column read here: the table itself is never scanned; a
# family member's name and relation come from the row its birthday already joins
_WITH_NAMES = {
    "owner": "c.id, c.name",
    "contact": "JOIN contact c ON c.id = coalesce(sd.contact_id, fm.contact_id)"
    " WHERE c.deleted_at IS NULL",
}
_WITHOUT_NAMES = {"owner": "coalesce(sd.contact_id, fm.contact_id), NULL", "contact": ""}


def _date_query(
    keys: dict[str, dict[tuple[int, int], list[date]]], names: bool = True
) -> tuple[str, list[object]]:
    """SQL returning the stored dates that fall in range, and its parameters ("" when no
    day of the range can keep a date). Without ``names`` the owner's name is NULL and the
    dates of contacts in the trash are returned too: looking each owner up in the contact
    table is most of the query's time."""
    values: list[object] = [
        part for calendar, pairs in keys.items() for pair in pairs for part in (calendar, *pair)
    ]
    if not values:
        return "", []
    marks = ",".join("(?,?,?)" for _ in range(len(values) // 3))
    return _DATES_SQL.format(pairs=marks, **(_WITH_NAMES if names else _WITHOUT_NAMES)), values


def _raw(session: Session) -> Any:
    """The session's own DB-API connection, for reads of many plain rows.

    The engine's reminders read a year of birthdays at once (190,000 rows in a book of
    100,000 contacts): SQLAlchemy's row objects and type conversions cost more than the query.
    """
    connection = session.connection().connection.dbapi_connection
    assert connection is not None
    return connection


DatePart = tuple[date, int, str, str, str, date, tuple[Any, ...]]
"""One occasion of a stored date, before it is made an ``Occurrence``: its day, the rank of
its kind (``KINDS``), the contact's name, key, kind, first notice day and the stored row."""


def special_date_parts(
    session: Session, start: date, end: date, advance: dict[str, int], names: bool = True
) -> list[DatePart]:
    """The occasions of the stored dates in ``[start, end]``, each as a ``DatePart``: cheap
    to filter and sort, made into an ``Occurrence`` (``date_occurrence``) only when wanted.

    ``advance`` holds the notice days of birthdays and of other special dates. With
    ``names=False`` the contacts' names are left empty (``with_names`` fills them in for the
    parts wanted), which spares a lookup in the contact table per date.
    """
    keys = _yearly_keys(start, end)
    sql, values = _date_query(keys, names)
    if not sql:
        return []
    rows: Any = _raw(session).execute(sql, values)
    if not names:
        trashed = {
            contact_id
            for (contact_id,) in _raw(session).execute(
                "SELECT id FROM contact INDEXED BY ix_contact_deleted_at"
                " WHERE deleted_at IS NOT NULL"
            )
        }
        rows = [row for row in rows if row[9] not in trashed] if trashed else rows
    return _row_parts(rows, keys, advance)


def _row_parts(
    rows: Any, keys: dict[str, dict[tuple[int, int], list[date]]], advance: dict[str, int]
) -> list[DatePart]:
    """The ``DatePart``s of date rows (as ``_DATES_SQL`` returns them) on the days of ``keys``."""
    # what each day in range needs, worked out once per day rather than once per date
    to_birthday = timedelta(days=advance["birthday"])
    to_special = timedelta(days=advance["special_date"])
    days = {
        calendar: {
            pair: [
                (w, w.isoformat(), w - to_birthday, w - to_special, _kept_year(w, calendar))
                for w in whens
            ]
            for pair, whens in pairs.items()
        }
        for calendar, pairs in keys.items()
    }
    found: list[DatePart] = []
    append = found.append
    birthday, once = DateKind.BIRTHDAY.value, Recurrence.ONCE.value
    ranks = KIND_RANK
    for row in rows:
        special_id, date_kind, _label, calendar, year, month, day, leap, recurrence = row[:9]
        contact_name, member_name = row[10], row[11]
        if date_kind == birthday:
            kind = "family_birthday" if member_name is not None else "birthday"
        else:
            kind = "special_date"
        rank = ranks[kind]
        for when, iso, birthday_notice, special_notice, kept in days[calendar].get(
            (month, day), ()
        ):
            if recurrence == once:
                exact = _Stored(
                    special_id,
                    date_kind,
                    _label,
                    calendar,
                    year,
                    month,
                    day,
                    bool(leap),
                    recurrence,
                )
                if year is None or _exact_day(exact) != when:
                    continue
            elif year is not None and kept < year:
                continue
            append(
                (
                    when,
                    rank,
                    contact_name or "",
                    f"{kind}:{special_id}:{iso}",
                    kind,
                    special_notice if kind == "special_date" else birthday_notice,
                    row,
                )
            )
    return found


def with_names(session: Session, parts: list[DatePart]) -> list[DatePart]:
    """``parts`` read with ``names=False``, with their contacts' names filled in."""
    wanted = list({part[6][9] for part in parts})
    found: dict[int, str] = {}
    connection = _raw(session)
    for first in range(0, len(wanted), 900):
        chunk = wanted[first : first + 900]
        marks = ",".join("?" * len(chunk))
        found.update(
            connection.execute(f"SELECT id, name FROM contact WHERE id IN ({marks})", chunk)
        )
    named: list[DatePart] = []
    for when, rank, _name, key, kind, notice_from, row in parts:
        name = found.get(row[9], "")
        named.append((when, rank, name, key, kind, notice_from, (*row[:10], name, *row[11:])))
    return named


def date_occurrence(part: DatePart, overdue: bool = False) -> Occurrence:
    """The ``Occurrence`` of a ``DatePart``. A family birthday's details name the member
    (``member_id``) and how they are related to the contact (``relation``); ``overdue``
    marks one whose day has passed (still due, as late)."""
    when, _rank, _name, key, kind, notice_from, row = part
    _id, date_kind, label, calendar, year, month, day = row[:7]
    contact_id, contact_name, member_name, member_id, relation = row[9:]
    details: dict[str, object] = {
        "date_kind": date_kind,
        "month": month,
        "day": day,
        "year": year,
        "age": _kept_year(when, calendar) - year if year else None,
    }
    if member_id is not None:
        details["member_id"] = member_id
        details["relation"] = relation
    return _occurrence(
        key=key,
        kind=kind,
        when=when,
        notice_from=notice_from,
        contact_id=contact_id,
        contact_name=contact_name,
        title=member_name or label or "",
        calendar=calendar,
        details=details,
        overdue=overdue,
    )


def _special_dates(
    session: Session, start: date, end: date, advance: dict[str, int]
) -> list[Occurrence]:
    return [date_occurrence(part) for part in special_date_parts(session, start, end, advance)]


def _exact_day(special: "_Stored") -> date | None:
    return to_solar(
        CalendarDate(
            CalendarKind(special.calendar),
            special.month,
            special.day,
            special.year,
            special.is_leap_month,
        )
    )


def audience_clause(audience: FestivalAudience) -> ColumnElement[bool]:
    parts: list[ColumnElement[bool]] = [Contact.deleted_at.is_(None)]
    if audience.tiers:
        codes, untiered = audience.tier_codes()
        tiered = Contact.tier.in_(codes)
        parts.append(or_(tiered, Contact.tier.is_(None)) if untiered else tiered)
    if audience.stages:
        parts.append(Contact.stage.in_(audience.stages))
    if audience.tags:
        tagged = (
            select(ContactTag.contact_id)
            .join(Tag, Tag.id == ContactTag.tag_id)
            .where(Tag.name.in_(audience.tags))
        )
        parts.append(Contact.id.in_(tagged))
    return and_(*parts)


def audience_count(session: Session, audience: FestivalAudience) -> int:
    """How many contacts ``audience_clause`` selects, counted in the index of the contacts
    not in the trash by tier and stage (revision 0007): a tenth of the time of a count over
    the table, which SQLite would otherwise pick. The contacts without a tier are counted
    apart and added: with ``tier IS NULL`` or'ed to the tiers SQLite reads the whole index
    instead of looking up each (tier, stage) pair, three times slower."""
    rest = ""
    rest_values: list[object] = []
    if audience.stages:
        rest += f" AND c.stage IN ({','.join('?' * len(audience.stages))})"
        rest_values += audience.stages
    if audience.tags:
        rest += (
            " AND c.id IN (SELECT ct.contact_id FROM contact_tag ct JOIN tag t"
            f" ON t.id = ct.tag_id WHERE t.name IN ({','.join('?' * len(audience.tags))}))"
        )
        rest_values += audience.tags
    codes, untiered = audience.tier_codes()
    tiers: list[tuple[str, list[object]]] = [("", [])]
    if codes:
        tiers = [(f" AND c.tier IN ({','.join('?' * len(codes))})", list(codes))]
        if untiered:
            tiers.append((" AND c.tier IS NULL", []))
    counts = " + ".join(
        "(SELECT count(*) FROM contact c INDEXED BY ix_contact_live_tier_stage"
        f" WHERE c.deleted_at IS NULL{tier}{rest})"
        for tier, _values in tiers
    )
    values = [value for _tier, tier_values in tiers for value in [*tier_values, *rest_values]]
    return int(_raw(session).execute(f"SELECT {counts}", values).fetchone()[0])


def _festivals(
    session: Session,
    start: date,
    end: date,
    notice: int,
    festivals: list[tuple[Festival, FestivalAudience]],
) -> list[Occurrence]:
    """Each festival's days in range, unless its greeting would go to nobody."""
    found: list[Occurrence] = []
    counts: dict[FestivalAudience, int] = {}
    for festival, audience in festivals:
        for day in festival_days(festival, start, end):
            if audience not in counts:
                counts[audience] = audience_count(session, audience)
            if not counts[audience]:
                break
            found.append(
                Occurrence(
                    key=f"festival:{festival.code}:{day.isoformat()}",
                    kind="festival",
                    date=day,
                    notice_from=day - timedelta(days=notice),
                    contact_id=None,
                    contact_name=None,
                    title=festival.name or festival.code,
                    calendar=festival.calendar,
                    recipients=counts[audience],
                    details={"festival": festival.code, "name": festival.name},
                )
            )
    return found


_FOLLOW_UPS_SQL = """
SELECT i.id, i.kind, i.next_step, i.next_step_due, c.id, c.name
FROM interaction i INDEXED BY ix_interaction_open_next_step
JOIN interaction_contact ic ON ic.interaction_id = i.id
JOIN contact c ON c.id = ic.contact_id
WHERE i.deleted_at IS NULL AND i.next_step_done_at IS NULL AND i.next_step_due IS NOT NULL
  AND i.next_step_due < ? AND c.deleted_at IS NULL AND ic.position = 0
"""


def _due_bound(day: date) -> str:
    """The start of ``day`` as stored text, so text comparisons agree."""
    return sql_datetime(datetime.combine(day, time()))


def _follow_ups(
    session: Session, start: date, end: date, since: date | None = None
) -> list[Occurrence]:
    """Open next steps due by ``end`` (earlier ones are overdue and included; with ``since``,
    only those due from that day on)."""
    sql, values = _FOLLOW_UPS_SQL, [_due_bound(end + timedelta(days=1))]
    if since is not None:
        sql, values = sql + " AND i.next_step_due >= ?", [*values, _due_bound(since)]
    found = []
    for interaction_id, kind, next_step, due_text, contact_id, contact_name in _raw(
        session
    ).execute(sql, values):
        due = datetime.fromisoformat(due_text)
        found.append(
            _occurrence(
                key=f"follow_up:{interaction_id}:{due.isoformat(timespec='minutes')}",
                kind="follow_up",
                when=due.date(),
                notice_from=due.date(),
                contact_id=contact_id,
                contact_name=contact_name,
                title=next_step,
                at=due,
                overdue=due.date() < start,
                details={"interaction_id": interaction_id, "interaction_kind": kind},
            )
        )
    return found


_CADENCE_SQL = f"""coalesce(c.cadence_days, CASE WHEN c.stage = '{Stage.LOST.value}' THEN NULL
    WHEN c.tier = 'A' THEN ? WHEN c.tier = 'B' THEN ? WHEN c.tier = 'C' THEN ?
    WHEN c.tier IS NULL AND c.stage = 'potential' THEN ?
    WHEN c.tier IS NULL AND c.stage = 'interested' THEN ?
    WHEN c.tier IS NULL AND c.stage = 'customer' THEN ? ELSE NULL END)"""
# the order of ``cadence_values``


def cadence_values(session: Session) -> list[int]:
    """The parameters of ``_CADENCE_SQL``: the tiers' default days, then the stages'."""
    defaults = default_cadences(session)
    return [defaults[key] for key in (*TIERS, *WATCHED_STAGES)]


_NEGLECT_COLUMNS = f"c.id, c.name, c.touch_due, {_CADENCE_SQL}, c.last_contacted_at, c.tier"
_NEGLECT_SQL = f"""
SELECT {_NEGLECT_COLUMNS} FROM contact c INDEXED BY ix_contact_touch_due
WHERE c.deleted_at IS NULL AND c.touch_due IS NOT NULL AND c.touch_due {{compare}} ?
"""
# ``contact.touch_due`` is the day the cadence runs out, kept by triggers (revision 0006);
# the cadence itself is worked out only for the rows returned


def _neglect_rows(
    session: Session, compare: str, day: date, more: str = "", extra: Sequence[object] = ()
) -> list[tuple[int, str, str, int, datetime | None, str | None]]:
    """(id, name, due, cadence days, last contacted, tier) of live contacts with a cadence
    whose due day compares to ``day`` as ``compare`` says; ``more`` adds SQL after it, with
    the parameters ``extra``."""
    cadence = cadence_values(session)
    sql = _NEGLECT_SQL.format(compare=compare) + more
    rows = _raw(session).execute(sql, [*cadence, day.isoformat(), *extra])
    return [
        (i, name, due, days, None if last is None else datetime.fromisoformat(last), tier)
        for i, name, due, days, last, tier in rows
    ]


def _neglect(
    contact_id: int,
    name: str,
    due_text: str,
    days: int,
    last: datetime | None,
    start: date,
    parsed: dict[str, tuple[date, str]] | None = None,
) -> Occurrence:
    """A stay-in-touch reminder; ``parsed`` caches due days (many contacts share one)."""
    if parsed is None:
        parsed = {}
    known = parsed.get(due_text)
    if known is None:
        due_day = date.fromisoformat(due_text)
        known = parsed[due_text] = (due_day, due_day.isoformat())
    due_day, iso = known
    return _occurrence(
        key=f"stay_in_touch:{contact_id}:{iso}",
        kind="stay_in_touch",
        when=due_day,
        notice_from=due_day,
        contact_id=contact_id,
        contact_name=name,
        title="",
        overdue=due_day < start,
        details={"cadence_days": days, "last_contacted": last},
    )


def _stay_in_touch(
    session: Session, start: date, end: date, since: date | None = None
) -> list[Occurrence]:
    """Contacts whose cadence runs out by ``end`` (and not before ``since``, if given), due on
    the day it ran out."""
    parsed: dict[str, tuple[date, str]] = {}
    more, extra = ("", []) if since is None else (" AND c.touch_due >= ?", [since.isoformat()])
    return [
        _neglect(contact_id, name, due, days, last, start, parsed)
        for contact_id, name, due, days, last, _tier in _neglect_rows(
            session, "<=", end, more, extra
        )
    ]


Neglect = tuple[int, str, str | None, date, int, datetime | None]
"""A contact past their cadence: id, name, tier, due day, cadence days, last contacted."""


def most_neglected(session: Session, today: date, limit: int) -> list[Neglect]:
    """The ``limit`` contacts longest past their cadence whose reminder is not done, from the
    stored due days (by index): tier A first, then B, C and none; within a tier the longest
    overdue first, then by name and reminder key (the order ``occurrences`` and a stable sort
    by tier and days give).
    """
    cadence = cadence_values(session)
    # reminders marked done drop out afterwards, so the SQL need not look each one up: it
    # returns as many more of the longest overdue as there are done ones that could be among
    # them (a key ends in its due day, and "id:" orders keys of one day as they compare)
    done = {
        key
        for (key,) in _raw(session).execute(
            "SELECT key FROM reminder_log WHERE key >= ? AND key < ? AND done_at IS NOT NULL",
            ["stay_in_touch:", "stay_in_touch;"],
        )
    }
    day = today.isoformat()
    connection = _raw(session)
    longest: list[Neglect] = []
    for tier in ("A", "B", "C", None):  # tier A first, then B, C and none
        if len(longest) >= limit:
            break
        sql = f"""
            SELECT {_NEGLECT_COLUMNS} FROM contact c INDEXED BY ix_contact_tier_touch_due
            WHERE c.deleted_at IS NULL AND c.touch_due IS NOT NULL AND c.touch_due <= ?
              AND c.tier {"= ?" if tier else "IS NULL"}
            ORDER BY c.touch_due, c.name, c.id || ':' LIMIT ?"""
        wanted = [day, *([tier] if tier else []), int(limit) - len(longest) + len(done)]
        for contact_id, name, due, days, last_text, tier_code in connection.execute(
            sql, [*cadence, *wanted]
        ):
            if f"stay_in_touch:{contact_id}:{due}" in done or len(longest) >= limit:
                continue
            last = None if last_text is None else datetime.fromisoformat(last_text)
            longest.append((contact_id, name, tier_code, date.fromisoformat(due), days, last))
    return longest


def _festival_of(row: FestivalRow) -> tuple[Festival, FestivalAudience]:
    return (
        Festival(
            row.code or f"custom:{row.id}",
            CalendarKind(row.calendar),
            row.month,
            row.day,
            row.last_day,
            row.name,
            FestivalRule(row.rule),
            SolarTerm(row.solar_term) if row.solar_term else None,
            row.week,
            row.weekday,
        ),
        FestivalAudience(
            tiers=tuple(row.audience_tiers),
            stages=tuple(s for s in row.audience_stages.split(",") if s),
            tags=tuple(t for t in row.audience_tags.split(",") if t),
        ),
    )


def book_festivals(session: Session) -> list[tuple[Festival, FestivalAudience]]:
    """The enabled festivals of the book with each one's audience."""
    rows = session.scalars(
        select(FestivalRow).where(FestivalRow.enabled.is_(True)).order_by(FestivalRow.position)
    )
    return [_festival_of(row) for row in rows]


def festival_by_code(session: Session, code: str) -> tuple[Festival, FestivalAudience] | None:
    """A festival of the book (switched on or off) by its code, as ``Festival.code`` gives it:
    a built-in one's code, or ``custom:{id}`` for one the user added."""
    if code.startswith("custom:"):
        number = code.removeprefix("custom:")
        row = session.get(FestivalRow, int(number)) if number.isdigit() else None
        if row is not None and row.code is not None:
            row = None
    else:
        row = session.scalar(select(FestivalRow).where(FestivalRow.code == code))
    return None if row is None else _festival_of(row)


def _tasks(session: Session, start: date, end: date) -> list[Occurrence]:
    """Open tasks (and after-deal thank-yous) due by ``end``; earlier ones are overdue."""
    rows = session.execute(
        select(Task, Contact.name)
        .outerjoin(Contact, Contact.id == Task.contact_id)
        .where(
            Task.deleted_at.is_(None),
            Task.done_at.is_(None),
            Task.due_at < datetime.combine(end + timedelta(days=1), time()),
            or_(Task.contact_id.is_(None), Contact.deleted_at.is_(None)),
        )
    ).all()
    # the thank-you after a deal shows from the day of the deal (the day the task was made)
    return [
        Occurrence(
            key=f"task:{task.id}:{task.due_at.isoformat(timespec='minutes')}",
            kind="after_deal" if task.kind == "after_deal" else "follow_up",
            date=task.due_at.date(),
            notice_from=(
                min(task.created_at.date(), task.due_at.date())
                if task.kind == "after_deal"
                else task.due_at.date()
            ),
            contact_id=task.contact_id,
            contact_name=name,
            title=task.title,
            at=task.due_at if task.has_time else None,
            overdue=task.due_at.date() < start,
            details={"task_id": task.id},
        )
        for task, name in rows
    ]


def _expiries(session: Session, start: date, end: date) -> list[Occurrence]:
    rows = session.execute(
        select(Expiry, Contact.name)
        .join(Contact, Contact.id == Expiry.contact_id)
        .where(
            Expiry.deleted_at.is_(None),
            Contact.deleted_at.is_(None),
            Expiry.expires_on >= start,
            Expiry.expires_on <= end,
        )
    ).all()
    return [
        Occurrence(
            key=f"expiry:{expiry.id}:{expiry.expires_on.isoformat()}",
            kind="expiry",
            date=expiry.expires_on,
            notice_from=expiry.expires_on - timedelta(days=expiry.notice_days),
            contact_id=expiry.contact_id,
            contact_name=name,
            title=expiry.label,
            details={"expiry_kind": expiry.kind, "expiry_id": expiry.id},
        )
        for expiry, name in rows
    ]


def date_advance(session: Session) -> dict[str, int]:
    """Notice days of birthdays and of other special dates, as ``special_date_parts`` wants."""
    return {
        "birthday": get_setting(session, "remind.advance.birthday"),
        "special_date": get_setting(session, "remind.advance.special_date"),
    }


def open_follow_ups(
    session: Session,
    start: date,
    end: date,
    since: date | None = None,
    steps_until: date | None = None,
) -> list[Occurrence]:
    """Open next steps and tasks due by ``end`` (those before ``start`` marked overdue); with
    ``since``, only next steps due from that day on, and with ``steps_until`` only those due
    by that day (tasks are few: all are read)."""
    steps = _follow_ups(session, start, end if steps_until is None else steps_until, since)
    return steps + _tasks(session, start, end)


def occurrences(
    session: Session,
    start: date,
    end: date,
    festivals: list[tuple[Festival, FestivalAudience]] | None = None,
    expiries_until: date | None = None,
    *,
    overdue_before: date | None = None,
    stay_in_touch: bool = True,
    neglect_since: date | None = None,
    follow_ups: bool = True,
    special_dates: bool = True,
) -> list[Occurrence]:
    """Every occasion dated in ``[start, end]``, plus open follow-ups and neglect already due.

    Sorted by date, then kind, then contact name. ``expiries_until`` looks further ahead for
    expiry dates, whose notice can start months before (used to find notices due now).
    Follow-ups, tasks and neglect due before ``overdue_before`` (``start`` unless given) are
    marked overdue; ``stay_in_touch=False`` leaves neglect out, and ``neglect_since`` leaves
    out neglect that fell due before that day; ``follow_ups=False`` leaves out follow-ups and
    tasks, ``special_dates=False`` birthdays and special dates (``special_date_parts``).
    Days outside the supported range hold nothing.
    """
    start, end = supported_window(start, end)
    if end < start:
        return []
    found = _special_dates(session, start, end, date_advance(session)) if special_dates else []
    found += _festivals(
        session,
        start,
        end,
        get_setting(session, "remind.advance.festival"),
        book_festivals(session) if festivals is None else festivals,
    )
    since = start if overdue_before is None else overdue_before
    if follow_ups:
        found += _follow_ups(session, since, end)
        found += _tasks(session, since, end)
    found += _expiries(session, start, expiries_until or end)
    if stay_in_touch:
        found += _stay_in_touch(session, since, end, neglect_since)
    sort_occurrences(found)
    return found


def sort_occurrences(found: list[Occurrence]) -> None:
    """Sort in place as ``occurrences`` returns them: by date, kind, contact name and key."""
    found.sort(key=lambda o: (o.date, KIND_RANK[o.kind], o.contact_name or "", o.key))


# --- counted by day, built a day at a time (``relbook.core.agenda``) ----------------------------

_DATE_GROUPS_SQL = """
SELECT calendar, month, day,
       count(*) FILTER (
           WHERE recurrence != 'once'
             AND (year IS NULL OR year <= CASE calendar WHEN 'lunar' THEN ?2 ELSE ?1 END)
       ),
       count(*) FILTER (
           WHERE recurrence = 'once' OR year > CASE calendar WHEN 'lunar' THEN ?2 ELSE ?1 END
       )
FROM special_date INDEXED BY ix_special_date_day
GROUP BY month, day, calendar
"""
_DATE_EXCEPTIONS_SQL = """
SELECT year, recurrence, id, is_leap_month, contact_id, family_member_id
FROM special_date INDEXED BY ix_special_date_day
WHERE month = ? AND day = ? AND calendar = ? AND (recurrence = 'once' OR year > ?)
"""
# one pass over the index of dates by day, in its order, counting per (month, day) stored: the
# owners of the dates (a lookup in the contact table per date, most of the time of reading
# them) are not read. A yearly date from before the range (its solar or lunar year; ?1 and ?2
# are the first day's) counts on each day of the range that keeps its (month, day); the rare
# others, dates that happen once and yearly ones starting within the range, are read one by
# one. Dates of contacts in the trash are taken off after.
_TRASHED_OWNERS_SQL = """
SELECT c.id, fm.id FROM contact c INDEXED BY ix_contact_deleted_at
LEFT JOIN family_member fm ON fm.contact_id = c.id
WHERE c.deleted_at IS NOT NULL
"""
_TRASHED_YEARLY_SQL = """
SELECT calendar, month, day, year FROM special_date INDEXED BY ix_special_date_contact_id
WHERE recurrence != 'once' AND contact_id IN ({contacts})
UNION ALL
SELECT calendar, month, day, year FROM special_date INDEXED BY ix_special_date_family_member_id
WHERE recurrence != 'once' AND family_member_id IN ({members})
"""


def date_counts(session: Session, start: date, end: date) -> dict[date, int]:
    """How many occasions of birthdays and special dates each day of ``[start, end]`` holds:
    ``len(special_date_parts(session, day, day, ...))`` for every day, without reading them."""
    keys = _yearly_keys(start, end)
    connection = _raw(session)
    contacts: set[int] = set()
    members: set[int] = set()
    for contact_id, member_id in connection.execute(_TRASHED_OWNERS_SQL):
        contacts.add(contact_id)
        if member_id is not None:
            members.add(member_id)
    counts: dict[date, int] = {}
    exceptional: list[tuple[str, int, int]] = []
    first_years = {calendar: _kept_year(start, calendar) for calendar in keys}
    groups = connection.execute(_DATE_GROUPS_SQL, [start.year, first_years["lunar"]])
    for calendar, month, day, plain, others in groups:
        whens = keys[calendar].get((month, day))
        if not whens:
            continue
        if plain:
            for when in whens:
                counts[when] = counts.get(when, 0) + plain
        if others:
            exceptional.append((calendar, month, day))
    for calendar, month, day in exceptional:
        whens = keys[calendar][(month, day)]
        rows = connection.execute(
            _DATE_EXCEPTIONS_SQL, [month, day, calendar, first_years[calendar]]
        )
        for year, recurrence, once_id, leap, contact_id, member_id in rows:
            if recurrence == Recurrence.ONCE.value:
                if year is None or contact_id in contacts or member_id in members:
                    continue
                exact = _Stored(once_id, "", "", calendar, year, month, day, bool(leap), recurrence)
                counted = [when for when in whens if _exact_day(exact) == when]
            else:  # yearly from a year within the range: trashed ones are taken off below
                counted = [when for when in whens if year <= _kept_year(when, calendar)]
            for when in counted:
                counts[when] = counts.get(when, 0) + 1
    if contacts:
        sql = _TRASHED_YEARLY_SQL.format(
            contacts=",".join("?" * len(contacts)), members=",".join("?" * len(members)) or "NULL"
        )
        for calendar, month, day, year in connection.execute(sql, [*contacts, *members]):
            for when in keys[calendar].get((month, day), ()):
                if year is None or year <= _kept_year(when, calendar):
                    counts[when] -= 1
    return {day: count for day, count in counts.items() if count}


def neglect_counts(session: Session, end: date) -> dict[date, int]:
    """How many stay-in-touch reminders fall due on each day up to ``end`` (in the past too:
    ``occurrences`` lists those already due as overdue, on the day they fell due)."""
    rows = _raw(session).execute(
        "SELECT touch_due, count(*) FROM contact INDEXED BY ix_contact_touch_due"
        " WHERE deleted_at IS NULL AND touch_due IS NOT NULL AND touch_due <= ?"
        " GROUP BY touch_due",
        [end.isoformat()],
    )
    return {date.fromisoformat(due): count for due, count in rows}


_FOLLOW_UP_COUNTS_SQL = """
SELECT substr(i.next_step_due, 1, 10), count(*)
FROM interaction i INDEXED BY ix_interaction_open_next_step
JOIN interaction_contact ic ON ic.interaction_id = i.id
WHERE i.deleted_at IS NULL AND i.next_step_done_at IS NULL AND i.next_step_due IS NOT NULL
  AND i.next_step_due < ? AND ic.position = 0
  AND ic.contact_id NOT IN (
    SELECT id FROM contact INDEXED BY ix_contact_deleted_at WHERE deleted_at IS NOT NULL)
GROUP BY 1
"""


def follow_up_counts(session: Session, end: date) -> dict[date, int]:
    """How many open next steps fall due on each day up to ``end`` (those ``occurrences``
    lists as follow-ups), counted without reading their contacts."""
    rows = _raw(session).execute(_FOLLOW_UP_COUNTS_SQL, [_due_bound(end + timedelta(days=1))])
    return {date.fromisoformat(day): count for day, count in rows}


def occasions_between(
    session: Session, start: date, end: date, first: date, last: date
) -> list[Occurrence]:
    """What ``occurrences(session, start, end)`` dates from ``first`` to ``last`` among
    birthdays and special dates, follow-ups (next steps) and stay in touch, unsorted."""
    found: list[Occurrence] = []
    if first <= end and last >= start:
        found += _special_dates(session, max(first, start), min(last, end), date_advance(session))
    found += _follow_ups(session, start, min(last, end), since=first)
    parsed: dict[str, tuple[date, str]] = {}
    rows = _neglect_rows(session, ">=", first, " AND c.touch_due <= ?", [last.isoformat()])
    found += [
        _neglect(contact_id, name, due, days, seen, start, parsed)
        for contact_id, name, due, days, seen, _tier in rows
    ]
    return found


def small_occurrences(session: Session, start: date, end: date) -> list[Occurrence]:
    """What else ``occurrences(session, start, end)`` holds: festivals, open tasks (overdue
    ones too) and expiries. A few hundred even in a large book, so they are built at once."""
    found = _festivals(
        session,
        start,
        end,
        get_setting(session, "remind.advance.festival"),
        book_festivals(session),
    )
    found += _tasks(session, start, end)
    found += _expiries(session, start, end)
    return found


def stay_in_touch_between(
    session: Session, first: date, last: date, today: date
) -> list[Occurrence]:
    """Stay-in-touch reminders that fall due from ``first`` to ``last`` (those before
    ``today`` marked overdue)."""
    return _stay_in_touch(session, today, last, since=first)


def stay_in_touch_ahead(
    session: Session, first: date, last: date, today: date, limit: int
) -> tuple[list[Occurrence], int]:
    """The first ``limit`` stay-in-touch reminders falling due from ``first`` to ``last`` in
    the order ``occurrences`` sorts them (day, name, key), and how many there are in all.
    Both read from the index of due days: a large book has thousands in a month."""
    more = " AND c.touch_due <= ? ORDER BY c.touch_due, c.name, c.id || ':' LIMIT ?"
    rows = _neglect_rows(session, ">=", first, more, [last.isoformat(), limit])
    parsed: dict[str, tuple[date, str]] = {}
    found = [
        _neglect(contact_id, name, due, days, seen, today, parsed)
        for contact_id, name, due, days, seen, _tier in rows
    ]
    total = _raw(session).execute(
        "SELECT count(*) FROM contact INDEXED BY ix_contact_touch_due"
        " WHERE deleted_at IS NULL AND touch_due IS NOT NULL AND touch_due >= ? AND touch_due <= ?",
        [first.isoformat(), last.isoformat()],
    )
    return found, int(total.fetchone()[0])


_FOLLOW_UP_DUES_SQL = """
SELECT i.next_step_due FROM interaction i INDEXED BY ix_interaction_open_next_step
JOIN interaction_contact ic ON ic.interaction_id = i.id
WHERE i.deleted_at IS NULL AND i.next_step_done_at IS NULL AND i.next_step_due IS NOT NULL
  AND i.next_step_due >= ? AND i.next_step_due < ? AND ic.position = 0
  AND ic.contact_id NOT IN (
    SELECT id FROM contact INDEXED BY ix_contact_deleted_at WHERE deleted_at IS NOT NULL)
ORDER BY i.next_step_due
"""
# the few contacts in the trash are left out by id: looking every contact up costs twice as much


def follow_ups_ahead(
    session: Session, first: date, last: date, today: date, limit: int
) -> tuple[list[Occurrence], int]:
    """Next steps due from ``first`` to ``last``: every one on the days that can hold the
    first ``limit`` of them (a day's are sorted by name, so the last such day is read whole),
    and how many there are in all. A large book has thousands in a month: only their due
    times are read, then the days wanted."""
    bounds = [_due_bound(first), _due_bound(last + timedelta(days=1))]
    dues = [due for (due,) in _raw(session).execute(_FOLLOW_UP_DUES_SQL, bounds)]
    if len(dues) > limit:
        last = min(last, datetime.fromisoformat(dues[limit - 1]).date())
    return (_follow_ups(session, today, last, since=first) if dues else []), len(dues)


_NEAR_COUNTS_SQL = """
WITH wanted(calendar, month, day, num, kept) AS (VALUES {marks})
SELECT wanted.num, count(*) FROM wanted
JOIN special_date sd INDEXED BY ix_special_date_day
  ON sd.month = wanted.month AND sd.day = wanted.day AND sd.calendar = wanted.calendar
WHERE sd.recurrence != 'once' AND (sd.year IS NULL OR sd.year <= wanted.kept){owners}
GROUP BY wanted.num
"""
_NEAR_ONCE_SQL = """
WITH wanted(calendar, month, day) AS (VALUES {marks})
SELECT DISTINCT sd.id, sd.calendar, sd.year, sd.month, sd.day, sd.is_leap_month, sd.contact_id,
       sd.family_member_id
FROM wanted JOIN special_date sd INDEXED BY ix_special_date_day
  ON sd.month = wanted.month AND sd.day = wanted.day AND sd.calendar = wanted.calendar
WHERE sd.recurrence = 'once'
"""


def near_date_counts(session: Session, start: date, end: date) -> dict[date, int]:
    """What ``date_counts`` gives, for a short range (the Today view's coming month): the
    dates of the range's days are counted in the index by day, in SQL, instead of one pass
    over the whole index."""
    keys = _yearly_keys(start, end)
    per_day = [
        (calendar, month, day, when)
        for calendar, pairs in keys.items()
        for (month, day), whens in pairs.items()
        for when in whens
    ]
    if not per_day:
        return {}
    connection = _raw(session)
    contacts: set[int] = set()
    members: set[int] = set()
    for contact_id, member_id in connection.execute(_TRASHED_OWNERS_SQL):
        contacts.add(contact_id)
        if member_id is not None:
            members.add(member_id)
    values: list[object] = []
    for calendar, month, day, when in per_day:
        values += [calendar, month, day, when.toordinal(), _kept_year(when, calendar)]
    marks = ",".join("(?,?,?,?,?)" for _ in per_day)
    counts: dict[date, int] = {}
    sql = _NEAR_COUNTS_SQL.format(marks=marks, owners="")
    for number, count in connection.execute(sql, values):
        counts[date.fromordinal(number)] = count
    if contacts:
        owners = (
            f" AND (sd.contact_id IN ({','.join('?' * len(contacts))})"
            f" OR sd.family_member_id IN ({','.join('?' * len(members)) or 'NULL'}))"
        )
        sql = _NEAR_COUNTS_SQL.format(marks=marks, owners=owners)
        for number, count in connection.execute(sql, [*values, *contacts, *members]):
            counts[date.fromordinal(number)] -= count
    pairs = [(c, m, d) for c, found in keys.items() for (m, d) in found]
    once_marks = ",".join("(?,?,?)" for _ in pairs)
    rows = connection.execute(
        _NEAR_ONCE_SQL.format(marks=once_marks), [part for pair in pairs for part in pair]
    )
    for once_id, calendar, year, month, day, leap, contact_id, member_id in rows:
        if year is None or contact_id in contacts or member_id in members:
            continue
        stored = _Stored(once_id, "", "", calendar, year, month, day, bool(leap), "once")
        exact = _exact_day(stored)
        if exact is not None and start <= exact <= end:
            counts[exact] = counts.get(exact, 0) + 1
    return {day: count for day, count in counts.items() if count}
