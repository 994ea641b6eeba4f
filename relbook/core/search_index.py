"""As-you-type search answered from memory: the ids ``search.contact_ids`` finds, in its order.

Every keystroke used to run the whole search in SQLite: a pass over every contact row (55 MB
at 100,000 contacts) calling the pinyin matcher in Python, then 100,000 ids through the ORM.
``SearchIndex`` keeps, per filter and sort, the ids the filter selects without its text (read
once with ``contact_ids``) and, for the text, each contact's search text and an encoded name.
A keystroke then costs a few C-level passes over lists of strings, and typing on (the new text
containing the old) only looks again at what the previous keystroke found.

The answer is the same as the SQL's, by construction:

* the search text is compared as SQLite's LIKE does (ASCII letters case-insensitively);
* a name is encoded as ``B M char M syllable`` per unit (see ``_NAME_START`` and ``_MARK``), and
  the query compiled into a regular expression that accepts exactly what ``pinyin.matches_units``
  accepts (tests/core/test_search_index.py checks both on random names and queries);
* names whose stored pinyin does not fit their characters, or that hold the marker characters,
  take the SQL's own path in Python (prefilters, then ``relbook_name_match``).

The book may change under the index at any time (this window, a dialog, another process): a
connection of the index's own asks SQLite for ``PRAGMA data_version``, which moves whenever any
other connection commits, and everything is read again after a change. That connection closes
with the book's engine, so a restore can replace the file.
"""

import re
import sqlite3
import threading
import weakref
from array import array
from bisect import bisect_right
from collections import OrderedDict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from itertools import compress, repeat
from operator import contains, itemgetter, or_
from pathlib import Path

from sqlalchemy import Engine, event
from sqlalchemy.orm import Session

from relbook.core import pinyin
from relbook.core.contacts import digits_only
from relbook.core.search import ContactFilter, Sort, contact_ids, name_match
from relbook.db.location import read_only_uri

_NAME_START = "\x1d"
"""Starts each unit of an encoded name."""
_MARK = "\x1e"
"""Stands before a unit's character and before its syllable."""
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
_ASCII_UPPER = re.compile("[A-Z]")
_ALL_HAN = re.compile("[\u3400-\u9fff\uf900-\ufaff]+")
"""Han characters as ``pinyin.is_han`` sees them."""
MAX_BASES = 3
NARROW_SHARE = 8
"""Typing on looks one by one at what the previous keystroke found when that is at most this
share of the list (one in eight); past it, the C-level pass over the whole list is quicker."""
"""Filter-and-sort id lists kept; the list's own filter plus the last one or two others."""


def encode_units(units: list[tuple[str, str]]) -> str | None:
    """A name's units as one string for ``name_pattern``; None if one does not fit the code."""
    parts: list[str] = []
    for char, syllable in units:
        if len(char) != 1 or _NAME_START in syllable or _MARK in syllable or char in "\x1d\x1e":
            return None
        parts.append(f"{_NAME_START}{_MARK}{char}{_MARK}{syllable}")
    return "".join(parts)


def name_pattern(query: str) -> re.Pattern[str]:
    """A pattern that finds an encoded name exactly when ``pinyin.matches_units`` matches it.

    Each query character either goes on in the current syllable or starts the next unit,
    typed as that unit's character (which then ends the unit) or as its syllable's start.
    """
    start, mark = _NAME_START, _MARK

    def unit(ch: str) -> str:
        typed = re.escape(ch)
        # the character itself, then nothing more of this unit; or the syllable's first letter
        return f"{start}{mark}(?:{typed}{mark}[^{start}]*(?![^{start}])|[^{mark}]{mark}{typed})"

    parts = [unit(query[0])]
    parts += [f"(?:{re.escape(ch)}|[^{start}]*{unit(ch)})" for ch in query[1:]]
    return re.compile("".join(parts))


def _consistent(char: str, syllable: str) -> bool:
    """Whether the SQL's LIKE prefilters can never reject a unit the matcher accepts.

    True when a non-Han character is its own syllable and a Han character's syllable is
    either plain letters or the character itself (pypinyin's answer for unknown characters).
    """
    if not pinyin.is_han(char):
        return syllable == char
    return syllable.isascii() or syllable == char or not any(map(pinyin.is_han, syllable))


