"""Every domain setting declared once (key, type, default, meaning, rule), stored in the book.

In the manner of Picard's ``options.py``: each setting is one ``SettingDef`` with its type,
default, description and validator (choices, bounds, or a rule of its own), and the registry
``SETTINGS`` is what the settings dialog, the CLI and the services read. ``get_setting``
answers with the setting's own type (see the ``*Key`` aliases below); ``get_int`` serves keys
that are put together at run time.
"""

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Generic, Literal, TypeVar, cast, get_args, overload

from sqlalchemy import select
from sqlalchemy.orm import Session

from relbook.core.changes import BookChanges
from relbook.core.errors import ValidationError
from relbook.core.fields import EXPORT_COLUMNS, parse_export_columns
from relbook.core.models import Setting

T = TypeVar("T")

Templates = dict[str, dict[str, str]]
"""The user's greeting templates: language -> occasion[@timing][/style] -> text."""
SettingValue = str | int | bool | Templates


@dataclass(frozen=True)
class SettingDef(Generic[T]):
    """One setting: its key, type, default, meaning and what values it accepts."""

    key: str
    type: type[T]
    default: T
    description: str
    choices: tuple[T, ...] = ()
    minimum: int | None = None
    maximum: int | None = None
    check: Callable[[str, T], None] | None = None
    """A rule of the setting's own, given the key and a value of the right type; raises
    ValidationError."""
    machine: bool = False
    """Whether the setting belongs to this computer rather than to the book (a folder path,
    the tray, when reminders were last looked for here): an archive never carries it to
    another book, and copying an archive in keeps this book's value."""

    def validate(self, value: object) -> T:
        """``value`` if this setting accepts it; else ValidationError."""
        if not isinstance(value, self.type) or isinstance(value, bool) != (self.type is bool):
            raise ValidationError.single(self.key, "wrong_type", expected=self.type.__name__)
        if self.choices and value not in self.choices:
            raise ValidationError.single(self.key, "not_a_choice", choices=list(self.choices))
        if isinstance(value, int):
            if self.minimum is not None and value < self.minimum:
                raise ValidationError.single(self.key, "too_small", minimum=self.minimum)
            if self.maximum is not None and value > self.maximum:
                raise ValidationError.single(self.key, "too_large", maximum=self.maximum)
        if self.check is not None:
            self.check(self.key, value)
        return value

    def read(self, session: Session) -> T:
        """The stored value, or the default when none is stored or it has the wrong type.

        A unit of work keeps what it has read (``Session.info``): a Today refresh asks for
        the same few settings some thirty times.
        """
        read: dict[str, object] = session.info.setdefault(_READ, {})
        if self.key in read:
            return cast(T, read[self.key])  # put there by this method or by set_setting
        stored = session.scalar(select(Setting.value).where(Setting.key == self.key))
        value = self.default if stored is None else json.loads(stored)
        if not isinstance(value, self.type):
            value = self.default
        read[self.key] = value
        return value


AnySettingDef = SettingDef[str] | SettingDef[int] | SettingDef[bool] | SettingDef[Templates]

_READ = "relbook.settings"
"""Where a unit of work keeps the settings it has read (``Session.info``)."""


def _clock_time(key: str, value: str) -> None:
    hours, _, minutes = value.partition(":")
    if not (
        hours.isdigit()
        and minutes.isdigit()
        and len(minutes) == 2
        and 0 <= int(hours) <= 23
        and 0 <= int(minutes) <= 59
    ):
        raise ValidationError.single(key, "bad_time", value=value)


def _export_columns(key: str, value: str) -> None:
    parse_export_columns(value, key)


DEFAULT_EXPORT_COLUMNS = ",".join(EXPORT_COLUMNS)
"""Every export column of the contact-field catalogue, in its order."""

DEFAULT_KEEP_DAILY = 7
DEFAULT_KEEP_WEEKLY = 4
"""The backup rotation's defaults. relbook.db.backups reads these settings straight from the
file, before migrations too, so it keeps the same defaults as its own constants; they are
written here rather than imported, so that this registry (read by every layer) does not load
the backup machinery, and tests/core/test_settings.py keeps the two equal."""

