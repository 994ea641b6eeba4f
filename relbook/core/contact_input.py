"""Plain input records for creating and editing contacts, shared by the GUI, CLI and importers."""

from dataclasses import dataclass, field

from relbook.core.calendar import CalendarDate
from relbook.core.enums import (
    CalendarKind,
    DateKind,
    FamilyRelation,
    Gender,
    PhoneLabel,
    Recurrence,
    Stage,
)

RAPPORT_FIELDS: tuple[str, ...] = (
    "hobbies",
    "topics",
    "food_likes",
    "food_taboos",
    "hometown",
    "school",
    "proud_moments",
    "quotes",
    "notes",
)
"""The personal details that make praise and small talk sincere, in display order."""


@dataclass
class PhoneInput:
    number: str
    label: str = PhoneLabel.MOBILE


@dataclass
class DateInput:
    """A special date: ``kind`` birthday, wedding, ...; ``label`` names a custom one."""

    month: int
    day: int
    year: int | None = None
    calendar: str = CalendarKind.SOLAR
    leap: bool = False
    kind: str = DateKind.BIRTHDAY
    recurrence: str = Recurrence.YEARLY
    label: str = ""

    def as_calendar_date(self) -> CalendarDate:
        return CalendarDate(CalendarKind(self.calendar), self.month, self.day, self.year, self.leap)


@dataclass
class FamilyInput:
    name: str
    relation: str = FamilyRelation.OTHER
    notes: str = ""
    dates: list[DateInput] = field(default_factory=list)


@dataclass
class ContactInput:
    """Everything the editor shows. ``company`` is an organization name, created on demand."""

    name: str
    salutation: str = ""
    gender: str = Gender.UNKNOWN
    company: str = ""
    org_type: str | None = None
    department: str = ""
    title: str = ""
    buying_role: str | None = None
    is_insider: bool = False
    phones: list[PhoneInput] = field(default_factory=list)
    email: str = ""
    wechat: str = ""
    qq: str = ""
    address: str = ""
    source: str | None = None
    source_detail: str = ""
    referred_by_id: int | None = None
    hobbies: str = ""
    topics: str = ""
    food_likes: str = ""
    food_taboos: str = ""
    hometown: str = ""
    school: str = ""
    proud_moments: str = ""
    quotes: str = ""
    notes: str = ""
    level: int = 1
    level_note: str = ""
    stage: str = Stage.POTENTIAL
    lost_reason: str | None = None
    """Why the contact was lost (a ``CustomerLostReason`` code), recorded with a move to lost."""
    lost_note: str = ""
    score_near: int | None = None
    score_future: int | None = None
    score_profit: int | None = None
    score_risk: int | None = None
    score_strategic: int | None = None
    personality: str | None = None
    cadence_days: int | None = None
    tags: list[str] = field(default_factory=list)
    family: list[FamilyInput] = field(default_factory=list)
    dates: list[DateInput] = field(default_factory=list)

    def birthday(self) -> DateInput | None:
        return next((d for d in self.dates if d.kind == DateKind.BIRTHDAY), None)
