"""Realistic Chinese demo data with years of history, the same for the same seed, fast enough
for 100,000 contacts.

Rows are written with bulk inserts and explicit ids, so a large book fills in seconds; the
derived columns (pinyin, sort key, tier, search text, next birthday, last contacted) are computed
exactly as the services compute them.
"""

import random
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from relbook.core import pinyin
from relbook.core.bulk import bulk_insert, next_id, paused_gc
from relbook.core.calendar import (
    CalendarDate,
    lunar_month_days,
    lunar_to_solar,
    next_occurrence,
    occurrences_between,
)
from relbook.core.demo_deals import fill_demo_deals
from relbook.core.enums import CalendarKind, Recurrence
from relbook.core.models import (
    Contact,
    ContactRelation,
    ContactTag,
    FamilyMember,
    Gift,
    GiftIdea,
    Interaction,
    InteractionContact,
    LevelChange,
    Organization,
    Phone,
    Referral,
    SpecialDate,
    StageChange,
    Tag,
)
from relbook.core.tiers import SCORE_FIELDS, TierThresholds, tier_for

SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶"
    "程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾"
)
COMPOUND_SURNAMES = ("欧阳", "司马", "诸葛", "上官", "慕容")
MALE_CHARS = "伟强磊军洋勇杰涛明超辉刚平鹏华飞鑫波斌宇浩凯健俊帆帅旭宁龙林峰建国文斌志海"
FEMALE_CHARS = "芳娜敏静丽艳娟霞秀燕玲桂英红梅琳雪婷慧莹倩颖佳欣怡悦萍璐晶晨岚蕾薇"
CITIES = ("北京", "上海", "广州", "深圳", "杭州", "南京", "苏州", "成都", "武汉", "西安", "宁波")
WORDS = ("恒达", "华信", "中联", "鼎盛", "金桥", "宏远", "瑞丰", "天成", "博雅", "汇通", "新元")
INDUSTRIES = ("科技", "贸易", "制造", "建设", "医药", "物流", "电子", "食品", "能源", "投资")
FOREIGN = ("安博森", "霍夫曼", "贝克斯", "莱茵", "诺斯达", "维克多", "卡尔森", "艾迪康")
STATE = ("中国{c}集团", "{city}城建投资集团", "{city}银行股份有限公司", "中{c}能源股份公司")
GOVERNMENT = ("{city}市人民医院", "{city}市教育局", "{city}第一中学", "{city}市税务局")
TITLES = {
    "decision_maker": ("总经理", "董事长", "副总裁", "院长", "局长", "行长"),
    "purchaser": ("采购经理", "采购主管", "采购专员", "供应链总监"),
    "gatekeeper": ("财务总监", "技术总监", "总工程师", "IT经理", "审计主管"),
    "user": ("工程师", "项目经理", "主任", "医生", "老师", "销售经理"),
}
DEPARTMENTS = ("采购部", "财务部", "技术部", "总经办", "信息中心", "运营部", "行政部")
TAGS = ("VIP", "老乡", "同学", "高尔夫", "茶友", "转介绍", "车险", "寿险", "理财", "重点跟进")
HOBBIES = ("钓鱼", "高尔夫", "书法", "摄影", "跑步", "品茶", "登山", "收藏", "旅游", "羽毛球")
TOPICS = ("孩子教育", "投资理财", "足球", "历史", "养生", "汽车", "红酒", "行业动态")
FOODS = ("粤菜", "川菜", "日料", "海鲜", "火锅", "素食", "西餐", "家常菜")
TABOOS = ("不吃辣", "不喝酒", "海鲜过敏", "不吃牛肉", "清真", "")
HOMETOWNS = ("温州", "潮汕", "湖南长沙", "山东青岛", "四川绵阳", "河南郑州", "江苏无锡")
SCHOOLS = ("浙江大学", "复旦大学", "中山大学", "武汉大学", "华中科技大学", "南京大学")
NOTES = ("喜欢直来直去", "周末一般陪孩子", "年底预算多", "对价格敏感", "关注售后服务", "")
SOURCES = (
    "relative",
    "classmate",
    "neighbour",
    "colleague",
    "friend",
    "referral",
    "event",
    "cold_call",
)
STAGES = ("potential", "interested", "customer", "lost")
STAGE_PATHS = {
    "potential": ("potential",),
    "interested": ("potential", "interested"),
    "customer": ("potential", "interested", "customer"),
    "lost": ("potential", "interested", "customer", "lost"),
}
"""The stages a demo contact went through to reach its stage, in order."""
LOST_REASONS = {
    "neglected": 78,
    "cheaper_offer": 9,
    "friend_advice": 5,
    "natural_drift": 4,
    "moved_away": 3,
    "death": 1,
}
"""Why demo customers left, weighted as in the trainers' survey."""
PERSONALITIES = ("analytical", "driver", "expressive", "amiable", None)
BATCH = 5000


