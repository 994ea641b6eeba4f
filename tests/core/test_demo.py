from datetime import timedelta

from sqlalchemy import func, select

from relbook.core.contacts import get_contact, to_input, update_contact
from relbook.core.demo import fill_demo
from relbook.core.enums import DealStage
from relbook.core.history import refresh_last_contacted
from relbook.core.models import (
    Contact,
    ContactRelation,
    DealStageChange,
    Gift,
    GiftIdea,
    Interaction,
    InteractionContact,
    Opportunity,
    Purchase,
    Referral,
)
from relbook.core.search import ContactFilter, contact_ids
from relbook.db.book import open_book


def test_demo_rows_match_what_the_service_would_derive(book, now):
    with book.session() as session:
        assert fill_demo(session, 60, 5, now) == 60
    with book.session() as session:
        ids = list(session.scalars(select(Contact.id).order_by(Contact.id)))
        for contact_id in ids[:25]:
            contact = get_contact(session, contact_id, include_deleted=True)
            before = (
                contact.name_pinyin,
                contact.sort_key,
                contact.search_text,
                contact.tier,
                contact.next_birthday,
            )
            update_contact(session, contact_id, to_input(contact), now)
            after = get_contact(session, contact_id, include_deleted=True)
            assert before == (
                after.name_pinyin,
                after.sort_key,
                after.search_text,
                after.tier,
                after.next_birthday,
            )


def test_demo_last_contacted_is_what_the_history_service_computes(book, now):
    with book.session() as session:
        fill_demo(session, 300, 4, now)
    with book.session() as session:
        stored = dict(session.execute(select(Contact.id, Contact.last_contacted_at)).all())
        refresh_last_contacted(session, set(stored))
        session.expire_all()
        computed = dict(session.execute(select(Contact.id, Contact.last_contacted_at)).all())
    assert stored == computed
    assert sum(1 for value in stored.values() if value is not None) > 150


def test_demo_contacts_have_histories_that_grow_with_level(book, now):
    with book.session() as session:
        fill_demo(session, 300, 3, now)
    with book.session() as session:
        per_level = dict(
            session.execute(
                select(Contact.level, func.count(InteractionContact.interaction_id) * 1.0)
                .join(InteractionContact, InteractionContact.contact_id == Contact.id)
                .group_by(Contact.level)
            ).all()
        )
        people = dict(
            session.execute(select(Contact.level, func.count()).group_by(Contact.level)).all()
        )
        average = {level: per_level.get(level, 0) / people[level] for level in people}
        latest = session.scalar(select(func.max(Interaction.occurred_at)))
        kinds = set(session.scalars(select(Interaction.kind).distinct()))
        open_steps = session.scalars(
            select(Interaction.next_step_due).where(
                Interaction.next_step != "", Interaction.next_step_done_at.is_(None)
            )
        ).all()
        shared = session.scalar(
            select(func.count()).select_from(
                select(InteractionContact.interaction_id)
                .group_by(InteractionContact.interaction_id)
                .having(func.count() > 1)
                .subquery()
            )
        )
        gifts = session.scalars(select(Gift)).all()
        ideas = session.scalar(select(func.count()).select_from(GiftIdea))
        relations = session.scalar(select(func.count()).select_from(ContactRelation))
    assert average[1] <= 2 and 10 <= average[5] <= 45 and average[5] > average[3] > average[1]
    assert latest <= now
    assert {"visit", "call", "meal", "message", "meeting", "greeting", "gift"} <= kinds
    assert any(now < due <= now + timedelta(days=14) for due in open_steps)
    assert shared > 0 and ideas > 0 and relations > 0
    assert any(g.occasion == "mid_autumn" and "月饼" in g.item for g in gifts)
    assert any(g.direction == "received" and g.value_cents > 50000 for g in gifts)
    assert any(g.family_member_id is not None for g in gifts)


def test_demo_referrals_are_rows_of_the_referral_table(book, now):
    with book.session() as session:
        fill_demo(session, 300, 6, now)
    with book.session() as session:
        referred_by = set(
            session.execute(
                select(Contact.referred_by_id, Contact.id).where(
                    Contact.referred_by_id.is_not(None)
                )
            ).all()
        )
        rows = set(session.execute(select(Referral.referrer_id, Referral.referred_id)).all())
    assert referred_by and rows == referred_by
    referred = {child for _, child in rows}
    assert any(parent in referred for parent, _ in rows), "some referral chains"


def _history(session) -> list[tuple]:
    interactions = session.execute(
        select(
            Interaction.kind, Interaction.occurred_at, Interaction.notes, Interaction.next_step
        ).order_by(Interaction.id)
    ).all()
    gifts = session.execute(select(Gift.item, Gift.given_on, Gift.value_cents).order_by(Gift.id))
    return [tuple(r) for r in interactions] + [tuple(r) for r in gifts]


def test_demo_history_is_the_same_for_the_same_seed(book, now, tmp_path):
    other = open_book(tmp_path / "other", now=now)
    try:
        for target in (book, other):
            with target.session() as session:
                fill_demo(session, 80, 11, now)
        with book.session() as a, other.session() as b:
            assert _history(a) == _history(b) and len(_history(a)) > 80
    finally:
        other.close()


def test_demo_contacts_are_found_by_wechat_and_phone(book, now):
    with book.session() as session:
        fill_demo(session, 30, 9, now)
    with book.session() as session:
        contact = get_contact(session, 3)
        found_by_wechat = contact_ids(session, ContactFilter(text=contact.wechat))
        found_by_phone = contact_ids(session, ContactFilter(text=contact.phones[0].number))
    assert 3 in found_by_wechat and 3 in found_by_phone


def test_large_demo_books_keep_a_few_contacts_in_the_trash(book, now):
    with book.session() as session:
        fill_demo(session, 400, 2, now)
    with book.session() as session:
        assert len(contact_ids(session, ContactFilter(trash=True))) == 2
        assert len(contact_ids(session, ContactFilter())) == 398


def test_the_demo_book_has_a_funnel_in_every_stage_with_history(book, now) -> None:
    with book.session() as session:
        fill_demo(session, 300, 4, now)
        deals = session.scalars(select(Opportunity)).all()
        open_stages = {d.stage for d in deals if d.status == "open"}
        assert open_stages == {stage.value for stage in DealStage}
        lost = [d for d in deals if d.status == "lost"]
        won = [d for d in deals if d.status == "won"]
        assert len(lost) >= 5 and all(d.lost_reason for d in lost)
        assert len(won) >= 5
        purchases = session.scalars(select(Purchase)).all()
        assert {p.opportunity_id for p in purchases} == {d.id for d in won}
        assert any(p.renewal_on is not None and p.expiry_id for p in purchases)
        for deal in deals:
            history = session.scalars(
                select(DealStageChange)
                .where(DealStageChange.opportunity_id == deal.id)
                .order_by(DealStageChange.changed_on, DealStageChange.id)
            ).all()
            assert history[0].from_stage is None and history[0].to_stage == "analysis"
            assert history[-1].to_stage == deal.stage and history[-1].status == deal.status
            assert deal.buying_centre
