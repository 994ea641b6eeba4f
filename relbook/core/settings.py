"""Every domain setting declared once (key, type, default, meaning), stored in the book."""

import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from relbook.core.changes import BookChanges
from relbook.core.errors import ValidationError
from relbook.core.models import Setting
from relbook.db.backups import DEFAULT_KEEP_DAILY, DEFAULT_KEEP_WEEKLY


@dataclass(frozen=True)
class SettingDef:
    key: str
    type: type
    default: Any
    description: str
    choices: tuple[Any, ...] = ()
    minimum: int | None = None
    maximum: int | None = None


DEFAULT_EXPORT_COLUMNS = (
    "name,company,department,title,phones,email,wechat,qq,address,level,stage,tier,tags,source,"
    "birthday,next_birthday,last_contacted,notes,gender,personality,hometown,school,hobbies,"
    "created_at"
)
"""relbook.exchange.sheets.EXPORT_COLUMNS, written out (sheets imports core, so core does not
import it at load time); a test keeps the two equal."""

_DEFS: tuple[SettingDef, ...] = (
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
    ),
    SettingDef(
        "remind.last_check",
        str,
        "",
        "When reminders were last looked for (ISO time); a catch-up covers what fell due since.",
    ),
    SettingDef(
        "ui.close_to_tray",
        bool,
        True,
        "Closing the window keeps relbook running in the tray, so reminders still pop up.",
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
    SettingDef(
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
        "The columns, in order, of the window's CSV and Excel exports (comma-separated keys of "
        "relbook.exchange.sheets.EXPORT_COLUMNS); the last choice is remembered. The command "
        "line does not use it.",
    ),
    SettingDef(
        "backup.keep_daily",
        int,
        DEFAULT_KEEP_DAILY,
        "Automatic backups kept: the newest of each of this many most recent days with backups.",
        minimum=1,
        maximum=365,
    ),
    SettingDef(
        "backup.keep_weekly",
        int,
        DEFAULT_KEEP_WEEKLY,
        "Automatic backups kept besides: the newest of each of this many most recent weeks.",
        minimum=0,
        maximum=520,
    ),
    SettingDef(
        "backup.folder",
        str,
        "",
        "Folder for backups (a USB stick, a synced folder); empty means backups/ in the data "
        "folder. Read without the ORM by relbook.db.backups, before migrations too.",
    ),
)

SETTINGS: dict[str, SettingDef] = {d.key: d for d in _DEFS}


_READ = "relbook.settings"
"""Where a unit of work keeps the settings it has read (``Session.info``): a Today refresh
asks for the same few settings some thirty times."""


def get_setting(session: Session, key: str) -> Any:
    read: dict[str, Any] = session.info.setdefault(_READ, {})
    if key in read:
        return read[key]
    definition = SETTINGS[key]
    stored = session.scalar(select(Setting.value).where(Setting.key == key))
    value = definition.default if stored is None else json.loads(stored)
    if not isinstance(value, definition.type):
        value = definition.default
    read[key] = value
    return value


def validate_setting(key: str, value: Any) -> None:
    """Raise ValidationError when ``value`` is not allowed for ``key``."""
    definition = SETTINGS[key]
    if not isinstance(value, definition.type) or isinstance(value, bool) != (
        definition.type is bool
    ):
        raise ValidationError.single(key, "wrong_type", expected=definition.type.__name__)
    if definition.choices and value not in definition.choices:
        raise ValidationError.single(key, "not_a_choice", choices=list(definition.choices))
    if definition.minimum is not None and value < definition.minimum:
        raise ValidationError.single(key, "too_small", minimum=definition.minimum)
    if definition.maximum is not None and value > definition.maximum:
        raise ValidationError.single(key, "too_large", maximum=definition.maximum)
    if key == "remind.daily_time" and not _is_clock_time(value):
        raise ValidationError.single(key, "bad_time", value=value)
    if key == "export.columns":
        from relbook.exchange.sheets import parse_columns  # on use: sheets imports core

        parse_columns(value, key)


def _is_clock_time(value: str) -> bool:
    hours, _, minutes = value.partition(":")
    return (
        hours.isdigit()
        and minutes.isdigit()
        and len(minutes) == 2
        and 0 <= int(hours) <= 23
        and 0 <= int(minutes) <= 59
    )


def set_setting(session: Session, key: str, value: Any) -> None:
    validate_setting(key, value)
    row = session.get(Setting, key)
    encoded = json.dumps(value, ensure_ascii=False)
    if row is None:
        session.add(Setting(key=key, value=encoded))
    else:
        row.value = encoded
    session.info.setdefault(_READ, {})[key] = value


def set_settings(session: Session, values: dict[str, Any]) -> BookChanges:
    """Store several settings in one unit of work (all or none: the first invalid value
    raises ``ValidationError``)."""
    for key, value in values.items():
        set_setting(session, key, value)
    return BookChanges(settings=True)
