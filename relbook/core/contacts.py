"""The contact service: create, edit, change level, delete to trash, restore, look up.

Callers open the session and commit it; every function here works inside that one unit of work,
so a failed validation changes nothing.
"""

from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field
from datetime import date, datetime
from operator import attrgetter
from typing import cast

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session, selectinload

from relbook.core import pinyin
from relbook.core.cadence import cadence_rule, default_cadences, effective_cadence
from relbook.core.calendar import CalendarDate, next_occurrence
from relbook.core.changes import BookChanges, Saved
from relbook.core.contact_input import (
    ContactInput,
    DateInput,
    FamilyInput,
    PhoneInput,
)
from relbook.core.enums import CalendarKind, DateKind, OrgType, Recurrence, Stage
from relbook.core.errors import AmbiguousError, FieldError, NotFoundError, ValidationError
from relbook.core.fields import PLAIN_FIELDS, SEARCHED
from relbook.core.history import refresh_last_contacted
from relbook.core.merge_undo import merges_to_undo, undo_merge
from relbook.core.models import (
    Contact,
    FamilyMember,
    LevelChange,
    Organization,
    Phone,
    SpecialDate,
    StageChange,
    Tag,
)
from relbook.core.referrals import sync_referred_by
from relbook.core.settings import get_setting
from relbook.core.tasks import record_deal_thanks
from relbook.core.tiers import SCORE_FIELDS, TierThresholds, tier_for
from relbook.core.validation import validate_contact

_plain_values = attrgetter(*PLAIN_FIELDS)


def thresholds(session: Session) -> TierThresholds:
    return TierThresholds(get_setting(session, "tier.a_min"), get_setting(session, "tier.b_min"))


def digits_only(text: str) -> str:
    if text.isdigit():
        return text  # most numbers: nothing to take out
    return "".join(c for c in text if c.isdigit())


def search_text(values: Mapping[str, str | Sequence[str]]) -> str:
    """Lowercase haystack for the non-name part of as-you-type search.

    ``values`` holds each searched field (``fields.SEARCHED``) by its key; they are laid out in
    that order. Phones appear as typed and as digits only, so "138 0013" and "1380013" both
    find them; the other lists (tags) are sorted.
    """
    parts: list[str] = []
    for searched in SEARCHED:
        value = values[searched.key]
        if isinstance(value, str):
            parts.append(value)
        elif searched.key == "phones":
            parts += value
            parts += (digits_only(p) for p in value)
        else:
            parts += sorted(value)
    return "\n".join([p.strip().lower() for p in parts if p and p.strip()])


def build_search_text(contact: Contact, company: str, tags: list[str]) -> str:
    values: dict[str, str | Sequence[str]] = {
        f.key: getattr(contact, f.column) for f in SEARCHED if f.column
    }
    values.update(company=company, phones=[p.number for p in contact.phones], tags=tags)
    return search_text(values)


def birthday_of(contact: Contact) -> SpecialDate | None:
    return next((d for d in contact.special_dates if d.kind == DateKind.BIRTHDAY), None)


def calendar_date_of(special: SpecialDate) -> CalendarDate:
    return CalendarDate(
        CalendarKind(special.calendar),
        special.month,
        special.day,
        special.year,
        special.is_leap_month,
    )


def next_birthday_for(contact: Contact, today: date) -> date | None:
    birthday = birthday_of(contact)
    if birthday is None:
        return None
    return next_occurrence(calendar_date_of(birthday), Recurrence(birthday.recurrence), today)


def organization_values(name: str, org_type: str | None, now: datetime) -> dict[str, object]:
    """The row of a new organization called ``name`` (already stripped)."""
    return dict(
        name=name,
        sort_key=pinyin.sort_key(name),
        org_type=org_type or OrgType.OTHER,
        notes="",
        created_at=now,
    )


def organization_for(
    session: Session, name: str, org_type: str | None, now: datetime
) -> int | None:
    """The id of the organization called ``name``, created if new; None for no company.

    A type given for an existing organization replaces its type.
    """
    name = name.strip()
    if not name:
        return None
    org = session.scalar(select(Organization).where(Organization.name == name))
    if org is None:
        org = Organization(**organization_values(name, org_type, now))
        session.add(org)
        session.flush()
    elif org_type and org.org_type != org_type:
        org.org_type = org_type
    return org.id


