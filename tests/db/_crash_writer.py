"""Writer for test_crash_safety: forks one child per run that adds contacts until it is killed.

Run as ``python _crash_writer.py DATA_DIR``. relbook is imported once here and each child is
forked from this process, so a run starts in milliseconds instead of a second of imports.
Protocol on stdout, one line each, flushed:

* ``ready`` once the imports are done;
* for each ``run N`` line read from stdin, the child prints ``pid P``, then the name of every
  contact right after its commit returned; when the child is gone this process prints
  ``ended N STATUS``.
"""

import os
import sys
from datetime import datetime
from pathlib import Path

from relbook.core.contact_input import ContactInput, PhoneInput
from relbook.core.contacts import create_contact
from relbook.db.book import open_book

MAX_CONTACTS = 100_000
"""Safety stop; the test kills the child long before."""


def _say(text: str) -> None:
    sys.stdout.write(text + "\n")
    sys.stdout.flush()


def _child(data_dir: Path, run: int) -> None:
    _say(f"pid {os.getpid()}")
    book = open_book(data_dir)
    now = datetime(2026, 11, 23, 10, 0)
    for index in range(MAX_CONTACTS):
        name = f"r{run}-{index}"
        data = ContactInput(
            name=name,
            company=f"公司{index % 17}",
            phones=[PhoneInput(f"1380013{index % 10000:04d}")],
            tags=[f"标签{index % 5}"],
            notes="拜访记录" * (index % 40),
        )
        with book.session() as session:
            create_contact(session, data, now)
        _say(name)  # only after the commit returned


def main() -> None:
    data_dir = Path(sys.argv[1])
    _say("ready")
    for line in sys.stdin:
        command, _, number = line.strip().partition(" ")
        if command != "run":
            break
        run = int(number)
        pid = os.fork()
        if pid == 0:
            try:
                _child(data_dir, run)
            except BaseException as problem:  # report, then leave without running atexit
                sys.stderr.write(f"child of run {run} failed: {problem!r}\n")
                sys.stderr.flush()
                os._exit(1)
            os._exit(0)
        _pid, status = os.waitpid(pid, 0)
        _say(f"ended {run} {status}")


if __name__ == "__main__":
    main()
