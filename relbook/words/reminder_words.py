"""Words for reminders: kinds, festival names, and one line describing an occurrence."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from relbook.words import labels

if TYPE_CHECKING:
    from relbook.core.reminders import Occurrence


def kind_label(kind: str) -> str:
    words = {
        "birthday": QCoreApplication.translate("Reminders", "Birthday"),
        "family_birthday": QCoreApplication.translate("Reminders", "Family birthday"),
        "special_date": QCoreApplication.translate("Reminders", "Special day"),
        "festival": QCoreApplication.translate("Reminders", "Festival"),
        "follow_up": QCoreApplication.translate("Reminders", "Follow-up"),
        "stay_in_touch": QCoreApplication.translate("Reminders", "Stay in touch"),
        "after_deal": QCoreApplication.translate("Reminders", "Thank-you after the deal"),
        "expiry": QCoreApplication.translate("Reminders", "Expiry"),
    }
    return words.get(kind, kind)


def festival_name(code: str) -> str:
    """A built-in festival's name; a user-added festival's stored name passes through."""
    names = {
        "spring_festival": QCoreApplication.translate("Reminders", "Spring Festival"),
        "lantern": QCoreApplication.translate("Reminders", "Lantern Festival"),
        "dragon_boat": QCoreApplication.translate("Reminders", "Dragon Boat Festival"),
        "qixi": QCoreApplication.translate("Reminders", "Qixi Festival"),
        "mid_autumn": QCoreApplication.translate("Reminders", "Mid-Autumn Festival"),
        "double_ninth": QCoreApplication.translate("Reminders", "Double Ninth Festival"),
        "little_new_year": QCoreApplication.translate("Reminders", "Little New Year"),
        "new_years_eve": QCoreApplication.translate("Reminders", "Chinese New Year's Eve"),
        "new_year": QCoreApplication.translate("Reminders", "New Year's Day"),
        "womens_day": QCoreApplication.translate("Reminders", "Women's Day"),
        "labour_day": QCoreApplication.translate("Reminders", "Labour Day"),
        "teachers_day": QCoreApplication.translate("Reminders", "Teachers' Day"),
        "national_day": QCoreApplication.translate("Reminders", "National Day"),
        "christmas": QCoreApplication.translate("Reminders", "Christmas"),
        "qingming": QCoreApplication.translate("Reminders", "Qingming Festival"),
        "winter_solstice": QCoreApplication.translate("Reminders", "Winter Solstice"),
        "mothers_day": QCoreApplication.translate("Reminders", "Mother's Day"),
        "fathers_day": QCoreApplication.translate("Reminders", "Father's Day"),
    }
    return names.get(code, code)


def expiry_kind(code: str) -> str:
    words = {
        "warranty": QCoreApplication.translate("Reminders", "Warranty"),
        "maintenance": QCoreApplication.translate("Reminders", "Maintenance"),
        "policy": QCoreApplication.translate("Reminders", "Insurance policy"),
        "contract": QCoreApplication.translate("Reminders", "Contract"),
    }
    return words.get(code, code)


def festival_title(occurrence: Occurrence) -> str:
    """A festival reminder's festival: the user's name for it, or the built-in one's word."""
    return str(occurrence.details.get("name") or "") or festival_name(
        str(occurrence.details.get("festival") or occurrence.title)
    )


def describe(occurrence: Occurrence) -> str:
    """One line saying what the reminder is about, e.g. "张三 · turns 45 · lunar"."""
    o = occurrence
    name = o.contact_name or ""
    if o.kind == "festival":
        return (
            QCoreApplication.translate("Reminders", "%1 · greet %2 contacts")
            .replace("%1", festival_title(o))
            .replace("%2", str(o.recipients or 0))
        )
    if o.kind in ("birthday", "family_birthday", "special_date"):
        parts = [name]
        if o.kind == "family_birthday":
            parts.append(QCoreApplication.translate("Reminders", "for %1").replace("%1", o.title))
        elif o.kind == "special_date":
            parts.append(o.title or labels.date_kind(str(o.details.get("date_kind", ""))))
        age = o.details.get("age")
        if o.kind != "special_date" and isinstance(age, int) and age > 0:
            parts.append(
                QCoreApplication.translate("Reminders", "turns %1").replace("%1", str(age))
            )
        if o.calendar == "lunar":
            parts.append(labels.calendar("lunar"))
        return " · ".join(p for p in parts if p)
    if o.kind == "stay_in_touch":
        return (
            QCoreApplication.translate("Reminders", "%1 · every %2 days")
            .replace("%1", name)
            .replace("%2", str(o.details.get("cadence_days", "")))
        )
    if o.kind == "expiry":
        kind = expiry_kind(str(o.details.get("expiry_kind", "")))
        return " · ".join(p for p in (name, kind, o.title) if p)
    return " · ".join(p for p in (name, o.title) if p)