def clean_tag_names(names: list[str]) -> list[str]:
    """Tag names as stored: stripped, without blanks and repeats, in the order first given."""
    wanted: list[str] = []
    for raw in names:
        cleaned = raw.strip()
        if cleaned and cleaned not in wanted:
            wanted.append(cleaned)
    return wanted


def tags_for(session: Session, names: list[str]) -> list[Tag]:
    wanted = clean_tag_names(names)
    if not wanted:
        return []
    existing = {t.name: t for t in session.scalars(select(Tag).where(Tag.name.in_(wanted)))}
    result = []
    for name in wanted:
        tag = existing.get(name)
        if tag is None:
            tag = Tag(name=name)
            session.add(tag)
        result.append(tag)
    return result


# The *_values functions below are the rows a ContactInput becomes, derived columns included.
# The services build ORM objects from them and relbook.core.contact_batch inserts them as they
# are, so a contact stored either way is the same.


def phone_values(data: ContactInput) -> list[dict[str, object]]:
    """Phone rows (label, number, position); blank numbers are left out."""
    numbers = [(p.label, p.number.strip()) for p in data.phones]
    return [
        dict(label=label, number=number, position=position)
        for position, (label, number) in enumerate(x for x in numbers if x[1])
    ]


def date_values(dates: list[DateInput]) -> list[dict[str, object]]:
    """Special date rows, without their owner."""
    return [
        dict(
            kind=d.kind,
            label=d.label.strip(),
            calendar=d.calendar,
            year=d.year,
            month=d.month,
            day=d.day,
            is_leap_month=d.leap,
            recurrence=d.recurrence,
        )
        for d in dates
    ]


def family_values(data: ContactInput) -> list[tuple[dict[str, object], list[dict[str, object]]]]:
    """(member row, rows of the member's dates) for each family member."""
    return [
        (
            dict(relation=m.relation, name=m.name.strip(), notes=m.notes.strip(), position=i),
            date_values(m.dates),
        )
        for i, m in enumerate(data.family)
    ]


def first_level_values(data: ContactInput, today: date) -> dict[str, object]:
    """The level history's first row: the starting level, with its note."""
    return dict(
        changed_at=today, from_level=None, to_level=data.level, note=data.level_note.strip()
    )


def stage_change_values(
    data: ContactInput, from_stage: str | None, today: date
) -> dict[str, object]:
    """A stage history row: the move from ``from_stage`` (None for the starting row) to
    ``data.stage``. Only a move to lost keeps the reason and the note (the reason may be None
    for records copied from elsewhere)."""
    lost = data.stage == Stage.LOST
    return dict(
        changed_on=today,
        from_stage=from_stage,
        to_stage=data.stage,
        reason=(data.lost_reason or None) if lost else None,
        note=data.lost_note.strip() if lost else "",
    )


def next_birthday_from(dates: list[DateInput], today: date) -> date | None:
    """The next day the first birthday among ``dates`` is kept (None without one)."""
    birthday = next((d for d in dates if d.kind == DateKind.BIRTHDAY), None)
    if birthday is None:
        return None
    return next_occurrence(birthday.as_calendar_date(), Recurrence(birthday.recurrence), today)


def contact_values(
    data: ContactInput,
    organization_id: int | None,
    tag_names: list[str],
    limits: TierThresholds,
    now: datetime,
) -> dict[str, object]:
    """The contact columns that saving ``data`` writes (all but level and created_at).

    ``tag_names`` are the cleaned names (``clean_tag_names``); pinyin, sort key, tier, next
    birthday and search text are derived here.
    """
    name = data.name.strip()
    spelled, sort_key, _ = pinyin.name_keys(name)
    values: dict[str, object] = dict(name=name, name_pinyin=spelled, sort_key=sort_key)
    values.update(
        (field_name, value.strip() if isinstance(value, str) else value)
        for field_name, value in zip(PLAIN_FIELDS, _plain_values(data), strict=True)
    )
    values["organization_id"] = organization_id
    tier = tier_for({score: getattr(data, score) for score in SCORE_FIELDS}, limits)
    values["tier"] = tier.value if tier else None
    values["next_birthday"] = next_birthday_from(data.dates, now.date())
    text: dict[str, str | Sequence[str]] = {
        f.key: cast(str, values[f.key]) for f in SEARCHED if f.plain
    }
    text.update(
        company=data.company.strip(),
        phones=[cast(str, p["number"]) for p in phone_values(data)],
        tags=tag_names,
    )
    values["search_text"] = search_text(text)
    values["updated_at"] = now
    return values


