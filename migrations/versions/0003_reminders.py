"""Reminders: editable festivals (seeded), follow-up tasks, expiry dates, and the reminder log.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "festival",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=40), nullable=True),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("calendar", sa.String(length=10), nullable=False),
        sa.Column("month", sa.Integer(), nullable=False),
        sa.Column("day", sa.Integer(), nullable=False),
        sa.Column("last_day", sa.Boolean(), nullable=False),
        sa.Column("enabled", sa.Boolean(), nullable=False),
        sa.Column("audience_tiers", sa.String(length=20), nullable=False),
        sa.Column("audience_stages", sa.String(length=100), nullable=False),
        sa.Column("audience_tags", sa.Text(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.CheckConstraint("day BETWEEN 1 AND 31", name=op.f("ck_festival_day_range")),
        sa.CheckConstraint("month BETWEEN 1 AND 12", name=op.f("ck_festival_month_range")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_festival")),
        sa.UniqueConstraint("code", name=op.f("uq_festival_code")),
    )
    op.create_table(
        "reminder_log",
        sa.Column("key", sa.String(length=120), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("fired_at", sa.DateTime(), nullable=True),
        sa.Column("done_at", sa.DateTime(), nullable=True),
        sa.Column("snoozed_until", sa.DateTime(), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_reminder_log")),
    )
    op.create_table(
        "expiry",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("contact_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("label", sa.String(length=200), nullable=False),
        sa.Column("expires_on", sa.Date(), nullable=False),
        sa.Column("notice_days", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["contact_id"],
            ["contact.id"],
            name=op.f("fk_expiry_contact_id_contact"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_expiry")),
    )
    with op.batch_alter_table("expiry", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_expiry_contact_id"), ["contact_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_expiry_deleted_at"), ["deleted_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_expiry_expires_on"), ["expires_on"], unique=False)

    op.create_table(
        "task",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("contact_id", sa.Integer(), nullable=True),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("due_at", sa.DateTime(), nullable=False),
        sa.Column("has_time", sa.Boolean(), nullable=False),
        sa.Column("done_at", sa.DateTime(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["contact_id"],
            ["contact.id"],
            name=op.f("fk_task_contact_id_contact"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_task")),
    )
    with op.batch_alter_table("task", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_task_contact_id"), ["contact_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_task_deleted_at"), ["deleted_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_task_due_at"), ["due_at"], unique=False)

    festival = sa.table(
        "festival",
        sa.column("code", sa.String),
        sa.column("name", sa.String),
        sa.column("calendar", sa.String),
        sa.column("month", sa.Integer),
        sa.column("day", sa.Integer),
        sa.column("last_day", sa.Boolean),
        sa.column("enabled", sa.Boolean),
        sa.column("audience_tiers", sa.String),
        sa.column("audience_stages", sa.String),
        sa.column("audience_tags", sa.Text),
        sa.column("position", sa.Integer),
    )
    defaults = [
        ("spring_festival", "lunar", 1, 1, False),
        ("lantern", "lunar", 1, 15, False),
        ("dragon_boat", "lunar", 5, 5, False),
        ("qixi", "lunar", 7, 7, False),
        ("mid_autumn", "lunar", 8, 15, False),
        ("double_ninth", "lunar", 9, 9, False),
        ("little_new_year", "lunar", 12, 23, False),
        ("new_years_eve", "lunar", 12, 30, True),
        ("new_year", "solar", 1, 1, False),
        ("womens_day", "solar", 3, 8, False),
        ("labour_day", "solar", 5, 1, False),
        ("teachers_day", "solar", 9, 10, False),
        ("national_day", "solar", 10, 1, False),
        ("christmas", "solar", 12, 25, False),
    ]
    op.bulk_insert(
        festival,
        [
            dict(
                code=code,
                name="",
                calendar=calendar,
                month=month,
                day=day,
                last_day=last_day,
                enabled=True,
                audience_tiers="AB",
                audience_stages="potential,interested,customer",
                audience_tags="",
                position=index,
            )
            for index, (code, calendar, month, day, last_day) in enumerate(defaults)
        ],
    )


def downgrade() -> None:
    with op.batch_alter_table("task", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_task_due_at"))
        batch_op.drop_index(batch_op.f("ix_task_deleted_at"))
        batch_op.drop_index(batch_op.f("ix_task_contact_id"))

    op.drop_table("task")
    with op.batch_alter_table("expiry", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_expiry_expires_on"))
        batch_op.drop_index(batch_op.f("ix_expiry_deleted_at"))
        batch_op.drop_index(batch_op.f("ix_expiry_contact_id"))

    op.drop_table("expiry")
    op.drop_table("reminder_log")
    op.drop_table("festival")
