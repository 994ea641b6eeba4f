"""The database backs up validation: codes must be known ones, names must not be blank.

Values outside a vocabulary cannot have come through the app's validation; should an old book
hold one anyway (an edited file, an old import), it is first set to the column's neutral value
(NULL for optional codes, "other" / the default for required ones) so the upgrade can finish.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# table -> [(column, allowed codes, optional, neutral value for a stray code)]
CHOICES: dict[str, list[tuple[str, tuple[str, ...], bool, str | None]]] = {
    "organization": [
        ("org_type", ("foreign", "state", "private", "government", "other"), False, "other"),
    ],
    "contact": [
        ("gender", ("unknown", "male", "female"), False, "unknown"),
        ("stage", ("potential", "interested", "customer", "lost"), False, "potential"),
        ("tier", ("A", "B", "C"), True, None),
        ("personality", ("analytical", "driver", "expressive", "amiable"), True, None),
        (
            "source",
            (
                "relative",
                "classmate",
                "neighbour",
                "colleague",
                "friend",
                "referral",
                "event",
                "cold_call",
                "other",
            ),
            True,
            None,
        ),
        ("buying_role", ("purchaser", "user", "gatekeeper", "decision_maker"), True, None),
    ],
    "phone": [("label", ("mobile", "work", "home", "other"), False, "other")],
    "family_member": [
        ("relation", ("spouse", "child", "parent", "sibling", "other"), False, "other"),
    ],
    "special_date": [
        (
            "kind",
            ("birthday", "wedding", "founding", "first_deal", "promotion", "custom"),
            False,
            "custom",
        ),
        ("calendar", ("solar", "lunar"), False, "solar"),
        ("recurrence", ("yearly", "once"), False, "yearly"),
    ],
    "interaction": [
        (
            "kind",
            ("visit", "call", "meal", "message", "email", "meeting", "gift", "greeting", "other"),
            False,
            "other",
        ),
    ],
    "gift_idea": [("status", ("open", "used"), False, "open")],
    "contact_relation": [
        ("kind", ("superior", "subordinate", "peer", "family", "friend", "other"), False, "other"),
    ],
}
NOT_BLANK: dict[str, tuple[str, ...]] = {
    "organization": ("name",),
    "tag": ("name",),
    "contact": ("name",),
    "family_member": ("name",),
}


def _codes(allowed: tuple[str, ...]) -> str:
    return ", ".join(f"'{code}'" for code in allowed)


def _rule(column: str, allowed: tuple[str, ...], optional: bool) -> str:
    if optional:
        return f"{column} IS NULL OR {column} IN ('', {_codes(allowed)})"
    return f"{column} IN ({_codes(allowed)})"


# Names are given short: the naming convention makes ck_<table>_<name> of them, as in models.


def upgrade() -> None:
    for table in dict.fromkeys([*CHOICES, *NOT_BLANK]):
        for column, allowed, optional, neutral in CHOICES.get(table, []):
            value = "NULL" if neutral is None else f"'{neutral}'"
            op.execute(
                f"UPDATE {table} SET {column} = {value} "
                f"WHERE NOT ({_rule(column, allowed, optional)})"
            )
        with op.batch_alter_table(table, recreate="always") as batch:
            for column, allowed, optional, _neutral in CHOICES.get(table, []):
                batch.create_check_constraint(f"{column}_choice", _rule(column, allowed, optional))
            for column in NOT_BLANK.get(table, ()):
                batch.create_check_constraint(f"{column}_not_blank", f"trim({column}) <> ''")


def downgrade() -> None:
    for table in dict.fromkeys([*CHOICES, *NOT_BLANK]):
        with op.batch_alter_table(table, recreate="always") as batch:
            for column, *_rest in CHOICES.get(table, []):
                batch.drop_constraint(f"{column}_choice", type_="check")
            for column in NOT_BLANK.get(table, ()):
                batch.drop_constraint(f"{column}_not_blank", type_="check")