def name_key(name: str, stored_pinyin: str) -> str | None:
    """The encoded name (see ``encode_units``), or None when the name needs the SQL's path."""
    found = _encode_name(name, stored_pinyin)
    return None if found is None else found[0]


def _encode_name(name: str, stored_pinyin: str) -> tuple[str, set[str]] | None:
    """The encoded name and the characters a query finding it may start with (each unit's
    character and each syllable's first letter); None when the name needs the SQL's path.

    The units are those ``pinyin.units_from_stored`` makes, built here in one pass: the book's
    every name is encoded when the first search of a session reads them.
    """
    if "\x00" in name or "\x00" in stored_pinyin:  # LIKE stops at a NUL, the matcher does not
        return None
    chars = [c for c in name.strip() if c not in pinyin.SEPARATORS]
    syllables = stored_pinyin.split(" ") if stored_pinyin else []
    if len(chars) != len(syllables):
        return None
    if (
        stored_pinyin.isascii()
        and stored_pinyin.isprintable()
        and "" not in syllables
        and _ALL_HAN.fullmatch("".join(chars))
    ):  # the usual Chinese name: Han characters spelled in letters, nothing to check per unit
        units = zip(repeat(_NAME_START + _MARK), chars, repeat(_MARK), syllables)
        heads: set[str] = set(chars)
        heads.update(map(itemgetter(0), syllables))
        return "".join(map("".join, units)), heads
    parts: list[str] = []
    heads = set()
    for char, syllable in zip(chars, syllables, strict=True):
        if not pinyin.is_han(char):
            char = char.lower()  # one character may lower to two ("İ"): not encodable
        if len(char) != 1 or not _consistent(char, syllable):
            return None
        parts.append(f"{_NAME_START}{_MARK}{char}{_MARK}{syllable}")
        heads.add(char)
        if syllable:
            heads.add(syllable[0])
    encoded = "".join(parts)
    if encoded.count(_NAME_START) != len(parts) or encoded.count(_MARK) != 2 * len(parts):
        return None  # a character or a syllable holding a marker
    return encoded, heads


def _like_letters(query: str) -> re.Pattern[str]:
    """The SQL's pinyin prefilter (``like_prefilter``) as a pattern over ASCII-folded text."""
    letters = [c for c in query if not pinyin.is_han(c)]
    return re.compile(".*".join(re.escape(c) for c in letters), re.DOTALL)


def sql_name_match(name: str, stored_pinyin: str, query: str) -> bool:
    """The SQL's name condition evaluated in Python, for names ``name_key`` leaves out."""
    if any(pinyin.is_han(c) and c not in _like_text(name) for c in query):
        return False
    if not _like_letters(query).search(_like_text(stored_pinyin)):
        return False
    return bool(name_match(name, stored_pinyin, query))


def _like_text(text: str) -> str:
    """What LIKE compares: the text up to a NUL, with ASCII letters in lower case."""
    if "\x00" in text:
        text = text.split("\x00", 1)[0]
    return text.translate(_ASCII_LOWER) if _ASCII_UPPER.search(text) else text


_RUN_END = "\x00"
"""Separates the runs of one kind of characters in a split search text."""
_LINE = "\n"
_ASCII_RUN = re.compile("[\x00-\x7f]+")
_OTHER_RUN = re.compile("[^\x00-\x7f]+")


def split_text(text: str) -> tuple[str, str]:
    """A LIKE-ready search text as the two strings a one-script needle is looked for in.

    ``"公司\nab@x.com\nab@x.com"`` -> (``"ab@x.com"``, ``"公司"``): the ASCII lines, each once,
    and the runs of other characters. A needle typed in one script and holding no line break
    lies wholly inside one of them, and the ASCII one is stored a byte per character, so a
    keystroke scans less than half the characters it would in the whole text. A needle mixing
    scripts is looked for in the whole text (``_Base._mixed``).
    """
    if text.isascii():
        return _LINE.join(dict.fromkeys(filter(None, text.split(_LINE)))), ""
    plain = _OTHER_RUN.sub(_LINE, text).split(_LINE)
    return _LINE.join(dict.fromkeys(filter(None, plain))), _RUN_END.join(_OTHER_RUN.findall(text))


_RECORD_END = "\x02"
"""Ends each contact's part in ``_Haystack.other`` (never inside one: it is ASCII)."""


