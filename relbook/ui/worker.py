"""Run work off the UI thread; results come back to the UI thread by polling a queue.

Worker threads never touch Qt objects, not even to emit a signal: cross-thread signals carrying
Python objects crash some PySide6 releases (PYSIDE-3124). Each job posts its progress and result
to a queue that a timer on the UI thread drains while jobs are running, so every callback runs on
the UI thread.
"""

import queue
import threading
import traceback
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QObject, QTimer

POLL_MS = 15

Report = Callable[[int, int], bool]


@dataclass
class Job:
    """A running piece of work; ``cancel()`` makes its ``report`` callback return False."""

    on_finished: Callable[[Any], None] | None = None
    on_failed: Callable[[Exception, str], None] | None = None
    on_progress: Callable[[int, int], None] | None = None
    on_cancelled: Callable[[], None] | None = None
    _cancel: threading.Event = field(default_factory=threading.Event)

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def is_cancelled(self) -> bool:
        return self._cancel.is_set()


class JobRunner(QObject):
    """Starts jobs on a small thread pool and calls their callbacks on the UI thread."""

    def __init__(self, parent: QObject | None = None, threads: int = 2):
        super().__init__(parent)
        self._pool = ThreadPoolExecutor(max_workers=threads, thread_name_prefix="relbook-job")
        self._writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="relbook-write")
        """Changes to the book run here, one at a time in the order they were asked for."""
        self._inbox: queue.SimpleQueue[tuple[Job, str, tuple[Any, ...]]] = queue.SimpleQueue()
        self._running: set[int] = set()
        self._lock = threading.Lock()
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self.deliver)

    def start(
        self,
        work: Callable[[Report], Any],
        on_finished: Callable[[Any], None] | None = None,
        on_failed: Callable[[Exception, str], None] | None = None,
        on_progress: Callable[[int, int], None] | None = None,
        on_cancelled: Callable[[], None] | None = None,
        *,
        serial: bool = False,
    ) -> Job:
        """Run ``work`` on the pool, or with ``serial`` after every serial job started before
        it (changes to the book, so that they are applied in the order the user made them)."""
        job = Job(on_finished, on_failed, on_progress, on_cancelled)
        with self._lock:
            self._running.add(id(job))
        (self._writer if serial else self._pool).submit(self._run, job, work)
        if not self._timer.isActive():
            self._timer.start()
        return job

    def _run(self, job: Job, work: Callable[[Report], Any]) -> None:
        def report(done: int, total: int) -> bool:
            self._inbox.put((job, "progress", (done, total)))
            return not job.is_cancelled

        try:
            result = work(report)
        except Exception as problem:  # shown by the UI; a job must never kill its thread
            self._inbox.put((job, "failed", (problem, traceback.format_exc())))
            return
        if job.is_cancelled:
            self._inbox.put((job, "cancelled", ()))
        else:
            self._inbox.put((job, "finished", (result,)))

    def deliver(self) -> None:
        """Run the callbacks of everything the workers posted (UI thread only)."""
        while True:
            try:
                job, kind, args = self._inbox.get_nowait()
            except queue.Empty:
                break
            if kind != "progress":
                with self._lock:
                    self._running.discard(id(job))
            callback = {
                "progress": job.on_progress,
                "finished": job.on_finished,
                "failed": job.on_failed,
                "cancelled": job.on_cancelled,
            }[kind]
            if callback is not None:
                callback(*args)
        with self._lock:
            idle = not self._running
        if idle and self._inbox.empty():
            self._timer.stop()

    def running(self) -> int:
        with self._lock:
            return len(self._running)

    def wait_all(self, timeout_s: float = 30.0) -> bool:
        """Block until every job has posted its outcome, then deliver (tests, shutdown)."""
        deadline = threading.Event()
        waited = 0.0
        while self.running() and waited < timeout_s:
            deadline.wait(0.01)
            waited += 0.01
            self.deliver()
        self.deliver()
        return self.running() == 0

    def shutdown(self) -> None:
        """Drop queued reads; running jobs and every change asked for finish in the background
        and are not delivered (a change the user made is never dropped)."""
        self._timer.stop()
        self._pool.shutdown(wait=False, cancel_futures=True)
        self._writer.shutdown(wait=False)
