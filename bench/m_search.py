"""Search as you type: the work behind each keystroke, beside one raw query for the same ids.

A keystroke is what the contact list does once the search box's delay has run out: the model
gets the ids of the matching contacts in display order (``ContactListModel.set_filter``, done
synchronously here instead of on a worker thread) and reads the first page of rows the table
shows. Qt painting is not included (bench/m_scrolling.py measures that).

The typed sequences come from a real contact of the book, picked the same way every run: its
name in Chinese, in pinyin letter by letter, by initials, its company name and its phone.
"""

import sqlite3
import time
from collections.abc import Callable

from bench.context import Context
from bench.figures import Figure, median, percentile, spread
from bench.live import freeze_as_the_app_does, open_live_book, qt_app, raw_connection, thaw
from relbook.core import pinyin
from relbook.core.contacts import digits_only
from relbook.core.search import ContactFilter, sql_functions
from relbook.db.book import Book
from relbook.ui.contact_list_model import ContactListModel
from relbook.ui.worker import JobRunner

TARGET_MS = 30.0
TARGET_RATIO = 2.0


def typed(word: str) -> list[str]:
    """Every prefix of ``word``, as the search box holds it after each keystroke."""
    return [word[:n] for n in range(1, len(word) + 1)]


def sequences(connection: sqlite3.Connection) -> dict[str, list[str]]:
    """What is typed: the name of a three-character contact named 王 (or the middle one)."""
    row = connection.execute(
        "SELECT c.name, c.name_pinyin, coalesce(o.name, ''), "
        "  (SELECT number FROM phone WHERE contact_id = c.id ORDER BY position LIMIT 1) "
        "FROM contact c LEFT JOIN organization o ON o.id = c.organization_id "
        "WHERE c.deleted_at IS NULL AND c.name LIKE '王__' AND o.name IS NOT NULL "
        "ORDER BY c.sort_key, c.id"
    ).fetchall()
    if not row:
        row = connection.execute(
            "SELECT name, name_pinyin, '', '' FROM contact WHERE deleted_at IS NULL "
            "ORDER BY sort_key, id"
        ).fetchall()
    name, spelled, company, phone = row[len(row) // 2]
    syllables = spelled.split(" ")
    found = {
        "chinese": typed(name),
        "pinyin": typed("".join(syllables)),
        "initials": typed("".join(s[0] for s in syllables if s)),
    }
    if company:
        found["company"] = typed(company[:4])
    if phone:
        found["phone"] = typed(digits_only(phone)[:5])
    return found


def floor_query(text: str) -> tuple[str, list[str]]:
    """The same match as relbook's, written as one plain SQL statement.

    The pinyin matcher is relbook's own Python function, registered on the floor's connection
    too: no plain SQL expression finds "wjg" or "wangjg" in 王建国 exactly, and a floor that
    matched something else would not be the same query.
    """
    query = pinyin.normalize_query(text)
    han, pattern = pinyin.like_prefilter(query)
    raw = text.strip().lower()
    name = ["instr(name, ?) > 0"] * len(han)
    name += ["name_pinyin LIKE ? ESCAPE '\\'", "relbook_name_match(name, name_pinyin, ?) = 1"]
    alternatives = ["(" + " AND ".join(name) + ")", "instr(search_text, ?) > 0"]
    args = [*han, pattern, query, raw]
    digits = digits_only(raw)
    if digits and len(digits) >= 3 and digits != raw:
        alternatives.append("instr(search_text, ?) > 0")
        args.append(digits)
    sql = (
        "SELECT id FROM contact WHERE deleted_at IS NULL AND ("
        + " OR ".join(alternatives)
        + ") ORDER BY sort_key, id"
    )
    return sql, args


def _ms(work: Callable[[], object]) -> tuple[float, object]:
    started = time.perf_counter()
    result = work()
    return (time.perf_counter() - started) * 1000, result


def keystroke(model: ContactListModel, text: str) -> list[int]:
    """What the list does for one keystroke: the ids in order, then the first page of rows."""
    model.set_filter(ContactFilter(text=text), now=True)
    model.row_record(0)
    return model.ids()


def measure(context: Context) -> list[Figure]:
    qt_app()
    book: Book = open_live_book(context)
    floor_db = raw_connection(context)
    for name, (arity, function) in sql_functions().items():
        floor_db.create_function(name, arity, function, deterministic=True)
    runner = JobRunner()
    try:
        model = ContactListModel(book, runner)
        model.reload_now()
        freeze_as_the_app_does()
        typing = sequences(floor_db)
        first_ms, _ = _ms(lambda: keystroke(model, typing["pinyin"][0]))
        model.set_filter(ContactFilter(), now=True)
        app_ms: list[float] = []
        floor_ms: list[float] = []
        worst: dict[str, float] = {}
        rounds = max(2, context.repeat // 2)
        for _ in range(rounds):
            for words in typing.values():
                for text in words:
                    spent, ids = _ms(lambda text=text: keystroke(model, text))
                    sql, args = floor_query(text)
                    floor_spent, rows = _ms(
                        lambda sql=sql, args=args: floor_db.execute(sql, args).fetchall()
                    )
                    if [r[0] for r in rows] != ids:
                        raise AssertionError(f"relbook and the floor differ for {text!r}")
                    app_ms.append(spent)
                    floor_ms.append(floor_spent)
                    worst[text] = max(worst.get(text, 0.0), spent)
                model.set_filter(ContactFilter(), now=True)  # the box is cleared between words
    finally:
        thaw()
        runner.shutdown()
        floor_db.close()
        book.close()
    p95, floor_p95 = percentile(app_ms, 0.95), percentile(floor_ms, 0.95)
    slowest = ", ".join(
        f"{t!r} {ms:.0f} ms" for t, ms in sorted(worst.items(), key=lambda i: -i[1])[:4]
    )
    words = "; ".join(f"{kind}: {' '.join(texts)}" for kind, texts in typing.items())
    notes = f"{len(app_ms)} keystrokes ({rounds} rounds of {words}); slowest {slowest}"
    return [
        Figure(
            "search per keystroke, median",
            median(app_ms),
            "ms",
            floor_name="one raw sqlite3 query, same ids",
            floor=median(floor_ms),
            spread=spread(app_ms),
            runs=len(app_ms),
            notes=notes,
        ),
        Figure(
            "search per keystroke, p95",
            p95,
            "ms",
            target=f"<= {TARGET_RATIO:g}x floor and <= {TARGET_MS:g} ms",
            passed=p95 <= TARGET_RATIO * floor_p95 and p95 <= TARGET_MS,
            floor_name="one raw sqlite3 query, same ids (p95)",
            floor=floor_p95,
            runs=len(app_ms),
            notes=notes,
        ),
        Figure(
            "search: first keystroke after opening the book",
            first_ms,
            "ms",
            notes="reported: the first text search reads the book into the search index (the"
            " app starts that when the search box gets the focus)",
        ),
    ]
