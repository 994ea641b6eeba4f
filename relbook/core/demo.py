"""Realistic Chinese demo data, the same for the same seed, fast enough for 100,000 contacts.

Rows are written with bulk inserts and explicit ids, so a large book fills in seconds; the
derived columns (pinyin, sort key, tier, search text, next birthday) are computed exactly as the
contact service computes them.
"""

import random
from collections.abc import Callable
from datetime import date, datetime, timedelta

from sqlalchemy import Table, func, select
from sqlalchemy.orm import Session

from relbook.core import pinyin
from relbook.core.calendar import CalendarDate, lunar_month_days, next_occurrence
from relbook.core.enums import CalendarKind, Recurrence
from relbook.core.models import (
    Contact,
    ContactTag,
    FamilyMember,
    LevelChange,
    Organization,
    Phone,
    SpecialDate,
    Tag,
)
from relbook.core.tiers import SCORE_FIELDS, tier_for

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
PERSONALITIES = ("analytical", "driver", "expressive", "amiable", None)


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


def _sql_value(value: object) -> object:
    """Values as SQLAlchemy itself stores them in SQLite."""
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S.%f")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bool):
        return int(value)
    return value


def _bulk_insert(session: Session, table: Table, rows: list[dict[str, object]]) -> None:
    """executemany straight on the driver: SQLAlchemy's per-row parameter work dominated."""
    if not rows:
        return
    columns = list(rows[0])
    sql = (
        f"INSERT INTO {table.name} ({', '.join(columns)}) "
        f"VALUES ({', '.join('?' for _ in columns)})"
    )
    session.connection().exec_driver_sql(
        sql, [tuple(_sql_value(row[c]) for c in columns) for row in rows]
    )


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


def _next_id(session: Session, model: type) -> int:
    return (session.scalar(select(func.max(model.id))) or 0) + 1


