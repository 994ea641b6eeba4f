"""The Chinese catalogue covers every string the code marks for translation, and is compiled."""

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CATALOGUE = ROOT / "resources" / "i18n" / "relbook_zh_CN.ts"
COMPILED = ROOT / "resources" / "i18n" / "relbook_zh_CN.qm"


def _tool(name: str) -> str:
    found = shutil.which(name) or shutil.which(name, path=str(Path(sys.executable).parent))
    if found is None:
        pytest.skip(f"{name} is not installed")
    return found


def _messages(ts_file: Path) -> dict[tuple[str, str], tuple[str, str | None]]:
    found = {}
    for context in ET.parse(ts_file).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            found[(name, message.findtext("source") or "")] = (
                translation.text or "",
                translation.get("type"),
            )
    return found


def test_every_marked_string_has_a_finished_chinese_translation(tmp_path):
    sources = sorted(str(p) for p in (ROOT / "relbook").rglob("*.py"))
    fresh = tmp_path / "fresh.ts"
    subprocess.run(
        [_tool("pyside6-lupdate"), *sources, "-ts", str(fresh)],
        check=True,
        capture_output=True,
    )
    wanted = set(_messages(fresh))
    have = _messages(CATALOGUE)
    missing = sorted(wanted - set(have))
    assert not missing, f"run pyside6-lupdate and translate: {missing[:10]}"
    unfinished = sorted(
        key for key in wanted if have[key][1] in ("unfinished", "obsolete") or not have[key][0]
    )
    assert not unfinished, f"untranslated: {unfinished[:10]}"


def test_compiled_catalogue_matches_the_source(tmp_path):
    compiled = tmp_path / "check.qm"
    subprocess.run(
        [_tool("pyside6-lrelease"), str(CATALOGUE), "-qm", str(compiled)],
        check=True,
        capture_output=True,
    )
    assert COMPILED.read_bytes() == compiled.read_bytes(), "run pyside6-lrelease on the .ts"
