"""APScheduler wiring: when to look for due reminders, and handing them to the UI thread.

APScheduler's QtScheduler keeps time in the Qt event loop but runs jobs on its own worker
thread, so a job only computes (with its own session) and queues the result; a timer on the UI
thread drains the queue and calls ``on_due``. Nothing here touches a widget.

Checks run at start (catch-up), every day at the configured time, at the exact time of each
timed follow-up, and after the computer wakes (the wall clock jumps past the minute tick).
"""

import queue
from collections.abc import Callable
from datetime import datetime, time, timedelta
from typing import Any

from apscheduler.executors.pool import ThreadPoolExecutor
from apscheduler.schedulers.qt import QtScheduler
from PySide6.QtCore import QObject, QTimer

from relbook.book import Book
from relbook.core.reminder_log import mark_shown, pending, record_check
from relbook.core.reminders import Occurrence, open_follow_ups

TICK_SECONDS = 60
WAKE_GAP = timedelta(seconds=TICK_SECONDS * 2)
DRAIN_MS = 500


class ReminderScheduler(QObject):
    """Finds due reminders in the background and passes each one to ``on_due`` exactly once."""

    def __init__(
        self,
        book: Book,
        on_due: Callable[[list[Occurrence]], None],
        daily_at: time = time(9, 0),
        clock: Callable[[], datetime] = datetime.now,
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        self._book = book
        self._on_due = on_due
        self._daily_at = daily_at
        self._clock = clock
        self._results: queue.SimpleQueue[list[Occurrence]] = queue.SimpleQueue()
        self._shown: set[str] = set()
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
        with self._book.session() as session:
            due = pending(session, now)
            # only follow-ups and tasks have a time of day: the rest of the day's occasions
            # (every stay-in-touch reminder of a large book among them) need not be built
            upcoming = [
                o
                for o in open_follow_ups(session, now.date(), now.date() + timedelta(days=1))
                if o.at is not None and o.at > now
            ]
        self._results.put(due)
        self._schedule_exact(upcoming)

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
        """Compute and deliver synchronously (start-up of small books, tests)."""
        with self._book.session() as session:
            due = pending(session, self._clock())
        self._results.put(due)
        return self.deliver()

    def deliver(self) -> list[Occurrence]:
        """Pass newly due reminders to ``on_due`` and record that they were shown."""
        fresh: list[Occurrence] = []
        batches = 0
        while True:
            try:
                batch = self._results.get_nowait()
            except queue.Empty:
                break
            batches += 1
            fresh += [o for o in batch if o.key not in self._shown]
        if not batches:
            return []
        unique = list({o.key: o for o in fresh}.values())
        with self._book.session() as session:
            mark_shown(session, unique, self._clock())
            record_check(session, self._clock())
        if not unique:
            return []
        self._shown |= {o.key for o in unique}
        self._on_due(unique)
        return unique

    def forget_shown(self, key: str) -> None:
        """Allow a snoozed reminder to be delivered again when it comes back."""
        self._shown.discard(key)

    def jobs(self) -> list[Any]:
        return list(self._scheduler.get_jobs())
