"""The kinds of reminder, in the order one day's occasions are listed.

Plain constants with no database code: the main window is built and painted from them before
the database layer has loaded (see bench/README.md, cold start).
"""

KINDS: tuple[str, ...] = (
    "birthday",
    "family_birthday",
    "special_date",
    "festival",
    "follow_up",
    "stay_in_touch",
    "after_deal",
    "expiry",
)
KIND_RANK = {kind: index for index, kind in enumerate(KINDS)}
"""Each kind's place in ``KINDS``: the order occasions of one day are sorted in."""
UPCOMING_SHOWN = 500
"""The coming month's occasions the Today view lists; the rest are counted."""
