"""Opportunities and the funnel: stages with default win rates, opportunities with their stage
history and buying centre, purchases, and the history of contacts' customer stages.

- ``deal_stage`` is seeded with the six key steps of key-account selling and default win rates
  of 10, 20, 30, 50, 70 and 90 percent (the trainers give none; the user sets them).
- ``stage_change`` gets each contact's starting row (their current stage, on the day they were
  added), as ``level_change`` has one.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-07
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

STAGES = (
    ("analysis", 10),
    ("trust", 20),
    ("needs", 30),
    ("value", 50),
    ("commitment", 70),
    ("payment", 90),
)
"""The six key steps and their default win rates in percent."""
STATUSES = "'open', 'won', 'lost'"
DEAL_LOST = "'price', 'competitor', 'no_budget', 'no_decision', 'timing', 'relationship', 'other'"
CUSTOMER_LOST = (
    "'neglected', 'cheaper_offer', 'friend_advice', 'moved_away', 'natural_drift', 'death', 'other'"
)
CONTACT_STAGES = "'potential', 'interested', 'customer', 'lost'"
ROLES = "'purchaser', 'user', 'gatekeeper', 'decision_maker'"
SCORES = ("score_near", "score_future", "score_profit", "score_risk", "score_strategic")


def upgrade() -> None:
    op.create_table(
        "deal_stage",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(40), nullable=False),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("default_rate", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "default_rate BETWEEN 0 AND 100", name=op.f("ck_deal_stage_default_rate_range")
        ),
        sa.CheckConstraint("trim(code) <> ''", name=op.f("ck_deal_stage_code_not_blank")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_deal_stage")),
        sa.UniqueConstraint("code", name=op.f("uq_deal_stage_code")),
    )
    for position, (code, rate) in enumerate(STAGES, start=1):
        op.execute(
            "INSERT INTO deal_stage (code, name, position, default_rate)"
            f" VALUES ('{code}', '', {position}, {rate})"
        )
    op.create_table(
        "opportunity",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("organization_id", sa.Integer(), nullable=True),
        sa.Column("amount_cents", sa.Integer(), nullable=False),
        sa.Column("stage", sa.String(40), nullable=False),
        sa.Column("stage_since", sa.Date(), nullable=False),
        sa.Column("status", sa.String(10), nullable=False),
        sa.Column("expected_close", sa.Date(), nullable=True),
        sa.Column("closed_on", sa.Date(), nullable=True),
        sa.Column("lost_reason", sa.String(20), nullable=True),
        sa.Column("lost_note", sa.Text(), nullable=False),
        *(sa.Column(score, sa.Integer(), nullable=True) for score in SCORES),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.CheckConstraint("trim(title) <> ''", name=op.f("ck_opportunity_title_not_blank")),
        sa.CheckConstraint(f"status IN ({STATUSES})", name=op.f("ck_opportunity_status_choice")),
        sa.CheckConstraint(
            f"lost_reason IS NULL OR lost_reason IN ('', {DEAL_LOST})",
            name=op.f("ck_opportunity_lost_reason_choice"),
        ),
        sa.CheckConstraint("amount_cents >= 0", name=op.f("ck_opportunity_amount_positive")),
        *(
            sa.CheckConstraint(
                f"{score} IS NULL OR {score} BETWEEN 1 AND 5",
                name=op.f(f"ck_opportunity_{score}_range"),
            )
            for score in SCORES
        ),
        sa.ForeignKeyConstraint(
            ["organization_id"],
            ["organization.id"],
            name=op.f("fk_opportunity_organization_id_organization"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["stage"], ["deal_stage.code"], name=op.f("fk_opportunity_stage_deal_stage")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_opportunity")),
    )
    op.create_index("ix_opportunity_organization_id", "opportunity", ["organization_id"])
    op.create_index("ix_opportunity_stage", "opportunity", ["stage"])
    op.create_index("ix_opportunity_deleted_at", "opportunity", ["deleted_at"])
    op.create_index(
        "ix_opportunity_open_close",
        "opportunity",
        ["status", "expected_close"],
        sqlite_where=sa.text("deleted_at IS NULL"),
    )
    op.create_table(
        "deal_stage_change",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("opportunity_id", sa.Integer(), nullable=False),
        sa.Column("changed_on", sa.Date(), nullable=False),
        sa.Column("from_stage", sa.String(40), nullable=True),
        sa.Column("to_stage", sa.String(40), nullable=False),
        sa.Column("status", sa.String(10), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.CheckConstraint(
            f"status IN ({STATUSES})", name=op.f("ck_deal_stage_change_status_choice")
        ),
        sa.ForeignKeyConstraint(
            ["opportunity_id"],
            ["opportunity.id"],
            name=op.f("fk_deal_stage_change_opportunity_id_opportunity"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_deal_stage_change")),
    )
    op.create_index("ix_deal_stage_change_opportunity_id", "deal_stage_change", ["opportunity_id"])
    op.create_table(
        "deal_contact",
        sa.Column("opportunity_id", sa.Integer(), nullable=False),
        sa.Column("contact_id", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(20), nullable=True),
        sa.Column("is_insider", sa.Boolean(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            f"role IS NULL OR role IN ('', {ROLES})", name=op.f("ck_deal_contact_role_choice")
        ),
        sa.ForeignKeyConstraint(
            ["opportunity_id"],
            ["opportunity.id"],
            name=op.f("fk_deal_contact_opportunity_id_opportunity"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["contact_id"],
            ["contact.id"],
            name=op.f("fk_deal_contact_contact_id_contact"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("opportunity_id", "contact_id", name=op.f("pk_deal_contact")),
    )
    op.create_index("ix_deal_contact_contact_id", "deal_contact", ["contact_id"])
    op.create_table(
        "purchase",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("contact_id", sa.Integer(), nullable=False),
        sa.Column("opportunity_id", sa.Integer(), nullable=True),
        sa.Column("product", sa.String(200), nullable=False),
        sa.Column("amount_cents", sa.Integer(), nullable=False),
        sa.Column("bought_on", sa.Date(), nullable=False),
        sa.Column("renewal_on", sa.Date(), nullable=True),
        sa.Column("expiry_id", sa.Integer(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.CheckConstraint("trim(product) <> ''", name=op.f("ck_purchase_product_not_blank")),
        sa.CheckConstraint("amount_cents >= 0", name=op.f("ck_purchase_amount_positive")),
        sa.ForeignKeyConstraint(
            ["contact_id"],
            ["contact.id"],
            name=op.f("fk_purchase_contact_id_contact"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["opportunity_id"],
            ["opportunity.id"],
            name=op.f("fk_purchase_opportunity_id_opportunity"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["expiry_id"],
            ["expiry.id"],
            name=op.f("fk_purchase_expiry_id_expiry"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_purchase")),
    )
    op.create_index("ix_purchase_contact_id", "purchase", ["contact_id"])
    op.create_index("ix_purchase_opportunity_id", "purchase", ["opportunity_id"])
    op.create_index("ix_purchase_bought_on", "purchase", ["bought_on"])
    op.create_index("ix_purchase_deleted_at", "purchase", ["deleted_at"])
    op.create_table(
        "stage_change",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("contact_id", sa.Integer(), nullable=False),
        sa.Column("changed_on", sa.Date(), nullable=False),
        sa.Column("from_stage", sa.String(20), nullable=True),
        sa.Column("to_stage", sa.String(20), nullable=False),
        sa.Column("reason", sa.String(20), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.CheckConstraint(
            f"to_stage IN ({CONTACT_STAGES})", name=op.f("ck_stage_change_to_stage_choice")
        ),
        sa.CheckConstraint(
            f"reason IS NULL OR reason IN ('', {CUSTOMER_LOST})",
            name=op.f("ck_stage_change_reason_choice"),
        ),
        sa.ForeignKeyConstraint(
            ["contact_id"],
            ["contact.id"],
            name=op.f("fk_stage_change_contact_id_contact"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_stage_change")),
    )
    op.create_index("ix_stage_change_contact_id", "stage_change", ["contact_id"])
    op.execute(
        "INSERT INTO stage_change (contact_id, changed_on, from_stage, to_stage, reason, note)"
        " SELECT id, date(created_at), NULL, stage, NULL, '' FROM contact"
    )


def downgrade() -> None:
    for table in (
        "stage_change",
        "purchase",
        "deal_contact",
        "deal_stage_change",
        "opportunity",
        "deal_stage",
    ):
        op.drop_table(table)
