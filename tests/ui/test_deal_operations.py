"""The opportunity operations run core's services off the UI thread and announce ``deals``."""

from datetime import datetime

from relbook.core.contact_input import ContactInput
from relbook.core.contacts import create_contact
from relbook.core.deal_reads import deal_detail
from relbook.core.deals import DealInput, add_deal
from relbook.ui.events import BookEvents
from relbook.ui.operations import deals as ops

NOW = datetime.now().replace(microsecond=0)


def test_roles_insiders_and_removal_each_run_as_one_change(qtbot, book):
    events = BookEvents()
    heard = []
    events.changed.connect(heard.append)
    with book.session() as session:
        zhang, li = (create_contact(session, ContactInput(n), NOW).id for n in ("张三", "李四"))
        deal_id = add_deal(session, DealInput("机房", [zhang, li]), NOW).id

    for change in (
        ops.set_role(None, book, events, deal_id, zhang, "decision_maker", NOW),
        ops.set_insider(None, book, events, deal_id, li, True, NOW),
    ):
        change.run()
        qtbot.waitUntil(lambda: events.runner.running() == 0)
    detail = ops.detail(book, deal_id, NOW.date())
    assert [(m.contact_id, m.role, m.is_insider) for m in detail.buying_centre] == [
        (zhang, "decision_maker", False),
        (li, None, True),
    ]
    assert not detail.no_decision_maker and not detail.no_insider

    ops.remove_contact(None, book, events, deal_id, li, NOW).run()
    qtbot.waitUntil(lambda: events.runner.running() == 0)
    with book.session() as session:
        assert [m.contact_id for m in deal_detail(session, deal_id, NOW.date()).buying_centre] == [
            zhang
        ]
    assert len(heard) == 3 and all(c.deals for c in heard)
    assert li in heard[-1].contact_ids
