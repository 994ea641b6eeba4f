"""A small book with a week of history, shared by the report tests (data, PDF, CLI, window)."""

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy.orm import Session

from relbook.core.contact_input import ContactInput, DateInput, FamilyInput, PhoneInput
from relbook.core.contacts import change_level, create_contact, delete_contacts
from relbook.core.gifts import GiftInput, add_gift, add_idea
from relbook.core.history import InteractionInput, delete_interactions, log_interaction

NOW = datetime(2026, 11, 23, 10, 0)
WEEK = (date(2026, 11, 16), date(2026, 11, 22))
"""Last week, seen from NOW (a Monday)."""


@dataclass(frozen=True)
class Seeded:
    zhang: int
    wang: int
    ouyang: int
    spouse: int


def seed_report_book(session: Session) -> Seeded:
    """张伟 (the dossier's subject), referred by 王芳; 欧阳晓明 is new last week."""
    wang = create_contact(
        session, ContactInput("王芳", company="华信贸易"), datetime(2025, 3, 1, 9)
    )
    zhang = create_contact(
        session,
        ContactInput(
            "张伟",
            company="恒达科技",
            department="采购部",
            title="采购经理",
            phones=[PhoneInput("13800138000")],
            email="zhangwei@example.com",
            wechat="zw_hengda",
            qq="123456789",
            address="北京市朝阳区建国路88号",
            level=3,
            stage="interested",
            personality="analytical",
            tags=["北京", "重点"],
            source="referral",
            referred_by_id=wang.id,
            hometown="湖南长沙",
            school="清华大学",
            hobbies="钓鱼、围棋",
            notes="喜欢喝普洱茶",
            score_near=5,
            score_future=5,
            score_profit=4,
            score_risk=2,
            score_strategic=4,
            dates=[
                DateInput(8, 15, year=1980, calendar="lunar"),
                DateInput(5, 20, year=2010, kind="wedding"),
            ],
            family=[
                FamilyInput(
                    "李娜",
                    relation="spouse",
                    notes="喜欢瑜伽",
                    dates=[DateInput(1, 1, calendar="lunar")],
                )
            ],
        ),
        datetime(2024, 5, 6, 9),
    )
    spouse = zhang.family[0].id
    log_interaction(
        session,
        InteractionInput(
            "visit",
            datetime(2026, 11, 17, 10),
            [zhang.id],
            place="恒达科技总部",
            notes="拜访采购部",
            outcome="同意试用",
            next_step="送样品",
            next_step_due=datetime(2026, 11, 25, 9),
        ),
        NOW,
    )
    log_interaction(
        session,
        InteractionInput(
            "call", datetime(2026, 11, 20, 15), [zhang.id, wang.id], notes="电话沟通报价"
        ),
        NOW,
    )
    log_interaction(
        session, InteractionInput("meal", datetime(2026, 11, 1, 19), [zhang.id], notes="晚宴"), NOW
    )
    trashed = log_interaction(
        session,
        InteractionInput("visit", datetime(2026, 11, 18, 10), [wang.id], notes="记错了"),
        NOW,
    )
    delete_interactions(session, [trashed.id], NOW)
    change_level(session, zhang.id, 4, "答应引荐", datetime(2026, 11, 18, 9))
    add_gift(
        session,
        GiftInput(
            zhang.id,
            "月饼礼盒",
            "given",
            date(2026, 11, 18),
            "mid_autumn",
            Decimal("388"),
            family_member_id=spouse,
        ),
        NOW,
    )
    add_gift(
        session,
        GiftInput(zhang.id, "茶叶", "received", date(2026, 11, 19), "thanks", Decimal("1280.50")),
        NOW,
    )
    add_gift(
        session,
        GiftInput(zhang.id, "红酒", "given", date(2025, 2, 1), "spring_festival", Decimal("600")),
        NOW,
    )
    add_idea(session, zhang.id, "紫砂壶", NOW)
    ouyang = create_contact(
        session,
        ContactInput("欧阳晓明", company="鼎盛建设", source="event", level=2),
        datetime(2026, 11, 19, 14),
    )
    gone = create_contact(session, ContactInput("赵敏"), datetime(2026, 11, 18, 11))
    delete_contacts(session, [gone.id], NOW)
    return Seeded(zhang.id, wang.id, ouyang.id, spouse)