_DEFS: tuple[AnySettingDef, ...] = (
    SettingDef(
        "ui.language",
        str,
        "system",
        "Interface language; 'system' follows the operating system.",
        choices=("system", "zh_CN", "en"),
    ),
    SettingDef(
        "tier.a_min",
        int,
        20,
        "Lowest importance total (5-25, risk scored in reverse) that makes a tier A contact.",
        minimum=5,
        maximum=25,
    ),
    SettingDef(
        "tier.b_min",
        int,
        14,
        "Lowest importance total that makes a tier B contact; below it is tier C.",
        minimum=5,
        maximum=25,
    ),
    SettingDef(
        "cadence.A", int, 14, "Default stay-in-touch days for tier A.", minimum=1, maximum=3650
    ),
    SettingDef(
        "cadence.B", int, 30, "Default stay-in-touch days for tier B.", minimum=1, maximum=3650
    ),
    SettingDef(
        "cadence.C", int, 90, "Default stay-in-touch days for tier C.", minimum=1, maximum=3650
    ),
    SettingDef(
        "cadence.stage.potential",
        int,
        21,
        "Stay-in-touch days for a potential customer with no tier (a call every few weeks).",
        minimum=1,
        maximum=3650,
    ),
    SettingDef(
        "cadence.stage.interested",
        int,
        14,
        "Stay-in-touch days for an interested customer with no tier (visits, a small gift).",
        minimum=1,
        maximum=3650,
    ),
    SettingDef(
        "cadence.stage.customer",
        int,
        30,
        "Stay-in-touch days for a customer with no tier (regular check-ins).",
        minimum=1,
        maximum=3650,
    ),
    SettingDef(
        "remind.daily_time",
        str,
        "09:00",
        "Time of day (HH:MM) of the daily reminder run.",
        check=_clock_time,
    ),
    SettingDef(
        "remind.last_check",
        str,
        "",
        "When reminders were last looked for (ISO time); a catch-up covers what fell due since.",
        machine=True,
    ),
    SettingDef(
        "ui.close_to_tray",
        bool,
        True,
        "Closing the window keeps relbook running in the tray, so reminders still pop up.",
        machine=True,
    ),
    SettingDef(
        "remind.advance.birthday",
        int,
        3,
        "Days before a contact's or relative's birthday to start reminding (to buy a gift).",
        minimum=0,
        maximum=60,
    ),
    SettingDef(
        "remind.advance.special_date",
        int,
        3,
        "Days before an anniversary or other special day to start reminding.",
        minimum=0,
        maximum=60,
    ),
    SettingDef(
        "remind.advance.festival",
        int,
        3,
        "Days before a festival to start reminding (greetings and gifts).",
        minimum=0,
        maximum=60,
    ),
    SettingDef[Templates](
        "greetings.custom",
        dict,
        {},
        "The user's own greeting templates: language -> occasion[@timing][/style] -> text.",
    ),
    SettingDef(
        "gifts.audit_threshold",
        int,
        500,
        "Received gifts worth more than this (CNY) are flagged for the company's audit.",
        minimum=0,
        maximum=1_000_000,
    ),
    SettingDef(
        "deal.funnel_min_amount",
        int,
        0,
        "Open opportunities below this amount (CNY) are kept out of the funnel (漏斗外): listed, "
        "but not counted in the pipeline, the forecast or the learned win rates.",
        minimum=0,
        maximum=1_000_000_000,
    ),
    SettingDef(
        "log.last_type",
        str,
        "visit",
        "The interaction type the quick log dialog starts with (the last one used).",
        choices=(
            "visit",
            "call",
            "meal",
            "message",
            "email",
            "meeting",
            "gift",
            "greeting",
            "other",
        ),
    ),
    SettingDef(
        "export.columns",
        str,
        DEFAULT_EXPORT_COLUMNS,
        "The columns, in order, of the window's CSV and Excel exports (comma-separated export "
        "keys of relbook.core.fields); the last choice is remembered. The command line does not "
        "use it.",
        check=_export_columns,
    ),
    SettingDef(
        "backup.keep_daily",
        int,
        DEFAULT_KEEP_DAILY,
        "Automatic backups kept: the newest of each of this many most recent days with backups.",
        minimum=1,
        maximum=365,
        machine=True,
    ),
    SettingDef(
        "backup.keep_weekly",
        int,
        DEFAULT_KEEP_WEEKLY,
        "Automatic backups kept besides: the newest of each of this many most recent weeks.",
        minimum=0,
        maximum=520,
        machine=True,
    ),
    SettingDef(
        "backup.folder",
        str,
        "",
        "Folder for backups (a USB stick, a synced folder); empty means backups/ in the data "
        "folder. Read without the ORM by relbook.db.backups, before migrations too.",
        machine=True,
    ),
)

