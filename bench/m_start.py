"""Cold start: a new process to the first painted main window, beside a bare PySide6 window.

Each run starts ``python bench/probes/start.py`` afresh; relbook's runs each get a new copy of
the book, so every one is the day's first start (birthdays rolled, reminders caught up and the
daily backup taken in the background, as the user's morning start does). See README.md.
"""

from bench.context import Context
from bench.figures import Figure, median, spread
from bench.probing import drop_book, fresh_book, run_probe

TARGET_RATIO = 3.0


READY_RUNS = 5


def start_once(context: Context, kind: str, run: int) -> tuple[float, float]:
    """Wall ms from starting the process to its first paint (``ready``: to the book shown),
    and the probe's own share."""
    if kind == "bare":
        outcome = run_probe("start.py", ["bare"], "painted")
        return outcome.wall_ms, float(outcome.answer)
    folder = fresh_book(context, f"start-{run}")
    answer = "ready" if kind == "ready" else "painted"
    try:
        outcome = run_probe("start.py", [kind, str(folder)], answer)
    finally:
        drop_book(folder)
    return outcome.wall_ms, float(outcome.answer)


def measure(context: Context) -> list[Figure]:
    start_once(context, "bare", -1)  # one unmeasured pair: both find their files in the cache
    start_once(context, "relbook", -1)
    relbook: list[float] = []
    bare: list[float] = []
    inside: list[float] = []
    for run in range(context.repeat):  # alternated, so a busy moment hits both alike
        wall, _ = start_once(context, "bare", run)
        bare.append(wall)
        wall, python_ms = start_once(context, "relbook", run)
        relbook.append(wall)
        inside.append(python_ms)
    value, floor = median(relbook), median(bare)
    ready = [start_once(context, "ready", run)[0] for run in range(min(context.repeat, READY_RUNS))]
    return [
        Figure(
            "cold start to the first painted main window",
            value,
            "ms",
            target=f"<= {TARGET_RATIO:g}x floor",
            passed=value <= TARGET_RATIO * floor,
            floor_name="bare PySide6 window, same start",
            floor=floor,
            spread=spread(relbook),
            runs=len(relbook),
            notes=(
                f"floor spread {spread(bare):.0f} ms; of relbook's time, "
                f"{median(inside):.0f} ms after the interpreter had started"
            ),
            extra={"relbook_ms": relbook, "floor_ms": bare, "relbook_in_python_ms": inside},
        ),
        Figure(
            "cold start to the book shown (list loaded, Today filled)",
            median(ready),
            "ms",
            spread=spread(ready),
            runs=len(ready),
            notes="the day's first start: the book opened after its check, behind the window",
            extra={"ready_ms": ready},
        ),
    ]
