"""The program's entry: the ``relbook`` command and ``python -m relbook``.

Book commands run on the command line (``relbook.cli``); opening the window, the self-test and
the screenshots belong to the app, which this module hands to the command line so that
``relbook.cli`` never imports the window (docs/architecture.md).
"""

from collections.abc import Sequence
from pathlib import Path
from typing import Any


class _App:
    """``relbook.cli.AppCommands``: each imports what it needs only when it is asked for."""

    def start_window(self, data_dir: str | None) -> int:
        from relbook.ui.preflight import check_window

        refused = check_window()  # before the window's modules load: says what is missing
        if refused is not None:
            return refused
        from relbook.app import run_gui

        return run_gui(data_dir, checked=True)

    def self_test(self) -> int:
        from relbook.self_test import run_self_test

        return run_self_test()

    def screenshots(self, book: Any, outdir: Path) -> list[Path]:
        from relbook.ui.screenshots import render_screenshots

        return render_screenshots(book, outdir)


def main(argv: Sequence[str] | None = None) -> int:
    from relbook.cli import main as run

    return run(argv, app=_App())


if __name__ == "__main__":
    raise SystemExit(main())
