"""Referrals (who introduced whom) and relations between contacts, with the referral tree."""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from relbook.core.changes import BookChanges
from relbook.core.enums import RelationKind, Source
from relbook.core.errors import ValidationError
from relbook.core.models import Contact, ContactRelation, Organization, Referral
from relbook.core.supported_days import require_supported_day


def _live(session: Session, contact_id: int, field_name: str) -> Contact:
    contact = session.get(Contact, contact_id)
    if contact is None or contact.deleted_at is not None:
        raise ValidationError.single(field_name, "not_found", id=contact_id)
    return contact


def add_referral(
    session: Session,
    referrer_id: int,
    referred_id: int,
    referred_on: date,
    now: datetime,
    outcome: str = "",
) -> Referral:
    """Record that ``referrer`` introduced ``referred``; fills the referred's "how met" too."""
    if referrer_id == referred_id:
        raise ValidationError.single("referred", "self_reference")
    require_supported_day("referred_on", referred_on)
    _live(session, referrer_id, "referrer")
    referred = _live(session, referred_id, "referred")
    if _would_cycle(session, referrer_id, referred_id):
        raise ValidationError.single("referred", "referral_cycle")
    existing = session.scalar(
        select(Referral).where(
            Referral.referrer_id == referrer_id, Referral.referred_id == referred_id
        )
    )
    if existing is not None:
        existing.referred_on = referred_on
        existing.outcome = outcome.strip() or existing.outcome
        return existing
    referral = Referral(
        referrer_id=referrer_id,
        referred_id=referred_id,
        referred_on=referred_on,
        outcome=outcome.strip(),
        created_at=now,
    )
    session.add(referral)
    if referred.referred_by_id is None:
        referred.referred_by_id = referrer_id
        referred.source = referred.source or Source.REFERRAL
    session.flush()
    return referral


def _would_cycle(session: Session, referrer_id: int, referred_id: int) -> bool:
    """True when ``referred`` already stands above ``referrer`` in the tree."""
    parents = _parents(session)
    seen: set[int] = set()
    current = [referrer_id]
    while current:
        node = current.pop()
        if node == referred_id:
            return True
        if node in seen:
            continue
        seen.add(node)
        current.extend(parents.get(node, ()))
    return False


def _parents(session: Session) -> dict[int, list[int]]:
    found: dict[int, list[int]] = defaultdict(list)
    for referrer, referred in session.execute(select(Referral.referrer_id, Referral.referred_id)):
        found[referred].append(referrer)
    return found


def sync_referred_by(session: Session, contact: Contact, now: datetime) -> None:
    """Keep a referral row for the profile's "referred by" field (the editor sets it)."""
    if contact.referred_by_id is None or contact.referred_by_id == contact.id:
        return
    exists = session.scalar(
        select(Referral.id).where(
            Referral.referrer_id == contact.referred_by_id, Referral.referred_id == contact.id
        )
    )
    if exists is None and not _would_cycle(session, contact.referred_by_id, contact.id):
        session.add(
            Referral(
                referrer_id=contact.referred_by_id,
                referred_id=contact.id,
                referred_on=(contact.created_at or now).date(),
                outcome="",
                created_at=now,
            )
        )


def delete_referral(session: Session, referral_id: int) -> BookChanges:
    referral = session.get(Referral, referral_id)
    if referral is None:
        return BookChanges()
    ids = frozenset({referral.referrer_id, referral.referred_id})
    referred = session.get(Contact, referral.referred_id)
    if referred is not None and referred.referred_by_id == referral.referrer_id:
        referred.referred_by_id = None  # else the next save of the profile would restore it
    session.delete(referral)
    return BookChanges(contact_ids=ids, history=True)


@dataclass
class ReferralNode:
    contact_id: int
    name: str
    company: str
    referred_on: date | None
    children: list["ReferralNode"] = field(default_factory=list)

    @property
    def descendants(self) -> int:
        """Everyone who came through this contact, directly or further down."""
        return sum(1 + child.descendants for child in self.children)


def referral_forest(session: Session) -> list[ReferralNode]:
    """Every referral chain among live contacts, biggest referrers first."""
    rows = session.execute(
        select(Referral.referrer_id, Referral.referred_id, Referral.referred_on)
        .join(Contact, Contact.id == Referral.referred_id)
        .where(Contact.deleted_at.is_(None))
        .order_by(Referral.referred_on, Referral.id)
    ).all()
    people = {
        r[0]: (r[1], r[2] or "")
        for r in session.execute(
            select(Contact.id, Contact.name, Organization.name)
            .outerjoin(Organization, Organization.id == Contact.organization_id)
            .where(Contact.deleted_at.is_(None))
        )
    }
    children: dict[int, list[tuple[int, date]]] = defaultdict(list)
    referred: set[int] = set()
    for referrer, child, when in rows:
        if referrer in people and child in people and child not in referred:
            children[referrer].append((child, when))
            referred.add(child)

    def build(contact_id: int, when: date | None, path: frozenset[int]) -> ReferralNode:
        name, company = people[contact_id]
        node = ReferralNode(contact_id, name, company, when)
        for child, child_when in children.get(contact_id, []):
            if child not in path:
                node.children.append(build(child, child_when, path | {child}))
        return node

    roots = [build(c, None, frozenset({c})) for c in children if c not in referred]
    roots.sort(key=lambda n: (-n.descendants, n.name))
    return roots


def referral_subtree(session: Session, contact_id: int) -> ReferralNode | None:
    """The chain below one contact (None if they referred nobody)."""
    stack = list(referral_forest(session))
    while stack:
        node = stack.pop()
        if node.contact_id == contact_id:
            return node
        stack.extend(node.children)
    return None


