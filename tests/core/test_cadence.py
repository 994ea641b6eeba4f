"""Where a contact's stay-in-touch cadence comes from: its own, its tier's, its stage's."""

from datetime import datetime

from relbook.core.cadence import cadence_rule, default_cadences, due_day, effective_cadence
from relbook.core.settings import set_setting

DEFAULTS = {"A": 14, "B": 30, "C": 90, "potential": 21, "interested": 14, "customer": 30}


def test_own_days_win_then_the_tier_then_the_stage():
    assert (
        cadence_rule(10, "A", "customer"),
        effective_cadence(10, "A", "customer", DEFAULTS),
    ) == (
        "own",
        10,
    )
    assert (
        cadence_rule(None, "C", "customer"),
        effective_cadence(None, "C", "customer", DEFAULTS),
    ) == (
        "tier",
        90,
    )
    for stage, days in (("potential", 21), ("interested", 14), ("customer", 30)):
        assert cadence_rule(None, None, stage) == "stage"
        assert effective_cadence(None, None, stage, DEFAULTS) == days


def test_a_lost_contact_is_not_watched_unless_given_days_of_its_own():
    assert cadence_rule(None, "A", "lost") is None
    assert effective_cadence(None, "A", "lost", DEFAULTS) is None
    assert effective_cadence(None, None, "lost", DEFAULTS) is None
    assert effective_cadence(60, None, "lost", DEFAULTS) == 60


def test_stage_defaults_come_from_settings(book):
    with book.session() as session:
        assert default_cadences(session) == DEFAULTS
        set_setting(session, "cadence.stage.interested", 10)
        assert default_cadences(session)["interested"] == 10


def test_never_contacted_is_due_one_cadence_after_being_added():
    added = datetime(2026, 11, 23, 10)
    assert due_day(None, added, 21).isoformat() == "2026-12-14"
    assert due_day(datetime(2026, 12, 1, 9), added, 21).isoformat() == "2026-12-22"
