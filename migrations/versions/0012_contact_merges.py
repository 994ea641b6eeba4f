"""Merging duplicates: a record of each merge, so that restoring the merged-away contact from
the trash undoes it, and the pairs the user said are not duplicates.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-07
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "contact_merge",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kept_id", sa.Integer(), nullable=False),
        sa.Column("merged_id", sa.Integer(), nullable=False),
        sa.Column("merged_at", sa.DateTime(), nullable=False),
        sa.Column("moves", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["kept_id"],
            ["contact.id"],
            name=op.f("fk_contact_merge_kept_id_contact"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["merged_id"],
            ["contact.id"],
            name=op.f("fk_contact_merge_merged_id_contact"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contact_merge")),
    )
    op.create_index("ix_contact_merge_kept_id", "contact_merge", ["kept_id"])
    op.create_index("ix_contact_merge_merged_id", "contact_merge", ["merged_id"])
    op.create_table(
        "duplicate_dismissal",
        sa.Column("first_id", sa.Integer(), nullable=False),
        sa.Column("second_id", sa.Integer(), nullable=False),
        sa.Column("dismissed_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("first_id <> second_id", name=op.f("ck_duplicate_dismissal_not_self")),
        sa.ForeignKeyConstraint(
            ["first_id"],
            ["contact.id"],
            name=op.f("fk_duplicate_dismissal_first_id_contact"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["second_id"],
            ["contact.id"],
            name=op.f("fk_duplicate_dismissal_second_id_contact"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("first_id", "second_id", name=op.f("pk_duplicate_dismissal")),
    )
    op.create_index("ix_duplicate_dismissal_second_id", "duplicate_dismissal", ["second_id"])


def downgrade() -> None:
    op.drop_index("ix_duplicate_dismissal_second_id", table_name="duplicate_dismissal")
    op.drop_table("duplicate_dismissal")
    op.drop_index("ix_contact_merge_merged_id", table_name="contact_merge")
    op.drop_index("ix_contact_merge_kept_id", table_name="contact_merge")
    op.drop_table("contact_merge")