def _check(
    session: Session,
    data: ContactInput,
    contact_id: int | None,
    today: date,
    *,
    needs_lost_reason: bool = False,
) -> None:
    """Raise ``ValidationError`` with every problem; ``needs_lost_reason`` when the save moves
    the contact to lost, which must say why."""
    errors = validate_contact(data, today)
    if needs_lost_reason and not data.lost_reason:
        errors.append(FieldError("lost_reason", "required"))
    if data.referred_by_id is not None:
        if data.referred_by_id == contact_id:
            errors.append(FieldError("referred_by_id", "self_reference"))
        elif session.get(Contact, data.referred_by_id) is None:
            errors.append(FieldError("referred_by_id", "not_found", {"id": data.referred_by_id}))
    if errors:
        raise ValidationError(errors)


def _apply(session: Session, contact: Contact, data: ContactInput, now: datetime) -> None:
    organization_id = organization_for(session, data.company, data.org_type, now)
    tags = tags_for(session, data.tags)
    values = contact_values(data, organization_id, [t.name for t in tags], thresholds(session), now)
    for column, value in values.items():
        setattr(contact, column, value)
    contact.phones = [Phone(**row) for row in phone_values(data)]
    contact.tags = tags
    contact.special_dates = [SpecialDate(**row) for row in date_values(data.dates)]
    contact.family = [
        FamilyMember(**member, special_dates=[SpecialDate(**row) for row in dates])
        for member, dates in family_values(data)
    ]


def create_contact(
    session: Session, data: ContactInput, now: datetime, *, new_deal: bool = True
) -> Contact:
    """Add a contact; its starting level and stage open the level and stage histories.

    A contact added as a customer is a deal made now, to thank within two days
    (``record_deal_thanks``); one added as lost must say why (``lost_reason``).
    ``new_deal=False`` is for records copied from elsewhere, such as an imported phone book:
    their customers' deals are not happening today, and their lost ones may have no reason.
    """
    needs_reason = new_deal and data.stage == Stage.LOST
    _check(session, data, None, now.date(), needs_lost_reason=needs_reason)
    contact = Contact(created_at=now, level=data.level)
    _apply(session, contact, data, now)
    contact.level_changes = [LevelChange(**first_level_values(data, now.date()))]
    contact.stage_changes = [StageChange(**stage_change_values(data, None, now.date()))]
    session.add(contact)
    session.flush()
    sync_referred_by(session, contact, now)
    if new_deal and data.stage == Stage.CUSTOMER:
        record_deal_thanks(session, contact.id, now.date(), now)
    return contact


def update_contact(
    session: Session,
    contact_id: int,
    data: ContactInput,
    now: datetime,
    *,
    lost_reason_required: bool = True,
) -> Contact:
    """Replace a contact's fields with ``data``; a new level or stage is recorded in its
    history.

    Moving the contact to customer is a deal made now, to thank within two days. Moving it to
    lost must say why (``data.lost_reason``) unless ``lost_reason_required`` is False (an
    import's merge or a bulk change, which know no reason).
    """
    contact = get_contact(session, contact_id)
    old_stage = contact.stage
    moved = data.stage != old_stage
    needs_reason = lost_reason_required and moved and data.stage == Stage.LOST
    _check(session, data, contact_id, now.date(), needs_lost_reason=needs_reason)
    old_level = contact.level
    became_customer = old_stage != Stage.CUSTOMER and data.stage == Stage.CUSTOMER
    _apply(session, contact, data, now)
    if data.level != old_level:
        _record_level(contact, data.level, data.level_note, now.date())
    if moved:
        contact.stage_changes.append(
            StageChange(**stage_change_values(data, old_stage, now.date()))
        )
    session.flush()
    sync_referred_by(session, contact, now)
    if became_customer:
        record_deal_thanks(session, contact_id, now.date(), now)
    return contact


