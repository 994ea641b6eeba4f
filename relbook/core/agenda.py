"""A long stretch of reminders (the year ahead, say), counted by day and built a day at a time.

``occurrences`` builds every occasion of its range at once. For the coming year of a book of
100,000 contacts that is 283,790 objects and some 3 s, before anything can be shown. An
``Agenda`` is the same occasions in the same order, as a sequence: made, it has counted them by
day in SQL (birthdays and special dates in the index of dates by day, stay in touch in the index
of ``contact.touch_due``), and it builds a day's occasions when that day is first read. What a
screen or ``relbook reminders`` shows first is ready in a fraction of the time, and going
through all of it costs what ``occurrences`` does, a day at a time, in little memory.

The counts are taken when the agenda is made; each day is read when it is first wanted (and
kept for a few days' reads), so an agenda is a view of the book as it is read, not a snapshot.
"""

from __future__ import annotations

import bisect
from collections import OrderedDict
from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager
from datetime import date
from typing import overload

from sqlalchemy.orm import Session

from relbook.core import reminders
from relbook.core.reminders import Occurrence
from relbook.core.supported_days import supported_window

Sessions = Callable[[], AbstractContextManager[Session]]
"""What opens a unit of work on the book: ``Book.session``."""
BLOCK = 2000
"""About how many occasions are read at once: consecutive days, in one unit of work."""
BLOCKS_KEPT = 4


class Agenda(Sequence[Occurrence]):
    """Every occasion ``occurrences(session, start, end)`` gives, in its order, read by day."""

    def __init__(
        self,
        sessions: Sessions,
        start: date,
        end: date,
        counts: dict[date, int],
        small: dict[date, list[Occurrence]],
    ):
        self._sessions = sessions
        self.start, self.end = start, end
        self._days = sorted(day for day, count in counts.items() if count > 0)
        self._counts = [counts[day] for day in self._days]
        self._firsts: list[int] = []  # the index of each day's first occasion
        self._blocks: list[int] = []  # the position (in ``_days``) each block starts at
        total = in_block = 0
        for position, count in enumerate(self._counts):
            if not self._blocks or in_block + count > BLOCK:
                self._blocks.append(position)
                in_block = 0
            self._firsts.append(total)
            total += count
            in_block += count
        self._total = total
        self._small = small
        self._read: OrderedDict[int, dict[date, list[Occurrence]]] = OrderedDict()

    def __len__(self) -> int:
        return self._total

    @overload
    def __getitem__(self, index: int) -> Occurrence: ...

    @overload
    def __getitem__(self, index: slice) -> list[Occurrence]: ...

    def __getitem__(self, index: int | slice) -> Occurrence | list[Occurrence]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(self._total))]
        if index < 0:
            index += self._total
        if not 0 <= index < self._total:
            raise IndexError("agenda index out of range")
        position = bisect.bisect_right(self._firsts, index) - 1
        found = self.on(self._days[position])
        offset = index - self._firsts[position]
        if offset >= len(found):  # the book lost occasions of that day since it was counted
            raise IndexError("agenda index out of range")
        return found[offset]

    def __iter__(self) -> Iterator[Occurrence]:
        for day in self._days:
            yield from self.on(day)

    def days(self) -> list[tuple[date, int]]:
        """Each day that holds occasions, with how many it held when counted, in order."""
        return list(zip(self._days, self._counts, strict=True))

    def on(self, day: date) -> list[Occurrence]:
        """The occasions of ``day`` in the agenda's order, read from the book with the days
        around it (about ``BLOCK`` occasions in one unit of work) on first use."""
        position = bisect.bisect_left(self._days, day)
        if position == len(self._days) or self._days[position] != day:
            return []
        block = bisect.bisect_right(self._blocks, position) - 1
        read = self._read.get(block)
        if read is None:
            read = self._read_block(block)
            self._read[block] = read
            if len(self._read) > BLOCKS_KEPT:
                self._read.popitem(last=False)
        else:
            self._read.move_to_end(block)
        return read.get(day, [])

    def _read_block(self, block: int) -> dict[date, list[Occurrence]]:
        first = self._days[self._blocks[block]]
        following = block + 1
        last_position = (
            self._blocks[following] - 1 if following < len(self._blocks) else len(self._days) - 1
        )
        last = self._days[last_position]
        with self._sessions() as session:
            found = reminders.occasions_between(session, self.start, self.end, first, last)
        by_day: dict[date, list[Occurrence]] = {}
        for occurrence in found:
            by_day.setdefault(occurrence.date, []).append(occurrence)
        for day in self._days[self._blocks[block] : last_position + 1]:
            day_list = by_day.setdefault(day, [])
            day_list += self._small.get(day, [])
            reminders.sort_occurrences(day_list)
        return by_day


def agenda(sessions: Sessions, start: date, end: date) -> Agenda:
    """The occasions of ``[start, end]`` (with open follow-ups, tasks and stay-in-touch
    reminders already due before it, as overdue) as an ``Agenda``; days outside the
    supported range hold nothing."""
    start, end = supported_window(start, end)
    if end < start:
        return Agenda(sessions, start, end, {}, {})
    with sessions() as session:
        counts = reminders.date_counts(session, start, end)
        for more in (
            reminders.neglect_counts(session, end),
            reminders.follow_up_counts(session, end),
        ):
            for day, count in more.items():
                counts[day] = counts.get(day, 0) + count
        small: dict[date, list[Occurrence]] = {}
        for occurrence in reminders.small_occurrences(session, start, end):
            small.setdefault(occurrence.date, []).append(occurrence)
            counts[occurrence.date] = counts.get(occurrence.date, 0) + 1
    return Agenda(sessions, start, end, counts, small)