def fill_demo(
    session: Session,
    count: int,
    seed: int,
    now: datetime,
    progress: Callable[[int, int], bool] | None = None,
) -> int:
    """Add ``count`` demo contacts; ``progress(done, total)`` returning False cancels."""
    from relbook.core.contacts import search_text, thresholds

    rng = random.Random(seed)
    limits = thresholds(session)
    today = now.date()

    org_count = max(5, min(2000, count // 8))
    org_id = _next_id(session, Organization)
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
    if orgs:
        _bulk_insert(session, Organization.__table__, orgs)
    org_names = {int(o["id"]): str(o["name"]) for o in orgs}  # type: ignore[call-overload]
    org_ids = list(org_names)

    tag_ids: dict[str, int] = {t.name: t.id for t in session.scalars(select(Tag))}
    new_tags = [name for name in TAGS if name not in tag_ids]
    next_tag = _next_id(session, Tag)
    for name in new_tags:
        tag_ids[name] = next_tag
        next_tag += 1
    if new_tags:
        _bulk_insert(session, Tag.__table__, [{"id": tag_ids[n], "name": n} for n in new_tags])

    contact_id = _next_id(session, Contact)
    first_contact = contact_id
    family_id = _next_id(session, FamilyMember)
    batch = 5000
    done = 0
    while done < count:
        size = min(batch, count - done)
        contacts: list[dict[str, object]] = []
        phones: list[dict[str, object]] = []
        tags: list[dict[str, object]] = []
        levels: list[dict[str, object]] = []
        family: list[dict[str, object]] = []
        dates: list[dict[str, object]] = []
        for _ in range(size):
            gender = rng.choice(("male", "female"))
            name = _person_name(rng, gender)
            spelled, sort_key, name_initials = pinyin.name_keys(name)
            role = rng.choice(tuple(TITLES))
            org = rng.choice(org_ids) if org_ids and rng.random() < 0.9 else None
            level = rng.choices((1, 2, 3, 4, 5), weights=(25, 30, 25, 13, 7))[0]
            stage = rng.choices(STAGES, weights=(35, 25, 32, 8))[0]
            scores = {f: rng.randint(1, 5) for f in SCORE_FIELDS} if rng.random() < 0.85 else {}
            tier = tier_for(scores, limits) if scores else None
            mobile = f"1{rng.choice('3578')}{rng.randint(0, 9)}{rng.randint(10000000, 99999999)}"
            contact_tags = rng.sample(TAGS, rng.choice((0, 1, 1, 2, 3)))
            notes = rng.choice(NOTES)
            company = org_names.get(org, "") if org else ""
            title = rng.choice(TITLES[role])
            department = rng.choice(DEPARTMENTS)
            email = f"{name_initials}{rng.randint(1, 999)}@example.com"
            wechat = f"wx_{spelled.replace(' ', '')}{rng.randint(1, 99)}"
            qq = str(rng.randint(10000, 999999999)) if rng.random() < 0.4 else ""
            calendar, month, day, year = _date(rng, 1955, 2000)
            next_birthday = next_occurrence(
                CalendarDate(CalendarKind(calendar), month, day, year),
                Recurrence.YEARLY,
                today,
            )
            created = now - timedelta(days=rng.randint(30, 2000))
            source = rng.choice(SOURCES)
            referrer = (
                rng.randint(first_contact, contact_id - 1)
                if source == "referral" and contact_id > first_contact
                else None
            )
            contacts.append(
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
                        company, department, title, email, wechat, qq, [mobile], contact_tags, notes
                    ),
                    next_birthday=next_birthday,
                    created_at=created,
                    updated_at=created,
                    deleted_at=(
                        now - timedelta(days=1 + contact_id % 20)
                        if (contact_id - first_contact) % 200 == 199
                        else None
                    ),
                    **{f: scores.get(f) for f in SCORE_FIELDS},
                )
            )
            phones.append(dict(contact_id=contact_id, label="mobile", number=mobile, position=0))
            for tag_name in contact_tags:
                tags.append(dict(contact_id=contact_id, tag_id=tag_ids[tag_name]))
            step_date = created.date()
            previous: int | None = None
            for step in range(1, level + 1):
                levels.append(
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
            dates.append(_date_row((calendar, month, day, year), contact_id=contact_id))
            if rng.random() < 0.5:
                spouse_gender = "female" if gender == "male" else "male"
                family.append(
                    dict(
                        id=family_id,
                        contact_id=contact_id,
                        relation="spouse",
                        name=_person_name(rng, spouse_gender),
                        notes="",
                        position=0,
                    )
                )
                dates.append(_date_row(_date(rng, 1958, 2000), family_member_id=family_id))
                family_id += 1
                if rng.random() < 0.6:
                    family.append(
                        dict(
                            id=family_id,
                            contact_id=contact_id,
                            relation="child",
                            name=name[0] + rng.choice(MALE_CHARS + FEMALE_CHARS) * 1,
                            notes=rng.choice(("上小学", "读初中", "高三备考", "在国外读书")),
                            position=1,
                        )
                    )
                    dates.append(_date_row(_date(rng, 2005, 2020), family_member_id=family_id))
                    family_id += 1
            if stage == "customer" and rng.random() < 0.3:
                deal_day = ("solar", created.month, min(created.day, 28), created.year)
                dates.append(_date_row(deal_day, contact_id=contact_id, kind="first_deal"))
            contact_id += 1
        _bulk_insert(session, Contact.__table__, contacts)
        _bulk_insert(session, Phone.__table__, phones)
        if tags:
            _bulk_insert(session, ContactTag.__table__, tags)
        _bulk_insert(session, LevelChange.__table__, levels)
        if family:
            _bulk_insert(session, FamilyMember.__table__, family)
        _bulk_insert(session, SpecialDate.__table__, dates)
        done += size
        if progress is not None and progress(done, count) is False:
            raise DemoCancelled(done)
    return done


class DemoCancelled(Exception):
    """The caller asked to stop; the caller's transaction should be rolled back."""