def _org_name(rng: random.Random, org_type: str) -> str:
    city = rng.choice(CITIES)
    if org_type == "foreign":
        return f"{rng.choice(FOREIGN)}（{city}）{rng.choice(INDUSTRIES)}有限公司"
    if org_type == "state":
        return rng.choice(STATE).format(city=city, c=rng.choice(INDUSTRIES))
    if org_type == "government":
        return rng.choice(GOVERNMENT).format(city=city)
    return f"{city}{rng.choice(WORDS)}{rng.choice(INDUSTRIES)}有限公司"


def _person_name(rng: random.Random, gender: str) -> str:
    surname = rng.choice(COMPOUND_SURNAMES) if rng.random() < 0.02 else rng.choice(SURNAMES)
    chars = MALE_CHARS if gender == "male" else FEMALE_CHARS
    given = rng.choice(chars) + (rng.choice(chars) if rng.random() < 0.7 else "")
    return surname + given


def _date(rng: random.Random, year_from: int, year_to: int) -> tuple[str, int, int, int | None]:
    """(calendar, month, day, year) of a plausible birthday; a third lunar, some without year."""
    year = rng.randint(year_from, year_to)
    if rng.random() < 0.33:
        month = rng.randint(1, 12)
        day = rng.randint(1, lunar_month_days(year, month))
        calendar = "lunar"
    else:
        month = rng.randint(1, 12)
        day = rng.randint(1, 28 if month == 2 else 30)
        calendar = "solar"
    return calendar, month, day, (year if rng.random() < 0.8 else None)


def _date_row(
    birthday: tuple[str, int, int, int | None],
    contact_id: int | None = None,
    family_member_id: int | None = None,
    kind: str = "birthday",
) -> dict[str, object]:
    calendar, month, day, year = birthday
    return dict(
        contact_id=contact_id,
        family_member_id=family_member_id,
        kind=kind,
        label="",
        calendar=calendar,
        year=year,
        month=month,
        day=day,
        is_leap_month=False,
        recurrence="yearly",
    )


@dataclass
class _Rows:
    """Rows of one batch, per table, written together with ``bulk_insert``."""

    contacts: list[dict[str, object]] = field(default_factory=list)
    phones: list[dict[str, object]] = field(default_factory=list)
    tags: list[dict[str, object]] = field(default_factory=list)
    levels: list[dict[str, object]] = field(default_factory=list)
    stages: list[dict[str, object]] = field(default_factory=list)
    family: list[dict[str, object]] = field(default_factory=list)
    dates: list[dict[str, object]] = field(default_factory=list)
    interactions: list[dict[str, object]] = field(default_factory=list)
    participants: list[dict[str, object]] = field(default_factory=list)
    gifts: list[dict[str, object]] = field(default_factory=list)
    ideas: list[dict[str, object]] = field(default_factory=list)
    referrals: list[dict[str, object]] = field(default_factory=list)
    relations: list[dict[str, object]] = field(default_factory=list)

    def write(self, session: Session) -> None:
        """Parents before children, so foreign keys hold at every insert."""
        for model, rows in (
            (Contact, self.contacts),
            (Phone, self.phones),
            (ContactTag, self.tags),
            (LevelChange, self.levels),
            (StageChange, self.stages),
            (FamilyMember, self.family),
            (SpecialDate, self.dates),
            (Interaction, self.interactions),
            (InteractionContact, self.participants),
            (Gift, self.gifts),
            (GiftIdea, self.ideas),
            (Referral, self.referrals),
            (ContactRelation, self.relations),
        ):
            bulk_insert(session, model, rows)


@dataclass
class _Person:
    """What the history generator needs to know about a contact just made."""

    id: int
    level: int
    org: int | None
    role: str
    created: datetime
    birthday: CalendarDate
    family: list[tuple[int, str, CalendarDate]]