def _columns(contact: Contact) -> dict[str, object]:
    """The contact's stored values by column, plus its tag names as ``tags``."""
    values: dict[str, object] = {
        column.key: getattr(contact, column.key) for column in Contact.__table__.columns
    }
    values["tags"] = tuple(sorted(tag.name for tag in contact.tags))
    return values


def save_contact(
    session: Session, contact_id: int | None, data: ContactInput, now: datetime
) -> Saved:
    """Add (``contact_id`` None) or replace a contact as ``create_contact``/``update_contact``
    do, and say what that changed: for an edit, which columns; a new tag name or company;
    the referrers a changed "referred by" gave or took a referral."""
    names = clean_tag_names(data.tags)
    known_tags = set(session.scalars(select(Tag.name).where(Tag.name.in_(names))))
    company = data.company.strip()
    new_company = bool(company) and (
        session.scalar(select(Organization.id).where(Organization.name == company)) is None
    )
    if contact_id is None:
        contact = create_contact(session, data, now)
        referrer = set() if data.referred_by_id is None else {data.referred_by_id}
        return Saved(
            contact.id,
            BookChanges(
                contact_ids=frozenset({contact.id, *referrer}),
                contacts=True,
                tags=not known_tags.issuperset(names),
                organizations=new_company,
                history=data.referred_by_id is not None,
            ),
        )
    before = _columns(get_contact(session, contact_id))
    after = _columns(update_contact(session, contact_id, data, now))
    changed = frozenset(key for key, value in after.items() if before[key] != value)
    referrers = (
        {before["referred_by_id"], after["referred_by_id"]} - {None}
        if "referred_by_id" in changed
        else set()
    )
    return Saved(
        contact_id,
        BookChanges(
            contact_ids=frozenset({contact_id, *cast(set[int], referrers)}),
            contacts=True,
            tags=not known_tags.issuperset(names),
            organizations=new_company,
            history=bool(referrers),
            fields=changed,
        ),
    )


def resolve_referrer(
    session: Session, text: str, known: tuple[str, int] | None = None
) -> int | None:
    """The contact typed as "referred by": ``known`` (name, id) while the text is still that
    name, else the one live contact answering to the text (an id or an exact name).

    Raises ``AmbiguousError``, or ``NotFoundError`` with ``what == "referrer"``, so that a
    form can say which field is wrong.
    """
    wanted = text.strip()
    if not wanted:
        return None
    if known is not None and wanted == known[0]:
        return known[1]
    try:
        return find_contact(session, wanted).id
    except NotFoundError as missing:
        raise NotFoundError("referrer", missing.key) from missing


def _record_level(contact: Contact, level: int, note: str, today: date) -> None:
    contact.level_changes.append(
        LevelChange(changed_at=today, from_level=contact.level, to_level=level, note=note.strip())
    )
    contact.level = level


def change_level(
    session: Session, contact_id: int, level: int, note: str, now: datetime
) -> BookChanges:
    """Move a contact on the ladder and record the step with its note."""
    if not 1 <= level <= 5:
        raise ValidationError.single("level", "out_of_range", min=1, max=5)
    contact = get_contact(session, contact_id)
    if level != contact.level:
        _record_level(contact, level, note, now.date())
        contact.updated_at = now
    session.flush()
    return BookChanges(
        contact_ids=frozenset({contact_id}),
        contacts=True,
        fields=frozenset({"level", "updated_at"}),
    )


def get_contact(session: Session, contact_id: int, include_deleted: bool = False) -> Contact:
    contact = session.get(
        Contact,
        contact_id,
        options=[
            selectinload(Contact.phones),
            selectinload(Contact.tags),
            selectinload(Contact.family).selectinload(FamilyMember.special_dates),
            selectinload(Contact.special_dates),
            selectinload(Contact.level_changes),
            selectinload(Contact.stage_changes),
            selectinload(Contact.organization),
        ],
    )
    if contact is None or (contact.deleted_at is not None and not include_deleted):
        raise NotFoundError("contact", str(contact_id))
    return contact


