"""The in-memory search gives exactly what the SQL search gives, and follows book changes."""

from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import update

from relbook.core import pinyin
from relbook.core.contact_input import ContactInput, PhoneInput
from relbook.core.contacts import create_contact, delete_contacts, update_contact
from relbook.core.demo import fill_demo
from relbook.core.models import Contact
from relbook.core.search import ContactFilter, Sort, contact_ids
from relbook.core.search_index import (
    SearchIndex,
    encode_units,
    name_key,
    name_pattern,
    split_text,
)

HAN = "王建国张三李长孙无忌曾单欧阳娜小贤乐"
LATIN = "abgjlnouwxyz"


@st.composite
def names_and_queries(draw: st.DrawFn) -> tuple[str, str]:
    name = draw(st.text(alphabet=HAN + LATIN + "Tİ·- 2", min_size=1, max_size=6))
    units = pinyin.name_units(name)
    if units and draw(st.booleans()):  # typed from the name: characters and syllable starts
        start = draw(st.integers(0, len(units) - 1))
        end = draw(st.integers(start + 1, len(units)))
        typed = []
        for char, syllable in units[start:end]:
            cut = draw(st.integers(0, len(syllable)))
            typed.append(char if cut == 0 or not syllable else syllable[:cut])
        query = "".join(typed) + draw(st.text(alphabet=HAN + LATIN, max_size=1))
    else:
        query = draw(st.text(alphabet=HAN + LATIN + "·", min_size=1, max_size=5))
    return name, query


@settings(max_examples=600, deadline=None)
@given(names_and_queries())
def test_the_name_pattern_accepts_what_the_matcher_accepts(case):
    name, query = case
    query = pinyin.normalize_query(query)
    units = pinyin.name_units(name)
    encoded = encode_units(units)
    if not query or encoded is None:
        return
    expected = pinyin.matches_units(units, query)
    assert bool(name_pattern(query).search(encoded)) == expected, (name, query)


def test_names_whose_stored_pinyin_does_not_fit_take_the_exact_path():
    assert name_key("张三", "zhang san") is not None
    assert name_key("张三", "zhang") is None  # one syllable for two characters
    assert name_key("Tom", "x o m") is None  # a letter that is not its own syllable
    assert name_key("İz", "i̇ z") is None  # "İ" lowercases to two characters
    for name in ("张三", "Tom Lee", "长孙无忌", "李a2", "王·小", "乐乐"):
        assert name_key(name, pinyin.name_pinyin(name)) == encode_units(pinyin.name_units(name))


@given(
    st.text(alphabet="ab1 \n@王国·é", max_size=14),
    st.text(alphabet="ab1 @王国·é", min_size=1, max_size=3),
)
def test_a_one_script_needle_is_found_in_its_part_of_the_text(text, needle):
    plain, other = split_text(text)
    if needle.isascii():
        assert (needle in plain) == (needle in text)
    elif not any(c.isascii() for c in needle):
        assert (needle in other) == (needle in text)


def _add(session, now, name, **fields):
    return create_contact(session, ContactInput(name=name, **fields), now).id


def _same(book, index, wanted, sort=None):
    sort = sort or Sort()
    with book.session() as session:
        expected = contact_ids(session, wanted, sort)
    with book.session() as session:
        assert index.contact_ids(session, wanted, sort) == expected, wanted
    return expected


def test_every_keystroke_finds_what_the_sql_finds(book, now):
    with book.session() as session:
        fill_demo(session, 250, 3, now)
        _add(
            session,
            now,
            "王建国",
            company="成都天成食品有限公司",
            phones=[PhoneInput("138-0013-8000")],
        )
        _add(session, now, "Tom Lee", email="TOM@Example.com")
        _add(session, now, "长孙无忌", title="100% 满意")
        odd = _add(session, now, "王小丫")
        session.execute(update(Contact).where(Contact.id == odd).values(name_pinyin="wang"))
        _add(session, now, "李雷", title="IT经理", notes="A座3楼")
        nul = _add(session, now, "韩梅梅")
        session.execute(  # LIKE reads a text only up to a NUL
            update(Contact)
            .where(Contact.id == nul)
            .values(search_text="it\x00经理 a座", name="韩\x00梅梅", name_pinyin="han mei mei")
        )
        gone = _add(session, now, "王五")
        delete_contacts(session, [gone], now)
    index = SearchIndex(book.db_path)
    words = [
        "王建国", "wangjianguo", "wjg", "wangjg", "成都天成", "13800138000", "138-0013",
        "0013 8000", "tom", "TOM@", "example", "zsun", "长孙", "100%", "_", "wxy", "王小",
        "xiaoya", "wang", "  w ", "·", "-", "it经理", "a座3", "经理", "it\x00经", "com\nwx",
    ]  # fmt: skip
    for word in words:
        for end in range(1, len(word) + 1):
            _same(book, index, ContactFilter(text=word[:end]))
        for end in range(len(word), 0, -1):  # backspacing
            _same(book, index, ContactFilter(text=word[:end]))
    for wanted in (
        ContactFilter(text="w", trash=True),
        ContactFilter(text="wa", level=3),
        ContactFilter(text="a", stage="customer", tier="B"),
    ):
        _same(book, index, wanted)
    for column in ("company", "last_contact", "next_birthday"):
        _same(book, index, ContactFilter(text="w"), Sort(column, descending=True))


