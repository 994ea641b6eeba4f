"""Entry point of the built relbook application (build_installer.py freezes this file)."""

import os
import sys


def _attach_streams() -> None:
    """A windowed Windows build has no stdout: print into the terminal it was started from."""
    if sys.stdout is not None and sys.stderr is not None:
        return
    if sys.platform == "win32" and len(sys.argv) > 1:
        import ctypes

        if ctypes.windll.kernel32.AttachConsole(-1):  # the parent's console, if there is one
            sys.stdout = open("CONOUT$", "w", encoding="utf-8", errors="replace")  # noqa: SIM115
            sys.stderr = sys.stdout
            return
    quiet = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115
    sys.stdout = sys.stdout or quiet
    sys.stderr = sys.stderr or quiet


_attach_streams()

from relbook.__main__ import main  # noqa: E402

raise SystemExit(main())
