"""The book's tables as typed SQLAlchemy 2 mapped classes.

Schema changes go through alembic revisions in ``migrations/``; this module and the newest
revision must describe the same schema (a test compares them).
"""

from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from relbook.core.enums import (
    BuyingRole,
    CalendarKind,
    CustomerLostReason,
    DateKind,
    DealLostReason,
    DealStatus,
    FamilyRelation,
    FestivalRule,
    Gender,
    IdeaStatus,
    InteractionType,
    OrgType,
    Personality,
    PhoneLabel,
    Recurrence,
    RelationKind,
    SolarTerm,
    Source,
    Stage,
    Tier,
)

NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


def one_of(column: str, allowed: type[StrEnum], optional: bool = False) -> CheckConstraint:
    """The column holds one of the enum's codes (or nothing, when ``optional``).

    The database backs up ``core.validation``: a code added to an enum needs a revision that
    widens its CHECK (tests/db compares these with what the migrations built).
    """
    codes = ", ".join(f"'{member.value}'" for member in allowed)
    rule = f"{column} IN ({codes})"
    if optional:
        rule = f"{column} IS NULL OR {column} IN ('', {codes})"
    return CheckConstraint(rule, name=f"{column}_choice")


def not_blank(column: str) -> CheckConstraint:
    return CheckConstraint(f"trim({column}) <> ''", name=f"{column}_not_blank")


class Organization(Base):
    """A company or institution; its type changes how it buys."""

    __tablename__ = "organization"
    __table_args__ = (not_blank("name"), one_of("org_type", OrgType))

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    sort_key: Mapped[str] = mapped_column(String(600), index=True)
    org_type: Mapped[str] = mapped_column(String(20), default="other")
    notes: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime)

    contacts: Mapped[list["Contact"]] = relationship(back_populates="organization")


