"""Scrolling the contact list a page at a time, each page painted before the next.

An offscreen QTableView set up as the main window's (``setup_contact_table``: row height 26,
alternating colours, whole-row selection, no row header, the list's delegate) shows
``ContactListModel`` over every live contact at 1400x860. Three runs of pages are scrolled:
from the top, from the middle and towards the end. Each page is
``verticalScrollBar().setValue(value + pageStep)`` followed by ``viewport().repaint()``,
which paints at once (reading any rows not read yet); the time per page covers both. Between
pages the event loop runs once, untimed, as it does between two presses of Page Down (the
list reads the pages next to the one on screen then).
"""

import time

from PySide6.QtWidgets import QTableView

from bench.context import Context
from bench.figures import Figure, median, percentile, spread
from bench.live import freeze_as_the_app_does, open_live_book, qt_app, thaw
from relbook.ui.contact_list_model import ContactListModel
from relbook.ui.contact_table import setup_contact_table
from relbook.ui.worker import JobRunner

TARGET_MS = 16.0
WIDTH, HEIGHT = 1400, 860


def table_for(model: ContactListModel) -> QTableView:
    """A table view set up as the main window's (``setup_contact_table``)."""
    table = QTableView()
    setup_contact_table(table, model)
    table.resize(WIDTH, HEIGHT)
    return table


def measure(context: Context) -> list[Figure]:
    app = qt_app()
    book = open_live_book(context)
    runner = JobRunner()
    try:
        model = ContactListModel(book, runner)
        model.reload_now()
        table = table_for(model)
        table.show()
        app.processEvents()
        table.viewport().repaint()
        freeze_as_the_app_does()
        bar = table.verticalScrollBar()
        step = bar.pageStep()
        per_run = 40 if context.quick else 100
        starts = [0, bar.maximum() // 2, max(0, bar.maximum() - (per_run + 1) * step)]
        page_ms: list[float] = []
        for start in starts:
            bar.setValue(start)
            table.viewport().repaint()
            for _ in range(per_run):
                app.processEvents()  # the event loop runs between two presses of Page Down
                began = time.perf_counter()
                bar.setValue(bar.value() + step)
                table.viewport().repaint()
                page_ms.append((time.perf_counter() - began) * 1000)
        rows, shown = model.rowCount(), step
        table.close()
    finally:
        thaw()
        runner.shutdown()
        book.close()
    p95 = percentile(page_ms, 0.95)
    notes = (
        f"{len(page_ms)} pages of {shown} rows over {rows:,} rows (top, middle, end); "
        f"median {median(page_ms):.2f} ms, max {max(page_ms):.1f} ms; gated on p95"
    )
    return [
        Figure(
            "scrolling the contact list, per page (median)",
            median(page_ms),
            "ms",
            spread=spread(page_ms),
            runs=len(page_ms),
            notes=notes,
        ),
        Figure(
            "scrolling the contact list, per page (p95)",
            p95,
            "ms",
            target=f"p95 <= {TARGET_MS:g} ms",
            passed=p95 <= TARGET_MS,
            runs=len(page_ms),
            notes=notes,
        ),
    ]
