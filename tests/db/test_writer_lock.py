"""One writer per book: the lock is exclusive, names its owner, and dies with its process."""

import subprocess
import sys
import textwrap

import pytest

from relbook.core.errors import BookInUse
from relbook.db.writer_lock import WriterLock


def test_a_second_writer_is_refused_until_the_first_releases(tmp_path):
    first = WriterLock(tmp_path).acquire()
    with pytest.raises(BookInUse) as refused:
        WriterLock(tmp_path).acquire()
    assert refused.value.data_dir == str(tmp_path)
    first.release()
    with WriterLock(tmp_path) as again:
        assert again.held
    assert not again.held


def test_a_killed_owner_leaves_no_stale_lock(tmp_path):
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            textwrap.dedent(
                f"""
                import sys, time
                from pathlib import Path
                from relbook.db.writer_lock import WriterLock
                lock = WriterLock(Path({str(tmp_path)!r})).acquire()
                print("held", flush=True)
                time.sleep(60)
                """
            ),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        with pytest.raises(BookInUse) as refused:
            WriterLock(tmp_path).acquire()
        assert refused.value.owner == holder.pid
    finally:
        holder.kill()
        holder.wait()
    with WriterLock(tmp_path) as lock:
        assert lock.held


def test_a_read_only_folder_is_a_read_only_fault_not_a_traceback(tmp_path):
    from relbook.core.errors import StorageError
    from tests.mounts import make_read_only, tmpfs

    with tmpfs(tmp_path / "stick", "1m") as folder:
        make_read_only(folder)
        with pytest.raises(StorageError) as raised:
            WriterLock(folder).acquire()
        assert raised.value.code == "read_only"
        assert raised.value.path == str(folder / "relbook.sqlite")
