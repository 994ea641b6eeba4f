"""Revision 0010 on a book that has festivals of its own: new rules, four new festivals seeded
once, the old default audience ("AB") of the built-in ones widened to the untiered ("AB-")."""

import sqlite3
from pathlib import Path

from alembic import command

from relbook.db import migrate
from relbook.db.engine import make_engine

NEW = ("qingming", "winter_solstice", "mothers_day", "fathers_day")


def _run(db_path: Path, step: str, revision: str) -> None:
    engine = make_engine(db_path)
    try:
        if step == "upgrade":
            migrate.apply_revisions(engine, revision)
        else:
            with engine.begin() as connection:
                config = migrate.alembic_config()
                config.attributes["connection"] = connection
                command.downgrade(config, revision)
    finally:
        engine.dispose()


def _festivals(db_path: Path) -> dict[str | None, tuple]:
    connection = sqlite3.connect(db_path)
    try:
        rows = connection.execute(
            "SELECT coalesce(code, name), rule, month, solar_term, week, weekday, enabled,"
            " audience_tiers, position FROM festival"
        ).fetchall()
    finally:
        connection.close()
    return {row[0]: row[1:] for row in rows}


def test_the_revision_seeds_the_new_festivals_once_and_widens_the_old_default(tmp_path):
    db_path = tmp_path / "relbook.sqlite"
    _run(db_path, "upgrade", "0008")
    connection = sqlite3.connect(db_path)
    with connection:
        # the user chose tier C too for Christmas; 国庆 greets tier A only
        connection.execute("UPDATE festival SET audience_tiers = 'ABC' WHERE code = 'christmas'")
        connection.execute("UPDATE festival SET audience_tiers = 'A' WHERE code = 'national_day'")
        for name, month, day in (("店庆", 6, 18), (" 母亲节 ", 5, 11)):
            connection.execute(
                "INSERT INTO festival (code, name, calendar, month, day, last_day, enabled,"
                " audience_tiers, audience_stages, audience_tags, position)"
                " VALUES (NULL, ?, 'solar', ?, ?, 0, 1, 'AB', 'customer', '', 20)",
                (name, month, day),
            )
    connection.close()
    _run(db_path, "upgrade", "head")
    found = _festivals(db_path)
    assert len(found) == 20
    assert found["spring_festival"][5:7] == (1, "AB-")
    assert found["christmas"][6] == "ABC" and found["national_day"][6] == "A"
    assert found["店庆"][6] == "AB" and found[" 母亲节 "][6] == "AB"  # the user's own stay
    assert {code: found[code][:7] for code in NEW} == {
        "qingming": ("solar_term", 4, "qing_ming", None, None, 1, "AB-"),
        "winter_solstice": ("solar_term", 12, "dong_zhi", None, None, 1, "AB-"),
        # the book greets on its own 母亲节 already: the built-in one starts switched off
        "mothers_day": ("weekday", 5, None, 2, 7, 0, "AB-"),
        "fathers_day": ("weekday", 6, None, 3, 7, 1, "AB-"),
    }
    assert [found[code][7] for code in NEW] == [21, 22, 23, 24]  # after the book's last
    assert {found[code][0] for code in found if code not in NEW} == {"date"}

    # back and up again: the four are seeded once
    _run(db_path, "downgrade", "0008")
    connection = sqlite3.connect(db_path)
    try:
        tiers = dict(
            connection.execute("SELECT coalesce(code, name), audience_tiers FROM festival")
        )
    finally:
        connection.close()
    assert len(tiers) == 16 and not set(NEW) & set(tiers) and tiers["spring_festival"] == "AB"
    _run(db_path, "upgrade", "head")
    again = _festivals(db_path)
    assert len(again) == 20 and all(code in again for code in NEW)
