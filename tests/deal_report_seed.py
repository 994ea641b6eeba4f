"""Opportunities and purchases on top of ``report_seed``'s book, shared by the funnel report
tests (data, PDF, Excel, CLI, window).

Seen from NOW (Monday 2026-11-23), last week (11-16 .. 11-22):

- ERP系统升级 (张伟, decision maker and insider), 200,000, moved from trust to value on 11-18;
- 年度维保合同 (王芳), 120,000, in analysis since 11-10;
- 安防监控改造 (张伟), 88,000, won on 11-19 from commitment (its purchase is booked that day);
- 车队保险 (欧阳晓明), 50,000, lost on 11-20 from needs: competitor, 对手给了免费试用;
- 旧项目 (王芳), 30,000, lost on 10-20: price (before the week);
- 延保服务 bought by 王芳 on 11-17 for 12,800.50, renewal on 2027-11-17.

With the default rates (10/20/30/50/70/90%), as of 11-22 against 11-15 for Q4: booked
0 -> 100,800.50, pipeline 128,600 -> 112,000, so progress is 84,200.50 + 100,800.50 =
185,001.
"""

from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from relbook.core.deals import lose_deal, move_deal, set_insider, set_role, win_deal
from relbook.core.purchases import record_purchase
from tests.core.deal_helpers import deal
from tests.report_seed import NOW, Seeded

PROGRESS_CENTS = 18_500_100


@dataclass(frozen=True)
class Deals:
    erp: int
    upkeep: int
    cameras: int
    fleet: int
    old: int


def seed_deals(session: Session, ids: Seeded) -> Deals:
    erp = deal(
        session, [ids.zhang], 200_000, "trust", date(2026, 12, 15), date(2026, 10, 1), "ERP系统升级"
    )
    move_deal(session, erp, "value", date(2026, 11, 18), NOW)
    set_role(session, erp, ids.zhang, "decision_maker", NOW)
    set_insider(session, erp, ids.zhang, True, NOW)
    upkeep = deal(
        session,
        [ids.wang],
        120_000,
        "analysis",
        date(2026, 12, 20),
        date(2026, 11, 10),
        "年度维保合同",
    )
    cameras = deal(
        session,
        [ids.zhang],
        88_000,
        "commitment",
        date(2026, 12, 1),
        date(2026, 10, 8),
        "安防监控改造",
    )
    win_deal(session, cameras, date(2026, 11, 19), NOW)
    fleet = deal(
        session, [ids.ouyang], 50_000, "needs", date(2026, 12, 10), date(2026, 11, 2), "车队保险"
    )
    lose_deal(session, fleet, "competitor", date(2026, 11, 20), NOW, "对手给了免费试用")
    old = deal(session, [ids.wang], 30_000, "analysis", None, date(2026, 9, 1), "旧项目")
    lose_deal(session, old, "price", date(2026, 10, 20), NOW)
    record_purchase(
        session,
        ids.wang,
        "延保服务",
        1_280_050,
        date(2026, 11, 17),
        NOW,
        renewal_on=date(2027, 11, 17),
    )
    return Deals(erp, upkeep, cameras, fleet, old)
