"""The company map (组织结构与决策人分析): everyone known at one organization, how they stand
to each other, and the gaps the trainers warn about (高层交往: many low ties block the top).
"""

import re
from dataclasses import dataclass, field

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from relbook.core.enums import BuyingRole, RelationKind
from relbook.core.errors import AmbiguousError, NotFoundError
from relbook.core.models import Contact, ContactRelation, Organization

SENIOR_KEYWORDS: tuple[str, ...] = (
    "总",
    "董事",
    "总监",
    "经理",
    "主任",
    "局长",
    "处长",
    "院长",
    "校长",
    "行长",
    "部长",
    "主席",
    "director",
    "president",
    "chief",
    "head",
    "vp",
    "ceo",
    "cfo",
    "cto",
    "manager",
    "partner",
)
"""Words in a title that mark someone senior, for the ``no_senior`` gap. Chinese words match
anywhere in the title (总 finds 王总, 总经理, 副总裁); Latin ones, case-insensitively, only as
whole words, so that "cto" is not found in "doctor" nor "head" in "headcount"."""

_LATIN_SENIOR = re.compile(
    r"\b(" + "|".join(k for k in SENIOR_KEYWORDS if k.isascii()) + r")\b", re.IGNORECASE
)
_CHINESE_SENIOR = tuple(k for k in SENIOR_KEYWORDS if not k.isascii())

GAP_NO_DECISION_MAKER = "no_decision_maker"
GAP_NO_INSIDER = "no_insider"
GAP_ALL_BELOW_LEVEL_3 = "all_below_level_3"
GAP_NO_SENIOR = "no_senior"
GAPS: tuple[str, ...] = (
    GAP_NO_DECISION_MAKER,
    GAP_NO_INSIDER,
    GAP_ALL_BELOW_LEVEL_3,
    GAP_NO_SENIOR,
)
"""Every gap code, in the order they are listed."""
HIGH_LEVEL = 3
"""The level (约会 Engaged) that at least one relationship at a company should reach."""


def is_senior(title: str) -> bool:
    """Whether the title names a senior post (``SENIOR_KEYWORDS``)."""
    return any(k in title for k in _CHINESE_SENIOR) or bool(_LATIN_SENIOR.search(title))


@dataclass(frozen=True)
class MapPerson:
    """Someone live at the organization; ``superiors`` are the ids of those above them."""

    id: int
    name: str
    title: str
    department: str
    buying_role: str | None
    is_insider: bool
    level: int
    tier: str | None
    superiors: tuple[int, ...] = ()


@dataclass(frozen=True)
class MapRelation:
    """How ``from_id`` stands to ``to_id`` (a ``RelationKind`` code). A subordinate row is
    turned round into a superior one, so ``superior`` always points downwards."""

    from_id: int
    to_id: int
    kind: str
    note: str = ""


@dataclass(frozen=True)
class CompanyMap:
    organization_id: int
    name: str
    org_type: str
    people: list[MapPerson] = field(default_factory=list)
    relations: list[MapRelation] = field(default_factory=list)
    gaps: tuple[str, ...] = ()


def find_organization(session: Session, name: str) -> Organization:
    """The organization called ``name``: exactly, else the one whose name matches ignoring
    case. Raises ``NotFoundError("organization", ...)`` or ``AmbiguousError``."""
    key = name.strip()
    exact = session.scalar(select(Organization).where(Organization.name == key))
    if exact is not None:
        return exact
    lowered = key.casefold()
    rows = [
        (org_id, org_name)
        for org_id, org_name in session.execute(
            select(Organization.id, Organization.name).order_by(Organization.id)
        )
        if org_name.casefold() == lowered
    ]
    if not rows:
        raise NotFoundError("organization", key)
    if len(rows) > 1:
        raise AmbiguousError(key, rows, what="organization")
    found = session.get(Organization, rows[0][0])
    assert found is not None
    return found


def gaps_of(people: list[MapPerson]) -> tuple[str, ...]:
    """The gap codes for these people, in ``GAPS`` order (all four for nobody)."""
    found: list[str] = []
    if not any(p.buying_role == BuyingRole.DECISION_MAKER for p in people):
        found.append(GAP_NO_DECISION_MAKER)
    if not any(p.is_insider for p in people):
        found.append(GAP_NO_INSIDER)
    if all(p.level < HIGH_LEVEL for p in people):
        found.append(GAP_ALL_BELOW_LEVEL_3)
    if not any(is_senior(p.title) for p in people):
        found.append(GAP_NO_SENIOR)
    return tuple(found)


def _relations(session: Session, ids: set[int]) -> list[MapRelation]:
    if not ids:
        return []
    rows = session.execute(
        select(
            ContactRelation.contact_id,
            ContactRelation.other_id,
            ContactRelation.kind,
            ContactRelation.note,
        )
        .where(or_(ContactRelation.contact_id.in_(ids), ContactRelation.other_id.in_(ids)))
        .order_by(ContactRelation.id)
    )
    found: list[MapRelation] = []
    for contact_id, other_id, kind, note in rows:
        if contact_id not in ids or other_id not in ids:
            continue
        if kind == RelationKind.SUBORDINATE:
            found.append(MapRelation(other_id, contact_id, RelationKind.SUPERIOR.value, note))
        else:
            found.append(MapRelation(contact_id, other_id, kind, note))
    return found


def company_map(session: Session, organization_id: int) -> CompanyMap:
    """Everyone live at the organization (in name order), their links and the gaps."""
    org = session.get(Organization, organization_id)
    if org is None:
        raise NotFoundError("organization", str(organization_id))
    rows = session.execute(
        select(
            Contact.id,
            Contact.name,
            Contact.title,
            Contact.department,
            Contact.buying_role,
            Contact.is_insider,
            Contact.level,
            Contact.tier,
        )
        .where(Contact.organization_id == organization_id, Contact.deleted_at.is_(None))
        .order_by(Contact.sort_key, Contact.id)
    ).all()
    relations = _relations(session, {row[0] for row in rows})
    above: dict[int, list[int]] = {}
    for relation in relations:
        if relation.kind == RelationKind.SUPERIOR:
            above.setdefault(relation.to_id, []).append(relation.from_id)
    people = [
        MapPerson(
            id=row[0],
            name=row[1],
            title=row[2],
            department=row[3],
            buying_role=row[4] or None,
            is_insider=bool(row[5]),
            level=row[6],
            tier=row[7],
            superiors=tuple(above.get(row[0], ())),
        )
        for row in rows
    ]
    return CompanyMap(org.id, org.name, org.org_type, people, relations, gaps_of(people))


def company_map_named(session: Session, name: str) -> CompanyMap:
    """``company_map`` of the organization ``find_organization`` finds for ``name``."""
    return company_map(session, find_organization(session, name).id)


def organization_of(session: Session, contact_id: int) -> int | None:
    """The id of the contact's organization, if any."""
    return session.scalar(select(Contact.organization_id).where(Contact.id == contact_id))
