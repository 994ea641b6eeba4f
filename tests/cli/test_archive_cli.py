"""``relbook export --format json`` and importing the archive: copy, merge, refusals."""

import json
from pathlib import Path

from tests.cli.runner import run


def test_archive_round_trip_copy_then_merge(capsys, tmp_path: Path) -> None:
    first, second, archive = tmp_path / "a", tmp_path / "b", tmp_path / "book.json"
    assert run(capsys, "--data-dir", str(first), "demo", "--contacts", "30")[0] == 0
    code, out, _ = run(
        capsys, "--data-dir", str(first), "export", "--format", "json", "-o", str(archive)
    )
    assert code == 0 and f"Wrote the whole book (30 contacts) to {archive}" in out
    assert len(json.loads(archive.read_text("utf-8"))["tables"]["contact"]) == 30
    code, out, _ = run(capsys, "--data-dir", str(second), "import", str(archive), "--dry-run")
    assert code == 0 and "Copied the archive into the empty book: 30 contacts" in out
    assert "Dry run: nothing was written." in out
    code, out, _ = run(capsys, "--data-dir", str(second), "import", str(archive))
    assert code == 0 and "Copied the archive into the empty book: 30 contacts" in out
    code, out, _ = run(
        capsys, "--data-dir", str(second), "import", str(archive), "--format", "json"
    )
    assert code == 0 and "Backup of the book saved to" in out
    assert "Merged: 0 new contacts, 30 matched, 0 interactions, 0 gifts and 0 tasks added." in out


def test_archive_refusals(capsys, tmp_path: Path, data_dir: Path) -> None:
    target = tmp_path / "out.json"
    code, _, err = run(
        capsys,
        "--data-dir",
        str(data_dir),
        "export",
        "--format",
        "json",
        "-o",
        str(target),
        "--tier",
        "A",
    )
    assert code == 1 and "always holds the whole book" in err and not target.exists()
    other = tmp_path / "other.json"
    other.write_text('{"format": "something", "version": 1}', "utf-8")
    code, _, err = run(capsys, "--data-dir", str(data_dir), "import", str(other))
    assert code == 1 and 'File "other.json" is not a relbook archive.' in err
    other.write_text('{"format": "relbook-archive", "version": 1, "tables": {', "utf-8")
    code, _, err = run(capsys, "--data-dir", str(data_dir), "import", str(other))
    assert code == 1 and "is not readable JSON" in err