SETTINGS: dict[str, AnySettingDef] = {d.key: d for d in _DEFS}
MACHINE_SETTINGS: frozenset[str] = frozenset(d.key for d in _DEFS if d.machine)
"""The settings of this computer (``SettingDef.machine``). Window state and start-at-login
are not in the book at all (``window.ini`` in the data folder, the system's autostart)."""


def is_machine_setting(key: str) -> bool:
    """Whether ``key`` is declared machine-specific; unknown keys are not book settings
    either, so they count as machine-specific (an archive never brings them in)."""
    return key in MACHINE_SETTINGS or key not in SETTINGS


StrKey = Literal[
    "ui.language",
    "remind.daily_time",
    "remind.last_check",
    "log.last_type",
    "export.columns",
    "backup.folder",
]
IntKey = Literal[
    "tier.a_min",
    "tier.b_min",
    "cadence.A",
    "cadence.B",
    "cadence.C",
    "cadence.stage.potential",
    "cadence.stage.interested",
    "cadence.stage.customer",
    "remind.advance.birthday",
    "remind.advance.special_date",
    "remind.advance.festival",
    "gifts.audit_threshold",
    "deal.funnel_min_amount",
    "backup.keep_daily",
    "backup.keep_weekly",
]
BoolKey = Literal["ui.close_to_tray"]
TemplatesKey = Literal["greetings.custom"]
"""The keys by the type of their value, for the type checker: ``get_setting`` with one of
them answers with that type. Checked against the declarations when this module loads."""


def _check_key_types() -> None:
    for keys, kind in ((StrKey, str), (IntKey, int), (BoolKey, bool), (TemplatesKey, dict)):
        declared = {d.key for d in _DEFS if d.type is kind}
        if set(get_args(keys)) != declared:
            raise TypeError(f"the {kind.__name__} settings are {sorted(declared)}")


_check_key_types()


@overload
def get_setting(session: Session, key: StrKey) -> str: ...
@overload
def get_setting(session: Session, key: IntKey) -> int: ...
@overload
def get_setting(session: Session, key: BoolKey) -> bool: ...
@overload
def get_setting(session: Session, key: TemplatesKey) -> Templates: ...
@overload
def get_setting(session: Session, key: str) -> SettingValue: ...
def get_setting(session: Session, key: str) -> SettingValue:
    """The value of setting ``key`` (its default until one is stored)."""
    return SETTINGS[key].read(session)


def get_int(session: Session, key: str) -> int:
    """``get_setting`` for a whole-number setting whose key is put together at run time
    (``cadence.{tier}``); TypeError when ``key`` is not such a setting."""
    value = SETTINGS[key].read(session)
    if not isinstance(value, int) or isinstance(value, bool):
        raise TypeError(f"{key} is not a whole-number setting")
    return value


def validate_setting(key: str, value: object) -> None:
    """Raise ValidationError when ``value`` is not allowed for ``key``."""
    SETTINGS[key].validate(value)


def set_setting(session: Session, key: str, value: object) -> None:
    """Store ``value`` for ``key`` after checking it (ValidationError when not allowed)."""
    accepted = SETTINGS[key].validate(value)
    row = session.get(Setting, key)
    encoded = json.dumps(accepted, ensure_ascii=False)
    if row is None:
        session.add(Setting(key=key, value=encoded))
    else:
        row.value = encoded
    session.info.setdefault(_READ, {})[key] = accepted


def set_settings(session: Session, values: dict[str, object]) -> BookChanges:
    """Store several settings in one unit of work (all or none: the first invalid value
    raises ``ValidationError``)."""
    for key, value in values.items():
        set_setting(session, key, value)
    return BookChanges(settings=True)
