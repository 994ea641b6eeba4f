"""Run work off the UI thread; results come back to the UI thread through signals.

Each job gets a cancel flag and a progress callback. A widget is only touched from the slots
connected to ``finished`` / ``failed`` / ``progress``, which Qt delivers on the UI thread.
"""

import threading
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


class JobSignals(QObject):
    finished = Signal(object)
    failed = Signal(object, str)
    progress = Signal(int, int)
    cancelled = Signal()


class Job(QRunnable):
    """``work(report)`` runs in the pool; ``report(done, total)`` returns False once cancelled."""

    def __init__(self, work: Callable[[Callable[[int, int], bool]], Any]):
        super().__init__()
        self.signals = JobSignals()
        self._work = work
        self._cancel = threading.Event()
        self.setAutoDelete(False)

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    def _report(self, done: int, total: int) -> bool:
        self.signals.progress.emit(done, total)
        return not self._cancel.is_set()

    def run(self) -> None:
        try:
            result = self._work(self._report)
        except Exception as problem:  # the UI shows it; the job must never kill the pool thread
            self.signals.failed.emit(problem, traceback.format_exc())
            return
        if self._cancel.is_set():
            self.signals.cancelled.emit()
        else:
            self.signals.finished.emit(result)


class JobRunner(QObject):
    """Keeps running jobs alive until they report back, on the global thread pool."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._jobs: set[Job] = set()

    def start(
        self,
        work: Callable[[Callable[[int, int], bool]], Any],
        on_finished: Callable[[Any], None] | None = None,
        on_failed: Callable[[Exception, str], None] | None = None,
        on_progress: Callable[[int, int], None] | None = None,
    ) -> Job:
        job = Job(work)
        self._jobs.add(job)

        def forget(*_args: object) -> None:
            self._jobs.discard(job)

        if on_finished is not None:
            job.signals.finished.connect(on_finished)
        if on_failed is not None:
            job.signals.failed.connect(on_failed)
        if on_progress is not None:
            job.signals.progress.connect(on_progress)
        for signal in (job.signals.finished, job.signals.failed, job.signals.cancelled):
            signal.connect(forget)
        QThreadPool.globalInstance().start(job)
        return job

    def running(self) -> int:
        return len(self._jobs)

    def wait_all(self, msecs: int = 30000) -> bool:
        return QThreadPool.globalInstance().waitForDone(msecs)
