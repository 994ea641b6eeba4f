"""Models and delegates never raise into Qt: a value they cannot show is shown blank.

Qt calls ``data()``, ``headerData()``, ``initStyleOption()``, ``paint()`` and ``sizeHint()``
from C++; an exception there is printed by PySide6 and can leave the view with a half-made
value (a segfault, in one case). Each such override is wrapped in ``guarded``: an exception is
logged to the crash log (once per place and kind, as a view repaints many times a second) and
the call gives its blank result instead.
"""

import functools
from collections.abc import Callable
from typing import Any, TypeVar

from relbook import crash_log

F = TypeVar("F", bound=Callable[..., Any])

_logged: set[tuple[str, type]] = set()


def log_view_error(error: Exception, where: str) -> None:
    """Log ``error`` raised in ``where`` unless the same kind was logged there already."""
    key = (where, type(error))
    if key in _logged:
        return
    _logged.add(key)
    crash_log.log_error(error, error.__traceback__, where)


def guarded(blank: Callable[..., Any] = lambda *_args: None) -> Callable[[F], F]:
    """Wrap a Qt override so an exception is logged and ``blank(*args)`` is returned."""

    def wrap(method: F) -> F:
        where = method.__qualname__

        @functools.wraps(method)
        def call(*args: Any, **kwargs: Any) -> Any:
            try:
                return method(*args, **kwargs)
            except Exception as error:  # Qt must never see it
                log_view_error(error, where)
                return blank(*args)

        return call  # type: ignore[return-value]

    return wrap
