"""Festivals on solar terms and on the n-th weekday of a month, greeted to contacts with no tier
too; and which festival a greeting interaction was for.

- ``festival.rule`` (``date``, ``solar_term``, ``weekday``) with ``solar_term``, ``week`` and
  ``weekday``; the four festivals these rules bring are seeded: 清明 and 冬至 (solar terms),
  母亲节 (the second Sunday of May) and 父亲节 (the third Sunday of June). A book that already
  has a festival of its own by one of their names gets the built-in one switched off, so the
  day is not reminded twice.
- The built-in festivals still greeting the old default audience, tiers ``AB``, greet ``AB-``:
  also the contacts with no tier yet (``-``), so a book imported from a phone greets someone.
- ``interaction.occasion_key`` (``festival:{code}:{year}``) marks a greeting sent for a
  festival, with a partial index for the few interactions that have one.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-07
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TERMS = (
    "xiao_han",
    "da_han",
    "li_chun",
    "yu_shui",
    "jing_zhe",
    "chun_fen",
    "qing_ming",
    "gu_yu",
    "li_xia",
    "xiao_man",
    "mang_zhong",
    "xia_zhi",
    "xiao_shu",
    "da_shu",
    "li_qiu",
    "chu_shu",
    "bai_lu",
    "qiu_fen",
    "han_lu",
    "shuang_jiang",
    "li_dong",
    "xiao_xue",
    "da_xue",
    "dong_zhi",
)
"""``enums.SolarTerm`` as this revision knows it."""
# code, rule, month, solar term, week, weekday, and the names a user may have given it already
NEW_FESTIVALS = (
    ("qingming", "solar_term", 4, "qing_ming", None, None, ("清明", "清明节", "qingming")),
    ("winter_solstice", "solar_term", 12, "dong_zhi", None, None, ("冬至", "winter solstice")),
    ("mothers_day", "weekday", 5, None, 2, 7, ("母亲节", "mother's day", "mothers day")),
    ("fathers_day", "weekday", 6, None, 3, 7, ("父亲节", "father's day", "fathers day")),
)


def _comparable(name: str) -> str:
    return " ".join(name.replace("’", "'").lower().split())


def upgrade() -> None:
    codes = ", ".join(f"'{term}'" for term in TERMS)
    with op.batch_alter_table("festival", recreate="always") as batch:
        batch.add_column(sa.Column("rule", sa.String(20), nullable=False, server_default="date"))
        batch.add_column(sa.Column("solar_term", sa.String(20), nullable=True))
        batch.add_column(sa.Column("week", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("weekday", sa.Integer(), nullable=True))
        batch.create_check_constraint("rule_choice", "rule IN ('date', 'solar_term', 'weekday')")
        batch.create_check_constraint(
            "solar_term_choice", f"solar_term IS NULL OR solar_term IN ('', {codes})"
        )
        batch.create_check_constraint("week_range", "week IS NULL OR week BETWEEN 1 AND 5")
        batch.create_check_constraint("weekday_range", "weekday IS NULL OR weekday BETWEEN 1 AND 7")
    op.execute(
        "UPDATE festival SET audience_tiers = 'AB-'"
        " WHERE code IS NOT NULL AND audience_tiers = 'AB'"
    )
    connection = op.get_bind()
    have = {code for (code,) in connection.execute(sa.text("SELECT code FROM festival"))}
    own_names = {
        _comparable(name)
        for (name,) in connection.execute(sa.text("SELECT name FROM festival WHERE code IS NULL"))
    }
    position = connection.execute(sa.text("SELECT max(position) FROM festival")).scalar() or 0
    for code, rule, month, term, week, weekday, names in NEW_FESTIVALS:
        if code in have:
            continue
        position += 1
        connection.execute(
            sa.text(
                "INSERT INTO festival (code, name, calendar, month, day, last_day, rule,"
                " solar_term, week, weekday, enabled, audience_tiers, audience_stages,"
                " audience_tags, position) VALUES (:code, '', 'solar', :month, 1, 0, :rule,"
                " :term, :week, :weekday, :enabled, 'AB-', 'potential,interested,customer', '',"
                " :position)"
            ),
            {
                "code": code,
                "month": month,
                "rule": rule,
                "term": term,
                "week": week,
                "weekday": weekday,
                "enabled": not own_names & set(names),
                "position": position,
            },
        )
    op.add_column("interaction", sa.Column("occasion_key", sa.String(80), nullable=True))
    op.create_index(
        "ix_interaction_occasion_key",
        "interaction",
        ["occasion_key"],
        sqlite_where=sa.text("occasion_key IS NOT NULL"),
    )


def downgrade() -> None:
    op.drop_index("ix_interaction_occasion_key", table_name="interaction")
    op.drop_column("interaction", "occasion_key")
    codes = ", ".join(f"'{code}'" for code, *_rest in NEW_FESTIVALS)
    op.execute(f"DELETE FROM festival WHERE code IN ({codes}) OR rule <> 'date'")
    op.execute(
        "UPDATE festival SET audience_tiers = replace(audience_tiers, '-', '')"
        " WHERE audience_tiers LIKE '%-%'"
    )
    with op.batch_alter_table("festival", recreate="always") as batch:
        batch.drop_constraint("weekday_range", type_="check")
        batch.drop_constraint("week_range", type_="check")
        batch.drop_constraint("solar_term_choice", type_="check")
        batch.drop_constraint("rule_choice", type_="check")
        batch.drop_column("weekday")
        batch.drop_column("week")
        batch.drop_column("solar_term")
        batch.drop_column("rule")