@dataclass(frozen=True)
class StageStep:
    """One move between customer stages: ``from_stage`` None on the starting row; a move to
    lost has its ``reason`` code (None when not known) and note."""

    on: date
    from_stage: str | None
    to_stage: str
    reason: str | None
    note: str


def stage_steps(contact: Contact) -> list[StageStep]:
    return [
        StageStep(c.changed_on, c.from_stage, c.to_stage, c.reason or None, c.note)
        for c in contact.stage_changes
    ]


@dataclass
class ContactProfile:
    """A contact copied out of the session for the editor or the pane: plain values only."""

    contact_id: int
    data: ContactInput
    tier: str | None
    history: list[tuple[date, int | None, int, str]] = field(default_factory=list)
    """The level steps: (day, from level, to level, note)."""
    stage_history: list["StageStep"] = field(default_factory=list)
    """The moves between customer stages, oldest first."""
    referrer: str = ""
    """The name of the contact who referred this one (even if in the trash)."""
    cadence_days: int | None = None
    """The stay-in-touch days that apply, whichever rule gives them (``cadence_rule``)."""
    cadence_rule: str | None = None


def contact_profile(session: Session, contact_id: int) -> ContactProfile | None:
    """The live contact's profile; None when it is gone or in the trash."""
    try:
        contact = get_contact(session, contact_id)
    except NotFoundError:
        return None
    referrer = ""
    if contact.referred_by_id is not None:
        referrer = get_contact(session, contact.referred_by_id, include_deleted=True).name
    return ContactProfile(
        contact_id=contact.id,
        data=to_input(contact),
        tier=contact.tier,
        history=[(c.changed_at, c.from_level, c.to_level, c.note) for c in contact.level_changes],
        stage_history=stage_steps(contact),
        referrer=referrer,
        cadence_days=effective_cadence(
            contact.cadence_days, contact.tier, contact.stage, default_cadences(session)
        ),
        cadence_rule=cadence_rule(contact.cadence_days, contact.tier, contact.stage),
    )


def contact_choices(session: Session) -> list[tuple[int, str, str | None]]:
    """(id, name, company) of every live contact in name order, for pickers."""
    rows = session.execute(
        select(Contact.id, Contact.name, Organization.name)
        .outerjoin(Organization, Organization.id == Contact.organization_id)
        .where(Contact.deleted_at.is_(None))
        .order_by(Contact.sort_key, Contact.id)
    )
    return [(contact_id, name, company) for contact_id, name, company in rows]


def contact_names(session: Session, ids: list[int]) -> dict[int, str]:
    """The names of the given contacts (trashed ones too); unknown ids are left out."""
    rows = session.execute(select(Contact.id, Contact.name).where(Contact.id.in_(ids)))
    return {contact_id: name for contact_id, name in rows}


STORED_CHUNK = 900
"""Ids per query of ``stored_inputs``: below SQLite's old limit of 999 bound parameters."""


def stored_inputs(session: Session, contact_ids: list[int]) -> list[ContactInput]:
    """``to_input`` of many live contacts, in the given order, loaded a chunk at a time.

    One ``get_contact`` per contact costs seven queries; a whole book's export needs a few per
    900 contacts instead. A missing or trashed id raises ``NotFoundError`` as ``get_contact``.
    """
    found: dict[int, ContactInput] = {}
    for start in range(0, len(contact_ids), STORED_CHUNK):
        chunk = contact_ids[start : start + STORED_CHUNK]
        rows = session.scalars(
            select(Contact)
            .where(Contact.id.in_(chunk), Contact.deleted_at.is_(None))
            .options(
                selectinload(Contact.phones),
                selectinload(Contact.tags),
                selectinload(Contact.family).selectinload(FamilyMember.special_dates),
                selectinload(Contact.special_dates),
                selectinload(Contact.organization),
            )
        )
        found.update((contact.id, to_input(contact)) for contact in rows)
    missing = next((i for i in contact_ids if i not in found), None)
    if missing is not None:
        raise NotFoundError("contact", str(missing))
    return [found[i] for i in contact_ids]