@dataclass(frozen=True)
class _Query:
    """One search text as the SQL reads it."""

    raw: str
    """The text lowercased: matched inside the search text."""
    name: str
    """The normalized text: matched against names."""
    digits: str | None
    """The digits alone, also matched inside the search text (phone numbers typed with dashes)."""

    @classmethod
    def of(cls, text: str) -> "_Query":
        raw = text.strip().lower()
        digits = digits_only(raw)
        return cls(
            raw,
            pinyin.normalize_query(text),
            digits if len(digits) >= 3 and digits != raw else None,
        )

    @property
    def answerable(self) -> bool:
        """False for text holding a line break or a marker of the index (the SQL answers)."""
        marks = (_NAME_START, _MARK, _RUN_END, _LINE)
        return not any(c in self.raw or c in self.name for c in marks)

    def narrows(self, earlier: "_Query") -> bool:
        """Whether everything this query finds was found by ``earlier`` too."""
        if not (self.name.startswith(earlier.name) and earlier.raw in self.raw):
            return False
        if self.digits is None:
            return True
        return (earlier.digits is not None and earlier.digits in self.digits) or (
            earlier.raw in self.digits
        )


class _Haystack:
    """Every contact's split search text (LIKE-ready) and encoded name, in the book's name
    order (a "row" is a place in that order).

    Per contact only the ASCII part is a string of its own (broad needles are tested against
    each in one C-level pass); the other parts and the encoded names lie in two long strings
    with their start offsets, sliced when a contact is looked at: a third of the memory.
    """

    def __init__(self) -> None:
        self.ids = array("q")
        self.plain: tuple[str, ...] = ()
        """Each row's ASCII part (a tuple of strings: the garbage collector leaves it be)."""
        self.other = ""
        self.other_at = array("l")
        self.keys = ""
        self.key_at = array("l")
        self.heads: dict[str, array] = {}
        """First character of a query -> rows whose name it may start."""
        self.odd: dict[int, tuple[str, str]] = {}
        """Row -> (name, stored pinyin) for names ``name_key`` leaves out."""

    def load(self, rows: Iterable[tuple[int, str | None, str | None, str | None]]) -> None:
        """Fill from (id, name, name_pinyin, search_text) rows."""
        others: list[str] = []  # joined a thousand at a time: less memory while loading
        keys: list[str] = []
        other_chunks: list[str] = []
        key_chunks: list[str] = []
        heads: dict[str, list[int]] = {}
        plains: list[str] = []
        other_at, key_at, at_other, at_key = self.other_at, self.key_at, 0, 0
        for row, (contact_id, name, spelled, text) in enumerate(rows):
            self.ids.append(contact_id)
            plain, other = split_text(_like_text(text or ""))
            plains.append(plain)
            other_at.append(at_other)
            others.append(other)
            others.append(_RECORD_END)
            at_other += len(other) + 1
            encoded = _encode_name(name, spelled or "") if name else ("", set())
            if encoded is None:
                self.odd[row] = (name or "", spelled or "")
                encoded = ("", set())
            key_at.append(at_key)
            keys.append(encoded[0])
            at_key += len(encoded[0])
            for head in encoded[1]:
                heads.setdefault(head, []).append(row)
            if len(keys) == 1000:
                other_chunks.append("".join(others))
                key_chunks.append("".join(keys))
                others.clear()
                keys.clear()
        other_at.append(at_other)
        key_at.append(at_key)
        self.other = "".join(other_chunks) + "".join(others)
        del other_chunks
        self.keys = "".join(key_chunks) + "".join(keys)
        del key_chunks
        self.heads = {head: array("l", rows_) for head, rows_ in heads.items()}
        self.plain = tuple(plains)

    def rows_of(self, ids: Sequence[int]) -> array:
        """The row of each id (-1 for an id not read)."""
        largest = max(self.ids, default=0)
        if largest <= 4 * len(self.ids) + 1000:  # ids are dense: a flat table
            table = array("l", [-1]) * (largest + 1)
            for row, contact_id in enumerate(self.ids):
                table[contact_id] = row
            return array("l", [table[i] if 0 <= i <= largest else -1 for i in ids])
        row_of = {contact_id: row for row, contact_id in enumerate(self.ids)}
        return array("l", [row_of.get(i, -1) for i in ids])

    def other_of(self, row: int) -> str:
        return self.other[self.other_at[row] : self.other_at[row + 1] - 1]

    def key_of(self, row: int) -> str:
        return self.keys[self.key_at[row] : self.key_at[row + 1]]


