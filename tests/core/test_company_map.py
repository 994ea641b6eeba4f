"""The company map: the people at one organization, how they stand, and the gaps."""

from datetime import datetime

import pytest

from relbook.core.company_map import (
    GAPS,
    company_map,
    company_map_named,
    find_organization,
    is_senior,
)
from relbook.core.contact_input import ContactInput
from relbook.core.contacts import create_contact, delete_contacts, organization_for
from relbook.core.errors import AmbiguousError, NotFoundError
from relbook.core.referrals import set_relation

NOW = datetime(2026, 11, 23, 10, 0)


def _add(session, name: str, company: str = "华信科技", **values) -> int:
    return create_contact(session, ContactInput(name, company=company, **values), NOW).id


def test_people_their_superiors_and_relations(book) -> None:
    with book.session() as session:
        boss = _add(session, "王总", title="总经理", buying_role="decision_maker", level=2)
        buyer = _add(session, "李采购", title="采购专员", buying_role="purchaser", level=4)
        engineer = _add(session, "赵工", title="工程师", is_insider=True, level=3)
        outsider = _add(session, "陈外", company="别家公司")
        set_relation(session, buyer, boss, "superior")  # the boss is the buyer's superior
        set_relation(session, boss, engineer, "subordinate")  # the engineer is the boss's
        set_relation(session, buyer, engineer, "peer")
        set_relation(session, buyer, outsider, "friend")  # not at this company: left out
    with book.session() as session:
        found = company_map_named(session, "华信科技")
    assert found.name == "华信科技"
    people = {p.name: p for p in found.people}
    assert set(people) == {"王总", "李采购", "赵工"}
    assert people["李采购"].superiors == (boss,)
    assert people["赵工"].superiors == (boss,)
    assert people["王总"].superiors == ()
    assert people["赵工"].is_insider and people["王总"].buying_role == "decision_maker"
    kinds = {(r.from_id, r.to_id, r.kind) for r in found.relations}
    assert kinds == {
        (boss, buyer, "superior"),
        (boss, engineer, "superior"),
        (engineer, buyer, "peer"),
    }
    assert found.gaps == ()


def test_gaps_of_a_company_known_only_low_down(book) -> None:
    with book.session() as session:
        _add(session, "小张", company="远方集团", title="前台", level=1)
        _add(session, "小李", company="远方集团", title="Office assistant", level=2)
        trashed = _add(session, "刘总", company="远方集团", title="总裁", level=5, is_insider=True)
        delete_contacts(session, [trashed], NOW)
    with book.session() as session:
        found = company_map_named(session, "远方集团")
    assert [p.name for p in found.people] == ["小李", "小张"]
    assert found.gaps == ("no_decision_maker", "no_insider", "all_below_level_3", "no_senior")


def test_an_organization_with_nobody_live_still_has_its_map(book) -> None:
    with book.session() as session:
        org_id = organization_for(session, "空壳公司", "private", NOW)
        assert org_id is not None
    with book.session() as session:
        found = company_map(session, org_id)
    assert found.people == [] and found.relations == []
    assert found.gaps == GAPS
    assert found.org_type == "private"


def test_names_are_found_exactly_then_ignoring_case(book) -> None:
    with book.session() as session:
        _add(session, "甲", company="Acme Ltd")
        _add(session, "乙", company="ACME LTD")
        _add(session, "丙", company="Globex")
    with book.session() as session:
        assert find_organization(session, "ACME LTD").name == "ACME LTD"
        assert find_organization(session, " globex ").name == "Globex"
        with pytest.raises(AmbiguousError) as several:
            find_organization(session, "acme ltd")
        assert several.value.what == "organization"
        assert sorted(label for _, label in several.value.candidates) == ["ACME LTD", "Acme Ltd"]
        with pytest.raises(NotFoundError) as missing:
            find_organization(session, "Initech")
        assert missing.value.what == "organization"


@pytest.mark.parametrize(
    ("title", "senior"),
    [
        ("副总经理", True),
        ("董事会秘书", True),
        ("处长", True),
        ("VP of Sales", True),
        ("Head of IT", True),
        ("Chief Financial Officer", True),
        ("CFO", True),
        ("Doctor", False),
        ("headcount planner", False),
        ("工程师", False),
        ("", False),
    ],
)
def test_senior_titles(title: str, senior: bool) -> None:
    assert is_senior(title) is senior