class Tag(Base):
    __tablename__ = "tag"
    __table_args__ = (not_blank("name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(60), unique=True)


class ContactTag(Base):
    __tablename__ = "contact_tag"

    contact_id: Mapped[int] = mapped_column(
        ForeignKey("contact.id", ondelete="CASCADE"), primary_key=True
    )
    tag_id: Mapped[int] = mapped_column(
        ForeignKey("tag.id", ondelete="CASCADE"), primary_key=True, index=True
    )


LIVE_DUE = "deleted_at IS NULL AND touch_due IS NOT NULL"


class Contact(Base):
    """A person in the book, with profile, rapport and relationship fields."""

    __tablename__ = "contact"
    __table_args__ = (
        CheckConstraint("level BETWEEN 1 AND 5", name="level_range"),
        not_blank("name"),
        one_of("gender", Gender),
        one_of("stage", Stage),
        one_of("tier", Tier, optional=True),
        one_of("personality", Personality, optional=True),
        one_of("source", Source, optional=True),
        one_of("buying_role", BuyingRole, optional=True),
        Index("ix_contact_deleted_sort", "deleted_at", "sort_key"),
        Index("ix_contact_touch_due", "touch_due", sqlite_where=text(LIVE_DUE)),
        Index("ix_contact_tier_touch_due", "tier", "touch_due", sqlite_where=text(LIVE_DUE)),
        Index(
            "ix_contact_live_tier_stage", "tier", "stage", sqlite_where=text("deleted_at IS NULL")
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    name_pinyin: Mapped[str] = mapped_column(String(400), default="")
    sort_key: Mapped[str] = mapped_column(String(600))
    salutation: Mapped[str] = mapped_column(String(40), default="", server_default="")
    """How greetings address the contact (王总, 李老师); empty means by name."""
    gender: Mapped[str] = mapped_column(String(10), default="unknown")

    organization_id: Mapped[int | None] = mapped_column(
        ForeignKey("organization.id", ondelete="SET NULL"), index=True
    )
    department: Mapped[str] = mapped_column(String(200), default="")
    title: Mapped[str] = mapped_column(String(200), default="")
    buying_role: Mapped[str | None] = mapped_column(String(20))
    is_insider: Mapped[bool] = mapped_column(Boolean, default=False)

    email: Mapped[str] = mapped_column(String(200), default="")
    wechat: Mapped[str] = mapped_column(String(100), default="")
    qq: Mapped[str] = mapped_column(String(20), default="")
    address: Mapped[str] = mapped_column(Text, default="")

    source: Mapped[str | None] = mapped_column(String(20), index=True)
    source_detail: Mapped[str] = mapped_column(String(200), default="")
    referred_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("contact.id", ondelete="SET NULL"), index=True
    )

    hobbies: Mapped[str] = mapped_column(Text, default="")
    topics: Mapped[str] = mapped_column(Text, default="")
    food_likes: Mapped[str] = mapped_column(Text, default="")
    food_taboos: Mapped[str] = mapped_column(Text, default="")
    hometown: Mapped[str] = mapped_column(String(200), default="")
    school: Mapped[str] = mapped_column(String(200), default="")
    proud_moments: Mapped[str] = mapped_column(Text, default="")
    quotes: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")

    level: Mapped[int] = mapped_column(Integer, default=1, index=True)
    stage: Mapped[str] = mapped_column(String(20), default="potential", index=True)
    score_near: Mapped[int | None] = mapped_column(Integer)
    score_future: Mapped[int | None] = mapped_column(Integer)
    score_profit: Mapped[int | None] = mapped_column(Integer)
    score_risk: Mapped[int | None] = mapped_column(Integer)
    score_strategic: Mapped[int | None] = mapped_column(Integer)
    tier: Mapped[str | None] = mapped_column(String(1), index=True)
    personality: Mapped[str | None] = mapped_column(String(20), index=True)
    cadence_days: Mapped[int | None] = mapped_column(Integer)

    search_text: Mapped[str] = mapped_column(Text, default="")
    next_birthday: Mapped[date | None] = mapped_column(Date, index=True)
    last_contacted_at: Mapped[datetime | None] = mapped_column(DateTime, index=True)
    touch_due: Mapped[str | None] = mapped_column(String(10))
    """The ISO day the stay-in-touch cadence runs out, kept by triggers in the database
    (revision 0006) on every write; read it with SQL, never set it."""

    created_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime)
    deleted_at: Mapped[datetime | None] = mapped_column(DateTime, index=True)

    organization: Mapped[Organization | None] = relationship(back_populates="contacts")
    referred_by: Mapped["Contact | None"] = relationship(remote_side=[id])
    phones: Mapped[list["Phone"]] = relationship(
        cascade="all, delete-orphan", order_by="Phone.position"
    )
    tags: Mapped[list[Tag]] = relationship(secondary="contact_tag", order_by=Tag.name)
    level_changes: Mapped[list["LevelChange"]] = relationship(
        cascade="all, delete-orphan", order_by="LevelChange.changed_at, LevelChange.id"
    )
    stage_changes: Mapped[list["StageChange"]] = relationship(
        cascade="all, delete-orphan", order_by="StageChange.changed_on, StageChange.id"
    )
    family: Mapped[list["FamilyMember"]] = relationship(
        cascade="all, delete-orphan", order_by="FamilyMember.position"
    )
    special_dates: Mapped[list["SpecialDate"]] = relationship(
        cascade="all, delete-orphan",
        primaryjoin="SpecialDate.contact_id == Contact.id",
        order_by="SpecialDate.id",
    )


class Phone(Base):
    __tablename__ = "phone"
    __table_args__ = (one_of("label", PhoneLabel),)

    id: Mapped[int] = mapped_column(primary_key=True)
    contact_id: Mapped[int] = mapped_column(
        ForeignKey("contact.id", ondelete="CASCADE"), index=True
    )
    label: Mapped[str] = mapped_column(String(20), default="mobile")
    number: Mapped[str] = mapped_column(String(40))
    position: Mapped[int] = mapped_column(Integer, default=0)


class LevelChange(Base):
    """One step on the relationship ladder; the first row records the starting level."""

    __tablename__ = "level_change"

    id: Mapped[int] = mapped_column(primary_key=True)
    contact_id: Mapped[int] = mapped_column(
        ForeignKey("contact.id", ondelete="CASCADE"), index=True
    )
    changed_at: Mapped[date] = mapped_column(Date)
    from_level: Mapped[int | None] = mapped_column(Integer)
    to_level: Mapped[int] = mapped_column(Integer)
    note: Mapped[str] = mapped_column(Text, default="")


class FamilyMember(Base):
    __tablename__ = "family_member"
    __table_args__ = (not_blank("name"), one_of("relation", FamilyRelation))

    id: Mapped[int] = mapped_column(primary_key=True)
    contact_id: Mapped[int] = mapped_column(
        ForeignKey("contact.id", ondelete="CASCADE"), index=True
    )
    relation: Mapped[str] = mapped_column(String(20), default="other")
    name: Mapped[str] = mapped_column(String(100))
    notes: Mapped[str] = mapped_column(Text, default="")
    position: Mapped[int] = mapped_column(Integer, default=0)

    special_dates: Mapped[list["SpecialDate"]] = relationship(
        cascade="all, delete-orphan",
        primaryjoin="SpecialDate.family_member_id == FamilyMember.id",
        order_by="SpecialDate.id",
    )


class SpecialDate(Base):
    """A birthday, anniversary or custom day, solar or lunar, owned by a contact or a relative."""

    __tablename__ = "special_date"
    __table_args__ = (
        CheckConstraint("(contact_id IS NULL) <> (family_member_id IS NULL)", name="one_owner"),
        CheckConstraint("month BETWEEN 1 AND 12", name="month_range"),
        CheckConstraint("day BETWEEN 1 AND 31", name="day_range"),
        one_of("kind", DateKind),
        one_of("calendar", CalendarKind),
        one_of("recurrence", Recurrence),
        # by day, with every column the reminders read (revision 0007)
        Index(
            "ix_special_date_day",
            "month",
            "day",
            "calendar",
            "contact_id",
            "family_member_id",
            "kind",
            "recurrence",
            "year",
            "is_leap_month",
            "label",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    contact_id: Mapped[int | None] = mapped_column(
        ForeignKey("contact.id", ondelete="CASCADE"), index=True
    )
    family_member_id: Mapped[int | None] = mapped_column(
        ForeignKey("family_member.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(String(20), default="birthday")
    label: Mapped[str] = mapped_column(String(100), default="")
    calendar: Mapped[str] = mapped_column(String(10), default="solar")
    year: Mapped[int | None] = mapped_column(Integer)
    month: Mapped[int] = mapped_column(Integer)
    day: Mapped[int] = mapped_column(Integer)
    is_leap_month: Mapped[bool] = mapped_column(Boolean, default=False)
    recurrence: Mapped[str] = mapped_column(String(10), default="yearly")


class Setting(Base):
    """Domain settings, kept in the book so backups carry them; values are JSON."""

    __tablename__ = "setting"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class Interaction(Base):
    """One touch: a visit, call, meal, message...; may involve several contacts."""

    __tablename__ = "interaction"
    __table_args__ = (
        one_of("kind", InteractionType),
        Index(
            "ix_interaction_open_next_step",
            "next_step_due",
            sqlite_where=text("next_step_done_at IS NULL AND deleted_at IS NULL"),
        ),
        Index(
            "ix_interaction_occasion_key",
            "occasion_key",
            sqlite_where=text("occasion_key IS NOT NULL"),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))
    occurred_at: Mapped[datetime] = mapped_column(DateTime, index=True)
    place: Mapped[str] = mapped_column(String(200), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    outcome: Mapped[str] = mapped_column(Text, default="")
    next_step: Mapped[str] = mapped_column(Text, default="")
    next_step_due: Mapped[datetime | None] = mapped_column(DateTime, index=True)
    next_step_done_at: Mapped[datetime | None] = mapped_column(DateTime)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime)
    deleted_at: Mapped[datetime | None] = mapped_column(DateTime, index=True)
    occasion_key: Mapped[str | None] = mapped_column(String(80))
    """What a greeting answered (revision 0010): ``festival:{code}:{year}`` for a festival's
    greeting, one interaction per person greeted (``festival_greetings.mark_greeted``)."""

    participants: Mapped[list["InteractionContact"]] = relationship(
        cascade="all, delete-orphan", order_by="InteractionContact.position"
    )


class InteractionContact(Base):
    __tablename__ = "interaction_contact"

    interaction_id: Mapped[int] = mapped_column(
        ForeignKey("interaction.id", ondelete="CASCADE"), primary_key=True
    )
    contact_id: Mapped[int] = mapped_column(
        ForeignKey("contact.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)


class Gift(Base):
    """A gift given to or received from a contact (or one of their family members)."""

    __tablename__ = "gift"
    __table_args__ = (
        CheckConstraint("direction IN ('given', 'received')", name="direction"),
        CheckConstraint("value_cents IS NULL OR value_cents >= 0", name="value_positive"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    contact_id: Mapped[int] = mapped_column(
        ForeignKey("contact.id", ondelete="CASCADE"), index=True
    )
    family_member_id: Mapped[int | None] = mapped_column(
        ForeignKey("family_member.id", ondelete="SET NULL"), index=True
    )
    direction: Mapped[str] = mapped_column(String(10))
    given_on: Mapped[date] = mapped_column(Date, index=True)
    occasion: Mapped[str] = mapped_column(String(100), default="")
    item: Mapped[str] = mapped_column(String(200))
    value_cents: Mapped[int | None] = mapped_column(Integer)
    notes: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime)
    deleted_at: Mapped[datetime | None] = mapped_column(DateTime, index=True)


class GiftIdea(Base):
    __tablename__ = "gift_idea"
    __table_args__ = (one_of("status", IdeaStatus),)

    id: Mapped[int] = mapped_column(primary_key=True)
    contact_id: Mapped[int] = mapped_column(
        ForeignKey("contact.id", ondelete="CASCADE"), index=True
    )
    idea: Mapped[str] = mapped_column(String(200))
    status: Mapped[str] = mapped_column(String(10), default="open")
    created_at: Mapped[datetime] = mapped_column(DateTime)


class Referral(Base):
    """``referrer`` introduced ``referred``; the referral tree is built from these rows."""

    __tablename__ = "referral"
    __table_args__ = (
        UniqueConstraint("referrer_id", "referred_id"),
        CheckConstraint("referrer_id <> referred_id", name="not_self"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    referrer_id: Mapped[int] = mapped_column(
        ForeignKey("contact.id", ondelete="CASCADE"), index=True
    )
    referred_id: Mapped[int] = mapped_column(
        ForeignKey("contact.id", ondelete="CASCADE"), index=True
    )
    referred_on: Mapped[date] = mapped_column(Date)
    outcome: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime)


class ContactRelation(Base):
    """How ``contact`` stands to ``other`` (stored once, shown from both sides)."""

    __tablename__ = "contact_relation"
    __table_args__ = (
        UniqueConstraint("contact_id", "other_id"),
        CheckConstraint("contact_id <> other_id", name="not_self"),
        one_of("kind", RelationKind),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    contact_id: Mapped[int] = mapped_column(
        ForeignKey("contact.id", ondelete="CASCADE"), index=True
    )
    other_id: Mapped[int] = mapped_column(ForeignKey("contact.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    note: Mapped[str] = mapped_column(Text, default="")


class FestivalRow(Base):
    """A festival greeted on, with who gets the greeting; the defaults are seeded, all editable.

    ``rule`` (``festivals.Festival``) says which columns find its day: ``calendar``, ``month``,
    ``day`` and ``last_day`` for a date; ``solar_term``; or ``month``, ``week`` and ``weekday``.
    ``audience_tiers`` holds one character a tier, ``-`` (``festivals.NO_TIER``) for no tier.
    """

    __tablename__ = "festival"
    __table_args__ = (
        CheckConstraint("month BETWEEN 1 AND 12", name="month_range"),
        CheckConstraint("day BETWEEN 1 AND 31", name="day_range"),
        one_of("rule", FestivalRule),
        one_of("solar_term", SolarTerm, optional=True),
        CheckConstraint("week IS NULL OR week BETWEEN 1 AND 5", name="week_range"),
        CheckConstraint("weekday IS NULL OR weekday BETWEEN 1 AND 7", name="weekday_range"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str | None] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(100), default="")
    calendar: Mapped[str] = mapped_column(String(10))
    month: Mapped[int] = mapped_column(Integer)
    day: Mapped[int] = mapped_column(Integer)
    last_day: Mapped[bool] = mapped_column(Boolean, default=False)
    rule: Mapped[str] = mapped_column(String(20), default="date", server_default="date")
    solar_term: Mapped[str | None] = mapped_column(String(20))
    week: Mapped[int | None] = mapped_column(Integer)
    weekday: Mapped[int | None] = mapped_column(Integer)
    enabled: Mapped[bool] = mapped_column(Boolean, default=True)
    audience_tiers: Mapped[str] = mapped_column(String(20), default="AB-")
    audience_stages: Mapped[str] = mapped_column(
        String(100), default="potential,interested,customer"
    )
    audience_tags: Mapped[str] = mapped_column(Text, default="")
    position: Mapped[int] = mapped_column(Integer, default=0)


class Task(Base):
    """A follow-up with a due date (and optional time), e.g. the 2-day thank-you after a deal."""

    __tablename__ = "task"

    id: Mapped[int] = mapped_column(primary_key=True)
    contact_id: Mapped[int | None] = mapped_column(
        ForeignKey("contact.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(String(20), default="task")
    title: Mapped[str] = mapped_column(String(200))
    due_at: Mapped[datetime] = mapped_column(DateTime, index=True)
    has_time: Mapped[bool] = mapped_column(Boolean, default=False)
    done_at: Mapped[datetime | None] = mapped_column(DateTime)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    deleted_at: Mapped[datetime | None] = mapped_column(DateTime, index=True)


class Expiry(Base):
    """When a warranty, maintenance, policy or contract runs out, with days of notice."""

    __tablename__ = "expiry"

    id: Mapped[int] = mapped_column(primary_key=True)
    contact_id: Mapped[int] = mapped_column(
        ForeignKey("contact.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(String(20))
    label: Mapped[str] = mapped_column(String(200), default="")
    expires_on: Mapped[date] = mapped_column(Date, index=True)
    notice_days: Mapped[int] = mapped_column(Integer, default=30)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    deleted_at: Mapped[datetime | None] = mapped_column(DateTime, index=True)


class ReminderLog(Base):
    """What happened to one reminder occurrence, so it is never shown twice."""

    __tablename__ = "reminder_log"
    __table_args__ = (
        Index("ix_reminder_log_done", "key", sqlite_where=text("done_at IS NOT NULL")),
    )

    key: Mapped[str] = mapped_column(String(120), primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))
    fired_at: Mapped[datetime | None] = mapped_column(DateTime)
    done_at: Mapped[datetime | None] = mapped_column(DateTime)
    snoozed_until: Mapped[datetime | None] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime)


class DealStageRow(Base):
    """A stage of the funnel with its default win rate; the six key steps are seeded.

    ``code`` is stable (the CLI's stage code, what opportunities store); ``name`` is empty for a
    built-in stage, which is then shown in the user's language, or the user's own name for it.
    """

    __tablename__ = "deal_stage"
    __table_args__ = (
        CheckConstraint("default_rate BETWEEN 0 AND 100", name="default_rate_range"),
        not_blank("code"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(100), default="")
    position: Mapped[int] = mapped_column(Integer, default=0)
    default_rate: Mapped[int] = mapped_column(Integer, default=0)
    """The win rate in percent used until enough opportunities have closed to learn it."""


class Opportunity(Base):
    """A deal being pursued (商机): amount in CNY cents, stage, expected close and its own
    answers to the five importance questions, asked of the project (本项目)."""

    __tablename__ = "opportunity"
    __table_args__ = (
        not_blank("title"),
        one_of("status", DealStatus),
        one_of("lost_reason", DealLostReason, optional=True),
        CheckConstraint("amount_cents >= 0", name="amount_positive"),
        *(
            CheckConstraint(f"{score} IS NULL OR {score} BETWEEN 1 AND 5", name=f"{score}_range")
            for score in (
                "score_near",
                "score_future",
                "score_profit",
                "score_risk",
                "score_strategic",
            )
        ),
        Index(
            "ix_opportunity_open_close",
            "status",
            "expected_close",
            sqlite_where=text("deleted_at IS NULL"),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    organization_id: Mapped[int | None] = mapped_column(
        ForeignKey("organization.id", ondelete="SET NULL"), index=True
    )
    amount_cents: Mapped[int] = mapped_column(Integer, default=0)
    stage: Mapped[str] = mapped_column(ForeignKey("deal_stage.code"), index=True)
    stage_since: Mapped[date] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(10), default="open")
    expected_close: Mapped[date | None] = mapped_column(Date)
    closed_on: Mapped[date | None] = mapped_column(Date)
    lost_reason: Mapped[str | None] = mapped_column(String(20))
    lost_note: Mapped[str] = mapped_column(Text, default="")
    score_near: Mapped[int | None] = mapped_column(Integer)
    score_future: Mapped[int | None] = mapped_column(Integer)
    score_profit: Mapped[int | None] = mapped_column(Integer)
    score_risk: Mapped[int | None] = mapped_column(Integer)
    score_strategic: Mapped[int | None] = mapped_column(Integer)
    notes: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime)
    deleted_at: Mapped[datetime | None] = mapped_column(DateTime, index=True)

    organization: Mapped[Organization | None] = relationship()
    buying_centre: Mapped[list["DealContact"]] = relationship(
        cascade="all, delete-orphan", order_by="DealContact.position"
    )
    stage_changes: Mapped[list["DealStageChange"]] = relationship(
        cascade="all, delete-orphan", order_by="DealStageChange.changed_on, DealStageChange.id"
    )


class DealStageChange(Base):
    """One step of an opportunity: the first row records where it started; a close keeps the
    stage it closed in and says ``won`` or ``lost`` in ``status``."""

    __tablename__ = "deal_stage_change"
    __table_args__ = (one_of("status", DealStatus),)

    id: Mapped[int] = mapped_column(primary_key=True)
    opportunity_id: Mapped[int] = mapped_column(
        ForeignKey("opportunity.id", ondelete="CASCADE"), index=True
    )
    changed_on: Mapped[date] = mapped_column(Date)
    from_stage: Mapped[str | None] = mapped_column(String(40))
    to_stage: Mapped[str] = mapped_column(String(40))
    status: Mapped[str] = mapped_column(String(10), default="open")
    note: Mapped[str] = mapped_column(Text, default="")


class DealContact(Base):
    """A person in an opportunity's buying centre, with their role and insider (内线) mark."""

    __tablename__ = "deal_contact"
    __table_args__ = (one_of("role", BuyingRole, optional=True),)

    opportunity_id: Mapped[int] = mapped_column(
        ForeignKey("opportunity.id", ondelete="CASCADE"), primary_key=True
    )
    contact_id: Mapped[int] = mapped_column(
        ForeignKey("contact.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    role: Mapped[str | None] = mapped_column(String(20))
    is_insider: Mapped[bool] = mapped_column(Boolean, default=False)
    position: Mapped[int] = mapped_column(Integer, default=0)


class Purchase(Base):
    """What a customer bought: product, amount in CNY cents, day, and when it is up for renewal
    (which feeds the expiry reminders through ``expiry_id``)."""

    __tablename__ = "purchase"
    __table_args__ = (
        not_blank("product"),
        CheckConstraint("amount_cents >= 0", name="amount_positive"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    contact_id: Mapped[int] = mapped_column(
        ForeignKey("contact.id", ondelete="CASCADE"), index=True
    )
    opportunity_id: Mapped[int | None] = mapped_column(
        ForeignKey("opportunity.id", ondelete="SET NULL"), index=True
    )
    product: Mapped[str] = mapped_column(String(200))
    amount_cents: Mapped[int] = mapped_column(Integer, default=0)
    bought_on: Mapped[date] = mapped_column(Date, index=True)
    renewal_on: Mapped[date | None] = mapped_column(Date)
    expiry_id: Mapped[int | None] = mapped_column(ForeignKey("expiry.id", ondelete="SET NULL"))
    notes: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime)
    deleted_at: Mapped[datetime | None] = mapped_column(DateTime, index=True)


class StageChange(Base):
    """One move of a contact between customer stages; the first row records the starting
    stage. A move to ``lost`` says why (``reason``, from the trainers' list)."""

    __tablename__ = "stage_change"
    __table_args__ = (
        one_of("to_stage", Stage),
        one_of("reason", CustomerLostReason, optional=True),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    contact_id: Mapped[int] = mapped_column(
        ForeignKey("contact.id", ondelete="CASCADE"), index=True
    )
    changed_on: Mapped[date] = mapped_column(Date)
    from_stage: Mapped[str | None] = mapped_column(String(20))
    to_stage: Mapped[str] = mapped_column(String(20))
    reason: Mapped[str | None] = mapped_column(String(20))
    note: Mapped[str] = mapped_column(Text, default="")


class ContactMerge(Base):
    """One merge of ``merged`` into ``kept`` (``core/contact_merge.py``), kept while the merged
    contact is in the trash so that restoring it gives both people back as they were.

    ``moves`` is JSON (``core/merge_undo.py``): the rows that went over to ``kept``, the rows
    set aside as repeats, and ``kept``'s columns as they were before.
    """

    __tablename__ = "contact_merge"

    id: Mapped[int] = mapped_column(primary_key=True)
    kept_id: Mapped[int] = mapped_column(ForeignKey("contact.id", ondelete="CASCADE"), index=True)
    merged_id: Mapped[int] = mapped_column(ForeignKey("contact.id", ondelete="CASCADE"), index=True)
    merged_at: Mapped[datetime] = mapped_column(DateTime)
    moves: Mapped[str] = mapped_column(Text, default="{}")


class DuplicateDismissal(Base):
    """Two contacts the user said are not one person: the duplicate scan leaves the pair out.

    Stored with the smaller id first."""

    __tablename__ = "duplicate_dismissal"
    __table_args__ = (CheckConstraint("first_id <> second_id", name="not_self"),)

    first_id: Mapped[int] = mapped_column(
        ForeignKey("contact.id", ondelete="CASCADE"), primary_key=True
    )
    second_id: Mapped[int] = mapped_column(
        ForeignKey("contact.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    dismissed_at: Mapped[datetime] = mapped_column(DateTime)