_FullTexts = Callable[[list[int]], dict[int, str]]
"""Contact ids -> their whole search texts, ready for LIKE (see ``_like_text``)."""


def _contains(haystacks: Sequence[str], needle: str) -> list[bool]:
    return list(map(contains, haystacks, repeat(needle)))


class _Base:
    """The ids one filter selects without its text, in display order, and where each lies in
    the haystack (``align``, on the first search)."""

    def __init__(self, ids: list[int]):
        self.ids = tuple(ids)  # tuples of plain values cost the garbage collector nothing
        self.haystack: _Haystack | None = None
        self.rows = array("l")
        """Position -> haystack row (-1: not in the haystack)."""
        self.place = array("l")
        """Haystack row -> position (-1: not in this list)."""
        self.plain: tuple[str, ...] = ()
        """The ASCII parts in this list's order."""
        self.last: tuple[_Query, array | None] | None = None
        """The previous text search on this base and the positions it found (None when
        they were too many to be worth keeping)."""

    def align(self, haystack: _Haystack) -> None:
        # a contact gone since the ids were read matches nothing (the next call starts over)
        self.rows = haystack.rows_of(self.ids)
        self.place = array("l", [-1]) * len(haystack.ids)
        for position, row in enumerate(self.rows):
            if row >= 0:
                self.place[row] = position
        plain = (*haystack.plain, "")
        self.plain = tuple([plain[row] for row in self.rows])
        self.haystack = haystack

    def search(self, query: _Query, full_texts: _FullTexts) -> list[int]:
        """The ids (in this list's order) of the contacts the query finds.

        ``full_texts`` reads whole search texts by contact id (LIKE-ready), for the rare
        needle that mixes scripts.
        """
        if self.last is not None and query.narrows(self.last[0]):
            earlier, found = self.last
            if found is not None:  # few enough to look at one by one
                if earlier != query:
                    found = self._filter(query, found, full_texts)
                    self.last = (query, found)
                return [self.ids[p] for p in found]
        mask = self._scan(query, full_texts)
        if mask.count(True) * NARROW_SHARE <= len(mask):
            self.last = (query, array("l", compress(range(len(mask)), mask)))
        else:  # typing on will look at the whole list again anyway
            self.last = (query, None)
        return list(compress(self.ids, mask))

    def _other_mask(self, needle: str) -> list[bool]:
        assert self.haystack is not None
        mask = [False] * len(self.ids)
        at, place = self.haystack.other_at, self.place
        # one match per contact at most: the pattern runs on to the end of the contact's part
        pattern = re.compile(re.escape(needle) + f"[^{_RECORD_END}]*")
        for found in pattern.finditer(self.haystack.other):
            position = place[bisect_right(at, found.start()) - 1]
            if position >= 0:
                mask[position] = True
        return mask

    def _text_mask(self, needle: str, full_texts: _FullTexts) -> list[bool]:
        """Which positions' search text holds ``needle``."""
        if needle.isascii():
            return _contains(self.plain, needle)
        if _OTHER_RUN.fullmatch(needle):
            return self._other_mask(needle)
        mask = [False] * len(self.ids)
        for p in self._mixed(needle, range(len(self.ids)), full_texts):
            mask[p] = True
        return mask

    def _text_hits(self, needle: str, positions: Iterable[int], full_texts: _FullTexts) -> set[int]:
        """The positions among ``positions`` whose search text holds ``needle``."""
        assert self.haystack is not None
        if needle.isascii():
            positions = list(positions)
            if not positions:
                return set()
            texts = [self.plain[p] for p in positions]
            return set(compress(positions, map(contains, texts, repeat(needle))))
        if _OTHER_RUN.fullmatch(needle):
            other_of, rows = self.haystack.other_of, self.rows
            return {p for p in positions if rows[p] >= 0 and needle in other_of(rows[p])}
        return set(self._mixed(needle, positions, full_texts))

    def _mixed(self, needle: str, positions: Iterable[int], full_texts: _FullTexts) -> list[int]:
        """For a needle of both scripts: each run must be in its part, then the whole needle
        in the whole text, read from the book for those few candidates."""
        candidates = list(positions)
        for run in _ASCII_RUN.findall(needle) + _OTHER_RUN.findall(needle):
            candidates = sorted(self._text_hits(run, candidates, full_texts))
        texts = full_texts([self.ids[p] for p in candidates])
        return [p for p in candidates if needle in texts.get(self.ids[p], "")]

    def _scan(self, query: _Query, full_texts: _FullTexts) -> list[bool]:
        assert self.haystack is not None
        mask = self._text_mask(query.raw, full_texts)
        if query.digits:
            mask = list(map(or_, mask, self._text_mask(query.digits, full_texts)))
        place, keys, at = self.place, self.haystack.keys, self.haystack.key_at
        names = self.haystack.heads.get(query.name[0], ())
        if len(query.name) == 1:  # one character: the heads are exactly the names it finds
            for row in names:
                position = place[row]
                if position >= 0:
                    mask[position] = True
        else:
            matches = name_pattern(query.name).search
            for row in names:
                position = place[row]
                # the name's own stretch of the long string, searched where it lies
                if position >= 0 and not mask[position] and matches(keys, at[row], at[row + 1]):
                    mask[position] = True
        for row, (name, spelled) in self.haystack.odd.items():
            position = place[row]
            if position >= 0 and not mask[position]:
                mask[position] = sql_name_match(name, spelled, query.name)
        return mask

    def _filter(self, query: _Query, candidates: array, full_texts: _FullTexts) -> array:
        assert self.haystack is not None
        hits = self._text_hits(query.raw, candidates, full_texts)
        if query.digits:
            hits |= self._text_hits(query.digits, candidates, full_texts)
        rows, odd, key_of = self.rows, self.haystack.odd, self.haystack.key_of
        head = _MARK + query.name[0]
        matches: Callable[[str], object] = (
            (lambda _key: True) if len(query.name) == 1 else name_pattern(query.name).search
        )
        found = array("l")
        for p in candidates:
            row = rows[p]
            if p in hits:
                found.append(p)
            elif row < 0:
                continue
            elif row in odd:
                if sql_name_match(*odd[row], query.name):
                    found.append(p)
            else:
                key = key_of(row)
                if head in key and matches(key):
                    found.append(p)
        return found


