"""Peak memory with the book open and searched, beside a bare PySide6 window's.

``python bench/probes/memory.py`` drives the window (see its docstring) and reports the peak
resident set size the kernel recorded for the process (``VmHWM`` on Linux). See README.md.
"""

import json

from bench.context import Context
from bench.figures import Figure, median, spread
from bench.probing import drop_book, fresh_book, run_probe

TARGET_MB = 300.0
MB = 1_000_000
"""Decimal megabytes: 300 MB is 286 MiB, the stricter reading of the target."""


def probe(context: Context, kind: str, run: int) -> dict:
    if kind == "bare":
        return json.loads(run_probe("memory.py", ["bare"], "memory").answer)
    folder = fresh_book(context, f"memory-{run}")
    try:
        return json.loads(run_probe("memory.py", ["relbook", str(folder)], "memory").answer)
    finally:
        drop_book(folder)


def measure(context: Context) -> list[Figure]:
    runs = min(context.repeat, 3)  # the peak barely moves from run to run; each takes a while
    relbook: list[float] = []
    bare: list[float] = []
    steps: dict = {}
    for run in range(runs):
        bare.append(probe(context, "bare", run)["peak"] / MB)
        answer = probe(context, "relbook", run)
        relbook.append(answer["peak"] / MB)
        steps = answer["steps"]
    value = max(relbook)
    shown = ", ".join(f"{k} {v}" for k, v in steps.items())
    return [
        Figure(
            "peak memory, book open, list scrolled and searched",
            value,
            "MB",
            target=f"<= {TARGET_MB:g} MB",
            passed=value <= TARGET_MB,
            floor_name="bare PySide6 window",
            floor=median(bare),
            spread=spread(relbook),
            runs=runs,
            notes=f"highest of {runs} runs (median {median(relbook):.0f} MB); last run: {shown}",
            extra={"relbook_mb": relbook, "floor_mb": bare, "steps": steps},
        )
    ]
