"""One measured figure, its floor, its target, and the statistics used for them."""

import statistics
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass
class Figure:
    """A row of the results table.

    ``value`` and ``floor`` are in ``unit``; ``spread`` is the interquartile range of the
    repeated runs (same unit). ``passed`` is None for figures that are only reported.
    """

    name: str
    value: float
    unit: str
    target: str = ""
    passed: bool | None = None
    floor_name: str = ""
    floor: float | None = None
    spread: float | None = None
    runs: int = 1
    notes: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def ratio(self) -> float | None:
        if self.floor is None or self.floor <= 0:
            return None
        return self.value / self.floor

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["ratio"] = self.ratio
        return data


def median(values: list[float]) -> float:
    return statistics.median(values)


def percentile(values: list[float], share: float) -> float:
    """The ``share`` (0..1) percentile, by the nearest rank: p95 of 20 runs is the 19th."""
    ordered = sorted(values)
    rank = max(1, min(len(ordered), round(share * len(ordered) + 0.5)))
    return ordered[rank - 1]


def spread(values: list[float]) -> float:
    """Interquartile range: how far the middle half of the runs lie apart."""
    if len(values) < 2:
        return 0.0
    quartiles = statistics.quantiles(values, n=4, method="inclusive")
    return quartiles[2] - quartiles[0]


def timed(work: Callable[[], object], repeat: int) -> list[float]:
    """Wall times of ``repeat`` runs of ``work``, in milliseconds."""
    times: list[float] = []
    for _ in range(repeat):
        started = time.perf_counter()
        work()
        times.append((time.perf_counter() - started) * 1000)
    return times