def _full_texts(session: Session, ids: list[int]) -> dict[int, str]:
    connection = session.connection().connection.dbapi_connection
    assert connection is not None
    found: dict[int, str] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        marks = ",".join("?" * len(chunk))
        sql = f"SELECT id, search_text FROM contact WHERE id IN ({marks})"
        for contact_id, text in connection.execute(sql, chunk):
            found[contact_id] = _like_text(text or "")
    return found


class _Watch:
    """Tells whether the book changed since the last look, through a connection of its own."""

    def __init__(self, engine: Engine, uri: str):
        self.engine = engine
        self._lock = threading.Lock()
        self._connection: sqlite3.Connection | None = sqlite3.connect(
            uri, uri=True, check_same_thread=False
        )
        self._version = self._read()
        token = weakref.ref(self)

        def disposed(_engine: Engine) -> None:
            watch = token()
            if watch is not None:
                watch.close_connection()  # listeners may not be removed while they run

        self._listener = disposed
        event.listen(engine, "engine_disposed", disposed)

    def _read(self) -> int | None:
        with self._lock:
            if self._connection is None:
                return None
            try:
                return int(self._connection.execute("PRAGMA data_version").fetchone()[0])
            except sqlite3.Error:
                self._connection.close()
                self._connection = None
                return None

    def changed(self) -> bool:
        """True after any commit by another connection since the last call (or when closed)."""
        version = self._read()
        if version is None or version != self._version:
            self._version = version
            return True
        return False

    @property
    def closed(self) -> bool:
        return self._connection is None

    def close_connection(self) -> None:
        with self._lock:
            if self._connection is not None:
                self._connection.close()
                self._connection = None

    def close(self) -> None:
        self.close_connection()
        if event.contains(self.engine, "engine_disposed", self._listener):
            event.remove(self.engine, "engine_disposed", self._listener)


