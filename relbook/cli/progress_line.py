"""A progress line for long commands, rewritten in place on a terminal, silent when piped."""

import sys
from typing import TextIO

from relbook.words.import_words import fill


class ProgressLine:
    """``template`` gets %1 done, %2 total (with thousands separators) and %3 percent."""

    def __init__(self, template: str, stream: TextIO | None = None):
        self._template = template
        self._stream = stream if stream is not None else sys.stderr
        self._shown = False
        self._last = ""

    def __call__(self, done: int, total: int) -> bool:
        if total and self._stream.isatty():
            percent = min(100, done * 100 // total)
            text = fill(self._template, f"{done:,}", f"{total:,}", percent)
            if text != self._last:
                self._stream.write("\r" + text)
                self._stream.flush()
                self._last, self._shown = text, True
        return True

    def close(self) -> None:
        if self._shown:
            self._stream.write("\n")
            self._stream.flush()
            self._shown = False
