"""Likely duplicates across the whole book, and the pairs the user said are two people.

A pair is found through keys, never by comparing every contact with every other: contacts are
grouped by each key they have, and two contacts in one group are a pair. The keys are

- ``same_mobile``: a mainland mobile in any format (+86, spaces, dashes: ``phone_key``);
  landlines are left out, an office or a family shares them;
- ``same_email``: an email, whatever its case;
- ``same_name_company``: the name (without case, spaces and punctuation) at the same company;
- ``similar_name`` (weak): names of two or more characters read alike in pinyin with one
  character different (张伟 / 章伟). Each name is put in one bucket per Han character, keyed
  by its whole pinyin and the name with that character blanked out; two names in one bucket
  differ in at most that character.

A key shared by more than ``MAX_GROUP`` contacts (a switchboard number, info@ of a company, a
name as common as 张伟 with a blank) says nothing about any two of them and is left out.
"""

import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from itertools import combinations
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from relbook.core.changes import BookChanges
from relbook.core.errors import ValidationError
from relbook.core.match_keys import email_key, personal_number, plain_name, stored_phone_key
from relbook.core.models import Contact, DuplicateDismissal
from relbook.core.pinyin import SEPARATORS, is_han

SAME_MOBILE = "same_mobile"
SAME_EMAIL = "same_email"
SAME_NAME_COMPANY = "same_name_company"
SIMILAR_NAME = "similar_name"
REASONS: tuple[str, ...] = (SAME_MOBILE, SAME_EMAIL, SAME_NAME_COMPANY, SIMILAR_NAME)
"""Reason codes, strongest first (the order a pair lists them in)."""
STRONG_REASONS = frozenset({SAME_MOBILE, SAME_EMAIL, SAME_NAME_COMPANY})
MAX_GROUP = 12
"""Contacts sharing one key beyond which the key tells nothing about any two of them."""

Report = Callable[[int, int], bool]


@dataclass(frozen=True)
class PairSide:
    """One contact of a pair, as the list shows it."""

    id: int
    name: str
    company: str
    email: str
    mobiles: tuple[str, ...]


@dataclass(frozen=True)
class DuplicatePair:
    """Two live contacts that may be one person; ``first`` has the smaller id."""

    first: PairSide
    second: PairSide
    reasons: tuple[str, ...]

    @property
    def strength(self) -> str:
        """``strong`` when a mobile, an email or the name at the company is shared, else
        ``weak`` (only a similar name)."""
        return "strong" if STRONG_REASONS.intersection(self.reasons) else "weak"

    @property
    def ids(self) -> tuple[int, int]:
        return self.first.id, self.second.id

    def as_json(self) -> dict[str, Any]:
        def side(s: PairSide) -> dict[str, Any]:
            return {
                "id": s.id,
                "name": s.name,
                "company": s.company,
                "email": s.email,
                "mobiles": list(s.mobiles),
            }

        return {
            "first": side(self.first),
            "second": side(self.second),
            "reasons": list(self.reasons),
            "strength": self.strength,
        }


@dataclass
class _Book:
    """What the scan reads of the live contacts."""

    names: dict[int, str] = field(default_factory=dict)
    plain: dict[int, str] = field(default_factory=dict)
    """Names without case, spaces and punctuation (``plain_name``), computed once."""
    spelled: dict[int, str] = field(default_factory=dict)
    org_ids: dict[int, int | None] = field(default_factory=dict)
    companies: dict[int, str] = field(default_factory=dict)
    emails: dict[int, str] = field(default_factory=dict)
    mobiles: dict[int, list[str]] = field(default_factory=lambda: defaultdict(list))
    mobile_keys: dict[int, list[str]] = field(default_factory=lambda: defaultdict(list))


def _read(session: Session) -> _Book:
    # plain rows from the DB-API connection: SQLAlchemy's row objects cost more than the
    # queries over 100,000 contacts (as in the import's index)
    connection: Any = session.connection().connection.dbapi_connection
    book = _Book()
    names, plain, spelled, org_ids = book.names, book.plain, book.spelled, book.org_ids
    companies, emails = book.companies, book.emails
    for contact_id, name, syllables, org_id, company, email in connection.execute(
        "SELECT c.id, c.name, c.name_pinyin, c.organization_id, o.name, c.email FROM contact c"
        " LEFT JOIN organization o ON o.id = c.organization_id WHERE c.deleted_at IS NULL"
    ):
        names[contact_id] = name
        plain[contact_id] = plain_name(name)
        spelled[contact_id] = syllables
        org_ids[contact_id] = org_id
        companies[contact_id] = company or ""
        emails[contact_id] = email
    for contact_id, number in connection.execute(
        "SELECT p.contact_id, p.number FROM phone p JOIN contact c ON c.id = p.contact_id"
        " WHERE c.deleted_at IS NULL ORDER BY p.contact_id, p.position"
    ):
        key = stored_phone_key(number)
        if key and personal_number(key) and key not in book.mobile_keys[contact_id]:
            book.mobiles[contact_id].append(number)
            book.mobile_keys[contact_id].append(key)
    return book


