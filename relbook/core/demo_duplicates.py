"""Planted duplicates in a demo book, so that Find duplicates has something true to find.

A few contacts of the demo are turned into a second record of another: the same mobile
written another way, the same email in capitals, the same name at the same company, and a
name that reads the same with another surname character (张伟 / 章伟). Which contacts, and
how, follows from the seed. No row is added: the demo's counts stay what they were.
"""

import random
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from relbook.core import pinyin
from relbook.core.contacts import get_contact, refresh_derived
from relbook.core.models import Contact, Phone

HOMOPHONES = {"张": "章", "刘": "柳", "杨": "阳", "周": "舟", "陈": "臣", "林": "琳", "黄": "皇"}
"""A surname and a character read alike that no demo name starts with."""
PAIRS_PER_KIND = 3
CONTACTS_PER_PAIR = 25
"""A demo this many contacts long per planted pair gets one; the smallest get none."""


def _spaced(mobile: str) -> str:
    """ "13800138000" as a phone book may hold it: "+86 138-0013-8000"."""
    return f"+86 {mobile[:3]}-{mobile[3:7]}-{mobile[7:]}"


def plant_duplicates(
    session: Session, first_contact: int, seed: int, now: datetime
) -> list[tuple[int, int, str]]:
    """Make pairs among the demo contacts from ``first_contact`` on; returns
    (original, copy, reason code) for each."""
    ids = list(
        session.scalars(
            select(Contact.id)
            .where(Contact.id >= first_contact, Contact.deleted_at.is_(None))
            .order_by(Contact.id)
        )
    )
    per_kind = min(PAIRS_PER_KIND, len(ids) // (CONTACTS_PER_PAIR * 4))
    if per_kind == 0:
        return []
    rng = random.Random(seed * 7919 + 19)
    free = ids[:]
    rng.shuffle(free)
    planted: list[tuple[int, int, str]] = []
    for _ in range(per_kind):
        planted.append(_same_mobile(session, free.pop(), free.pop()))
        planted.append(_same_email(session, free.pop(), free.pop()))
        planted.append(_same_name_company(session, free, free.pop()))
        similar = _similar_name(session, free)
        if similar is not None:
            planted.append(similar)
    session.flush()
    refresh_derived(session, [copy for _, copy, _ in planted], now)
    return planted


def _same_mobile(session: Session, original: int, copy: int) -> tuple[int, int, str]:
    mobile = session.scalar(
        select(Phone.number).where(Phone.contact_id == original, Phone.label == "mobile").limit(1)
    )
    phone = session.scalar(select(Phone).where(Phone.contact_id == copy).limit(1))
    if mobile and phone is not None:
        phone.number = _spaced(mobile)
    return original, copy, "same_mobile"


def _same_email(session: Session, original: int, copy: int) -> tuple[int, int, str]:
    source = get_contact(session, original)
    get_contact(session, copy).email = source.email.upper()
    return original, copy, "same_email"


def _rename(contact: Contact, name: str) -> None:
    contact.name = name
    contact.name_pinyin, contact.sort_key, _ = pinyin.name_keys(name)


def _same_name_company(session: Session, free: list[int], copy: int) -> tuple[int, int, str]:
    """The copy takes the name and the company of a contact that has one."""
    original = next(
        (i for i in reversed(free) if get_contact(session, i).organization_id), free[-1]
    )
    free.remove(original)
    source, target = get_contact(session, original), get_contact(session, copy)
    _rename(target, source.name)
    target.organization_id = source.organization_id
    return original, copy, "same_name_company"


def _similar_name(session: Session, free: list[int]) -> tuple[int, int, str] | None:
    """A contact whose surname has a homophone, and a copy named with it."""
    original = next(
        (i for i in reversed(free) if get_contact(session, i).name[:1] in HOMOPHONES), None
    )
    if original is None:
        return None
    free.remove(original)
    copy = free.pop()
    name = get_contact(session, original).name
    _rename(get_contact(session, copy), HOMOPHONES[name[0]] + name[1:])
    return original, copy, "similar_name"
