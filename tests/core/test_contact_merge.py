"""Merging two contacts keeps everything from both; restoring the merged one from the trash
gives both people back as they were."""

from datetime import date, datetime, timedelta

import pytest
import sqlalchemy as sa

from relbook.core.contact_input import ContactInput, DateInput, FamilyInput, PhoneInput
from relbook.core.contact_merge import merge_contacts
from relbook.core.contacts import (
    create_contact,
    delete_contacts,
    get_contact,
    purge_contacts,
    restore_contacts,
    to_input,
    update_contact,
)
from relbook.core.errors import NotFoundError, ValidationError
from relbook.core.history import InteractionInput, log_interaction
from relbook.core.models import (
    Base,
    ContactMerge,
    ContactRelation,
    DealContact,
    Expiry,
    Gift,
    GiftIdea,
    InteractionContact,
    Opportunity,
    Purchase,
    Referral,
    StageChange,
    Task,
)

NOW = datetime(2026, 11, 23, 10, 0)
LATER = NOW + timedelta(hours=1)
SKIPPED = {("contact", "updated_at"), ("contact_merge", "*")}
"""What a restore may change: when the contacts were last saved, and the merge record."""


def _snapshot(session) -> dict[str, list[tuple]]:
    """Every row of every table, sorted: the whole book as it stands."""
    session.flush()
    found: dict[str, list[tuple]] = {}
    for table in Base.metadata.sorted_tables:
        if (table.name, "*") in SKIPPED:
            continue
        columns = [c for c in table.columns if (table.name, c.name) not in SKIPPED]
        rows = session.execute(sa.select(*columns)).all()
        found[table.name] = sorted((tuple(r) for r in rows), key=repr)
    return found


def _opportunity(session, title: str) -> int:
    opportunity = Opportunity(
        title=title,
        amount_cents=100_000,
        stage="analysis",
        stage_since=date(2026, 10, 1),
        created_at=NOW,
        updated_at=NOW,
    )
    session.add(opportunity)
    session.flush()
    return opportunity.id


def _person(session, name: str, mobile: str, **fields) -> int:
    data = ContactInput(
        name=name,
        phones=[PhoneInput(mobile), PhoneInput("0571-88886666", "work")],
        **fields,
    )
    return create_contact(session, data, NOW).id


def _history(session, contact_id: int, label: str) -> None:
    """One of each kind of record for the contact."""
    session.add_all(
        [
            Gift(
                contact_id=contact_id,
                direction="given",
                given_on=date(2026, 2, 1),
                item=f"茶叶 {label}",
                created_at=NOW,
                updated_at=NOW,
            ),
            GiftIdea(contact_id=contact_id, idea=f"书 {label}", created_at=NOW),
            Task(contact_id=contact_id, title=f"回访 {label}", due_at=NOW, created_at=NOW),
            Expiry(
                contact_id=contact_id,
                kind="policy",
                label=label,
                expires_on=date(2027, 1, 1),
                created_at=NOW,
            ),
            StageChange(
                contact_id=contact_id,
                changed_on=date(2026, 5, 1),
                from_stage="potential",
                to_stage="interested",
            ),
            Purchase(
                contact_id=contact_id,
                product=f"保险 {label}",
                amount_cents=500_00,
                bought_on=date(2026, 3, 1),
                created_at=NOW,
                updated_at=NOW,
            ),
        ]
    )
    session.flush()