def _add_relative(
    rows: _Rows,
    contact_id: int,
    position: int,
    member: tuple[int, str, str, str, tuple[str, int, int, int | None]],
) -> tuple[int, str, CalendarDate]:
    """A family member row and birthday; returns (id, relation, birthday) for gift days."""
    member_id, relation, name, notes, birthday = member
    rows.family.append(
        dict(
            id=member_id,
            contact_id=contact_id,
            relation=relation,
            name=name,
            notes=notes,
            position=position,
        )
    )
    rows.dates.append(_date_row(birthday, family_member_id=member_id))
    calendar, month, day, year = birthday
    return member_id, relation, CalendarDate(CalendarKind(calendar), month, day, year)


@dataclass
class _Context:
    now: datetime
    limits: TierThresholds
    org_ids: list[int]
    org_names: dict[int, str]
    tag_ids: dict[str, int]
    first_contact: int


def _add_organizations(
    session: Session, rng: random.Random, count: int, now: datetime
) -> dict[int, str]:
    """About one company per eight contacts, every type, names not yet in the book."""
    org_count = max(5, min(2000, count // 8))
    org_id = next_id(session, Organization)
    existing_orgs = set(session.scalars(select(Organization.name)))
    orgs: list[dict[str, object]] = []
    types = ("foreign", "state", "private", "private", "government")
    attempts = 0
    while len(orgs) < org_count and attempts < org_count * 20:
        attempts += 1
        org_type = rng.choice(types)
        name = _org_name(rng, org_type)
        if name in existing_orgs:
            continue
        existing_orgs.add(name)
        orgs.append(
            dict(
                id=org_id,
                name=name,
                sort_key=pinyin.sort_key(name),
                org_type=org_type,
                notes="",
                created_at=now,
            )
        )
        org_id += 1
    bulk_insert(session, Organization, orgs)
    return {int(o["id"]): str(o["name"]) for o in orgs}  # type: ignore[call-overload]


def _ensure_tags(session: Session) -> dict[str, int]:
    tag_ids: dict[str, int] = {t.name: t.id for t in session.scalars(select(Tag))}
    new_tags = [name for name in TAGS if name not in tag_ids]
    next_tag = next_id(session, Tag)
    for name in new_tags:
        tag_ids[name] = next_tag
        next_tag += 1
    bulk_insert(session, Tag, [{"id": tag_ids[n], "name": n} for n in new_tags])
    return tag_ids


def _add_contact(
    rng: random.Random, ctx: _Context, contact_id: int, family_id: int, rows: _Rows
) -> _Person:
    """One contact's profile rows; family ids are taken from ``family_id`` upwards."""
    from relbook.core.contacts import search_text

    today = ctx.now.date()
    gender = rng.choice(("male", "female"))
    name = _person_name(rng, gender)
    spelled, sort_key, name_initials = pinyin.name_keys(name)
    role = rng.choice(tuple(TITLES))
    org = rng.choice(ctx.org_ids) if ctx.org_ids and rng.random() < 0.9 else None
    level = rng.choices((1, 2, 3, 4, 5), weights=(25, 30, 25, 13, 7))[0]
    stage = rng.choices(STAGES, weights=(35, 25, 32, 8))[0]
    scores: dict[str, int | None] = (
        {f: rng.randint(1, 5) for f in SCORE_FIELDS} if rng.random() < 0.85 else {}
    )
    tier = tier_for(scores, ctx.limits) if scores else None
    mobile = f"1{rng.choice('3578')}{rng.randint(0, 9)}{rng.randint(10000000, 99999999)}"
    contact_tags = rng.sample(TAGS, rng.choice((0, 1, 1, 2, 3)))
    notes = rng.choice(NOTES)
    company = ctx.org_names.get(org, "") if org else ""
    title = rng.choice(TITLES[role])
    department = rng.choice(DEPARTMENTS)
    # one's own address: a number drawn from 999 made thousands of people share one in a
    # large book, all of them "likely duplicates" (the draw stays, so the rest of the book does)
    email = f"{name_initials}{rng.randint(1, 999)}.{contact_id}@example.com"
    wechat = f"wx_{spelled.replace(' ', '')}{rng.randint(1, 99)}"
    qq = str(rng.randint(10000, 999999999)) if rng.random() < 0.4 else ""
    calendar, month, day, year = _date(rng, 1955, 2000)
    birthday = CalendarDate(CalendarKind(calendar), month, day, year)
    next_birthday = next_occurrence(birthday, Recurrence.YEARLY, today)
    created = ctx.now - timedelta(days=rng.randint(30, 2000))
    source = rng.choice(SOURCES)
    referrer = (
        rng.randint(ctx.first_contact, contact_id - 1)
        if source == "referral" and contact_id > ctx.first_contact
        else None
    )
    rows.contacts.append(
        dict(
            id=contact_id,
            name=name,
            name_pinyin=spelled,
            sort_key=sort_key,
            gender=gender,
            organization_id=org,
            department=department,
            title=title,
            buying_role=role,
            is_insider=rng.random() < 0.08,
            email=email,
            wechat=wechat,
            qq=qq,
            address=f"{rng.choice(CITIES)}市{rng.choice(WORDS)}路{rng.randint(1, 999)}号",
            source=source,
            source_detail="",
            referred_by_id=referrer,
            hobbies="、".join(rng.sample(HOBBIES, 2)),
            topics=rng.choice(TOPICS),
            food_likes=rng.choice(FOODS),
            food_taboos=rng.choice(TABOOS),
            hometown=rng.choice(HOMETOWNS),
            school=rng.choice(SCHOOLS),
            proud_moments="",
            quotes="",
            notes=notes,
            level=level,
            stage=stage,
            tier=tier.value if tier else None,
            personality=rng.choice(PERSONALITIES),
            cadence_days=rng.choice((None, None, None, 7, 30, 60)),
            search_text=search_text(
                dict(
                    company=company,
                    department=department,
                    title=title,
                    email=email,
                    wechat=wechat,
                    qq=qq,
                    phones=[mobile],
                    tags=contact_tags,
                    notes=notes,
                )
            ),
            next_birthday=next_birthday,
            last_contacted_at=None,
            created_at=created,
            updated_at=created,
            deleted_at=(
                ctx.now - timedelta(days=1 + contact_id % 20)
                if (contact_id - ctx.first_contact) % 200 == 199
                else None
            ),
            **{f: scores.get(f) for f in SCORE_FIELDS},
        )
    )
    if referrer is not None:
        rows.referrals.append(
            dict(
                referrer_id=referrer,
                referred_id=contact_id,
                referred_on=created.date(),
                outcome="",
                created_at=created,
            )
        )
    rows.phones.append(dict(contact_id=contact_id, label="mobile", number=mobile, position=0))
    for tag_name in contact_tags:
        rows.tags.append(dict(contact_id=contact_id, tag_id=ctx.tag_ids[tag_name]))
    step_date = created.date()
    previous: int | None = None
    for step in range(1, level + 1):
        rows.levels.append(
            dict(
                contact_id=contact_id,
                changed_at=step_date,
                from_level=previous,
                to_level=step,
                note="",
            )
        )
        previous = step
        step_date = min(today, step_date + timedelta(days=rng.randint(20, 200)))
    _stage_history(rows, contact_id, stage, created.date(), today)
    rows.dates.append(_date_row((calendar, month, day, year), contact_id=contact_id))
    family: list[tuple[int, str, CalendarDate]] = []
    if rng.random() < 0.5:
        spouse_name = _person_name(rng, "female" if gender == "male" else "male")
        spouse = (family_id, "spouse", spouse_name, "", _date(rng, 1958, 2000))
        family.append(_add_relative(rows, contact_id, 0, spouse))
        if rng.random() < 0.6:
            child_name = name[0] + rng.choice(MALE_CHARS + FEMALE_CHARS)
            child_notes = rng.choice(("上小学", "读初中", "高三备考", "在国外读书"))
            child = (family_id + 1, "child", child_name, child_notes, _date(rng, 2005, 2020))
            family.append(_add_relative(rows, contact_id, 1, child))
    if stage == "customer" and rng.random() < 0.3:
        deal_day = ("solar", created.month, min(created.day, 28), created.year)
        rows.dates.append(_date_row(deal_day, contact_id=contact_id, kind="first_deal"))
    return _Person(contact_id, level, org, role, created, birthday, family)


def _stage_history(rows: _Rows, contact_id: int, stage: str, start: date, today: date) -> None:
    """The stages the contact went through, from the day it was added; a lost one says why.

    Its own generator (seeded by the id) leaves the book's other random choices as they were.
    """
    rng = random.Random(contact_id)
    previous: str | None = None
    day = start
    for step in STAGE_PATHS[stage]:
        lost = step == "lost"
        reason = rng.choices(tuple(LOST_REASONS), tuple(LOST_REASONS.values()))[0] if lost else None
        rows.stages.append(
            dict(
                contact_id=contact_id,
                changed_on=day,
                from_stage=previous,
                to_stage=step,
                reason=reason,
                note="",
            )
        )
        previous = step
        day = min(today, day + timedelta(days=rng.randint(15, 180)))


LEVEL_TOUCHES = {1: (0, 1), 2: (0, 2), 3: (1, 3), 4: (3, 8), 5: (10, 28)}
"""Ordinary touches (visits, calls, meals...) by level; festival and birthday touches come on top
(a level 5 contact gets about 15-40 in all). Few for low levels, to keep 100,000 contacts fast."""
HISTORY_YEARS = 4
GREET_CHANCE = {3: 0.15, 4: 0.35, 5: 0.8}
"""How often a contact of that level gets a festival or birthday touch."""
GIFT_CHANCE = {3: 0.3, 4: 0.6, 5: 0.85}
"""How often such a festival touch is a gift rather than a message."""
TOUCH_KINDS = ("visit", "call", "meal", "message", "email", "meeting")
TOUCH_WEIGHTS = {
    "low": (18, 34, 4, 30, 10, 4),
    "high": (24, 22, 18, 18, 6, 12),
}
TOUCH_HOURS = {
    "visit": (9, 17),
    "call": (9, 20),
    "meal": (12, 20),
    "message": (8, 22),
    "email": (8, 19),
    "meeting": (9, 16),
}
TOUCH_NOTES = {
    "visit": ("上门拜访，介绍新方案", "去公司坐了坐，参观了新厂房", "送资料，顺便聊了行业动态"),
    "call": ("电话沟通需求", "电话确认报价细节", "问候近况，约下次见面"),
    "meal": ("一起吃饭，聊了孩子教育", "请吃饭，气氛很好", "饭局上认识了他们部门的同事"),
    "message": ("微信发了产品资料", "微信问候", "微信确认会议时间"),
    "email": ("发送报价单", "发送合同草稿", "发送会议纪要"),
    "meeting": ("参加行业交流会", "方案汇报会", "技术交流会"),
}
PLACES = {
    "meal": ("海底捞", "外婆家", "全聚德", "鼎泰丰", "公司附近的粤菜馆", "日料店"),
    "meeting": ("客户会议室", "会展中心", "酒店会议厅"),
    "visit": ("客户办公室", "工厂", "项目现场"),
}
OUTCOMES = (
    "对方表示下个月有预算",
    "需要再比较两家供应商",
    "基本认可方案，等领导拍板",
    "约好下周看样品",
    "价格还需要再谈",
    "同意试用一个月",
)
NEXT_STEPS = ("发送报价单", "安排技术交流", "寄样品", "约领导吃饭", "回访使用情况", "准备合同")
FESTIVAL_GIFTS = {
    "mid_autumn": (("五芳斋月饼礼盒", 198, 398), ("美心流心月饼礼盒", 268, 488)),
    "spring_festival": (
        ("西湖龙井茶叶礼盒", 380, 1280),
        ("五粮液白酒", 699, 1599),
        ("进口水果礼盒", 198, 498),
        ("坚果年货礼盒", 168, 328),
    ),
}
FAMILY_GIFTS = {
    "spouse": (("真丝丝巾", 380, 980), ("护肤品套装", 480, 1280)),
    "child": (("乐高积木", 299, 899), ("图书礼盒", 158, 358), ("运动手环", 199, 499)),
}
RECEIVED_GIFTS = (
    ("家乡特产", 100, 300),
    ("茶叶", 200, 1200),
    ("红酒", 300, 1500),
    ("购物卡", 500, 2000),
)
IDEAS = ("高尔夫球具", "紫砂壶", "摄影画册", "进口红酒", "书法字帖", "登山杖", "智能手表")
FESTIVAL_WORDS = {"spring_festival": "春节", "mid_autumn": "中秋"}


class _History:
    """Interactions, gifts and links for a batch of contacts, deterministic for its own seed."""

    def __init__(self, seed: int, now: datetime, interaction_id: int):
        self.rng = random.Random(f"relbook-demo-history-{seed}")
        self.now = now
        self.next_id = interaction_id
        self.festivals = {
            code: [
                lunar_to_solar(year, month, 15 if month == 8 else 1)
                for year in range(now.year - HISTORY_YEARS - 1, now.year + 1)
            ]
            for code, month in (("spring_festival", 1), ("mid_autumn", 8))
        }

    def add_batch(self, people: list[_Person], rows: _Rows) -> None:
        """History for a batch; last-contacted columns follow the interactions written."""
        colleagues: dict[int, list[_Person]] = defaultdict(list)
        for person in people:
            if person.org is not None:
                colleagues[person.org].append(person)
        latest: dict[int, datetime] = {}
        for person in people:
            start = max(person.created, self.now - timedelta(days=365 * HISTORY_YEARS))
            group = colleagues.get(person.org or -1, [])
            self._touches(person, start, group, rows, latest)
            if person.level >= 3:
                self._festivals(person, start, rows, latest)
                self._birthdays(person, start, rows, latest)
                self._ideas(person, rows)
            if person.level >= 4:
                self._received(person, start, rows)
        for group in colleagues.values():
            self._relations(group, rows)
        for row in rows.contacts:
            row["last_contacted_at"] = latest.get(int(row["id"]))  # type: ignore[call-overload]

    def _interaction(
        self,
        rows: _Rows,
        latest: dict[int, datetime],
        kind: str,
        when: datetime,
        people: list[int],
        notes: str,
        **extra: object,
    ) -> None:
        interaction_id = self.next_id
        self.next_id += 1
        row: dict[str, object] = dict(
            id=interaction_id,
            kind=kind,
            occurred_at=when,
            place="",
            notes=notes,
            outcome="",
            next_step="",
            next_step_due=None,
            next_step_done_at=None,
            created_at=when,
            updated_at=when,
            deleted_at=None,
        )
        row.update(extra)
        rows.interactions.append(row)
        for position, contact_id in enumerate(people):
            rows.participants.append(
                dict(interaction_id=interaction_id, contact_id=contact_id, position=position)
            )
            if contact_id not in latest or latest[contact_id] < when:
                latest[contact_id] = when

    def _moment(self, start: datetime, kind: str) -> datetime:
        """A plausible time of day for ``kind`` on a random day since ``start``, not after now."""
        rng = self.rng
        draw = rng.random
        span = max(0, (self.now.date() - start.date()).days)
        day = start.date() + timedelta(days=int(draw() * (span + 1)))
        first, last = TOUCH_HOURS[kind]
        hour = (
            (12, 18, 19)[int(draw() * 3)]
            if kind == "meal"
            else first + int(draw() * (last - first + 1))
        )
        when = datetime(day.year, day.month, day.day, hour, 15 * int(draw() * 4))
        return when if when <= self.now else when - timedelta(days=1)

    def _touches(
        self,
        person: _Person,
        start: datetime,
        group: list[_Person],
        rows: _Rows,
        latest: dict[int, datetime],
    ) -> None:
        rng = self.rng
        low, high = LEVEL_TOUCHES[person.level]
        count = rng.randint(low, high)
        span_days = (self.now - start).days
        if span_days < 365:
            count = min(count, 1 + span_days // 20)
        weights = TOUCH_WEIGHTS["high" if person.level >= 3 else "low"]
        for kind in rng.choices(TOUCH_KINDS, weights=weights, k=count):
            when = self._moment(start, kind)
            involved = [person.id]
            if kind in ("meal", "meeting") and len(group) > 1 and rng.random() < 0.35:
                others = [p.id for p in group if p.id != person.id]
                involved += rng.sample(others, min(len(others), rng.randint(1, 2)))
            extra: dict[str, object] = {}
            if kind in PLACES and rng.random() < 0.6:
                extra["place"] = rng.choice(PLACES[kind])
            if kind != "message" and rng.random() < 0.35:
                extra["outcome"] = rng.choice(OUTCOMES)
            if kind != "message" and rng.random() < 0.3:
                extra.update(self._next_step(when))
            self._interaction(
                rows, latest, kind, when, involved, rng.choice(TOUCH_NOTES[kind]), **extra
            )
        if person.level >= 3 and rng.random() < 0.08:
            when = self.now - timedelta(minutes=rng.randint(60, 5 * 24 * 60))
            due = datetime.combine(
                self.now.date() + timedelta(days=rng.randint(1, 14)), time(rng.choice((9, 14)))
            )
            self._interaction(
                rows,
                latest,
                "call",
                when.replace(second=0, microsecond=0),
                [person.id],
                rng.choice(TOUCH_NOTES["call"]),
                next_step=rng.choice(NEXT_STEPS),
                next_step_due=due,
            )

    def _next_step(self, when: datetime) -> dict[str, object]:
        """A next step a few days later: done if its day has passed (a few left overdue)."""
        rng = self.rng
        due = datetime.combine(when.date() + timedelta(days=rng.randint(1, 10)), time(9))
        step: dict[str, object] = {"next_step": rng.choice(NEXT_STEPS), "next_step_due": due}
        if due < self.now and ((self.now - due).days > 30 or rng.random() < 0.85):
            done = min(self.now, max(when + timedelta(hours=2), due - timedelta(hours=20)))
            step["next_step_done_at"] = done
        return step

    def _festivals(
        self, person: _Person, start: datetime, rows: _Rows, latest: dict[int, datetime]
    ) -> None:
        """Greetings at Spring Festival and Mid-Autumn, often with a gift for closer contacts."""
        rng = self.rng
        greet, gift_chance = GREET_CHANCE[person.level], GIFT_CHANCE[person.level]
        for code, days in self.festivals.items():
            for day in days:
                when = datetime(day.year, day.month, day.day, 8 + int(rng.random() * 3), 8)
                if not start <= when <= self.now or rng.random() > greet:
                    continue
                word = FESTIVAL_WORDS[code]
                if rng.random() < gift_chance:
                    item, low, high = rng.choice(FESTIVAL_GIFTS[code])
                    self._gift(rows, person.id, None, "given", day, code, item, low, high)
                    self._interaction(rows, latest, "gift", when, [person.id], f"{word}送{item}")
                else:
                    self._interaction(
                        rows, latest, "greeting", when, [person.id], f"{word}微信祝福"
                    )

    def _birthdays(
        self, person: _Person, start: datetime, rows: _Rows, latest: dict[int, datetime]
    ) -> None:
        """Birthday wishes to the contact; now and then a birthday gift for a family member."""
        rng = self.rng
        for day in occurrences_between(
            person.birthday, Recurrence.YEARLY, start.date(), self.now.date()
        ):
            if rng.random() < GREET_CHANCE[person.level]:
                when = datetime(day.year, day.month, day.day, 8, 30)
                if when <= self.now:
                    self._interaction(rows, latest, "greeting", when, [person.id], "生日祝福")
        if person.level < 4:
            return
        for member_id, relation, birthday in person.family:
            if rng.random() < 0.5:
                continue
            for day in occurrences_between(
                birthday, Recurrence.YEARLY, start.date(), self.now.date()
            )[-2:]:
                item, low, high = rng.choice(FAMILY_GIFTS[relation])
                self._gift(rows, person.id, member_id, "given", day, "birthday", item, low, high)

    def _received(self, person: _Person, start: datetime, rows: _Rows) -> None:
        rng = self.rng
        if rng.random() < 0.7:
            return
        for _ in range(rng.randint(1, 2)):
            item, low, high = rng.choice(RECEIVED_GIFTS)
            day = self._moment(start, "visit").date()
            occasion = rng.choice(("thanks", "visit"))
            self._gift(rows, person.id, None, "received", day, occasion, item, low, high)

    def _gift(
        self,
        rows: _Rows,
        contact_id: int,
        member_id: int | None,
        direction: str,
        day: date,
        occasion: str,
        item: str,
        low: int,
        high: int,
    ) -> None:
        stamp = datetime.combine(day, time(20))
        rows.gifts.append(
            dict(
                contact_id=contact_id,
                family_member_id=member_id,
                direction=direction,
                given_on=day,
                occasion=occasion,
                item=item,
                value_cents=(self.rng.randint(low, high) // 10 * 10 + 8) * 100,
                notes="",
                created_at=min(stamp, self.now),
                updated_at=min(stamp, self.now),
                deleted_at=None,
            )
        )

    def _ideas(self, person: _Person, rows: _Rows) -> None:
        rng = self.rng
        if rng.random() < 0.7:
            return
        for idea in rng.sample(IDEAS, rng.randint(1, 2)):
            rows.ideas.append(
                dict(
                    contact_id=person.id,
                    idea=idea,
                    status=rng.choice(("open", "open", "used")),
                    created_at=person.created,
                )
            )

    def _relations(self, group: list[_Person], rows: _Rows) -> None:
        """A boss over some colleagues, and a pair of peers, in some companies."""
        rng = self.rng
        if len(group) < 2 or rng.random() < 0.5:
            return
        bosses = [p for p in group if p.role == "decision_maker"]
        staff = [p for p in group if p.role != "decision_maker"]
        if bosses:
            for person in staff[:3]:
                rows.relations.append(
                    dict(contact_id=bosses[0].id, other_id=person.id, kind="superior", note="")
                )
        if len(staff) >= 5:
            rows.relations.append(
                dict(contact_id=staff[3].id, other_id=staff[4].id, kind="peer", note="")
            )


@contextmanager
def _bulk_mode(session: Session) -> Iterator[None]:
    """Room for hundreds of thousands of rows in one transaction.

    SQLite's 2 MB page cache spills to disk; 256 MB keeps tables and indexes in memory (the
    connection's own size returns afterwards). Python's cycle collector would rescan the
    millions of acyclic row dicts again and again, so it pauses meanwhile.
    """
    connection = session.connection()
    before = connection.exec_driver_sql("PRAGMA cache_size").scalar()
    connection.exec_driver_sql("PRAGMA cache_size=-262144")
    try:
        with paused_gc():
            yield
    finally:
        connection.exec_driver_sql(f"PRAGMA cache_size={int(before or -2000)}")


def fill_demo(
    session: Session,
    count: int,
    seed: int,
    now: datetime,
    progress: Callable[[int, int], bool] | None = None,
) -> int:
    """Add ``count`` demo contacts with their history and a few planted duplicates
    (``demo_duplicates``); ``progress(done, total)`` False cancels."""
    from relbook.core.contacts import thresholds
    from relbook.core.demo_duplicates import plant_duplicates

    rng = random.Random(seed)
    org_names = _add_organizations(session, rng, count, now)
    first_contact = next_id(session, Contact)
    ctx = _Context(
        now=now,
        limits=thresholds(session),
        org_ids=list(org_names),
        org_names=org_names,
        tag_ids=_ensure_tags(session),
        first_contact=first_contact,
    )
    history = _History(seed, now, next_id(session, Interaction))
    contact_id = first_contact
    family_id = next_id(session, FamilyMember)
    done = 0
    with _bulk_mode(session):
        while done < count:
            rows = _Rows()
            people = []
            for _ in range(min(BATCH, count - done)):
                person = _add_contact(rng, ctx, contact_id, family_id, rows)
                people.append(person)
                family_id += len(person.family)
                contact_id += 1
            history.add_batch(people, rows)
            rows.write(session)
            done += len(people)
            if progress is not None and progress(done, count) is False:
                raise DemoCancelled(done)
        fill_demo_deals(session, first_contact, seed, now)
        plant_duplicates(session, first_contact, seed, now)
    return done


class DemoCancelled(Exception):
    """The caller asked to stop; the caller's transaction should be rolled back."""


def story_contact(session: Session) -> int | None:
    """The most recently contacted person with gifts and relations (else just the latest):
    the one whose pane tells the most, for screenshots."""
    latest = (
        select(Contact.id)
        .where(Contact.deleted_at.is_(None), Contact.last_contacted_at.is_not(None))
        .order_by(Contact.last_contacted_at.desc())
    )
    rich = latest.where(
        Contact.id.in_(select(Gift.contact_id)),
        Contact.id.in_(select(ContactRelation.contact_id).union(select(ContactRelation.other_id))),
    )
    return session.scalar(rich.limit(1)) or session.scalar(latest.limit(1))


def phone_numbers(session: Session, count: int) -> list[tuple[str, str]]:
    """(name, number) of the first ``count`` phone numbers of live contacts."""
    rows = session.execute(
        select(Contact.name, Phone.number)
        .join(Phone, Phone.contact_id == Contact.id)
        .where(Contact.deleted_at.is_(None))
        .limit(count)
    )
    return [(name, number) for name, number in rows]
