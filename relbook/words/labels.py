"""Words for the domain's codes and errors, in the interface language.

Core returns codes (``stage="customer"``, ``FieldError("name", "required")``); this module is
where they become words, for the GUI and the CLI alike. Only QtCore is used (for translation).
"""

from functools import lru_cache

from PySide6.QtCore import QCoreApplication, QLocale

from relbook.core.errors import (
    AmbiguousError,
    BookDamaged,
    BookInUse,
    FieldError,
    MigrationFailed,
    NotFoundError,
    RelbookError,
    StorageError,
)


def translate(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


def clear_cache() -> None:
    """Forget cached words after the language changes."""
    for cached in (_levels, _stages, _org_types, _roles, _personalities, _sources, _genders):
        cached.cache_clear()
    for cached in (_relations, _calendars, _date_kinds, _recurrences, _phone_labels, _fields):
        cached.cache_clear()
    for cached in (_interaction_types, _gift_directions, _occasions, _relation_kinds, _ideas):
        cached.cache_clear()
    _solar_terms.cache_clear()
    _lost_reasons.cache_clear()


@lru_cache(maxsize=1)
def _levels() -> dict[int, str]:
    return {
        1: translate("Labels", "Prospect"),
        2: translate("Labels", "Acquainted"),
        3: translate("Labels", "Engaged"),
        4: translate("Labels", "Trusted"),
        5: translate("Labels", "Ally"),
    }


@lru_cache(maxsize=1)
def _stages() -> dict[str, str]:
    return {
        "potential": translate("Labels", "Potential"),
        "interested": translate("Labels", "Interested"),
        "customer": translate("Labels", "Customer"),
        "lost": translate("Labels", "Lost / dormant"),
    }


@lru_cache(maxsize=1)
def _lost_reasons() -> dict[str, str]:
    """Why customers leave, in the order of the trainers' survey (most felt neglected)."""
    return {
        "neglected": translate("Labels", "Felt neglected"),
        "cheaper_offer": translate("Labels", "A cheaper offer"),
        "friend_advice": translate("Labels", "A friend's advice"),
        "moved_away": translate("Labels", "Moved away"),
        "natural_drift": translate("Labels", "Natural drift"),
        "death": translate("Labels", "Death"),
        "other": translate("Labels", "Other"),
    }


@lru_cache(maxsize=1)
def _org_types() -> dict[str, str]:
    return {
        "foreign": translate("Labels", "Foreign-owned"),
        "state": translate("Labels", "State-owned"),
        "private": translate("Labels", "Private"),
        "government": translate("Labels", "Government / public institution"),
        "other": translate("Labels", "Other"),
    }


@lru_cache(maxsize=1)
def _roles() -> dict[str, str]:
    return {
        "purchaser": translate("Labels", "Purchaser"),
        "user": translate("Labels", "User"),
        "gatekeeper": translate("Labels", "Technical / financial gatekeeper"),
        "decision_maker": translate("Labels", "Decision maker"),
    }


@lru_cache(maxsize=1)
def _personalities() -> dict[str, str]:
    return {
        "analytical": translate("Labels", "Analytical"),
        "driver": translate("Labels", "Driver"),
        "expressive": translate("Labels", "Expressive"),
        "amiable": translate("Labels", "Amiable"),
    }


@lru_cache(maxsize=1)
def _sources() -> dict[str, str]:
    return {
        "relative": translate("Labels", "Relative"),
        "classmate": translate("Labels", "Classmate"),
        "neighbour": translate("Labels", "Neighbour"),
        "colleague": translate("Labels", "Colleague"),
        "friend": translate("Labels", "Friend"),
        "referral": translate("Labels", "Referral"),
        "event": translate("Labels", "Event"),
        "cold_call": translate("Labels", "Cold call"),
        "other": translate("Labels", "Other"),
    }


@lru_cache(maxsize=1)
def _genders() -> dict[str, str]:
    return {
        "unknown": translate("Labels", "Not set"),
        "male": translate("Labels", "Male"),
        "female": translate("Labels", "Female"),
    }


@lru_cache(maxsize=1)
def _relations() -> dict[str, str]:
    return {
        "spouse": translate("Labels", "Spouse"),
        "child": translate("Labels", "Child"),
        "parent": translate("Labels", "Parent"),
        "sibling": translate("Labels", "Sibling"),
        "other": translate("Labels", "Other"),
    }


@lru_cache(maxsize=1)
def _calendars() -> dict[str, str]:
    return {"solar": translate("Labels", "Solar"), "lunar": translate("Labels", "Lunar")}


@lru_cache(maxsize=1)
def _date_kinds() -> dict[str, str]:
    return {
        "birthday": translate("Labels", "Birthday"),
        "wedding": translate("Labels", "Wedding anniversary"),
        "founding": translate("Labels", "Company founding day"),
        "first_deal": translate("Labels", "First deal anniversary"),
        "promotion": translate("Labels", "Promotion day"),
        "custom": translate("Labels", "Custom"),
    }


@lru_cache(maxsize=1)
def _recurrences() -> dict[str, str]:
    return {"yearly": translate("Labels", "Every year"), "once": translate("Labels", "Once")}


@lru_cache(maxsize=1)
def _solar_terms() -> dict[str, str]:
    """The 24 solar terms (节气), in the order of the solar year."""
    return {
        "xiao_han": translate("Labels", "Minor Cold"),
        "da_han": translate("Labels", "Major Cold"),
        "li_chun": translate("Labels", "Start of Spring"),
        "yu_shui": translate("Labels", "Rain Water"),
        "jing_zhe": translate("Labels", "Awakening of Insects"),
        "chun_fen": translate("Labels", "Spring Equinox"),
        "qing_ming": translate("Labels", "Pure Brightness (Qingming)"),
        "gu_yu": translate("Labels", "Grain Rain"),
        "li_xia": translate("Labels", "Start of Summer"),
        "xiao_man": translate("Labels", "Grain Buds"),
        "mang_zhong": translate("Labels", "Grain in Ear"),
        "xia_zhi": translate("Labels", "Summer Solstice"),
        "xiao_shu": translate("Labels", "Minor Heat"),
        "da_shu": translate("Labels", "Major Heat"),
        "li_qiu": translate("Labels", "Start of Autumn"),
        "chu_shu": translate("Labels", "End of Heat"),
        "bai_lu": translate("Labels", "White Dew"),
        "qiu_fen": translate("Labels", "Autumn Equinox"),
        "han_lu": translate("Labels", "Cold Dew"),
        "shuang_jiang": translate("Labels", "Frost's Descent"),
        "li_dong": translate("Labels", "Start of Winter"),
        "xiao_xue": translate("Labels", "Minor Snow"),
        "da_xue": translate("Labels", "Major Snow"),
        "dong_zhi": translate("Labels", "Winter Solstice"),
    }


@lru_cache(maxsize=1)
def _phone_labels() -> dict[str, str]:
    return {
        "mobile": translate("Labels", "Mobile"),
        "work": translate("Labels", "Work"),
        "home": translate("Labels", "Home"),
        "other": translate("Labels", "Other"),
    }


@lru_cache(maxsize=1)
def _interaction_types() -> dict[str, str]:
    return {
        "visit": translate("Labels", "Visit"),
        "call": translate("Labels", "Phone call"),
        "meal": translate("Labels", "Meal"),
        "message": translate("Labels", "Message (WeChat / SMS)"),
        "email": translate("Labels", "Email"),
        "meeting": translate("Labels", "Meeting / event"),
        "gift": translate("Labels", "Gift"),
        "greeting": translate("Labels", "Greeting"),
        "other": translate("Labels", "Other"),
    }


@lru_cache(maxsize=1)
def _gift_directions() -> dict[str, str]:
    return {"given": translate("Labels", "Given"), "received": translate("Labels", "Received")}


@lru_cache(maxsize=1)
def _occasions() -> dict[str, str]:
    return {
        "birthday": translate("Labels", "Birthday"),
        "spring_festival": translate("Labels", "Spring Festival"),
        "mid_autumn": translate("Labels", "Mid-Autumn Festival"),
        "dragon_boat": translate("Labels", "Dragon Boat Festival"),
        "thanks": translate("Labels", "Thanks"),
        "visit": translate("Labels", "Visit"),
        "wedding": translate("Labels", "Wedding"),
        "other": translate("Labels", "Other"),
    }


@lru_cache(maxsize=1)
def _relation_kinds() -> dict[str, str]:
    return {
        "superior": translate("Labels", "Superior"),
        "subordinate": translate("Labels", "Subordinate"),
        "peer": translate("Labels", "Peer"),
        "family": translate("Labels", "Spouse / family"),
        "friend": translate("Labels", "Friend"),
        "other": translate("Labels", "Other"),
    }


@lru_cache(maxsize=1)
def _ideas() -> dict[str, str]:
    return {"open": translate("Labels", "Open"), "used": translate("Labels", "Used")}


@lru_cache(maxsize=1)
def _fields() -> dict[str, str]:
    return {
        "name": translate("Fields", "Name"),
        "salutation": translate("Fields", "Salutation"),
        "gender": translate("Fields", "Gender"),
        "company": translate("Fields", "Company"),
        "org_type": translate("Fields", "Company type"),
        "department": translate("Fields", "Department"),
        "title": translate("Fields", "Title"),
        "buying_role": translate("Fields", "Buying role"),
        "is_insider": translate("Fields", "Insider"),
        "phones": translate("Fields", "Phones"),
        "email": translate("Fields", "Email"),
        "wechat": translate("Fields", "WeChat"),
        "qq": translate("Fields", "QQ"),
        "address": translate("Fields", "Address"),
        "source": translate("Fields", "How met"),
        "source_detail": translate("Fields", "How met, details"),
        "referred_by_id": translate("Fields", "Referred by"),
        "hobbies": translate("Fields", "Hobbies"),
        "topics": translate("Fields", "Favourite topics"),
        "food_likes": translate("Fields", "Food likes"),
        "food_taboos": translate("Fields", "Food taboos"),
        "hometown": translate("Fields", "Hometown"),
        "school": translate("Fields", "School"),
        "proud_moments": translate("Fields", "Proud moments"),
        "quotes": translate("Fields", "Classic quotes"),
        "notes": translate("Fields", "Notes"),
        "level": translate("Fields", "Relationship level"),
        "stage": translate("Fields", "Customer stage"),
        "lost_note": translate("Fields", "Note on the loss"),
        "stage_history": translate("Fields", "Stage history"),
        "score_near": translate("Fields", "Near-term business size"),
        "score_future": translate("Fields", "Future business size"),
        "score_profit": translate("Fields", "Profit of the current project"),
        "score_risk": translate("Fields", "Risk"),
        "score_strategic": translate("Fields", "Strategic value"),
        "tier": translate("Fields", "Tier"),
        "scores": translate("Fields", "Importance answers"),
        "personality": translate("Fields", "Personality style"),
        "cadence_days": translate("Fields", "Stay-in-touch every (days)"),
        "tags": translate("Fields", "Tags"),
        "family": translate("Fields", "Family members"),
        "dates": translate("Fields", "Special dates"),
        "birthday": translate("Fields", "Birthday"),
        "tier.a_min": translate("Fields", "Tier A from total"),
        "tier.b_min": translate("Fields", "Tier B from total"),
        "ui.language": translate("Fields", "Language"),
        "contacts": translate("Fields", "Contacts involved"),
        "contact": translate("Fields", "Contact"),
        "kind": translate("Fields", "Type"),
        "occurred_at": translate("Fields", "Date and time"),
        "place": translate("Fields", "Place"),
        "outcome": translate("Fields", "Outcome"),
        "next_step": translate("Fields", "Next step"),
        "next_step_due": translate("Fields", "Due"),
        "item": translate("Fields", "Gift"),
        "value": translate("Fields", "Value (CNY)"),
        "direction": translate("Fields", "Given or received"),
        "occasion": translate("Fields", "Occasion"),
        "recipient": translate("Fields", "Recipient"),
        "given_on": translate("Fields", "Date"),
        "idea": translate("Fields", "Gift idea"),
        "status": translate("Fields", "Status"),
        "referrer": translate("Fields", "Referred by"),
        "referred": translate("Fields", "Referred contact"),
        "relation": translate("Fields", "Relation"),
        "gifts.audit_threshold": translate("Fields", "Flag received gifts above (CNY)"),
        "remind.daily_time": translate("Fields", "Daily reminder time"),
        "remind.advance.birthday": translate("Fields", "Birthdays: remind"),
        "remind.advance.special_date": translate("Fields", "Anniversaries: remind"),
        "remind.advance.festival": translate("Fields", "Festivals: remind"),
        "ui.close_to_tray": translate("Fields", "Closing the window keeps relbook in the tray"),
        "calendar": translate("Fields", "Calendar"),
        "festival": translate("Fields", "Festival"),
        "festival_name": translate("Fields", "Festival name"),
        "festival_date": translate("Fields", "Festival date"),
        "festival_rule": translate("Fields", "Falls on"),
        "solar_term": translate("Fields", "Solar term"),
        "month": translate("Fields", "Month"),
        "week": translate("Fields", "Which week of the month"),
        "weekday": translate("Fields", "Day of the week"),
        "title_task": translate("Fields", "Task"),
        "notice_days": translate("Fields", "Days of notice"),
        "from": translate("Fields", "First day"),
        "days": translate("Fields", "Number of days"),
        "demo_contacts": translate("Fields", "Number of contacts"),
        "referred_on": translate("Fields", "Referral date"),
        "last_contacted": translate("Fields", "Last contacted"),
        "interactions": translate("Fields", "Latest interactions"),
        "next_birthday": translate("Fields", "Next birthday"),
        "created_at": translate("Fields", "Added on"),
        "file": translate("Fields", "File"),
        "card": translate("Fields", "Card"),
        "export.columns": translate("Fields", "Export columns"),
        "backup": translate("Fields", "Backup"),
        "book": translate("Fields", "Book"),
        "backup.folder": translate("Fields", "Backup folder"),
        "backup.keep_daily": translate("Fields", "Daily backups kept"),
        "backup.keep_weekly": translate("Fields", "Weekly backups kept"),
        "deal": translate("Fields", "Opportunity"),
        "deal_title": translate("Fields", "Opportunity title"),
        "amount": translate("Fields", "Amount (CNY)"),
        "deal_stage": translate("Fields", "Funnel stage"),
        "deal_stages": translate("Fields", "Funnel stages"),
        "deal_stage_name": translate("Fields", "Stage name"),
        "deal_stage_code": translate("Fields", "Stage code"),
        "default_rate": translate("Fields", "Default win rate"),
        "deal_date": translate("Fields", "Date"),
        "expected_close": translate("Fields", "Expected close"),
        "organization": translate("Fields", "Organization"),
        "lost_reason": translate("Fields", "Why it was lost"),
        "period_end": translate("Fields", "Last day"),
        "deal.funnel_min_amount": translate("Fields", "Keep out of the funnel below (CNY)"),
        "product": translate("Fields", "Product"),
        "bought_on": translate("Fields", "Bought on"),
        "renewal_on": translate("Fields", "Renewal"),
    }


def backup_reason(code: str) -> str:
    """Why a backup was taken, from the reason in its file name."""
    words = {
        "daily": translate("Labels", "Daily"),
        "manual": translate("Labels", "Made by hand"),
        "before-migration": translate("Labels", "Before an upgrade"),
        "before-import": translate("Labels", "Before an import"),
        "before-restore": translate("Labels", "Before a restore"),
    }
    return words.get(code, code)


def data_size(size: int) -> str:
    """A file size for people (``1.2 MB``) in the interface's locale."""
    return QLocale().formattedDataSize(size, 1, QLocale.DataSizeFormat.DataSizeTraditionalFormat)


def interaction_type(code: str | None) -> str:
    return _interaction_types().get(code or "", code or "")


def gift_direction(code: str | None) -> str:
    return _gift_directions().get(code or "", code or "")


def occasion(code: str | None) -> str:
    """A known occasion's word, or the free text the user typed."""
    return _occasions().get(code or "", code or "")


def relation_kind(code: str | None) -> str:
    return _relation_kinds().get(code or "", code or "")


def idea_status(code: str | None) -> str:
    return _ideas().get(code or "", code or "")


def level(code: int) -> str:
    return _levels().get(code, str(code))


def level_with_number(code: int) -> str:
    return f"{code} {level(code)}"


def stage(code: str | None) -> str:
    return _stages().get(code or "", code or "")


def customer_lost_reason(code: str | None) -> str:
    return _lost_reasons().get(code or "", code or "")


def org_type(code: str | None) -> str:
    return _org_types().get(code or "", code or "")


def buying_role(code: str | None) -> str:
    return _roles().get(code or "", code or "")


def personality(code: str | None) -> str:
    return _personalities().get(code or "", code or "")


def source(code: str | None) -> str:
    return _sources().get(code or "", code or "")


def gender(code: str | None) -> str:
    return _genders().get(code or "", code or "")


def relation(code: str | None) -> str:
    return _relations().get(code or "", code or "")


def calendar(code: str | None) -> str:
    return _calendars().get(code or "", code or "")


def date_kind(code: str | None) -> str:
    return _date_kinds().get(code or "", code or "")


def recurrence(code: str | None) -> str:
    return _recurrences().get(code or "", code or "")


def solar_term(code: str | None) -> str:
    return _solar_terms().get(code or "", code or "")


def phone_label(code: str | None) -> str:
    return _phone_labels().get(code or "", code or "")


def field(name: str) -> str:
    return _fields().get(name, name)


def choices(kind: str) -> dict[str, str]:
    """Code -> word for a vocabulary, in display order (for combo boxes)."""
    tables = {
        "stage": _stages,
        "customer_lost_reason": _lost_reasons,
        "org_type": _org_types,
        "buying_role": _roles,
        "personality": _personalities,
        "source": _sources,
        "gender": _genders,
        "relation": _relations,
        "calendar": _calendars,
        "date_kind": _date_kinds,
        "recurrence": _recurrences,
        "solar_term": _solar_terms,
        "phone_label": _phone_labels,
        "interaction_type": _interaction_types,
        "gift_direction": _gift_directions,
        "occasion": _occasions,
        "relation_kind": _relation_kinds,
        "idea_status": _ideas,
    }
    return dict(tables[kind]())


def error_text(error: FieldError) -> str:
    """One sentence saying what is wrong with which field."""
    p = error.params
    messages = {
        "required": translate("Errors", "%1 must not be empty."),
        "too_long": translate("Errors", "%1 is too long (at most %2 characters)."),
        "not_a_choice": translate("Errors", '%1: "%2" is not one of the allowed values.'),
        "out_of_range": translate("Errors", "%1 must be between %2 and %3."),
        "invalid_email": translate("Errors", '%1: "%2" is not an email address.'),
        "invalid_phone": translate("Errors", '%1: "%2" is not a phone number.'),
        "invalid_qq": translate("Errors", '%1: "%2" is not a QQ number (5 to 12 digits).'),
        "month_out_of_range": translate("Errors", "%1: there is no month %2."),
        "impossible_date": translate("Errors", "%1: %2 does not exist."),
        "leap_only_lunar": translate("Errors", "%1: only lunar dates have leap months."),
        "year_out_of_range": translate("Errors", "%1: year %2 is out of range."),
        "lunar_day_out_of_range": translate("Errors", "%1: a lunar month has no day %2."),
        "lunar_year_out_of_range": translate(
            "Errors", "%1: lunar dates are supported from %3 to %4, not %2."
        ),
        "no_leap_month": translate("Errors", "%1: lunar year %2 has no leap month %3."),
        "lunar_day_missing": translate(
            "Errors", "%1: lunar month %3 of %2 has only %4 days, so day %5 does not exist."
        ),
        "once_needs_year": translate("Errors", "%1: a one-time date needs a year."),
        "custom_needs_label": translate("Errors", "%1: a custom date needs a name."),
        "several_birthdays": translate("Errors", "%1: a contact has only one birthday."),
        "member_needs_name": translate("Errors", "%1: every family member needs a name."),
        "self_reference": translate("Errors", "%1: a contact cannot refer themselves."),
        "same_contact": translate("Errors", "%1: both are the same contact; choose two."),
        "not_found": translate("Errors", "%1: no contact with id %2."),
        "wrong_type": translate("Errors", "%1 has the wrong kind of value."),
        "too_small": translate("Errors", "%1 must be at least %2."),
        "too_large": translate("Errors", "%1 must be at most %2."),
        "bad_format": translate(
            "Errors", '%1: "%2" is not a date; write YYYY-MM-DD, or --MM-DD without a year.'
        ),
        "lunar_needs_date": translate("Errors", "%1: --lunar and --leap need --birthday."),
        "born_in_future": translate(
            "Errors", "%1: %2 is after today; nobody can be born on a day still to come."
        ),
        "bad_scores": translate(
            "Errors",
            '%1 (%2): "%3" is not five answers from 1 to 5; write them separated by commas in '
            "this order: near-term size, future size, profit, risk, strategic value "
            "(e.g. 4,3,5,2,4).",
        ),
        "in_future": translate("Errors", "%1: %2 is after today."),
        "stage_lost_needs_reason": translate(
            "Errors", "A move to lost (--stage lost) needs --lost-reason, one of: %2."
        ),
        "reason_needs_lost": translate(
            "Errors", "--lost-reason and --lost-note go only with a move to lost (--stage lost)."
        ),
        "before_purchase": translate("Errors", "%1: %2 is before the day of the purchase."),
        "custom_needs_title": translate("Errors", "%1: a custom day needs its name, --title."),
        "birthday_exists": translate(
            "Errors",
            '%1: this contact already has one (%2); change it with "contact edit --birthday".',
        ),
        "date_exists": translate("Errors", "%1: this contact already has this day (%2)."),
        "member_exists": translate(
            "Errors", '%1: "%2" is already recorded in this contact\'s family.'
        ),
        "due_needs_step": translate("Errors", "%1: a due date needs a next step to do."),
        "not_an_amount": translate(
            "Errors", '%1: "%2" is not an amount; write a number such as 388 or 1,280.50.'
        ),
        "not_family": translate("Errors", "%1 is not one of this contact's family members."),
        "bad_time": translate("Errors", '%1: "%2" is not a time of day; write HH:MM.'),
        "referral_cycle": translate(
            "Errors", "%1: this contact already stands above the referrer in the referral tree."
        ),
        "bad_datetime": translate(
            "Errors", '%1 (%2): "%3" is not a date; write YYYY-MM-DD or YYYY-MM-DDTHH:MM.'
        ),
        "bad_day": translate("Errors", '%1 (%2): "%3" is not a date; write YYYY-MM-DD.'),
        "no_family_member": translate(
            "Errors", '%1: "%2" is not a family member of this contact (family: %3).'
        ),
        "no_family": translate(
            "Errors", '%1: "%2" is not a family member; this contact has none recorded.'
        ),
        "json_not_supported": translate(
            "Errors", '%1 "%2": importing JSON is not supported yet; use vCard, CSV or Excel.'
        ),
        "unknown_format": translate(
            "Errors",
            '%1 "%2": unknown format; vCard (.vcf), CSV (.csv) and Excel (.xlsx) files can be '
            "imported.",
        ),
        "empty": translate("Errors", '%1 "%2" is empty.'),
        "not_text": translate("Errors", '%1 "%2" is neither a text file nor a workbook.'),
        "bad_encoding": translate(
            "Errors", '%1 "%2" cannot be decoded; try another encoding, for example GBK.'
        ),
        "bad_csv": translate("Errors", '%1 "%2" is not a readable CSV file (line %3).'),
        "bad_xlsx": translate("Errors", '%1 "%2" is not a readable Excel workbook.'),
        "xls_not_supported": translate(
            "Errors", '%1 "%2" is an old Excel .xls file; save it as .xlsx first.'
        ),
        "no_records": translate("Errors", '%1 "%2" holds no contacts that can be imported.'),
        "cannot_read": translate("Errors", '%1 "%2" cannot be read: %3'),
        "cannot_write": translate("Errors", '%1 "%2" cannot be written: %3'),
        "archive_not_json": translate(
            "Errors", '%1 "%2" is not readable JSON; it may be damaged or cut off.'
        ),
        "archive_wrong_format": translate("Errors", '%1 "%2" is not a relbook archive.'),
        "archive_too_new": translate(
            "Errors",
            '%1 "%2" was written by a newer relbook (archive version %3); update relbook first.',
        ),
        "archive_missing_column": translate(
            "Errors", '%1 "%2" is damaged: a row of table "%3" has no "%4".'
        ),
        "archive_bad_value": translate(
            "Errors", '%1 "%2" is damaged: table "%3" holds a wrong value in "%4".'
        ),
        "archive_inconsistent": translate(
            "Errors", '%1 "%2" is damaged: its rows break the rules of a book.'
        ),
        "archive_count_mismatch": translate(
            "Errors", '%1 "%2": the copy of table "%3" does not match the archive.'
        ),
        "archive_book_not_empty": translate(
            "Errors", '%1 "%2": an archive can be copied only into an empty book.'
        ),
        "archive_whole_book": translate(
            "Errors",
            '%1 "%2": a JSON archive always holds the whole book; leave out --search, --tier '
            "and --contact.",
        ),
        "unknown_column": translate("Errors", "%1: no such column: %2. The columns are: %3."),
        "repeated_column": translate("Errors", '%1: the column "%2" is listed twice.'),
        "unknown_festival": translate(
            "Errors", '%1: "%2" is not a festival of this book. The festivals are: %3.'
        ),
        "no_festival_day": translate(
            "Errors", "%1: the calendar tables hold no day of this festival in %2."
        ),
        "columns_need_sheet": translate(
            "Errors", "%1: only CSV and Excel (xlsx) exports have columns to choose, not %2."
        ),
        "backup_missing": translate(
            "Errors", '%1 "%2" does not exist; it may have been moved or deleted.'
        ),
        "backup_cannot_read": translate("Errors", '%1 "%2" cannot be read: %3'),
        "backup_not_sqlite": translate(
            "Errors", '"%2" is not a relbook backup: it is not a database file.'
        ),
        "backup_damaged": translate("Errors", '%1 "%2" is damaged and cannot be restored (%3).'),
        "backup_not_relbook": translate(
            "Errors", '"%2" is a database of another program, not a relbook book.'
        ),
        "backup_unknown_revision": translate(
            "Errors", '%1 "%2" comes from a newer relbook (schema %3); update relbook first.'
        ),
        "backup_cannot_write": translate("Errors", 'No backup could be written to "%2": %3'),
        "backup_disk_full": translate(
            "Errors", 'No backup could be written to "%2": the disk is full.'
        ),
        "backup_folder_unwritable": translate(
            "Errors", 'Backups cannot be written to the folder "%2" (%3).'
        ),
        "backup_is_book": translate(
            "Errors", '"%2" is the book itself; choose another file for the backup.'
        ),
        "restore_cannot_write": translate(
            "Errors", 'The book in "%2" could not be replaced (%3); it was not changed.'
        ),
        "book_missing": translate("Errors", 'There is no book at "%2" yet.'),
        "card_unreadable": translate("Errors", "This card cannot be read: %2"),
        "card_truncated": translate(
            "Errors", "The file ends inside this card; what was read is imported."
        ),
        "unknown_stage": translate(
            "Errors", '%1: "%2" is not a stage of the funnel. The stages are: %3.'
        ),
        "deal_needs_contact": translate(
            "Errors", "%1: an opportunity needs at least one contact in its buying centre."
        ),
        "no_organization": translate("Errors", "%1: there is no organization with id %2."),
        "deal_closed": translate(
            "Errors", "%1: this opportunity is already closed (%2); only open ones can change."
        ),
        "before_stage_since": translate(
            "Errors", "%1: the opportunity has been in its stage only since %2."
        ),
        "lost_needs_reason": translate(
            "Errors", "%1: say why the opportunity was lost, one of: %2."
        ),
        "unknown_lost_reason": translate(
            "Errors", '%1: "%2" is not a reason for a lost opportunity; use one of: %3.'
        ),
        "unknown_role": translate("Errors", '%1: "%2" is not a role; use one of: %3.'),
        "not_in_buying_centre": translate(
            "Errors", "%1: contact %2 is not in this opportunity's buying centre."
        ),
        "stage_in_use": translate(
            "Errors",
            '%1: the stage "%2" cannot be removed: opportunities stand in it or passed through it.',
        ),
        "bad_stage_code": translate(
            "Errors", '%1: "%2" is not a stage code; use lowercase letters, digits and _.'
        ),
        "repeated_stage": translate("Errors", '%1: the stage "%2" is listed twice.'),
        "end_before_start": translate("Errors", "%1: the period ends before it begins (%2)."),
        "not_an_amount_option": translate(
            "Errors", '%1 (%2): "%3" is not an amount; write a number of yuan such as 120000.'
        ),
    }
    template = messages.get(error.code, translate("Errors", "%1 is not valid."))
    if error.code == "impossible_date":
        year = p.get("year")
        shown = (
            f"{year:04d}-{p['month']:02d}-{p['day']:02d}"
            if year
            else f"--{p['month']:02d}-{p['day']:02d}"
        )
        args: list[object] = [shown]
    elif error.code in ("born_in_future", "birthday_exists", "date_exists"):
        shown = str(p.get("value"))
        args = [f"{calendar('lunar')} {shown}" if p.get("calendar") == "lunar" else shown]
    elif error.code == "out_of_range":
        args = [p.get("min"), p.get("max")]
    elif error.code == "lunar_day_missing":
        args = [p.get("year"), p.get("month"), p.get("days"), p.get("day")]
    elif error.code == "lunar_year_out_of_range":
        args = [p.get("year"), p.get("min"), p.get("max")]
    elif error.code == "no_leap_month":
        args = [p.get("year"), p.get("month")]
    elif error.code in ("too_long",):
        args = [p.get("max")]
    elif error.code == "too_small":
        args = [p.get("minimum")]
    elif error.code == "too_large":
        args = [p.get("maximum")]
    elif error.code in ("not_found", "not_in_buying_centre"):
        args = [p.get("id")]
    elif error.code in ("unknown_stage", "unknown_lost_reason", "unknown_role"):
        args = [p.get("value"), p.get("choices")]
    elif error.code == "lost_needs_reason":
        args = [p.get("choices")]
    elif error.code == "not_an_amount_option":
        args = [p.get("option"), p.get("value")]
    elif error.code == "month_out_of_range":
        args = [p.get("month")]
    elif error.code == "lunar_day_out_of_range":
        args = [p.get("day")]
    elif error.code == "year_out_of_range":
        args = [p.get("year")]
    elif error.code in ("bad_datetime", "bad_day", "bad_scores"):
        args = [p.get("option"), p.get("value")]
    elif error.code == "no_family_member":
        args = [p.get("value"), p.get("members")]
    elif error.code == "bad_csv":
        args = [p.get("value"), p.get("line")]
    elif error.code.startswith("archive_"):
        args = [p.get("value"), p.get("table", p.get("version", "")), p.get("column", "")]
    elif error.code == "stage_lost_needs_reason":
        args = [p.get("choices")]
    elif error.code in ("unknown_column", "unknown_festival"):
        args = [p.get("value"), p.get("choices")]
    elif error.code in ("cannot_read", "cannot_write"):
        args = [p.get("value"), p.get("reason")]
    elif error.code.startswith(("backup_", "restore_")):
        args = [p.get("value"), p.get("reason", p.get("revision", ""))]
    else:
        args = [p.get("value", "")]
    text = template.replace("%1", field(error.field))
    for index, value in enumerate(args, start=2):
        text = text.replace(f"%{index}", str(value))
    return text


def problem_text(problem: RelbookError) -> str:
    """Words for any service error."""
    from relbook.core.errors import ValidationError

    if isinstance(problem, ValidationError):
        return "\n".join(error_text(e) for e in problem.errors)
    if isinstance(problem, AmbiguousError):
        several = (
            translate("Errors", '"%1" matches several companies; write the whole name:')
            if problem.what == "organization"
            else translate("Errors", '"%1" matches several contacts; use an id:')
        )
        lines = [several.replace("%1", problem.key)]
        lines += [f"  {cid}\t{label}" for cid, label in problem.candidates]
        return "\n".join(lines)
    if isinstance(problem, NotFoundError):
        return not_found_text(problem)
    if isinstance(problem, StorageError):
        return storage_text(problem)
    if isinstance(problem, BookDamaged):
        return damaged_text(problem)
    if isinstance(problem, BookInUse):
        return in_use_text(problem)
    if isinstance(problem, MigrationFailed):
        return migration_failed_text(problem)
    return str(problem)


def not_found_text(problem: NotFoundError) -> str:
    """Words for a record that is not there, naming what was looked for."""
    by_id = {
        "opportunity": translate("Errors", "No opportunity with id %1."),
        "purchase": translate("Errors", "No purchase with id %1."),
        "interaction": translate("Errors", "No interaction with id %1."),
        "gift": translate("Errors", "No gift with id %1."),
        "gift idea": translate("Errors", "No gift idea with id %1."),
        "task": translate("Errors", "No task with id %1."),
        "festival": translate("Errors", 'No festival "%1".'),
        "deal stage": translate("Errors", 'No stage "%1" in the funnel.'),
    }
    if problem.what in ("contact", "referrer"):
        template = translate("Errors", 'No contact found for "%1".')
    elif problem.what == "organization":
        template = translate("Errors", 'No company found for "%1".')
    else:
        template = by_id.get(problem.what, translate("Errors", 'Nothing found for "%1".'))
    return template.replace("%1", problem.key)


def migration_failed_text(problem: MigrationFailed) -> str:
    """A failed upgrade changed nothing; say so, and how to get back to work."""
    text = translate(
        "Errors",
        "The book %1 could not be upgraded for this version of relbook, so the upgrade was "
        "undone and the book is exactly as it was. To keep working with it, go back to the "
        "relbook version you used before, and send the log in the data folder's logs folder "
        "to support.",
    ).replace("%1", problem.path)
    if problem.backup:
        text += " " + translate("Errors", "A copy taken before the upgrade is %1.").replace(
            "%1", problem.backup
        )
    return text


def in_use_text(problem: BookInUse) -> str:
    """Why a second writer was turned away, and what to do."""
    template = (
        translate(
            "Errors",
            "relbook is already working on the book in %1 (process %2). Close its window, or "
            "wait for the other command to finish, then try again.",
        )
        if problem.owner
        else translate(
            "Errors",
            "relbook is already working on the book in %1. Close its window, or wait for the "
            "other command to finish, then try again.",
        )
    )
    return template.replace("%1", problem.data_dir).replace("%2", str(problem.owner))


def storage_text(problem: StorageError) -> str:
    """Words for a fault of the disk or of another program, naming the file or folder."""
    messages = {
        "locked": translate(
            "Errors",
            "The book %1 is busy: another program is using it. Nothing was changed; close the "
            "other program (or wait a moment) and try again.",
        ),
        "disk_full": translate(
            "Errors",
            "The disk holding the book %1 is full. Nothing was changed; free some space and "
            "try again.",
        ),
        "read_only": translate(
            "Errors",
            "The book %1 cannot be written: the file or its folder is read-only. Nothing was "
            "changed.",
        ),
        "cannot_open": translate(
            "Errors",
            "The book %1 cannot be opened: the file or its folder is missing or cannot be "
            "created. Check that the drive is connected.",
        ),
        "no_folder": translate(
            "Errors",
            "The book's folder %1 does not exist and cannot be created. Check that the drive "
            "is connected, or choose another folder with --data-dir or RELBOOK_HOME.",
        ),
        "io_error": translate(
            "Errors",
            "The disk failed to read or write the book %1. Nothing was changed; check the "
            "drive and try again.",
        ),
        "damaged": translate(
            "Errors",
            "The book %1 is damaged. Quit relbook; at the next start it offers to restore the "
            "newest good backup.",
        ),
    }
    template = messages.get(
        problem.code, translate("Errors", "The book %1 could not be read or written.")
    )
    return template.replace("%1", problem.path)


def damaged_text(problem: BookDamaged) -> str:
    """What is wrong and the way back; the command to run is added by the CLI."""
    lines = [
        translate(
            "Errors", "The book file %1 is damaged; relbook has left it exactly as it is."
        ).replace("%1", problem.path)
    ]
    if problem.backup:
        lines.append(
            translate("Errors", "The newest good backup is %1.").replace("%1", problem.backup)
        )
    else:
        lines.append(translate("Errors", "No good backup of it was found."))
    return "\n".join(lines)
