"""Running the probes in bench/probes/: each in a fresh interpreter, on its own copy of the book.

A probe prints one line that starts with a word it was asked for (``painted``, ``memory``);
the parent notes when that line arrived. Anything else, or silence past the timeout, fails.
"""

import os
import queue
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from bench.books import scratch_copy
from bench.context import Context

PROBES = Path(__file__).parent / "probes"
TIMEOUT_S = 180.0


@dataclass
class ProbeOutcome:
    wall_ms: float
    """From just before the process was started to the arrival of its answer line."""
    answer: str
    """The answer line without its first word."""


def probe_environment() -> dict[str, str]:
    """The parent's environment; offscreen Qt unless QT_QPA_PLATFORM says otherwise."""
    environment = dict(os.environ)
    environment.setdefault("QT_QPA_PLATFORM", "offscreen")
    return environment


def run_probe(
    script: str, args: list[str], answer: str, timeout_s: float = TIMEOUT_S
) -> ProbeOutcome:
    """Run ``bench/probes/<script>`` and wait for its line starting with ``answer``."""
    lines: queue.SimpleQueue[tuple[float, str | None]] = queue.SimpleQueue()
    with tempfile.TemporaryFile(mode="w+") as errors:
        started = time.perf_counter()
        process = subprocess.Popen(
            [sys.executable, str(PROBES / script), *args],
            stdout=subprocess.PIPE,
            stderr=errors,
            stdin=subprocess.DEVNULL,
            env=probe_environment(),
            text=True,
            encoding="utf-8",
        )

        def read() -> None:
            assert process.stdout is not None
            for line in process.stdout:
                lines.put((time.perf_counter(), line.rstrip("\n")))
            lines.put((time.perf_counter(), None))  # the probe closed its output

        threading.Thread(target=read, daemon=True).start()
        deadline = started + timeout_s
        said: list[str] = []
        found: tuple[float, str] | None = None
        try:
            while found is None:
                arrived, line = lines.get(timeout=max(0.0, deadline - time.perf_counter()))
                if line is None:
                    break  # the probe left without answering
                if line.split(" ", 1)[0] == answer:
                    found = arrived, line
                elif line:
                    said.append(line)
        except queue.Empty:
            said.append(f"no answer within {timeout_s:.0f} s")
        finally:
            if process.poll() is None and found is None:
                process.kill()
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        if found is None:
            errors.seek(0)
            tail = errors.read()[-600:].strip()
            raise RuntimeError(f"probe {script} {' '.join(args)}: {' / '.join(said)} {tail}")
    arrived, line = found
    return ProbeOutcome((arrived - started) * 1000, line.partition(" ")[2])


def fresh_book(context: Context, name: str) -> Path:
    """A new copy of the demo book in the scratch folder: no backups, no window layout yet."""
    folder = context.scratch / name
    shutil.rmtree(folder, ignore_errors=True)
    return scratch_copy(context.data_dir, folder)


def drop_book(folder: Path) -> None:
    shutil.rmtree(folder, ignore_errors=True)