@pytest.fixture
def pair(book):
    """张伟 (kept) and 章伟 (the duplicate), each with a full life, sharing some of it."""
    with book.session() as session:
        friend = _person(session, "李娜", "13900000001")
        third = _person(session, "王芳", "13900000002")
        kept = _person(
            session,
            "张伟",
            "138 0013 8000",
            company="恒达科技",
            email="zw@hengda.example",
            notes="喜欢喝茶",
            level=2,
            tags=["老客户"],
            family=[FamilyInput("王丽", "spouse")],
            dates=[DateInput(3, 8, 1980)],
        )
        other = _person(
            session,
            "章伟",
            "+86 138-0013-8000",
            wechat="zhangwei_wx",
            notes="女儿在读高中",
            hobbies="钓鱼",
            level=4,
            tags=["老客户", "转介绍"],
            family=[FamilyInput("王丽", "spouse"), FamilyInput("张小明", "child")],
            dates=[DateInput(3, 9, 1980), DateInput(6, 1, kind="wedding")],
            referred_by_id=third,
        )
        update_contact(
            session,
            other,
            ContactInput(**{**vars(to_input(get_contact(session, other))), "level": 5}),
            NOW,
        )
        _history(session, kept, "kept")
        _history(session, other, "other")
        both = log_interaction(
            session, InteractionInput("meal", NOW - timedelta(days=3), [kept, other]), NOW
        )
        alone = log_interaction(
            session, InteractionInput("visit", NOW - timedelta(days=1), [other, friend]), NOW
        )
        shared = _opportunity(session, "恒达 2027 采购")
        own = _opportunity(session, "章伟 的单子")
        session.add_all(
            [
                DealContact(opportunity_id=shared, contact_id=kept, role=None, is_insider=False),
                DealContact(
                    opportunity_id=shared, contact_id=other, role="decision_maker", is_insider=True
                ),
                DealContact(opportunity_id=own, contact_id=other, role="user", position=1),
                Referral(
                    referrer_id=other,
                    referred_id=friend,
                    referred_on=date(2026, 1, 1),
                    created_at=NOW,
                ),
                Referral(
                    referrer_id=other,
                    referred_id=kept,
                    referred_on=date(2026, 1, 2),
                    created_at=NOW,
                ),
                ContactRelation(contact_id=other, other_id=friend, kind="friend"),
                ContactRelation(contact_id=kept, other_id=friend, kind="friend"),
            ]
        )
        session.flush()
        ids = dict(
            kept=kept,
            other=other,
            friend=friend,
            third=third,
            both=both.id,
            alone=alone.id,
            shared=shared,
            own=own,
        )
        session.commit()
    return ids


def test_a_merge_keeps_everything_from_both(book, pair):
    kept, other = pair["kept"], pair["other"]
    with book.session() as session:
        changes = merge_contacts(session, kept, other, LATER)
        session.commit()
    assert {kept, other} <= changes.contact_ids and changes.trash and changes.deals
    with book.session() as session:
        person = get_contact(session, kept)
        assert get_contact(session, other, include_deleted=True).deleted_at == LATER
        with pytest.raises(NotFoundError):
            get_contact(session, other)
        # one mobile in two formats is one phone; the work number too
        assert [p.number for p in person.phones] == ["138 0013 8000", "0571-88886666"]
        assert person.wechat == "zhangwei_wx" and person.email == "zw@hengda.example"
        assert person.notes == "喜欢喝茶\n女儿在读高中" and person.hobbies == "钓鱼"
        assert person.organization is not None and person.organization.name == "恒达科技"
        assert sorted(t.name for t in person.tags) == ["老客户", "转介绍"]
        assert [m.name for m in person.family] == ["王丽", "张小明"]
        assert sorted((d.kind, d.month, d.day) for d in person.special_dates) == [
            ("birthday", 3, 8),
            ("wedding", 6, 1),
        ]
        # the higher level, as a step in the history; the other's steps come along
        assert person.level == 5
        steps = [(c.from_level, c.to_level) for c in person.level_changes]
        assert (2, 5) in steps and (4, 5) in steps and (None, 4) in steps
        assert person.referred_by_id == pair["third"]
        for model in (Gift, GiftIdea, Task, Expiry, Purchase, StageChange):
            owners = session.scalars(sa.select(model.contact_id)).all()
            assert other not in owners
            assert owners.count(kept) >= 2, model
        participants = session.execute(
            sa.select(InteractionContact.interaction_id, InteractionContact.contact_id)
        ).all()
        assert sorted(participants) == sorted(
            [(pair["both"], kept), (pair["alone"], kept), (pair["alone"], pair["friend"])]
        )
        assert person.last_contacted_at == NOW - timedelta(days=1)
        links = session.execute(
            sa.select(
                DealContact.opportunity_id,
                DealContact.contact_id,
                DealContact.role,
                DealContact.is_insider,
            )
        ).all()
        assert sorted(links) == sorted(
            [(pair["shared"], kept, "decision_maker", True), (pair["own"], kept, "user", False)]
        )
        referrals = session.execute(sa.select(Referral.referrer_id, Referral.referred_id)).all()
        assert (kept, pair["friend"]) in referrals
        assert all(other not in r and r[0] != r[1] for r in referrals)
        relations = session.execute(
            sa.select(ContactRelation.contact_id, ContactRelation.other_id)
        ).all()
        assert relations == [(kept, pair["friend"])]
        assert "13800138000" in person.search_text and "转介绍" in person.search_text


