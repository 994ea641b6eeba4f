"""The words exports are written in (headers, values, calendar titles), in the user's language."""

from relbook.core.festivals import DEFAULT_FESTIVALS
from relbook.core.fields import CONTACT_FIELDS
from relbook.exchange.ics import IcsWords
from relbook.words import labels, reminder_words
from relbook.words.labels import translate


def sheet_words() -> tuple[dict[str, str], dict[str, dict[str, str]]]:
    """Header and value words of a CSV / XLSX / PDF export."""
    headers = {f.export: labels.field(f.label or f.key) for f in CONTACT_FIELDS if f.export}
    values = {kind: labels.choices(kind) for kind in ("stage", "source", "gender", "personality")}
    values["level"] = {str(code): labels.level_with_number(code) for code in range(1, 6)}
    return headers, values


def ics_words() -> IcsWords:
    return IcsWords(
        birthday=translate("Ics", "{name}'s birthday"),
        family_birthday=translate("Ics", "{name}: {member}'s birthday"),
        special_date=translate("Ics", "{name}: {label}"),
        follow_up=translate("Ics", "{name}: {task}"),
        lunar_suffix=translate("Ics", " (lunar)"),
        calendar_name=translate("Ics", "relbook: birthdays and follow-ups"),
        festival_names={f.code: reminder_words.festival_name(f.code) for f in DEFAULT_FESTIVALS},
        date_kinds=labels.choices("date_kind"),
    )