def find_contact(session: Session, name_or_id: str) -> Contact:
    """The one live contact answering to an id or an exact name; errors list the candidates."""
    key = name_or_id.strip()
    if key.isdigit():
        found = session.get(Contact, int(key))
        if found is not None and found.deleted_at is None:
            return get_contact(session, found.id)
    rows = session.execute(
        select(Contact.id, Contact.name, Organization.name)
        .outerjoin(Organization, Contact.organization_id == Organization.id)
        .where(Contact.name == key, Contact.deleted_at.is_(None))
        .order_by(Contact.id)
    ).all()
    if not rows:
        raise NotFoundError("contact", key)
    if len(rows) > 1:
        raise AmbiguousError(key, [(r[0], f"{r[1]} ({r[2]})" if r[2] else r[1]) for r in rows])
    return get_contact(session, rows[0][0])


def contact_answering(session: Session, name_or_id: str) -> tuple[int, str]:
    """(id, name) of the one live contact ``find_contact`` finds for an id or exact name."""
    found = find_contact(session, name_or_id)
    return found.id, found.name


def to_input(contact: Contact) -> ContactInput:
    """The editable form of a stored contact (the inverse of create/update)."""

    def dates(rows: list[SpecialDate]) -> list[DateInput]:
        return [
            DateInput(
                month=d.month,
                day=d.day,
                year=d.year,
                calendar=d.calendar,
                leap=d.is_leap_month,
                kind=d.kind,
                recurrence=d.recurrence,
                label=d.label,
            )
            for d in rows
        ]

    data = ContactInput(
        name=contact.name,
        company=contact.organization.name if contact.organization else "",
        org_type=contact.organization.org_type if contact.organization else None,
        level=contact.level,
        phones=[PhoneInput(number=p.number, label=p.label) for p in contact.phones],
        tags=[t.name for t in contact.tags],
        dates=dates(contact.special_dates),
        family=[
            FamilyInput(
                name=m.name, relation=m.relation, notes=m.notes, dates=dates(m.special_dates)
            )
            for m in contact.family
        ],
    )
    for field_name in PLAIN_FIELDS:
        setattr(data, field_name, getattr(contact, field_name))
    return data


def delete_contacts(session: Session, ids: list[int], now: datetime) -> BookChanges:
    """Move contacts to the trash; nothing is lost until the trash is emptied."""
    session.execute(
        update(Contact)
        .where(Contact.id.in_(ids), Contact.deleted_at.is_(None))
        .values(deleted_at=now)
    )
    return BookChanges(contact_ids=frozenset(ids), contacts=True, trash=True)


def restore_contacts(session: Session, ids: list[int], now: datetime) -> BookChanges:
    """Bring contacts back from the trash. One that was merged into another
    (``contact_merge``) gets back what it brought, so both are as they were before; when that
    other was merged on in turn since, it comes back too (``merges_to_undo``)."""
    trashed = list(
        session.scalars(
            select(Contact.id).where(Contact.id.in_(ids), Contact.deleted_at.is_not(None))
        )
    )
    touched: set[int] = set()
    merges = merges_to_undo(session, trashed)
    ids = sorted({*ids, *(merge.merged_id for merge in merges)})
    for merge in merges:
        touched |= undo_merge(session, merge)
    session.execute(
        update(Contact)
        .where(Contact.id.in_(ids), Contact.deleted_at.is_not(None))
        .values(deleted_at=None, updated_at=now)
        .execution_options(synchronize_session=False)
    )
    session.expire_all()
    refresh_derived(session, sorted(touched), now)
    return BookChanges(
        contact_ids=frozenset({*ids, *touched}),
        contacts=True,
        trash=True,
        history=bool(touched),
        deals=bool(touched),
    )


