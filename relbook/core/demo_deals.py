"""Demo opportunities for the demo book: every stage open, won and lost history with reasons,
and purchases with renewals, so the board, the forecast and the learned win rates have
something true to show.

Rows are written as the services write them (stage history from the first stage, the buying
centre, the purchase of a won deal with its thank-you and renewal reminder), with bulk inserts
and explicit ids like the rest of the demo.
"""

import random
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from relbook.core.bulk import bulk_insert, next_id
from relbook.core.enums import DealLostReason, DealStage
from relbook.core.models import (
    Base,
    Contact,
    DealContact,
    DealStageChange,
    Expiry,
    Opportunity,
    Purchase,
    Task,
)
from relbook.core.tasks import AFTER_DEAL_DAYS

PRODUCTS = (
    ("ERP系统升级", 380_000),
    ("数据中心扩容", 1_200_000),
    ("年度维保合同", 86_000),
    ("安防监控改造", 240_000),
    ("员工团体保险", 150_000),
    ("企业年金计划", 600_000),
    ("办公设备租赁", 45_000),
    ("管理培训服务", 68_000),
    ("云服务订阅", 120_000),
    ("智能巡检系统", 520_000),
    ("财务共享平台", 450_000),
    ("车队保险", 95_000),
)
"""Product lines with a typical amount in yuan."""
STAGE_PATH: tuple[str, ...] = tuple(stage.value for stage in DealStage)
LOST_NOTES = {
    DealLostReason.PRICE: ("对方报价低15%", "预算只够七成", "比价后选了更便宜的方案"),
    DealLostReason.COMPETITOR: ("竞争对手老关系", "对手给了免费试用", "被原供应商续约"),
    DealLostReason.NO_BUDGET: ("今年预算砍掉了", "资金链紧张", ""),
    DealLostReason.NO_DECISION: ("领导一直没拍板", "项目搁置", ""),
    DealLostReason.TIMING: ("明年再议", "赶上组织调整", ""),
    DealLostReason.RELATIONSHIP: ("决策人换了", "没找到内线", ""),
    DealLostReason.OTHER: ("需求变了", ""),
}
LOST_WEIGHTS = (5, 4, 3, 3, 2, 2, 1)
RENEWAL_SHARE = 0.5
"""Half of the purchases come up for renewal a year later."""


@dataclass(frozen=True)
class _Person:
    id: int
    organization_id: int
    title: str
    stage: str


@dataclass
class _Rows:
    deals: list[dict[str, object]]
    changes: list[dict[str, object]]
    centre: list[dict[str, object]]
    purchases: list[dict[str, object]]
    tasks: list[dict[str, object]]
    expiries: list[dict[str, object]]


