"""A contact's salutation (称呼): how greetings address them, such as 王总 or 李老师.

Empty means the greeting uses the contact's name.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-07
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.execute("ALTER TABLE contact ADD COLUMN salutation VARCHAR(40) NOT NULL DEFAULT ''")


def downgrade() -> None:
    op.execute("ALTER TABLE contact DROP COLUMN salutation")