def test_restoring_the_merged_contact_gives_both_back_as_they_were(book, pair):
    with book.session() as session:
        before = _snapshot(session)
        merge_contacts(session, pair["kept"], pair["other"], LATER)
        session.commit()
    with book.session() as session:
        changes = restore_contacts(session, [pair["other"]], LATER)
        session.commit()
    assert {pair["kept"], pair["other"]} <= changes.contact_ids
    with book.session() as session:
        after = _snapshot(session)
        assert session.scalar(sa.select(sa.func.count()).select_from(ContactMerge)) == 0
    assert after == before


def test_edits_to_the_kept_contact_after_the_merge_stay_on_restore(book, pair):
    kept, other = pair["kept"], pair["other"]
    with book.session() as session:
        merge_contacts(session, kept, other, LATER)
        data = to_input(get_contact(session, kept))
        data.wechat = "new_wx"  # was filled by the merge; the user changed it since
        update_contact(session, kept, data, LATER)
        session.commit()
    with book.session() as session:
        restore_contacts(session, [other], LATER)
        session.commit()
    with book.session() as session:
        assert get_contact(session, kept).wechat == "new_wx"
        assert get_contact(session, other).wechat == "zhangwei_wx"
        assert get_contact(session, kept).notes == "喜欢喝茶"
        assert [p.number for p in get_contact(session, other).phones] == [
            "+86 138-0013-8000",
            "0571-88886666",
        ]


@pytest.mark.parametrize("first", ["other", "kept"])
def test_a_chain_of_merges_undone_in_either_order(book, pair, first):
    kept, other, friend = pair["kept"], pair["other"], pair["friend"]
    with book.session() as session:
        before = _snapshot(session)
        merge_contacts(session, kept, other, LATER)
        merge_contacts(session, friend, kept, LATER)  # the kept one is merged on in turn
        session.commit()
    with book.session() as session:
        order = [other, kept] if first == "other" else [kept, other]
        restore_contacts(session, [order[0]], LATER)
        restore_contacts(session, [order[1]], LATER)
        session.commit()
    with book.session() as session:
        assert _snapshot(session) == before


def test_purging_the_merged_contact_forgets_the_merge(book, pair):
    with book.session() as session:
        merge_contacts(session, pair["kept"], pair["other"], LATER)
        purge_contacts(session, [pair["other"]])
        session.commit()
    with book.session() as session:
        assert session.scalar(sa.select(sa.func.count()).select_from(ContactMerge)) == 0
        assert len(get_contact(session, pair["kept"]).family) == 2


def test_a_contact_is_not_merged_with_itself_or_a_trashed_one(book, pair):
    with book.session() as session:
        with pytest.raises(ValidationError):
            merge_contacts(session, pair["kept"], pair["kept"], LATER)
        delete_contacts(session, [pair["friend"]], LATER)
        with pytest.raises(NotFoundError):
            merge_contacts(session, pair["kept"], pair["friend"], LATER)


def test_restoring_a_contact_that_was_never_merged_is_as_before(book, pair):
    with book.session() as session:
        delete_contacts(session, [pair["other"]], LATER)
        changes = restore_contacts(session, [pair["other"]], LATER)
        assert not changes.history
        assert get_contact(session, pair["other"]).wechat == "zhangwei_wx"