def deal_count(contacts: int) -> int:
    """About one opportunity per six contacts: 50 for 300 contacts, at most 3,000."""
    return min(3000, max(0, contacts // 6))


def fill_demo_deals(session: Session, first_contact: int, seed: int, now: datetime) -> int:
    """Opportunities among the demo contacts from ``first_contact`` on; returns how many."""
    people = _people_by_organization(session, first_contact)
    organizations = sorted(people)
    wanted = deal_count(sum(len(staff) for staff in people.values()))
    if not organizations or wanted == 0:
        return 0
    rng = random.Random(f"relbook-demo-deals-{seed}")
    ids = _Ids(session)
    rows = _Rows([], [], [], [], [], [])
    for number in range(wanted):
        organization = rng.choice(organizations)
        # the first few are open, one in each stage, so every column of the board has one
        outcome = ("open", number) if number < len(STAGE_PATH) else _outcome(rng)
        _add_deal(rng, ids, rows, organization, people[organization], now, outcome)
    bulk_insert(session, Opportunity, rows.deals)
    bulk_insert(session, DealStageChange, rows.changes)
    bulk_insert(session, DealContact, rows.centre)
    bulk_insert(session, Expiry, rows.expiries)
    bulk_insert(session, Purchase, rows.purchases)
    bulk_insert(session, Task, rows.tasks)
    return wanted


class _Ids:
    """The next id of each table written."""

    def __init__(self, session: Session) -> None:
        self.next: dict[type[Base], int] = {
            model: next_id(session, model)
            for model in (Opportunity, DealStageChange, Purchase, Task, Expiry)
        }

    def take(self, model: type[Base]) -> int:
        self.next[model] += 1
        return self.next[model] - 1


def _people_by_organization(session: Session, first_contact: int) -> dict[int, list[_Person]]:
    found: dict[int, list[_Person]] = defaultdict(list)
    query = (
        select(Contact.id, Contact.organization_id, Contact.title, Contact.stage)
        .where(
            Contact.id >= first_contact,
            Contact.organization_id.is_not(None),
            Contact.deleted_at.is_(None),
        )
        .order_by(Contact.id)
    )
    for contact_id, organization_id, title, stage in session.execute(query):
        assert organization_id is not None  # as selected
        found[organization_id].append(_Person(contact_id, organization_id, title, stage))
    return found


def _amount(rng: random.Random, typical: int) -> int:
    """An amount in cents near the product's typical size, rounded to a thousand yuan."""
    yuan = typical * rng.lognormvariate(0, 0.45)
    return max(5, round(yuan / 1000)) * 1000 * 100


def _outcome(rng: random.Random) -> tuple[str, int]:
    """Open, won or lost, and the index of the last stage the deal reached."""
    status = rng.choices(("open", "won", "lost"), weights=(45, 20, 35))[0]
    if status == "won":
        return status, rng.choices(range(3, 6), weights=(1, 4, 5))[0]
    if status == "lost":  # most are lost early, some at the last steps
        return status, rng.choices(range(0, 6), weights=(6, 5, 4, 3, 2, 1))[0]
    return status, rng.choices(range(0, 6), weights=(5, 5, 4, 3, 3, 2))[0]


def _add_deal(
    rng: random.Random,
    ids: _Ids,
    rows: _Rows,
    organization_id: int,
    staff: list[_Person],
    now: datetime,
    outcome: tuple[str, int],
) -> None:
    product, typical = rng.choice(PRODUCTS)
    status, last = outcome
    today = now.date()
    steps = [rng.randint(6, 35) for _ in range(last + (0 if status == "open" else 1))]
    started = today - timedelta(days=sum(steps) + rng.randint(0, 20 if status == "open" else 300))
    deal_id = ids.take(Opportunity)
    day = started
    history: list[tuple[date, str | None, str, str]] = [(day, None, STAGE_PATH[0], "open")]
    for index in range(1, last + 1):
        day += timedelta(days=steps[index - 1])
        history.append((day, STAGE_PATH[index - 1], STAGE_PATH[index], "open"))
    closed_on = None
    if status != "open":
        closed_on = min(today, day + timedelta(days=steps[-1]))
        history.append((closed_on, STAGE_PATH[last], STAGE_PATH[last], status))
    amount = _amount(rng, typical)
    created = datetime.combine(started, time(9, 30)) + timedelta(minutes=rng.randint(0, 480))
    scored = rng.random() < 0.7
    reason = rng.choices(list(DealLostReason), weights=LOST_WEIGHTS)[0]
    rows.deals.append(
        {
            "id": deal_id,
            "title": f"{product}",
            "organization_id": organization_id,
            "amount_cents": amount,
            "stage": STAGE_PATH[last],
            "stage_since": history[last][0],
            "status": status,
            "expected_close": _expected_close(rng, status, today, closed_on),
            "closed_on": closed_on,
            "lost_reason": reason.value if status == "lost" else None,
            "lost_note": rng.choice(LOST_NOTES[reason]) if status == "lost" else "",
            **{
                name: rng.randint(1, 5) if scored else None
                for name in (
                    "score_near",
                    "score_future",
                    "score_profit",
                    "score_risk",
                    "score_strategic",
                )
            },
            "notes": "",
            "created_at": created,
            "updated_at": created,
            "deleted_at": None,
        }
    )
    for changed_on, from_stage, to_stage, after in history:
        rows.changes.append(
            {
                "id": ids.take(DealStageChange),
                "opportunity_id": deal_id,
                "changed_on": changed_on,
                "from_stage": from_stage,
                "to_stage": to_stage,
                "status": after,
                "note": "",
            }
        )
    centre = _buying_centre(rng, staff, customer_first=status == "won")
    for position, (person, role, insider) in enumerate(centre):
        rows.centre.append(
            {
                "opportunity_id": deal_id,
                "contact_id": person.id,
                "role": role,
                "is_insider": insider,
                "position": position,
            }
        )
    if status == "won" and closed_on is not None:
        buyer = centre[0][0]  # as deals.buyer_of: the decision maker, who comes first
        _add_purchase(rng, ids, rows, deal_id, buyer.id, product, amount, closed_on, now)


def _expected_close(
    rng: random.Random, status: str, today: date, closed_on: date | None
) -> date | None:
    if closed_on is not None:
        return closed_on - timedelta(days=rng.randint(-10, 20))
    if rng.random() < 0.1:
        return None  # no close date given yet
    return today + timedelta(days=rng.randint(-5, 150))


def _buying_centre(
    rng: random.Random, staff: list[_Person], customer_first: bool
) -> list[tuple[_Person, str, bool]]:
    """One to three people of the organization; the first is often the decision maker. A won
    deal's first person (who buys) is one of the organization's customers where it has one."""
    chosen = rng.sample(staff, k=min(len(staff), rng.choice((1, 1, 2, 2, 3))))
    customers = [person for person in staff if person.stage == "customer"]
    if customer_first and customers and chosen[0].stage != "customer":
        buyer = rng.choice(customers)
        chosen = [buyer] + [person for person in chosen if person is not buyer][: len(chosen) - 1]
    roles = ["decision_maker" if rng.random() < 0.6 else "purchaser"]
    roles += [rng.choice(("purchaser", "user", "gatekeeper")) for _ in chosen[1:]]
    return [(person, role, rng.random() < 0.25) for person, role in zip(chosen, roles, strict=True)]


def _add_purchase(
    rng: random.Random,
    ids: _Ids,
    rows: _Rows,
    deal_id: int,
    contact_id: int,
    product: str,
    amount: int,
    bought_on: date,
    now: datetime,
) -> None:
    """The purchase of a won deal, its thank-you (done, but for a deal of the last two days)
    and the renewal reminder of a yearly contract."""
    made = datetime.combine(bought_on, time(10, 0))
    expiry_id = None
    renewal = None
    if rng.random() < RENEWAL_SHARE:
        renewal = bought_on + timedelta(days=365)
        expiry_id = ids.take(Expiry)
        rows.expiries.append(
            {
                "id": expiry_id,
                "contact_id": contact_id,
                "kind": "contract",
                "label": product,
                "expires_on": renewal,
                "notice_days": 30,
                "created_at": made,
                "deleted_at": None,
            }
        )
    rows.purchases.append(
        {
            "id": ids.take(Purchase),
            "contact_id": contact_id,
            "opportunity_id": deal_id,
            "product": product,
            "amount_cents": amount,
            "bought_on": bought_on,
            "renewal_on": renewal,
            "expiry_id": expiry_id,
            "notes": "",
            "created_at": made,
            "updated_at": made,
            "deleted_at": None,
        }
    )
    due = made + timedelta(days=AFTER_DEAL_DAYS)
    rows.tasks.append(
        {
            "id": ids.take(Task),
            "contact_id": contact_id,
            "kind": "after_deal",
            "title": "",
            "due_at": due,
            "has_time": False,
            "done_at": None if due >= now else due - timedelta(days=1),
            "created_at": made,
            "deleted_at": None,
        }
    )