def test_the_index_follows_changes_made_elsewhere(book, now):
    index = SearchIndex(book.db_path)
    with book.session() as session:
        first = _add(session, now, "张三")
    assert _same(book, index, ContactFilter(text="zs")) == [first]
    with book.session() as session:
        second = _add(session, now, "赵四")
    assert _same(book, index, ContactFilter(text="z")) == [first, second]
    with book.session() as session:
        update_contact(session, second, ContactInput(name="赵四", title="总经理"), now)
    assert _same(book, index, ContactFilter(text="总经")) == [second]
    with book.session() as session:
        delete_contacts(session, [first], now)
    assert _same(book, index, ContactFilter(text="z")) == [second]
    assert _same(book, index, replace(ContactFilter(text="z"), trash=True)) == [first]


def test_a_restored_book_is_read_afresh(book, now):
    index = SearchIndex(book.db_path)
    with book.session() as session:
        _add(session, now, "张三")
    _same(book, index, ContactFilter(text="z"))
    book.reopen(now)  # a new engine: the old one's watch connection was closed with it
    with book.session() as session:
        _add(session, now, "赵四")
    assert len(_same(book, index, ContactFilter(text="z"))) == 2


def test_a_prepared_index_answers_alike(book, now):
    with book.session() as session:
        _add(session, now, "张三", company="天成")
        _add(session, now, "李四")
    index = SearchIndex(book.db_path)
    with book.session() as session:
        index.prepare(session, ContactFilter(text="ignored"), Sort())
    assert len(_same(book, index, ContactFilter(text="天"))) == 1


def test_after_a_change_the_index_is_read_again_ahead_of_the_next_search(book, now):
    from relbook.core.search_index import SearchIndex

    with book.session() as session:
        fill_demo(session, 120, seed=4, now=now)
    index = SearchIndex(book.db_path)
    everyone = ContactFilter()
    with book.session() as session:
        assert index.contact_ids(session, replace(everyone, text="zz"), Sort()) == []
    assert not index.needs_reading_again()
    with book.session() as session:
        create_contact(session, ContactInput("庄周"), now)
    with book.session() as session:  # the list reloads without text: it notices the change
        index.contact_ids(session, everyone, Sort())
    assert index.needs_reading_again()
    with book.session() as session:
        index.prepare(session, everyone, Sort())
    assert not index.needs_reading_again()
    with book.session() as session:
        found = index.contact_ids(session, replace(everyone, text="zz"), Sort())
        assert found == contact_ids(session, replace(everyone, text="zz"), Sort()) != []


def test_lists_without_text_do_not_wait_while_the_book_is_read(book, now, monkeypatch):
    import threading

    from relbook.core import search_index
    from relbook.core.search_index import SearchIndex

    with book.session() as session:
        fill_demo(session, 60, seed=2, now=now)
    reading, finish = threading.Event(), threading.Event()
    real_load = search_index._Haystack.load

    def slow_load(self, rows):
        reading.set()
        assert finish.wait(10)
        real_load(self, rows)

    monkeypatch.setattr(search_index._Haystack, "load", slow_load)
    index = SearchIndex(book.db_path)
    wanted = ContactFilter(text="wang")

    def search() -> None:
        with book.session() as session:
            results.append(index.contact_ids(session, wanted, Sort()))

    results: list[list[int]] = []
    searcher = threading.Thread(target=search)
    searcher.start()
    assert reading.wait(10)
    with book.session() as session:  # answered while the search still reads the book
        assert len(index.contact_ids(session, ContactFilter(), Sort())) > 50
    finish.set()
    searcher.join(10)
    with book.session() as session:
        assert results == [contact_ids(session, wanted, Sort())]
