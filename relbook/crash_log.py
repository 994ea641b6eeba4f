"""Unexpected errors go to a rotating log file in the data folder, without contact details.

An exception's message may quote what the user typed, and a database error carries its SQL
parameters (names, phone numbers), so the log keeps only what a developer needs to find the
bug: the exception classes, the SQL statement without its values, and the stack (file, line,
function). Ids appear in the statements' placeholders' places only as ``?``.
"""

import logging
import sys
import threading
import traceback
from collections.abc import Callable
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType

LOG_DIRNAME = "logs"
LOG_FILENAME = "relbook.log"
MAX_BYTES = 1_000_000
KEEP_FILES = 5

logger = logging.getLogger("relbook")

ErrorShower = Callable[[Path], None]


def log_dir(data_dir: Path) -> Path:
    return data_dir / LOG_DIRNAME


def log_path(data_dir: Path) -> Path:
    return log_dir(data_dir) / LOG_FILENAME


def start_logging(data_dir: Path) -> Path:
    """Log to ``logs/relbook.log`` (1 MB, five old files kept); returns the file's path."""
    target = log_path(data_dir)
    target.parent.mkdir(parents=True, exist_ok=True)
    for handler in list(logger.handlers):
        if isinstance(handler, RotatingFileHandler):
            logger.removeHandler(handler)
            handler.close()
    handler = RotatingFileHandler(
        target, maxBytes=MAX_BYTES, backupCount=KEEP_FILES, encoding="utf-8"
    )
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    return target


def describe(error: BaseException, trace: TracebackType | None = None) -> str:
    """The exception chain and stack, with no message text that could quote user data."""
    lines: list[str] = []
    current: BaseException | None = error
    seen: set[int] = set()
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        lines.append(f"{type(current).__module__}.{type(current).__qualname__}")
        statement = getattr(current, "statement", None)
        if isinstance(statement, str):
            lines.append("  statement: " + " ".join(statement.split()))
        frames = traceback.extract_tb(
            trace if current is error and trace else current.__traceback__
        )
        lines += [f"  at {f.filename}:{f.lineno} in {f.name}" for f in frames]
        current = current.__cause__ or current.__context__
        if current is not None:
            lines.append("caused by")
    return "\n".join(lines)


def log_error(error: BaseException, trace: TracebackType | None = None, where: str = "") -> None:
    logger.error("unexpected error%s\n%s", f" in {where}" if where else "", describe(error, trace))


def install_hooks(data_dir: Path, show: ErrorShower | None = None) -> None:
    """Log every uncaught exception (main and worker threads); ``show`` tells the user."""
    target = log_path(data_dir)

    def on_main(
        kind: type[BaseException], error: BaseException, trace: TracebackType | None
    ) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, error, trace)
            return
        log_error(error, trace)
        if show is not None:
            show(target)
        else:
            sys.__excepthook__(kind, error, trace)

    def on_thread(args: threading.ExceptHookArgs) -> None:
        if args.exc_value is not None:
            log_error(
                args.exc_value, args.exc_traceback, where=str(args.thread and args.thread.name)
            )

    sys.excepthook = on_main
    threading.excepthook = on_thread