_ALL_HAN = re.compile("[\u3400-\u9fff\uf900-\ufaff]{2,}")


def name_buckets(name: str, spelled: str) -> list[tuple[str, str]]:
    """The ``similar_name`` buckets of a name: (pinyin, name with one Han character blanked)
    for each Han character; none for a one-character name or one whose stored pinyin does not
    have a syllable per character."""
    if _ALL_HAN.fullmatch(name):  # most names: no separators, a syllable per character
        if spelled.count(" ") + 1 != len(name):
            return []
        return [(spelled, name[:i] + "\x00" + name[i + 1 :]) for i in range(len(name))]
    chars = [c for c in name.strip() if c not in SEPARATORS]
    syllables = spelled.split(" ") if spelled else []
    if len(chars) < 2 or len(chars) != len(syllables):
        return []
    return [
        (spelled, "".join(chars[:i]) + "\x00" + "".join(chars[i + 1 :]))
        for i, ch in enumerate(chars)
        if is_han(ch)
    ]


def _groups(book: _Book) -> Iterable[tuple[str, dict[Any, list[int]]]]:
    by_mobile: dict[Any, list[int]] = defaultdict(list)
    for contact_id, keys in book.mobile_keys.items():
        for key in keys:
            by_mobile[key].append(contact_id)
    yield SAME_MOBILE, by_mobile
    by_email: dict[Any, list[int]] = defaultdict(list)
    for contact_id, email in book.emails.items():
        if email and (key := email_key(email)):
            by_email[key].append(contact_id)
    yield SAME_EMAIL, by_email
    by_name: dict[Any, list[int]] = defaultdict(list)
    for contact_id, org_id in book.org_ids.items():
        if org_id is not None and (key := book.plain[contact_id]):
            by_name[(key, org_id)].append(contact_id)
    yield SAME_NAME_COMPANY, by_name
    similar: dict[Any, list[int]] = defaultdict(list)
    spelled = book.spelled
    for contact_id, name in book.names.items():
        for bucket in name_buckets(name, spelled[contact_id]):
            similar[bucket].append(contact_id)
    yield SIMILAR_NAME, similar


def dismissed_pairs(session: Session) -> set[tuple[int, int]]:
    return {
        (first, second)
        for first, second in session.execute(
            select(DuplicateDismissal.first_id, DuplicateDismissal.second_id)
        )
    }


def find_duplicates(session: Session, report: Report | None = None) -> list[DuplicatePair] | None:
    """Every likely pair of live contacts: strong ones first, then by their first reason.

    Pairs the user dismissed (``dismiss_pair``) are left out. ``report(done, total)`` hears of
    each step; when it returns False the scan stops and returns None.
    """
    steps = 1 + len(REASONS)
    if report is not None and not report(0, steps):
        return None
    book = _read(session)
    dismissed = dismissed_pairs(session)
    found: dict[tuple[int, int], set[str]] = defaultdict(set)
    for step, (reason, groups) in enumerate(_groups(book), start=1):
        if report is not None and not report(step, steps):
            return None
        for members in groups.values():
            if len(members) < 2 or len(members) > MAX_GROUP:
                continue
            for a, b in combinations(sorted(set(members)), 2):
                if reason == SIMILAR_NAME and book.plain[a] == book.plain[b]:
                    continue  # one name: not "similar"; with the company it is the third key
                if (a, b) not in dismissed:
                    found[(a, b)].add(reason)
    if report is not None:
        report(steps, steps)

    sides: dict[int, PairSide] = {}

    def side(contact_id: int) -> PairSide:
        found_side = sides.get(contact_id)
        if found_side is None:
            found_side = sides[contact_id] = PairSide(
                contact_id,
                book.names[contact_id],
                book.companies[contact_id],
                book.emails[contact_id],
                tuple(book.mobiles.get(contact_id, ())),
            )
        return found_side

    pairs = [
        DuplicatePair(side(a), side(b), tuple(r for r in REASONS if r in reasons))
        for (a, b), reasons in found.items()
    ]
    pairs.sort(key=lambda p: (p.strength != "strong", REASONS.index(p.reasons[0]), p.ids))
    return pairs


def _ordered(first_id: int, second_id: int) -> tuple[int, int]:
    if first_id == second_id:
        raise ValidationError.single("contacts", "same_contact")
    return min(first_id, second_id), max(first_id, second_id)


def dismiss_pair(session: Session, first_id: int, second_id: int, now: datetime) -> BookChanges:
    """Remember that the two contacts are two people: the scan shows the pair no more."""
    low, high = _ordered(first_id, second_id)
    for contact_id in (low, high):
        if session.get(Contact, contact_id) is None:
            raise ValidationError.single("contacts", "not_found", id=contact_id)
    if session.get(DuplicateDismissal, (low, high)) is None:
        session.add(DuplicateDismissal(first_id=low, second_id=high, dismissed_at=now))
        session.flush()
    return BookChanges(contact_ids=frozenset({low, high}))


def forget_dismissals(session: Session) -> int:
    """Show every dismissed pair again; returns how many there were."""
    count = len(dismissed_pairs(session))
    session.execute(delete(DuplicateDismissal))
    return count