@dataclass(frozen=True)
class LinkedContact:
    """A relation seen from one contact: ``kind`` is how *the other* stands to this contact."""

    relation_id: int
    contact_id: int
    name: str
    kind: str
    note: str


def set_relation(
    session: Session, contact_id: int, other_id: int, kind: str, note: str = ""
) -> ContactRelation:
    """Say how ``other`` stands to ``contact`` (e.g. SUPERIOR: other is contact's superior)."""
    if kind not in {k.value for k in RelationKind}:
        raise ValidationError.single("relation", "not_a_choice", value=kind)
    if contact_id == other_id:
        raise ValidationError.single("relation", "self_reference")
    _live(session, contact_id, "contact")
    _live(session, other_id, "relation")
    existing = session.scalar(
        select(ContactRelation).where(
            or_(
                (ContactRelation.contact_id == contact_id) & (ContactRelation.other_id == other_id),
                (ContactRelation.contact_id == other_id) & (ContactRelation.other_id == contact_id),
            )
        )
    )
    if existing is not None:
        session.delete(existing)
        session.flush()
    # a row says how its contact_id stands to its other_id: here, how other stands to contact
    relation = ContactRelation(
        contact_id=other_id,
        other_id=contact_id,
        kind=RelationKind(kind).value,
        note=note.strip(),
    )
    session.add(relation)
    session.flush()
    return relation


def remove_relation(session: Session, relation_id: int) -> BookChanges:
    relation = session.get(ContactRelation, relation_id)
    if relation is None:
        return BookChanges()
    session.delete(relation)
    return BookChanges(
        contact_ids=frozenset({relation.contact_id, relation.other_id}), history=True
    )


def link_contacts(
    session: Session, contact_id: int, other_id: int, kind: str, note: str = ""
) -> BookChanges:
    """Say how ``other`` stands to ``contact``, as ``set_relation`` does."""
    set_relation(session, contact_id, other_id, kind, note)
    return BookChanges(contact_ids=frozenset({contact_id, other_id}), history=True)


def record_referral(
    session: Session,
    referrer_id: int,
    referred_id: int,
    referred_on: date,
    now: datetime,
    outcome: str = "",
) -> BookChanges:
    """Record who introduced whom, as ``add_referral`` does (the referred's "referred by" and
    "how met" may be filled in too)."""
    add_referral(session, referrer_id, referred_id, referred_on, now, outcome)
    return BookChanges(
        contact_ids=frozenset({referrer_id, referred_id}),
        history=True,
        fields=frozenset({"referred_by_id", "source"}),
    )


def relations_of(session: Session, contact_id: int) -> list[LinkedContact]:
    """Contacts linked to ``contact_id``, each with how they stand to it."""
    linked: list[LinkedContact] = []
    for relation in session.scalars(
        select(ContactRelation).where(
            or_(ContactRelation.contact_id == contact_id, ContactRelation.other_id == contact_id)
        )
    ):
        if relation.contact_id == contact_id:
            # the row says how this contact stands to the other; invert it
            other = relation.other_id
            kind = RelationKind(relation.kind).inverse().value
        else:
            other = relation.contact_id
            kind = relation.kind
        person = session.get(Contact, other)
        if person is None or person.deleted_at is not None:
            continue
        linked.append(LinkedContact(relation.id, other, person.name, kind, relation.note))
    linked.sort(key=lambda link: (link.kind, link.name))
    return linked


def referrals_of(session: Session, contact_id: int) -> tuple[list[Referral], list[Referral]]:
    """(who referred this contact, whom this contact referred)."""
    by = list(session.scalars(select(Referral).where(Referral.referred_id == contact_id)))
    made = list(
        session.scalars(
            select(Referral)
            .where(Referral.referrer_id == contact_id)
            .order_by(Referral.referred_on, Referral.id)
        )
    )
    return by, made


@dataclass
class Links:
    """Plain copies of a contact's relations and referrals, as its Relations tab lists them."""

    name: str
    relations: list[tuple[int, str, str, str, int]] = field(default_factory=list)
    """(other contact, kind, their name, note, relation id)."""
    referred_by: list[tuple[int, str, date, int]] = field(default_factory=list)
    """(referrer, their name, day, referral id), live referrers only."""
    referred: list[tuple[int, str, date, int]] = field(default_factory=list)
    """(referred contact, their name, day, referral id), live contacts only."""


def links_of(session: Session, contact_id: int) -> Links | None:
    """A live contact's relations and referrals; None when it is gone or in the trash."""
    contact = session.get(Contact, contact_id)
    if contact is None or contact.deleted_at is not None:
        return None
    links = Links(contact.name)
    links.relations = [
        (link.contact_id, link.kind, link.name, link.note, link.relation_id)
        for link in relations_of(session, contact_id)
    ]
    by, made = referrals_of(session, contact_id)
    ids = {r.referrer_id for r in by} | {r.referred_id for r in made}
    names = dict(
        session.execute(
            select(Contact.id, Contact.name).where(
                Contact.id.in_(ids), Contact.deleted_at.is_(None)
            )
        ).all()
    )
    links.referred_by = [
        (r.referrer_id, names[r.referrer_id], r.referred_on, r.id)
        for r in by
        if r.referrer_id in names
    ]
    links.referred = [
        (r.referred_id, names[r.referred_id], r.referred_on, r.id)
        for r in made
        if r.referred_id in names
    ]
    return links
