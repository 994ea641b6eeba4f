"""One contact's whole profile with its history, as JSON-ready data for ``contact show``."""

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from relbook.core.contacts import contact_summary
from relbook.core.deal_reads import contact_deals_json, yuan
from relbook.core.gifts import from_cents, gifts_of, ideas_of
from relbook.core.history import interactions_of
from relbook.core.models import Contact, Interaction
from relbook.core.purchases import purchases_of
from relbook.core.referrals import referrals_of, relations_of


def _minutes(value: datetime | None) -> str | None:
    return value.isoformat(timespec="minutes") if value is not None else None


def live_names(session: Session, ids: set[int]) -> dict[int, str]:
    """Names of the live contacts among ``ids`` (trashed ones are left out of the profile)."""
    if not ids:
        return {}
    rows = session.execute(
        select(Contact.id, Contact.name).where(Contact.id.in_(ids), Contact.deleted_at.is_(None))
    )
    return {row[0]: row[1] for row in rows}


def _interaction_json(
    item: Interaction, contact_id: int, names: dict[int, str]
) -> dict[str, object]:
    others = [p.contact_id for p in item.participants if p.contact_id != contact_id]
    return {
        "id": item.id,
        "type": item.kind,
        "date": _minutes(item.occurred_at),
        "place": item.place,
        "notes": item.notes,
        "outcome": item.outcome,
        "next_step": item.next_step,
        "next_step_due": _minutes(item.next_step_due),
        "next_step_done_at": _minutes(item.next_step_done_at),
        "with": [names[o] for o in others if o in names],
    }


def _referrals_json(session: Session, contact_id: int) -> dict[str, list[dict[str, object]]]:
    by, made = referrals_of(session, contact_id)
    names = live_names(session, {r.referrer_id for r in by} | {r.referred_id for r in made})
    return {
        "referred_by": [
            {"id": r.referrer_id, "name": names[r.referrer_id], "date": r.referred_on.isoformat()}
            for r in by
            if r.referrer_id in names
        ],
        "referred": [
            {
                "id": r.referred_id,
                "name": names[r.referred_id],
                "date": r.referred_on.isoformat(),
                "outcome": r.outcome,
            }
            for r in made
            if r.referred_id in names
        ],
    }


def full_profile(session: Session, contact: Contact) -> dict[str, object]:
    """The base profile plus interactions, gifts, ideas, referrals, relations, purchases and
    deals (amounts in yuan).

    Lists are newest first where they have dates, so a reader sees the latest news on top.
    """
    data = contact_summary(contact)
    interactions = interactions_of(session, contact.id)
    names = live_names(session, {p.contact_id for i in interactions for p in i.participants})
    members = {m.id: m.name for m in contact.family}
    data["interactions"] = [_interaction_json(i, contact.id, names) for i in interactions]
    data["gifts"] = [
        {
            "id": gift.id,
            "direction": gift.direction,
            "date": gift.given_on.isoformat(),
            "occasion": gift.occasion,
            "item": gift.item,
            "value": None if gift.value_cents is None else str(from_cents(gift.value_cents)),
            "recipient": members.get(gift.family_member_id) if gift.family_member_id else None,
            "notes": gift.notes,
        }
        for gift in gifts_of(session, contact.id)
    ]
    data["gift_ideas"] = [
        {"idea": i.idea, "status": i.status} for i in ideas_of(session, contact.id)
    ]
    data["referrals"] = _referrals_json(session, contact.id)
    data["relations"] = [
        {"id": link.contact_id, "name": link.name, "kind": link.kind, "note": link.note}
        for link in relations_of(session, contact.id)
    ]
    data["purchases"] = [
        {
            "id": p.id,
            "product": p.product,
            "amount": yuan(p.amount_cents),
            "date": p.bought_on.isoformat(),
            "renewal": p.renewal_on.isoformat() if p.renewal_on else None,
        }
        for p in purchases_of(session, contact.id)
    ]
    data["deals"] = contact_deals_json(session, contact.id)
    return data
