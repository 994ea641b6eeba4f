"""Pinyin keys for names, and the as-you-type name matcher.

A name is split into units, one per character. A Han character's unit carries its pinyin
syllable; any other character is its own lowercase syllable. A query matches a name when it can
be read as a run of consecutive units, each typed either as the character itself or as a
non-empty prefix of its syllable: "zs", "zhangsan", "张" and "张s" all find 张三.
"""

import importlib.util
import json
import unicodedata
from functools import cache, lru_cache
from pathlib import Path

# Surnames whose everyday reading differs from the most common reading of the character.
_SURNAME_READINGS: dict[str, str] = {
    "曾": "zeng",
    "单": "shan",
    "解": "xie",
    "区": "ou",
    "查": "zha",
    "仇": "qiu",
    "朴": "piao",
    "盖": "ge",
    "乐": "yue",
    "尉": "yu",
    "覃": "qin",
    "缪": "miao",
    "繁": "po",
    "员": "yun",
    "宓": "mi",
    "秘": "bi",
    "翟": "zhai",
    "召": "shao",
    "折": "she",
    "种": "chong",
    "句": "gou",
    "华": "hua",
    "任": "ren",
    "沈": "shen",
    "柏": "bai",
    "藏": "zang",
    "重": "chong",
}
_COMPOUND_SURNAMES: dict[str, tuple[str, str]] = {"万俟": ("mo", "qi"), "长孙": ("zhang", "sun")}
SEPARATORS = frozenset(" \t·・.-_")
"""Characters a name or a query may hold that the matcher ignores."""


def is_han(ch: str) -> bool:
    """Whether ``ch`` is a Han character (its unit carries a pinyin syllable)."""
    return "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff"


@lru_cache(maxsize=65536)
def _char_syllable(ch: str) -> str:
    table = reading_table()
    if table is not None:
        readings = table.get(ord(ch))
        if readings:
            return plain_syllable(readings.split(",", 1)[0])
    # imported on first use: pypinyin's phrase tables take ~0.3 s and ~60 MB to load
    from pypinyin import Style, lazy_pinyin

    return lazy_pinyin(ch, style=Style.NORMAL, errors="default")[0].lower()


def plain_syllable(marked: str) -> str:
    """A toned syllable as pypinyin's NORMAL style writes it: "lǜ" -> "lv", "zhōng" ->
    "zhong"."""
    decomposed = unicodedata.normalize("NFD", marked).replace("u\u0308", "v")
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


@cache
def reading_table() -> dict[int, str] | None:
    """pypinyin's table of single characters' readings (code point -> "zhōng,zhòng"), most
    common first, read from its data file without importing the package.

    A name is converted one character at a time, which is exactly this table's first
    reading; importing pypinyin also loads its phrase tables (400,000 phrases: about 55 MB
    and 0.3 s) that single characters never use. None when the file cannot be read (another
    pypinyin layout): ``lazy_pinyin`` then answers, the same syllables more slowly. The tests
    compare both for every Han character pypinyin knows.
    """
    spec = importlib.util.find_spec("pypinyin")
    folders = list(spec.submodule_search_locations or []) if spec is not None else []
    for folder in folders:
        try:
            raw = json.loads((Path(folder) / "pinyin_dict.json").read_text(encoding="utf-8"))
            return {int(code): str(readings) for code, readings in raw.items()}
        except (OSError, ValueError, TypeError, AttributeError):
            continue
    return None


def name_units(name: str) -> list[tuple[str, str]]:
    """The (character, syllable) units of a name, separators dropped."""
    chars = [c for c in name.strip() if c not in SEPARATORS]
    units: list[tuple[str, str]] = []
    text = "".join(chars)
    start = 0
    for compound, syllables in _COMPOUND_SURNAMES.items():
        if text.startswith(compound):
            units.extend(zip(compound, syllables, strict=True))
            start = len(compound)
            break
    for index in range(start, len(chars)):
        ch = chars[index]
        if is_han(ch):
            if index == 0 and ch in _SURNAME_READINGS:
                syllable = _SURNAME_READINGS[ch]
            else:
                syllable = _char_syllable(ch)
        else:
            syllable = ch.lower()
        units.append((ch.lower() if not is_han(ch) else ch, syllable))
    return units


def name_pinyin(name: str) -> str:
    """Space-separated syllables, one per unit: 张三 -> "zhang san"."""
    return " ".join(s for _, s in name_units(name))


def sort_key(name: str) -> str:
    """Key that sorts names by pinyin, then by the characters themselves (homophones apart)."""
    units = name_units(name)
    return " ".join(s for _, s in units) + "\x1f" + "".join(c for c, _ in units)


def name_keys(name: str) -> tuple[str, str, str]:
    """(name_pinyin, sort_key, initials) from one pass over the name."""
    units = name_units(name)
    spelled = " ".join(s for _, s in units)
    return (
        spelled,
        spelled + "\x1f" + "".join(c for c, _ in units),
        "".join(s[0] for _, s in units if s),
    )


def initials(name: str) -> str:
    """First letter of each unit's syllable: 张三 -> "zs"."""
    return "".join(s[0] for _, s in name_units(name) if s)


def units_from_stored(name: str, pinyin: str) -> list[tuple[str, str]]:
    """Rebuild units from a name and its stored ``name_pinyin`` without calling pypinyin."""
    chars = [c for c in name.strip() if c not in SEPARATORS]
    syllables = pinyin.split(" ") if pinyin else []
    if len(chars) != len(syllables):
        return name_units(name)
    return [(c if is_han(c) else c.lower(), s) for c, s in zip(chars, syllables, strict=True)]


def normalize_query(query: str) -> str:
    """Lowercase, separators removed: what the matcher compares."""
    return "".join(c for c in query.strip().lower() if c not in SEPARATORS)


def matches_units(units: list[tuple[str, str]], query: str) -> bool:
    """Whether ``query`` (normalized) reads as a run of consecutive units; see module docstring."""
    if not query:
        return True
    n_units = len(units)
    n_query = len(query)

    @cache
    def consume(unit_index: int, pos: int) -> bool:
        if pos == n_query:
            return True
        if unit_index == n_units:
            return False
        char, syllable = units[unit_index]
        if query[pos] == char and consume(unit_index + 1, pos + 1):
            return True
        length = 0
        while (
            length < len(syllable)
            and pos + length < n_query
            and query[pos + length] == syllable[length]
        ):
            length += 1
            if consume(unit_index + 1, pos + length):
                return True
        return False

    result = any(consume(start, 0) for start in range(n_units))
    consume.cache_clear()
    return result


def name_matches(name: str, query: str) -> bool:
    """Convenience for tests and small lists: does ``query`` find ``name``?"""
    return matches_units(name_units(name), normalize_query(query))


def like_prefilter(query: str) -> tuple[list[str], str]:
    """Cheap necessary conditions for a name match, usable in SQL LIKE.

    Returns the Han characters the name must contain and a LIKE pattern that the stored pinyin
    must match (the query's other letters in order). Every real match passes both; most
    non-matches fail one, so the exact matcher only runs on a few candidates.
    """
    han = [c for c in query if is_han(c)]
    letters = [c for c in query if not is_han(c)]
    escaped = [("\\" + c) if c in "%_\\" else c for c in letters]
    pattern = "%" + "%".join(escaped) + "%" if escaped else "%"
    return han, pattern
