"""A whole import on a book: previewing writes nothing, cancelling writes nothing."""

from datetime import datetime

from relbook.core.contact_input import ContactInput
from relbook.core.contacts import count_contacts, create_contact
from relbook.db.book import open_book
from relbook.exchange import import_run
from relbook.exchange.archive import write_archive

NOW = datetime(2026, 11, 23, 10, 0)


def _cards(count: int) -> str:
    return "".join(
        f"BEGIN:VCARD\nVERSION:3.0\nFN:客户{n}\nTEL:139{n:08d}\nEND:VCARD\n" for n in range(count)
    )


def _count(book) -> int:
    with book.session() as session:
        return count_contacts(session)


def test_loading_previews_without_writing(book, tmp_path):
    path = tmp_path / "phone.vcf"
    path.write_text(_cards(3), encoding="utf-8")
    loaded = import_run.load(book, path)
    assert not loaded.is_archive
    assert loaded.preview is not None and len(loaded.preview.new) == 3
    assert _count(book) == 0


def test_progress_is_reported_and_a_cancel_rolls_everything_back(book, tmp_path):
    path = tmp_path / "phone.vcf"
    path.write_text(_cards(120), encoding="utf-8")
    preview = import_run.load(book, path).preview
    seen: list[tuple[int, int]] = []

    def cancel_midway(done: int, total: int) -> bool:
        seen.append((done, total))
        return done < 100

    assert import_run.apply(book, preview, now=NOW, report=cancel_midway) is None
    assert seen[:2] == [(0, 120), (50, 120)]
    assert _count(book) == 0

    told: list[import_run.Outcome] = []
    outcome = import_run.apply(
        book, preview, now=NOW, report=lambda d, t: True, committed=told.append
    )
    assert outcome is not None and told == [outcome]
    assert len(outcome.result.created) == 120
    assert _count(book) == 120


def test_a_large_import_is_backed_up_first(book, tmp_path):
    with book.session() as session:
        create_contact(session, ContactInput("老客户"), NOW)
    path = tmp_path / "phone.vcf"
    path.write_text(_cards(201), encoding="utf-8")
    outcome = import_run.apply(book, import_run.load(book, path).preview, now=NOW)
    assert outcome is not None and outcome.backup is not None and outcome.backup.exists()


def test_an_archive_is_tried_on_load_and_written_on_apply(book, tmp_path):
    other = open_book(tmp_path / "other", now=NOW)
    try:
        with other.session() as session:
            create_contact(session, ContactInput("周七"), NOW)
            data = write_archive(session, NOW)
    finally:
        other.close()
    path = tmp_path / "book.json"
    path.write_bytes(data)
    loaded = import_run.load(book, path)
    assert loaded.is_archive and loaded.archive.mode == "copy"
    assert _count(book) == 0
    assert (
        import_run.apply_archive(book, data, path.name, now=NOW, report=lambda d, t: False) is None
    )
    assert _count(book) == 0
    outcome = import_run.apply_archive(book, data, path.name, now=NOW)
    assert outcome is not None and outcome.backup is None
    assert _count(book) == 1
