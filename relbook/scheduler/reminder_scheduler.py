"""APScheduler wiring: when to look for due reminders, and handing them to the UI thread.

APScheduler's QtScheduler keeps time in the Qt event loop but runs jobs on its own worker
thread. A job computes what is due (``relbook.core.due.due_now``, the list Today shows too),
records in its own session which of it pops up for the first time, and queues a ``DueReport``;
a timer on the UI thread drains the queue and calls ``on_due``. Nothing here touches a widget,
and nothing is remembered in memory: what was shown is in the book's reminder log.

Checks run at start (catch-up), every day at the configured time, at the exact time of each
timed follow-up, and after the computer wakes (the wall clock jumps past the minute tick).
"""

import queue
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from typing import Any

from apscheduler.executors.pool import ThreadPoolExecutor
from apscheduler.schedulers.qt import QtScheduler
from PySide6.QtCore import QObject, QTimer

from relbook.core.due import due_now, unshown
from relbook.core.reminder_log import mark_shown
from relbook.core.reminders import Occurrence, open_follow_ups
from relbook.db.book import Book

TICK_SECONDS = 60
WAKE_GAP = timedelta(seconds=TICK_SECONDS * 2)
DRAIN_MS = 500


@dataclass(frozen=True)
class DueReport:
    """One check's finding: everything due now, and which of it pops up for the first time
    (or again, after a snooze)."""

    due: list[Occurrence]
    fresh: list[Occurrence]


class ReminderScheduler(QObject):
    """Finds due reminders in the background and reports each check to ``on_due``; a reminder
    is ``fresh`` in exactly one report."""

    def __init__(
        self,
        book: Book,
        on_due: Callable[[DueReport], None],
        daily_at: time = time(9, 0),
        clock: Callable[[], datetime] = datetime.now,
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        self._book = book
        self._on_due = on_due
        self._daily_at = daily_at
        self._clock = clock
        self._results: queue.SimpleQueue[DueReport] = queue.SimpleQueue()
        self._last_tick = clock()
        self._scheduler = QtScheduler(
            executors={"default": ThreadPoolExecutor(max_workers=1)},
            job_defaults={"coalesce": True, "max_instances": 1, "misfire_grace_time": 3600},
        )
        self._drain = QTimer(self)
        self._drain.setInterval(DRAIN_MS)
        self._drain.timeout.connect(self.deliver)

    # --- lifecycle -------------------------------------------------------------------------
    def start(self) -> None:
        """Catch up on whatever fell due while the app was closed, then keep watching."""
        self._scheduler.add_job(
            self._check,
            "cron",
            hour=self._daily_at.hour,
            minute=self._daily_at.minute,
            id="daily",
        )
        self._scheduler.add_job(self._tick, "interval", seconds=TICK_SECONDS, id="tick")
        self._scheduler.add_job(self._check, id="catch_up")
        self._scheduler.start()
        self._drain.start()

    def stop(self) -> None:
        self._drain.stop()
        if self._scheduler.running:
            self._scheduler.shutdown(wait=False)

    def set_daily_time(self, daily_at: time) -> None:
        self._daily_at = daily_at
        if self._scheduler.get_job("daily") is not None:
            self._scheduler.reschedule_job(
                "daily", trigger="cron", hour=daily_at.hour, minute=daily_at.minute
            )

    def request_check(self, delay_seconds: int = 5) -> None:
        """Look again shortly after the book changed (a burst of edits makes one check)."""
        if self._scheduler.running:
            self._scheduler.add_job(
                self._check,
                "date",
                run_date=self._clock() + timedelta(seconds=delay_seconds),
                id="requested",
                replace_existing=True,
            )

    # --- jobs (scheduler thread) -----------------------------------------------------------
    def _tick(self) -> None:
        now = self._clock()
        jumped = now - self._last_tick > WAKE_GAP
        self._last_tick = now
        if jumped:
            self._check()

    def _check(self) -> None:
        now = self._clock()
        self._results.put(self._report(now))
        with self._book.session() as session:
            # only follow-ups and tasks have a time of day: the rest of the day's occasions
            # (every stay-in-touch reminder of a large book among them) need not be built
            upcoming = [
                o
                for o in open_follow_ups(session, now.date(), now.date() + timedelta(days=1))
                if o.at is not None and o.at > now
            ]
        self._schedule_exact(upcoming)

    def _report(self, now: datetime) -> DueReport:
        """What is due, read first; then, holding the write lock (the window may be writing:
        wait for it), which of it is fresh, recorded as shown."""
        with self._book.session() as session:
            due = due_now(session, now)
        with self._book.session(immediate=True) as session:
            fresh = unshown(session, due, now)
            if fresh:
                mark_shown(session, fresh, now)
        return DueReport(due, fresh)

    def _schedule_exact(self, upcoming: list[Occurrence]) -> None:
        """One job at the minute of each timed follow-up in the coming day."""
        for occurrence in upcoming:
            assert occurrence.at is not None
            self._scheduler.add_job(
                self._check,
                "date",
                run_date=occurrence.at,
                id=f"exact:{occurrence.key}",
                replace_existing=True,
            )

    # --- UI thread -------------------------------------------------------------------------
    def check_now(self) -> list[Occurrence]:
        """Check and deliver synchronously (tests); returns what popped up."""
        self._results.put(self._report(self._clock()))
        return self.deliver()

    def deliver(self) -> list[Occurrence]:
        """Hand the newest report to ``on_due``; returns the fresh reminders of every report
        drained (an older report's due list is out of date, its fresh ones are not lost)."""
        reports: list[DueReport] = []
        while True:
            try:
                reports.append(self._results.get_nowait())
            except queue.Empty:
                break
        if not reports:
            return []
        fresh = list({o.key: o for report in reports for o in report.fresh}.values())
        self._on_due(DueReport(reports[-1].due, fresh))
        return fresh

    def jobs(self) -> list[Any]:
        return list(self._scheduler.get_jobs())
