"""Progress reports from long exchange work, and cancelling it between two reports.

``report(done, total)`` returns False to cancel; the work then raises ``Cancelled`` at once and
its caller discards what was built (and rolls back what was written).
"""

from collections.abc import Callable

Report = Callable[[int, int], bool]


class Cancelled(Exception):
    """The user cancelled; nothing of the work may be kept."""


def check(report: Report | None, done: int, total: int) -> None:
    """Tell ``report`` how far the work is; raise ``Cancelled`` when it says stop."""
    if report is not None and not report(done, total):
        raise Cancelled


def stage(report: Report | None, index: int, stages: int) -> Report | None:
    """``report`` for stage ``index`` of ``stages`` equal stages, as one overall bar."""
    if report is None:
        return None
    outer = report

    def staged(done: int, total: int) -> bool:
        scale = max(total, 1)
        return outer(index * scale + done, stages * scale)

    return staged
