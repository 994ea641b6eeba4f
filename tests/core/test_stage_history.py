"""Every change of a contact's customer stage is recorded; a move to lost says why."""

from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import select

from relbook.core.contact_batch import ContactBatch
from relbook.core.contact_input import ContactInput
from relbook.core.contacts import (
    contact_profile,
    contact_summary,
    create_contact,
    get_contact,
    save_contact,
    to_input,
    update_contact,
)
from relbook.core.demo import fill_demo
from relbook.core.errors import FieldError, ValidationError
from relbook.core.models import Contact, StageChange

NOW = datetime(2026, 11, 23, 10, 0)


def _steps(book, contact_id: int) -> list[tuple[date, str | None, str, str | None, str]]:
    with book.session() as session:
        rows = session.scalars(
            select(StageChange)
            .where(StageChange.contact_id == contact_id)
            .order_by(StageChange.changed_on, StageChange.id)
        )
        return [(r.changed_on, r.from_stage, r.to_stage, r.reason, r.note) for r in rows]


def _move(book, contact_id: int, stage: str, when: datetime, **lost: str) -> None:
    with book.session() as session:
        data = to_input(get_contact(session, contact_id))
        data.stage = stage
        data.lost_reason = lost.get("reason")
        data.lost_note = lost.get("note", "")
        update_contact(session, contact_id, data, when)


def test_adding_records_the_starting_stage_and_each_move_after(book) -> None:
    with book.session() as session:
        contact_id = create_contact(session, ContactInput("张三", stage="interested"), NOW).id
    later = NOW + timedelta(days=10)
    _move(book, contact_id, "customer", later)
    _move(book, contact_id, "customer", later + timedelta(days=1))  # no move: no row
    lost_on = NOW + timedelta(days=40)
    _move(book, contact_id, "lost", lost_on, reason="cheaper_offer", note=" 对手降价两成 ")
    assert _steps(book, contact_id) == [
        (NOW.date(), None, "interested", None, ""),
        (later.date(), "interested", "customer", None, ""),
        (lost_on.date(), "customer", "lost", "cheaper_offer", "对手降价两成"),
    ]


def test_a_move_to_lost_without_a_reason_is_refused_and_changes_nothing(book) -> None:
    with book.session() as session:
        contact_id = create_contact(session, ContactInput("张三", stage="customer"), NOW).id
    with pytest.raises(ValidationError) as refused:
        _move(book, contact_id, "lost", NOW)
    assert FieldError("lost_reason", "required") in refused.value.errors
    with book.session() as session:
        assert session.get(Contact, contact_id).stage == "customer"
    assert len(_steps(book, contact_id)) == 1


def test_adding_a_lost_contact_needs_a_reason_and_a_reason_must_be_known(book) -> None:
    with book.session() as session, pytest.raises(ValidationError) as missing:
        create_contact(session, ContactInput("张三", stage="lost"), NOW)
    assert FieldError("lost_reason", "required") in missing.value.errors
    with book.session() as session, pytest.raises(ValidationError) as unknown:
        create_contact(session, ContactInput("张三", stage="lost", lost_reason="bored"), NOW)
    assert unknown.value.errors[0].field == "lost_reason"
    assert unknown.value.errors[0].code == "not_a_choice"


def test_an_already_lost_contact_can_be_edited_without_a_new_reason(book) -> None:
    with book.session() as session:
        data = ContactInput("张三", stage="lost", lost_reason="moved_away")
        contact_id = create_contact(session, data, NOW).id
    with book.session() as session:
        data = to_input(get_contact(session, contact_id))
        data.title = "经理"
        update_contact(session, contact_id, data, NOW)
    assert _steps(book, contact_id) == [(NOW.date(), None, "lost", "moved_away", "")]


def test_merges_and_imports_may_record_lost_without_a_reason(book) -> None:
    with book.session() as session:
        batch = ContactBatch(session, NOW)
        imported = batch.add(ContactInput("李四", stage="lost"))
        kept = batch.add(ContactInput("王五", stage="customer"))
        batch.flush()
    with book.session() as session:
        data = to_input(get_contact(session, kept))
        data.stage = "lost"
        update_contact(session, kept, data, NOW, lost_reason_required=False)
    assert _steps(book, imported) == [(NOW.date(), None, "lost", None, "")]
    assert _steps(book, kept)[-1] == (NOW.date(), "customer", "lost", None, "")


def test_the_profile_and_the_summary_show_the_history(book) -> None:
    with book.session() as session:
        saved = save_contact(session, None, ContactInput("张三", stage="customer"), NOW)
    _move(book, saved.id, "lost", NOW + timedelta(days=3), reason="neglected", note="太久没联系")
    with book.session() as session:
        profile = contact_profile(session, saved.id)
        summary = contact_summary(get_contact(session, saved.id))
    assert profile is not None
    assert [(s.from_stage, s.to_stage, s.reason) for s in profile.stage_history] == [
        (None, "customer", None),
        ("customer", "lost", "neglected"),
    ]
    assert summary["stage_history"] == [
        {"on": "2026-11-23", "from": None, "to": "customer", "reason": None, "note": ""},
        {
            "on": "2026-11-26",
            "from": "customer",
            "to": "lost",
            "reason": "neglected",
            "note": "太久没联系",
        },
    ]
    assert "lost_reason" not in summary


def test_demo_contacts_have_a_stage_history_ending_at_their_stage(book) -> None:
    with book.session() as session:
        fill_demo(session, 40, 3, NOW)
    with book.session() as session:
        stages = {r[0]: r[1] for r in session.execute(select(Contact.id, Contact.stage))}
        rows = session.scalars(select(StageChange).order_by(StageChange.changed_on, StageChange.id))
        last: dict[int, StageChange] = {}
        first: dict[int, StageChange] = {}
        for row in rows:
            first.setdefault(row.contact_id, row)
            last[row.contact_id] = row
    assert set(last) == set(stages)
    assert all(last[c].to_stage == stage for c, stage in stages.items())
    assert all(first[c].from_stage is None for c in stages)
    assert all(r.reason for r in last.values() if r.to_stage == "lost")
