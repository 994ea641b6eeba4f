"""Killed at random moments, the writer never leaves a damaged book nor loses a reported commit.

A writer process adds contacts one transaction at a time and prints each name once its commit
has returned. It is killed with SIGKILL 50 to 400 ms after its first commit, many times over
the same book; after each kill the book must pass ``PRAGMA integrity_check``, hold every name
the writer reported, and open again through ``open_book`` (whose start-up check must pass).

SIGKILL tests what a crash of relbook does; durability through a power cut rests on
``synchronous=FULL`` (see docs/data-safety.md), which a test cannot cut the power to check.
"""

import os
import queue
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from relbook.db.book import open_book

WRITER = Path(__file__).with_name("_crash_writer.py")
RUNS = 20
SEED = 20261123
KILL_AFTER_S = (0.05, 0.4)
LINE_TIMEOUT_S = 30.0

pytestmark = pytest.mark.skipif(
    not hasattr(os, "fork") or not hasattr(signal, "SIGKILL"), reason="needs fork and SIGKILL"
)


class Writer:
    """The writer process, its stdout read line by line on a thread."""

    def __init__(self, data_dir: Path, stderr: Path):
        self._stderr_path = stderr
        self._stderr = stderr.open("w")
        root = str(Path(__file__).resolve().parents[2])
        env = {**os.environ, "PYTHONPATH": root + os.pathsep + os.environ.get("PYTHONPATH", "")}
        self.process = subprocess.Popen(
            [sys.executable, str(WRITER), str(data_dir)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self._stderr,
            text=True,
            encoding="utf-8",
            env=env,
        )
        self.lines: queue.Queue[str | None] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.put(line.rstrip("\n"))
        self.lines.put(None)

    def next_line(self) -> str:
        try:
            line = self.lines.get(timeout=LINE_TIMEOUT_S)
        except queue.Empty:
            line = None
        if line is None:
            self._stderr.flush()
            pytest.fail(f"the writer stopped: {self._stderr_path.read_text()}")
        return line

    def send(self, text: str) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write(text + "\n")
        self.process.stdin.flush()

    def close(self) -> None:
        if self.process.stdin is not None:
            self.process.stdin.close()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self._stderr.close()


def _run_and_kill(writer: Writer, run: int, delay: float) -> list[str]:
    """Start run ``run``, SIGKILL its child ``delay`` s after the first commit; the names it
    reported committed."""
    writer.send(f"run {run}")
    line = writer.next_line()
    assert line.startswith("pid "), line
    child = int(line.split()[1])
    reported = [writer.next_line()]
    deadline = time.monotonic() + delay
    while time.monotonic() < deadline:
        try:
            line = writer.lines.get(timeout=max(0.0, deadline - time.monotonic()))
        except queue.Empty:
            break
        assert line is not None and not line.startswith("ended"), line
        reported.append(line)
    os.kill(child, signal.SIGKILL)
    while not (line := writer.next_line()).startswith("ended"):
        reported.append(line)
    status = int(line.split()[2])
    assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL, line
    assert all(name.startswith(f"r{run}-") for name in reported), reported[:3]
    return reported


def _check_file(db_path: Path, reported: list[str]) -> set[str]:
    """What a restart finds, read without relbook: the names in the book."""
    connection = sqlite3.connect(db_path)
    try:
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
        names = {row[0] for row in connection.execute("SELECT name FROM contact")}
    finally:
        connection.close()
    missing = [name for name in reported if name not in names]
    assert not missing, f"{len(missing)} reported commits lost, first: {missing[:3]}"
    return names


def test_kills_at_random_moments_never_damage_the_book_nor_lose_a_commit(tmp_path):
    data_dir = tmp_path / "book"
    open_book(data_dir).close()  # the schema exists before the first run
    db_path = data_dir / "relbook.sqlite"
    chance = random.Random(SEED)
    writer = Writer(data_dir, tmp_path / "writer-stderr.txt")
    total = 0
    try:
        assert writer.next_line() == "ready"
        for run in range(RUNS):
            reported = _run_and_kill(writer, run, chance.uniform(*KILL_AFTER_S))
            names = _check_file(db_path, reported)
            ours = {name for name in names if name.startswith(f"r{run}-")}
            # at most the one commit that finished as the kill came went unreported
            assert len(reported) <= len(ours) <= len(reported) + 1
            total += len(reported)
            if run % 5 == 4:
                open_book(data_dir).close()  # the start-up check passes too
    finally:
        writer.close()
    assert total >= RUNS  # every run committed at least once before its kill
