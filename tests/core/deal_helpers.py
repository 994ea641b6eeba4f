"""Helpers shared by the opportunity tests: a few contacts, and deals made on given days."""

from datetime import date, datetime

from relbook.core.contact_input import ContactInput
from relbook.core.contacts import create_contact
from relbook.core.deals import DealInput, add_deal, lose_deal, move_deal, win_deal

NOW = datetime(2026, 11, 23, 10, 0)
TODAY = NOW.date()


def people(session, *names: str, company: str = "恒达") -> list[int]:
    return [create_contact(session, ContactInput(name, company=company), NOW).id for name in names]


def deal(
    session,
    contacts: list[int],
    amount_yuan: int,
    stage: str = "analysis",
    close: date | None = None,
    on: date = date(2026, 10, 1),
    title: str = "项目",
) -> int:
    data = DealInput(
        title=title,
        contact_ids=contacts,
        amount_cents=amount_yuan * 100,
        stage=stage,
        expected_close=close,
    )
    return add_deal(session, data, NOW, on=on).id


def closed(session, contacts: list[int], path: list[str], won: bool, day: date) -> int:
    """An opportunity that went through ``path`` (first stage on 10-01, then one a day) and
    was won or lost on ``day``."""
    deal_id = deal(session, contacts, 1000, stage=path[0])
    for offset, stage in enumerate(path[1:], start=1):
        move_deal(session, deal_id, stage, date(2026, 10, 1 + offset), NOW)
    if won:
        win_deal(session, deal_id, day, NOW)
    else:
        lose_deal(session, deal_id, "price", day, NOW)
    return deal_id
