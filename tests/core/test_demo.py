from sqlalchemy import select

from relbook.core.contacts import get_contact, to_input, update_contact
from relbook.core.demo import fill_demo
from relbook.core.models import Contact
from relbook.core.search import ContactFilter, contact_ids


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
