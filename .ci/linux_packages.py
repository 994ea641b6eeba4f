"""Does the README's Linux package line install every library the window's Qt needs?

Reads what the installed PySide6 wheel's xcb platform plugin and the Qt libraries the window
loads need (``readelf -d``, else ``objdump -p``: the NEEDED entries, so it works the same
whether the packages are installed or not), follows the libraries the wheel bundles, and
checks each system library against ``relbook.ui.preflight.LINUX_LIBRARIES`` (soname -> Debian
package) and that package against the README's ``sudo apt-get install`` line.

Run with the project's Python: ``.venv/bin/python .ci/linux_packages.py``; exit 0 when
everything is covered, 1 with what is missing. PySide6 changing its libraries fails CI here.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"

WINDOW_MODULES = ("QtCore", "QtGui", "QtWidgets", "QtNetwork")
"""The PySide6 modules relbook's window imports."""


def pyside_dir() -> Path:
    import PySide6

    return Path(PySide6.__file__).resolve().parent


def start_files(pyside: Path) -> list[Path]:
    """The libraries the window loads: the xcb plugin, its GL integrations, the modules."""
    plugins = pyside / "Qt" / "plugins"
    files = [plugins / "platforms" / "libqxcb.so"]
    files += sorted((plugins / "xcbglintegrations").glob("*.so"))
    files += [pyside / f"{name}.abi3.so" for name in WINDOW_MODULES]
    return [f for f in files if f.is_file()]


def needed(path: Path) -> list[str]:
    """The NEEDED sonames of one ELF file."""
    if shutil.which("readelf"):
        out = subprocess.run(["readelf", "-d", str(path)], capture_output=True, text=True).stdout
        return re.findall(r"\(NEEDED\)\s+Shared library: \[([^\]]+)\]", out)
    if shutil.which("objdump"):
        out = subprocess.run(["objdump", "-p", str(path)], capture_output=True, text=True).stdout
        return re.findall(r"^\s*NEEDED\s+(\S+)", out, re.MULTILINE)
    raise RuntimeError("neither readelf nor objdump is installed (apt-get install binutils)")


def system_libraries(pyside: Path) -> set[str]:
    """Every soname the window's Qt needs that the wheel does not bring itself."""
    bundled: dict[str, Path] = {}
    for folder in (pyside / "Qt" / "lib", pyside, pyside.parent / "shiboken6"):
        if folder.is_dir():
            bundled.update({f.name: f for f in folder.iterdir() if f.is_file()})
    todo, seen, system = start_files(pyside), set(), set()
    while todo:
        current = todo.pop()
        if current in seen:
            continue
        seen.add(current)
        for name in needed(current):
            if name in bundled:
                todo.append(bundled[name])
            else:
                system.add(name)
    return system


def readme_packages(text: str) -> set[str]:
    """The packages of the README's one ``apt-get install`` line."""
    lines = [line for line in text.splitlines() if re.search(r"\bapt(-get)? install\b", line)]
    if len(lines) != 1:
        raise ValueError(f"the README should have one apt install line, it has {len(lines)}")
    words = lines[0].split("install", 1)[1].replace("`", " ").split()
    return {w for w in words if not w.startswith("-")}


def problems(system: set[str], table: dict[str, str | None], listed: set[str]) -> list[str]:
    found = []
    for name in sorted(system):
        if name not in table:
            where = "relbook/ui/preflight.py LINUX_LIBRARIES"
            found.append(f"{name}: not in {where} (add its package)")
        elif table[name] is not None and table[name] not in listed:
            found.append(f"{name}: its package {table[name]} is not on the README's apt line")
    return found


def main() -> int:
    sys.path.insert(0, str(ROOT))
    from relbook.ui.preflight import FONT_PACKAGE, LINUX_LIBRARIES

    system = system_libraries(pyside_dir())
    listed = readme_packages(README.read_text(encoding="utf-8"))
    found = problems(system, LINUX_LIBRARIES, listed)
    if FONT_PACKAGE not in listed:
        found.append(f"the font package {FONT_PACKAGE} is not on the README's apt line")
    for line in found:
        print(line)
    if not found:
        print(f"ok: {len(system)} libraries, every package on the README's line")
    return 1 if found else 0


if __name__ == "__main__":
    raise SystemExit(main())