class SearchIndex:
    """``contact_ids`` for one book, answered from memory while the book has not changed.

    Thread-safe: the contact list calls it from worker threads and from the UI thread.
    """

    def __init__(self, db_path: Path):
        self._db_uri = read_only_uri(db_path)
        self._lock = threading.Lock()
        """Held for the index's state; never while the book is read for the haystack."""
        self._load_lock = threading.Lock()
        """Held while the haystack is read, so two threads never read it at once."""
        self._watch: _Watch | None = None
        self._bases: OrderedDict[tuple[ContactFilter, Sort], _Base] = OrderedDict()
        self._haystack: _Haystack | None = None
        self._epoch = 0
        """Moves on every reset: a haystack read across a change is not kept."""
        self._searched = False
        """A haystack was read at least once (the user searches this book)."""

    def contact_ids(self, session: Session, wanted: ContactFilter, sort: Sort) -> list[int]:
        """The same list as ``search.contact_ids(session, wanted, sort)``."""
        query = _Query.of(wanted.text)
        with self._lock:
            self._check(session)
            base = self._base(session, replace(wanted, text=""), sort)
            if not wanted.text.strip():
                return list(base.ids)
            if not query.answerable or not query.name:  # only separators: matched literally
                return contact_ids(session, wanted, sort)
            if base.haystack is not None:
                return base.search(query, lambda ids: _full_texts(session, ids))
        # read outside the state's lock: lists without text are answered meanwhile
        haystack = self._read_haystack(session)
        with self._lock:
            self._check(session)
            base = self._base(session, replace(wanted, text=""), sort)
            if haystack is not self._haystack:
                # read across a change (so not kept), but as this session sees the book:
                # good for this answer, on a list of its own
                base = _Base(list(base.ids))
            if base.haystack is None:
                base.align(haystack)
            return base.search(query, lambda ids: _full_texts(session, ids))

    def prepare(self, session: Session, wanted: ContactFilter, sort: Sort) -> None:
        """Read what a text search under this filter and sort needs, ahead of the first one."""
        haystack = self._read_haystack(session)
        with self._lock:
            self._check(session)
            if haystack is self._haystack:
                base = self._base(session, replace(wanted, text=""), sort)
                if base.haystack is None:
                    base.align(haystack)

    def needs_reading_again(self) -> bool:
        """Whether the book changed since a search read it: reading it again ahead of the
        next search (``prepare``, in the background) spares that search the wait. Read
        without the lock (the UI thread asks; a stale answer only delays or repeats a
        ``prepare``, which finds what is held)."""
        return self._searched and self._haystack is None

    def forget(self) -> None:
        """Drop everything held (it is read again when next needed)."""
        with self._lock:
            self._reset()

    def _reset(self) -> None:
        self._bases.clear()
        self._haystack = None
        self._epoch += 1

    def _read_haystack(self, session: Session) -> _Haystack:
        """The haystack of the book: the one held, or read from ``session`` (one thread at
        a time; a thread that waited finds the other's). Kept only when the book did not
        change while it was read."""
        with self._load_lock:
            with self._lock:
                self._check(session)
                if self._haystack is not None:
                    return self._haystack
                epoch = self._epoch
            haystack = _Haystack()
            # in the list's own order: strings a keystroke reads one after the other then lie
            # side by side in memory, which makes a pass over 100,000 of them about three
            # times faster
            connection = session.connection().connection.dbapi_connection
            assert connection is not None
            haystack.load(
                connection.execute(
                    "SELECT id, name, name_pinyin, search_text FROM contact ORDER BY sort_key, id"
                )
            )
            with self._lock:
                self._check(session)
                if self._watch is not None and self._epoch == epoch:
                    self._haystack = haystack  # else: use it this once, keep nothing
                self._searched = True
                return haystack

    def _check(self, session: Session) -> None:
        engine = session.get_bind()
        if not isinstance(engine, Engine):
            engine = engine.engine
        if self._watch is None or self._watch.engine is not engine or self._watch.closed:
            if self._watch is not None:
                self._watch.close()
            self._reset()
            try:
                self._watch = _Watch(engine, self._db_uri)
            except sqlite3.Error:
                self._watch = None  # cannot watch: nothing is kept between calls
            return
        if self._watch.changed():
            self._reset()

    def _base(self, session: Session, wanted: ContactFilter, sort: Sort) -> _Base:
        key = (wanted, sort)
        base = self._bases.get(key)
        if base is None:
            base = _Base(contact_ids(session, wanted, sort))
            if self._watch is None:
                return base
            self._bases[key] = base
            while len(self._bases) > MAX_BASES:
                self._bases.popitem(last=False)
        else:
            self._bases.move_to_end(key)
        return base
