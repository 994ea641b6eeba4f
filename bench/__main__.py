"""``python -m bench [--contacts N] [--quick]``: measure relbook beside its floors.

Prints one table and writes it to bench/results/latest.json and latest.md. Always exits 0:
it measures, it does not gate.
"""

import argparse
import compileall
import importlib
import json
import os
import platform
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench.books import book_dir  # noqa: E402
from bench.context import Context  # noqa: E402
from bench.figures import Figure  # noqa: E402

RESULTS = Path(__file__).parent / "results"
MODULES = ("start", "search", "reminders", "scrolling", "exchange", "memory", "size")
"""Measurement modules (bench/m_<name>.py), each with ``measure(context) -> list[Figure]``."""


def compile_relbook() -> None:
    """Write relbook's bytecode, as installing it does (pip compiles what it installs, the
    built app ships it). Without it, where PYTHONDONTWRITEBYTECODE is set (as on the machine
    the committed results come from), every start compiles relbook's modules from source:
    some 50 ms of the cold start that an installed relbook does not pay."""
    import relbook

    compileall.compile_dir(Path(relbook.__file__).parent, quiet=1)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--contacts", type=int, default=100_000, metavar="N")
    parser.add_argument("--quick", action="store_true", help="10,000 contacts, fewer runs")
    parser.add_argument("--only", nargs="+", choices=MODULES, metavar="NAME", help="some only")
    parser.add_argument("--repeat", type=int, default=None, metavar="R", help="runs per figure")
    args = parser.parse_args(argv)
    contacts = 10_000 if args.quick else args.contacts
    repeat = args.repeat or (3 if args.quick else 7)
    started = time.perf_counter()
    compile_relbook()
    print(f"Building (or reusing) a demo book of {contacts:,} contacts...", flush=True)
    folder = book_dir(contacts)
    figures: list[Figure] = []
    with tempfile.TemporaryDirectory(prefix="relbook-bench-") as scratch:
        context = Context(folder, contacts, repeat, Path(scratch), args.quick)
        for name in args.only or MODULES:
            print(f"Measuring {name}...", flush=True)
            module = importlib.import_module(f"bench.m_{name}")
            try:
                figures += module.measure(context)
            except Exception as problem:  # one broken measurement must not hide the others
                figures.append(Figure(f"{name}: failed", 0, "", notes=repr(problem)))
    table = render_markdown(figures, contacts, time.perf_counter() - started)
    print()
    print(table)
    write_results(figures, table, contacts)
    return 0


def _number(value: float | None) -> str:
    if value is None:
        return "-"
    if value >= 100:
        return f"{value:,.0f}"
    if value >= 10:
        return f"{value:.1f}"
    return f"{value:.2f}"


def render_markdown(figures: list[Figure], contacts: int, seconds: float) -> str:
    lines = [
        f"relbook benchmarks, {contacts:,} contacts, {datetime.now():%Y-%m-%d %H:%M}, "
        f"Python {platform.python_version()}, {platform.machine()}, {os.cpu_count()} CPUs "
        f"({seconds:.0f} s)",
        "",
        "| figure | value | spread | floor | floor value | ratio | target | result |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for f in figures:
        result = {True: "pass", False: "FAIL", None: "reported"}[f.passed]
        ratio = f"{f.ratio:.2f}x" if f.ratio is not None else "-"
        lines.append(
            f"| {f.name} | {_number(f.value)} {f.unit} | {_number(f.spread)} | "
            f"{f.floor_name or '-'} | {_number(f.floor)} | {ratio} | {f.target or '-'} | "
            f"{result} |"
        )
    return "\n".join(lines)


def write_results(figures: list[Figure], table: str, contacts: int) -> None:
    RESULTS.mkdir(exist_ok=True)
    data = {
        "contacts": contacts,
        "when": datetime.now().isoformat(timespec="seconds"),
        "python": platform.python_version(),
        "machine": platform.machine(),
        "cpus": os.cpu_count(),
        "figures": [f.as_dict() for f in figures],
    }
    (RESULTS / "latest.json").write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    (RESULTS / "latest.md").write_text(table + "\n")


if __name__ == "__main__":
    sys.exit(main())