def refresh_derived(session: Session, ids: list[int], now: datetime) -> None:
    """Derive again the search text, next birthday, tier and last contact of contacts whose
    phones, tags, days, scores or interactions were moved by statements (a merge, its undo).
    Ids no longer in the book are passed over."""
    if not ids:
        return
    limits = thresholds(session)
    for contact_id in ids:
        try:
            contact = get_contact(session, contact_id, include_deleted=True)
        except NotFoundError:
            continue
        company = contact.organization.name if contact.organization else ""
        contact.search_text = build_search_text(contact, company, [t.name for t in contact.tags])
        contact.next_birthday = next_birthday_for(contact, now.date())
        tier = tier_for({score: getattr(contact, score) for score in SCORE_FIELDS}, limits)
        contact.tier = tier.value if tier else None
    session.flush()
    refresh_last_contacted(session, set(ids))


def purge_contacts(session: Session, ids: list[int]) -> BookChanges:
    """Delete trashed contacts for good (only ones already in the trash)."""
    session.execute(delete(Contact).where(Contact.id.in_(ids), Contact.deleted_at.is_not(None)))
    return BookChanges(contact_ids=frozenset(ids), trash=True)


def trashed_ids(session: Session) -> list[int]:
    return list(
        session.scalars(
            select(Contact.id)
            .where(Contact.deleted_at.is_not(None))
            .order_by(Contact.deleted_at.desc(), Contact.id.desc())
        )
    )


def refresh_next_birthdays(session: Session, today: date) -> int:
    """Recompute next birthdays that have passed; returns how many rows changed."""
    stale = session.scalars(
        select(Contact)
        .where(Contact.next_birthday.is_not(None), Contact.next_birthday < today)
        .options(selectinload(Contact.special_dates))
    ).all()
    for contact in stale:
        contact.next_birthday = next_birthday_for(contact, today)
    session.flush()
    return len(stale)


def recompute_tiers(session: Session) -> BookChanges:
    """Re-derive every tier after the thresholds change."""
    limits = thresholds(session)
    rows = session.execute(select(Contact.id, *[getattr(Contact, n) for n in SCORE_FIELDS])).all()
    changed: list[dict[str, object]] = []
    for row in rows:
        tier = tier_for(dict(zip(SCORE_FIELDS, row[1:], strict=True)), limits)
        changed.append({"id": row[0], "tier": tier.value if tier else None})
    if changed:
        session.execute(update(Contact), changed)
    return BookChanges(
        contacts=True, contact_ids=frozenset(r[0] for r in rows), fields=frozenset({"tier"})
    )


def all_tags(session: Session) -> list[str]:
    used = select(Tag.name).order_by(Tag.name)
    return list(session.scalars(used))


def organization_names(session: Session) -> list[str]:
    return list(session.scalars(select(Organization.name).order_by(Organization.sort_key)))


def count_contacts(session: Session, deleted: bool = False) -> int:
    condition = Contact.deleted_at.is_not(None) if deleted else Contact.deleted_at.is_(None)
    return session.scalar(select(func.count()).select_from(Contact).where(condition)) or 0


def contact_summary(contact: Contact) -> dict[str, object]:
    """A JSON-ready view of the whole profile (used by ``contact show --json``)."""
    data = asdict(to_input(contact))
    for transient in ("level_note", "lost_reason", "lost_note"):
        data.pop(transient, None)
    birthday = birthday_of(contact)
    data.update(
        id=contact.id,
        name_pinyin=contact.name_pinyin,
        tier=contact.tier,
        birthday=calendar_date_of(birthday).iso() if birthday else None,
        birthday_calendar=birthday.calendar if birthday else None,
        next_birthday=contact.next_birthday.isoformat() if contact.next_birthday else None,
        level_history=[
            {
                "date": c.changed_at.isoformat(),
                "from": c.from_level,
                "to": c.to_level,
                "note": c.note,
            }
            for c in contact.level_changes
        ],
        stage_history=[
            {
                "on": step.on.isoformat(),
                "from": step.from_stage,
                "to": step.to_stage,
                "reason": step.reason,
                "note": step.note,
            }
            for step in stage_steps(contact)
        ],
        last_contacted=(
            contact.last_contacted_at.isoformat(timespec="minutes")
            if contact.last_contacted_at
            else None
        ),
        created_at=contact.created_at.isoformat(timespec="seconds"),
        updated_at=contact.updated_at.isoformat(timespec="seconds"),
        deleted_at=contact.deleted_at.isoformat(timespec="seconds") if contact.deleted_at else None,
    )
    return data
